import fc from 'fast-check';
import { expect } from 'vitest';
import { TaskStoreError } from '../task-store-error.js';
import type { TaskFilter, TaskStatus, TaskType, TaskView } from '../task-types.js';
import { TASK_STATUSES } from '../task-types.js';
import { type CreateContractStore, createFakeClock, propertyParams } from './contract-harness.js';
import { listTasksModel } from './task-model.js';

const TYPES: TaskType[] = ['documentAdditionOrUpdate', 'settingsUpdate', 'indexCreation', 'documentDeletion'];
const INDEXES = ['movies', 'books', 'songs'];

type Op = { index: string | null; type: TaskType; steps: TaskStatus[]; gap: number };

const opArb: fc.Arbitrary<Op> = fc.record({
  index: fc.option(fc.constantFrom(...INDEXES), { freq: 6 }),
  type: fc.constantFrom(...TYPES),
  steps: fc.subarray(['processing', 'succeeded', 'failed', 'canceled'] as TaskStatus[], { maxLength: 2 }),
  gap: fc.integer({ min: 0, max: 5 }),
});

function filterArb(views: TaskView[]): fc.Arbitrary<TaskFilter> {
  const uids = views.map((v) => v.uid);
  const dates = views
    .flatMap((v) => [v.enqueuedAt, v.startedAt, v.finishedAt])
    .filter((d): d is string => d !== null);
  const date = dates.length > 0 ? fc.constantFrom(...dates) : fc.constant('2026-01-01T00:00:00.000Z');
  // Each criterion is absent most of the time so combined filters still match something.
  const maybe = <T>(a: fc.Arbitrary<T>) =>
    fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: a, weight: 1 });
  return fc
    .record({
      uids: maybe(fc.subarray([...uids, 999_999])),
      statuses: maybe(fc.subarray([...TASK_STATUSES] as string[], { minLength: 1 })),
      types: maybe(fc.subarray(TYPES as string[], { minLength: 1 })),
      indexUids: maybe(fc.subarray([...INDEXES, '*'], { minLength: 1 })),
      afterEnqueuedAt: maybe(date),
      beforeStartedAt: maybe(date),
      afterFinishedAt: maybe(date),
      beforeFinishedAt: maybe(date),
      from: maybe(uids.length > 0 ? fc.constantFrom(...uids, uids.length + 5) : fc.constant(0)),
      limit: maybe(fc.integer({ min: 1, max: 7 })),
      reverse: maybe(fc.boolean()),
    })
    .map((f) => Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)) as TaskFilter);
}

