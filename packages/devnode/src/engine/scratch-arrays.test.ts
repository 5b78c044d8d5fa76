import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scratchInt32, scratchUint8, scratchUint16, withScratch } from './scratch-arrays.js';

describe('scratch arrays', () => {
  it('are plain zeroed allocations outside a scope', () => {
    const a = scratchInt32(1000);
    a.fill(7);
    const b = scratchInt32(1000);
    expect(b.buffer).not.toBe(a.buffer);
    expect(b.every((v) => v === 0)).toBe(true);
    expect(scratchUint8(10, 3).every((v) => v === 3)).toBe(true);
  });

  it('reuse a buffer in a later scope, with its old contents unless a fill is asked for', () => {
    let first: ArrayBufferLike | null = null;
    withScratch(() => {
      const a = scratchInt32(5000);
      a.fill(42);
      first = a.buffer;
    });
    withScratch(() => {
      const again = scratchInt32(5001);
      expect(again.buffer).toBe(first);
      expect(again[0]).toBe(42);
      expect(again.length).toBe(5001);
    });
    withScratch(() => {
      const filled = scratchInt32(5000, -1);
      expect(filled.buffer).toBe(first);
      expect(filled.every((v) => v === -1)).toBe(true);
    });
  });

  it('never hand out one buffer twice in a scope, nested scopes included, even after a throw', () => {
    const lengths = fc.array(fc.integer({ min: 0, max: 70_000 }), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(lengths, fc.integer({ min: 0, max: 11 }), (sizes, split) => {
        const outer: Uint16Array[] = [];
        withScratch(() => {
          for (const size of sizes.slice(0, split)) outer.push(scratchUint16(size, 0));
          expect(() =>
            withScratch(() => {
              for (const size of sizes.slice(split)) outer.push(scratchUint16(size, 0));
              throw new Error('search failed');
            }),
          ).toThrow('search failed');
          // The inner scope ended, but the outer one still runs: what it took must stay distinct.
          for (const size of sizes) outer.push(scratchUint16(size, 0));
          outer.forEach((array, i) => {
            array.fill(i + 1);
          });
          outer.forEach((array, i) => {
            expect(array.every((v) => v === i + 1)).toBe(true);
          });
        });
      }),
      { numRuns: 100 },
    );
  });
});
