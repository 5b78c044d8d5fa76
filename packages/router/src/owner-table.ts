import { ownersInGroup } from './owners-in-group.js';
import type { Topology, TopologyNode } from './topology.js';

/** `byShard[s][g]`: the RF owners of shard s in group g, best score first. Internal to the package. */
export interface OwnerTable {
  readonly byShard: readonly (readonly (readonly TopologyNode[])[])[];
}

// A topology is an immutable value, so its owner table is a pure function of it; memoising by
// identity (weakly, so dropped topologies are collected) makes every call after the first O(1).
const tables = new WeakMap<Topology, OwnerTable>();

/**
 * The owner table of a topology, computed on first use (S × nodes scores) and reused afterwards.
 */
export function ownerTableOf(topology: Topology): OwnerTable {
  let table = tables.get(topology);
  if (table === undefined) {
    table = buildOwnerTable(topology);
    tables.set(topology, table);
  }
  return table;
}

function buildOwnerTable(topology: Topology): OwnerTable {
  const byShard: (readonly (readonly TopologyNode[])[])[] = [];
  for (let shard = 0; shard < topology.shards; shard++) {
    byShard.push(
      Object.freeze(
        topology.groups.map((members) =>
          Object.freeze(ownersInGroup(shard, members, topology.replicationFactor)),
        ),
      ),
    );
  }
  return { byShard: Object.freeze(byShard) };
}
