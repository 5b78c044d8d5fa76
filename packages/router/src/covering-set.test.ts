import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastCheckOptions } from '../test/fast-check-options.js';
import { nodeInput, topologyArbitrary } from '../test/topology-arbitraries.js';
import { coveringSet, createTopology, type NodeState, type Topology, writeTargets } from './index.js';

function expectValidCover(topology: Topology, group: number, cover: ReturnType<typeof coveringSet>): void {
  const seen: number[] = [];
  for (const [nodeId, shards] of cover.byNode) {
    expect(shards.length).toBeGreaterThan(0);
    expect([...shards].sort((a, b) => a - b)).toEqual(shards);
    for (const shard of shards) {
      expect(writeTargets(shard, topology)[group]!.map((n) => n.id)).toContain(nodeId);
      seen.push(shard);
    }
  }
  seen.push(...cover.uncoveredShards);
  expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: topology.shards }, (_, s) => s));
}

describe('coveringSet', () => {
  it('covers every shard exactly once, each by one of its owners, in every group', () => {
    fc.assert(
      fc.property(topologyArbitrary, (topology) => {
        for (let group = 0; group < topology.replicaGroups; group++) {
          const cover = coveringSet(topology, group);
          expect(cover.uncoveredShards).toEqual([]);
          expectValidCover(topology, group, cover);
        }
      }),
      fastCheckOptions(100),
    );
  });

  it('skips down and joining owners, and reports shards none of whose owners can serve', () => {
    const states: NodeState[] = ['active', 'down', 'joining', 'draining', 'down'];
    const topology = createTopology({
      shards: 128,
      replicationFactor: 2,
      replicaGroups: 1,
      nodes: states.map((state, i) => ({ ...nodeInput(`n${i}`, 0), state })),
    });
    const cover = coveringSet(topology, 0);
    expectValidCover(topology, 0, cover);
    for (const id of cover.byNode.keys())
      expect(['active', 'draining']).toContain(topology.nodesById[id]?.state);
    const expectedUncovered = Array.from({ length: 128 }, (_, s) => s).filter((shard) =>
      writeTargets(shard, topology)[0]!.every((n) => n.state === 'down' || n.state === 'joining'),
    );
    expect(expectedUncovered.length).toBeGreaterThan(0);
    expect(cover.uncoveredShards).toEqual(expectedUncovered);
  });

  it('uses the replica the selector picks', () => {
    const topology = createTopology({
      shards: 64,
      replicationFactor: 3,
      replicaGroups: 1,
      nodes: ['a', 'b', 'c', 'd'].map((id) => nodeInput(id, 0)),
    });
    const cover = coveringSet(topology, 0, (_shard, owners) => owners[owners.length - 1]);
    for (const [nodeId, shards] of cover.byNode) {
      for (const shard of shards) expect(writeTargets(shard, topology)[0]![2]!.id).toBe(nodeId);
    }
    expectValidCover(topology, 0, cover);
  });

  it('rejects a selector that returns a non-owner, and a bad group', () => {
    const topology = createTopology({
      shards: 8,
      replicationFactor: 1,
      replicaGroups: 1,
      nodes: ['a', 'b'].map((id) => nodeInput(id, 0)),
    });
    const stranger = { id: 'zz', address: 'http://zz', group: 0, state: 'active' as const };
    expect(() => coveringSet(topology, 0, () => stranger)).toThrow(RangeError);
    expect(() => coveringSet(topology, 1)).toThrow(RangeError);
    expect(() => coveringSet(topology, -1)).toThrow(RangeError);
  });
});
