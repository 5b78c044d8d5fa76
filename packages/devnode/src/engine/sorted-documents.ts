import { type DocumentsSnapshot, rewrittenIds } from './documents-by-id.js';
import type { IndexState, StoredDocument } from './index-state.js';
import { type Derived, patchedAfterWrites } from './patched-after-writes.js';
import { compareSortValues } from './ranking-score.js';
import { sortValue } from './sort-criteria.js';

/** Every document in one sort criterion's order (ties by internal id), with its sort value. */
export interface SortedDocuments {
  readonly docs: readonly StoredDocument[];
  /** Internal ids in the same order (walking them touches no document). */
  readonly ids: Int32Array;
  readonly values: readonly (number | string | null)[];
}

type SortValue = number | string | null;

interface Entry {
  readonly stored: StoredDocument;
  readonly value: SortValue;
}

/** Up to this many documents written since the last order, each is moved by itself (see below). */
const FEW_WRITTEN = 32;

/** The order ranks by value, then internal id (a total order). */
function compareRanks(
  ascending: boolean,
  xValue: SortValue,
  xId: number,
  yValue: SortValue,
  yId: number,
): number {
  return compareSortValues(ascending, xValue, yValue) || xId - yId;
}

/** Where an entry goes in `ids`/`values[0..length)`: the first position ranking after it. */
function insertionPoint(
  ascending: boolean,
  ids: Int32Array,
  values: readonly SortValue[],
  from: number,
  length: number,
  entry: Entry,
): number {
  let lo = from;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const before = compareRanks(
      ascending,
      values[mid] ?? null,
      ids[mid] as number,
      entry.value,
      entry.stored.internalId,
    );
    if (before < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The last order with a few documents rewritten: each old version is cut out and each new one inserted
 * where a binary search puts it, by native copies (reading every entry again would cost a cache miss each).
 */
function withFewRewritten(
  previous: SortedDocuments,
  previousById: readonly (StoredDocument | undefined)[],
  byId: readonly (StoredDocument | undefined)[],
  rewritten: readonly number[],
  field: string,
  ascending: boolean,
): SortedDocuments {
  const docs = previous.docs.slice();
  const values = previous.values.slice();
  const ids = new Int32Array(previous.ids.length + rewritten.length);
  ids.set(previous.ids);
  let length = previous.ids.length;
  for (const id of rewritten) {
    if (previousById[id] === undefined) continue;
    const at = ids.subarray(0, length).indexOf(id);
    docs.splice(at, 1);
    values.splice(at, 1);
    ids.copyWithin(at, at + 1, length);
    length--;
  }
  for (const id of rewritten) {
    const stored = byId[id];
    if (stored === undefined) continue;
    const entry = { stored, value: sortValue(stored.doc, field, ascending) };
    const at = insertionPoint(ascending, ids, values, 0, length, entry);
    docs.splice(at, 0, stored);
    values.splice(at, 0, entry.value);
    ids.copyWithin(at + 1, at, length);
    ids[at] = id;
    length++;
  }
  return { docs, ids: ids.slice(0, length), values };
}

/**
 * The order built from the last one (or from nothing): documents a write did not touch (the same serial)
 * keep their place, the others are read, sorted, and each inserted where a binary search over the
 * kept ones puts it. The order is total, so this is the order a full sort gives.
 */
function mergedOrder(
  last: Derived<SortedDocuments> | null,
  snapshot: DocumentsSnapshot,
  field: string,
  ascending: boolean,
): SortedDocuments {
  const previous = last?.value ?? { docs: [], ids: new Int32Array(0), values: [] };
  const before = last?.snapshot ?? { serials: new Int32Array(0) };
  // Marked by id: the kept test below then reads a small table, not the documents.
  const rewritten = new Uint8Array(Math.max(snapshot.serials.length, before.serials.length));
  const written: Entry[] = [];
  for (const id of rewrittenIds(before, snapshot, Number.POSITIVE_INFINITY) ?? []) {
    rewritten[id] = 1;
    const stored = snapshot.docs[id];
    if (stored !== undefined) written.push({ stored, value: sortValue(stored.doc, field, ascending) });
  }
  written.sort((x, y) => compareRanks(ascending, x.value, x.stored.internalId, y.value, y.stored.internalId));
  const kept: number[] = [];
  for (let p = 0; p < previous.ids.length; p++) if (rewritten[previous.ids[p] as number] === 0) kept.push(p);
  const keptIds = Int32Array.from(kept, (p) => previous.ids[p] as number);
  const keptValues = kept.map((p) => previous.values[p] ?? null);
  // Filled by pushes: a preallocated `new Array(n)` would start holey.
  const docs: StoredDocument[] = [];
  const ids = new Int32Array(kept.length + written.length);
  const values: SortValue[] = [];
  const place = (stored: StoredDocument, value: SortValue): void => {
    ids[docs.length] = stored.internalId;
    docs.push(stored);
    values.push(value);
  };
  let from = 0;
  const keepUpTo = (end: number): void => {
    for (; from < end; from++)
      place(previous.docs[kept[from] as number] as StoredDocument, keptValues[from] ?? null);
  };
  for (const entry of written) {
    keepUpTo(insertionPoint(ascending, keptIds, keptValues, from, kept.length, entry));
    place(entry.stored, entry.value);
  }
  keepUpTo(kept.length);
  return { docs, ids, values };
}

/** Key of an order: direction, then field. */
const orderKey = (field: string, ascending: boolean): string => `${ascending ? 'a' : 'd'}:${field}`;

const orders = patchedAfterWrites<string, SortedDocuments>({
  patchLimit: () => FEW_WRITTEN,
  build: (key, snapshot, last) => mergedOrder(last, snapshot, key.slice(2), key.startsWith('a')),
  patch: (key, snapshot, last, rewritten) =>
    withFewRewritten(
      last.value,
      last.snapshot.docs,
      snapshot.docs,
      rewritten,
      key.slice(2),
      key.startsWith('a'),
    ),
});

/**
 * Every document ordered by `field` (`ascending` or not) as a sort criterion ranks it, ties by internal
 * id. Cached until the next write to the index, then brought up to date from the last order.
 *
 * @example
 * ```ts
 * sortedDocuments(state, 'price', true).docs[0]; // the cheapest document
 * ```
 */
export function sortedDocuments(state: IndexState, field: string, ascending: boolean): SortedDocuments {
  return orders(state, orderKey(field, ascending));
}
