import type { IdFilter } from './id-filter.js';
import type { IndexState } from './index-state.js';
import { compareSortValues } from './ranking-score.js';
import { compareScored, type ScoredDocument, type ScoringContext, scoreDocument } from './score-document.js';
import { sortedDocuments } from './sorted-documents.js';

/**
 * A placeholder search sorted by a field: walks the documents presorted by the first sort criterion and
 * fully scores only the matches tied with or before the `needed`-th one (later ones cannot reach the page
 * and are listed by id, for totals and facets). The head is best first, exactly as a full sort orders it.
 * Returns null when the first criterion is not a field sort or other keys come first (custom rules).
 *
 * @example
 * ```ts
 * rankPlaceholderBySort(state, scoring, null, new Set(), 20);
 * ```
 */
export function rankPlaceholderBySort(
  state: IndexState,
  scoring: ScoringContext,
  allows: IdFilter | null,
  excluded: ReadonlySet<number>,
  needed: number,
): { head: ScoredDocument[]; tail: number[] } | null {
  const first = scoring.sort[0];
  if (first === undefined || first.kind !== 'field' || scoring.rules.some((r) => r.kind === 'custom'))
    return null;
  const { docs, values } = sortedDocuments(state, first.field, first.ascending);
  const head: ScoredDocument[] = [];
  const tail: number[] = [];
  let boundary: number | string | null | undefined;
  let closed = needed <= 0;
  for (let i = 0; i < docs.length; i++) {
    const stored = docs[i];
    if (stored === undefined) continue;
    if (allows !== null && !allows.test(stored.internalId)) continue;
    if (excluded.has(stored.internalId)) continue;
    if (!closed && boundary !== undefined && compareSortValues(first.ascending, values[i], boundary) !== 0)
      closed = true;
    if (closed) {
      tail.push(stored.internalId);
      continue;
    }
    head.push(scoreDocument(scoring, stored.doc, stored.internalId, null));
    if (head.length === needed) boundary = values[i] ?? null;
  }
  head.sort(compareScored);
  return { head, tail };
}
