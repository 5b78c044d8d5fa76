import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastCheckOptions } from '../test/fast-check-options.js';
import { referenceXxh64 } from '../test/reference-xxh64.js';
import { InvalidDocumentIdError, shardOf } from './index.js';

const idArbitrary = fc.oneof(fc.stringMatching(/^[A-Za-z0-9_-]{1,80}$/), fc.uuid());

describe('shardOf', () => {
  it('is xxh64(utf8(id)) mod S, checked against the reference hash', () => {
    fc.assert(
      fc.property(idArbitrary, fc.integer({ min: 1, max: 2 ** 32 }), (id, shards) => {
        const shard = shardOf(id, shards);
        expect(shard).toBe(Number(referenceXxh64(id) % BigInt(shards)));
        expect(shard >= 0 && shard < shards).toBe(true);
      }),
      fastCheckOptions(300),
    );
  });

  it('routes an integer id like its decimal string', () => {
    fc.assert(
      fc.property(fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (n) => {
        expect(shardOf(n, 1024)).toBe(shardOf(String(n), 1024));
        expect(shardOf(BigInt(n), 1024)).toBe(shardOf(String(n), 1024));
      }),
      fastCheckOptions(200),
    );
  });

  it('puts everything on shard 0 when S = 1', () => {
    expect(shardOf('anything', 1)).toBe(0);
  });

  it.each([0, -1, 1.5, Number.NaN, 2 ** 32 + 1])('rejects S = %s', (shards) => {
    expect(() => shardOf('a', shards)).toThrow(RangeError);
  });

  it('rejects invalid document ids with InvalidDocumentIdError', () => {
    expect(() => shardOf('no spaces', 64)).toThrow(InvalidDocumentIdError);
    expect(() => shardOf(2.5, 64)).toThrow(InvalidDocumentIdError);
  });
});
