import { describe, expect, it } from 'vitest';
import { applyEnvOverrides, collectEnvOverrides } from './apply-env-overrides.js';
import { configEnvVars, envVarName } from './config-env-vars.js';
import { ConfigError } from './config-error.js';

describe('applyEnvOverrides', () => {
  it('maps MIROIR_ + path joined by __ and coerces by schema type', () => {
    const result = applyEnvOverrides(
      {},
      {
        MIROIR_SCATTER__NODE_TIMEOUT_MS: '500',
        MIROIR_SCATTER__RETRY_ON_TIMEOUT: 'false',
        MIROIR_TASK_STORE__BACKEND: 'redis',
        MIROIR_SHADOW__SAMPLE_RATE: '0.25',
        MIROIR_NODES: '[{"id":"a","address":"http://a:7700"}]',
        MIROIR_RESHARDING__ALLOWED_WINDOWS: '02:00-04:00 UTC, 22:00-23:00 UTC',
        MIROIR_PEER_DISCOVERY__STATIC_PEERS: '["http://p0:7700","http://p1:7700"]',
      },
    );
    expect(result).toEqual({
      scatter: { node_timeout_ms: 500, retry_on_timeout: false },
      task_store: { backend: 'redis' },
      shadow: { sample_rate: 0.25 },
      nodes: [{ id: 'a', address: 'http://a:7700' }],
      resharding: { allowed_windows: ['02:00-04:00 UTC', '22:00-23:00 UTC'] },
      peer_discovery: { static_peers: ['http://p0:7700', 'http://p1:7700'] },
    });
  });

  it.each([
    ['true', true],
    ['1', true],
    ['YES', true],
    ['on', true],
    ['false', false],
    ['0', false],
    ['no', false],
    ['Off', false],
  ])('coerces boolean %s', (raw, expected) => {
    expect(applyEnvOverrides({}, { MIROIR_HEDGING__ENABLED: raw })).toEqual({
      hedging: { enabled: expected },
    });
  });

  it('supports the conventional secret names', () => {
    expect(
      applyEnvOverrides(
        {},
        { MIROIR_MASTER_KEY: 'm', MIROIR_NODE_MASTER_KEY: 'n', MIROIR_ADMIN_API_KEY: 'k' },
      ),
    ).toEqual({ master_key: 'm', node_master_key: 'n', admin: { api_key: 'k' } });
    expect(applyEnvOverrides({}, { MIROIR_ADMIN__API_KEY: 'k' })).toEqual({ admin: { api_key: 'k' } });
  });

  it('overrides the input without modifying it and keeps sibling keys', () => {
    const input = { scatter: { node_timeout_ms: 100, unavailable_shard_policy: 'error' }, shards: 8 };
    const snapshot = structuredClone(input);
    const result = applyEnvOverrides(input, { MIROIR_SCATTER__NODE_TIMEOUT_MS: '900' });
    expect(result).toEqual({
      scatter: { node_timeout_ms: 900, unavailable_shard_policy: 'error' },
      shards: 8,
    });
    expect(input).toEqual(snapshot);
  });

  it('applies a whole-block JSON value before deeper variables', () => {
    const result = applyEnvOverrides(
      {},
      {
        MIROIR_SCATTER__NODE_TIMEOUT_MS: '7',
        MIROIR_SCATTER: '{"node_timeout_ms": 1, "retry_on_timeout": false}',
      },
    );
    expect(result).toEqual({ scatter: { node_timeout_ms: 7, retry_on_timeout: false } });
  });

  it('ignores empty and unset values, loader variables, other prefixes and ignored names', () => {
    const env = {
      MIROIR_SHARDS: '',
      MIROIR_REPLICA_GROUPS: undefined,
      MIROIR_CONFIG: '/etc/miroir.yaml',
      MIROIR_ENV: 'production',
      MEILI_MASTER_KEY: 'x',
      MIROIR_TEST_SEED: '3',
    };
    expect(applyEnvOverrides({ shards: 4 }, env, { ignore: ['MIROIR_TEST_SEED'] })).toEqual({ shards: 4 });
  });

  it('rejects unknown variables with a did-you-mean hint, and bad values, all at once', () => {
    const { issues } = collectEnvOverrides(
      {},
      {
        MIROIR_SCATTER_NODE_TIMEOUT_MS: '5',
        MIROIR_REPLICATON_FACTOR: '2',
        MIROIR_SHARDS: 'many',
        MIROIR_HEDGING__ENABLED: 'maybe',
        MIROIR_NODES: '[{"id": "a"',
        MIROIR_SCATTER: 'fast',
        MIROIR_NOTHING_LIKE_THIS_AT_ALL: '1',
        MIROIR_NODES__0__ID: 'a',
      },
    );
    expect(issues).toEqual(
      expect.arrayContaining([
        {
          path: 'MIROIR_SCATTER_NODE_TIMEOUT_MS',
          message: 'unknown Miroir environment variable; did you mean MIROIR_SCATTER__NODE_TIMEOUT_MS?',
        },
        {
          path: 'MIROIR_REPLICATON_FACTOR',
          message: 'unknown Miroir environment variable; did you mean MIROIR_REPLICATION_FACTOR?',
        },
        { path: 'MIROIR_SHARDS', message: 'expected a number, got "many"' },
        { path: 'MIROIR_HEDGING__ENABLED', message: 'expected true or false, got "maybe"' },
        { path: 'MIROIR_NODES', message: 'expected a JSON list, got "[{\\"id\\": \\"a\\""' },
        { path: 'MIROIR_SCATTER', message: 'expected a JSON object, got "fast"' },
        { path: 'MIROIR_NOTHING_LIKE_THIS_AT_ALL', message: 'unknown Miroir environment variable' },
      ]),
    );
    expect(issues.find((issue) => issue.path === 'MIROIR_NODES__0__ID')?.message).toMatch(/^unknown/);
    expect(issues).toHaveLength(8);
    expect(() => applyEnvOverrides({}, { MIROIR_SHARDS: 'many' })).toThrow(ConfigError);
  });

  it('refuses to lay variables over a non-mapping input', () => {
    expect(collectEnvOverrides([1], { MIROIR_SHARDS: '2' }).issues).toEqual([
      { path: '', message: 'the configuration must be a mapping to apply environment overrides' },
    ]);
  });

  it('records which variable set which path', () => {
    const { sources } = collectEnvOverrides({}, { MIROIR_ADMIN_API_KEY: 'k', MIROIR_SHARDS: '2' });
    expect([...sources]).toEqual([
      ['shards', 'MIROIR_SHARDS'],
      ['admin.api_key', 'MIROIR_ADMIN_API_KEY'],
    ]);
  });

  it('refuses two names for one key with different values', () => {
    const { issues } = collectEnvOverrides({}, { MIROIR_ADMIN_API_KEY: 'a', MIROIR_ADMIN__API_KEY: 'b' });
    expect(issues).toEqual([
      {
        path: 'MIROIR_ADMIN__API_KEY',
        message: 'conflicts with MIROIR_ADMIN_API_KEY, which sets admin.api_key to another value',
      },
    ]);
    expect(collectEnvOverrides({}, { MIROIR_ADMIN_API_KEY: 'a', MIROIR_ADMIN__API_KEY: 'a' }).issues).toEqual(
      [],
    );
  });

  it('knows a variable for every key outside lists', () => {
    const names = configEnvVars().map((entry) => entry.name);
    expect(names).toContain('MIROIR_LEADER_ELECTION__RENEW_INTERVAL_MS');
    expect(names).toContain('MIROIR_SEARCH_UI__SCOPED_KEY_ROTATE_BEFORE_EXPIRY_DAYS');
    expect(names).not.toContain('MIROIR_NODES__ID');
    expect(new Set(names).size).toBe(names.length);
    expect(envVarName(['task_store', 'url'])).toBe('MIROIR_TASK_STORE__URL');
  });
});
