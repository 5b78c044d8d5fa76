import { expect, it } from 'vitest';
// The README example, verbatim except for the import path.
import { mergeSearch, shardRequest } from './index.js';

it('runs the README example', () => {
  const settings = {
    rankingRules: ['words', 'typo', 'proximity', 'attributeRank', 'sort', 'wordPosition', 'exactness'],
    faceting: { maxValuesPerFacet: 100, sortFacetValuesBy: { '*': 'alpha' as const } },
    pagination: { maxTotalHits: 1000 },
  };
  const client = { q: 'batman', sort: ['year:desc'], limit: 2, facets: ['genre'] };

  // 1. What every node of the covering set receives.
  const { request } = shardRequest(client, settings);
  // request = { q: 'batman', sort: ['year:desc'], limit: 2, offset: 0, facets: ['genre'],
  //             showRankingScore: true, showRankingScoreDetails: true }

  // 2. What two nodes (disjoint shards) answered.
  const details = (year: number) => ({
    words: { order: 0, score: 1 },
    'year:desc': { order: 1, value: year },
  });
  const node0 = {
    hits: [
      {
        id: 1,
        title: 'Batman',
        year: 1989,
        _miroir_shard: 3,
        _rankingScore: 1,
        _rankingScoreDetails: details(1989),
      },
    ],
    query: 'batman',
    processingTimeMs: 4,
    limit: 2,
    offset: 0,
    estimatedTotalHits: 1,
    facetDistribution: { genre: { action: 1 } },
    facetStats: {},
  };
  const node1 = {
    hits: [
      {
        id: 7,
        title: 'The Batman',
        year: 2022,
        _miroir_shard: 9,
        _rankingScore: 1,
        _rankingScoreDetails: details(2022),
      },
      {
        id: 4,
        title: 'Batman Begins',
        year: 2005,
        _miroir_shard: 9,
        _rankingScore: 1,
        _rankingScoreDetails: details(2005),
      },
    ],
    query: 'batman',
    processingTimeMs: 6,
    limit: 2,
    offset: 0,
    estimatedTotalHits: 2,
    facetDistribution: { genre: { action: 2, drama: 1 } },
    facetStats: {},
  };

  // 3. What the client sees: one Meilisearch response.
  const response = mergeSearch(client, [node0, node1], settings);

  expect(request).toEqual({
    q: 'batman',
    sort: ['year:desc'],
    limit: 2,
    offset: 0,
    facets: ['genre'],
    showRankingScore: true,
    showRankingScoreDetails: true,
  });
  expect(response).toEqual({
    hits: [
      { id: 7, title: 'The Batman', year: 2022 },
      { id: 4, title: 'Batman Begins', year: 2005 },
    ],
    query: 'batman',
    processingTimeMs: 6,
    limit: 2,
    offset: 0,
    estimatedTotalHits: 3,
    facetDistribution: { genre: { action: 3, drama: 1 } },
    facetStats: {},
  });
});
