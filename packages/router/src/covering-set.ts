import { ownerTableOf } from './owner-table.js';
import type { Topology, TopologyNode } from './topology.js';

/**
 * Chooses which owner serves a shard in a query: return one of `owners` (best score first), or
 * `undefined` when none can serve it. Implementations should skip `down` nodes.
 */
export type SelectReplica = (shard: number, owners: readonly TopologyNode[]) => TopologyNode | undefined;

/** The result of `coveringSet`. */
export interface CoveringSet {
  /** Node id → the shards (ascending) that node searches; every covered shard appears exactly once. */
  readonly byNode: ReadonlyMap<string, readonly number[]>;
  /** Shards for which `selectReplica` found no owner (ascending); empty when the group covers all. */
  readonly uncoveredShards: readonly number[];
}

/**
 * Default replica selection: the best-scoring owner that is `active` or `draining` (skips `down`,
 * and `joining` nodes that may not hold the data yet).
 *
 * @example
 * ```ts
 * import { firstAvailableReplica, type TopologyNode } from '@miroir/router';
 * const owners: TopologyNode[] = [
 *   { id: 'n1', address: 'http://n1:7700', group: 0, state: 'down' },
 *   { id: 'n2', address: 'http://n2:7700', group: 0, state: 'active' },
 * ];
 * firstAvailableReplica(7, owners)?.id; // 'n2'
 * ```
 */
export const firstAvailableReplica: SelectReplica = (_shard, owners) =>
  owners.find((node) => node.state === 'active' || node.state === 'draining');

/**
 * The nodes a query in `group` must reach: one owner per shard (chosen by `selectReplica`), grouped by
 * node so each node searches all its chosen shards in one request.
 *
 * @throws {RangeError} when `group` is not in 0..RG-1, or when `selectReplica` returns a non-owner.
 * @example
 * ```ts
 * import { coveringSet, createTopology } from '@miroir/router';
 * const topology = createTopology({
 *   shards: 8, replicationFactor: 1, replicaGroups: 1,
 *   nodes: [
 *     { id: 'a', address: 'http://a:7700', group: 0 },
 *     { id: 'b', address: 'http://b:7700', group: 0 },
 *   ],
 * });
 * const { byNode, uncoveredShards } = coveringSet(topology, 0);
 * [...byNode.values()].flat().length; // 8: every shard exactly once
 * uncoveredShards.length; // 0
 * ```
 */
export function coveringSet(
  topology: Topology,
  group: number,
  selectReplica: SelectReplica = firstAvailableReplica,
): CoveringSet {
  if (!Number.isInteger(group) || group < 0 || group >= topology.replicaGroups) {
    throw new RangeError(`group must be an integer in 0..${topology.replicaGroups - 1}, got ${group}`);
  }
  const { byShard } = ownerTableOf(topology);
  const byNode = new Map<string, number[]>();
  const uncoveredShards: number[] = [];
  for (let shard = 0; shard < byShard.length; shard++) {
    const owners = byShard[shard]![group]!;
    const chosen = selectReplica(shard, owners);
    if (chosen === undefined) {
      uncoveredShards.push(shard);
      continue;
    }
    if (!owners.includes(chosen)) {
      throw new RangeError(
        `selectReplica returned ${JSON.stringify(chosen.id)}, not an owner of shard ${shard}`,
      );
    }
    const shards = byNode.get(chosen.id);
    if (shards === undefined) byNode.set(chosen.id, [shard]);
    else shards.push(shard);
  }
  return { byNode, uncoveredShards };
}
