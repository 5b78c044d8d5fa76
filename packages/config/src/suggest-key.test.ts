import { describe, expect, it } from 'vitest';
import { suggestKey } from './suggest-key.js';

const keys = [
  'shards',
  'replication_factor',
  'replica_groups',
  'nodes',
  'node_master_key',
  'master_key',
  'scatter',
];

describe('suggestKey', () => {
  it.each([
    ['shard', 'shards'],
    ['sahrds', 'shards'], // adjacent swap counts as one edit
    ['replicaton_factor', 'replication_factor'],
    ['replicationFactor', 'replication_factor'],
    ['REPLICA-GROUPS', 'replica_groups'],
    ['scater', 'scatter'],
    ['masterkey', 'master_key'],
  ])('%s → %s', (typo, expected) => {
    expect(suggestKey(typo, keys)).toBe(expected);
  });

  it.each(['x', 'tls', 'completely_unrelated', 'sha'])('has no hint for %s', (typo) => {
    expect(suggestKey(typo, keys)).toBeUndefined();
  });

  it('prefers the closest candidate', () => {
    expect(suggestKey('node', keys)).toBe('nodes');
    expect(suggestKey('batch_sise', ['batch_size', 'batch_sizes'])).toBe('batch_size');
  });
});
