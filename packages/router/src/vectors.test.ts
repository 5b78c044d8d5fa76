import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { referenceXxh64 } from '../test/reference-xxh64.js';
import {
  canonicalDocumentId,
  createTopology,
  InvalidDocumentIdError,
  ownersInGroup,
  rendezvousScore,
  shardOf,
  type TopologyInput,
  validateDocumentId,
  writeTargets,
  xxh64,
} from './index.js';

interface Vectors {
  shardCounts: number[];
  shardOf: { pk: string | number; canonical: string; xxh64: string; shards: Record<string, number> }[];
  invalidDocumentIds: unknown[];
  scores: { shard: number; nodeId: string; score: string }[];
  owners: { shard: number; nodes: string[]; replicationFactor: number; owners: string[] }[];
  placement: { topology: TopologyInput; ownersByShard: string[][][] };
}

const vectors = JSON.parse(
  readFileSync(new URL('../testdata/vectors.json', import.meta.url), 'utf8'),
) as Vectors;
const encoder = new TextEncoder();

function referenceScore(shard: number, nodeId: string): bigint {
  const id = encoder.encode(nodeId);
  const bytes = new Uint8Array(4 + id.length);
  new DataView(bytes.buffer).setUint32(0, shard, true);
  bytes.set(id, 4);
  return referenceXxh64(bytes);
}

describe('testdata/vectors.json', () => {
  it('covers the edge cases it promises', () => {
    const pks = vectors.shardOf.map((v) => v.pk);
    expect(pks).toEqual(expect.arrayContaining(['a', '-', 'a'.repeat(511), 0, 1, -1, 9007199254740991]));
    expect(vectors.shardCounts).toEqual(expect.arrayContaining([1, 64, 1024, 2 ** 32]));
    expect(vectors.owners.some((o) => o.replicationFactor > 1)).toBe(true);
  });

  it('document ids: canonical form, hash and shard agree with the library and the reference XXH64', () => {
    for (const vector of vectors.shardOf) {
      expect(canonicalDocumentId(vector.pk)).toBe(vector.canonical);
      expect(xxh64(vector.canonical).toString()).toBe(vector.xxh64);
      expect(referenceXxh64(vector.canonical).toString()).toBe(vector.xxh64);
      expect(Object.keys(vector.shards).map(Number)).toEqual(vectors.shardCounts);
      for (const [shards, shard] of Object.entries(vector.shards)) {
        expect(shardOf(vector.pk, Number(shards))).toBe(shard);
        expect(Number(BigInt(vector.xxh64) % BigInt(shards))).toBe(shard);
      }
    }
  });

  it('invalid ids are rejected', () => {
    expect(vectors.invalidDocumentIds.length).toBeGreaterThan(5);
    for (const pk of vectors.invalidDocumentIds) {
      expect(validateDocumentId(pk)).toBeInstanceOf(InvalidDocumentIdError);
    }
  });

  it('scores agree with the library and the reference', () => {
    for (const { shard, nodeId, score } of vectors.scores) {
      expect(rendezvousScore(shard, nodeId).toString()).toBe(score);
      expect(referenceScore(shard, nodeId).toString()).toBe(score);
    }
  });

  it('owners agree with the library and with ranking reference scores', () => {
    for (const { shard, nodes, replicationFactor, owners } of vectors.owners) {
      expect(
        ownersInGroup(
          shard,
          nodes.map((id) => ({ id })),
          replicationFactor,
        ).map((n) => n.id),
      ).toEqual(owners);
      const ranked = nodes
        .map((id) => ({ id, score: referenceScore(shard, id) }))
        .sort((a, b) => (a.score === b.score ? 0 : a.score > b.score ? -1 : 1));
      expect(ranked.slice(0, replicationFactor).map((r) => r.id)).toEqual(owners);
    }
  });

  it('the full placement of the sample topology agrees', () => {
    const topology = createTopology(vectors.placement.topology);
    expect(vectors.placement.ownersByShard).toHaveLength(topology.shards);
    vectors.placement.ownersByShard.forEach((groups, shard) => {
      expect(writeTargets(shard, topology).map((owners) => owners.map((n) => n.id))).toEqual(groups);
    });
  });
});
