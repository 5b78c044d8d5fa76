import type { IndexState, StoredDocument } from './index-state.js';
import { perRevision } from './revision-cache.js';

const denseDocuments = perRevision((state) => {
  const docs = new Array<StoredDocument | undefined>(state.nextInternalId).fill(undefined);
  for (const stored of state.documents.values()) docs[stored.internalId] = stored;
  return docs;
});

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
  return denseDocuments(state);
}
