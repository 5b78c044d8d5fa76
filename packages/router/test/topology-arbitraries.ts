import fc from 'fast-check';
import { createTopology, type Topology, type TopologyNodeInput } from '../src/index.js';

/** Node ids as operators write them, plus arbitrary Unicode to exercise UTF-8 hashing. */
export const nodeIdArbitrary: fc.Arbitrary<string> = fc.oneof(
  fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/),
  fc.string({ minLength: 1, maxLength: 12, unit: 'grapheme' }),
);

export function nodeInput(id: string, group: number): TopologyNodeInput {
  return { id, address: `http://${encodeURIComponent(id)}:7700`, group };
}

/** A random valid topology: S in 1..256, RG in 1..3, 1..6 nodes per group, RF ≤ smallest group. */
export const topologyArbitrary: fc.Arbitrary<Topology> = fc
  .record({
    shards: fc.integer({ min: 1, max: 256 }),
    groupSizes: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 3 }),
    rfSeed: fc.nat(),
  })
  .chain(({ shards, groupSizes, rfSeed }) => {
    const total = groupSizes.reduce((a, b) => a + b, 0);
    return fc.uniqueArray(nodeIdArbitrary, { minLength: total, maxLength: total }).map((ids) => {
      const nodes: TopologyNodeInput[] = [];
      let next = 0;
      groupSizes.forEach((size, group) => {
        for (let i = 0; i < size; i++) nodes.push(nodeInput(ids[next++]!, group));
      });
      const replicationFactor = 1 + (rfSeed % Math.min(...groupSizes));
      return createTopology({ shards, replicationFactor, replicaGroups: groupSizes.length, nodes });
    });
  });
