import { ownerTableOf } from './owner-table.js';
import type { Topology, TopologyNode } from './topology.js';
import { TopologyError } from './topology-error.js';

/** One (shard, group) whose owner set differs between two topologies. Node lists are ids. */
export interface ShardMove {
  readonly shard: number;
  readonly group: number;
  /** Owners before (best score first); the nodes that currently hold the data. */
  readonly before: readonly string[];
  /** Owners after (best score first). */
  readonly after: readonly string[];
  /** In `before` but not `after`: may drop the shard once the move is done. */
  readonly losing: readonly string[];
  /** In `after` but not `before`: must receive a copy of the shard. */
  readonly gaining: readonly string[];
}

/**
 * What changes when the topology changes: for every (shard, group) whose owner set differs, the nodes
 * that lose it and the nodes that gain it. Sorted by group, then shard. A group present on one side only
 * (RG changed) shows all its shards as gained or lost. Node states play no role; only ids, groups and RF.
 *
 * @throws {TopologyError} (path `shards`) when S differs: changing S is a reshard, not a move.
 * @example
 * ```ts
 * import { createTopology, planMove } from '@miroir/router';
 * const node = (id: string) => ({ id, address: `http://${id}:7700`, group: 0 });
 * const before = createTopology({ shards: 64, replicationFactor: 1, replicaGroups: 1, nodes: ['a', 'b', 'c'].map(node) });
 * const after = createTopology({ ...before, nodes: [...before.nodes, node('d')] });
 * planMove(before, after).every((move) => move.gaining[0] === 'd'); // true: only the new node gains
 * ```
 */
export function planMove(oldTopology: Topology, newTopology: Topology): ShardMove[] {
  if (oldTopology.shards !== newTopology.shards) {
    throw new TopologyError(
      'shards',
      `shard count differs (${oldTopology.shards} → ${newTopology.shards}); changing S is a reshard`,
    );
  }
  const oldTable = ownerTableOf(oldTopology).byShard;
  const newTable = ownerTableOf(newTopology).byShard;
  const groupCount = Math.max(oldTopology.replicaGroups, newTopology.replicaGroups);
  const moves: ShardMove[] = [];
  for (let group = 0; group < groupCount; group++) {
    for (let shard = 0; shard < oldTopology.shards; shard++) {
      const before = idsOf(oldTable[shard]![group]);
      const after = idsOf(newTable[shard]![group]);
      const losing = before.filter((id) => !after.includes(id));
      const gaining = after.filter((id) => !before.includes(id));
      if (losing.length > 0 || gaining.length > 0)
        moves.push({ shard, group, before, after, losing, gaining });
    }
  }
  return moves;
}

function idsOf(owners: readonly TopologyNode[] | undefined): string[] {
  return owners === undefined ? [] : owners.map((node) => node.id);
}
