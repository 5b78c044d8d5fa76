import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import type { StoreOptions } from '../store-options.js';
import { runTaskStoreContract } from '../task-store.contract.js';
import { startRedisForTests } from '../testing/start-redis-for-tests.js';
import { createRedisTaskStore } from './create-redis-task-store.js';
import { createRedisKeys } from './redis-keys.js';

const redisServer = await startRedisForTests();
const raw = new Redis(redisServer.url);
// A prefix per file and per store keeps runs (and parallel files) from colliding on a shared REDIS_URL.
const filePrefix = `miroir-test:${randomUUID().slice(0, 8)}:`;
let counter = 0;

afterAll(async () => {
  const leftovers = await raw.keys(`${filePrefix}*`);
  if (leftovers.length > 0) await raw.del(...leftovers);
  await raw.quit();
  await redisServer.stop();
});

async function openFresh(options?: StoreOptions) {
  const keyPrefix = `${filePrefix}${++counter}:`;
  const keys = createRedisKeys(keyPrefix);
  const store = await createRedisTaskStore({ ...options, url: redisServer.url, keyPrefix });
  return {
    store,
    reopen: (reopenOptions?: StoreOptions) =>
      createRedisTaskStore({ ...(reopenOptions ?? options), url: redisServer.url, keyPrefix }),
    corruptTask: async (uid: number) => {
      await raw.hset(keys.task(uid), 'details', '{not json');
    },
    corruptRecord: async (table: string, key: string) => {
      await raw.hset(keys.row(table, key), 'b', '{not json');
    },
  };
}

runTaskStoreContract('redis', openFresh);

describe('Redis adapter specifics', () => {
  it('refuses a keyspace written by a newer schema, with a clear error', async () => {
    const keyPrefix = `${filePrefix}newer:`;
    await raw.set(createRedisKeys(keyPrefix).schemaVersion, '99');
    await expect(createRedisTaskStore({ url: redisServer.url, keyPrefix })).rejects.toMatchObject({
      kind: 'schema_too_new',
      message: expect.stringContaining('99'),
    });
  });

  it('keeps one hash per row and a per-table index, and sets EXPIRE on TTL rows', async () => {
    const keyPrefix = `${filePrefix}layout:`;
    const keys = createRedisKeys(keyPrefix);
    const store = await createRedisTaskStore({ url: redisServer.url, keyPrefix });
    try {
      await store.sessions.pin({ sessionId: 's1', group: 'g0', minTaskUid: 3 }, 60_000);
      const task = await store.tasks.create({ indexUid: 'movies', type: 'indexCreation' });
      expect(await raw.type(keys.row('sessions', 's1'))).toBe('hash');
      expect(await raw.zrange(keys.tableIndex('sessions'), '0', '-1')).toEqual(['s1']);
      const ttl = await raw.pttl(keys.row('sessions', 's1'));
      expect(ttl).toBeGreaterThan(60_000);
      expect(ttl).toBeLessThanOrEqual(120_000);
      expect(await raw.hget(keys.task(task.uid), 'status')).toBe('enqueued');
      expect(await raw.zscore(keys.tasksByStatus('enqueued'), String(task.uid))).toBe(String(task.uid));
      await store.tasks.update(task.uid, { status: 'succeeded' });
      expect(await raw.zscore(keys.tasksByStatus('enqueued'), String(task.uid))).toBeNull();
      // Listing with filters leaves no temporary keys behind.
      await store.tasks.list({ statuses: ['succeeded'], afterEnqueuedAt: 0 });
      expect(await raw.keys(`${keyPrefix}tmp:*`)).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('fails with backend_unavailable when Redis cannot be reached', async () => {
    await expect(
      createRedisTaskStore({
        url: 'redis://127.0.0.1:1',
        redis: { retryStrategy: () => null, maxRetriesPerRequest: 0 },
      }),
    ).rejects.toMatchObject({ kind: 'backend_unavailable' });
  });
});
