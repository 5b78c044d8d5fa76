import { meiliError } from '@miroir/errors';
import { filterablePatterns, isFilterable } from './compile-filter.js';
import type { FacetSearchQuery, FacetSearchResponse } from './engine-contract.js';
import { rankKeyword } from './execute-search.js';
import { facetOrder } from './facet-distribution.js';
import { valuesAtPath } from './field-paths.js';
import type { IndexState, StoredDocument } from './index-state.js';
import { withScratch } from './scratch-arrays.js';
import { normalizeWord } from './tokenize.js';
import { allowedTypos, typoDistance } from './typo-distance.js';

/** Whether a normalised facet value matches a facet query (prefix, with typo tolerance). */
function matchesFacetQuery(value: string, query: string, state: IndexState): boolean {
  if (query === '') return true;
  if (value.startsWith(query)) return true;
  const typo = state.settings.typoTolerance;
  if (!typo.enabled) return false;
  const typos = allowedTypos(query, typo.minWordSizeForTypos);
  return typos > 0 && typoDistance(query, value, typos, true) >= 0;
}

/**
 * Search the values of one facet among the documents matching `q` and `filter`, with exact counts.
 *
 * @example
 * ```ts
 * runFacetSearch(state, { facetName: 'genre', facetQuery: 'act' }, Date.now);
 * // { facetHits: [{ value: 'Action', count: 3 }], facetQuery: 'act', processingTimeMs: 0 }
 * ```
 */
export function runFacetSearch(
  state: IndexState,
  query: FacetSearchQuery,
  now: () => number,
): FacetSearchResponse {
  const started = now();
  const settings = state.settings;
  const patterns = filterablePatterns(settings.filterableAttributes);
  if (!isFilterable(query.facetName, patterns)) {
    throw meiliError(
      'invalid_facet_search_facet_name',
      patterns.length === 0
        ? `Attribute \`${query.facetName}\` is not facet-searchable. This index does not have configured facet-searchable attributes. To make it facet-searchable add it to the \`filterableAttributes\` index settings.`
        : `Attribute \`${query.facetName}\` is not facet-searchable. Available facet-searchable attributes patterns are: \`${[...new Set(patterns)].sort().join(', ')}\`. To make it facet-searchable add it to the \`filterableAttributes\` index settings.`,
    );
  }
  if (!settings.facetSearch) {
    throw meiliError('facet_search_disabled', 'The facet search is disabled for this index');
  }
  const { ranked } = withScratch(() =>
    rankKeyword(
      state,
      {
        q: query.q ?? null,
        filter: query.filter ?? null,
        matchingStrategy: query.matchingStrategy ?? 'last',
        attributesToSearchOn: query.attributesToSearchOn ?? null,
      },
      0,
    ),
  );
  const facetQuery = normalizeWord(query.facetQuery ?? '');
  const buckets = new Map<string, { value: string; count: number }>();
  for (const hit of ranked) {
    const doc = (state.documents.get(hit.docId) as StoredDocument).doc;
    const seen = new Set<string>();
    for (const value of valuesAtPath(doc, query.facetName)) {
      // Only string facet values are searchable (numbers live in a separate, non-searchable facet store).
      if (typeof value !== 'string' && typeof value !== 'boolean') continue;
      const text = String(value);
      const key = normalizeWord(text);
      if (seen.has(key) || !matchesFacetQuery(key, facetQuery, state)) continue;
      seen.add(key);
      const bucket = buckets.get(key);
      if (bucket === undefined) buckets.set(key, { value: text, count: 1 });
      else bucket.count++;
    }
  }
  const hits = [...buckets.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([, v]) => v);
  if (facetOrder(settings, query.facetName) === 'count') hits.sort((a, b) => b.count - a.count);
  return {
    facetHits: hits.slice(0, settings.faceting.maxValuesPerFacet),
    facetQuery: query.facetQuery ?? null,
    processingTimeMs: Math.max(0, Math.round(now() - started)),
  };
}
