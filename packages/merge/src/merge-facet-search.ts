import {
  DEFAULT_MAX_VALUES_PER_FACET,
  type FacetingOptions,
  facetOrder,
  sortFacetValues,
} from './merge-facets.js';
import type { FacetSearchResponse } from './types.js';

/**
 * Merges facet-search responses of disjoint shards: counts summed per value, then sorted by the facet's
 * `sortFacetValuesBy` like facet distributions (`count`: higher counts first, ties alphabetical; `alpha`:
 * by case-folded value — facet search matches string values only, so digits sort as text) and
 * truncated to `maxValuesPerFacet`. Exactness follows the facet distribution rules (exact in `alpha`
 * order; in `count` order a long-tail value a shard truncated away can be under-counted).
 *
 * @example
 * mergeFacetSearch({ facetName: 'genre', facetQuery: 'a' }, [
 *   { facetHits: [{ value: 'action', count: 2 }], facetQuery: 'a', processingTimeMs: 1 },
 *   { facetHits: [{ value: 'action', count: 3 }, { value: 'anime', count: 1 }], facetQuery: 'a', processingTimeMs: 2 },
 * ], {});
 * // { facetHits: [{ value: 'action', count: 5 }, { value: 'anime', count: 1 }], facetQuery: 'a', processingTimeMs: 2 }
 */
export function mergeFacetSearch(
  clientRequest: { facetName: string; facetQuery?: string | null },
  nodeResponses: ReadonlyArray<FacetSearchResponse>,
  faceting: FacetingOptions = {},
): FacetSearchResponse {
  const counts = new Map<string, number>();
  let processingTimeMs = 0;
  for (const response of nodeResponses) {
    processingTimeMs = Math.max(processingTimeMs, response.processingTimeMs ?? 0);
    for (const { value, count } of response.facetHits) counts.set(value, (counts.get(value) ?? 0) + count);
  }
  const max = faceting.maxValuesPerFacet ?? DEFAULT_MAX_VALUES_PER_FACET;
  const hits = sortFacetValues(
    [...counts.keys()],
    [...counts.values()],
    facetOrder(faceting, clientRequest.facetName),
    max,
    false,
  );
  return {
    facetHits: hits.map(({ value, count }) => ({ value, count })),
    facetQuery: clientRequest.facetQuery ?? null,
    processingTimeMs,
  };
}
