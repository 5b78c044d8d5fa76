import { type Cluster, startCluster } from '@miroir/devnode/testkit';
import { shardOf } from '@miroir/router';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import {
  assertOracleCase,
  describeOracleIndexes,
  type OracleCase,
  type OracleResult,
  oracleCaseArb,
  planOracleSearches,
} from '../test/oracle.js';
import type { SearchResponse } from './types.js';

/**
 * The oracle over HTTP: devnode processes, or real Meilisearch processes when `MEILISEARCH_BIN` is set
 * (`@miroir/devnode/testkit` `startCluster`). Process 0 holds the single-node indexes, process 1 the shards'
 * indexes (each index is an independent engine, so one process per shard adds nothing but memory).
 */
const env = globalThis.process?.env ?? {};
const seed = Number(env.FC_SEED ?? 20261122);
const numRuns = Number(env.FC_NODES_NUM_RUNS ?? (env.MEILISEARCH_BIN ? 200 : 25));
const MASTER_KEY = 'merge-oracle-master-key';

let cluster: Cluster;
let caseNumber = 0;

async function call(
  base: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${MASTER_KEY}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, json: text === '' ? null : JSON.parse(text) };
}

async function waitForTask(base: string, taskUid: number): Promise<void> {
  for (let i = 0; i < 2000; i++) {
    const { json } = await call(base, 'GET', `/tasks/${taskUid}`);
    const task = json as { status: string; error?: unknown };
    if (task.status === 'succeeded') return;
    if (task.status === 'failed' || task.status === 'canceled') {
      throw new Error(`task ${taskUid} ${task.status}: ${JSON.stringify(task.error)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`task ${taskUid} did not finish`);
}

async function runCase(c: OracleCase): Promise<void> {
  const prefix = `oracle${caseNumber++}`;
  const baseOf = (name: string) => cluster.urls[name === 'single' || name === 'reference' ? 0 : 1]!;
  const specs = describeOracleIndexes(c, shardOf);
  await Promise.all(
    specs.map(async (spec) => {
      const base = baseOf(spec.name);
      const uid = `${prefix}_${spec.name}`;
      const tasks: number[] = [];
      const created = await call(base, 'POST', '/indexes', { uid, primaryKey: 'id' });
      tasks.push((created.json as { taskUid: number }).taskUid);
      const settings = await call(base, 'PATCH', `/indexes/${uid}/settings`, spec.settings);
      tasks.push((settings.json as { taskUid: number }).taskUid);
      if (spec.documents.length > 0) {
        const added = await call(base, 'POST', `/indexes/${uid}/documents`, spec.documents);
        tasks.push((added.json as { taskUid: number }).taskUid);
      }
      for (const task of tasks) await waitForTask(base, task);
    }),
  );
  try {
    const results = await Promise.all(
      planOracleSearches(c).map(async ({ index, query }): Promise<OracleResult> => {
        const { status, json } = await call(
          baseOf(index),
          'POST',
          `/indexes/${prefix}_${index}/search`,
          query,
        );
        return status === 200 ? { value: json as SearchResponse } : { error: json };
      }),
    );
    assertOracleCase(c, results);
  } finally {
    await Promise.all(
      specs.map((spec) => call(baseOf(spec.name), 'DELETE', `/indexes/${prefix}_${spec.name}`)),
    );
  }
}

describe(`mergeSearch oracle over HTTP (${env.MEILISEARCH_BIN ? 'real Meilisearch' : 'devnode processes'})`, () => {
  beforeAll(async () => {
    cluster = await startCluster({ nodes: 2, masterKey: MASTER_KEY });
  }, 60_000);
  afterAll(async () => {
    await cluster?.stop();
  });

  it(`holds for ${numRuns} generated cases (FC_SEED=${seed}, FC_NODES_NUM_RUNS)`, async () => {
    await fc.assert(fc.asyncProperty(oracleCaseArb, runCase), { seed, numRuns, endOnFailure: true });
  }, 600_000);
});
