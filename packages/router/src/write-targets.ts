import { ownerTableOf } from './owner-table.js';
import type { Topology, TopologyNode } from './topology.js';

/**
 * Where a write to `shard` goes: `result[g]` lists the RF owners of the shard in group g (best score
 * first), for every group. Node states are not filtered: a `down` owner is still a target whose failure
 * counts against that group's quorum. The arrays are shared and typed `readonly`; do not mutate them.
 *
 * @throws {RangeError} when `shard` is not an integer in 0..S-1.
 * @example
 * ```ts
 * import { createTopology, shardOf, writeTargets } from '@miroir/router';
 * const topology = createTopology({
 *   shards: 64, replicationFactor: 1, replicaGroups: 2,
 *   nodes: [
 *     { id: 'a', address: 'http://a:7700', group: 0 },
 *     { id: 'b', address: 'http://b:7700', group: 1 },
 *   ],
 * });
 * writeTargets(shardOf('doc-1', topology.shards), topology).map((owners) => owners[0]?.id); // ['a', 'b']
 * ```
 */
export function writeTargets(shard: number, topology: Topology): readonly (readonly TopologyNode[])[] {
  const targets = ownerTableOf(topology).byShard[shard];
  if (targets === undefined || !Number.isInteger(shard)) {
    throw new RangeError(`shard must be an integer in 0..${topology.shards - 1}, got ${shard}`);
  }
  return targets;
}
