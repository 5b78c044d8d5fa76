#!/usr/bin/env node
// Config benchmark: parseConfig / resolveConfig of the full example against valibot's bare `v.parse` of
// the same schema (the baseline), in one run. Loading happens once per process, so this only guards
// against pathological slowness (e.g. a quadratic rule). Needs `pnpm build` first.
import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { configSchema, parseConfig, parseConfigYaml, resolveConfig } from '../dist/index.js';

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 2000);
const text = readFileSync(new URL('../examples/miroir.example.yaml', import.meta.url), 'utf8');
const example = parseConfigYaml(text);
const env = { MIROIR_SCATTER__NODE_TIMEOUT_MS: '750', MIROIR_SHARDS: '128', MIROIR_ADMIN_API_KEY: 'k' };

function time(name, fn) {
  for (let i = 0; i < 50; i++) fn(); // warm-up
  const start = performance.now();
  for (let i = 0; i < ITERATIONS; i++) fn();
  const perCall = (performance.now() - start) / ITERATIONS;
  return { name, perCall };
}

const results = [
  time('valibot v.parse (baseline)', () => v.parse(configSchema, example)),
  time('parseConfigYaml (YAML text → value)', () => parseConfigYaml(text)),
  time('parseConfig (unknown keys + schema + rules + camelCase + freeze)', () => parseConfig(example)),
  time('resolveConfig (+ 3 env overrides)', () => resolveConfig({ file: example, env })),
];
const baseline = results[0].perCall;
console.log(`full example (${text.length} bytes of YAML), ${ITERATIONS} iterations each`);
for (const { name, perCall } of results) {
  console.log(
    `${name.padEnd(68)} ${(perCall * 1000).toFixed(1).padStart(8)} µs/call  ×${(perCall / baseline).toFixed(2)}`,
  );
}
