import { MeiliError } from '@miroir/errors';
import { describe, expect, it } from 'vitest';
import { createSearchIndex } from './create-search-index.js';
import { defaultSettings } from './default-settings.js';
import { validateFacetSearchQuery, validateSearchQuery } from './validate-search-query.js';
import { validateSettings } from './validate-settings.js';

function error(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (e) {
    if (e instanceof MeiliError) return { code: e.code, message: e.message };
    throw e;
  }
  return { code: 'no error', message: '' };
}

describe('validateSearchQuery', () => {
  it('accepts a valid body', () => {
    const body = {
      q: 'x',
      limit: 5,
      filter: ['a = 1', ['b = 2', 'c = 3']],
      hybrid: { embedder: 'e', semanticRatio: 1 },
    };
    expect(validateSearchQuery(body)).toEqual(body);
  });

  it.each([
    [{ foo: 1 }, 'bad_request'],
    [{ limit: -1 }, 'invalid_search_limit'],
    [{ limit: 'x' }, 'invalid_search_limit'],
    [{ offset: 1.5 }, 'invalid_search_offset'],
    [{ page: -1 }, 'invalid_search_page'],
    [{ hitsPerPage: 'x' }, 'invalid_search_hits_per_page'],
    [{ q: 1 }, 'invalid_search_q'],
    [{ matchingStrategy: 'some' }, 'invalid_search_matching_strategy'],
    [{ rankingScoreThreshold: 1.5 }, 'invalid_search_ranking_score_threshold'],
    [{ facets: 'genre' }, 'invalid_search_facets'],
    [{ sort: [1] }, 'invalid_search_sort'],
    [{ filter: true }, 'invalid_search_filter'],
    [{ showRankingScore: 'yes' }, 'invalid_search_show_ranking_score'],
    [{ hybrid: { semanticRatio: 0.5 } }, 'invalid_search_hybrid_query'],
    [{ hybrid: { embedder: 'e', semanticRatio: 2 } }, 'invalid_search_semantic_ratio'],
    [{ vector: ['a'] }, 'invalid_search_vector'],
  ])('%j → %s', (body, code) => {
    expect(error(() => validateSearchQuery(body)).code).toBe(code);
  });

  it('uses deserializer-style messages', () => {
    expect(error(() => validateSearchQuery({ limit: 'x' })).message).toBe(
      'Invalid value type at `.limit`: expected a positive integer, but found a string: `"x"`',
    );
    expect(error(() => validateSearchQuery({ foo: 1 })).message).toMatch(
      /^Unknown field `foo`: expected one of `q`, /,
    );
  });

  it('validates facet search bodies', () => {
    expect(validateFacetSearchQuery({ facetName: 'genre', facetQuery: 'a' })).toEqual({
      facetName: 'genre',
      facetQuery: 'a',
    });
    expect(error(() => validateFacetSearchQuery({ facetQuery: 'a' })).code).toBe(
      'missing_facet_search_facet_name',
    );
    expect(error(() => validateFacetSearchQuery({ facetName: 'g', facetQuery: 1 })).code).toBe(
      'invalid_facet_search_query',
    );
    expect(error(() => validateFacetSearchQuery({ facetName: 'g', limit: 1 })).code).toBe('bad_request');
  });
});

describe('validateSettings', () => {
  it('accepts and returns a patch, null meaning reset', () => {
    expect(validateSettings({ rankingRules: ['words', 'price:asc'], stopWords: null })).toEqual({
      rankingRules: ['words', 'price:asc'],
      stopWords: null,
    });
    expect(validateSettings(['a'], 'searchableAttributes')).toEqual({ searchableAttributes: ['a'] });
  });

  it.each([
    [{ foo: 1 }, 'bad_request'],
    [{ rankingRules: 'words' }, 'invalid_settings_ranking_rules'],
    [{ rankingRules: ['wordz'] }, 'invalid_settings_ranking_rules'],
    [{ displayedAttributes: [1] }, 'invalid_settings_displayed_attributes'],
    [
      { typoTolerance: { minWordSizeForTypos: { oneTypo: 6, twoTypos: 5 } } },
      'invalid_settings_typo_tolerance',
    ],
    [{ pagination: { maxTotalHits: -1 } }, 'invalid_settings_pagination'],
    [{ faceting: { sortFacetValuesBy: { '*': 'random' } } }, 'invalid_settings_faceting'],
    [{ proximityPrecision: 'byLetter' }, 'invalid_settings_proximity_precision'],
    [{ embedders: { e: { source: 'userProvided' } } }, 'invalid_settings_embedders'],
    [{ distinctAttribute: 1 }, 'invalid_settings_distinct_attribute'],
  ])('%j → %s', (body, code) => {
    expect(error(() => validateSettings(body)).code).toBe(code);
  });

  it('has the documented message for a wrong type', () => {
    expect(error(() => validateSettings({ rankingRules: 'x' })).message).toBe(
      'Invalid value type at `.rankingRules`: expected an array, but found a string: `"x"`',
    );
  });

  it('merges nested settings and resets with null', () => {
    const index = createSearchIndex({ uid: 'a' });
    index.updateSettings(validateSettings({ typoTolerance: { minWordSizeForTypos: { oneTypo: 3 } } }));
    expect(index.getSettings().typoTolerance.minWordSizeForTypos).toEqual({ oneTypo: 3, twoTypos: 9 });
    index.updateSettings(validateSettings({ faceting: { sortFacetValuesBy: { genre: 'count' } } }));
    expect(index.getSettings().faceting.sortFacetValuesBy).toEqual({ '*': 'alpha', genre: 'count' });
    index.updateSettings(validateSettings({ typoTolerance: null, faceting: null }));
    expect(index.getSettings()).toEqual(defaultSettings());
  });
});
