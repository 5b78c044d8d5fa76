import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { selectSmallest } from './select-smallest.js';

const numRuns = Number(process.env.FC_NUM_RUNS ?? 500);

describe('selectSmallest', () => {
  it('returns the k smallest in order', () => {
    expect(selectSmallest([5, 1, 4, 2, 3], 2, (a, b) => a - b)).toEqual([1, 2]);
    expect(selectSmallest([5, 1], 0, (a, b) => a - b)).toEqual([]);
    expect(selectSmallest([5, 1], 9, (a, b) => a - b)).toEqual([1, 5]);
  });

  it('equals a stable full sort then truncation, ties included (property)', () => {
    // Few distinct keys so that ties are frequent; `id` tells equal keys apart.
    const item = fc.record({ key: fc.integer({ min: 0, max: 5 }), id: fc.nat() });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 60 }), fc.integer({ min: 0, max: 70 }), (items, k) => {
        const compare = (a: { key: number }, b: { key: number }): number => a.key - b.key;
        const expected = items.slice().sort(compare).slice(0, k);
        expect(selectSmallest(items.slice(), k, compare)).toEqual(expected);
      }),
      { seed: 11, numRuns },
    );
  });
});
