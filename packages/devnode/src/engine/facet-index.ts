import {
  collectFacetValues,
  compareCodePoints,
  normalizeFacetString,
  resolveAttributeValues,
} from '@miroir/filter';
import { documentsById } from './documents-by-id.js';
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

/**
 * One attribute's values as the filter evaluator reads them (`resolveAttributeValues` then
 * `collectFacetValues`), inverted: each distinct value with the ascending internal ids holding it. Values
 * are sorted so that a range condition selects one contiguous run of postings. Kept apart from
 * {@link FacetField} because filters fold strings differently and also test raw presence, nulls and empties.
 */
export interface FilterValueTable {
  /** Per internal id, 1 when the document holds the attribute at all (`EXISTS`). */
  readonly exists: Uint8Array;
  /** Per internal id, 1 when one of the attribute's raw values is `null` (`IS NULL`). */
  readonly isNull: Uint8Array;
  /** Per internal id, 1 when one of the raw values is `""`, `[]` or `{}` (`IS EMPTY`). */
  readonly isEmpty: Uint8Array;
  /** Distinct numeric facets, ascending; the ids of `numbers[i]` are `numberIds[numberStarts[i]..numberStarts[i+1])`. */
  readonly numbers: Float64Array;
  readonly numberStarts: Int32Array;
  readonly numberIds: Int32Array;
  /** Distinct normalised string facets in code-point order, with postings laid out the same way. */
  readonly strings: readonly string[];
  readonly stringStarts: Int32Array;
  readonly stringIds: Int32Array;
}

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
  readonly filterTables: Map<string, FilterValueTable>;
  readonly distinctTables: Map<string, DistinctKeyTable>;
  /** Facets over every document, by facet list. */
  readonly ofEveryDocument: Map<string, FacetCounts>;
  live: Uint8Array | null;
}

