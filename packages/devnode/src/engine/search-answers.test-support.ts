import { createSearchIndex } from './create-search-index.js';
import type { Document, SearchIndexEngine, SearchQuery } from './engine-contract.js';

/**
 * What an index answers to each query, score details included and `processingTimeMs` left out: two
 * indexes holding the same data under the same settings give equal answers.
 *
 * @example
 * ```ts
 * expect(searchAnswers(staged, queries)).toEqual(searchAnswers(direct, queries));
 * ```
 */
export function searchAnswers(index: SearchIndexEngine, queries: readonly SearchQuery[]): unknown[] {
  return queries.map((query) => {
    const { processingTimeMs: _, ...response } = index.search({ ...query, showRankingScoreDetails: true });
    return response;
  });
}

/**
 * A `movies` index (primary key `id`, `year` filterable and sortable) holding `documents`.
 *
 * @example
 * ```ts
 * const index = moviesIndex([{ id: 1, title: 'Dune', year: 1984 }]);
 * ```
 */
export function moviesIndex(documents: readonly Document[]): SearchIndexEngine {
  const index = createSearchIndex({
    uid: 'movies',
    primaryKey: 'id',
    settings: { filterableAttributes: ['year'], sortableAttributes: ['year'] },
  });
  index.addDocuments(documents, { mode: 'replace' });
  return index;
}
