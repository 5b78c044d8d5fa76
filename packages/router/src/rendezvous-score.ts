import { xxh64 } from './xxh64.js';

const encoder = new TextEncoder();

/**
 * The rendezvous (HRW) score of a node for a shard:
 * `xxh64(u32le(shard) ‖ utf8(nodeId), seed 0)` as an unsigned 64-bit `bigint`.
 * Inside a replica group the RF nodes with the highest scores own the shard.
 *
 * Named `rendezvousScore` rather than `score` so it is never confused with a search ranking score.
 *
 * @param shard a shard number, integer in 0..2^32-1.
 * @param nodeId the node's id (any non-empty string; hashed as UTF-8).
 * @throws {RangeError} when `shard` is not an unsigned 32-bit integer.
 * @example
 * ```ts
 * import { rendezvousScore } from '@miroir/router';
 * rendezvousScore(0, 'node-a'); // a bigint in 0..2^64-1, identical in every implementation
 * ```
 */
export function rendezvousScore(shard: number, nodeId: string): bigint {
  if (!Number.isInteger(shard) || shard < 0 || shard > 0xffffffff) {
    throw new RangeError(`shard must be an integer in 0..4294967295, got ${shard}`);
  }
  const id = encoder.encode(nodeId);
  const bytes = new Uint8Array(4 + id.length);
  // u32 little-endian, written byte by byte so the result never depends on platform endianness.
  bytes[0] = shard & 0xff;
  bytes[1] = (shard >>> 8) & 0xff;
  bytes[2] = (shard >>> 16) & 0xff;
  bytes[3] = (shard >>> 24) & 0xff;
  bytes.set(id, 4);
  return xxh64(bytes);
}
