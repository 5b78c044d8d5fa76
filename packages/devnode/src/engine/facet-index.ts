import { documentsById } from './documents-by-id.js';
import type { IndexSettings } from './engine-contract.js';
import { type FacetBucket, facetKey, finishFacets } from './facet-distribution.js';
import { valuesAtPath } from './field-paths.js';
import type { IndexState } from './index-state.js';

/**
 * One attribute's facet values per document: each document's distinct values (by facet key, first
 * spelling kept) as spelling ids, stored by internal id in CSR form.
 */
interface FacetField {
  readonly starts: Int32Array;
  readonly spellings: Int32Array;
  /** Per spelling: its key id, display form and number (NaN for strings). */
  readonly keyOf: Int32Array;
  readonly display: readonly string[];
  readonly numeric: Float64Array;
  /** Per key id: the facet key. */
  readonly keys: readonly string[];
}

interface FacetCache {
  readonly revision: number;
  readonly fields: Map<string, FacetField>;
}

// Built lazily per attribute, dropped as soon as the index state's revision moves (any write).
const caches = new WeakMap<IndexState, FacetCache>();

function buildField(state: IndexState, field: string): FacetField {
  const size = state.nextInternalId;
  const starts = new Int32Array(size + 1);
  const spellings: number[] = [];
  const keyIds = new Map<string, number>();
  const spellingIds = new Map<string, number>();
  const keyOf: number[] = [];
  const display: string[] = [];
  const numeric: number[] = [];
  const keys: string[] = [];
  const docs = documentsById(state);
  for (let id = 0; id < size; id++) {
    starts[id] = spellings.length;
    const stored = docs[id];
    if (stored === undefined) continue;
    const seen = new Set<string>();
    for (const value of valuesAtPath(stored.doc, field)) {
      const key = facetKey(value);
      if (key === null || seen.has(key.key)) continue;
      seen.add(key.key);
      // -0 and 0 share a key and a display but not a value (stats keep the exact number).
      const spellingKey = `${key.key}\u0000${key.display}\u0000${Object.is(key.number, -0) ? '-' : ''}`;
      let spelling = spellingIds.get(spellingKey);
      if (spelling === undefined) {
        let keyId = keyIds.get(key.key);
        if (keyId === undefined) {
          keyId = keys.length;
          keyIds.set(key.key, keyId);
          keys.push(key.key);
        }
        spelling = display.length;
        spellingIds.set(spellingKey, spelling);
        keyOf.push(keyId);
        display.push(key.display);
        numeric.push(key.number ?? Number.NaN);
      }
      spellings.push(spelling);
    }
  }
  starts[size] = spellings.length;
  return {
    starts,
    spellings: Int32Array.from(spellings),
    keyOf: Int32Array.from(keyOf),
    display,
    numeric: Float64Array.from(numeric),
    keys,
  };
}

function fieldOf(state: IndexState, field: string): FacetField {
  let cache = caches.get(state);
  if (cache === undefined || cache.revision !== state.revision) {
    cache = { revision: state.revision, fields: new Map() };
    caches.set(state, cache);
  }
  let built = cache.fields.get(field);
  if (built === undefined) {
    built = buildField(state, field);
    cache.fields.set(field, built);
  }
  return built;
}

/**
 * Exact facet counts and numeric stats over documents given by ascending internal id, read from per-attribute
 * value tables instead of the documents (same result as {@link computeFacets} over those documents).
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
): {
  facetDistribution: Record<string, Record<string, number>>;
  facetStats: Record<string, { min: number; max: number }>;
} {
  const buckets: Map<string, FacetBucket>[] = [];
  const stats: { min: number; max: number }[] = [];
  for (const facet of facets) {
    const table = fieldOf(state, facet);
    const counts = new Int32Array(table.keys.length);
    const first = new Int32Array(table.keys.length).fill(-1);
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (const id of ids) {
      const end = table.starts[id + 1] as number;
      for (let j = table.starts[id] as number; j < end; j++) {
        const spelling = table.spellings[j] as number;
        const keyId = table.keyOf[spelling] as number;
        if (counts[keyId] === 0) first[keyId] = spelling;
        counts[keyId] = (counts[keyId] as number) + 1;
        const n = table.numeric[spelling] as number;
        if (!Number.isNaN(n)) {
          min = Math.min(min, n);
          max = Math.max(max, n);
        }
      }
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
