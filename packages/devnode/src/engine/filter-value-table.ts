import {
  collectFacetValues,
  compareCodePoints,
  normalizeFacetString,
  resolveAttributeValues,
} from '@miroir/filter';
import type { DocumentsSnapshot } from './documents-by-id.js';
import type { IndexState, StoredDocument } from './index-state.js';
import { patchedAfterWrites } from './patched-after-writes.js';
import { remember } from './revision-cache.js';

/**
 * One attribute's values as the filter evaluator reads them (`resolveAttributeValues` then
 * `collectFacetValues`), inverted: each distinct value with the ascending internal ids holding it. Values
 * are sorted so that a range condition selects one contiguous run of postings. Kept apart from the facet
 * value tables because filters fold strings differently and also test raw presence, nulls and empties.
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

function isEmptyRaw(value: unknown): boolean {
  if (value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  return value !== null && typeof value === 'object' && Object.keys(value).length === 0;
}

/** Distinct values in order with CSR postings (the ids of `values[i]`: `ids[starts[i]..starts[i + 1])`). */
interface ValuePostings<T> {
  readonly values: ArrayLike<T>;
  readonly starts: Int32Array;
  readonly ids: Int32Array;
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
  finish(compare: (a: T, b: T) => number): ValuePostings<T> {
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
    return { values: order.map((vid) => this.values[vid] as T), starts, ids };
  }
}

/** Where one document's filter values go: its flags, and each facet value with its internal id. */
interface FilterValueSink {
  readonly exists: Uint8Array;
  readonly isNull: Uint8Array;
  readonly isEmpty: Uint8Array;
  readonly numbers: ValueCollector<number>;
  readonly strings: ValueCollector<string>;
  /** Folds a string facet (memoised: facet values repeat a lot across documents). */
  readonly fold: (text: string) => string;
}

function sinkOf(size: number): FilterValueSink {
  const foldedSpellings = new Map<string, string>();
  return {
    exists: new Uint8Array(size),
    isNull: new Uint8Array(size),
    isEmpty: new Uint8Array(size),
    numbers: new ValueCollector<number>(),
    strings: new ValueCollector<string>(),
    fold: (text) =>
      remember(foldedSpellings, text, Number.POSITIVE_INFINITY, () => normalizeFacetString(text)),
  };
}