/** Tasks: lifecycle, validation, and `GET /tasks` semantics against an in-memory model. */
export function defineTaskContract(
  create: CreateContractStore,
  test: (name: string, fn: () => Promise<void>) => void,
): void {
  test('tasks: lifecycle stamps dates, duration and node tasks; uids are monotonic', async () => {
    const clock = createFakeClock();
    const { store } = await create({ now: clock.now });
    try {
      const a = await store.tasks.create({
        indexUid: 'movies',
        type: 'documentAdditionOrUpdate',
        nodeTasks: { n1: 4 },
      });
      const b = await store.tasks.create({ indexUid: null, type: 'dumpCreation' });
      expect(b.uid).toBeGreaterThan(a.uid);
      expect(a).toMatchObject({
        status: 'enqueued',
        startedAt: null,
        finishedAt: null,
        duration: null,
        canceledBy: null,
        error: null,
      });
      clock.advance(1000);
      await store.tasks.update(a.uid, { status: 'processing', nodeTasks: { n2: 9 } });
      clock.advance(12);
      const done = await store.tasks.update(a.uid, {
        status: 'succeeded',
        details: { receivedDocuments: 3, indexedDocuments: 3 },
      });
      expect(done.nodeTasks).toEqual({ n1: 4, n2: 9 });
      expect(done.startedAt).toBe(new Date(Date.UTC(2026, 0, 1) + 1000).toISOString());
      expect(done.duration).toBe('PT0.012S');
      expect(await store.tasks.get(a.uid)).toEqual(done);
      expect(await store.tasks.get(123_456)).toBeUndefined();
    } finally {
      await store.close();
    }
  });

  test('tasks: bad input is rejected with a typed error and leaves the store unchanged', async () => {
    const { store } = await create();
    try {
      const t = await store.tasks.create({ indexUid: 'movies', type: 'indexCreation' });
      await expect(store.tasks.update(t.uid, { status: 'exploded' as TaskStatus })).rejects.toMatchObject({
        kind: 'invalid_input',
        field: 'status',
      });
      await expect(store.tasks.update(t.uid + 100, { status: 'failed' })).rejects.toMatchObject({
        kind: 'not_found',
      });
      await expect(
        store.tasks.create({ indexUid: 'bad index!', type: 'indexCreation' }),
      ).rejects.toBeInstanceOf(TaskStoreError);
      await expect(store.tasks.create({ indexUid: 'm', type: 'nope' as TaskType })).rejects.toMatchObject({
        kind: 'invalid_input',
        field: 'type',
      });
      await expect(store.tasks.list({ statuses: ['exploded'] })).rejects.toMatchObject({
        kind: 'invalid_filter',
        field: 'statuses',
      });
      await expect(store.tasks.list({ types: ['x'] })).rejects.toMatchObject({
        kind: 'invalid_filter',
        field: 'types',
      });
      await expect(store.tasks.list({ afterEnqueuedAt: 'yesterday' })).rejects.toMatchObject({
        field: 'afterEnqueuedAt',
      });
      await expect(store.tasks.list({ limit: -1 })).rejects.toMatchObject({ field: 'limit' });
      expect(await store.tasks.get(t.uid)).toEqual(t);
      expect(await store.tasks.count()).toBe(1);
    } finally {
      await store.close();
    }
  });

  test('tasks: list, filters and from/next paging equal the in-memory model', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 0, maxLength: 30 }), fc.context(), async (ops, ctx) => {
        const clock = createFakeClock();
        const { store } = await create({ now: clock.now });
        try {
          for (const op of ops) {
            clock.advance(op.gap);
            const t = await store.tasks.create({ indexUid: op.index, type: op.type });
            for (const status of op.steps) {
              clock.advance(op.gap + 1);
              await store.tasks.update(t.uid, { status });
            }
          }
          const all = (await Promise.all(
            (await store.tasks.list({ limit: 1000 })).results.map((r) => store.tasks.get(r.uid)),
          )) as TaskView[];
          expect(all).toHaveLength(ops.length);
          const filters = fc.sample(filterArb(all), { numRuns: 12, seed: ops.length });
          for (const filter of filters) {
            ctx.log(JSON.stringify(filter));
            expect(await store.tasks.list(filter)).toEqual(listTasksModel(all, filter));
            expect(await store.tasks.count(filter)).toBe(listTasksModel(all, filter).total);
            // Following `next` visits every matching task exactly once.
            const { from: _from, ...rest } = filter;
            const seen: number[] = [];
            let page = await store.tasks.list(rest);
            seen.push(...page.results.map((r) => r.uid));
            while (page.next !== null) {
              page = await store.tasks.list({ ...rest, from: page.next });
              seen.push(...page.results.map((r) => r.uid));
            }
            expect(seen).toEqual(listTasksModel(all, { ...rest, limit: 10_000 }).results.map((r) => r.uid));
          }
        } finally {
          await store.close();
        }
      }),
      propertyParams(12),
    );
  });

  test('tasks: concurrent updates from two connections lose nothing', async () => {
    const { store, reopen } = await create();
    const other = await reopen();
    try {
      const task = await store.tasks.create({ indexUid: 'movies', type: 'documentAdditionOrUpdate' });
      await Promise.all(
        Array.from({ length: 16 }, (_, i) =>
          (i % 2 ? store : other).tasks.update(task.uid, { nodeTasks: { [`node-${i}`]: i } }),
        ),
      );
      const created = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          (i % 2 ? store : other).tasks.create({ indexUid: 'movies', type: 'indexCreation' }),
        ),
      );
      expect(Object.keys((await other.tasks.get(task.uid))?.nodeTasks ?? {})).toHaveLength(16);
      expect(new Set(created.map((t) => t.uid)).size).toBe(10);
    } finally {
      await other.close();
      await store.close();
    }
  });

  test('tasks: prune removes only finished tasks older than the TTL', async () => {
    const clock = createFakeClock();
    const { store } = await create({ now: clock.now });
    try {
      const old = await store.tasks.create({ indexUid: 'movies', type: 'indexCreation' });
      const running = await store.tasks.create({ indexUid: 'movies', type: 'indexCreation' });
      await store.tasks.update(old.uid, { status: 'succeeded' });
      await store.tasks.update(running.uid, { status: 'processing' });
      clock.advance(10_000);
      const fresh = await store.tasks.create({ indexUid: 'movies', type: 'indexCreation' });
      await store.tasks.update(fresh.uid, {
        status: 'failed',
        error: { message: 'm', code: 'c', type: 'internal', link: 'l' },
      });
      expect(await store.tasks.prune(5_000)).toBe(1);
      expect(await store.tasks.get(old.uid)).toBeUndefined();
      expect((await store.tasks.list()).results.map((t) => t.uid)).toEqual([fresh.uid, running.uid]);
      expect((await store.tasks.get(fresh.uid))?.error?.code).toBe('c');
    } finally {
      await store.close();
    }
  });
}
