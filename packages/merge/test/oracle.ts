/**
 * The merge oracle: one in-process devnode holding every document versus the same corpus split by
 * `@miroir/router` `shardOf` over 2–6 devnodes, merged with `mergeSearch`. Shared by the property test and
 * the committed regression cases.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { mergeSearch, resolvePageWindow, shardRequest } from '../src/index.js';
import type { Hit, MergeSettings, SearchRequest, SearchResponse } from '../src/types.js';

/** The part of the devnode engine the oracle drives (structural, so no devnode type leaks in). */
export interface OracleEngine {
  addDocuments(documents: Hit[], options: { mode: 'replace' }): unknown;
  search(query: SearchRequest): SearchResponse;
}
export type CreateEngine = (init: {
  uid: string;
  primaryKey: string;
  settings: Record<string, unknown>;
  now: () => number;
}) => OracleEngine;
export type ShardOf = (pk: string | number, shards: number) => number;

/** Settings the oracle varies (all other settings are devnode defaults). */
export interface OracleSettings {
  rankingRules: string[];
  searchableAttributes: string[];
  filterableAttributes: string[];
  sortableAttributes: string[];
  distinctAttribute: string | null;
  faceting: { maxValuesPerFacet: number; sortFacetValuesBy: Record<string, 'alpha' | 'count'> };
  pagination: { maxTotalHits: number };
  embedders?: Record<string, { source: string; dimensions: number }>;
}

export interface OracleCase {
  documents: Hit[];
  settings: OracleSettings;
  query: SearchRequest;
  nodeCount: number;
  /** The documented remedy: nodes keep more facet values than clients see. */
  isFacetRemedy: boolean;
}

const SHARDS = 16;
export const WORDS = [
  'apple',
  'apricot',
  'banana',
  'bandit',
  'cherry',
  'charm',
  'delta',
  'dolphin',
  'eagle',
  'echo',
  'falcon',
  'fable',
];
// Mixed case: nodes order and compare facet and sort strings by their case-folded form.
const BRANDS = ['acme', 'Bolt', 'core', 'Dyna'];
const TAGS = ['red', 'green', 'blue'];
const FILTERABLE = ['price', 'brand', 'tags', 'sku', '_geo', 'rating', 'code'];
const SORTABLE = ['price', 'rating', 'brand', 'code', '_geo'];
const SORTS = [
  'price:asc',
  'price:desc',
  'rating:desc',
  'brand:asc',
  'code:asc',
  'code:desc',
  '_geoPoint(0, 0):asc',
  '_geoPoint(2, -1):desc',
];
const CUSTOM_RULES = ['price:asc', 'price:desc', 'rating:desc', 'code:asc'];
export const FILTERS = [
  'price > 4',
  'brand = acme',
  'tags = red OR price < 3',
  'rating >= 2',
  'NOT brand = bolt',
];

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 3 });

const vectorArb = fc.tuple(fc.integer({ min: -3, max: 3 }), fc.integer({ min: 1, max: 3 }));

const documentArb = fc.record(
  {
    title: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }).map((w) => w.join(' ')),
    body: fc.array(fc.constantFrom(...WORDS), { maxLength: 5 }).map((w) => w.join(' ')),
    price: optional(fc.integer({ min: 0, max: 9 })),
    rating: optional(fc.constantFrom(1, 1.5, 2, 2.5, 3)),
    brand: optional(fc.constantFrom(...BRANDS)),
    tags: fc.uniqueArray(fc.constantFrom(...TAGS), { maxLength: 2 }),
    sku: optional(fc.constantFrom('s0', 's1', 's2', 's3', 's4', 's5')),
    code: optional(fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constantFrom('a', 'b', 'c'))),
    _geo: optional(fc.record({ lat: fc.integer({ min: -3, max: 3 }), lng: fc.integer({ min: -3, max: 3 }) })),
    _vectors: optional(fc.record({ default: vectorArb })),
  },
  { requiredKeys: ['title', 'body', 'tags'] },
);

