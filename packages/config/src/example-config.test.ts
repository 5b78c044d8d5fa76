import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { camelCaseKey, snakeCaseKey } from './camel-case-keys.js';
import { configEnvVars } from './config-env-vars.js';
import { configReferenceRows } from './config-reference-table.js';
import { configToInput, defaultConfig, parseConfig } from './parse-config.js';
import { parseConfigYaml } from './parse-config-yaml.js';
import { resolveConfig } from './resolve-config.js';

const exampleText = readFileSync(new URL('../examples/miroir.example.yaml', import.meta.url), 'utf8');
const example = parseConfigYaml(exampleText, 'miroir.example.yaml');

function hasPath(value: unknown, path: readonly string[]): boolean {
  const [head, ...rest] = path;
  if (head === undefined) return true;
  if (head.endsWith('[]')) {
    const list = (value as Record<string, unknown>)[head.slice(0, -2)];
    return Array.isArray(list) && list.length > 0 && list.every((item) => hasPath(item, rest));
  }
  return (
    value !== null &&
    typeof value === 'object' &&
    head in value &&
    hasPath((value as Record<string, unknown>)[head], rest)
  );
}

describe('examples/miroir.example.yaml', () => {
  it('is valid and sets every key of the schema', () => {
    const config = parseConfig(example);
    expect(config.nodes).toHaveLength(4);
    const missing = configReferenceRows()
      .map((row) => row.key)
      .filter((key) => !hasPath(example, key.split('.')));
    expect(missing).toEqual([]);
  });

  it('round-trips: parse → configToInput → YAML → parse gives the same config', () => {
    const config = parseConfig(example);
    const yamlText = stringify(configToInput(config));
    expect(parseConfig(parse(yamlText))).toEqual(config);
    expect(configToInput(config)).toEqual(example);
  });

  it('differs from the defaults where the example says so', () => {
    const config = parseConfig(example);
    expect(config.replicaGroups).toBe(2);
    expect(config.server.replicas).toBe(2);
    expect(config.taskStore.backend).toBe('redis');
    expect(config.resharding.allowedWindows).toEqual(['02:00-06:00 UTC', '22:30-23:30 UTC']);
    expect(config).not.toEqual(defaultConfig());
  });

  it('is refused in production because it carries secrets, until they move to env', () => {
    expect(() => resolveConfig({ file: example, production: true })).toThrow(/set MIROIR_MASTER_KEY/);
    const { master_key, node_master_key, admin, cdc, ...rest } = example as Record<
      string,
      Record<string, unknown>
    >;
    const { webhook_secret, ...cdcRest } = cdc ?? {};
    const config = resolveConfig({
      file: { ...rest, cdc: cdcRest },
      production: true,
      env: {
        MIROIR_MASTER_KEY: String(master_key),
        MIROIR_NODE_MASTER_KEY: String(node_master_key),
        MIROIR_ADMIN_API_KEY: String(admin?.api_key),
        MIROIR_CDC__WEBHOOK_SECRET: String(webhook_secret),
      },
    });
    expect(config).toEqual(parseConfig(example));
  });
});

describe('key mapping', () => {
  it('snake_case ↔ camelCase is lossless for every schema key', () => {
    for (const { path } of configEnvVars()) {
      for (const key of path) {
        expect(key).toMatch(/^[a-z][a-z0-9]*(_[a-z][a-z0-9]*)*$/);
        expect(snakeCaseKey(camelCaseKey(key))).toBe(key);
      }
    }
  });
});
