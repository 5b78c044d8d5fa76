import { beforeAll, describe, expect, it } from 'vitest';
import { type ConformanceClient, uniqueUid } from './conformance-client.js';
import { expectMeiliError, RFC3339 } from './expect-meili-error.js';

/**
 * Index routes: create / get / list / update / delete / stats / swap, and their errors.
 *
 * @example
 * ```ts
 * describeIndexesConformance(client);
 * ```
 */
export function describeIndexesConformance(client: ConformanceClient): void {
  describe('indexes', () => {
    const uid = uniqueUid('idx');
    beforeAll(async () => {
      const task = await client.write('POST', '/indexes', { body: { uid, primaryKey: 'id' } });
      expect(task.status).toBe('succeeded');
    });

    it('POST /indexes returns a summarized indexCreation task (202)', async () => {
      const other = uniqueUid('idx2');
      const res = await client.request('POST', '/indexes', { body: { uid: other } });
      expect(res.status).toBe(202);
      expect(Object.keys(res.body).sort()).toEqual(['enqueuedAt', 'indexUid', 'status', 'taskUid', 'type']);
      expect(res.body).toMatchObject({ indexUid: other, status: 'enqueued', type: 'indexCreation' });
      expect(res.body.enqueuedAt).toMatch(RFC3339);
      const task = await client.waitTask(res.body.taskUid);
      expect(task).toMatchObject({ status: 'succeeded', details: { primaryKey: null }, error: null });
      await client.write('DELETE', `/indexes/${other}`);
    });

    it('GET /indexes/{uid} returns the index view', async () => {
      const res = await client.request('GET', `/indexes/${uid}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ uid, primaryKey: 'id' });
      expect(res.body.createdAt).toMatch(RFC3339);
      expect(res.body.updatedAt).toMatch(RFC3339);
    });

    it('GET /indexes lists with offset/limit/total', async () => {
      const res = await client.request('GET', '/indexes', { query: { limit: '1000' } });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ offset: 0, limit: 1000 });
      expect(res.body.results.some((i: { uid: string }) => i.uid === uid)).toBe(true);
      expect(res.body.total).toBeGreaterThanOrEqual(1);
      const page = await client.request('GET', '/indexes', { query: { limit: '1', offset: '0' } });
      expect(page.body.results).toHaveLength(1);
    });

    it('index errors: not found, bad uid, already exists, missing uid, bad offset', async () => {
      expectMeiliError(
        await client.request('GET', `/indexes/${uniqueUid('missing')}`),
        404,
        'index_not_found',
      );
      expectMeiliError(await client.request('GET', '/indexes/bad%20uid!'), 400, 'invalid_index_uid');
      expectMeiliError(
        await client.request('POST', '/indexes', { body: { uid: 'bad uid!' } }),
        400,
        'invalid_index_uid',
      );
      expectMeiliError(
        await client.request('POST', '/indexes', { body: { primaryKey: 'id' } }),
        400,
        'missing_index_uid',
      );
      expectMeiliError(
        await client.request('GET', '/indexes', { query: { offset: 'x' } }),
        400,
        'invalid_index_offset',
      );
      expectMeiliError(
        await client.request('GET', '/indexes', { query: { limit: '-1' } }),
        400,
        'invalid_index_limit',
      );
      const dup = await client.write('POST', '/indexes', { body: { uid } });
      expect(dup.status).toBe('failed');
      expect(dup.error.code).toBe('index_already_exists');
      expect(dup.error.type).toBe('invalid_request');
    });

    it('PATCH /indexes/{uid} sets the primary key; changing it with documents fails in the task', async () => {
      const other = uniqueUid('pk');
      await client.write('POST', '/indexes', { body: { uid: other } });
      const set = await client.write('PATCH', `/indexes/${other}`, { body: { primaryKey: 'sku' } });
      expect(set).toMatchObject({ status: 'succeeded', type: 'indexUpdate' });
      expect((await client.request('GET', `/indexes/${other}`)).body.primaryKey).toBe('sku');
      await client.write('POST', `/indexes/${other}/documents`, { body: [{ sku: 'a' }] });
      const change = await client.write('PATCH', `/indexes/${other}`, { body: { primaryKey: 'other' } });
      expect(change.status).toBe('failed');
      expect(change.error.code).toBe('index_primary_key_already_exists');
      await client.write('DELETE', `/indexes/${other}`);
    });

    it('DELETE /indexes/{uid} deletes; a missing index fails in the task', async () => {
      const other = uniqueUid('del');
      await client.write('POST', '/indexes', { body: { uid: other } });
      const task = await client.write('DELETE', `/indexes/${other}`);
      expect(task).toMatchObject({ status: 'succeeded', type: 'indexDeletion' });
      expectMeiliError(await client.request('GET', `/indexes/${other}`), 404, 'index_not_found');
      const again = await client.write('DELETE', `/indexes/${other}`);
      expect(again.status).toBe('failed');
      expect(again.error.code).toBe('index_not_found');
    });

    it('GET /indexes/{uid}/stats has the stats shape', async () => {
      const res = await client.request('GET', `/indexes/${uid}/stats`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ numberOfDocuments: 0, isIndexing: false, fieldDistribution: {} });
      expect(typeof res.body.rawDocumentDbSize).toBe('number');
      expect(typeof res.body.avgDocumentSize).toBe('number');
    });

    it('POST /swap-indexes swaps contents', async () => {
      const a = uniqueUid('swa');
      const b = uniqueUid('swb');
      await client.write('POST', `/indexes/${a}/documents`, { body: [{ id: 1, side: 'a' }] });
      await client.write('POST', `/indexes/${b}/documents`, { body: [{ id: 1, side: 'b' }] });
      const task = await client.write('POST', '/swap-indexes', { body: [{ indexes: [a, b] }] });
      expect(task).toMatchObject({ status: 'succeeded', type: 'indexSwap', indexUid: null });
      expect(task.details.swaps[0].indexes).toEqual([a, b]);
      expect((await client.request('GET', `/indexes/${a}/documents/1`)).body.side).toBe('b');
      expect((await client.request('GET', `/indexes/${b}/documents/1`)).body.side).toBe('a');
      expectMeiliError(
        await client.request('POST', '/swap-indexes', { body: [{ indexes: [a] }] }),
        400,
        'invalid_swap_indexes',
      );
      expectMeiliError(
        await client.request('POST', '/swap-indexes', { body: [{}] }),
        400,
        'missing_swap_indexes',
      );
      expectMeiliError(
        await client.request('POST', '/swap-indexes', { body: [{ indexes: [a, b] }, { indexes: [a, uid] }] }),
        400,
        'invalid_swap_duplicate_index_found',
      );
      const missing = await client.write('POST', '/swap-indexes', {
        body: [{ indexes: [a, uniqueUid('nope')] }],
      });
      expect(missing.status).toBe('failed');
      expect(missing.error.code).toBe('index_not_found');
      await client.write('DELETE', `/indexes/${a}`);
      await client.write('DELETE', `/indexes/${b}`);
    });
  });
}
