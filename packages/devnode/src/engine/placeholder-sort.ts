import type { IdFilter } from './id-filter.js';
import type { IndexState, StoredDocument } from './index-state.js';
import { compareSortValues } from './ranking-score.js';
import { compareScored, type ScoredDocument, type ScoringContext, scoreDocument } from './score-document.js';
import { scratchInt32 } from './scratch-arrays.js';
import { sortedDocuments } from './sorted-documents.js';

/**
 * A placeholder search sorted by a field: walks the documents presorted by the first sort criterion and
 * fully scores only the matches tied with or before the `needed`-th one (later ones cannot reach the page
 * and are listed by id, for totals and facets, in a scratch array valid for the current search). The head
 * is best first, exactly as a full sort orders it. Returns null when the first criterion is not a field sort or other keys come first (custom rules).
 *
 * @example
 * ```ts
 * rankPlaceholderBySort(state, scoring, null, 20);
 * ```
 */
export function rankPlaceholderBySort(
  state: IndexState,
  scoring: ScoringContext,
  allows: IdFilter | null,
  needed: number,
): { head: ScoredDocument[]; tail: Int32Array } | null {
  const first = scoring.sort[0];
  if (first === undefined || first.kind !== 'field' || scoring.rules.some((r) => r.kind === 'custom'))
    return null;
  const { docs, ids, values } = sortedDocuments(state, first.field, first.ascending);
  const allowed = allows === null ? null : allows.bitmap(state.nextInternalId);
  const head: ScoredDocument[] = [];
  // Past the boundary only ids are listed, in a scratch array: a typed read and write per document.
  const tail = scratchInt32(ids.length);
  let tailLength = 0;
  let boundary: number | string | null | undefined;
  let closed = needed <= 0;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as number;
    if (allowed !== null && allowed[id] === 0) continue;
    if (!closed && boundary !== undefined && compareSortValues(first.ascending, values[i], boundary) !== 0)
      closed = true;
    if (closed) {
      tail[tailLength++] = id;
      continue;
    }
    head.push(scoreDocument(scoring, (docs[i] as StoredDocument).doc, id, null));
    if (head.length === needed) boundary = values[i] ?? null;
  }
  head.sort(compareScored);
  return { head, tail: tail.subarray(0, tailLength) };
}
