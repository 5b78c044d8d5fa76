import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { coveringSet, createTopology, planMove, shardOf, validateDocumentId, writeTargets } from './index.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const example = readme.slice(readme.indexOf('## Example'), readme.indexOf('## API'));

describe('README example', () => {
  it('runs and produces the values in its comments', () => {
    const topology = createTopology({
      shards: 64,
      replicationFactor: 2,
      replicaGroups: 2,
      nodes: [
        { id: 'a1', address: 'http://a1:7700', group: 0 },
        { id: 'a2', address: 'http://a2:7700', group: 0 },
        { id: 'a3', address: 'http://a3:7700', group: 0, state: 'down' },
        { id: 'b1', address: 'http://b1:7700', group: 1 },
        { id: 'b2', address: 'http://b2:7700', group: 1 },
      ],
    });

    const shard = shardOf('sku_1001', topology.shards);
    expect(shard).toBe(54);
    const targets = writeTargets(shard, topology).map((owners) => owners.map((node) => node.id));
    expect(targets).toEqual([
      ['a2', 'a1'],
      ['b1', 'b2'],
    ]);
    expect(shardOf(1001, 64) === shardOf('1001', 64)).toBe(true);

    const { byNode, uncoveredShards } = coveringSet(topology, 0);
    expect(Object.fromEntries([...byNode].map(([id, shards]) => [id, shards.length]))).toEqual({
      a1: 35,
      a2: 29,
    });
    expect(uncoveredShards).toEqual([]);

    const grown = createTopology({
      ...topology,
      nodes: [...topology.nodes, { id: 'a4', address: 'http://a4:7700', group: 0 }],
    });
    const moves = planMove(topology, grown);
    expect(moves).toHaveLength(29);
    expect(moves[0]).toEqual({
      shard: 1,
      group: 0,
      before: ['a1', 'a3'],
      after: ['a1', 'a4'],
      losing: ['a3'],
      gaining: ['a4'],
    });

    expect(validateDocumentId('sku 1001')?.message).toBe(
      'Document identifier `"sku 1001"` is invalid. A document identifier can be of type integer or string, only ' +
        'composed of alphanumeric characters (a-z A-Z 0-9), hyphens (-) and underscores (_), and can not be more ' +
        'than 511 bytes.',
    );
  });

  it('shows the same code as this test', () => {
    for (const line of [
      "const shard = shardOf('sku_1001', topology.shards); // 54",
      'const targets = writeTargets(shard, topology).map((owners) => owners.map((node) => node.id));',
      "// [['a2', 'a1'], ['b1', 'b2']]",
      "{ id: 'a3', address: 'http://a3:7700', group: 0, state: 'down' },",
      'const { byNode, uncoveredShards } = coveringSet(topology, 0);',
      "// byNode: Map { 'a1' → 35 shards, 'a2' → 29 shards }, uncoveredShards: []",
      'const moves = planMove(topology, grown);',
      "// 29 moves (about 64 × 2 / 4 = 32), e.g. { shard: 1, group: 0, before: ['a1', 'a3'], after: ['a1', 'a4'],",
      "validateDocumentId('sku 1001')?.message;",
    ]) {
      expect(example).toContain(line);
    }
  });
});
