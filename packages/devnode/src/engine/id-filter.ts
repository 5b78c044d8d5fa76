import { evaluateFilter } from '@miroir/filter';
import { checkFilter } from './compile-filter.js';
import { documentsById } from './documents-by-id.js';
import type { FilterInput } from './engine-contract.js';
import { filterNodeBitmap } from './filter-bitmap.js';
import type { IndexState } from './index-state.js';

/** A search filter as a test on internal ids (deleted ids never pass). */
export type IdFilter = (internalId: number) => boolean;

/**
 * Compile a search filter (throwing Meilisearch's filter errors) into a test on internal ids: a bitmap
 * read from the value tables when they can answer, else the per-document predicate. Null: no filter.
 *
 * @example
 * ```ts
 * const allows = compileIdFilter(state, 'genres = drama');
 * allows?.(0); // whether internal id 0 is a drama
 * ```
 */
export function compileIdFilter(state: IndexState, filter: FilterInput | null | undefined): IdFilter | null {
  const node = checkFilter(filter, state.settings.filterableAttributes);
  if (node === null) return null;
  const bits = filterNodeBitmap(state, node);
  if (bits !== null) return (id) => bits[id] === 1;
  const byId = documentsById(state);
  return (id) => {
    const stored = byId[id];
    return stored !== undefined && evaluateFilter(node, stored.doc);
  };
}