// Built lazily per attribute, dropped as soon as the index state's revision moves (any write).
const cacheOf = perRevision(
  (): FacetCache => ({
    fields: new Map(),
    filterTables: new Map(),
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

function isEmptyRaw(value: unknown): boolean {
  if (value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  return value !== null && typeof value === 'object' && Object.keys(value).length === 0;
}

/** Distinct values seen while scanning, with their (value id, internal id) occurrences. */
class ValueCollector<T> {
  readonly values: T[] = [];
  readonly valueIds: number[] = [];
  readonly docIds: number[] = [];
  private readonly idOf = new Map<T, number>();
  private readonly lastDoc: number[] = [];

  add(value: T, doc: number): void {
    let vid = this.idOf.get(value);
    if (vid === undefined) {
      vid = this.values.length;
      this.idOf.set(value, vid);
      this.values.push(value);
      this.lastDoc.push(-1);
    }
    // A document repeating a value (arrays) is posted once.
    if (this.lastDoc[vid] === doc) return;
    this.lastDoc[vid] = doc;
    this.valueIds.push(vid);
    this.docIds.push(doc);
  }

  /** Sorted distinct values and CSR postings in that order (ids stay ascending: documents came in order). */
  finish(compare: (a: T, b: T) => number): { sorted: T[]; starts: Int32Array; ids: Int32Array } {
    const order = this.values
      .map((_, vid) => vid)
      .sort((a, b) => compare(this.values[a] as T, this.values[b] as T));
    const rank = new Int32Array(order.length);
    order.forEach((vid, position) => {
      rank[vid] = position;
    });
    const starts = new Int32Array(order.length + 1);
    for (const vid of this.valueIds) {
      const slot = (rank[vid] as number) + 1;
      starts[slot] = (starts[slot] as number) + 1;
    }
    for (let i = 0; i < order.length; i++) starts[i + 1] = (starts[i + 1] as number) + (starts[i] as number);
    const cursor = starts.slice(0, order.length);
    const ids = new Int32Array(this.docIds.length);
    for (let j = 0; j < this.valueIds.length; j++) {
      const position = rank[this.valueIds[j] as number] as number;
      ids[cursor[position] as number] = this.docIds[j] as number;
      cursor[position] = (cursor[position] as number) + 1;
    }
    return { sorted: order.map((vid) => this.values[vid] as T), starts, ids };
  }
}

function buildFilterTable(state: IndexState, attribute: string): FilterValueTable {
  const size = state.nextInternalId;
  const exists = new Uint8Array(size);
  const isNull = new Uint8Array(size);
  const isEmpty = new Uint8Array(size);
  const numbers = new ValueCollector<number>();
  const strings = new ValueCollector<string>();
  const docs = documentsById(state);
  const topLevel = !attribute.includes('.');
  // Facet values repeat a lot across documents: fold each distinct spelling once.
  const foldedSpellings = new Map<string, string>();
  const fold = (text: string): string => {
    let folded = foldedSpellings.get(text);
    if (folded === undefined) {
      folded = normalizeFacetString(text);
      foldedSpellings.set(text, folded);
    }
    return folded;
  };
  for (let id = 0; id < size; id++) {
    const stored = docs[id];
    if (stored === undefined) continue;
    // Fast paths for top-level numbers, strings and string arrays: there the raw values are just the
    // value itself, and the facets the finite number or the folded non-blank strings.
    const direct = topLevel && Object.hasOwn(stored.doc, attribute) ? stored.doc[attribute] : undefined;
    if (typeof direct === 'number' && Number.isFinite(direct)) {
      exists[id] = 1;
      numbers.add(direct === 0 ? 0 : direct, id);
      continue;
    }
    if (typeof direct === 'string') {
      exists[id] = 1;
      if (direct === '') isEmpty[id] = 1;
      const folded = fold(direct);
      if (folded !== '') strings.add(folded, id);
      continue;
    }
    if (Array.isArray(direct) && direct.every((item) => typeof item === 'string')) {
      exists[id] = 1;
      if (direct.length === 0) isEmpty[id] = 1;
      for (const item of direct) {
        const folded = fold(item);
        if (folded !== '') strings.add(folded, id);
      }
      continue;
    }
    const raw = resolveAttributeValues(stored.doc, attribute);
    if (raw.length === 0) continue;
    exists[id] = 1;
    for (const value of raw) {
      if (value === null) isNull[id] = 1;
      else if (isEmptyRaw(value)) isEmpty[id] = 1;
    }
    const facets = collectFacetValues(raw);
    // Map keys already identify -0 with 0, as the evaluator's `includes` and numeric comparisons do.
    for (const n of facets.numbers) numbers.add(n === 0 ? 0 : n, id);
    for (const s of facets.strings) strings.add(s, id);
  }
  const numeric = numbers.finish((a, b) => a - b);
  const text = strings.finish(compareCodePoints);
  return {
    exists,
    isNull,
    isEmpty,
    numbers: Float64Array.from(numeric.sorted),
    numberStarts: numeric.starts,
    numberIds: numeric.ids,
    strings: text.sorted,
    stringStarts: text.starts,
    stringIds: text.ids,
  };
}

/**
 * The filter view of one attribute (see {@link FilterValueTable}), built on first use and kept until the
 * index state's revision moves.
 *
 * @example
 * ```ts
 * const table = filterValueTable(state, 'genres');
 * table.strings.indexOf('drama'); // position of `drama` among the sorted distinct strings
 * ```
 */
export function filterValueTable(state: IndexState, attribute: string): FilterValueTable {
  return remember(cacheOf(state).filterTables, attribute, Number.POSITIVE_INFINITY, () =>
    buildFilterTable(state, attribute),
  );
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
    const live = new Uint8Array(state.nextInternalId);
    const docs = documentsById(state);
    for (let id = 0; id < live.length; id++) if (docs[id] !== undefined) live[id] = 1;
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
