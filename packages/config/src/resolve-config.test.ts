import { describe, expect, it } from 'vitest';
import { configEnvVars } from './config-env-vars.js';
import { ConfigError, type ConfigIssue } from './config-error.js';
import { findSecretsInFile } from './find-secrets-in-file.js';
import type { MiroirConfig } from './miroir-config.js';
import { configToInput, defaultConfig } from './parse-config.js';
import { isProductionEnv, type ResolveConfigOptions, resolveConfig } from './resolve-config.js';

const file = {
  shards: 16,
  scatter: { node_timeout_ms: 2000 },
  nodes: [{ id: 'a', address: 'http://a:7700' }],
};

function issuesOf(options: ResolveConfigOptions): ConfigIssue[] {
  try {
    resolveConfig(options);
  } catch (error) {
    if (error instanceof ConfigError) return [...error.issues];
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('resolveConfig precedence', () => {
  it('env beats file beats defaults, key by key', () => {
    const config: MiroirConfig = resolveConfig({
      file,
      env: { MIROIR_SCATTER__NODE_TIMEOUT_MS: '500', MIROIR_SERVER__PORT: '8080' },
    });
    expect(config.scatter.nodeTimeoutMs).toBe(500); // env over file
    expect(config.server.port).toBe(8080); // env over default
    expect(config.shards).toBe(16); // file over default
    expect(config.scatter.unavailableShardPolicy).toBe('partial'); // default
    expect(config.replicationFactor).toBe(1); // default
  });

  it('works with no file at all', () => {
    const config = resolveConfig({ env: { MIROIR_NODES: '[{"id":"n","address":"https://n"}]' } });
    expect(config.nodes).toEqual([{ id: 'n', address: 'https://n', replicaGroup: 0 }]);
  });

  it('names the variable a bad value came from', () => {
    const issues = issuesOf({
      file,
      env: { MIROIR_TASK_STORE__BACKEND: 'Redis', MIROIR_NODES: '[{"id":"a b"}]' },
    });
    expect(issues).toEqual(
      expect.arrayContaining([
        {
          path: 'task_store.backend',
          message: expect.stringMatching(/ \(set by MIROIR_TASK_STORE__BACKEND\)$/),
        },
        { path: 'nodes[0].id', message: expect.stringMatching(/ \(set by MIROIR_NODES\)$/) },
        { path: 'nodes[0].address', message: 'required key is missing (set by MIROIR_NODES)' },
      ]),
    );
    expect(issuesOf({ file: { ...file, shards: 0 }, env: {} })[0]?.message).not.toMatch(/set by/);
  });

  it('reports a file that is not a mapping once, without follow-up noise', () => {
    expect(issuesOf({ file: ['a'], env: { MIROIR_SHARDS: '3' } })).toEqual([
      { path: '', message: 'the configuration must be a mapping, got a list' },
    ]);
  });

  it('round-trips the default of every environment variable', () => {
    const nodesOnly = { nodes: file.nodes };
    const baseline = resolveConfig({ file: nodesOnly });
    const defaults = configToInput(defaultConfig()) as Record<string, unknown>;
    let checked = 0;
    for (const { name, path } of configEnvVars()) {
      const value = path.reduce<unknown>(
        (v, key) => (v as Record<string, unknown> | undefined)?.[key],
        defaults,
      );
      if (value === undefined || path[0] === 'nodes') continue;
      const raw = typeof value === 'object' ? JSON.stringify(value) : String(value);
      if (raw === '') continue;
      expect(resolveConfig({ file: nodesOnly, env: { [name]: raw } }), name).toEqual(baseline);
      checked++;
    }
    expect(checked).toBeGreaterThan(120);
  });

  it('reports env and schema problems together', () => {
    const issues = issuesOf({ file: { ...file, shardz: 3 }, env: { MIROIR_SHARDS: 'x' } });
    expect(issues.map((issue) => issue.path)).toEqual(['MIROIR_SHARDS', 'shardz']);
  });
});

describe('production secrets', () => {
  const secrets = {
    MIROIR_MASTER_KEY: 'a-master-key-of-16+',
    MIROIR_NODE_MASTER_KEY: 'node-key',
    MIROIR_ADMIN_API_KEY: 'admin-key',
  };

  it('detects production from MIROIR_ENV or NODE_ENV', () => {
    expect(isProductionEnv({ MIROIR_ENV: 'production' })).toBe(true);
    expect(isProductionEnv({ NODE_ENV: 'production' })).toBe(true);
    expect(isProductionEnv({ NODE_ENV: 'development' })).toBe(false);
  });

  it('accepts secrets from the environment in production', () => {
    const config = resolveConfig({ file, env: { ...secrets, MIROIR_ENV: 'production' } });
    expect(config.masterKey).toBe('a-master-key-of-16+');
    expect(config.admin.apiKey).toBe('admin-key');
  });

  it('refuses secrets written in the file in production, pointing to the env var', () => {
    const withSecrets = {
      ...file,
      master_key: 'a-master-key-of-16+',
      admin: { api_key: 'k' },
      task_store: { backend: 'redis', url: 'redis://:hunter2@redis:6379' },
    };
    const issues = issuesOf({ file: withSecrets, env: secrets, production: true });
    expect(issues).toEqual([
      {
        path: 'master_key',
        message:
          'secrets are not accepted from the config file in production: remove it and set MIROIR_MASTER_KEY',
      },
      {
        path: 'admin.api_key',
        message:
          'secrets are not accepted from the config file in production: remove it and set MIROIR_ADMIN_API_KEY',
      },
      {
        path: 'task_store.url',
        message:
          'secrets are not accepted from the config file in production: remove it and set MIROIR_TASK_STORE__URL',
      },
    ]);
    // Outside production the same file is fine.
    expect(resolveConfig({ file: withSecrets, env: {} }).taskStore.url).toBe('redis://:hunter2@redis:6379');
  });

  it('does not count a password-less redis url as a secret', () => {
    expect(findSecretsInFile({ task_store: { url: 'redis://redis:6379/0' } })).toEqual([]);
    expect(findSecretsInFile({ task_store: { url: 'redis://user:pw@redis:6379/0' } })).toHaveLength(1);
    expect(findSecretsInFile({ cdc: { webhook_secret: 's' } })[0]?.message).toMatch(
      /MIROIR_CDC__WEBHOOK_SECRET/,
    );
    expect(findSecretsInFile(undefined)).toEqual([]);
  });

  it('requires the secrets in production', () => {
    const issues = issuesOf({ file, env: { NODE_ENV: 'production' } });
    expect(issues.map((issue) => issue.path)).toEqual(['master_key', 'node_master_key', 'admin.api_key']);
  });
});
