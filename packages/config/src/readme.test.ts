import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import {
  applyEnvOverrides,
  ConfigError,
  configReferenceMarkdown,
  configReferenceRows,
  isWithinAllowedWindows,
  parseConfig,
} from './index.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

/** Biome formats Markdown tables (column padding); compare cell contents only. */
function normalizeTable(markdown: string): string[] {
  return markdown
    .trim()
    .split('\n')
    .map((line) =>
      line
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim().replace(/^:?-+:?$/, '---'))
        .join('|'),
    );
}

function section(name: string): string {
  const start = `<!-- ${name}:start -->\n`;
  const from = readme.indexOf(start);
  const to = readme.indexOf(`<!-- ${name}:end -->`);
  expect(from, `${name} markers`).toBeGreaterThanOrEqual(0);
  return readme.slice(from + start.length, to);
}

describe('README', () => {
  it('runs the example as written', () => {
    const log = vi.fn();
    const input = applyEnvOverrides(
      { nodes: [{ id: 'meili-0', address: 'http://meili-0:7700' }], scatter: { node_timeout_ms: 2000 } },
      { MIROIR_SCATTER__NODE_TIMEOUT_MS: '500' },
    );
    const config = parseConfig(input);
    log(config.scatter.nodeTimeoutMs);
    log(config.taskStore.backend);
    try {
      parseConfig({ shardz: 8, nodes: [] });
    } catch (error) {
      if (error instanceof ConfigError) log(error.issues);
    }
    log(isWithinAllowedWindows(['22:00-02:00 UTC'], new Date('2026-01-01T01:30:00Z')));
    expect(log.mock.calls).toEqual([
      [500],
      ['sqlite'],
      [[{ path: 'shardz', message: 'unknown key "shardz"; did you mean "shards"?' }]],
      [true],
    ]);
    expect(readme).toContain('parseConfig({ shardz: 8, nodes: [] });');
    expect(readme).toContain("{ MIROIR_SCATTER__NODE_TIMEOUT_MS: '500' },");
  });

  it('carries the current reference table (node scripts/generate-config-reference.mjs)', () => {
    expect(normalizeTable(section('config-reference'))).toEqual(normalizeTable(configReferenceMarkdown()));
  });

  it('lists every leaf key in the reference table', () => {
    const table = normalizeTable(section('config-reference')).join('\n');
    for (const row of configReferenceRows()) expect(table).toContain(`|\`${row.key}\`|`);
    expect(configReferenceRows().length).toBeGreaterThan(100);
  });

  it('embeds examples/miroir.example.yaml verbatim', () => {
    const example = readFileSync(new URL('../examples/miroir.example.yaml', import.meta.url), 'utf8');
    expect(section('example')).toBe(`\`\`\`yaml\n${example}\`\`\`\n`);
  });
});
