import { describe, expect, it } from 'vitest';
import { createSearchIndex } from './create-search-index.js';

function movies() {
  const index = createSearchIndex({ uid: 'movies' });
  index.addDocuments(
    [
      { id: 1, title: 'Batman Returns', genre: 'action', year: 1992 },
      { id: 2, title: 'Batman', genre: 'action', year: 1989 },
      { id: 3, title: 'Returns of the King', genre: 'fantasy', year: 2003 },
      { id: 4, title: 'The Dark Knight', genre: ['action', 'drama'], year: 2008 },
    ],
    { mode: 'replace' },
  );
  return index;
}

describe('Meilisearch ranking-score examples', () => {
  it('reproduces the scores and details of a Meilisearch snapshot (q="doc optional")', () => {
    const index = createSearchIndex({ uid: 'products' });
    index.addDocuments(
      [
        { id: 'boosted-doc', kind: 'boost' },
        { id: 'deboosted-doc-with-optional', kind: 'deboost' },
        { id: 'unchanged-doc-with-optional', kind: 'unchanged' },
      ],
      { mode: 'replace' },
    );
    const res = index.search({ q: 'doc optional', showRankingScore: true, showRankingScoreDetails: true });
    const byId = Object.fromEntries(res.hits.map((h) => [h.id, h]));
    expect(byId['unchanged-doc-with-optional']?._rankingScore).toBeCloseTo(0.951058201058201, 12);
    expect(byId['boosted-doc']?._rankingScore).toBeCloseTo(0.4621212121212121, 12);
    expect(byId['boosted-doc']?._rankingScoreDetails).toEqual({
      words: { order: 0, matchingWords: 1, maxMatchingWords: 2, score: 0.5 },
      typo: { order: 1, typoCount: 0, maxTypoCount: 1, score: 1 },
      proximity: { order: 2, score: 1 },
      attributeRank: { order: 3, score: 1 },
      wordPosition: { order: 4, score: 10 / 11 },
      exactness: { order: 5, matchType: 'noExactMatch', matchingWords: 1, maxMatchingWords: 1, score: 1 / 3 },
    });
    expect(byId['unchanged-doc-with-optional']?._rankingScoreDetails).toEqual({
      words: { order: 0, matchingWords: 2, maxMatchingWords: 2, score: 1 },
      typo: { order: 1, typoCount: 0, maxTypoCount: 2, score: 1 },
      proximity: { order: 2, score: 0.75 },
      attributeRank: { order: 3, score: 1 },
      wordPosition: { order: 4, score: 18 / 21 },
      exactness: { order: 5, matchType: 'noExactMatch', matchingWords: 2, maxMatchingWords: 2, score: 1 / 3 },
    });
    expect(res.hits.map((h) => h.id)).toEqual([
      'deboosted-doc-with-optional',
      'unchanged-doc-with-optional',
      'boosted-doc',
    ]);
  });
});

describe('search basics', () => {
  it('matches words with typos and prefixes', () => {
    const index = movies();
    // Same typo count and no exact match: ties keep insertion order.
    expect(index.search({ q: 'batmn' }).hits.map((h) => h.id)).toEqual([1, 2]);
    // The exact attribute match ranks first.
    expect(index.search({ q: 'batman' }).hits.map((h) => h.id)).toEqual([2, 1]);
    expect(index.search({ q: 'bat' }).hits.map((h) => h.id)).toEqual([1, 2]);
    expect(index.search({ q: 'bat ' }).hits).toEqual([]);
  });

  it('returns a placeholder search in insertion order with score 1', () => {
    const res = movies().search({ showRankingScore: true, showRankingScoreDetails: true });
    expect(res.hits.map((h) => h.id)).toEqual([1, 2, 3, 4]);
    expect(res.hits[0]?._rankingScore).toBe(1);
    expect(res.hits[0]?._rankingScoreDetails).toEqual({});
    expect(res.estimatedTotalHits).toBe(4);
    expect(res.limit).toBe(20);
    expect(res.offset).toBe(0);
  });

  it('filters, sorts and facets', () => {
    const index = movies();
    index.updateSettings({ filterableAttributes: ['genre', 'year'], sortableAttributes: ['year'] });
    const res = index.search({
      filter: 'genre = action',
      sort: ['year:desc'],
      facets: ['genre', 'year'],
      showRankingScoreDetails: true,
    });
    expect(res.hits.map((h) => h.id)).toEqual([4, 1, 2]);
    expect(res.hits[0]?._rankingScoreDetails).toEqual({ 'year:desc': { order: 0, value: 2008 } });
    expect(res.facetDistribution).toEqual({
      genre: { action: 3, drama: 1 },
      year: { 1989: 1, 1992: 1, 2008: 1 },
    });
    expect(res.facetStats).toEqual({ year: { min: 1989, max: 2008 } });
  });

  it('paginates with page/hitsPerPage', () => {
    const res = movies().search({ page: 2, hitsPerPage: 3 });
    expect(res.hits.map((h) => h.id)).toEqual([4]);
    expect(res.totalHits).toBe(4);
    expect(res.totalPages).toBe(2);
    expect(res.limit).toBeUndefined();
  });

  it('highlights and crops', () => {
    const res = movies().search({
      q: 'returns',
      attributesToHighlight: ['title'],
      attributesToCrop: ['title:2'],
    });
    expect(res.hits.map((h) => h.id)).toEqual([3, 1]);
    expect(res.hits[0]?._formatted).toEqual({
      id: '3',
      title: '<em>Returns</em> of…',
      genre: 'fantasy',
      year: '2003',
    });
    expect(res.hits[1]?._formatted).toEqual({
      id: '1',
      title: 'Batman <em>Returns</em>',
      genre: 'action',
      year: '1992',
    });
  });
});

describe('initial settings', () => {
  it('merge into the defaults like a settings update (partial objects, undefined and null keys)', () => {
    const index = createSearchIndex({
      uid: 'partial',
      settings: {
        typoTolerance: { disableOnAttributes: ['sku'] },
        pagination: { maxTotalHits: 2 },
        rankingRules: undefined,
        stopWords: null,
      },
    });
    const settings = index.getSettings();
    expect(settings.typoTolerance).toEqual({
      enabled: true,
      minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
      disableOnWords: [],
      disableOnAttributes: ['sku'],
      disableOnNumbers: false,
    });
    expect(settings.rankingRules).toEqual(createSearchIndex({ uid: 'plain' }).getSettings().rankingRules);
    expect(settings.stopWords).toEqual([]);
    index.addDocuments(
      [
        { id: 1, sku: 'batmen', title: 'robin' },
        { id: 2, sku: 'x', title: 'batmen' },
        { id: 3, title: 'batmen' },
      ],
      { mode: 'replace' },
    );
    // A typo match counts in the title, not in the typo-free sku; two hits at most.
    const found = index.search({ q: 'batman' });
    expect(found.hits.map((hit) => hit.id)).toEqual([2, 3]);
    expect(found.estimatedTotalHits).toBe(2);
  });
});
