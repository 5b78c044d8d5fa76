export type { TestRedis } from './start-redis-for-tests.js';
export { startRedisForTests } from './start-redis-for-tests.js';
