import { evaluateFilter } from '@miroir/filter';
import { checkFilter, type FilterErrorCode } from './compile-filter.js';
import { documentsById } from './documents-by-id.js';
import type { FilterInput } from './engine-contract.js';
import { filterNodeBitmap } from './filter-bitmap.js';
import type { IndexState } from './index-state.js';

/** A search filter over internal ids (deleted ids never pass). */
export interface IdFilter {
  /** Whether an internal id passes. */
  test(internalId: number): boolean;
  /**
   * The ids below `size` that pass, as a bitmap (1: passes), for loops that test every id (a typed read
   * instead of a call): the one the filter was read from, or one evaluated id by id.
   */
  bitmap(size: number): Uint8Array;
}

/**
 * Compile a search filter (throwing Meilisearch's filter errors) into a test on internal ids: a bitmap
 * read from the value tables when they can answer, else the per-document predicate. Null: no filter.
 * Errors carry `code` (`invalid_document_filter` for the documents routes).
 *
 * @example
 * ```ts
 * const allows = compileIdFilter(state, 'genres = drama');
 * allows?.test(0); // whether internal id 0 is a drama
 * ```
 */
export function compileIdFilter(
  state: IndexState,
  filter: FilterInput | null | undefined,
  code: FilterErrorCode = 'invalid_search_filter',
): IdFilter | null {
  const node = checkFilter(filter, state.settings.filterableAttributes, code);
  if (node === null) return null;
  const bits = filterNodeBitmap(state, node);
  let test = (id: number): boolean => bits?.[id] === 1;
  if (bits === null) {
    const byId = documentsById(state);
    test = (id) => {
      const stored = byId[id];
      return stored !== undefined && evaluateFilter(node, stored.doc);
    };
  }
  return {
    test,
    bitmap(size) {
      if (bits !== null && bits.length >= size) return bits;
      const out = new Uint8Array(size);
      for (let id = 0; id < size; id++) out[id] = test(id) ? 1 : 0;
      return out;
    },
  };
}
