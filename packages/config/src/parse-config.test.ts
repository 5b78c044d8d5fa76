import { describe, expect, expectTypeOf, it } from 'vitest';
import { ConfigError, type ConfigIssue } from './config-error.js';
import { configToInput, defaultConfig, parseConfig } from './parse-config.js';

const node = (id: string, group = 0) => ({ id, address: `http://${id}:7700`, replica_group: group });

function issuesOf(input: unknown): ConfigIssue[] {
  try {
    parseConfig(input);
  } catch (error) {
    if (error instanceof ConfigError) return [...error.issues];
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('parseConfig', () => {
  it('fills every default into a minimal config and returns camelCase keys', () => {
    const config = parseConfig({ nodes: [{ id: 'meili-0', address: 'http://meili-0:7700' }] });
    expect(config).toEqual({
      ...defaultConfig(),
      nodes: [{ id: 'meili-0', address: 'http://meili-0:7700', replicaGroup: 0 }],
    });
    expect(config.shards).toBe(64);
    expect(config.replicationFactor).toBe(1);
    expect(config.replicaGroups).toBe(1);
    expect(config.server).toEqual({ port: 7700, bind: '0.0.0.0', maxBodyBytes: 100_000_000, replicas: 1 });
    expect(config.scatter).toEqual({
      nodeTimeoutMs: 5000,
      retryOnTimeout: true,
      unavailableShardPolicy: 'partial',
    });
    expect(config.taskStore.backend).toBe('sqlite');
    expect(config.taskStore.path).toBe('./miroir-data/tasks.sqlite');
    expect(config.replicaSelection.policy).toBe('round_robin');
    expect(config.masterKey).toBeUndefined();
    expect(config.resharding.allowedWindows).toEqual([]);
  });

  it('defaults every later capability that changes behaviour to disabled', () => {
    const config = defaultConfig();
    const toggles = Object.entries(config).flatMap(([key, block]) =>
      block !== null && typeof block === 'object' && 'enabled' in block ? [[key, block.enabled]] : [],
    );
    const enabledByDefault = toggles.filter(([, enabled]) => enabled).map(([key]) => key);
    expect(enabledByDefault).toEqual(['rebalancer']);
    expect(toggles.length).toBeGreaterThan(20);
  });

  it('treats undefined and null as an empty file', () => {
    expect(issuesOf(undefined)).toEqual([{ path: 'nodes', message: 'at least one node is required' }]);
    expect(issuesOf(null)).toEqual([{ path: 'nodes', message: 'at least one node is required' }]);
  });

  it('types the output in camelCase with literal unions', () => {
    const config = parseConfig({ nodes: [node('a')] });
    expectTypeOf(config.scatter.unavailableShardPolicy).toEqualTypeOf<'partial' | 'error'>();
    expectTypeOf(config.taskStore.backend).toEqualTypeOf<'sqlite' | 'redis'>();
    expectTypeOf(config.nodes[0]!.replicaGroup).toEqualTypeOf<number>();
    expectTypeOf(config.masterKey).toEqualTypeOf<string | undefined>();
    expectTypeOf(config.resharding.allowedWindows).toEqualTypeOf<readonly string[]>();
    expectTypeOf(config).not.toHaveProperty('task_store');
    const mutate = () => {
      // @ts-expect-error the parsed config is readonly, and frozen at runtime
      config.scatter.nodeTimeoutMs = 1;
    };
    expect(mutate).toThrow(TypeError);
  });

  it('returns a deeply frozen object', () => {
    const config = parseConfig({ nodes: [node('a')] });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.nodes[0])).toBe(true);
    expect(Object.isFrozen(config.scatter)).toBe(true);
  });

  it('rejects a non-mapping root', () => {
    expect(issuesOf([1, 2])).toEqual([
      { path: '', message: 'the configuration must be a mapping, got a list' },
    ]);
    expect(issuesOf('shards: 3')[0]?.message).toMatch(/must be a mapping, got string/);
  });

  it('reports unknown keys at every depth with a did-you-mean hint', () => {
    const issues = issuesOf({
      shardz: 8,
      replicationFactor: 2,
      scatter: { node_timeout: 100 },
      nodes: [node('a'), { id: 'b', adress: 'http://b:7700' }],
      completely_unrelated: true,
      port: 8080,
      server: { enabled: true },
    });
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'shardz', message: 'unknown key "shardz"; did you mean "shards"?' },
        {
          path: 'replicationFactor',
          message: 'unknown key "replicationFactor"; did you mean "replication_factor"?',
        },
        {
          path: 'scatter.node_timeout',
          message: 'unknown key "node_timeout"; did you mean "node_timeout_ms"?',
        },
        { path: 'nodes[1].adress', message: 'unknown key "adress"; did you mean "address"?' },
        { path: 'completely_unrelated', message: 'unknown key "completely_unrelated"' },
        { path: 'nodes[1].address', message: 'required key is missing' },
        { path: 'port', message: 'unknown key "port" here; did you mean "server.port"?' },
        {
          path: 'server.enabled',
          message: expect.stringMatching(
            /^unknown key "enabled" here; did you mean "rebalancer.enabled" or /,
          ),
        },
      ]),
    );
    expect(issues).toHaveLength(8);
  });

  it('lists every type and range problem with its snake_case path', () => {
    const issues = issuesOf({
      shards: 0,
      scatter: { node_timeout_ms: 'fast', unavailable_shard_policy: 'ignore' },
      nodes: [node('ok'), { id: 'bad id!', address: 'ftp://x', replica_group: -1 }],
      server: { port: 70000 },
    });
    const paths = issues.map((issue) => issue.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'shards',
        'scatter.node_timeout_ms',
        'scatter.unavailable_shard_policy',
        'nodes[1].id',
        'nodes[1].address',
        'nodes[1].replica_group',
        'server.port',
      ]),
    );
    expect(issues.find((issue) => issue.path === 'nodes[1].id')?.message).toMatch(/1-64 characters/);
    expect(issues.find((issue) => issue.path === 'nodes[1].address')?.message).toBe(
      'must be an http:// or https:// URL',
    );
  });

  it('formats every issue into the error message', () => {
    try {
      parseConfig({ shards: 0, nodes: [node('a')] });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toMatch(
        /^Invalid Miroir configuration \(1 problem\):\n {2}- shards: /,
      );
    }
  });

  it('accepts a node id of 64 characters and rejects 65', () => {
    expect(parseConfig({ nodes: [node('x'.repeat(64))] }).nodes[0]?.id).toHaveLength(64);
    expect(issuesOf({ nodes: [node('x'.repeat(65))] }).map((issue) => issue.path)).toEqual(['nodes[0].id']);
  });
});

describe('configToInput', () => {
  it('is the inverse of parseConfig', () => {
    const config = parseConfig({ shards: 8, replica_groups: 2, nodes: [node('a', 0), node('b', 1)] });
    const input = configToInput(config);
    expect(input.replica_groups).toBe(2);
    expect(input.nodes?.[1]?.replica_group).toBe(1);
    expect(parseConfig(input)).toEqual(config);
  });
});
