import { describe, expect, it } from 'vitest';
import { ConfigError, type ConfigIssue } from './config-error.js';
import type { MiroirConfigInput } from './miroir-config.js';
import { parseConfig } from './parse-config.js';

const node = (id: string, group = 0) => ({ id, address: `http://${id}:7700`, replica_group: group });

/** A valid two-group cluster that each case breaks in exactly one way. */
function base(): Record<string, unknown> & MiroirConfigInput {
  return {
    shards: 8,
    replication_factor: 2,
    replica_groups: 2,
    nodes: [node('a0', 0), node('a1', 0), node('b0', 1), node('b1', 1), node('b2', 1)],
  };
}

function issuesOf(input: unknown, production = false): ConfigIssue[] {
  try {
    parseConfig(input, { production });
  } catch (error) {
    if (error instanceof ConfigError) return [...error.issues];
    throw error;
  }
  return [];
}

const multiPod = {
  server: { replicas: 2 },
  task_store: { backend: 'redis', url: 'redis://r:6379' },
  peer_discovery: { mode: 'dns', dns_name: 'miroir-headless' },
} as const;

interface RuleCase {
  readonly rule: string;
  readonly input: Record<string, unknown>;
  readonly path: string;
  readonly message: string | RegExp;
  readonly production?: boolean;
}

const cases: RuleCase[] = [
  {
    rule: 'at least one node',
    input: { nodes: [] },
    path: 'nodes',
    message: 'at least one node is required',
  },
  {
    rule: 'node ids are unique',
    input: {
      nodes: [node('a0', 0), node('a1', 0), node('b0', 1), { ...node('a0', 1), address: 'http://z:7700' }],
    },
    path: 'nodes[3].id',
    message: 'duplicate node id "a0" (already used by nodes[0])',
  },
  {
    rule: 'node addresses are unique',
    input: {
      nodes: [
        node('a0', 0),
        node('a1', 0),
        node('b0', 1),
        { id: 'b1', address: 'http://A0:7700/', replica_group: 1 },
      ],
    },
    path: 'nodes[3].address',
    message: /duplicate node address "http:\/\/A0:7700\/" \(already used by nodes\[0\]\)/,
  },
  {
    rule: 'replica_group within 0..RG-1',
    input: { nodes: [node('a0', 0), node('a1', 0), node('b0', 1), node('b1', 1), node('c0', 2)] },
    path: 'nodes[4].replica_group',
    message: 'replica group 2 does not exist: replica_groups is 2, so groups are 0..1',
  },
  {
    rule: 'every group is non-empty',
    input: { replica_groups: 3 },
    path: 'replica_groups',
    message: 'every replica group needs at least one node; group 2 has none',
  },
  {
    rule: 'RF <= nodes in the smallest group',
    input: { replication_factor: 3 },
    path: 'replication_factor',
    message: 'replication_factor 3 exceeds the 2 node(s) of the smallest replica group (group 0)',
  },
  {
    rule: 'shards >= nodes in the largest group',
    input: { shards: 2 },
    path: 'shards',
    message: /^shards 2 is less than the 3 nodes of the largest replica group \(group 1\)/,
  },
  {
    rule: 'more than one proxy replica requires the redis task store',
    input: { ...multiPod, task_store: { backend: 'sqlite' } },
    path: 'task_store.backend',
    message: /^server.replicas is 2: more than one proxy replica requires task_store.backend: redis/,
  },
  {
    rule: 'the redis task store needs a url',
    input: { task_store: { backend: 'redis' } },
    path: 'task_store.url',
    message: /task_store.backend is redis but task_store.url is not set/,
  },
  {
    rule: 'local rate-limit backend refused when replicas > 1',
    input: { ...multiPod, rate_limit: { enabled: true, backend: 'local' } },
    path: 'rate_limit.backend',
    message: /^server.replicas is 2: the local rate-limit backend/,
  },
  {
    rule: 'redis rate limits need the redis task store',
    input: { rate_limit: { enabled: true, backend: 'redis' } },
    path: 'rate_limit.backend',
    message: /set task_store.backend to redis/,
  },
  {
    rule: 'more than one proxy replica requires peer discovery',
    input: { ...multiPod, peer_discovery: { mode: 'none' } },
    path: 'peer_discovery.mode',
    message: /^server.replicas is 2: pods must discover each other/,
  },
  {
    rule: 'allowed_windows parse',
    input: { resharding: { allowed_windows: ['02:00-06:00 UTC', '2am-6am'] } },
    path: 'resharding.allowed_windows[1]',
    message: '"2am-6am" is not a window like "02:00-06:00 UTC"',
  },
  {
    rule: 'scoped key rotation strictly before max age (equal)',
    input: { search_ui: { scoped_key_max_age_days: 7, scoped_key_rotate_before_expiry_days: 7 } },
    path: 'search_ui.scoped_key_rotate_before_expiry_days',
    message: 'must be strictly less than search_ui.scoped_key_max_age_days (7 >= 7)',
  },
  {
    rule: 'health timeout <= interval',
    input: { health: { interval_ms: 1000, timeout_ms: 1001 } },
    path: 'health.timeout_ms',
    message: 'must not exceed health.interval_ms (1001 > 1000)',
  },
  {
    rule: 'hedging delay below the node timeout',
    input: { hedging: { enabled: true, delay_ms: 5000 } },
    path: 'hedging.delay_ms',
    message: 'must be less than scatter.node_timeout_ms (5000 >= 5000)',
  },
  {
    rule: 'dump import heartbeat below lease',
    input: { dump_import: { job_lease_ms: 1000, job_heartbeat_ms: 2000 } },
    path: 'dump_import.job_heartbeat_ms',
    message: 'must be less than dump_import.job_lease_ms (2000 >= 1000)',
  },
  {
    rule: 'leader renew below lease',
    input: { leader_election: { lease_ms: 1000, renew_interval_ms: 1000 } },
    path: 'leader_election.renew_interval_ms',
    message: 'must be less than leader_election.lease_ms (1000 >= 1000)',
  },
  {
    rule: 'canary timeout below interval',
    input: { canary_runner: { interval_ms: 1000, timeout_ms: 1000 } },
    path: 'canary_runner.timeout_ms',
    message: 'must be less than canary_runner.interval_ms (1000 >= 1000)',
  },
  {
    rule: 'cdc needs a webhook url',
    input: { cdc: { enabled: true } },
    path: 'cdc.webhook_url',
    message: 'cdc is enabled but cdc.webhook_url is not set',
  },
  {
    rule: 'shadow needs a target',
    input: { shadow: { enabled: true } },
    path: 'shadow.target_url',
    message: 'shadow is enabled but shadow.target_url is not set',
  },
  {
    rule: 'admin UI needs the admin key',
    input: { admin_ui: { enabled: true } },
    path: 'admin.api_key',
    message: /^admin_ui is enabled but admin.api_key is not set/,
  },
  {
    rule: 'dns discovery needs a name',
    input: { peer_discovery: { mode: 'dns' } },
    path: 'peer_discovery.dns_name',
    message: 'peer_discovery.mode is dns but peer_discovery.dns_name is not set',
  },
  {
    rule: 'static discovery needs peers',
    input: { peer_discovery: { mode: 'static' } },
    path: 'peer_discovery.static_peers',
    message: 'peer_discovery.mode is static but peer_discovery.static_peers is empty',
  },
  {
    rule: 'production requires the master key',
    input: { node_master_key: 'n', admin: { api_key: 'k' } },
    production: true,
    path: 'master_key',
    message: 'required in production: set MIROIR_MASTER_KEY',
  },
  {
    rule: 'production requires a 16-byte master key',
    input: { master_key: 'short', node_master_key: 'n', admin: { api_key: 'k' } },
    production: true,
    path: 'master_key',
    message: 'must be at least 16 bytes in production, as Meilisearch requires',
  },
  {
    rule: 'production requires the node master key',
    input: { master_key: 'm'.repeat(16), admin: { api_key: 'k' } },
    production: true,
    path: 'node_master_key',
    message: 'required in production: set MIROIR_NODE_MASTER_KEY',
  },
  {
    rule: 'production requires the admin key',
    input: { master_key: 'm'.repeat(16), node_master_key: 'n' },
    production: true,
    path: 'admin.api_key',
    message: 'required in production: set MIROIR_ADMIN_API_KEY',
  },
  {
    rule: 'replica_groups >= 1 (schema)',
    input: { replica_groups: 0 },
    path: 'replica_groups',
    message: /Expected >=1/,
  },
];

