import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from './config-error.js';
import { loadConfig } from './load-config.js';

const dir = mkdtempSync(join(tmpdir(), 'miroir-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeYaml(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const minimal = 'nodes:\n  - id: a\n    address: http://a:7700\nscatter:\n  node_timeout_ms: 2000\n';

async function errorOf(promise: Promise<unknown>): Promise<ConfigError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('reads the file given as path, then applies env overrides', async () => {
    const path = writeYaml('a.yaml', minimal);
    const config = await loadConfig({ path, env: { MIROIR_SCATTER__RETRY_ON_TIMEOUT: 'no' } });
    expect(config.scatter).toEqual({
      nodeTimeoutMs: 2000,
      retryOnTimeout: false,
      unavailableShardPolicy: 'partial',
    });
  });

  it('finds the file through MIROIR_CONFIG, and env wins over it', async () => {
    const path = writeYaml('b.yaml', minimal);
    const config = await loadConfig({ env: { MIROIR_CONFIG: path, MIROIR_SCATTER__NODE_TIMEOUT_MS: '750' } });
    expect(config.scatter.nodeTimeoutMs).toBe(750);
    expect(config.nodes[0]?.id).toBe('a');
  });

  it('runs on defaults and env alone when no file is named', async () => {
    const config = await loadConfig({ env: { MIROIR_NODES: '[{"id":"x","address":"http://x"}]' } });
    expect(config.shards).toBe(64);
  });

  it('reads process.env when no env is given', async () => {
    const path = writeYaml('c.yaml', minimal);
    const before = process.env.MIROIR_SHARDS;
    process.env.MIROIR_SHARDS = '12';
    try {
      expect((await loadConfig({ path })).shards).toBe(12);
    } finally {
      if (before === undefined) delete process.env.MIROIR_SHARDS;
      else process.env.MIROIR_SHARDS = before;
    }
  });

  it('reports an unreadable file', async () => {
    const error = await errorOf(loadConfig({ path: join(dir, 'missing.yaml'), env: {} }));
    expect(error.issues[0]?.message).toMatch(/^cannot read config file .*missing\.yaml: ENOENT/);
  });

  it('reports YAML syntax errors with file, line and column', async () => {
    const path = writeYaml('bad.yaml', 'shards: 8\nnodes: [\n  {id: a\n');
    const error = await errorOf(loadConfig({ path, env: {} }));
    expect(error.issues[0]?.message).toMatch(/^YAML error at .*bad\.yaml:\d+:\d+: /);
  });

  it('reports duplicate YAML keys', async () => {
    const path = writeYaml('dup.yaml', 'shards: 8\nshards: 9\n');
    const error = await errorOf(loadConfig({ path, env: {} }));
    expect(error.issues[0]?.message).toMatch(/dup\.yaml:2:1: .*[Uu]nique/);
  });

  it('refuses secrets in the file in production and lists all problems', async () => {
    const path = writeYaml('secret.yaml', `${minimal}master_key: abcdefghijklmnopqrstu\nreplicas: 2\n`);
    const error = await errorOf(loadConfig({ path, env: { NODE_ENV: 'production', MIROIR_SHARDZ: '1' } }));
    expect(error.issues.map((issue) => issue.path)).toEqual(['master_key', 'MIROIR_SHARDZ', 'replicas']);
    expect(error.issues[0]?.message).toMatch(/set MIROIR_MASTER_KEY$/);
    expect(error.issues[1]?.message).toMatch(/did you mean MIROIR_SHARDS\?$/);
    expect(error.issues[2]?.message).toBe('unknown key "replicas" here; did you mean "server.replicas"?');
  });

  it('honours an explicit production flag over the environment', async () => {
    const path = writeYaml('prod.yaml', `${minimal}master_key: abcdefghijklmnopqrstu\n`);
    await expect(loadConfig({ path, env: {}, production: true })).rejects.toThrow(/MIROIR_MASTER_KEY/);
    const config = await loadConfig({ path, env: { NODE_ENV: 'production' }, production: false });
    expect(config.masterKey).toBe('abcdefghijklmnopqrstu');
  });
});
