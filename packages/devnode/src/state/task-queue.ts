import { MeiliError, meiliError } from '@miroir/errors';
import { formatDuration } from './format-duration.js';
import { matchesTaskFilter, type TaskFilter } from './task-filter.js';
import type { SummarizedTask, TaskOperation, TaskRecord, TaskType } from './task-types.js';

/** Hooks the queue calls so persistence can record what happens. */
export interface TaskQueueHooks {
  /** Called synchronously before `enqueue` returns (journal + fsync). */
  onEnqueue?: (task: TaskRecord) => void;
  /** Called after a task reaches a terminal state. */
  onFinish?: (task: TaskRecord) => void;
}

/**
 * One task being run: it yields between slices of work (the node answers requests in between) and returns
 * the task's final details, or throws a `MeiliError` (the task then fails).
 */
export type TaskRun = Generator<void, Record<string, unknown> | null, void>;

/** Starts running one task (usually a generator function: `function* (task) { … return details; }`). */
export type TaskExecutor = (task: TaskRecord) => TaskRun;

/** How long the worker runs a task before letting the node answer requests again. */
const SLICE_MS = 10;

/** Run a task to its end without yielding (journal replay, and tasks processed in one go). */
export function runToEnd(run: TaskRun): Record<string, unknown> | null {
  for (;;) {
    const step = run.next();
    if (step.done === true) return step.value;
  }
}

/** The task the worker is in the middle of. */
interface RunningTask {
  readonly task: TaskRecord;
  readonly run: TaskRun;
  readonly started: number;
}

/** A page of tasks in Meilisearch's `{results,total,limit,from,next}` shape (records, not views). */
export interface TaskPage {
  results: TaskRecord[];
  total: number;
  limit: number;
  from: number | null;
  next: number | null;
}

/**
 * The node's asynchronous task queue: sequential uids, a background worker that processes enqueued tasks
 * in uid order (cancelations first, like Meilisearch), one batch per task. A task runs in slices of
 * {@link SLICE_MS}, so `/health`, task polling and searches are answered while a big batch is prepared;
 * a cancelation enqueued meanwhile runs between two slices and may cancel the task being processed.
 *
 * @example
 * ```ts
 * const queue = new TaskQueue(() => runAtOnce(() => null));
 * queue.enqueue({ indexUid: 'movies', type: 'indexCreation', details: { primaryKey: null }, op: { kind: 'indexCreation', primaryKey: null } });
 * ```
 */
export class TaskQueue {
  readonly #tasks = new Map<number, TaskRecord>();
  // Uids that may still be enqueued, in uid order (Sets iterate in insertion order); stale ones are skipped.
  readonly #pending = new Set<number>();
  readonly #pendingCancels = new Set<number>();
  #nextUid = 0;
  #nextBatchUid = 0;
  #scheduled = false;
  #stopped = false;
  #idleWaiters: Array<() => void> = [];
  #running: RunningTask | null = null;
  executor: TaskExecutor;
  hooks: TaskQueueHooks;
  /** When false, the worker does not run (used while replaying the journal). */
  isRunning = true;

  constructor(executor: TaskExecutor, hooks: TaskQueueHooks = {}) {
    this.executor = executor;
    this.hooks = hooks;
  }

  get nextUid(): number {
    return this.#nextUid;
  }

  get nextBatchUid(): number {
    return this.#nextBatchUid;
  }

  /** Register a new task (status enqueued) and schedule the worker. */
  enqueue(input: {
    indexUid: string | null;
    type: TaskType;
    details: Record<string, unknown> | null;
    op: TaskOperation;
  }): SummarizedTask {
    const task: TaskRecord = {
      uid: this.#nextUid,
      batchUid: null,
      indexUid: input.indexUid,
      status: 'enqueued',
      type: input.type,
      canceledBy: null,
      details: input.details,
      error: null,
      duration: null,
      enqueuedAt: new Date().toISOString(),
      startedAt: null,
      finishedAt: null,
      op: input.op,
    };
    this.hooks.onEnqueue?.(task);
    this.#nextUid += 1;
    this.#tasks.set(task.uid, task);
    this.#track(task);
    this.schedule();
    return summarize(task);
  }

