import { meiliError } from '@miroir/errors';
import { filterablePatterns, isFilterable } from './compile-filter.js';
import type { FacetSearchQuery, FacetSearchResponse } from './engine-contract.js';
import { rankKeyword } from './execute-search.js';
import { facetOrder } from './facet-distribution.js';
import { compactStalePostings, type IndexState } from './index-state.js';
import { perRevision, remember } from './revision-cache.js';
import type { ScoredDocument } from './score-document.js';
import { withScratch } from './scratch-arrays.js';
import { buildSpelledValues, countKeys, type SpelledValues, type ValueSpelling } from './spelled-values.js';
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

// Built on the first facet search of an attribute, dropped at the next write.
const searchableFacetsOf = perRevision(() => new Map<string, SpelledValues>());

/** Searchable facet values: strings and booleans (numbers live in a separate, non-searchable store). */
function searchableSpelling(value: unknown): ValueSpelling | null {
  if (typeof value !== 'string' && typeof value !== 'boolean') return null;
  const text = String(value);
  return { key: normalizeWord(text), display: text, number: Number.NaN };
}

function searchableFacet(state: IndexState, facetName: string): SpelledValues {
  return remember(searchableFacetsOf(state), facetName, Number.POSITIVE_INFINITY, () =>
    buildSpelledValues(state, facetName, searchableSpelling),
  );
}

/** The internal ids of the documents matching the facet search's `q` and `filter`, in any order. */
function matchingIds(state: IndexState, query: FacetSearchQuery): ArrayLike<number> {
  // Only which documents match matters: a staged ranking orders one and lists the others by id.
  const { ranked, tail } = rankKeyword(
    state,
    {
      q: query.q ?? null,
      filter: query.filter ?? null,
      matchingStrategy: query.matchingStrategy ?? 'last',
      attributesToSearchOn: query.attributesToSearchOn ?? null,
    },
    1,
    true,
  );
  const ids = new Int32Array(ranked.length + (tail?.length ?? 0));
  for (let i = 0; i < ranked.length; i++) ids[i] = (ranked[i] as ScoredDocument).docId;
  if (tail !== undefined) ids.set(tail, ranked.length);
  return ids;
}

/**
 * Per key accepted by `accepts` and held by a match: how many matches hold it, shown with the spelling of
 * its lowest-id holder among them (as the facet distribution shows values).
 */
function countSearchableValues(
  facet: SpelledValues,
  matches: ArrayLike<number>,
  accepts: (key: string) => boolean,
): { key: string; value: string; count: number }[] {
  const { counts, shown } = countKeys(facet, matches);
  const out: { key: string; value: string; count: number }[] = [];
  for (let keyId = 0; keyId < counts.length; keyId++) {
    const key = facet.keys[keyId] as string;
    if (counts[keyId] === 0 || !accepts(key)) continue;
    out.push({ key, value: facet.display[shown[keyId] as number] as string, count: counts[keyId] as number });
  }
  return out;
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
  const facetQuery = normalizeWord(query.facetQuery ?? '');
  // Ranking from postings needs them exact, as in a search: drop what writes since then left stale.
  compactStalePostings(state);
  const counts = withScratch(() => {
    const matches = matchingIds(state, query);
    return countSearchableValues(searchableFacet(state, query.facetName), matches, (key) =>
      matchesFacetQuery(key, facetQuery, state),
    );
  });
  const hits = counts
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ value, count }) => ({ value, count }));
  if (facetOrder(settings, query.facetName) === 'count') hits.sort((a, b) => b.count - a.count);
  return {
    facetHits: hits.slice(0, settings.faceting.maxValuesPerFacet),
    facetQuery: query.facetQuery ?? null,
    processingTimeMs: Math.max(0, Math.round(now() - started)),
  };
}
