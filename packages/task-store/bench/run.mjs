// Task store throughput and GET /tasks latency at 100k tasks, SQLite vs Redis, in one run.
// Run `pnpm build` first. Spawns its own redis-server (or uses REDIS_URL) via the testing helper.
// Env: BENCH_TASKS (default 100000), BENCH_LISTS (default 300 list calls per query shape).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRedisTaskStore } from '../dist/redis/index.js';
import { createSqliteTaskStore } from '../dist/sqlite/index.js';
import { startRedisForTests } from '../dist/testing/index.js';

const TASKS = Number(process.env.BENCH_TASKS ?? 100_000);
const LISTS = Number(process.env.BENCH_LISTS ?? 300);
const CONCURRENCY = 32;
const INDEXES = Array.from({ length: 10 }, (_, i) => `index_${i}`);
const TYPES = ['documentAdditionOrUpdate', 'documentDeletion', 'settingsUpdate'];
const FINAL = ['succeeded', 'succeeded', 'succeeded', 'failed'];

/** Runs `count` calls of `fn(i)` with a fixed number in flight (like concurrent HTTP requests). */
async function runConcurrent(count, fn) {
  let next = 0;
  const worker = async () => {
    while (next < count) await fn(next++);
  };
  const start = process.hrtime.bigint();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return Number(process.hrtime.bigint() - start) / 1e9;
}

async function measureStore(name, store) {
  const uids = new Array(TASKS);
  const insertSeconds = await runConcurrent(TASKS, async (i) => {
    const task = await store.tasks.create({
      indexUid: INDEXES[i % INDEXES.length],
      type: TYPES[i % TYPES.length],
      nodeTasks: { 'node-a': i, 'node-b': i, 'node-c': i },
      details: { receivedDocuments: 100 },
    });
    uids[i] = task.uid;
  });
  const updateSeconds = await runConcurrent(TASKS, async (i) => {
    await store.tasks.update(uids[i], { status: i % 10 === 0 ? 'processing' : FINAL[i % FINAL.length] });
  });
  const middle = uids[Math.floor(TASKS / 2)];
  const middleEnqueuedAt = (await store.tasks.get(middle)).enqueuedAt;
  const shapes = {
    'no filter (limit 20)': {},
    'statuses=failed': { statuses: ['failed'] },
    'indexUids=index_3&types=settingsUpdate': { indexUids: ['index_3'], types: ['settingsUpdate'] },
    'from=<middle>&limit=50': { from: middle, limit: 50 },
    'afterEnqueuedAt=<middle>&statuses=succeeded': {
      afterEnqueuedAt: middleEnqueuedAt,
      statuses: ['succeeded'],
    },
  };
  const lists = {};
  const totals = {};
  for (const [label, filter] of Object.entries(shapes)) {
    totals[label] = (await store.tasks.list(filter)).total;
    const seconds = await runSequential(LISTS, () => store.tasks.list(filter));
    lists[label] = (seconds / LISTS) * 1000;
  }
  const row = {
    name,
    insertOps: TASKS / insertSeconds,
    updateOps: TASKS / updateSeconds,
    lists,
    totals,
  };
  console.log(
    `${name}: insert ${row.insertOps.toFixed(0)} ops/s, status update ${row.updateOps.toFixed(0)} ops/s`,
  );
  return row;
}

async function runSequential(count, fn) {
  await fn(); // warm-up
  const start = process.hrtime.bigint();
  for (let i = 0; i < count; i++) await fn();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

const dir = mkdtempSync(join(tmpdir(), 'miroir-bench-'));
const redis = await startRedisForTests();
try {
  const sqliteStore = await createSqliteTaskStore({ path: join(dir, 'bench.db') });
  const sqlite = await measureStore('sqlite', sqliteStore);
  await sqliteStore.close();
  const redisStore = await createRedisTaskStore({
    url: redis.url,
    keyPrefix: `miroir-bench:${process.pid}:`,
  });
  const red = await measureStore(`redis (${redis.source})`, redisStore);
  await redisStore.close();

  console.log(`\n${TASKS} tasks, ${CONCURRENCY} requests in flight; Node ${process.version}\n`);
  console.log('Throughput ratio = Redis ÷ SQLite (above 1: Redis is faster).\n');
  console.log('| measure | SQLite | Redis | Redis ÷ SQLite |');
  console.log('|---|---:|---:|---:|');
  const ratio = (a, b) => `${(a / b).toFixed(2)}x`;
  console.log(
    `| task insert (ops/s) | ${sqlite.insertOps.toFixed(0)} | ${red.insertOps.toFixed(0)} | ${ratio(red.insertOps, sqlite.insertOps)} |`,
  );
  console.log(
    `| status update (ops/s) | ${sqlite.updateOps.toFixed(0)} | ${red.updateOps.toFixed(0)} | ${ratio(red.updateOps, sqlite.updateOps)} |`,
  );
  for (const label of Object.keys(sqlite.lists)) {
    const a = sqlite.lists[label];
    const b = red.lists[label];
    const cell = (ms) => `${ms.toFixed(2)} ms (${(1000 / ms).toFixed(0)}/s)`;
    const total =
      sqlite.totals[label] === red.totals[label]
        ? sqlite.totals[label]
        : `${sqlite.totals[label]} / ${red.totals[label]}`; // the date window bound is each store's own middle timestamp
    console.log(`| GET /tasks ${label} (total ${total}) | ${cell(a)} | ${cell(b)} | ${ratio(a, b)} |`);
  }
} finally {
  await redis.stop();
  rmSync(dir, { recursive: true, force: true });
}
