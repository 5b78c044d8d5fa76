import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binomialUpperBound } from '../test/binomial-tail.js';
import { fastCheckOptions } from '../test/fast-check-options.js';
import { nodeIdArbitrary, nodeInput, topologyArbitrary } from '../test/topology-arbitraries.js';
import {
  createTopology,
  planMove,
  type ShardMove,
  shardsByNode,
  type Topology,
  TopologyError,
  type TopologyNodeInput,
  writeTargets,
} from './index.js';

/** Movement bounds hold except with probability ≤ ALPHA per case under the uniform-hash model. */
const ALPHA = 1e-9;

function ownerIds(topology: Topology, shard: number, group: number): string[] {
  return group < topology.replicaGroups ? writeTargets(shard, topology)[group]!.map((n) => n.id) : [];
}

function expectAgreesWithRecomputation(before: Topology, after: Topology, moves: ShardMove[]): void {
  const byKey = new Map(moves.map((m) => [`${m.group}/${m.shard}`, m]));
  expect(byKey.size).toBe(moves.length);
  for (let group = 0; group < Math.max(before.replicaGroups, after.replicaGroups); group++) {
    for (let shard = 0; shard < before.shards; shard++) {
      const oldOwners = ownerIds(before, shard, group);
      const newOwners = ownerIds(after, shard, group);
      const move = byKey.get(`${group}/${shard}`);
      const isSameSet =
        oldOwners.length === newOwners.length && oldOwners.every((id) => newOwners.includes(id));
      if (isSameSet) {
        expect(move).toBeUndefined();
        continue;
      }
      expect(move).toEqual({
        shard,
        group,
        before: oldOwners,
        after: newOwners,
        losing: oldOwners.filter((id) => !newOwners.includes(id)),
        gaining: newOwners.filter((id) => !oldOwners.includes(id)),
      });
    }
  }
  const sorted = [...moves].sort((a, b) => a.group - b.group || a.shard - b.shard);
  expect(moves).toEqual(sorted);
}

const addition = topologyArbitrary.chain((topology) =>
  fc.record({
    topology: fc.constant(topology),
    newId: nodeIdArbitrary.filter((id) => topology.nodesById[id] === undefined),
    group: fc.integer({ min: 0, max: topology.replicaGroups - 1 }),
  }),
);

describe('planMove', () => {
  it('adding a node to a group of Ng moves ≤ Binomial(S, RF/(Ng+1)) upper bound ownerships, all to it, none elsewhere', () => {
    fc.assert(
      fc.property(addition, ({ topology, newId, group }) => {
        const grown = createTopology({ ...topology, nodes: [...topology.nodes, nodeInput(newId, group)] });
        const moves = planMove(topology, grown);
        expectAgreesWithRecomputation(topology, grown, moves);
        const groupSize = topology.groups[group]!.length;
        const rf = topology.replicationFactor;
        expect(moves.length).toBeLessThanOrEqual(
          binomialUpperBound(topology.shards, rf / (groupSize + 1), ALPHA),
        );
        for (const move of moves) {
          expect(move.group).toBe(group);
          expect(move.gaining).toEqual([newId]);
          expect(move.losing).toHaveLength(1); // RF > 1: exactly one ownership changes hands
        }
        expect(moves.map((m) => m.shard)).toEqual(shardsByNode(grown, group).get(newId));
      }),
      fastCheckOptions(100),
    );
  });

  it('removing a node moves only the shards it owned, one new owner each, in its group only', () => {
    const removal = topologyArbitrary
      .filter((t) => t.groups.some((members) => members.length > t.replicationFactor))
      .chain((topology) => {
        const removable = topology.nodes.filter(
          (n) => topology.groups[n.group]!.length > topology.replicationFactor,
        );
        return fc.record({ topology: fc.constant(topology), node: fc.constantFrom(...removable) });
      });
    fc.assert(
      fc.property(removal, ({ topology, node }) => {
        const shrunk = createTopology({ ...topology, nodes: topology.nodes.filter((n) => n !== node) });
        const moves = planMove(topology, shrunk);
        expectAgreesWithRecomputation(topology, shrunk, moves);
        for (const move of moves) {
          expect(move.group).toBe(node.group);
          expect(move.losing).toEqual([node.id]);
          expect(move.gaining).toHaveLength(1);
        }
        expect(moves.map((m) => m.shard)).toEqual(shardsByNode(topology, node.group).get(node.id));
      }),
      fastCheckOptions(100),
    );
  });

  it('raising RF by one only adds one owner per (shard, group)', () => {
    const raisable = topologyArbitrary.filter((t) => t.groups.every((g) => g.length > t.replicationFactor));
    fc.assert(
      fc.property(raisable, (topology) => {
        const raised = createTopology({ ...topology, replicationFactor: topology.replicationFactor + 1 });
        const moves = planMove(topology, raised);
        expect(moves).toHaveLength(topology.shards * topology.replicaGroups);
        for (const move of moves) {
          expect(move.losing).toEqual([]);
          expect(move.gaining).toHaveLength(1);
          expect(move.after.slice(0, -1)).toEqual(move.before);
        }
      }),
      fastCheckOptions(50),
    );
  });

  it('agrees with recomputing owners for arbitrary edits (nodes added, removed, regrouped, RF and RG changed)', () => {
    const edited = topologyArbitrary.chain((topology) =>
      fc
        .record({
          keep: fc.array(fc.boolean(), {
            minLength: topology.nodes.length,
            maxLength: topology.nodes.length,
          }),
          extra: fc.uniqueArray(
            nodeIdArbitrary.filter((id) => topology.nodesById[id] === undefined),
            { maxLength: 4 },
          ),
          replicaGroups: fc.integer({ min: 1, max: 3 }),
          rfSeed: fc.nat(),
        })
        .map(({ keep, extra, replicaGroups, rfSeed }) => {
          const ids = [...topology.nodes.filter((_, i) => keep[i]).map((n) => n.id), ...extra];
          if (ids.length === 0) ids.push(topology.nodes[0]!.id);
          const groups = Math.min(replicaGroups, ids.length);
          const nodes: TopologyNodeInput[] = ids.map((id, i) => nodeInput(id, i % groups));
          const smallest = Math.floor(ids.length / groups);
          const next = createTopology({
            shards: topology.shards,
            replicationFactor: 1 + (rfSeed % smallest),
            replicaGroups: groups,
            nodes,
          });
          return [topology, next] as const;
        }),
    );
    fc.assert(
      fc.property(edited, ([before, after]) => {
        expectAgreesWithRecomputation(before, after, planMove(before, after));
      }),
      fastCheckOptions(100),
    );
  });

  it('finds nothing to move when only node states or addresses change', () => {
    fc.assert(
      fc.property(topologyArbitrary, (topology) => {
        const restated = createTopology({
          ...topology,
          nodes: topology.nodes.map((n) => ({ ...n, state: 'down' as const, address: `${n.address}/x` })),
        });
        expect(planMove(topology, restated)).toEqual([]);
        expect(planMove(topology, topology)).toEqual([]);
      }),
      fastCheckOptions(30),
    );
  });

  it('refuses a change of S (a reshard) with a TopologyError', () => {
    const nodes = [nodeInput('a', 0)];
    const a = createTopology({ shards: 64, replicationFactor: 1, replicaGroups: 1, nodes });
    const b = createTopology({ shards: 128, replicationFactor: 1, replicaGroups: 1, nodes });
    expect(() => planMove(a, b)).toThrow(TopologyError);
  });
});
