import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastCheckOptions } from '../test/fast-check-options.js';
import { referenceXxh64 } from '../test/reference-xxh64.js';
import { xxh64 } from './index.js';

const TWO_POW_63 = 2n ** 63n;
const TWO_POW_64 = 2n ** 64n;

describe('xxh64', () => {
  it.each([
    ['', 0xef46db3751d8e999n],
    ['a', 0xd24ec4f1a98c6e5bn],
    ['abc', 0x44bc2cf5ad770999n],
  ])('matches the published XXH64 value of %j', (input, expected) => {
    expect(xxh64(input)).toBe(expected);
    expect(referenceXxh64(input)).toBe(expected);
  });

  it('returns unsigned 64-bit values, including ones at or above 2^63', () => {
    expect(xxh64('a')).toBeGreaterThanOrEqual(TWO_POW_63);
    expect(xxh64('a')).toBeLessThan(TWO_POW_64);
  });

  it('agrees with the independent BigInt reference on random bytes (all length classes)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 100 }), (bytes) => {
        const hash = xxh64(bytes);
        expect(hash).toBe(referenceXxh64(bytes));
        expect(hash >= 0n && hash < TWO_POW_64).toBe(true);
      }),
      fastCheckOptions(400),
    );
  });

  it('hashes strings as UTF-8, agreeing with the reference on random Unicode', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60, unit: 'grapheme' }), (text) => {
        expect(xxh64(text)).toBe(referenceXxh64(new TextEncoder().encode(text)));
      }),
      fastCheckOptions(300),
    );
  });
});
