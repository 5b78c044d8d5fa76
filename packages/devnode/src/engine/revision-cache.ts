import type { IndexState } from './index-state.js';

/**
 * A value derived from an index's contents, built on first use and rebuilt once the index state's
 * revision moves (any write to documents or settings). Held weakly: a dropped index frees it.
 *
 * @example
 * ```ts
 * const wordCount = perRevision((state) => state.words.size);
 * wordCount(state); // computed once per revision
 * ```
 */
export function perRevision<T>(build: (state: IndexState) => T): (state: IndexState) => T {
  const caches = new WeakMap<IndexState, { readonly revision: number; readonly value: T }>();
  return (state) => {
    const cached = caches.get(state);
    if (cached !== undefined && cached.revision === state.revision) return cached.value;
    const value = build(state);
    caches.set(state, { revision: state.revision, value });
    return value;
  };
}

/**
 * Read `key` from a bounded map, building and storing it when missing (oldest entry evicted past `limit`).
 *
 * @example
 * ```ts
 * remember(entries, 'ka', 32, () => expensive('ka'));
 * ```
 */
export function remember<K, V>(entries: Map<K, V>, key: K, limit: number, build: () => V): V {
  const cached = entries.get(key);
  if (cached !== undefined) return cached;
  const value = build();
  if (entries.size >= limit) {
    const oldest = entries.keys().next();
    if (oldest.done !== true) entries.delete(oldest.value);
  }
  entries.set(key, value);
  return value;
}
