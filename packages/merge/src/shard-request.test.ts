import { describe, expect, it } from 'vitest';
import { shardRequest } from './shard-request.js';

describe('shardRequest', () => {
  it('pushes the limit down as offset+limit at offset 0', () => {
    const plan = shardRequest({ q: 'a', offset: 30, limit: 10 }, {});
    expect(plan.request).toEqual({ q: 'a', offset: 0, limit: 40, showRankingScore: true });
    expect(plan.isRankingScoreAdded).toBe(true);
    expect(plan.isRankingScoreDetailsAdded).toBe(false);
  });

  it('asks page 1 of page×hitsPerPage in page mode', () => {
    const plan = shardRequest({ page: 3, hitsPerPage: 7 }, {});
    expect(plan.request).toMatchObject({ page: 1, hitsPerPage: 21 });
    expect(plan.request.offset).toBeUndefined();
  });

  it('clamps to maxTotalHits like a node', () => {
    expect(shardRequest({ offset: 95, limit: 20 }, { pagination: { maxTotalHits: 100 } }).request.limit).toBe(
      100,
    );
  });

  it('asks for details with sort or custom ranking rules, not otherwise', () => {
    expect(shardRequest({ sort: ['p:asc'] }, {}).isRankingScoreDetailsAdded).toBe(true);
    expect(shardRequest({}, { rankingRules: ['words', 'p:desc'] }).request.showRankingScoreDetails).toBe(
      true,
    );
    expect(
      shardRequest({}, { rankingRules: ['words', 'sort'] }).request.showRankingScoreDetails,
    ).toBeUndefined();
    const asked = shardRequest(
      { sort: ['p:asc'], showRankingScoreDetails: true, showRankingScore: true },
      {},
    );
    expect(asked.isRankingScoreDetailsAdded).toBe(false);
    expect(asked.isRankingScoreAdded).toBe(false);
  });

  it('adds the distinct attribute to a restricted attributesToRetrieve', () => {
    const plan = shardRequest({ attributesToRetrieve: ['title'] }, { distinctAttribute: 'sku' });
    expect(plan.request.attributesToRetrieve).toEqual(['title', 'sku']);
    expect(plan.addedAttributes).toEqual(['sku']);
    expect(shardRequest({ attributesToRetrieve: ['*'], distinct: 'x' }, {}).addedAttributes).toEqual([]);
  });

  it('over-fetches vector and hybrid searches by the factor only', () => {
    expect(shardRequest({ vector: [1, 0], limit: 10 }, {}, { overFetchFactor: 2.5 }).request.limit).toBe(25);
    expect(shardRequest({ q: 'x', limit: 10 }, {}, { overFetchFactor: 2.5 }).request.limit).toBe(10);
  });
});
