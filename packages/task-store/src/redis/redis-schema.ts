import type { Redis } from 'ioredis';
import { TaskStoreError } from '../task-store-error.js';
import type { RedisKeys } from './redis-keys.js';

/** Version of the Redis key layout this build writes. */
export const REDIS_SCHEMA_VERSION = 1;

/**
 * Records the layout version on first use and refuses a keyspace written by a newer Miroir.
 */
export async function checkRedisSchema(redis: Redis, keys: RedisKeys): Promise<void> {
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
