import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configJsonSchema, configJsonSchemaText } from './config-json-schema.js';
import { configReferenceRows } from './config-reference-table.js';
import { configToInput, defaultConfig } from './parse-config.js';

interface Node {
  type?: string;
  description?: string;
  default?: unknown;
  properties?: Record<string, Node>;
  additionalProperties?: unknown;
  items?: Node;
}

const root = configJsonSchema() as Node;

function eachProperty(node: Node, path: string[], visit: (node: Node, path: string[]) => void): void {
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    visit(child, [...path, key]);
    eachProperty(child, [...path, key], visit);
    if (child.items !== undefined) eachProperty(child.items, [...path, `${key}[]`], visit);
  }
}

describe('configJsonSchema', () => {
  it('equals the committed schema/miroir.config.schema.json (run scripts/generate-json-schema.mjs)', () => {
    const committed = readFileSync(new URL('../schema/miroir.config.schema.json', import.meta.url), 'utf8');
    expect(committed).toBe(configJsonSchemaText());
  });

  it('is a draft-07 schema that closes every object', () => {
    expect(root.type).toBe('object');
    expect((root as Record<string, unknown>).$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(root.additionalProperties).toBe(false);
    eachProperty(root, [], (node, path) => {
      if (node.type === 'object') expect(node.additionalProperties, path.join('.')).toBe(false);
    });
  });

  it('describes every key', () => {
    const missing: string[] = [];
    eachProperty(root, [], (node, path) => {
      if ((node.description ?? '').length < 5) missing.push(path.join('.'));
    });
    expect(missing).toEqual([]);
  });

  it('carries the same defaults as defaultConfig()', () => {
    const defaults = configToInput(defaultConfig()) as Record<string, unknown>;
    const rows = configReferenceRows().filter((row) => !row.key.includes('[]'));
    expect(rows.length).toBeGreaterThan(100);
    for (const row of rows) {
      const actual = row.key
        .split('.')
        .reduce<unknown>((value, key) => (value as Record<string, unknown>)?.[key], defaults);
      expect(row.defaultValue, row.key).toBe(actual === undefined ? '—' : JSON.stringify(actual));
    }
  });

  it('returns a fresh object each call', () => {
    const a = configJsonSchema();
    a.title = 'changed';
    expect(configJsonSchema().title).toBe('Miroir configuration');
  });
});
