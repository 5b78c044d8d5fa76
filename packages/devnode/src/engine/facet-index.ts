import { documentsSnapshot } from './documents-by-id.js';
import type { IndexSettings } from './engine-contract.js';
import { type FacetBucket, facetKey, finishFacets } from './facet-distribution.js';
import type { IndexState } from './index-state.js';
import { perRevision, remember } from './revision-cache.js';
import {
  buildSpelledValues,
  countSpellings,
  countsByKey,
  type SpelledValues,
  type ValueSpelling,
} from './spelled-values.js';

/** One attribute's facet keys per document, as the distinct rule compares them. */
export interface DistinctKeyTable {
  /** Internal id `d` holds key ids `keys[starts[d]..starts[d + 1])`; none: the document is never deduplicated. */
  readonly starts: Int32Array;
  readonly keys: Int32Array;
  readonly keyCount: number;
  /** Whether some document holds several keys (then which documents are kept depends on the whole order). */
  readonly multiValued: boolean;
}

/** A search response's `facetDistribution` and `facetStats`. */
export interface FacetCounts {
  facetDistribution: Record<string, Record<string, number>>;
  facetStats: Record<string, { min: number; max: number }>;
}

interface FacetCache {
  readonly fields: Map<string, SpelledValues>;
  readonly distinctTables: Map<string, DistinctKeyTable>;
  /** Facets over every document, by facet list. */
  readonly ofEveryDocument: Map<string, FacetCounts>;
  live: Uint8Array | null;
}

// Built lazily per attribute, dropped as soon as the index state's revision moves (any write).
const cacheOf = perRevision(
  (): FacetCache => ({
    fields: new Map(),
    distinctTables: new Map(),
    ofEveryDocument: new Map(),
    live: null,
  }),
);

/** Facet values as the facet distribution counts them: by facet key, numbers with their value. */
function facetSpelling(value: unknown): ValueSpelling | null {
  const key = facetKey(value);
  return key === null ? null : { key: key.key, display: key.display, number: key.number ?? Number.NaN };
}

function fieldOf(state: IndexState, field: string): SpelledValues {
  return remember(cacheOf(state).fields, field, Number.POSITIVE_INFINITY, () =>
    buildSpelledValues(state, field, facetSpelling),
  );
}

/**
 * The distinct rule's keys per document for `attribute` (numbers by value, strings case-folded, the facet
 * keys), cached per revision.
 *
 * @example
 * ```ts
 * const table = distinctKeyTable(state, 'year');
 * table.starts[1] - table.starts[0]; // how many keys internal id 0 holds
 * ```
 */
export function distinctKeyTable(state: IndexState, attribute: string): DistinctKeyTable {
  return remember(cacheOf(state).distinctTables, attribute, Number.POSITIVE_INFINITY, () => {
    const field = fieldOf(state, attribute);
    const keys = new Int32Array(field.spellings.length);
    for (let i = 0; i < keys.length; i++) keys[i] = field.keyOf[field.spellings[i] as number] as number;
    let multiValued = false;
    for (let d = 0; d + 1 < field.starts.length && !multiValued; d++)
      multiValued = (field.starts[d + 1] as number) - (field.starts[d] as number) > 1;
    return { starts: field.starts, keys, keyCount: field.keys.length, multiValued };
  });
}

/**
 * Per internal id, 1 when a document is stored under it (0 for removed ids), cached per revision.
 *
 * @example
 * ```ts
 * liveDocuments(state)[0]; // 1 if internal id 0 still holds a document
 * ```
 */
export function liveDocuments(state: IndexState): Uint8Array {
  const cache = cacheOf(state);
  if (cache.live === null) {
    const { serials } = documentsSnapshot(state);
    const live = new Uint8Array(serials.length);
    for (let id = 0; id < live.length; id++) live[id] = serials[id] === 0 ? 0 : 1;
    cache.live = live;
  }
  return cache.live;
}

/**
 * Exact facet counts and numeric stats over documents given by internal id (in any order, each once), read
 * from per-attribute value tables instead of the documents (same result as {@link computeFacets} over
 * those documents).
 *
 * @example
 * ```ts
 * computeFacetsById(state, Int32Array.of(0, 3), ['genre'], state.settings);
 * ```
 */
export function computeFacetsById(
  state: IndexState,
  ids: Int32Array,
  facets: readonly string[],
  settings: IndexSettings,
): FacetCounts {
  const buckets: Map<string, FacetBucket>[] = [];
  const stats: { min: number; max: number }[] = [];
  for (const facet of facets) {
    const table = fieldOf(state, facet);
    const held = countSpellings(table, ids);
    const { counts, shown: first } = countsByKey(table, held);
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (let spelling = 0; spelling < table.display.length; spelling++) {
      const n = table.numeric[spelling] as number;
      if (held.held[spelling] === 0 || Number.isNaN(n)) continue;
      min = Math.min(min, n);
      max = Math.max(max, n);
    }
    const map = new Map<string, FacetBucket>();
    for (let keyId = 0; keyId < counts.length; keyId++) {
      const count = counts[keyId] as number;
      if (count === 0) continue;
      const spelling = first[keyId] as number;
      const key = table.keys[keyId] as string;
      const n = table.numeric[spelling] as number;
      map.set(key, {
        display: table.display[spelling] as string,
        isNumber: !Number.isNaN(n),
        numeric: Number.isNaN(n) ? 0 : n,
        normalized: key.slice(2),
        count,
      });
    }
    buckets.push(map);
    stats.push({ min, max });
  }
  return finishFacets(facets, buckets, stats, settings);
}

// Facet lists asked of the whole index (a storefront's landing page) kept per revision.
const CACHED_FACET_LISTS = 16;

/**
 * Facets over every document of the index (what a placeholder search without filter shows, or any search
 * matching every document): computed once per revision and facet list, then copied out so that callers
 * may modify what they get.
 *
 * @example
 * ```ts
 * facetsOfEveryDocument(state, ['genre'], state.settings).facetDistribution.genre;
 * ```
 */
export function facetsOfEveryDocument(
  state: IndexState,
  facets: readonly string[],
  settings: IndexSettings,
): FacetCounts {
  const counts = remember(cacheOf(state).ofEveryDocument, JSON.stringify(facets), CACHED_FACET_LISTS, () => {
    const live = liveDocuments(state);
    const ids: number[] = [];
    for (let id = 0; id < live.length; id++) if (live[id] === 1) ids.push(id);
    return computeFacetsById(state, Int32Array.from(ids), facets, settings);
  });
  const facetDistribution: Record<string, Record<string, number>> = {};
  for (const [facet, values] of Object.entries(counts.facetDistribution))
    facetDistribution[facet] = { ...values };
  const facetStats: Record<string, { min: number; max: number }> = {};
  for (const [facet, range] of Object.entries(counts.facetStats)) facetStats[facet] = { ...range };
  return { facetDistribution, facetStats };
}