/** Random documents with unique integer ids. */
export const corpusArb = fc
  .array(documentArb, { maxLength: 36 })
  .chain((docs) =>
    fc
      .uniqueArray(fc.integer({ min: 0, max: 10_000 }), { minLength: docs.length, maxLength: docs.length })
      .map((ids) => docs.map((d, i) => ({ id: ids[i]!, ...stripUndefined(d) }))),
  );

/** Random index settings. */
export const settingsArb: fc.Arbitrary<OracleSettings> = fc
  .record({
    base: fc.constantFrom(
      ['words', 'typo', 'proximity', 'attributeRank', 'wordPosition', 'exactness'],
      ['words', 'typo', 'proximity', 'attribute', 'exactness'],
      ['typo', 'words', 'exactness', 'proximity'],
    ),
    sortAt: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
    custom: fc.option(
      fc.record({ rule: fc.constantFrom(...CUSTOM_RULES), at: fc.integer({ min: 0, max: 7 }) }),
      {
        nil: undefined,
      },
    ),
    searchableAttributes: fc.constantFrom(['*'], ['title', 'body'], ['body', 'title']),
    distinctAttribute: fc.constantFrom(null, null, 'sku', 'brand'),
    maxValuesPerFacet: fc.integer({ min: 1, max: 5 }),
    order: fc.constantFrom('alpha' as const, 'count' as const),
    brandOrder: fc.option(fc.constantFrom('alpha' as const, 'count' as const), { nil: undefined }),
    maxTotalHits: fc.constantFrom(4, 12, 30, 1000),
  })
  .map((s) => {
    const rules: string[] = [...s.base];
    if (s.sortAt !== undefined) rules.splice(Math.min(s.sortAt, rules.length), 0, 'sort');
    if (s.custom !== undefined) rules.splice(Math.min(s.custom.at, rules.length), 0, s.custom.rule);
    return {
      rankingRules: rules,
      searchableAttributes: [...s.searchableAttributes],
      filterableAttributes: FILTERABLE,
      sortableAttributes: SORTABLE,
      distinctAttribute: s.distinctAttribute,
      faceting: {
        maxValuesPerFacet: s.maxValuesPerFacet,
        sortFacetValuesBy: { '*': s.order, ...(s.brandOrder ? { brand: s.brandOrder } : {}) },
      },
      pagination: { maxTotalHits: s.maxTotalHits },
      embedders: { default: { source: 'userProvided', dimensions: 2 } },
    };
  });

const queryWordArb = fc
  .record({
    word: fc.constantFrom(...WORDS),
    mutation: fc.constantFrom('none', 'none', 'typo', 'prefix'),
    pos: fc.nat(),
  })
  .map(({ word, mutation, pos }) => {
    if (mutation === 'typo') {
      const i = 1 + (pos % (word.length - 1));
      return `${word.slice(0, i)}x${word.slice(i + 1)}`;
    }
    if (mutation === 'prefix') return word.slice(0, 2 + (pos % 3));
    return word;
  });

/**
 * A node's hybrid list interleaves its keyword list (in ranking-rule order) with its semantic list by
 * weighted score. When the keyword order is not score order (custom or sort rules, `typo` before `words`),
 * that interleaving cannot be recomputed from the shards' lists: README approximation 8. Hybrid ratios
 * below 1 are therefore generated only for score-monotone keyword rankings: `words` first, no custom rule.
 */
function semanticRatios(settings: OracleSettings): number[] {
  const first = settings.rankingRules.find((rule) => rule !== 'sort');
  const isMonotone = first === 'words' && !settings.rankingRules.some((rule) => /:(asc|desc)$/.test(rule));
  return isMonotone ? [1, 0.5, 0.25] : [1];
}

