import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastCheckOptions } from '../test/fast-check-options.js';
import { referenceXxh64 } from '../test/reference-xxh64.js';
import { rendezvousScore } from './index.js';

function u32le(n: number): number[] {
  return [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
}

describe('rendezvousScore', () => {
  it('hashes u32le(shard) followed by utf8(nodeId)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.string({ minLength: 1, maxLength: 40, unit: 'grapheme' }),
        (shard, nodeId) => {
          const bytes = new Uint8Array([...u32le(shard), ...new TextEncoder().encode(nodeId)]);
          expect(rendezvousScore(shard, nodeId)).toBe(referenceXxh64(bytes));
        },
      ),
      fastCheckOptions(300),
    );
  });

  it('encodes the shard little-endian (shard 1 is bytes 01 00 00 00)', () => {
    expect(rendezvousScore(1, 'n')).toBe(referenceXxh64(new Uint8Array([1, 0, 0, 0, 0x6e])));
    expect(rendezvousScore(0x01020304, 'n')).toBe(referenceXxh64(new Uint8Array([4, 3, 2, 1, 0x6e])));
  });

  it.each([-1, 1.5, 2 ** 32])('rejects shard %s', (shard) => {
    expect(() => rendezvousScore(shard, 'n')).toThrow(RangeError);
  });
});
