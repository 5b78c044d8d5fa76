import { liveDocuments } from './facet-index.js';
import type { IdFilter } from './id-filter.js';
import type { IndexState } from './index-state.js';
import type { ScoredDocument } from './score-document.js';
import { scratchInt32 } from './scratch-arrays.js';

/**
 * A placeholder search without sort criteria or custom rules ranks every match alike (score 1, no
 * details), so internal-id order decides: the first `needed` matches are the head and the others are
 * listed by id in a scratch array (valid for the current search only). One pass over the live ids: no
 * object per match, where scoring every document allocated one per document.
 *
 * @example
 * ```ts
 * const { head, tail } = rankPlaceholderByInternalId(state, null, 20);
 * ```
 */
export function rankPlaceholderByInternalId(
  state: IndexState,
  allows: IdFilter | null,
  needed: number,
): { head: ScoredDocument[]; tail: Int32Array } {
  const size = state.nextInternalId;
  const live = liveDocuments(state);
  const allowed = allows === null ? live : allows.bitmap(size);
  const head: ScoredDocument[] = [];
  const tail = scratchInt32(size);
  let tailLength = 0;
  for (let id = 0; id < size; id++) {
    if (live[id] === 0 || allowed[id] === 0) continue;
    if (head.length < needed)
      head.push({ docId: id, details: {}, score: 1, keys: [], geoDistance: null, candidate: null });
    else tail[tailLength++] = id;
  }
  return { head, tail: tail.subarray(0, tailLength) };
}
