import { describe, expect, it } from 'vitest';
import { mergeHits } from './merge-hits.js';

const h = (id: number, score: number, extra: Record<string, unknown> = {}) => ({
  id,
  _rankingScore: score,
  ...extra,
});

describe('mergeHits', () => {
  it('merges by score, cuts offset/limit, and breaks ties by list order', () => {
    const lists = [
      [h(1, 0.9), h(2, 0.5)],
      [h(3, 0.9), h(4, 0.7)],
    ];
    const ids = (offset: number, limit: number) => mergeHits(lists, { offset, limit }).map((m) => m.hit.id);
    expect(ids(0, 10)).toEqual([1, 3, 4, 2]);
    expect(ids(1, 2)).toEqual([3, 4]);
    expect(ids(3, 5)).toEqual([2]);
    expect(ids(0, 0)).toEqual([]);
  });

  it('re-applies distinct across lists before counting the offset', () => {
    const lists = [
      [h(1, 0.9, { sku: 'a' }), h(2, 0.8, { sku: 'b' })],
      [h(3, 0.95, { sku: 'a' }), h(4, 0.1, { sku: 'c' })],
    ];
    const merged = mergeHits(lists, { offset: 1, limit: 5, distinctAttribute: 'sku' });
    expect(merged.map((m) => [m.hit.id, m.list])).toEqual([
      [2, 0],
      [4, 1],
    ]);
  });
});
