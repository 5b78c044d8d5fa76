// Measures Redis memory per row of every task-store table with MEMORY USAGE on a real server and
// prints the Redis sizing guide (Markdown) to stdout. Run `pnpm build` first, then:
//   node scripts/measure-redis-memory.mjs > ../../docs/redis-sizing.md
// Env: MEASURE_ROWS (rows loaded per table, default 10000), REDIS_URL (else spawns redis-server).
import { createHash, randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { createRedisTaskStore } from '../dist/redis/index.js';
import { startRedisForTests } from '../dist/testing/index.js';

const ROWS = Number(process.env.MEASURE_ROWS ?? 10_000);
const sha = (s) => createHash('sha256').update(s).digest('hex');

/** How each table is loaded with representative rows; `rows` is how many rows the loader makes. */
const TABLES = [
  [
    'tasks',
    'task (6 node tasks, details, succeeded)',
    ROWS,
    (s, i) =>
      s.tasks
        .create({
          indexUid: `products_${i % 10}`,
          type: 'documentAdditionOrUpdate',
          nodeTasks: Object.fromEntries(Array.from({ length: 6 }, (_, n) => [`meili-${n}`, 100_000 + i])),
          details: { receivedDocuments: 1000, indexedDocuments: 1000 },
        })
        .then((t) => s.tasks.update(t.uid, { status: 'processing' }))
        .then((t) => s.tasks.update(t.uid, { status: 'succeeded' })),
  ],
  [
    'node_settings_version',
    'settings version (index, node)',
    ROWS,
    (s, i) => s.settingsVersions.set(`products_${i % 100}`, `meili-${i}`, 7),
  ],
  [
    'aliases',
    'alias (single, 3 flips of history)',
    ROWS / 10,
    async (s, i) => {
      for (let v = 0; v < 4; v++)
        await s.aliases.flip(`alias_${i}`, v, { kind: 'single', currentUid: `products_${i}_v${v}` });
    },
  ],
  [
    'sessions',
    'read-your-writes session',
    ROWS,
    (s) => s.sessions.pin({ sessionId: randomUUID(), group: 'group-1', minTaskUid: 123_456 }, 600_000),
  ],
  [
    'idempotency_cache',
    'idempotency key',
    ROWS,
    (s, i) =>
      s.idempotency.remember(
        { key: randomUUID(), bodySha256: sha(String(i)), taskUid: 100_000 + i },
        86_400_000,
      ),
  ],
  [
    'jobs',
    'background job (pending, small payload)',
    ROWS,
    (s, i) => s.jobs.enqueue('reshard-backfill', { indexUid: 'products', shard: i % 64, from: 0 }),
  ],
  [
    'leader_lease',
    'leader lease',
    ROWS / 10,
    (s, i) => s.leases.acquire(`scope-${i}`, `pod-${i % 3}`, 30_000),
  ],
  [
    'canaries',
    'canary definition',
    ROWS / 10,
    (s, i) =>
      s.canaries.put({
        id: `canary-${i}`,
        indexUid: 'products',
        query: { q: 'wireless headphones', filter: 'price < 100' },
        intervalMs: 60_000,
      }),
  ],
  [
    'canary_runs',
    'canary run',
    ROWS,
    (s, i) => s.canaries.recordRun(`canary-${i % 100}`, { ok: true, latencyMs: 12.5, detail: null }),
  ],
  [
    'cdc_cursors',
    'CDC cursor (sink, index)',
    ROWS,
    (s, i) => s.cdcCursors.advance(`kafka-${i % 10}`, `products_${i}`, 0, `offset-${1_000_000 + i}`),
  ],
  [
    'tenant_map',
    'tenant mapping',
    ROWS,
    (s, i) => s.tenants.put({ apiKeySha256: sha(`key-${i}`), tenantId: `tenant-${i}`, group: 'group-1' }),
  ],
  [
    'rollover_policies',
    'rollover policy',
    ROWS / 10,
    (s, i) =>
      s.rolloverPolicies.put({
        name: `policy-${i}`,
        policy: { alias: `logs-${i}`, maxDocuments: 10_000_000, maxAgeDays: 30 },
      }),
  ],
  [
    'search_ui_config',
    'search UI config',
    ROWS / 10,
    (s, i) =>
      s.searchUiConfig.put({
        indexUid: `products_${i}`,
        config: { title: 'Products', facets: ['brand', 'color'], hitsPerPage: 20 },
      }),
  ],
  [
    'admin_sessions',
    'admin session',
    ROWS,
    (s) => s.adminSessions.create(randomUUID(), 'ops@example.com', 3_600_000),
  ],
  [
    'rate_limits',
    'rate-limit window counter',
    ROWS,
    (s, i) => s.counters.hitRateLimit(`ip:10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`, 60_000),
  ],
  [
    'login_backoff',
    'login backoff record',
    ROWS,
    (s, i) => s.counters.recordLoginFailure(`user-${i}@example.com`, 1000, 900_000),
  ],
  [
    'rotation_beacons',
    'key-rotation beacon (per pod)',
    ROWS,
    (s, i) => s.counters.beacon({ keyUid: `key-${i % 100}`, podId: `pod-${i}`, generation: 2 }, 60_000),
  ],
  [
    'cdc_overflow',
    'CDC overflow entry (200-byte event)',
    ROWS,
    (s, i) =>
      s.counters.pushOverflow('kafka-1', JSON.stringify({ i, pad: 'x'.repeat(180) }).slice(0, 200), 1e12),
  ],
];

/** The load the total is computed for: rows per table. */
const LOAD = {
  tasks: 1_000_000,
  node_settings_version: 10_000,
  aliases: 1_000,
  sessions: 100_000,
  idempotency_cache: 1_000_000,
  jobs: 10_000,
  leader_lease: 50,
  canaries: 100,
  canary_runs: 10_000,
  cdc_cursors: 1_000,
  tenant_map: 10_000,
  rollover_policies: 100,
  search_ui_config: 100,
  admin_sessions: 1_000,
  rate_limits: 100_000,
  login_backoff: 10_000,
  rotation_beacons: 100,
  cdc_overflow: 100_000,
};

async function keyBytes(raw, prefix) {
  let cursor = '0';
  let bytes = 0;
  let keys = 0;
  do {
    const [next, batch] = await raw.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    const pipeline = raw.pipeline();
    for (const k of batch) pipeline.memory('USAGE', k, 'SAMPLES', '0');
    for (const [err, n] of (await pipeline.exec()) ?? []) {
      if (err) throw err;
      bytes += Number(n);
      keys += 1;
    }
  } while (cursor !== '0');
  return { bytes, keys };
}

async function runConcurrent(count, fn) {
  let next = 0;
  const worker = async () => {
    while (next < count) await fn(next++);
  };
  await Promise.all(Array.from({ length: 16 }, worker));
}

const server = await startRedisForTests();
const raw = new Redis(server.url);
const rows = [];
try {
  const info = await raw.info('server');
  const version = /redis_version:(\S+)/.exec(info)?.[1] ?? 'unknown';
  for (const [table, label, count, load] of TABLES) {
    const prefix = `measure:${table}:`;
    const store = await createRedisTaskStore({ url: server.url, keyPrefix: prefix });
    await runConcurrent(count, (i) => load(store, i));
    await store.close();
    const { bytes, keys } = await keyBytes(raw, prefix);
    rows.push({ table, label, count, bytes, keys, perRow: bytes / count });
    const stale = await raw.keys(`${prefix}*`);
    for (let i = 0; i < stale.length; i += 1000) await raw.del(...stale.slice(i, i + 1000));
  }
  const fmt = (n) => Math.round(n).toLocaleString('en-US');
  const mib = (n) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
  let total = 0;
  const out = [];
  out.push('# Redis sizing guide');
  out.push('');
  out.push(
    'How much Redis memory the `@miroir/task-store` Redis adapter needs. Every figure below was measured',
  );
  out.push(
    'by `packages/task-store/scripts/measure-redis-memory.mjs`, which loads representative rows into a real',
  );
  out.push(
    'Redis through the store API and sums `MEMORY USAGE <key> SAMPLES 0` over every key the table created',
  );
  out.push(
    '(row hashes, per-table and per-group index ZSETs, task ZSETs by status/type/index/date, counters),',
  );
  out.push('divided by the number of rows. Re-run it after changing the key layout:');
  out.push('');
  out.push('```sh');
  out.push('pnpm --filter @miroir/task-store build');
  out.push('node packages/task-store/scripts/measure-redis-memory.mjs > docs/redis-sizing.md');
  out.push('```');
  out.push('');
  out.push(
    `Measured on Redis ${version}, ${ROWS.toLocaleString('en-US')} rows per high-volume table (one tenth for small tables), default encodings.`,
  );
  out.push(
    '`MEMORY USAGE` counts the allocations of each key and its value; allocator fragmentation and Redis',
  );
  out.push('process overhead (a few MiB) come on top, so provision about 1.3x the total.');
  out.push('');
  out.push('| table | row measured | rows loaded | keys | bytes per row |');
  out.push('|---|---|---:|---:|---:|');
  for (const r of rows)
    out.push(`| ${r.table} | ${r.label} | ${fmt(r.count)} | ${fmt(r.keys)} | ${fmt(r.perRow)} |`);
  out.push('');
  out.push('## Total for a stated load');
  out.push('');
  out.push('| table | rows | memory |');
  out.push('|---|---:|---:|');
  for (const r of rows) {
    const n = LOAD[r.table] ?? 0;
    total += n * r.perRow;
    out.push(`| ${r.table} | ${fmt(n)} | ${mib(n * r.perRow)} |`);
  }
  out.push(`| **total** | | **${mib(total)}** |`);
  out.push('');
  out.push(
    `With the 1.3x allowance: about **${mib(total * 1.3)}**. Tasks and idempotency keys dominate; prune`,
  );
  out.push('finished tasks (`store.tasks.prune(ttl)`) and keep idempotency TTLs short to bound them.');
  console.log(out.join('\n'));
} finally {
  await raw.quit();
  await server.stop();
}
