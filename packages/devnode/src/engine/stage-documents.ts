import { meiliError } from '@miroir/errors';
import type { AddDocumentsOptions, AddDocumentsResult, Document, StagedWrite } from './engine-contract.js';
import {
  addPostingsInBulk,
  type IndexState,
  maybeCompact,
  type PreparedDocument,
  prepareDocument,
  putStoredDocument,
} from './index-state.js';
import { documentId, inferPrimaryKey, primaryKeyConflict, validateGeo } from './primary-key.js';
import { extractVectors } from './vector-store.js';

/** The primary key a batch is indexed under: the index's, else the one given, else inferred. */
function batchPrimaryKey(
  current: string | null,
  documents: readonly Document[],
  given: string | null | undefined,
): string | null {
  let key = current;
  if (given !== undefined && given !== null) {
    if (key !== null && key !== given) primaryKeyConflict(key);
    key = given;
  }
  if (key === null && documents[0] !== undefined) key = inferPrimaryKey(documents[0]);
  return key;
}

/**
 * Stage a document addition on an index: `advance` validates and tokenises a few documents at a time
 * (the caller yields in between, so a node keeps answering while a big batch is prepared), `commit`
 * applies them all at once. Until `commit` the index answers as before: staging only adds words to the
 * vocabulary, which a search ignores until a document holds them.
 *
 * @example
 * ```ts
 * const staged = stageDocuments(state, docs, { mode: 'replace' }, null, (key) => (primaryKey = key));
 * while (!staged.advance(64)) await new Promise(setImmediate);
 * staged.commit(); // { receivedDocuments, indexedDocuments }
 * ```
 */
export function stageDocuments(
  state: IndexState,
  documents: readonly Document[],
  options: AddDocumentsOptions,
  currentPrimaryKey: string | null,
  setPrimaryKey: (key: string) => void,
): StagedWrite<AddDocumentsResult> {
  const key = batchPrimaryKey(currentPrimaryKey, documents, options.primaryKey);
  const startRevision = state.revision;
  // Last version of each document id, in order of first appearance (a later duplicate replaces or, in
  // `update` mode, updates an earlier one).
  const pending = new Map<string, Document>();
  const order: string[] = [];
  const prepared: PreparedDocument[] = [];
  let nextInternalId = state.nextInternalId;
  let validated = 0;
  let built = 0;

  const validate = (doc: Document, keyName: string): void => {
    if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
      throw meiliError('bad_request', 'The `json` payload must contain only objects.');
    }
    const id = documentId(doc, keyName);
    validateGeo(doc, id);
    extractVectors(doc, state.settings.embedders, id);
    const base =
      pending.get(id) ??
      (options.mode === 'update' ? state.documents.get(state.byExternalId.get(id) ?? -1)?.doc : undefined);
    if (!pending.has(id)) order.push(id);
    pending.set(id, options.mode === 'update' && base !== undefined ? { ...base, ...doc } : doc);
  };

  const build = (id: string): void => {
    const doc = pending.get(id) as Document;
    const internalId = state.byExternalId.get(id) ?? nextInternalId++;
    const vectors = extractVectors(doc, state.settings.embedders, id);
    prepared.push(prepareDocument(state, internalId, id, doc, vectors));
  };

  const staged: StagedWrite<AddDocumentsResult> = {
    advance(count) {
      if (key === null) return true;
      let budget = Math.max(1, count);
      // Validating is much cheaper than tokenising: it counts as a tenth of a document.
      if (validated < documents.length) {
        const end = Math.min(documents.length, validated + 10 * budget);
        budget -= Math.ceil((end - validated) / 10);
        for (; validated < end; validated++) validate(documents[validated] as Document, key);
        if (validated < documents.length) return false;
      }
      for (; built < order.length && budget > 0; built++, budget--) build(order[built] as string);
      return built === order.length && validated === documents.length;
    },
    commit() {
      if (key === null) return { receivedDocuments: 0, indexedDocuments: 0 };
      if (validated < documents.length || built < order.length)
        throw new Error('[BUG] staged documents committed before they were all prepared');
      if (state.revision !== startRevision)
        throw new Error('[BUG] the index was written to while documents were staged');
      setPrimaryKey(key);
      state.nextInternalId = Math.max(state.nextInternalId, nextInternalId);
      for (const { stored } of prepared) putStoredDocument(state, stored);
      addPostingsInBulk(state, prepared);
      maybeCompact(state);
      return { receivedDocuments: documents.length, indexedDocuments: documents.length };
    },
  };
  return staged;
}

/**
 * Stage and commit a document addition in one go (see {@link stageDocuments}).
 *
 * @example
 * ```ts
 * addDocumentsNow(state, [{ id: 1 }], { mode: 'replace' }, null, (key) => (primaryKey = key));
 * ```
 */
export function addDocumentsNow(
  state: IndexState,
  documents: readonly Document[],
  options: AddDocumentsOptions,
  currentPrimaryKey: string | null,
  setPrimaryKey: (key: string) => void,
): AddDocumentsResult {
  const staged = stageDocuments(state, documents, options, currentPrimaryKey, setPrimaryKey);
  while (!staged.advance(Number.MAX_SAFE_INTEGER));
  return staged.commit();
}