describe('cross-field rules', () => {
  it('accepts the base config, multi-pod included', () => {
    expect(issuesOf(base())).toEqual([]);
    expect(issuesOf({ ...base(), ...multiPod, rate_limit: { enabled: true, backend: 'redis' } })).toEqual([]);
    expect(issuesOf({ ...base(), ...multiPod, rate_limit: { enabled: false, backend: 'local' } })).toEqual(
      [],
    );
  });

  it.each(cases)('rejects: $rule', ({ input, path, message, production }) => {
    const issues = issuesOf({ ...base(), ...input }, production ?? false);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe(path);
    if (typeof message === 'string') expect(issues[0]?.message).toBe(message);
    else expect(issues[0]?.message).toMatch(message);
  });

  it('accepts boundary values of each rule', () => {
    const boundaries = {
      replication_factor: 2,
      shards: 3,
      search_ui: { scoped_key_max_age_days: 8, scoped_key_rotate_before_expiry_days: 7 },
      health: { interval_ms: 1000, timeout_ms: 1000 },
      hedging: { enabled: true, delay_ms: 4999 },
      resharding: { allowed_windows: ['22:00-02:00 UTC', '00:00-24:00 UTC'] },
    };
    expect(issuesOf({ ...base(), ...boundaries })).toEqual([]);
    const production = { master_key: 'm'.repeat(16), node_master_key: 'n', admin: { api_key: 'k' } };
    expect(issuesOf({ ...base(), ...production }, true)).toEqual([]);
  });

  it('reports several broken rules together', () => {
    const issues = issuesOf({ ...base(), shards: 1, replication_factor: 5, cdc: { enabled: true } });
    expect(issues.map((issue) => issue.path)).toEqual(['replication_factor', 'shards', 'cdc.webhook_url']);
  });

  it('reports every empty group and every duplicate', () => {
    const issues = issuesOf({ replica_groups: 4, nodes: [node('a', 1), node('a', 1), node('a', 1)] });
    expect(issues).toEqual([
      { path: 'nodes[1].id', message: 'duplicate node id "a" (already used by nodes[0])' },
      {
        path: 'nodes[1].address',
        message: 'duplicate node address "http://a:7700" (already used by nodes[0])',
      },
      { path: 'nodes[2].id', message: 'duplicate node id "a" (already used by nodes[0])' },
      {
        path: 'nodes[2].address',
        message: 'duplicate node address "http://a:7700" (already used by nodes[0])',
      },
      {
        path: 'replica_groups',
        message: 'every replica group needs at least one node; groups 0, 2, 3 have none',
      },
    ]);
  });
});
