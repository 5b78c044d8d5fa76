import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  binomialLowerTail,
  binomialUpperBound,
  binomialUpperTail,
  threeWayOutsideProbability,
} from '../test/binomial-tail.js';
import { fastCheckOptions } from '../test/fast-check-options.js';
import { nodeIdArbitrary, nodeInput, topologyArbitrary } from '../test/topology-arbitraries.js';
import { createTopology, ownersInGroup, rendezvousScore, shardsByNode, writeTargets } from './index.js';

const groupArbitrary = fc
  .uniqueArray(nodeIdArbitrary, { minLength: 1, maxLength: 8 })
  .map((ids) => ids.map((id) => ({ id })));

describe('ownersInGroup', () => {
  it('returns the RF highest scores, best first, whatever the input order', () => {
    fc.assert(
      fc.property(
        groupArbitrary,
        fc.nat(0xffffffff),
        fc.nat(),
        fc.nat(),
        (nodes, shard, rfSeed, shuffleSeed) => {
          const rf = 1 + (rfSeed % nodes.length);
          const owners = ownersInGroup(shard, nodes, rf);
          expect(owners).toHaveLength(rf);
          const scores = owners.map((n) => rendezvousScore(shard, n.id));
          for (let i = 1; i < scores.length; i++) expect(scores[i - 1]! >= scores[i]!).toBe(true);
          const lowest = scores[scores.length - 1]!;
          for (const other of nodes.filter((n) => !owners.includes(n))) {
            expect(rendezvousScore(shard, other.id) <= lowest).toBe(true);
          }
          const shuffled = [...nodes].sort(
            (a, b) => xorshift(a.id, shuffleSeed) - xorshift(b.id, shuffleSeed),
          );
          expect(ownersInGroup(shard, shuffled, rf)).toEqual(owners);
        },
      ),
      fastCheckOptions(300),
    );
  });

  it('is a prefix for growing RF, so raising RF only adds owners', () => {
    fc.assert(
      fc.property(groupArbitrary, fc.nat(0xffff), (nodes, shard) => {
        const full = ownersInGroup(shard, nodes, nodes.length);
        for (let rf = 1; rf <= nodes.length; rf++)
          expect(ownersInGroup(shard, nodes, rf)).toEqual(full.slice(0, rf));
      }),
      fastCheckOptions(200),
    );
  });

  it('rejects a bad RF and duplicate ids', () => {
    const nodes = [{ id: 'a' }, { id: 'b' }];
    expect(() => ownersInGroup(0, nodes, 0)).toThrow(RangeError);
    expect(() => ownersInGroup(0, nodes, 3)).toThrow(RangeError);
    expect(() => ownersInGroup(0, [{ id: 'a' }, { id: 'a' }], 1)).toThrow(RangeError);
  });

  it('a topology built from the same nodes in another order routes identically (fresh owner table)', () => {
    fc.assert(
      fc.property(topologyArbitrary, fc.nat(), (topology, shuffleSeed) => {
        const shuffled = [...topology.nodes].sort(
          (a, b) => xorshift(a.id, shuffleSeed) - xorshift(b.id, shuffleSeed),
        );
        const again = createTopology({ ...topology, nodes: shuffled });
        expect(again).not.toBe(topology);
        for (let shard = 0; shard < topology.shards; shard++) {
          const ids = (t: typeof topology) => writeTargets(shard, t).map((owners) => owners.map((n) => n.id));
          expect(ids(again)).toEqual(ids(topology));
        }
      }),
      fastCheckOptions(60),
    );
  });

  it('gives every shard exactly RF distinct owners in every group of a topology', () => {
    fc.assert(
      fc.property(topologyArbitrary, (topology) => {
        for (let shard = 0; shard < topology.shards; shard++) {
          const targets = writeTargets(shard, topology);
          expect(targets).toHaveLength(topology.replicaGroups);
          targets.forEach((owners, group) => {
            expect(new Set(owners.map((n) => n.id)).size).toBe(topology.replicationFactor);
            // The precomputed table and the from-scratch function must agree exactly (order included).
            expect(owners).toEqual(ownersInGroup(shard, topology.groups[group]!, topology.replicationFactor));
            for (const owner of owners) expect(owner.group).toBe(group);
          });
        }
      }),
      fastCheckOptions(100),
    );
  });
});

describe('uniformity: S = 64, 3 nodes, RF = 1', () => {
  const SHARDS = 64;
  // Model: each shard's HRW winner is uniform over the 3 nodes and independent across shards, so the
  // counts are multinomial(64; 1/3, 1/3, 1/3). See README "Uniformity bound".
  const pOutside14to29 = threeWayOutsideProbability(SHARDS, 14, 29);
  const SETS = Number(process.env.FC_NUM_RUNS ?? 400);
  const idSets = fc.sample(fc.uniqueArray(nodeIdArbitrary, { minLength: 3, maxLength: 3 }), {
    seed: fastCheckOptions(0).seed,
    numRuns: SETS,
  });
  const counts = idSets.map((ids) => {
    const topology = createTopology({
      shards: SHARDS,
      replicationFactor: 1,
      replicaGroups: 1,
      nodes: ids.map((id) => nodeInput(id, 0)),
    });
    return [...shardsByNode(topology, 0).values()].map((shards) => shards.length);
  });

  it('the documented probabilities are what the README states', () => {
    expect(pOutside14to29).toBeCloseTo(0.0833, 3);
    expect(threeWayOutsideProbability(SHARDS, 2, 46)).toBeLessThan(1e-9);
  });

  it('every node of every random set owns 2..46 shards (violation probability < 1e-9 per set)', () => {
    for (const c of counts) {
      expect(c.reduce((a, b) => a + b, 0)).toBe(SHARDS);
      for (const n of c) {
        expect(n).toBeGreaterThanOrEqual(2);
        expect(n).toBeLessThanOrEqual(46);
      }
    }
  });

  it('the share of sets with a node outside 14..29 matches the binomial model (false alarm < 2e-9)', () => {
    const outside = counts.filter((c) => c.some((n) => n < 14 || n > 29)).length;
    const upper = binomialUpperBound(SETS, pOutside14to29, 1e-9);
    let lower = 0;
    while (binomialLowerTail(SETS, lower + 1, pOutside14to29) <= 1e-9) lower++;
    expect(binomialUpperTail(SETS, upper, pOutside14to29)).toBeLessThanOrEqual(1e-9);
    expect(outside).toBeLessThanOrEqual(upper);
    expect(outside).toBeGreaterThanOrEqual(lower);
  });
});

// A cheap deterministic per-id key for shuffling.
function xorshift(id: string, seed: number): number {
  let h = seed | 0;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x9e3779b1) >>> 0;
  return h;
}
