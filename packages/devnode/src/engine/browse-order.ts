import type { IdFilter } from './id-filter.js';
import type { IndexState } from './index-state.js';
import { rankPlaceholderBySort } from './placeholder-sort.js';
import { compareScored, type ScoredDocument, type ScoringContext, scoreDocument } from './score-document.js';
import { withScratch } from './scratch-arrays.js';
import { selectTop } from './select-top.js';
import type { SortCriterion } from './sort-criteria.js';

/**
 * The first `end` browsed documents in the order of the documents routes' `sort` (Meilisearch 1.16+), as
 * internal ids: sorted like a placeholder search sorts them (a document without the field after those
 * with it, arrays by their smallest or largest value, `_geoPoint` by distance), ties by internal id. Only
 * the documents marked in `browsed` (1) are ordered.
 *
 * @example
 * ```ts
 * firstBrowsedBySort(state, [parseSortCriterion('price:asc', 'invalid_document_sort')], marks, 20);
 * ```
 */
export function firstBrowsedBySort(
  state: IndexState,
  criteria: readonly SortCriterion[],
  browsed: Uint8Array,
  end: number,
): number[] {
  // Sorting is not ranking: the criteria order the documents whatever the ranking rules say.
  const scoring: ScoringContext = {
    rules: [{ kind: 'sort' }],
    sort: criteria,
    ruleInput: null,
    detailed: false,
  };
  const allows: IdFilter = { test: (id) => browsed[id] === 1, bitmap: () => browsed };
  return withScratch(() => {
    // A field first: walk its presorted order.
    const bySort = rankPlaceholderBySort(state, scoring, allows, end);
    if (bySort !== null) return bySort.head.slice(0, end).map((hit) => hit.docId);
    // A geo point first: every browsed document's distance.
    const scored: ScoredDocument[] = [];
    for (const stored of state.documents.values()) {
      if (browsed[stored.internalId] !== 1) continue;
      scored.push(scoreDocument(scoring, stored.doc, stored.internalId, null));
    }
    selectTop(scored, Math.min(end, scored.length), compareScored);
    return scored.slice(0, end).map((hit) => hit.docId);
  });
}
