import { MeiliError, type MeiliErrorCode, meiliError } from '@miroir/errors';
import type { Context, Hono } from 'hono';
import { describeValue } from '../engine/describe-value.js';
import type { SearchIndexEngine, SearchQuery, SearchResponse } from '../engine/engine-contract.js';
import { validateSearchQuery } from '../engine/index.js';
import { readJsonBody } from '../http/read-body.js';
import {
  applySearchRules,
  canAccessIndex,
  type DevnodeEnv,
  requireAction,
} from '../middleware/auth/index.js';
import {
  type FacetsOfIndex,
  type FederatedPart,
  mergeFacets,
  mergeFederatedHits,
} from '../search/merge-federated.js';
import { assertIndexUid } from '../state/index-catalog.js';
import type { DevnodeDeps } from './deps.js';

interface ParsedQuery {
  indexUid: string;
  query: SearchQuery;
  weight: number;
  position: number;
}

function prefixed(i: number, err: unknown): unknown {
  if (!(err instanceof MeiliError)) return err;
  return meiliError(err.code, `Inside \`.queries[${i}]\`: ${err.message}`);
}

function asRecord(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw meiliError(
      'bad_request',
      `Invalid value type at \`${path}\`: expected an object, but found ${describeValue(value)}`,
    );
  }
  return value as Record<string, unknown>;
}

function nonNegativeInt(value: unknown, code: MeiliErrorCode, path: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw meiliError(
      code,
      `Invalid value type at \`${path}\`: expected a positive integer, but found ${describeValue(value)}`,
    );
  }
  return value;
}

function parseQuery(raw: unknown, i: number, isFederated: boolean): ParsedQuery {
  const q = { ...asRecord(raw, `.queries[${i}]`) };
  if (q.indexUid === undefined)
    throw meiliError('missing_index_uid', `Missing field \`indexUid\` inside \`.queries[${i}]\``);
  if (typeof q.indexUid !== 'string') {
    throw meiliError(
      'invalid_index_uid',
      `Invalid value type at \`.queries[${i}].indexUid\`: expected a string, but found ${describeValue(q.indexUid)}`,
    );
  }
  const indexUid = q.indexUid;
  delete q.indexUid;
  let weight = 1;
  let position = i;
  if (q.federationOptions !== undefined && q.federationOptions !== null) {
    if (!isFederated) {
      throw meiliError(
        'invalid_multi_search_federation_options',
        `Inside \`.queries[${i}]\`: Using \`federationOptions\` is not allowed in a non-federated search.\n - Hint: remove \`federationOptions\` from query #${i} or add \`federation\` to the request.`,
      );
    }
    const options = asRecord(q.federationOptions, `.queries[${i}].federationOptions`);
    if (options.weight !== undefined) {
      if (typeof options.weight !== 'number' || options.weight < 0) {
        throw meiliError(
          'invalid_multi_search_weight',
          `Invalid value at \`.queries[${i}].federationOptions.weight\`: the value of \`weight\` is invalid, expected a positive float (>= 0.0).`,
        );
      }
      weight = options.weight;
    }
    if (typeof options.queryPosition === 'number') position = options.queryPosition;
  }
  delete q.federationOptions;
  if (isFederated) {
    for (const key of ['offset', 'limit', 'page', 'hitsPerPage']) {
      if (q[key] !== undefined && q[key] !== null) {
        throw meiliError(
          'invalid_multi_search_query_pagination',
          `Inside \`.queries[${i}]\`: Using pagination options is not allowed in federated queries.\n - Hint: remove \`${key}\` from query #${i} or remove \`federation\` from the request\n - Hint: pass \`federation.limit\` and \`federation.offset\` for pagination in federated search`,
        );
      }
    }
    if (q.facets !== undefined && q.facets !== null) {
      throw meiliError(
        'invalid_multi_search_query_facets',
        `Inside \`.queries[${i}]\`: Using facet options is not allowed in federated queries.\n - Hint: remove \`facets\` from query #${i} or remove \`federation\` from the request\n - Hint: pass \`federation.facetsByIndex.${indexUid}: ${JSON.stringify(q.facets)}\` for facets in federated search`,
      );
    }
  }
  try {
    assertIndexUid(indexUid);
    return { indexUid, query: validateSearchQuery(q), weight, position };
  } catch (err) {
    throw prefixed(i, err);
  }
}

