import { applySettingsPatch } from './apply-settings.js';
import type { IndexSettings, StagedWrite } from './engine-contract.js';
import {
  adoptReindexed,
  type IndexState,
  type PreparedDocument,
  prepareDocument,
  refreshWeights,
  reindexingState,
} from './index-state.js';
import { extractVectors } from './vector-store.js';

/**
 * Stage a settings update on an index. One that changes how documents are tokenised (searchable
 * attributes, stop words, separators, dictionary…) re-tokenises them into a separate vocabulary a few at
 * a time, while the index keeps answering under the old settings; `commit` swaps the new vocabulary and
 * documents in at once. Any other update has nothing to prepare. A bad patch throws here, before anything.
 *
 * @example
 * ```ts
 * const staged = stageSettings(state, { stopWords: ['the'] });
 * while (!staged.advance(64)) await new Promise(setImmediate);
 * staged.commit();
 * ```
 */
export function stageSettings(
  state: IndexState,
  patch: Partial<Record<keyof IndexSettings, unknown>>,
): StagedWrite<void> {
  const { settings, reindex } = applySettingsPatch(state.settings, patch);
  const startRevision = state.revision;
  const ordered = reindex ? [...state.documents.values()].sort((a, b) => a.internalId - b.internalId) : [];
  const shadow = reindex ? reindexingState(state, settings) : null;
  const rebuilt: PreparedDocument[] = [];
  return {
    advance(count) {
      if (shadow === null) return true;
      const end = Math.min(ordered.length, rebuilt.length + Math.max(1, count));
      while (rebuilt.length < end) {
        const old = ordered[rebuilt.length]!;
        rebuilt.push(prepareDocument(shadow, old.internalId, old.externalId, old.doc, old.vectors));
      }
      return rebuilt.length === ordered.length;
    },
    commit() {
      if (rebuilt.length < ordered.length)
        throw new Error('[BUG] staged settings committed before the documents were all re-tokenised');
      if (state.revision !== startRevision)
        throw new Error('[BUG] the index was written to while settings were staged');
      if (shadow === null) {
        state.settings = settings;
        state.revision++;
        refreshWeights(state);
      } else {
        adoptReindexed(state, shadow, rebuilt);
      }
      if (patch.embedders !== undefined) rereadVectors(state);
    },
  };
}

/** Re-read every document's `_vectors` against the embedders (dropping removed ones, picking up new ones). */
function rereadVectors(state: IndexState): void {
  for (const stored of state.documents.values()) {
    let vectors: Map<string, number[][]>;
    try {
      vectors = extractVectors(stored.doc, state.settings.embedders, stored.externalId);
    } catch {
      vectors = new Map();
    }
    stored.vectors.clear();
    for (const [name, list] of vectors) stored.vectors.set(name, list);
  }
}
