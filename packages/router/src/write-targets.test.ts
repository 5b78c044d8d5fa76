import { describe, expect, it } from 'vitest';
import { nodeInput } from '../test/topology-arbitraries.js';
import { createTopology, ownersInGroup, writeTargets } from './index.js';

const topology = createTopology({
  shards: 32,
  replicationFactor: 2,
  replicaGroups: 2,
  nodes: [
    ...['a', 'b', 'c'].map((id) => nodeInput(id, 0)),
    ...['d', 'e', 'f', 'g'].map((id) => nodeInput(id, 1)),
    { ...nodeInput('h', 1), state: 'down' as const },
  ],
});

describe('writeTargets', () => {
  it('lists the RF owners of the shard in every group, down nodes included', () => {
    let sawDownOwner = false;
    for (let shard = 0; shard < topology.shards; shard++) {
      const targets = writeTargets(shard, topology);
      expect(targets.map((owners) => owners.map((n) => n.id))).toEqual(
        topology.groups.map((members) => ownersInGroup(shard, members, 2).map((n) => n.id)),
      );
      sawDownOwner ||= targets[1]!.some((n) => n.state === 'down');
    }
    expect(sawDownOwner).toBe(true);
  });

  it('returns the same precomputed arrays on every call (the table is built once per topology)', () => {
    expect(writeTargets(5, topology)).toBe(writeTargets(5, topology));
  });

  it.each([-1, 32, 1.5, Number.NaN])('rejects shard %s', (shard) => {
    expect(() => writeTargets(shard, topology)).toThrow(RangeError);
  });
});
