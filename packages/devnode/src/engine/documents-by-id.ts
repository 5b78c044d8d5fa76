import type { IndexState, StoredDocument } from './index-state.js';

interface DenseCache {
  readonly revision: number;
  readonly docs: readonly (StoredDocument | undefined)[];
}

// Rebuilt lazily after any write (the index state's revision moves).
const caches = new WeakMap<IndexState, DenseCache>();

/**
 * Stored documents indexed by internal id (holes for removed ids): a plain array read is much cheaper
 * than a `Map` lookup in loops over every candidate.
 *
 * @example
 * ```ts
 * documentsById(state)[0]?.externalId;
 * ```
 */
export function documentsById(state: IndexState): readonly (StoredDocument | undefined)[] {
  const cached = caches.get(state);
  if (cached !== undefined && cached.revision === state.revision) return cached.docs;
  const docs = new Array<StoredDocument | undefined>(state.nextInternalId).fill(undefined);
  for (const stored of state.documents.values()) docs[stored.internalId] = stored;
  caches.set(state, { revision: state.revision, docs });
  return docs;
}
