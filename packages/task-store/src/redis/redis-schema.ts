import type { Redis } from 'ioredis';
import { TaskStoreError } from '../task-store-error.js';
import type { RedisKeys } from './redis-keys.js';

/** Version of the Redis key layout this build writes. */
export const REDIS_SCHEMA_VERSION = 1;

/**
 * Checks the server is Redis 6.2+, records the layout version on first use and refuses a keyspace
 * written by a newer Miroir.
 */
export async function checkRedisSchema(redis: Redis, keys: RedisKeys): Promise<void> {
  // Task lists use ZRANGESTORE (Redis 6.2+); refuse older servers instead of answering wrongly.
  const version = /redis_version:(\d+)\.(\d+)/.exec(await redis.info('server'));
  if (version !== null && Number(version[1]) * 100 + Number(version[2]) < 602) {
    throw new TaskStoreError(
      'backend_unavailable',
      `Redis ${version[1]}.${version[2]} is too old: the task store needs Redis 6.2 or newer`,
      'url',
    );
  }
  await redis.set(keys.schemaVersion, String(REDIS_SCHEMA_VERSION), 'NX');
  const stored = Number(await redis.get(keys.schemaVersion));
  if (!Number.isInteger(stored) || stored > REDIS_SCHEMA_VERSION) {
    throw new TaskStoreError(
      'schema_too_new',
      `the Redis keyspace \`${keys.prefix}\` has schema version ${String(stored)}, newer than the ${REDIS_SCHEMA_VERSION} this build knows; upgrade Miroir or use another key prefix`,
      'schema_version',
    );
  }
}