  /** Insert a task restored from persistence (keeps its uid and state; one caught processing runs again). */
  restore(task: TaskRecord): void {
    if (task.status === 'processing') task.status = 'enqueued';
    this.#tasks.set(task.uid, task);
    if (task.status === 'enqueued') this.#track(task);
    this.#nextUid = Math.max(this.#nextUid, task.uid + 1);
    if (task.batchUid !== null) this.#nextBatchUid = Math.max(this.#nextBatchUid, task.batchUid + 1);
  }

  /** Restore the counters (a snapshot may hold uids of deleted tasks). */
  restoreCounters(nextUid: number, nextBatchUid: number): void {
    this.#nextUid = Math.max(this.#nextUid, nextUid);
    this.#nextBatchUid = Math.max(this.#nextBatchUid, nextBatchUid);
  }

  get(uid: number): TaskRecord {
    const task = this.#tasks.get(uid);
    if (!task) throw meiliError('task_not_found', `Task \`${uid}\` not found.`);
    return task;
  }

  has(uid: number): boolean {
    return this.#tasks.has(uid);
  }

  /** Every task in ascending uid order. */
  all(): TaskRecord[] {
    return [...this.#tasks.values()].sort((a, b) => a.uid - b.uid);
  }

  /** Remove tasks (task deletion). */
  remove(uids: number[]): void {
    for (const uid of uids) this.#tasks.delete(uid);
  }

  /** Filter and page tasks as `GET /tasks` does. `visible` restricts by index access. */
  list(filter: TaskFilter, visible: (task: TaskRecord) => boolean = () => true): TaskPage {
    let matching = this.all().filter((t) => visible(t) && matchesTaskFilter(t, filter));
    if (!filter.reverse) matching.reverse();
    const total = matching.length;
    if (filter.from !== null) {
      const from = filter.from;
      matching = matching.filter((t) => (filter.reverse ? t.uid >= from : t.uid <= from));
    }
    const page = matching.slice(0, filter.limit + 1);
    const results = page.slice(0, filter.limit);
    const extra = page.length > filter.limit ? page[filter.limit] : undefined;
    return { results, total, limit: filter.limit, from: results[0]?.uid ?? null, next: extra?.uid ?? null };
  }

  /** Schedule the background worker (no-op when already scheduled or stopped). */
  schedule(): void {
    if (this.#scheduled || this.#stopped || !this.isRunning) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      this.#tick();
    });
  }

  /** Resolve once no task is enqueued or processing. */
  whenIdle(): Promise<void> {
    if (this.#running === null && !this.#nextEnqueued()) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  /** Stop the worker for good (node shutting down). */
  stop(): void {
    this.#stopped = true;
  }

  /** Process every enqueued task synchronously (journal replay). */
  drainSync(): void {
    for (let task = this.#nextEnqueued(); task; task = this.#nextEnqueued()) this.process(task);
  }

  #tick(): void {
    if (this.#stopped || !this.isRunning) return;
    let running = this.#running;
    if (running !== null) {
      // A cancelation enqueued while a task is processing runs now, between two slices.
      const cancelation = this.#nextCancelation();
      if (cancelation !== undefined) {
        this.process(cancelation);
        if (running.task.status === 'canceled') {
          running.run.return(null);
          this.#running = running = null;
        }
      }
    }
    if (running === null) {
      const task = this.#nextEnqueued();
      if (!task) {
        const waiters = this.#idleWaiters;
        this.#idleWaiters = [];
        for (const w of waiters) w();
        return;
      }
      this.#running = running = this.#begin(task);
    }
    const deadline = performance.now() + SLICE_MS;
    let finished = this.#advance(running);
    while (!finished && performance.now() < deadline) finished = this.#advance(running);
    if (finished) this.#running = null;
    this.schedule();
  }

  #track(task: TaskRecord): void {
    (task.type === 'taskCancelation' ? this.#pendingCancels : this.#pending).add(task.uid);
  }

  /** Tasks run in uid order, but pending cancelations jump the queue like in Meilisearch. */
  #nextEnqueued(): TaskRecord | undefined {
    return this.#nextCancelation() ?? this.#firstEnqueued(this.#pending);
  }

  #nextCancelation(): TaskRecord | undefined {
    return this.#firstEnqueued(this.#pendingCancels);
  }

  #firstEnqueued(uids: Set<number>): TaskRecord | undefined {
    for (const uid of uids) {
      const task = this.#tasks.get(uid);
      if (task?.status === 'enqueued') return task;
      uids.delete(uid);
    }
    return undefined;
  }

