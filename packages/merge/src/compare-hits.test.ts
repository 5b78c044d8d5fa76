import { describe, expect, it } from 'vitest';
import { compareRankingKeys, extractRankingKey } from './compare-hits.js';

const hit = (score: number, details?: Record<string, unknown>) => ({
  _rankingScore: score,
  ...(details ? { _rankingScoreDetails: details } : {}),
});
const cmp = (a: Record<string, unknown>, b: Record<string, unknown>) =>
  Math.sign(compareRankingKeys(extractRankingKey(a), extractRankingKey(b)));

describe('compareRankingKeys', () => {
  it('orders by _rankingScore when there are no details', () => {
    expect(cmp(hit(0.9), hit(0.5))).toBe(-1);
    expect(cmp(hit(0.5), hit(0.9))).toBe(1);
    expect(cmp(hit(0.5), hit(0.5))).toBe(0);
  });

  it('lets a sort value before relevancy rules dominate the score', () => {
    const a = hit(1, { 'year:asc': { order: 0, value: 2000 }, words: { order: 1, score: 1 } });
    const b = hit(0.1, { 'year:asc': { order: 0, value: 1990 }, words: { order: 1, score: 0.1 } });
    expect(cmp(a, b)).toBe(1);
  });

  it('compares consecutive relevancy rules lexicographically', () => {
    const a = hit(0.8, { words: { order: 0, score: 1 }, typo: { order: 1, score: 0.5 } });
    const b = hit(0.8, { words: { order: 0, score: 1 }, typo: { order: 1, score: 1 } });
    expect(cmp(a, b)).toBe(1);
  });

  it('puts numbers before strings before missing values in both directions', () => {
    for (const dir of ['asc', 'desc']) {
      const n = hit(1, { [`f:${dir}`]: { order: 0, value: 5 } });
      const s = hit(1, { [`f:${dir}`]: { order: 0, value: 'abc' } });
      const m = hit(1, { [`f:${dir}`]: { order: 0 } });
      expect(cmp(n, s)).toBe(-1);
      expect(cmp(s, m)).toBe(-1);
      expect(cmp(n, m)).toBe(-1);
    }
    const d1 = hit(1, { 'f:desc': { order: 0, value: 'b' } });
    const d2 = hit(1, { 'f:desc': { order: 0, value: 'a' } });
    expect(cmp(d1, d2)).toBe(-1);
  });

  it('compares string sort values by their case-folded form, as Meilisearch normalises facet values', () => {
    const upper = hit(1, { 'brand:asc': { order: 0, value: 'Bolt' } });
    const lower = hit(1, { 'brand:asc': { order: 0, value: 'acme' } });
    const sameFolded = hit(1, { 'brand:asc': { order: 0, value: 'BOLT' } });
    expect(cmp(lower, upper)).toBe(-1);
    expect(cmp(upper, sameFolded)).toBe(0);
  });

  it('orders geo by distance and puts documents without a point last', () => {
    const key = '_geoPoint(0, 0):asc';
    const near = hit(1, { [key]: { order: 0, value: { lat: 0, lng: 1 }, distance: 10 } });
    const far = hit(1, { [key]: { order: 0, value: { lat: 0, lng: 2 }, distance: 20 } });
    const none = hit(1, { [key]: { order: 0, value: null } });
    expect(cmp(near, far)).toBe(-1);
    expect(cmp(far, none)).toBe(-1);
  });

  it('orders details given out of order by their `order` field', () => {
    const a = hit(0.2, { words: { order: 1, score: 0.2 }, 'p:desc': { order: 0, value: 10 } });
    const b = hit(0.9, { words: { order: 1, score: 0.9 }, 'p:desc': { order: 0, value: 5 } });
    expect(cmp(a, b)).toBe(-1);
  });

  it('falls back to the score when step kinds differ, and weighs federated scores', () => {
    const a = hit(0.4, { 'p:asc': { order: 0, value: 1 } });
    const b = hit(0.6, { words: { order: 0, score: 0.6 } });
    expect(cmp(a, b)).toBe(1);
    const ka = extractRankingKey(hit(0.5), 2);
    const kb = extractRankingKey(hit(0.9), 1);
    expect(compareRankingKeys(ka, kb)).toBeLessThan(0);
    expect(ka.score).toBe(1);
  });
});
