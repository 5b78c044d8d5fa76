import type { IndexState, StoredDocument } from './index-state.js';
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
  const entries = [...state.documents.values()].map((stored) => ({
    stored,
    value: sortValue(stored.doc, field, ascending),
  }));
  entries.sort(
    (x, y) => compareSortValues(ascending, x.value, y.value) || x.stored.internalId - y.stored.internalId,
  );
  const order: SortedDocuments = {
    docs: entries.map((e) => e.stored),
    ids: Int32Array.from(entries, (e) => e.stored.internalId),
    values: entries.map((e) => e.value),
  };
  orders.set(key, order);
  return order;
}
