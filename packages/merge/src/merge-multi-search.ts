import { extractRankingKey } from './compare-hits.js';
import { mergeFacetStats } from './merge-facet-stats.js';
import { mergeFacetDistributions } from './merge-facets.js';
import { mergeHits } from './merge-hits.js';
import { mergeSearch } from './merge-search.js';
import { describePagination, resolvePageWindow } from './paginate.js';
import { shardRequest } from './shard-request.js';
import { stripHit } from './strip-hit.js';
import type {
  FacetDistribution,
  FacetStats,
  MergeSettings,
  SearchRequest,
  SearchResponse,
  ShardRequestOptions,
  ShardRequestPlan,
} from './types.js';

/**
 * One query of a multi-search.
 *
 * @example
 * const query: MultiSearchQuery = { indexUid: 'movies', q: 'batman', federationOptions: { weight: 2 } };
 */
export interface MultiSearchQuery extends SearchRequest {
  indexUid: string;
  federationOptions?: { weight?: number; remote?: string; queryPosition?: number } | null;
}

/**
 * The federation block of a federated multi-search.
 *
 * @example
 * const federation: Federation = { limit: 10, facetsByIndex: { movies: ['genre'] } };
 */
export interface Federation {
  offset?: number;
  limit?: number;
  page?: number;
  hitsPerPage?: number;
  facetsByIndex?: Record<string, string[]> | null;
  mergeFacets?: { maxValuesPerFacet?: number } | null;
  distinct?: string | null;
  [key: string]: unknown;
}

/**
 * POST /multi-search body.
 *
 * @example
 * const request: MultiSearchRequest = { federation: {}, queries: [{ indexUid: 'movies', q: 'batman' }] };
 */
export interface MultiSearchRequest {
  queries: MultiSearchQuery[];
  federation?: Federation | null;
}

/**
 * A non-federated multi-search response (what every node returns to Miroir).
 *
 * @example
 * const response: MultiSearchResponse = { results: [{ indexUid: 'movies', hits: [], query: '', processingTimeMs: 0 }] };
 */
export interface MultiSearchResponse {
  results: Array<SearchResponse & { indexUid?: string }>;
}

/**
 * The multi-search to send to every node. Nodes always receive a plain (non-federated) multi-search:
 * each query planned with {@link shardRequest}; under a federation each query asks for the federation's
 * `offset + limit` top hits and the first query of each index carries that index's `facetsByIndex`.
 *
 * @example
 * multiSearchShardRequest({ federation: { limit: 5 }, queries: [{ indexUid: 'movies', q: 'a' }] }, {});
 * // { queries: [{ indexUid: 'movies', q: 'a', offset: 0, limit: 5, showRankingScore: true }] }
 */
export function multiSearchShardRequest(
  clientRequest: MultiSearchRequest,
  settingsByIndex: Record<string, MergeSettings>,
  options: ShardRequestOptions = {},
): { queries: MultiSearchQuery[] } {
  return { queries: planQueries(clientRequest, settingsByIndex, options).map((p) => p.plan.request) };
}

/**
 * Merges the nodes' multi-search responses. Without `federation`, each query is merged on its own with
 * {@link mergeSearch}. With it, all (query, node) hit lists are k-way merged on the ranking key with each
 * query's `weight` applied (ties: lower `queriesPosition` first), a document matched by several queries
 * on one index is returned once (needs `primaryKey` in that index's settings), `federation.distinct` is
 * re-applied,
 * the federation's page is cut, hits get `_federation`, totals are summed, and facets go to
 * `facetsByIndex` (and, with `mergeFacets`, to the top-level distribution).
 *
 * @example
 * const request = { queries: [{ indexUid: 'movies', q: 'a' }] };
 * mergeMultiSearch(request, [{ results: [{ hits: [{ id: 1, _rankingScore: 1 }], query: 'a', processingTimeMs: 1,
 *   estimatedTotalHits: 1 }] }], {});
 * // { results: [{ indexUid: 'movies', hits: [{ id: 1 }], query: 'a', … }] }
 */
