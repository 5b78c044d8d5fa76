export type { RedisTaskStoreOptions } from './create-redis-task-store.js';
export { createRedisTaskStore } from './create-redis-task-store.js';
export type { RedisKeys } from './redis-keys.js';
export { createRedisKeys, DEFAULT_KEY_PREFIX } from './redis-keys.js';
export { REDIS_SCHEMA_VERSION } from './redis-schema.js';