/**
 * `POST /multi-search`: plain (`{results:[…]}`) and federated (one merged hit list with `_federation`).
 *
 * @example
 * ```ts
 * registerMultiSearchRoutes(app, deps);
 * ```
 */
export function registerMultiSearchRoutes(app: Hono<DevnodeEnv>, deps: DevnodeDeps): void {
  const { state, payloadSizeLimit } = deps;
  const { catalog, keys } = state;

  const searchOne = (i: number, indexUid: string, query: SearchQuery): SearchResponse => {
    try {
      return catalog.get(indexUid).engine.search(query);
    } catch (err) {
      throw prefixed(i, err);
    }
  };

  app.post('/multi-search', requireAction(keys, 'search'), async (c: Context<DevnodeEnv>) => {
    try {
      const body = asRecord(await readJsonBody(c, payloadSizeLimit), '');
      for (const key of Object.keys(body)) {
        if (key !== 'queries' && key !== 'federation') {
          throw meiliError(
            'bad_request',
            `Unknown field \`${key}\`: expected one of \`queries\`, \`federation\``,
          );
        }
      }
      if (body.queries === undefined) throw meiliError('bad_request', 'Missing field `queries`');
      if (!Array.isArray(body.queries)) {
        throw meiliError(
          'bad_request',
          `Invalid value type at \`.queries\`: expected an array, but found ${describeValue(body.queries)}`,
        );
      }
      const federation =
        body.federation === undefined || body.federation === null
          ? null
          : asRecord(body.federation, '.federation');
      const queries = body.queries.map((raw, i) => parseQuery(raw, i, federation !== null));
      for (const q of queries) {
        if (!canAccessIndex(c, q.indexUid))
          throw meiliError('invalid_api_key', 'The provided API key is invalid.');
        q.query = applySearchRules(c, q.indexUid, q.query);
      }
      if (federation === null) {
        return c.json({
          results: queries.map((q, i) => ({ indexUid: q.indexUid, ...searchOne(i, q.indexUid, q.query) })),
        });
      }
      return c.json(runFederated(federation, queries, searchOne, (uid) => catalog.get(uid).engine));
    } catch (err) {
      // Inside multi-search an unknown index is a 400, not a 404.
      if (err instanceof MeiliError && err.code === 'index_not_found') return c.json(err.toJSON(), 400);
      throw err;
    }
  });
}

