import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastCheckOptions } from '../test/fast-check-options.js';
import { topologyArbitrary } from '../test/topology-arbitraries.js';
import { shardsByNode, writeTargets } from './index.js';

describe('shardsByNode', () => {
  it('lists, for every node of the group, exactly the shards it owns', () => {
    fc.assert(
      fc.property(topologyArbitrary, (topology) => {
        topology.groups.forEach((members, group) => {
          const byNode = shardsByNode(topology, group);
          expect([...byNode.keys()].sort()).toEqual(members.map((n) => n.id).sort());
          for (const node of members) {
            const expected = Array.from({ length: topology.shards }, (_, s) => s).filter((shard) =>
              writeTargets(shard, topology)[group]!.includes(node),
            );
            expect(byNode.get(node.id)).toEqual(expected);
          }
        });
      }),
      fastCheckOptions(60),
    );
  });

  it('rejects a group outside 0..RG-1', () => {
    fc.assert(
      fc.property(topologyArbitrary, (topology) => {
        expect(() => shardsByNode(topology, topology.replicaGroups)).toThrow(RangeError);
      }),
      fastCheckOptions(5),
    );
  });
});
