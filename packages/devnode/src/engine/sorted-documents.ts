import { documentsById } from './documents-by-id.js';
import type { IndexState, StoredDocument } from './index-state.js';
import { mergeSorted } from './merge-sorted.js';
import { compareSortValues } from './ranking-score.js';
import { perRevision } from './revision-cache.js';
import { sortValue } from './sort-criteria.js';

/** Every document in one sort criterion's order (ties by internal id), with its sort value. */
export interface SortedDocuments {
  readonly docs: readonly StoredDocument[];
  /** Internal ids in the same order (walking them touches no document). */
  readonly ids: Int32Array;
  readonly values: readonly (number | string | null)[];
}

// Built lazily per (field, direction) and dropped as soon as the index state's revision moves (any write).
const ordersOf = perRevision(() => new Map<string, SortedDocuments>());

/** The last order built per (field, direction), with the documents by id it was built from. */
interface LastOrder {
  readonly order: SortedDocuments;
  readonly byId: readonly (StoredDocument | undefined)[];
}
const lastOrders = new WeakMap<IndexState, Map<string, LastOrder>>();

interface Entry {
  readonly stored: StoredDocument;
  readonly value: number | string | null;
}

/**
 * Every document ordered by `field` (`ascending` or not) as a sort criterion ranks it, ties by internal
 * id. Cached until the next write to the index.
 *
 * @example
 * ```ts
 * sortedDocuments(state, 'price', true).docs[0]; // the cheapest document
 * ```
 */
export function sortedDocuments(state: IndexState, field: string, ascending: boolean): SortedDocuments {
  const orders = ordersOf(state);
  const key = `${ascending ? 'a' : 'd'}:${field}`;
  const cached = orders.get(key);
  if (cached !== undefined) return cached;
  const compare = (x: Entry, y: Entry): number =>
    compareSortValues(ascending, x.value, y.value) || x.stored.internalId - y.stored.internalId;
  let lasts = lastOrders.get(state);
  if (lasts === undefined) {
    lasts = new Map();
    lastOrders.set(state, lasts);
  }
  const byId = documentsById(state);
  // With no earlier order every document counts as written.
  const last = lasts.get(key) ?? { order: { docs: [], ids: new Int32Array(0), values: [] }, byId: [] };
  // Documents a write did not touch (the same stored object) keep their place; the others are read and
  // sorted, then merged in: the order is total (value, then id), so this is the order a full sort gives.
  const kept: Entry[] = [];
  const { docs, values } = last.order;
  for (let p = 0; p < docs.length; p++) {
    const stored = docs[p] as StoredDocument;
    if (byId[stored.internalId] === stored) kept.push({ stored, value: values[p] ?? null });
  }
  const written: Entry[] = [];
  for (let id = 0; id < byId.length; id++) {
    const stored = byId[id];
    if (stored !== undefined && last.byId[id] !== stored)
      written.push({ stored, value: sortValue(stored.doc, field, ascending) });
  }
  written.sort(compare);
  const entries = mergeSorted(kept, written, compare);
  const order: SortedDocuments = {
    docs: entries.map((e) => e.stored),
    ids: Int32Array.from(entries, (e) => e.stored.internalId),
    values: entries.map((e) => e.value),
  };
  orders.set(key, order);
  lasts.set(key, { order, byId });
  return order;
}
