#!/usr/bin/env node
// Writes testdata/vectors.json: routing test vectors any other implementation of Miroir's router can check
// itself against. Run `pnpm build` first (it imports the built package), then
// `node scripts/generate-vectors.mjs`. src/vectors.test.ts checks the committed file against the
// library and against an independent BigInt XXH64.
import { writeFileSync } from 'node:fs';
import {
  canonicalDocumentId,
  createTopology,
  ownersInGroup,
  rendezvousScore,
  shardOf,
  writeTargets,
  xxh64,
} from '../dist/index.js';

const SHARD_COUNTS = [1, 2, 3, 7, 16, 64, 100, 1000, 1024, 65536, 4294967296];

const documentIds = [
  'a',
  'A',
  '-',
  '_',
  '0',
  '1',
  '007',
  '-1',
  '--',
  'a-b_c',
  'sku_12345-b',
  'AbCdEfGhIjKlMnOpQrStUvWxYz-0123456789_',
  '550e8400-e29b-41d4-a716-446655440000',
  'f47ac10b-58cc-4372-a567-0e02b2c3d479',
  'the-quick-brown-fox-jumps-over-the-lazy-dog',
  '18446744073709551615',
  '-9223372036854775808',
  'x'.repeat(31),
  'x'.repeat(32),
  'x'.repeat(33),
  'z'.repeat(64),
  'a'.repeat(511),
  `${'0123456789'.repeat(51)}_`,
  0,
  1,
  -1,
  42,
  1000000,
  9007199254740991,
  -9007199254740991,
];

const invalidDocumentIds = [
  '',
  'a b',
  ' a',
  'a.b',
  'a/b',
  'a@b',
  'é',
  '🙂',
  'a'.repeat(512),
  1.5,
  -0.25,
  true,
  null,
  { id: 1 },
  ['a'],
];

const scoreNodeIds = [
  'node-a',
  'node-b',
  'n1',
  'n10',
  'meili-0.search.svc:7700',
  'é-node',
  '🙂',
  'n'.repeat(100),
];
const scoreShards = [0, 1, 2, 255, 256, 65535, 65536, 4294967295];

const ownerCases = [
  { nodes: ['node-a', 'node-b', 'node-c'], replicationFactor: 1 },
  { nodes: ['node-a', 'node-b', 'node-c'], replicationFactor: 2 },
  { nodes: ['n1', 'n2', 'n3', 'n4', 'n5'], replicationFactor: 1 },
  { nodes: ['n1', 'n2', 'n3', 'n4', 'n5'], replicationFactor: 3 },
  { nodes: ['n5', 'n4', 'n3', 'n2', 'n1'], replicationFactor: 5 },
  { nodes: ['é-node', '🙂', 'z', 'Z'], replicationFactor: 2 },
];
const ownerShards = [0, 1, 2, 3, 4, 5, 6, 7, 63, 1023, 65535, 4294967295];

const placementInput = {
  shards: 16,
  replicationFactor: 2,
  replicaGroups: 2,
  nodes: [
    { id: 'g0-a', address: 'http://g0-a:7700', group: 0 },
    { id: 'g0-b', address: 'http://g0-b:7700', group: 0 },
    { id: 'g0-c', address: 'http://g0-c:7700', group: 0 },
    { id: 'g1-a', address: 'http://g1-a:7700', group: 1 },
    { id: 'g1-b', address: 'http://g1-b:7700', group: 1 },
    { id: 'g1-c', address: 'http://g1-c:7700', group: 1 },
    { id: 'g1-d', address: 'http://g1-d:7700', group: 1 },
  ],
};
const placement = createTopology(placementInput);

const vectors = {
  description:
    'Miroir router test vectors. Big integers (hashes, scores) are decimal strings; document ids keep their JSON type.',
  spec: {
    canonical: 'a string id as is; an integer id as its decimal string',
    shard: 'xxh64(utf8(canonical(pk)), seed 0) mod S',
    score: 'xxh64(u32le(shard) || utf8(nodeId), seed 0), unsigned 64-bit',
    owners:
      'the RF nodes of the group with the highest scores, best first; ties: smaller node id (UTF-8 bytes) first',
  },
  shardCounts: SHARD_COUNTS,
  shardOf: documentIds.map((pk) => {
    const canonical = canonicalDocumentId(pk);
    return {
      pk,
      canonical,
      xxh64: xxh64(canonical).toString(),
      shards: Object.fromEntries(SHARD_COUNTS.map((s) => [String(s), shardOf(pk, s)])),
    };
  }),
  invalidDocumentIds,
  scores: scoreShards.flatMap((shard) =>
    scoreNodeIds.map((nodeId) => ({ shard, nodeId, score: rendezvousScore(shard, nodeId).toString() })),
  ),
  owners: ownerCases.flatMap(({ nodes, replicationFactor }) =>
    ownerShards.map((shard) => ({
      shard,
      nodes,
      replicationFactor,
      owners: ownersInGroup(
        shard,
        nodes.map((id) => ({ id })),
        replicationFactor,
      ).map((n) => n.id),
    })),
  ),
  placement: {
    topology: placementInput,
    ownersByShard: Array.from({ length: placement.shards }, (_, shard) =>
      writeTargets(shard, placement).map((owners) => owners.map((n) => n.id)),
    ),
  },
};

const target = new URL('../testdata/vectors.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(vectors, null, 2)}\n`);
console.log(
  `wrote ${target.pathname}: ${vectors.shardOf.length} ids × ${SHARD_COUNTS.length} shard counts, ` +
    `${vectors.scores.length} scores, ${vectors.owners.length} owner cases, placement of ${placement.shards} shards`,
);