function runFederated(
  federation: Record<string, unknown>,
  queries: ParsedQuery[],
  searchOne: (i: number, indexUid: string, query: SearchQuery) => SearchResponse,
  engineOf: (indexUid: string) => Pick<SearchIndexEngine, 'primaryKey' | 'facetsOfAnyMatch'>,
): Record<string, unknown> {
  const allowed = [
    'limit',
    'offset',
    'page',
    'hitsPerPage',
    'facetsByIndex',
    'mergeFacets',
    'distinct',
    'showPerformanceDetails',
  ];
  for (const key of Object.keys(federation)) {
    if (!allowed.includes(key)) {
      throw meiliError(
        'bad_request',
        `Unknown field \`${key}\` inside \`.federation\`: expected one of ${allowed.map((a) => `\`${a}\``).join(', ')}`,
      );
    }
  }
  const isPaged = federation.page !== undefined || federation.hitsPerPage !== undefined;
  let offset = 0;
  let limit = 20;
  let page = 1;
  let hitsPerPage = 20;
  if (isPaged) {
    if (federation.page !== undefined)
      page = nonNegativeInt(federation.page, 'invalid_search_page', '.federation.page');
    if (federation.hitsPerPage !== undefined) {
      hitsPerPage = nonNegativeInt(
        federation.hitsPerPage,
        'invalid_search_hits_per_page',
        '.federation.hitsPerPage',
      );
    }
    offset = Math.max(0, page - 1) * hitsPerPage;
    limit = page === 0 ? 0 : hitsPerPage;
  } else {
    if (federation.offset !== undefined)
      offset = nonNegativeInt(federation.offset, 'invalid_search_offset', '.federation.offset');
    if (federation.limit !== undefined)
      limit = nonNegativeInt(federation.limit, 'invalid_search_limit', '.federation.limit');
  }
  const facetsByIndex: Record<string, string[]> = {};
  if (federation.facetsByIndex !== undefined && federation.facetsByIndex !== null) {
    for (const [uid, facets] of Object.entries(
      asRecord(federation.facetsByIndex, '.federation.facetsByIndex'),
    )) {
      if (!Array.isArray(facets) || facets.some((f) => typeof f !== 'string')) {
        throw meiliError(
          'invalid_multi_search_facets_by_index',
          `Invalid value type at \`.federation.facetsByIndex.${uid}\`: expected an array, but found ${describeValue(facets)}`,
        );
      }
      if (!queries.some((q) => q.indexUid === uid)) {
        throw meiliError(
          'invalid_multi_search_facets_by_index',
          `Inside \`.federation.facetsByIndex.${uid}\`: Index \`${uid}\` is not used in queries.`,
        );
      }
      facetsByIndex[uid] = facets as string[];
    }
  }
  let mergeMax: number | null = null;
  if (federation.mergeFacets !== undefined && federation.mergeFacets !== null) {
    const m = asRecord(federation.mergeFacets, '.federation.mergeFacets');
    mergeMax =
      m.maxValuesPerFacet === undefined
        ? 100
        : nonNegativeInt(
            m.maxValuesPerFacet,
            'invalid_multi_search_max_values_per_facet',
            '.federation.mergeFacets.maxValuesPerFacet',
          );
  }
  const started = Date.now();
  const parts: FederatedPart[] = [];
  const facetsOf = new Map<string, FacetsOfIndex>();
  let total = 0;
  queries.forEach((q, i) => {
    const wantsFacets = facetsByIndex[q.indexUid] !== undefined && !facetsOf.has(q.indexUid);
    const { page: _p, hitsPerPage: _h, ...rest } = q.query;
    const response = searchOne(i, q.indexUid, {
      ...rest,
      offset: 0,
      limit: offset + limit,
      showRankingScore: true,
      showRankingScoreDetails: true,
      facets: wantsFacets ? (facetsByIndex[q.indexUid] ?? null) : null,
    });
    total += response.estimatedTotalHits ?? response.totalHits ?? 0;
    if (wantsFacets) {
      facetsOf.set(q.indexUid, {
        distribution: response.facetDistribution ?? {},
        stats: response.facetStats ?? {},
      });
    }
    parts.push({
      indexUid: q.indexUid,
      primaryKey: engineOf(q.indexUid).primaryKey,
      queriesPosition: q.position,
      weight: q.weight,
      response,
      showRankingScore: q.query.showRankingScore === true,
      showRankingScoreDetails: q.query.showRankingScoreDetails === true,
    });
  });
  // An index searched by several queries counts its facets over the documents any of them matches.
  for (const [uid, facets] of Object.entries(facetsByIndex)) {
    const ofIndex = queries.filter((q) => q.indexUid === uid);
    if (ofIndex.length < 2) continue;
    const union = engineOf(uid).facetsOfAnyMatch(
      ofIndex.map(({ query: { page: _p, hitsPerPage: _h, ...rest } }) => rest),
      facets,
    );
    facetsOf.set(uid, { distribution: union.facetDistribution, stats: union.facetStats });
  }
  const hits = mergeFederatedHits(parts, offset, limit);
  const out: Record<string, unknown> = { hits, processingTimeMs: Date.now() - started };
  if (isPaged) {
    Object.assign(out, {
      hitsPerPage,
      page,
      totalPages: hitsPerPage === 0 ? 0 : Math.ceil(total / hitsPerPage),
      totalHits: total,
    });
  } else Object.assign(out, { limit, offset, estimatedTotalHits: total });
  if (mergeMax !== null) {
    const merged = mergeFacets([...facetsOf.values()], mergeMax);
    out.facetDistribution = merged.distribution;
    out.facetStats = merged.stats;
  } else if (Object.keys(facetsByIndex).length > 0) {
    out.facetsByIndex = Object.fromEntries(facetsOf);
  }
  return out;
}
