import { describe, expect, it } from 'vitest';
import { mergeMultiSearch, multiSearchShardRequest } from './merge-multi-search.js';
import type { SearchResponse } from './types.js';

const res = (hits: SearchResponse['hits'], extra: Partial<SearchResponse> = {}): SearchResponse => ({
  hits,
  query: 'q',
  processingTimeMs: 1,
  limit: 20,
  offset: 0,
  estimatedTotalHits: hits.length,
  ...extra,
});

describe('mergeMultiSearch', () => {
  it('merges each query on its own without federation', () => {
    const request = {
      queries: [
        { indexUid: 'a', q: 'q', limit: 1 },
        { indexUid: 'b', q: 'q' },
      ],
    };
    const nodes = [
      { results: [res([{ id: 1, _rankingScore: 0.5 }]), res([{ id: 'x', _rankingScore: 1 }])] },
      { results: [res([{ id: 2, _rankingScore: 0.7 }]), res([])] },
    ];
    const merged = mergeMultiSearch(request, nodes, {}) as { results: Array<Record<string, unknown>> };
    expect(merged.results[0]).toMatchObject({
      indexUid: 'a',
      hits: [{ id: 2 }],
      estimatedTotalHits: 2,
      limit: 1,
    });
    expect(merged.results[1]).toMatchObject({ indexUid: 'b', hits: [{ id: 'x' }], estimatedTotalHits: 1 });
  });

  it('federates with weights, queriesPosition tie-break, facetsByIndex and page cut', () => {
    const request = {
      federation: { offset: 0, limit: 3, facetsByIndex: { a: ['g'] } },
      queries: [
        { indexUid: 'a', q: 'q' },
        { indexUid: 'b', q: 'q', federationOptions: { weight: 2 } },
      ],
    };
    const planned = multiSearchShardRequest(request, {});
    expect(planned.queries[0]).toMatchObject({ indexUid: 'a', offset: 0, limit: 3, facets: ['g'] });
    expect(planned.queries[1]!.facets).toBeUndefined();
    const nodes = [
      {
        results: [
          res([{ id: 1, _rankingScore: 0.9 }], { facetDistribution: { g: { x: 1 } }, facetStats: {} }),
          res([{ id: 'b1', _rankingScore: 0.3 }]),
        ],
      },
      {
        results: [
          res([{ id: 2, _rankingScore: 0.6 }], { facetDistribution: { g: { x: 2 } }, facetStats: {} }),
          res([{ id: 'b2', _rankingScore: 0.45 }]),
        ],
      },
    ];
    const merged = mergeMultiSearch(request, nodes, {});
    expect(merged.hits).toEqual([
      { id: 1, _federation: { indexUid: 'a', queriesPosition: 0, weightedRankingScore: 0.9 } },
      { id: 'b2', _federation: { indexUid: 'b', queriesPosition: 1, weightedRankingScore: 0.9 } },
      { id: 2, _federation: { indexUid: 'a', queriesPosition: 0, weightedRankingScore: 0.6 } },
    ]);
    expect(merged).toMatchObject({ estimatedTotalHits: 4, limit: 3, offset: 0 });
    expect(merged.facetsByIndex).toEqual({ a: { distribution: { g: { x: 3 } }, stats: {} } });
  });

  it('returns a document matched by several queries on one index once (best copy), keeping the pk', () => {
    const request = {
      federation: {},
      queries: [
        { indexUid: 'a', q: 'x', attributesToRetrieve: ['title'] },
        { indexUid: 'a', q: 'y', attributesToRetrieve: ['title'] },
      ],
    };
    const planned = multiSearchShardRequest(request, { a: { primaryKey: 'id' } });
    expect(planned.queries[0]!.attributesToRetrieve).toEqual(['title', 'id']);
    const node = {
      results: [
        res([{ id: 1, title: 't1', _rankingScore: 0.5 }]),
        res([
          { id: 1, title: 't1', _rankingScore: 0.9 },
          { id: 2, title: 't2', _rankingScore: 0.1 },
        ]),
      ],
    };
    const merged = mergeMultiSearch(request, [node], { a: { primaryKey: 'id' } });
    expect(merged.hits).toEqual([
      { title: 't1', _federation: { indexUid: 'a', queriesPosition: 1, weightedRankingScore: 0.9 } },
      { title: 't2', _federation: { indexUid: 'a', queriesPosition: 1, weightedRankingScore: 0.1 } },
    ]);
  });
});
