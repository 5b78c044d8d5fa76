import { describe, expect, it } from 'vitest';
import { startRedisForTests } from './start-redis-for-tests.js';

describe('startRedisForTests', () => {
  it('uses REDIS_URL as given and does not spawn anything', async () => {
    const redis = await startRedisForTests({ REDIS_URL: 'redis://example.invalid:6380' });
    expect(redis).toMatchObject({ url: 'redis://example.invalid:6380', source: 'env' });
    await redis.stop();
  });

  it('fails loudly with an actionable message when no Redis, Docker or redis-server exists', async () => {
    await expect(
      startRedisForTests({ PATH: '/nonexistent', DOCKER_HOST: 'unix:///nonexistent/docker.sock' }),
    ).rejects.toThrow(/REDIS_URL.*Docker.*apt-get install -y redis-server/s);
  });
});