function queryArb(settings: OracleSettings): fc.Arbitrary<SearchRequest> {
  const hasSort = settings.rankingRules.includes('sort');
  return fc
    .record({
      q: fc.oneof(
        fc.constant(''),
        fc.array(queryWordArb, { minLength: 1, maxLength: 3 }).map((w) => w.join(' ')),
      ),
      filter: optional(fc.constantFrom(...FILTERS)),
      sort: hasSort
        ? optional(fc.uniqueArray(fc.constantFrom(...SORTS), { minLength: 1, maxLength: 2 }))
        : fc.constant(undefined),
      facets: optional(fc.subarray(['brand', 'tags', 'price', 'code'], { minLength: 1 })),
      paging: fc.oneof(
        fc.record({ offset: fc.integer({ min: 0, max: 30 }), limit: fc.integer({ min: 0, max: 15 }) }),
        fc.record({ page: fc.integer({ min: 0, max: 5 }), hitsPerPage: fc.integer({ min: 0, max: 8 }) }),
        fc.constant({}),
      ),
      distinct: optional(fc.constantFrom('sku', 'brand')),
      semantic: fc.option(
        fc.record({ vector: vectorArb, semanticRatio: fc.constantFrom(...semanticRatios(settings)) }),
        {
          nil: undefined,
          freq: 4,
        },
      ),
      showRankingScore: optional(fc.constant(true)),
      showRankingScoreDetails: optional(fc.constant(true)),
      attributesToHighlight: optional(fc.constantFrom(['title'], ['*'])),
      showMatchesPosition: optional(fc.constant(true)),
      attributesToRetrieve: optional(fc.constantFrom(['id', 'title', 'price'], ['*'], ['id'])),
    })
    .map(({ paging, semantic, sort, ...rest }) => {
      // Sorting a hybrid search is not generated: Meilisearch orders hybrid results by score.
      const vector = semantic
        ? { vector: semantic.vector, hybrid: { embedder: 'default', semanticRatio: semantic.semanticRatio } }
        : { sort };
      return stripUndefined({ ...rest, ...paging, ...vector }) as SearchRequest;
    });
}

/** Random corpus, settings, query and cluster size. */
export const oracleCaseArb: fc.Arbitrary<OracleCase> = fc
  .record({
    documents: corpusArb,
    settings: settingsArb,
    nodeCount: fc.integer({ min: 2, max: 6 }),
    isFacetRemedy: fc.boolean(),
  })
  .chain((c) => queryArb(c.settings).map((query) => ({ ...c, query })));

function stripUndefined<T extends Record<string, unknown>>(object: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(object)) if (v !== undefined) out[k] = v;
  return out as T;
}

/** One index a case needs: `single` (client settings), `reference` (no caps) and `node0`…`nodeN-1`. */
export interface OracleIndexSpec {
  name: string;
  settings: Record<string, unknown>;
  documents: Hit[];
}

/** The result of one planned search. */
export type OracleResult = { value: SearchResponse } | { error: unknown };

/**
 * The indexes of a case: one node with every document, the same without `maxTotalHits`/`maxValuesPerFacet`
 * caps (tied runs and true facet counts extend past the caps), and the shards' nodes, documents routed with
 * `shardOf` over 16 shards and `_miroir_shard` injected as the proxy does.
 */
export function describeOracleIndexes(c: OracleCase, shardOf: ShardOf): OracleIndexSpec[] {
  const reference = {
    ...c.settings,
    pagination: { maxTotalHits: 100_000 },
    faceting: { ...c.settings.faceting, maxValuesPerFacet: 1000 },
  };
  const nodeSettings = c.isFacetRemedy
    ? { ...c.settings, faceting: { ...c.settings.faceting, maxValuesPerFacet: 1000 } }
    : c.settings;
  const perNode: Hit[][] = Array.from({ length: c.nodeCount }, () => []);
  for (const document of c.documents) {
    const shard = shardOf(document.id as number, SHARDS);
    perNode[shard % c.nodeCount]!.push({ ...document, _miroir_shard: shard });
  }
  return [
    { name: 'single', settings: { ...c.settings }, documents: c.documents },
    { name: 'reference', settings: reference, documents: c.documents },
    ...perNode.map((documents, i) => ({ name: `node${i}`, settings: { ...nodeSettings }, documents })),
  ];
}

/**
 * The searches a case runs, in the order {@link assertOracleCase} expects their results: the client query
 * on `single`, the full ranking with details and the true facet counts on `reference`, then the planned
 * shard request on every node.
 */
