import { type DocumentsSnapshot, documentsSnapshot, rewrittenIds } from './documents-by-id.js';
import type { IndexState } from './index-state.js';
import { perRevision, remember } from './revision-cache.js';

/** A value derived from the stored documents, with the documents it was derived from. */
export interface Derived<V> {
  readonly value: V;
  readonly snapshot: DocumentsSnapshot;
}

/** How a value derived from the documents is built, and brought up to date after a write. */
export interface PatchedAfterWrites<K, V> {
  /** Most documents rewritten since the last value for it to be patched (else it is built again). */
  readonly patchLimit: (documents: number) => number;
  /** Build from the documents (`last`: the previous value, if any, which a build may reuse). */
  readonly build: (key: K, snapshot: DocumentsSnapshot, last: Derived<V> | null) => V;
  /** The previous value with `rewritten` (ascending internal ids) read again. */
  readonly patch: (key: K, snapshot: DocumentsSnapshot, last: Derived<V>, rewritten: readonly number[]) => V;
}

/**
 * A per-key value derived from an index's documents, computed once per revision: after a write, the
 * last value is patched with the few documents the write touched (found by serial, see
 * {@link rewrittenIds}) instead of every document being read again.
 *
 * @example
 * ```ts
 * const count = patchedAfterWrites<string, number>({
 *   patchLimit: (n) => n,
 *   build: (_, snapshot) => snapshot.docs.filter(Boolean).length,
 *   patch: (_, snapshot) => snapshot.docs.filter(Boolean).length,
 * });
 * count(state, 'all');
 * ```
 */
export function patchedAfterWrites<K, V>(how: PatchedAfterWrites<K, V>): (state: IndexState, key: K) => V {
  const current = perRevision(() => new Map<K, V>());
  const lasts = new WeakMap<IndexState, Map<K, Derived<V>>>();
  return (state, key) =>
    remember(current(state), key, Number.POSITIVE_INFINITY, () => {
      let byKey = lasts.get(state);
      if (byKey === undefined) {
        byKey = new Map();
        lasts.set(state, byKey);
      }
      const snapshot = documentsSnapshot(state);
      const last = byKey.get(key) ?? null;
      const rewritten =
        last === null ? null : rewrittenIds(last.snapshot, snapshot, how.patchLimit(snapshot.docs.length));
      const value =
        last !== null && rewritten !== null
          ? how.patch(key, snapshot, last, rewritten)
          : how.build(key, snapshot, last);
      byKey.set(key, { value, snapshot });
      return value;
    });
}
