import { describe, expect, it } from 'vitest';
import { mergeSearch } from './merge-search.js';
import type { SearchResponse } from './types.js';

function node(hits: SearchResponse['hits'], extra: Partial<SearchResponse> = {}): SearchResponse {
  return {
    hits,
    query: 'q',
    processingTimeMs: 1,
    limit: 20,
    offset: 0,
    estimatedTotalHits: hits.length,
    ...extra,
  };
}
const sortDetails = (year: number, words = 1) => ({
  words: { order: 0, matchingWords: 1, maxMatchingWords: 1, score: words },
  'year:desc': { order: 1, value: year },
});

describe('mergeSearch', () => {
  it('orders by sort values, not by _rankingScore, and strips what the client did not ask for', () => {
    const client = { q: 'q', sort: ['year:desc'], limit: 3 };
    const merged = mergeSearch(
      client,
      [
        node([
          { id: 1, _miroir_shard: 0, _rankingScore: 1, _rankingScoreDetails: sortDetails(1990) },
          { id: 2, _miroir_shard: 0, _rankingScore: 1, _rankingScoreDetails: sortDetails(1980) },
        ]),
        node([{ id: 3, _miroir_shard: 5, _rankingScore: 1, _rankingScoreDetails: sortDetails(2000) }], {
          processingTimeMs: 9,
        }),
      ],
      { rankingRules: ['words', 'sort'] },
    );
    expect(merged).toEqual({
      hits: [{ id: 3 }, { id: 1 }, { id: 2 }],
      query: 'q',
      processingTimeMs: 9,
      limit: 3,
      offset: 0,
      estimatedTotalHits: 3,
    });
  });

  it('sums totals capped at maxTotalHits, in page mode too', () => {
    const nodes = [node([{ id: 1, _rankingScore: 1 }], { totalHits: 8 }), node([], { totalHits: 7 })].map(
      (n) => {
        const { estimatedTotalHits: _, ...rest } = n;
        return rest as SearchResponse;
      },
    );
    const merged = mergeSearch({ page: 1, hitsPerPage: 4 }, nodes, { pagination: { maxTotalHits: 10 } });
    expect(merged).toMatchObject({ page: 1, hitsPerPage: 4, totalHits: 10, totalPages: 3 });
    expect(merged.estimatedTotalHits).toBeUndefined();
  });

  it('merges facets with the faceting settings and facet stats', () => {
    const merged = mergeSearch(
      { facets: ['g', 'y'] },
      [
        node([], { facetDistribution: { g: { a: 1, b: 1 } }, facetStats: { y: { min: 1, max: 2 } } }),
        node([], { facetDistribution: { g: { b: 2, c: 1 } }, facetStats: { y: { min: 0, max: 1 } } }),
      ],
      { faceting: { maxValuesPerFacet: 2, sortFacetValuesBy: { '*': 'alpha' } } },
    );
    expect(merged.facetDistribution).toEqual({ g: { a: 1, b: 3 } });
    expect(merged.facetStats).toEqual({ y: { min: 0, max: 2 } });
  });

  it('sums semanticHitCount and keeps decorations the client asked for', () => {
    const merged = mergeSearch(
      { q: 'q', hybrid: { embedder: 'e' }, showRankingScore: true, attributesToHighlight: ['t'] },
      [
        node([{ id: 1, t: 'x', _rankingScore: 0.2, _formatted: { t: 'x' } }], { semanticHitCount: 1 }),
        node([{ id: 2, t: 'y', _rankingScore: 0.4, _formatted: { t: 'y' } }], { semanticHitCount: 2 }),
      ],
      {},
    );
    expect(merged.semanticHitCount).toBe(3);
    expect(merged.hits).toEqual([
      { id: 2, t: 'y', _rankingScore: 0.4, _formatted: { t: 'y' } },
      { id: 1, t: 'x', _rankingScore: 0.2, _formatted: { t: 'x' } },
    ]);
  });
});
