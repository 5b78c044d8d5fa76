import { Redis, type RedisOptions } from 'ioredis';
import type { StoreOptions } from '../store-options.js';
import { resolveStoreOptions } from '../store-options.js';
import { createRecordTables } from '../tables/create-record-tables.js';
import type { TaskStore } from '../task-store.js';
import { TaskStoreError } from '../task-store-error.js';
import { createRedisKeys, DEFAULT_KEY_PREFIX } from './redis-keys.js';
import { createRedisRecordBackend } from './redis-record-backend.js';
import { checkRedisSchema } from './redis-schema.js';
import { createScriptRunner } from './redis-scripts.js';
import { createRedisTaskTable } from './redis-task-table.js';

/** Options for the shared Redis store. */
export interface RedisTaskStoreOptions extends StoreOptions {
  /** `redis://[:password@]host:port[/db]`. */
  url: string;
  /** Prefix of every key (default `miroir:`); lets several deployments share one Redis. */
  keyPrefix?: string;
  /** Extra ioredis options (TLS, timeouts, …). */
  redis?: RedisOptions;
}

/**
 * Connects to Redis and opens a task store shared by every proxy pod. Throws `TaskStoreError`
 * kind `backend_unavailable` when Redis cannot be reached and `schema_too_new` for a keyspace
 * written by a newer Miroir.
 *
 * @example
 * const store = await createRedisTaskStore({ url: 'redis://127.0.0.1:6379', keyPrefix: 'miroir:' });
 * const lease = await store.leases.acquire('rebalance', 'pod-a', 10_000);
 * await store.close();
 */
export async function createRedisTaskStore(options: RedisTaskStoreOptions): Promise<TaskStore> {
  const resolved = resolveStoreOptions(options);
  const redis = new Redis(options.url, { lazyConnect: true, maxRetriesPerRequest: 3, ...options.redis });
  redis.on('error', () => {
    // Errors surface on the failing command; keep the default handler from crashing the process.
  });
  try {
    await redis.connect();
  } catch (cause) {
    redis.disconnect();
    throw new TaskStoreError(
      'backend_unavailable',
      `cannot connect to Redis at ${redactUrl(options.url)}: ${String(cause)}`,
      'url',
      { cause },
    );
  }
  const keys = createRedisKeys(options.keyPrefix ?? DEFAULT_KEY_PREFIX);
  try {
    await checkRedisSchema(redis, keys);
  } catch (error) {
    redis.disconnect();
    throw error;
  }
  const run = createScriptRunner(redis);
  const backend = createRedisRecordBackend(redis, keys, run);
  return {
    tasks: createRedisTaskTable(redis, keys, run, resolved),
    ...createRecordTables(backend, resolved),
    async close() {
      await backend.close();
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

function redactUrl(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}