/** Read one document's values of `attribute` into the sink, under internal id `id`. */
function readFilterValues(
  stored: StoredDocument,
  id: number,
  attribute: string,
  sink: FilterValueSink,
): void {
  const { exists, isNull, isEmpty, numbers, strings, fold } = sink;
  // Fast paths for top-level numbers, strings and string arrays: there the raw values are just the
  // value itself, and the facets the finite number or the folded non-blank strings.
  const direct =
    !attribute.includes('.') && Object.hasOwn(stored.doc, attribute) ? stored.doc[attribute] : undefined;
  if (typeof direct === 'number' && Number.isFinite(direct)) {
    exists[id] = 1;
    numbers.add(direct === 0 ? 0 : direct, id);
    return;
  }
  if (typeof direct === 'string') {
    exists[id] = 1;
    if (direct === '') isEmpty[id] = 1;
    const folded = fold(direct);
    if (folded !== '') strings.add(folded, id);
    return;
  }
  if (Array.isArray(direct) && direct.every((item) => typeof item === 'string')) {
    exists[id] = 1;
    if (direct.length === 0) isEmpty[id] = 1;
    for (const item of direct) {
      const folded = fold(item);
      if (folded !== '') strings.add(folded, id);
    }
    return;
  }
  const raw = resolveAttributeValues(stored.doc, attribute);
  if (raw.length === 0) return;
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

const compareNumbers = (a: number, b: number): number => a - b;

function buildFilterTable(snapshot: DocumentsSnapshot, attribute: string): FilterValueTable {
  const { docs } = snapshot;
  const sink = sinkOf(docs.length);
  for (let id = 0; id < docs.length; id++) {
    const stored = docs[id];
    if (stored !== undefined) readFilterValues(stored, id, attribute, sink);
  }
  return tableOf(sink, sink.numbers.finish(compareNumbers), sink.strings.finish(compareCodePoints));
}

function tableOf(
  flags: FilterValueSink,
  numeric: ValuePostings<number>,
  text: ValuePostings<string>,
): FilterValueTable {
  return {
    exists: flags.exists,
    isNull: flags.isNull,
    isEmpty: flags.isEmpty,
    numbers: Float64Array.from(numeric.values),
    numberStarts: numeric.starts,
    numberIds: numeric.ids,
    strings: Array.from(text.values),
    stringStarts: text.starts,
    stringIds: text.ids,
  };
}

/**
 * `before` with the documents marked in `rewritten` taken out and `added` (their values now, ids
 * ascending) put in: values no document holds any more go, new ones are merged in order. Postings are
 * copied, never re-read from documents.
 */
function patchPostings<T>(
  before: ValuePostings<T>,
  rewritten: Uint8Array,
  added: ValuePostings<T>,
  compare: (a: T, b: T) => number,
): ValuePostings<T> {
  const values: T[] = [];
  const starts: number[] = [0];
  const ids = new Int32Array(before.ids.length + added.ids.length);
  let length = 0;
  let i = 0;
  let j = 0;
  while (i < before.values.length || j < added.values.length) {
    const order =
      i === before.values.length
        ? 1
        : j === added.values.length
          ? -1
          : compare(before.values[i] as T, added.values[j] as T);
    const value = (order <= 0 ? before.values[i] : added.values[j]) as T;
    // Both posting runs ascend: merge them, leaving out the old entries of rewritten documents.
    let k = order <= 0 ? (before.starts[i] as number) : 0;
    const kEnd = order <= 0 ? (before.starts[i + 1] as number) : 0;
    let a = order >= 0 ? (added.starts[j] as number) : 0;
    const aEnd = order >= 0 ? (added.starts[j + 1] as number) : 0;
    const from = length;
    while (k < kEnd || a < aEnd) {
      const old = k < kEnd ? (before.ids[k] as number) : Number.POSITIVE_INFINITY;
      const fresh = a < aEnd ? (added.ids[a] as number) : Number.POSITIVE_INFINITY;
      if (old < fresh) {
        k++;
        if (rewritten[old] === 0) ids[length++] = old;
      } else {
        a++;
        ids[length++] = fresh;
      }
    }
    if (order <= 0) i++;
    if (order >= 0) j++;
    if (length === from) continue;
    values.push(value);
    starts.push(length);
  }
  return { values, starts: Int32Array.from(starts), ids: ids.slice(0, length) };
}

/** `last` brought up to `snapshot`, where only `rewrittenList` changed: only those documents are read. */
function patchFilterTable(
  last: FilterValueTable,
  snapshot: DocumentsSnapshot,
  rewrittenList: readonly number[],
  attribute: string,
): FilterValueTable {
  const size = snapshot.docs.length;
  const sink = sinkOf(size);
  const rewritten = new Uint8Array(size);
  for (const flags of ['exists', 'isNull', 'isEmpty'] as const)
    sink[flags].set(last[flags].subarray(0, Math.min(size, last[flags].length)));
  for (const id of rewrittenList) {
    rewritten[id] = 1;
    sink.exists[id] = 0;
    sink.isNull[id] = 0;
    sink.isEmpty[id] = 0;
    const stored = snapshot.docs[id];
    if (stored !== undefined) readFilterValues(stored, id, attribute, sink);
  }
  const numeric = patchPostings(
    { values: last.numbers, starts: last.numberStarts, ids: last.numberIds },
    rewritten,
    sink.numbers.finish(compareNumbers),
    compareNumbers,
  );
  const text = patchPostings(
    { values: last.strings, starts: last.stringStarts, ids: last.stringIds },
    rewritten,
    sink.strings.finish(compareCodePoints),
    compareCodePoints,
  );
  return tableOf(sink, numeric, text);
}

/** Past this share of the documents rewritten, reading every document again costs about as much. */
const PATCH_SHARE = 4;

const filterTables = patchedAfterWrites<string, FilterValueTable>({
  patchLimit: (documents) => Math.max(64, documents / PATCH_SHARE),
  build: (attribute, snapshot) => buildFilterTable(snapshot, attribute),
  patch: (attribute, snapshot, last, rewritten) =>
    patchFilterTable(last.value, snapshot, rewritten, attribute),
});

/**
 * The filter view of one attribute (see {@link FilterValueTable}), built on first use and kept until the
 * index state's revision moves; after a write, the last one is patched with the rewritten documents.
 *
 * @example
 * ```ts
 * const table = filterValueTable(state, 'genres');
 * table.strings.indexOf('drama'); // position of `drama` among the sorted distinct strings
 * ```
 */
export function filterValueTable(state: IndexState, attribute: string): FilterValueTable {
  return filterTables(state, attribute);
}
