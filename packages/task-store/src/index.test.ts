import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const srcDir = dirname(fileURLToPath(import.meta.url));

/** Every module reachable through static imports from `file`, as specifiers (bare) or src paths. */
function importGraph(file: string, seen = new Set<string>(), bare = new Set<string>()): Set<string> {
  if (seen.has(file)) return bare;
  seen.add(file);
  const source = readFileSync(file, 'utf8');
  for (const match of source.matchAll(/^(?:import|export)\s[^;]*?from\s+'([^']+)'/gms)) {
    const spec = match[1] as string;
    if (spec.startsWith('.')) importGraph(join(dirname(file), spec.replace(/\.js$/, '.ts')), seen, bare);
    else bare.add(spec);
  }
  return bare;
}

it('the root entry point loads no native module, driver or adapter', () => {
  const external = [...importGraph(join(srcDir, 'index.ts'))];
  expect(
    external.filter((spec) => ['kysely', 'better-sqlite3', 'ioredis', 'testcontainers'].includes(spec)),
  ).toEqual([]);
  expect(external.every((spec) => spec.startsWith('node:') === false || spec === 'node:crypto')).toBe(true);
});

it('each adapter entry point reaches its own driver only', () => {
  const sqlite = importGraph(join(srcDir, 'sqlite/index.ts'));
  const redis = importGraph(join(srcDir, 'redis/index.ts'));
  expect(sqlite.has('better-sqlite3') && sqlite.has('kysely') && !sqlite.has('ioredis')).toBe(true);
  expect(redis.has('ioredis') && !redis.has('better-sqlite3') && !redis.has('kysely')).toBe(true);
});
