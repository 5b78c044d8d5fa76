import { meiliError } from '@miroir/errors';
import { describe, expect, it } from 'vitest';
import { formatDuration } from './format-duration.js';
import { matchesTaskFilter, parseTaskFilter } from './task-filter.js';
import { runAtOnce, TaskQueue } from './task-queue.js';
import type { TaskRecord } from './task-types.js';

function enqueueMany(queue: TaskQueue, n: number, indexUid = 'movies') {
  for (let i = 0; i < n; i++) {
    queue.enqueue({
      indexUid,
      type: 'indexCreation',
      details: { primaryKey: null },
      op: { kind: 'indexCreation', primaryKey: null },
    });
  }
}

/** Spin for `ms` milliseconds (a step of work that takes real time). */
function busyFor(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

/** Let the event loop turn once (the worker runs from `setImmediate`). */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** The statuses of task `uid` seen at each turn of the event loop until the queue is idle. */
async function statusesUntilIdle(queue: TaskQueue, uid: number): Promise<string[]> {
  let idle = false;
  void queue.whenIdle().then(() => {
    idle = true;
  });
  const seen: string[] = [];
  while (!idle) {
    seen.push(queue.get(uid).status);
    await nextTurn();
  }
  seen.push(queue.get(uid).status);
  return seen;
}

describe('TaskQueue', () => {
  it('assigns sequential uids and processes in order with one batch per task', async () => {
    const seen: number[] = [];
    const queue = new TaskQueue((task) =>
      runAtOnce(() => {
        seen.push(task.uid);
        return { ok: true };
      }),
    );
    enqueueMany(queue, 3);
    await queue.whenIdle();
    expect(seen).toEqual([0, 1, 2]);
    expect(queue.all().map((t) => [t.uid, t.batchUid, t.status])).toEqual([
      [0, 0, 'succeeded'],
      [1, 1, 'succeeded'],
      [2, 2, 'succeeded'],
    ]);
  });

  it('turns a thrown MeiliError into a failed task with counters zeroed', async () => {
    const queue = new TaskQueue(() =>
      runAtOnce(() => {
        throw meiliError('index_not_found', 'Index `x` not found.');
      }),
    );
    queue.enqueue({
      indexUid: 'x',
      type: 'documentDeletion',
      details: { providedIds: 1, deletedDocuments: null },
      op: { kind: 'documentDeletion', ids: [1] },
    });
    await queue.whenIdle();
    const task = queue.get(0);
    expect(task).toMatchObject({ status: 'failed', details: { providedIds: 1, deletedDocuments: 0 } });
    expect(task.error).toMatchObject({ code: 'index_not_found', type: 'invalid_request' });
  });

  it('runs pending cancelations before older tasks', async () => {
    const seen: string[] = [];
    const queue = new TaskQueue((task) =>
      runAtOnce(() => {
        seen.push(task.type);
        return null;
      }),
    );
    queue.isRunning = false;
    enqueueMany(queue, 1);
    queue.enqueue({
      indexUid: null,
      type: 'taskCancelation',
      details: {},
      op: { kind: 'taskCancelation', query: 'uids=0' },
    });
    queue.isRunning = true;
    queue.schedule();
    await queue.whenIdle();
    expect(seen).toEqual(['taskCancelation', 'indexCreation']);
  });

  it('processes a long task in slices: it shows as processing in between and idles only once it ends', async () => {
    let steps = 0;
    const queue = new TaskQueue(function* () {
      for (let i = 0; i < 6; i++) {
        busyFor(6); // Two steps overrun a slice, so the run spans at least three.
        steps++;
        yield;
      }
      return { steps };
    });
    enqueueMany(queue, 2);
    const seen = await statusesUntilIdle(queue, 0);
    expect(seen).toContain('processing');
    expect(seen[seen.length - 1]).toBe('succeeded');
    expect(queue.get(0).details).toEqual({ steps: 6 });
    // The second task waited for the first: one task at a time, in uid order.
    expect(queue.get(1)).toMatchObject({ status: 'succeeded', batchUid: 1, details: { steps: 12 } });
  });

  it('a cancelation enqueued while a task is processing runs between slices and stops that task', async () => {
    let steps = 0;
    let closed = false;
    const queue: TaskQueue = new TaskQueue((task) => {
      if (task.type === 'taskCancelation') {
        return runAtOnce(() => {
          const victim = queue.get(0);
          victim.status = 'canceled';
          victim.canceledBy = task.uid;
          queue.finish(victim);
          return { canceledTasks: 1 };
        });
      }
      return (function* () {
        try {
          for (let i = 0; i < 50; i++) {
            busyFor(6);
            steps++;
            yield;
          }
          return { steps };
        } finally {
          closed = true;
        }
      })();
    });
    enqueueMany(queue, 2);
    while (queue.get(0).status !== 'processing') await nextTurn();
    queue.enqueue({
      indexUid: null,
      type: 'taskCancelation',
      details: {},
      op: { kind: 'taskCancelation', query: 'uids=0' },
    });
    while (queue.get(0).status === 'processing') await nextTurn();
    expect(queue.get(0)).toMatchObject({ status: 'canceled', canceledBy: 2, details: { primaryKey: null } });
    expect(closed).toBe(true);
    expect(steps).toBeLessThan(50);
    // The queue goes on with the next task, which runs whole.
    await queue.whenIdle();
    expect(queue.get(1).status).toBe('succeeded');
    expect(queue.get(2)).toMatchObject({ status: 'succeeded', details: { canceledTasks: 1 } });
  });

  it.each([
    ['limit=2', [4, 3], 5, 2],
    ['limit=2&from=2', [2, 1], 5, 0],
    ['limit=2&reverse=true', [0, 1], 5, 2],
    ['uids=1,3&limit=1', [3], 2, 1],
    ['indexUids=other', [], 0, null],
  ])('list(%s)', (query, uids, total, next) => {
    const queue = new TaskQueue(() => runAtOnce(() => null));
    queue.isRunning = false;
    enqueueMany(queue, 5);
    const page = queue.list(parseTaskFilter(new URLSearchParams(query), 'task', true));
    expect(page.results.map((t) => t.uid)).toEqual(uids);
    expect(page.total).toBe(total);
    expect(page.next).toBe(next);
    expect(page.from).toBe(uids[0] ?? null);
  });
});

describe('parseTaskFilter / matchesTaskFilter', () => {
  const task: TaskRecord = {
    uid: 7,
    batchUid: 3,
    indexUid: 'movies',
    status: 'succeeded',
    type: 'settingsUpdate',
    canceledBy: null,
    details: null,
    error: null,
    duration: 'PT0.001S',
    enqueuedAt: '2026-01-02T00:00:00.000Z',
    startedAt: '2026-01-02T00:00:01.000Z',
    finishedAt: '2026-01-02T00:00:02.000Z',
    op: { kind: 'indexDeletion' },
  };

  it.each([
    ['statuses=succeeded,failed', true],
    ['statuses=failed', false],
    ['types=settingsUpdate&indexUids=movies', true],
    ['indexUids=*', true],
    ['batchUids=3', true],
    ['canceledBy=1', false],
    ['afterEnqueuedAt=2026-01-01', true],
    ['beforeFinishedAt=2026-01-02T00:00:01Z', false],
  ])('%s → %s', (query, expected) => {
    expect(matchesTaskFilter(task, parseTaskFilter(new URLSearchParams(query), 'task', true))).toBe(expected);
  });

  it.each([
    ['uids=a', 'invalid_task_uids'],
    ['statuses=done', 'invalid_task_statuses'],
    ['types=x', 'invalid_task_types'],
    ['beforeStartedAt=soon', 'invalid_task_before_started_at'],
    ['limit=-1', 'invalid_task_limit'],
    ['reverse=yes', 'invalid_task_reverse'],
    ['foo=1', 'bad_request'],
  ])('%s → %s', (query, code) => {
    expect(() => parseTaskFilter(new URLSearchParams(query), 'task', true)).toThrow(
      expect.objectContaining({ code }),
    );
  });

  it('matches swap tasks by the indexes they swap', () => {
    const swap: TaskRecord = {
      ...task,
      indexUid: null,
      type: 'indexSwap',
      op: { kind: 'indexSwap', swaps: [{ indexes: ['a', 'b'], rename: false }] },
    };
    expect(matchesTaskFilter(swap, parseTaskFilter(new URLSearchParams('indexUids=b'), 'task', true))).toBe(
      true,
    );
    expect(matchesTaskFilter(swap, parseTaskFilter(new URLSearchParams('indexUids=c'), 'task', true))).toBe(
      false,
    );
  });

  it('uses batch codes for /batches and rejects paging for cancel/delete', () => {
    expect(() => parseTaskFilter(new URLSearchParams('uids=a'), 'batch', true)).toThrow(
      expect.objectContaining({ code: 'invalid_batch_uids' }),
    );
    expect(() => parseTaskFilter(new URLSearchParams('limit=1'), 'task', false)).toThrow(
      expect.objectContaining({ code: 'bad_request' }),
    );
  });

  it('formats ISO-8601 durations', () => {
    expect(formatDuration(12)).toBe('PT0.012S');
    expect(formatDuration(1500)).toBe('PT1.5S');
  });
});
