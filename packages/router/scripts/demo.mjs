#!/usr/bin/env node
// A short routing demo: 3 nodes, S = 64, RF = 1; routes 10 document ids, prints a covering set, then the
// move plan for adding a 4th node. Run `pnpm build` in packages/router first.
import { coveringSet, createTopology, planMove, shardOf, writeTargets } from '../dist/index.js';

const node = (id) => ({ id, address: `http://${id}:7700`, group: 0 });
const topology = createTopology({
  shards: 64,
  replicationFactor: 1,
  replicaGroups: 1,
  nodes: ['node-a', 'node-b', 'node-c'].map(node),
});

console.log('Routing (S = 64, RF = 1, nodes node-a, node-b, node-c):');
const ids = [
  1,
  '1',
  42,
  'sku_1001',
  'sku_1002',
  '550e8400-e29b-41d4-a716-446655440000',
  'red-running-shoe',
  'a',
  '-',
  9007199254740991,
];
for (const id of ids) {
  const shard = shardOf(id, topology.shards);
  const [owner] = writeTargets(shard, topology)[0];
  console.log(`  ${JSON.stringify(id).padEnd(40)} → shard ${String(shard).padStart(2)} → ${owner.id}`);
}

console.log('\nCovering set for a query in group 0 (node → shards it searches):');
for (const [nodeId, shards] of [...coveringSet(topology, 0).byNode].sort(([a], [b]) => (a < b ? -1 : 1))) {
  console.log(`  ${nodeId}: ${shards.length} shards [${shards.join(', ')}]`);
}

const grown = createTopology({ ...topology, nodes: [...topology.nodes, node('node-d')] });
const moves = planMove(topology, grown);
console.log(`\nAdding node-d moves ${moves.length} of 64 shards (expected about 64/4 = 16):`);
for (const move of moves) {
  console.log(
    `  shard ${String(move.shard).padStart(2)}: ${move.losing.join(', ')} → ${move.gaining.join(', ')}`,
  );
}
