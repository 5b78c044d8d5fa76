import { describe, expect, it } from 'vitest';
import type { ConformanceClient } from './conformance-client.js';
import { expectMeiliError } from './expect-meili-error.js';

/**
 * Health, version, global stats, dumps and generic request errors.
 *
 * @example
 * ```ts
 * describeMiscConformance(client);
 * ```
 */
export function describeMiscConformance(client: ConformanceClient): void {
  describe('misc', () => {
    it('GET /version and /stats', async () => {
      const version = await client.request('GET', '/version');
      expect(version.status).toBe(200);
      expect(Object.keys(version.body).sort()).toEqual(['commitDate', 'commitSha', 'pkgVersion']);
      expect(version.body.pkgVersion).toMatch(/^1\.\d+\.\d+/);
      const stats = await client.request('GET', '/stats');
      expect(stats.status).toBe(200);
      expect(typeof stats.body.databaseSize).toBe('number');
      expect(stats.body).toHaveProperty('lastUpdate');
      expect(typeof stats.body.indexes).toBe('object');
    });

    it('POST /dumps enqueues a dumpCreation task that succeeds with a dumpUid', async () => {
      const res = await client.request('POST', '/dumps');
      expect(res.status).toBe(202);
      expect(res.body).toMatchObject({ indexUid: null, type: 'dumpCreation', status: 'enqueued' });
      const task = await client.waitTask(res.body.taskUid, 30_000);
      expect(task.status).toBe('succeeded');
      expect(typeof task.details.dumpUid).toBe('string');
    });

    it('JSON routes check the content type and the payload', async () => {
      expectMeiliError(
        await client.request('POST', '/indexes', { raw: '{"uid":"a"}', contentType: null }),
        415,
        'missing_content_type',
      );
      expectMeiliError(
        await client.request('POST', '/indexes', { raw: '{"uid":"a"}', contentType: 'text/plain' }),
        415,
        'invalid_content_type',
      );
      expectMeiliError(
        await client.request('POST', '/indexes', { raw: '{"uid":', contentType: 'application/json' }),
        400,
        'malformed_payload',
      );
      expectMeiliError(
        await client.request('POST', '/indexes', { raw: '', contentType: 'application/json' }),
        400,
        'missing_payload',
      );
    });
  });
}
