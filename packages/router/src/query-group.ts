/**
 * The replica group that serves query number `seq` when queries rotate round-robin over the groups:
 * `seq mod replicaGroups`. The caller owns the counter (or derives `seq` from a tenant or session
 * hash to pin them to one group).
 *
 * @throws {RangeError} when `seq` is not a non-negative safe integer or `replicaGroups` not a positive one.
 * @example
 * ```ts
 * import { queryGroup } from '@miroir/router';
 * [0, 1, 2, 3].map((seq) => queryGroup(seq, 3)); // [0, 1, 2, 0]
 * ```
 */
export function queryGroup(seq: number, replicaGroups: number): number {
  if (!Number.isSafeInteger(seq) || seq < 0) {
    throw new RangeError(`seq must be a non-negative safe integer, got ${seq}`);
  }
  if (!Number.isSafeInteger(replicaGroups) || replicaGroups < 1) {
    throw new RangeError(`replicaGroups must be a positive integer, got ${replicaGroups}`);
  }
  return seq % replicaGroups;
}
