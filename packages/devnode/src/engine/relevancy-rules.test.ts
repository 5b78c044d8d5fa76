import { describe, expect, it } from 'vitest';
import { createSearchIndex } from './create-search-index.js';
import { bucketedPosition, positionCost, positionCostFrom } from './relevancy-rules.js';

describe('position helpers', () => {
  it('reads the wordPosition cost from its table exactly as it computes it', () => {
    for (const query of [0, 1, 7, 15, 16, 40])
      for (let at = query; at <= 3000; at++)
        expect(positionCostFrom(at, query)).toBe(positionCost(bucketedPosition(at) - query));
  });

  it.each([
    [0, 0],
    [15, 15],
    [16, 24],
    [23, 24],
    [24, 32],
    [40, 64],
    [1000, 1024],
  ])('bucketedPosition(%i) = %i', (relative, bucket) => {
    expect(bucketedPosition(relative)).toBe(bucket);
  });

  it.each([
    [0, 0],
    [1, 1],
    [4, 2],
    [7, 3],
    [11, 4],
    [16, 5],
    [24, 6],
    [64, 7],
    [256, 8],
    [1024, 9],
    [1025, 10],
  ])('positionCost(%i) = %i', (distance, cost) => {
    expect(positionCost(distance)).toBe(cost);
  });
});

function details(text: string, q: string): Record<string, { score?: number }> {
  const index = createSearchIndex({ uid: 'r' });
  index.addDocuments([{ id: 1, text }], { mode: 'replace' });
  return index.search({ q, showRankingScoreDetails: true }).hits[0]?._rankingScoreDetails as Record<
    string,
    { score?: number }
  >;
}

describe('per-rule ranks', () => {
  it('proximity: 3 per adjacent pair, distance d costs min(d, 4) - 1, reversed order one more', () => {
    expect(details('alpha beta', 'alpha beta').proximity?.score).toBe(1);
    expect(details('alpha x beta', 'alpha beta').proximity?.score).toBe(3 / 4);
    expect(details('beta alpha', 'alpha beta').proximity?.score).toBe(3 / 4);
    expect(details('alpha x y z beta', 'alpha beta').proximity?.score).toBe(1 / 4);
    expect(details('alpha. beta', 'alpha beta').proximity?.score).toBe(1 / 4);
  });

  it('wordPosition: 10 per term, cost from the distance to the query position', () => {
    expect(details('alpha', 'alpha').wordPosition?.score).toBe(1);
    expect(details('x alpha', 'alpha').wordPosition?.score).toBe(10 / 11);
    expect(details('x y z alpha', 'alpha').wordPosition?.score).toBe(9 / 11);
  });

  it('typo: maximum is the sum of allowed typos (at least 1 per word for split words)', () => {
    expect(details('batman', 'batmn').typo).toEqual({ order: 1, typoCount: 1, maxTypoCount: 1, score: 0.5 });
    expect(details('superheroes', 'suprheros').typo).toEqual({
      order: 1,
      typoCount: 2,
      maxTypoCount: 2,
      score: 1 / 3,
    });
    expect(details('cat', 'cat').typo).toEqual({ order: 1, typoCount: 0, maxTypoCount: 1, score: 1 });
  });
});
