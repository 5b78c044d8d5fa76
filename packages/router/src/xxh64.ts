import xxhash from 'xxhash-wasm';

// xxhash-wasm was measured faster than @node-rs/xxhash for short ids (see README, "Choice of xxh64
// library"); its WebAssembly module compiles asynchronously, so it is initialised once with top-level
// await and every routing function stays synchronous. The instance is stateless between calls.
const hasher = await xxhash();
const SEED = 0n;

/**
 * XXH64 with seed 0, as an unsigned 64-bit `bigint` (0 ≤ result < 2^64).
 *
 * A string is hashed as its UTF-8 bytes; a `Uint8Array` is hashed as is.
 *
 * @example
 * ```ts
 * import { xxh64 } from '@miroir/router';
 * xxh64('a'); // 15154266338359012955n (0xd24ec4f1a98c6e5b)
 * xxh64(new Uint8Array([0x61])); // the same value
 * ```
 */
export function xxh64(input: string | Uint8Array): bigint {
  return typeof input === 'string' ? hasher.h64(input, SEED) : hasher.h64Raw(input, SEED);
}
