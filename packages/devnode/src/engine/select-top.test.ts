import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { selectTop } from './select-top.js';

describe('selectTop', () => {
  it('puts the k smallest first, sorted, keeping every item', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 200 }), fc.nat(60), (xs, k) => {
        const items = xs.map((v, i) => ({ v, i }));
        const cmp = (a: { v: number; i: number }, b: { v: number; i: number }) => a.v - b.v || a.i - b.i;
        const expected = [...items].sort(cmp);
        selectTop(items, k, cmp);
        expect(items.slice(0, Math.min(k, items.length))).toEqual(expected.slice(0, k));
        expect([...items].sort(cmp)).toEqual(expected);
      }),
      { numRuns: 200, seed: 7 },
    );
  });
});
