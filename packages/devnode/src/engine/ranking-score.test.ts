import { describe, expect, it } from 'vitest';
import { compareRankingDetails, compareSortValues, globalScore } from './ranking-score.js';

describe('globalScore', () => {
  it('folds ranks lexicographically like Meilisearch', () => {
    // From a Meilisearch snapshot: words 1/2, typo 2/2, proximity 1/1, attributeRank 1/1,
    // wordPosition 10/11, exactAttribute 1/3, exactWords 2/2 → 0.4621212121212121.
    const ranks = [
      { rank: 1, maxRank: 2 },
      { rank: 2, maxRank: 2 },
      { rank: 1, maxRank: 1 },
      { rank: 1, maxRank: 1 },
      { rank: 10, maxRank: 11 },
      { rank: 1, maxRank: 3 },
      { rank: 2, maxRank: 2 },
    ];
    expect(globalScore(ranks)).toBe(0.4621212121212121);
    expect(globalScore([])).toBe(1);
  });

  it('makes earlier rules dominate', () => {
    const better = globalScore([
      { rank: 2, maxRank: 2 },
      { rank: 1, maxRank: 10 },
    ]);
    const worse = globalScore([
      { rank: 1, maxRank: 2 },
      { rank: 10, maxRank: 10 },
    ]);
    expect(better).toBeGreaterThan(worse);
  });
});

describe('compareSortValues', () => {
  it('orders numbers before strings and missing values last', () => {
    const values = ['b', null, 3, 'A', 1];
    expect([...values].sort((a, b) => compareSortValues(true, a, b))).toEqual([1, 3, 'A', 'b', null]);
    expect([...values].sort((a, b) => compareSortValues(false, a, b))).toEqual([3, 1, 'b', 'A', null]);
  });
});

describe('compareRankingDetails', () => {
  it('compares rule by rule in order', () => {
    const a = { words: { order: 0, score: 1 }, 'price:asc': { order: 1, value: 10 } };
    const b = { words: { order: 0, score: 1 }, 'price:asc': { order: 1, value: 5 } };
    expect(compareRankingDetails(a, b)).toBeGreaterThan(0);
    expect(compareRankingDetails(b, a)).toBeLessThan(0);
    expect(compareRankingDetails(a, a)).toBe(0);
  });
});
