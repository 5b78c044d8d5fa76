import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kWayMerge } from './k-way-merge.js';

describe('kWayMerge', () => {
  it('equals a stable sort of the concatenation (ties by list index)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 12 }), { maxLength: 8 }),
        (raw) => {
          const lists = raw.map((l, i) => [...l].sort((a, b) => a - b).map((v, j) => ({ v, i, j })));
          const out: Array<{ v: number; i: number; j: number }> = [];
          kWayMerge(
            lists,
            (x) => x.v,
            (a, b) => a - b,
            (x) => {
              out.push(x);
              return true;
            },
          );
          const expected = lists.flat().sort((a, b) => a.v - b.v || a.i - b.i || a.j - b.j);
          expect(out).toEqual(expected);
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });

  it('stops when visit returns false and only extracts keys for list heads', () => {
    let keyCalls = 0;
    const out: number[] = [];
    kWayMerge(
      [
        [1, 2, 3, 4, 5, 6],
        [10, 11, 12],
      ],
      (x) => {
        keyCalls++;
        return x;
      },
      (a, b) => a - b,
      (x) => {
        out.push(x);
        return out.length < 3;
      },
    );
    expect(out).toEqual([1, 2, 3]);
    expect(keyCalls).toBe(4);
  });
});