  /** Mark a task processing (in a new batch) and start its run. */
  #begin(task: TaskRecord): RunningTask {
    const started = Date.now();
    task.status = 'processing';
    task.batchUid = this.#nextBatchUid++;
    task.startedAt = new Date(started).toISOString();
    try {
      return { task, run: this.executor(task), started };
    } catch (err) {
      // An executor that fails before returning its run fails the task like one that fails while running.
      return {
        task,
        run: runAtOnce(() => {
          throw err;
        }),
        started,
      };
    }
  }

  /** Run one slice of a task; true once it finished (succeeded or failed). */
  #advance(running: RunningTask): boolean {
    const { task } = running;
    try {
      const step = running.run.next();
      if (step.done !== true) return false;
      task.details = step.value;
      task.status = 'succeeded';
    } catch (err) {
      task.status = 'failed';
      const error =
        err instanceof MeiliError
          ? err
          : meiliError('internal', `[BUG] ${err instanceof Error ? err.message : String(err)}`);
      task.error = error.toJSON();
      task.details = failedDetails(task);
    }
    this.finish(task, running.started);
    return true;
  }

  /** Run one task to completion without yielding. */
  process(task: TaskRecord): void {
    const running = this.#begin(task);
    while (!this.#advance(running));
  }

  /** Mark a task as finished now (also used for cancelation, of an enqueued or a processing task). */
  finish(
    task: TaskRecord,
    started = task.startedAt === null ? Date.now() : Date.parse(task.startedAt),
  ): void {
    const ended = Date.now();
    task.finishedAt = new Date(ended).toISOString();
    if (task.startedAt === null) task.startedAt = task.finishedAt;
    task.duration = formatDuration(ended - started);
    this.hooks.onFinish?.(task);
  }
}

/**
 * A run doing all its work in its first step, for tasks with nothing to slice.
 *
 * @example
 * ```ts
 * const queue = new TaskQueue(() => runAtOnce(() => ({ done: true })));
 * ```
 */
// biome-ignore lint/correctness/useYield: the work happens in the first step, with nothing to yield between.
export function* runAtOnce(work: () => Record<string, unknown> | null): TaskRun {
  return work();
}

/** Details of a task that failed: counters that were still `null` become 0 as Meilisearch reports them. */
function failedDetails(task: TaskRecord): Record<string, unknown> | null {
  if (!task.details) return null;
  const out: Record<string, unknown> = { ...task.details };
  for (const key of ['indexedDocuments', 'deletedDocuments', 'canceledTasks', 'deletedTasks']) {
    if (key in out && out[key] === null) out[key] = 0;
  }
  return out;
}

/**
 * The 202 summary of a task.
 *
 * @example
 * ```ts
 * summarize(task); // { taskUid, indexUid, status: 'enqueued', type, enqueuedAt }
 * ```
 */
export function summarize(task: TaskRecord): SummarizedTask {
  return {
    taskUid: task.uid,
    indexUid: task.indexUid,
    status: 'enqueued',
    type: task.type,
    enqueuedAt: task.enqueuedAt,
  };
}

/**
 * The public JSON view of a task (`GET /tasks/{uid}`).
 *
 * @example
 * ```ts
 * toTaskView(task).uid;
 * ```
 */
export function toTaskView(task: TaskRecord): Record<string, unknown> {
  return {
    uid: task.uid,
    batchUid: task.batchUid,
    indexUid: task.indexUid,
    status: task.status,
    type: task.type,
    canceledBy: task.canceledBy,
    details: task.details ?? undefined,
    error: task.error,
    duration: task.duration,
    enqueuedAt: task.enqueuedAt,
    startedAt: task.startedAt,
    finishedAt: task.finishedAt,
  };
}