export function planOracleSearches(c: OracleCase): Array<{ index: string; query: SearchRequest }> {
  const {
    page: _p,
    hitsPerPage: _h,
    offset: _o,
    limit: _l,
    facets,
    attributesToRetrieve: _a,
    ...rest
  } = c.query;
  const plan = shardRequest(c.query, c.settings);
  return [
    { index: 'single', query: c.query },
    {
      index: 'reference',
      query: { ...rest, offset: 0, limit: 100_000, showRankingScore: true, showRankingScoreDetails: true },
    },
    { index: 'reference', query: { ...rest, limit: 0, ...(facets != null ? { facets } : {}) } },
    ...Array.from({ length: c.nodeCount }, (_, i) => ({ index: `node${i}`, query: plan.request })),
  ];
}

/** Runs a case in process: builds the engines, runs the planned searches, asserts. */
export function checkOracleCase(c: OracleCase, createEngine: CreateEngine, shardOf: ShardOf): void {
  const engines = new Map<string, OracleEngine>();
  for (const spec of describeOracleIndexes(c, shardOf)) {
    const engine = createEngine({ uid: spec.name, primaryKey: 'id', settings: spec.settings, now: () => 0 });
    if (spec.documents.length > 0) engine.addDocuments(spec.documents, { mode: 'replace' });
    engines.set(spec.name, engine);
  }
  const results = planOracleSearches(c).map(({ index, query }): OracleResult => {
    try {
      return { value: engines.get(index)!.search(query) };
    } catch (error) {
      return { error };
    }
  });
  assertOracleCase(c, results);
}

/**
 * Asserts the documented guarantees on the results of {@link planOracleSearches}: same totals, facets and
 * hit sequence as the single node (tied runs compared as sets); with `distinct`, totals are an upper bound
 * and facet counts are not compared; in `count` facet order without the remedy, counts may only be lower
 * when a shard truncated.
 */
export function assertOracleCase(c: OracleCase, results: OracleResult[]): void {
  const [expectedOrError, fullOrError, truthOrError, ...nodeResults] = results as [
    OracleResult,
    OracleResult,
    OracleResult,
    ...OracleResult[],
  ];
  const settings: MergeSettings = c.settings;
  const nodeError = nodeResults.find((r) => 'error' in r);
  if ('error' in expectedOrError) {
    expect(nodeError !== undefined, 'nodes must reject what the single node rejects').toBe(true);
    return;
  }
  if (nodeError !== undefined && 'error' in nodeError) throw nodeError.error;
  if ('error' in fullOrError) throw fullOrError.error;
  if ('error' in truthOrError) throw truthOrError.error;
  const responses = nodeResults.map((r) => (r as { value: SearchResponse }).value);
  const expected = expectedOrError.value;
  const merged = mergeSearch(c.query, responses, settings);
  const distinct = c.query.distinct ?? c.settings.distinctAttribute;

  for (const key of ['query', 'limit', 'offset', 'page', 'hitsPerPage'] as const) {
    expect(merged[key], key).toEqual(expected[key]);
  }
  const total = (r: SearchResponse) => r.estimatedTotalHits ?? r.totalHits;
  if (distinct == null) {
    expect(total(merged), 'total').toBe(total(expected));
    expect(merged.totalPages, 'totalPages').toBe(expected.totalPages);
  } else {
    expect(total(merged)!, 'total with distinct is an upper bound').toBeGreaterThanOrEqual(total(expected)!);
  }
  expect(merged.semanticHitCount, 'semanticHitCount').toBe(expected.semanticHitCount);
  checkHits(c, fullOrError.value, expected, merged, distinct ?? null);
  if (c.query.facets != null) {
    checkFacets(c, expected, merged, responses, distinct ?? null, truthOrError.value);
  }
}

