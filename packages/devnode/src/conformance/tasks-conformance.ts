import { describe, expect, it } from 'vitest';
import { type ConformanceClient, uniqueUid } from './conformance-client.js';
import { expectMeiliError, ISO_DURATION, RFC3339 } from './expect-meili-error.js';

/**
 * Tasks and batches: full task shape, filters, paging, cancel, delete and their errors.
 *
 * @example
 * ```ts
 * describeTasksConformance(client);
 * ```
 */
export function describeTasksConformance(client: ConformanceClient): void {
  describe('tasks', () => {
    it('GET /tasks/{uid} returns the full task shape', async () => {
      const uid = uniqueUid('tasks');
      const task = await client.write('POST', '/indexes', { body: { uid, primaryKey: 'id' } });
      expect(Object.keys(task).sort()).toEqual(
        [
          'batchUid',
          'canceledBy',
          'details',
          'duration',
          'enqueuedAt',
          'error',
          'finishedAt',
          'indexUid',
          'startedAt',
          'status',
          'type',
          'uid',
        ].sort(),
      );
      expect(task).toMatchObject({
        indexUid: uid,
        status: 'succeeded',
        type: 'indexCreation',
        canceledBy: null,
        error: null,
      });
      expect(typeof task.batchUid).toBe('number');
      expect(task.duration).toMatch(ISO_DURATION);
      for (const field of ['enqueuedAt', 'startedAt', 'finishedAt']) expect(task[field]).toMatch(RFC3339);
      await client.write('DELETE', `/indexes/${uid}`);
    });

    it('GET /tasks filters and pages with {results,total,limit,from,next}', async () => {
      const uid = uniqueUid('tasklist');
      const a = await client.write('POST', '/indexes', { body: { uid } });
      const b = await client.write('POST', `/indexes/${uid}/documents`, { body: [{ id: 1 }] });
      const c = await client.write('POST', `/indexes/${uid}/documents`, { body: [{ id: 2 }] });
      const page = await client.request('GET', '/tasks', { query: { indexUids: uid, limit: '2' } });
      expect(page.status).toBe(200);
      expect(page.body.results.map((t: { uid: number }) => t.uid)).toEqual([c.uid, b.uid]);
      expect(page.body).toMatchObject({ total: 3, limit: 2, from: c.uid, next: a.uid });
      const rest = await client.request('GET', '/tasks', {
        query: { indexUids: uid, limit: '2', from: String(a.uid) },
      });
      expect(rest.body.results.map((t: { uid: number }) => t.uid)).toEqual([a.uid]);
      expect(rest.body.next).toBeNull();
      const reversed = await client.request('GET', '/tasks', { query: { indexUids: uid, reverse: 'true' } });
      expect(reversed.body.results.map((t: { uid: number }) => t.uid)).toEqual([a.uid, b.uid, c.uid]);
      const typed = await client.request('GET', '/tasks', {
        query: { indexUids: uid, types: 'documentAdditionOrUpdate', statuses: 'succeeded' },
      });
      expect(typed.body.total).toBe(2);
      const byUid = await client.request('GET', '/tasks', { query: { uids: `${a.uid},${c.uid}` } });
      expect(byUid.body.results.map((t: { uid: number }) => t.uid)).toEqual([c.uid, a.uid]);
      const after = await client.request('GET', '/tasks', {
        query: { indexUids: uid, afterEnqueuedAt: b.enqueuedAt },
      });
      expect(after.body.results.map((t: { uid: number }) => t.uid)).toEqual([c.uid]);
      await client.write('DELETE', `/indexes/${uid}`);
    });

    it('task errors: not found, invalid filters, missing filters', async () => {
      expectMeiliError(await client.request('GET', '/tasks/999999999'), 404, 'task_not_found');
      expectMeiliError(
        await client.request('GET', '/tasks', { query: { statuses: 'nope' } }),
        400,
        'invalid_task_statuses',
      );
      expectMeiliError(
        await client.request('GET', '/tasks', { query: { types: 'nope' } }),
        400,
        'invalid_task_types',
      );
      expectMeiliError(
        await client.request('GET', '/tasks', { query: { uids: 'x' } }),
        400,
        'invalid_task_uids',
      );
      expectMeiliError(
        await client.request('GET', '/tasks', { query: { afterEnqueuedAt: 'yesterday' } }),
        400,
        'invalid_task_after_enqueued_at',
      );
      expectMeiliError(await client.request('POST', '/tasks/cancel'), 400, 'missing_task_filters');
      expectMeiliError(await client.request('DELETE', '/tasks'), 400, 'missing_task_filters');
    });

    it('POST /tasks/cancel and DELETE /tasks answer 200 with a summarized task', async () => {
      const uid = uniqueUid('cancel');
      const created = await client.write('POST', '/indexes', { body: { uid } });
      const cancel = await client.request('POST', '/tasks/cancel', { query: { uids: String(created.uid) } });
      expect(cancel.status).toBe(200);
      expect(cancel.body).toMatchObject({ indexUid: null, status: 'enqueued', type: 'taskCancelation' });
      const cancelTask = await client.waitTask(cancel.body.taskUid);
      expect(cancelTask.details).toMatchObject({
        matchedTasks: 1,
        canceledTasks: 0,
        originalFilter: `?uids=${created.uid}`,
      });
      const del = await client.request('DELETE', '/tasks', { query: { uids: String(created.uid) } });
      expect(del.status).toBe(200);
      expect(del.body.type).toBe('taskDeletion');
      const delTask = await client.waitTask(del.body.taskUid);
      expect(delTask.details).toMatchObject({ matchedTasks: 1, deletedTasks: 1 });
      expectMeiliError(await client.request('GET', `/tasks/${created.uid}`), 404, 'task_not_found');
      await client.write('DELETE', `/indexes/${uid}`);
    });

    it('GET /batches and /batches/{uid}', async () => {
      const uid = uniqueUid('batches');
      const task = await client.write('POST', '/indexes', { body: { uid } });
      const batch = await client.request('GET', `/batches/${task.batchUid}`);
      expect(batch.status).toBe(200);
      expect(batch.body.uid).toBe(task.batchUid);
      expect(batch.body.stats.totalNbTasks).toBeGreaterThanOrEqual(1);
      expect(batch.body.stats.types.indexCreation).toBeGreaterThanOrEqual(1);
      const list = await client.request('GET', '/batches', { query: { limit: '1' } });
      expect(list.body).toMatchObject({ limit: 1 });
      expect(list.body.results).toHaveLength(1);
      expect(typeof list.body.total).toBe('number');
      expectMeiliError(await client.request('GET', '/batches/999999999'), 404, 'batch_not_found');
      await client.write('DELETE', `/indexes/${uid}`);
    });
  });
}
