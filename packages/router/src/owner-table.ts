import type { Topology, TopologyNode } from './topology.js';
import { xxh64 } from './xxh64.js';

/**
 * `byShard[s][g]`: the RF owners of shard s in group g, best score first. Internal to the package.
 *
 * The arrays are deliberately not frozen: V8 (Node 20) runs `find`/`includes` and indexed reads on frozen
 * arrays 4-5× slower, which made `coveringSet` cost ~200 µs instead of ~40 µs. They are typed
 * `readonly` and never handed out for writing.
 */
export interface OwnerTable {
  readonly byShard: readonly (readonly (readonly TopologyNode[])[])[];
}

// A topology is an immutable value, so its owner table is a pure function of it; memoising by
// identity (weakly, so dropped topologies are collected) makes every call after the first O(1).
const tables = new WeakMap<Topology, OwnerTable>();
const encoder = new TextEncoder();

/**
 * The owner table of a topology, computed on first use (S × nodes scores) and reused afterwards.
 * Produces exactly what `ownersInGroup` does (the tests check this); it is only faster, because it
 * encodes every node id once and keeps the RF best scores instead of sorting the whole group.
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
  const rf = topology.replicationFactor;
  const byShard: TopologyNode[][][] = Array.from({ length: topology.shards }, () => []);
  for (const members of topology.groups) {
    // One buffer per node: 4 bytes for u32le(shard), then the node id's UTF-8 bytes.
    const buffers = members.map((node) => {
      const id = encoder.encode(node.id);
      const buffer = new Uint8Array(4 + id.length);
      buffer.set(id, 4);
      return buffer;
    });
    const scores: bigint[] = new Array(members.length);
    for (let shard = 0; shard < topology.shards; shard++) {
      for (let i = 0; i < members.length; i++) {
        const buffer = buffers[i]!;
        buffer[0] = shard & 0xff;
        buffer[1] = (shard >>> 8) & 0xff;
        buffer[2] = (shard >>> 16) & 0xff;
        buffer[3] = (shard >>> 24) & 0xff;
        scores[i] = xxh64(buffer);
      }
      byShard[shard]!.push(topIndices(scores, rf).map((i) => members[i]!));
    }
  }
  return { byShard };
}

// Indices of the `count` highest scores, best first. `members` are sorted by id (createTopology does
// that), so on equal scores the earlier index, i.e. the smaller id, stays first.
function topIndices(scores: readonly bigint[], count: number): number[] {
  const top: number[] = [];
  for (let i = 0; i < scores.length; i++) {
    const score = scores[i]!;
    let position = top.length;
    while (position > 0 && scores[top[position - 1]!]! < score) position--;
    if (position < count) {
      top.splice(position, 0, i);
      if (top.length > count) top.pop();
    }
  }
  return top;
}