function checkHits(
  c: OracleCase,
  full: SearchResponse,
  expected: SearchResponse,
  merged: SearchResponse,
  distinct: string | null,
): void {
  expect(merged.hits.length, 'hit count').toBe(expected.hits.length);
  if (merged.hits.length === 0) return;
  for (const hit of merged.hits) {
    for (const key of Object.keys(hit)) expect(key.startsWith('_miroir_'), `leaked ${key}`).toBe(false);
  }
  const max = c.settings.pagination.maxTotalHits;
  const byId = new Map(c.documents.map((d) => [d.id, d]));
  const identity = createIdentity(distinct, byId);
  const groupOf = new Map<string, number>();
  const groupAt: number[] = [];
  let group = -1;
  let previous: string | undefined;
  for (const hit of full.hits) {
    const tie = tieKey(hit);
    if (tie !== previous) group++;
    previous = tie;
    groupOf.set(identity(hit), group);
    groupAt.push(group);
  }
  const start = resolvePageWindow(c.query, max).offset;
  const seen = new Set<string>();
  const expectedById = new Map(expected.hits.map((h) => [h.id, h]));
  merged.hits.forEach((hit, i) => {
    const id = identity(hit);
    expect(seen.has(id), `duplicate hit ${id}`).toBe(false);
    seen.add(id);
    expect(groupOf.get(id), `hit ${i} (${id}) is outside the tied run at position ${start + i}`).toBe(
      groupAt[start + i],
    );
    const same = expectedById.get(hit.id);
    if (same !== undefined) expect(hit).toEqual(same);
  });
}

/** What makes two hits tie in Meilisearch's order: score and details, geo steps by distance only. */
function tieKey(hit: Hit): string {
  const details = (hit._rankingScoreDetails ?? {}) as Record<string, Record<string, unknown>>;
  const steps = Object.entries(details).map(([name, body]) => {
    if (!name.startsWith('_geoPoint(')) return [name, body];
    const { value: _point, ...rest } = body;
    return [name, rest];
  });
  return JSON.stringify([hit._rankingScore, steps]);
}

/** A hit's identity: its distinct value when distinct applies (ties may pick any representative), else its id. */
function createIdentity(distinct: string | null, byId: Map<unknown, Hit>): (hit: Hit) => string {
  return (hit) => {
    const document = byId.get(hit.id)!;
    if (distinct !== null) {
      const value = document[distinct];
      if (value !== undefined && value !== null) return `d:${String(value).toLowerCase()}`;
    }
    return `p:${String(hit.id)}`;
  };
}

function checkFacets(
  c: OracleCase,
  expected: SearchResponse,
  merged: SearchResponse,
  responses: SearchResponse[],
  distinct: string | null,
  reference: SearchResponse,
): void {
  if (distinct !== null) {
    // Documented: per-shard distinct facet counts are summed; only the facet names are guaranteed.
    expect(Object.keys(merged.facetDistribution ?? {}).sort()).toEqual(
      Object.keys(expected.facetDistribution ?? {}).sort(),
    );
    return;
  }
  expect(merged.facetStats, 'facetStats').toEqual(expected.facetStats);
  const { faceting } = c.settings;
  for (const facet of Object.keys(expected.facetDistribution ?? {})) {
    const order = faceting.sortFacetValuesBy[facet] ?? faceting.sortFacetValuesBy['*'];
    const isTruncated = responses.some(
      (r) => Object.keys(r.facetDistribution?.[facet] ?? {}).length >= faceting.maxValuesPerFacet,
    );
    const mergedValues = merged.facetDistribution?.[facet];
    if (order === 'alpha' || c.isFacetRemedy || !isTruncated) {
      expect(mergedValues, `facet ${facet} (${order})`).toEqual(expected.facetDistribution![facet]);
      continue;
    }
    // Documented long tail: in count order a truncating shard can only make counts lower.
    const truth = reference.facetDistribution?.[facet] ?? {};
    for (const [value, count] of Object.entries(mergedValues ?? {})) {
      expect(count, `facet ${facet}=${value}`).toBeLessThanOrEqual(truth[value] ?? 0);
    }
    expect(Object.keys(mergedValues ?? {}).length).toBe(
      Object.keys(expected.facetDistribution![facet]!).length,
    );
  }
}