export function mergeMultiSearch(
  clientRequest: MultiSearchRequest,
  nodeResponses: ReadonlyArray<MultiSearchResponse>,
  settingsByIndex: Record<string, MergeSettings>,
  options: ShardRequestOptions = {},
): Record<string, unknown> {
  const federation = clientRequest.federation;
  if (federation == null) {
    const results = clientRequest.queries.map((query, i) => {
      const { indexUid, ...search } = query;
      const merged = mergeSearch(
        search,
        nodeResponses.map((n) => n.results[i]!),
        settingsByIndex[indexUid] ?? {},
        options,
      );
      return { indexUid, ...merged };
    });
    return { results };
  }
  const planned = planQueries(clientRequest, settingsByIndex, options);
  const window = resolvePageWindow(federation, Number.MAX_SAFE_INTEGER);
  const lists: SearchResponse['hits'][] = [];
  const weights: number[] = [];
  const repeatedRules: string[][] = [];
  const owners: number[] = [];
  let total = 0;
  let processingTimeMs = 0;
  const facetsByIndex: Record<string, { distribution: FacetDistribution; stats: FacetStats }> = {};
  planned.forEach(({ weight, plan }, q) => {
    const responses = nodeResponses.map((n) => n.results[q]!);
    for (const response of responses) {
      lists.push(response.hits);
      weights.push(weight);
      repeatedRules.push(plan.repeatedRules);
      owners.push(q);
      total += response.estimatedTotalHits ?? response.totalHits ?? 0;
      processingTimeMs = Math.max(processingTimeMs, response.processingTimeMs ?? 0);
    }
    const indexUid = clientRequest.queries[q]!.indexUid;
    if (plan.request.facets != null && facetsByIndex[indexUid] === undefined) {
      facetsByIndex[indexUid] = {
        distribution: mergeFacetDistributions(
          responses.map((r) => r.facetDistribution),
          settingsByIndex[indexUid]?.faceting,
        ),
        stats: mergeFacetStats(responses.map((r) => r.facetStats)),
      };
    }
  });
  const merged = mergeHits(lists, {
    offset: window.offset,
    limit: window.limit,
    distinctAttribute: federation.distinct ?? null,
    weights,
    repeatedRules,
    identityOf: (hit, list) => {
      const indexUid = clientRequest.queries[owners[list]!]!.indexUid;
      const primaryKey = settingsByIndex[indexUid]?.primaryKey;
      const id = primaryKey == null ? undefined : hit[primaryKey];
      return id === undefined || id === null ? undefined : `${indexUid}\u0000${String(id)}`;
    },
  });
  const hits = merged.map(({ hit, list }) => {
    const q = owners[list]!;
    const { plan, weight } = planned[q]!;
    const key = extractRankingKey(hit, weight, plan.repeatedRules);
    return {
      ...stripHit(hit, plan),
      _federation: {
        indexUid: clientRequest.queries[q]!.indexUid,
        queriesPosition: q,
        weightedRankingScore: key.score,
      },
    };
  });
  const result: Record<string, unknown> = {
    hits,
    processingTimeMs,
    ...describePagination(window, total, Number.MAX_SAFE_INTEGER),
  };
  if (federation.mergeFacets != null) {
    const indexes = Object.keys(facetsByIndex);
    const firstSettings = settingsByIndex[indexes[0] ?? '']?.faceting;
    result.facetDistribution = mergeFacetDistributions(
      indexes.map((uid) => facetsByIndex[uid]!.distribution),
      { ...firstSettings, maxValuesPerFacet: federation.mergeFacets.maxValuesPerFacet ?? 100 },
    );
    result.facetStats = mergeFacetStats(indexes.map((uid) => facetsByIndex[uid]!.stats));
  } else if (federation.facetsByIndex != null) {
    result.facetsByIndex = facetsByIndex;
  }
  return result;
}

function planQueries(
  clientRequest: MultiSearchRequest,
  settingsByIndex: Record<string, MergeSettings>,
  options: ShardRequestOptions,
): Array<{ weight: number; plan: ShardRequestPlan & { request: MultiSearchQuery } }> {
  const federation = clientRequest.federation;
  const facetedIndexes = new Set<string>();
  return clientRequest.queries.map((query) => {
    const { indexUid, federationOptions, ...search } = query;
    const settings = settingsByIndex[indexUid] ?? {};
    if (federation == null) {
      const plan = shardRequest(search, settings, options);
      return { weight: 1, plan: { ...plan, request: { indexUid, ...plan.request } } };
    }
    const window = resolvePageWindow(federation, Number.MAX_SAFE_INTEGER);
    const facets = federation.facetsByIndex?.[indexUid];
    const withFacets = facets != null && !facetedIndexes.has(indexUid);
    if (withFacets) facetedIndexes.add(indexUid);
    const perQuery: SearchRequest = {
      ...search,
      offset: 0,
      limit: window.offset + window.limit,
      ...(withFacets ? { facets } : {}),
      ...(federation.distinct != null ? { distinct: federation.distinct } : {}),
    };
    const primaryKey = settings.primaryKey;
    const plan = shardRequest(perQuery, settings, {
      ...options,
      ...(primaryKey != null ? { requiredAttributes: [primaryKey] } : {}),
    });
    return {
      weight: federationOptions?.weight ?? 1,
      plan: { ...plan, request: { indexUid, ...plan.request } },
    };
  });
}
