import { ownerTableOf } from './owner-table.js';
import type { Topology } from './topology.js';

/**
 * Every shard each node of `group` owns (as any of the RF owners), ascending. Nodes that own nothing
 * map to `[]`. Useful for per-node work such as anti-entropy or showing a node's load.
 *
 * @throws {RangeError} when `group` is not in 0..RG-1.
 * @example
 * ```ts
 * import { createTopology, shardsByNode } from '@miroir/router';
 * const topology = createTopology({
 *   shards: 4, replicationFactor: 2, replicaGroups: 1,
 *   nodes: [
 *     { id: 'a', address: 'http://a:7700', group: 0 },
 *     { id: 'b', address: 'http://b:7700', group: 0 },
 *   ],
 * });
 * shardsByNode(topology, 0).get('a'); // [0, 1, 2, 3]: with RF = group size every node owns everything
 * ```
 */
export function shardsByNode(topology: Topology, group: number): ReadonlyMap<string, readonly number[]> {
  const members = topology.groups[group];
  if (members === undefined || !Number.isInteger(group)) {
    throw new RangeError(`group must be an integer in 0..${topology.replicaGroups - 1}, got ${group}`);
  }
  const result = new Map<string, number[]>(members.map((node) => [node.id, []]));
  ownerTableOf(topology).byShard.forEach((groups, shard) => {
    for (const owner of groups[group]!) result.get(owner.id)!.push(shard);
  });
  return result;
}
