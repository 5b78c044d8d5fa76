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
  if (bits !== null) {
    const test: IdFilter = (id) => bits[id] === 1;
    bitmaps.set(test, bits);
    return test;
  }
  const byId = documentsById(state);
  return (id) => {
    const stored = byId[id];
    return stored !== undefined && evaluateFilter(node, stored.doc);
  };
}

// The bitmaps filters were read from, for loops that test every id (a typed read instead of a call).
const bitmaps = new WeakMap<IdFilter, Uint8Array>();

/**
 * A filter as a bitmap over internal ids below `size` (1: allowed): the one it was read from, or one
 * evaluated id by id.
 *
 * @example
 * ```ts
 * const allowed = idFilterBitmap(allows, state.nextInternalId);
 * allowed[0]; // 1 when internal id 0 passes
 * ```
 */
export function idFilterBitmap(filter: IdFilter, size: number): Uint8Array {
  const bits = bitmaps.get(filter);
  if (bits !== undefined && bits.length >= size) return bits;
  const out = new Uint8Array(size);
  for (let id = 0; id < size; id++) out[id] = filter(id) ? 1 : 0;
  return out;
}
