import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { ConformanceTarget } from './conformance/conformance-client.js';
import { runConformanceSuite } from './conformance/run-conformance-suite.js';
import { type RunningDevnode, startDevnode } from './start-devnode.js';
import { type NodeHandle, startNode } from './testkit/index.js';

// Target: MEILISEARCH_URL (+ MEILISEARCH_MASTER_KEY) → that server; MEILISEARCH_BIN → a real Meilisearch
// started by the testkit; otherwise an in-process devnode.
const MASTER_KEY = process.env.MEILISEARCH_MASTER_KEY ?? 'conformance-master-key';
let target: ConformanceTarget = { baseUrl: 'http://unset', masterKey: MASTER_KEY };
let devnode: RunningDevnode | null = null;
let node: NodeHandle | null = null;
let dumpDir: string | null = null;

beforeAll(async () => {
  if (process.env.MEILISEARCH_URL) {
    target = { baseUrl: process.env.MEILISEARCH_URL.replace(/\/$/, ''), masterKey: MASTER_KEY };
  } else if (process.env.MEILISEARCH_BIN) {
    node = await startNode({ masterKey: MASTER_KEY });
    target = { baseUrl: node.url, masterKey: MASTER_KEY };
  } else {
    dumpDir = mkdtempSync(join(tmpdir(), 'devnode-conformance-'));
    devnode = await startDevnode({ masterKey: MASTER_KEY, dumpDir });
    target = { baseUrl: devnode.url, masterKey: MASTER_KEY };
  }
}, 60_000);

afterAll(async () => {
  await devnode?.close();
  await node?.stop();
  if (dumpDir) rmSync(dumpDir, { recursive: true, force: true });
});

runConformanceSuite(() => target);
