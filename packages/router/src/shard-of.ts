import { canonicalDocumentId } from './canonical-document-id.js';
import { xxh64 } from './xxh64.js';

/** Largest shard count: shard numbers are hashed as unsigned 32-bit integers. */
const MAX_SHARDS = 2 ** 32;

/**
 * The logical shard of a document: `xxh64(utf8(canonicalDocumentId(pk)), seed 0) mod shards`.
 *
 * @param pk the primary-key value (`1` and `"1"` give the same shard).
 * @param shards S, the number of logical shards of the index (integer, 1..2^32).
 * @throws {InvalidDocumentIdError} when `pk` is not a valid Meilisearch document id.
 * @throws {RangeError} when `shards` is not an integer in 1..2^32.
 * @example
 * ```ts
 * import { shardOf } from '@miroir/router';
 * shardOf('a', 64); // 27
 * shardOf(1, 64) === shardOf('1', 64); // true
 * ```
 */
export function shardOf(pk: unknown, shards: number): number {
  if (!Number.isInteger(shards) || shards < 1 || shards > MAX_SHARDS) {
    throw new RangeError(`shards must be an integer in 1..${MAX_SHARDS}, got ${shards}`);
  }
  return Number(xxh64(canonicalDocumentId(pk)) % divisorFor(shards));
}

// Converting S to a BigInt costs more than the modulo itself, and callers route whole batches with one
// S, so the last divisor is remembered. A memo of a pure conversion: it never changes a result.
let lastShards = 1;
let lastDivisor = 1n;

function divisorFor(shards: number): bigint {
  if (shards !== lastShards) {
    lastDivisor = BigInt(shards);
    lastShards = shards;
  }
  return lastDivisor;
}
