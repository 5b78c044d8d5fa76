import type { TaskRecord } from './task-filter.js';
import { TaskStoreError } from './task-store-error.js';
import type { NewTask, TaskStatus, TaskUpdate } from './task-types.js';
import { TASK_STATUSES, TASK_TYPES } from './task-types.js';

const TERMINAL: ReadonlySet<TaskStatus> = new Set(['succeeded', 'failed', 'canceled']);
const INDEX_UID = /^[A-Za-z0-9_-]{1,400}$/;

/**
 * Validates a new task and builds its stored record. Both adapters call it so validation and
 * timestamps are identical.
 *
 * @example
 * createTaskRecord(1, { indexUid: 'movies', type: 'indexCreation' }, Date.now()).status; // 'enqueued'
 */
export function createTaskRecord(uid: number, input: NewTask, now: number): TaskRecord {
  if (input === null || typeof input !== 'object') throw invalid('task must be an object', 'task');
  if (!(TASK_TYPES as readonly string[]).includes(input.type)) {
    throw invalid(`unknown task type \`${String(input.type)}\``, 'type');
  }
  if (input.indexUid !== null && (typeof input.indexUid !== 'string' || !INDEX_UID.test(input.indexUid))) {
    throw invalid(`invalid index uid \`${String(input.indexUid)}\``, 'indexUid');
  }
  const base: TaskRecord = {
    uid,
    indexUid: input.indexUid,
    status: 'enqueued',
    type: input.type,
    canceledBy: null,
    details: null,
    error: null,
    nodeTasks: {},
    enqueuedAt: now,
    startedAt: null,
    finishedAt: null,
  };
  return applyTaskUpdate(
    base,
    { status: input.status ?? 'enqueued', details: input.details ?? null, nodeTasks: input.nodeTasks ?? {} },
    now,
  );
}

/**
 * Applies an update to a stored task: validates it, stamps `startedAt`/`finishedAt` on status
 * transitions, and returns a new record (the input is not modified).
 *
 * @example
 * applyTaskUpdate(record, { status: 'succeeded' }, Date.now()).finishedAt !== null; // true
 */
export function applyTaskUpdate(task: TaskRecord, update: TaskUpdate, now: number): TaskRecord {
  if (update === null || typeof update !== 'object') throw invalid('update must be an object', 'update');
  const next: TaskRecord = { ...task };
  if (update.status !== undefined) {
    if (!(TASK_STATUSES as readonly string[]).includes(update.status)) {
      throw invalid(`unknown task status \`${String(update.status)}\``, 'status');
    }
    next.status = update.status;
    if (update.status !== 'enqueued' && next.startedAt === null) next.startedAt = now;
    if (TERMINAL.has(update.status) && next.finishedAt === null) next.finishedAt = now;
  }
  if (update.details !== undefined) next.details = checkObject(update.details, 'details');
  if (update.error !== undefined) {
    const e = update.error;
    if (
      e !== null &&
      (typeof e !== 'object' || typeof e.message !== 'string' || typeof e.code !== 'string')
    ) {
      throw invalid('error must be a Meilisearch error object or null', 'error');
    }
    next.error = e === null ? null : { message: e.message, code: e.code, type: e.type, link: e.link };
  }
  if (update.nodeTasks !== undefined) {
    const nodeTasks = checkObject(update.nodeTasks, 'nodeTasks') ?? {};
    for (const [node, uid] of Object.entries(nodeTasks)) {
      if (typeof uid !== 'number' || !Number.isSafeInteger(uid) || uid < 0 || Buffer.byteLength(node) > 512) {
        throw invalid(`node task for \`${node.slice(0, 64)}\` must be a non-negative integer`, 'nodeTasks');
      }
    }
    next.nodeTasks = { ...next.nodeTasks, ...(nodeTasks as Record<string, number>) };
  }
  if (update.canceledBy !== undefined) {
    if (update.canceledBy !== null && (!Number.isSafeInteger(update.canceledBy) || update.canceledBy < 0)) {
      throw invalid('canceledBy must be a task uid or null', 'canceledBy');
    }
    next.canceledBy = update.canceledBy;
  }
  return next;
}

function checkObject(value: unknown, field: string): Record<string, unknown> | null {
  if (value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value))
    throw invalid(`${field} must be an object or null`, field);
  return value as Record<string, unknown>;
}

function invalid(message: string, field: string): TaskStoreError {
  return new TaskStoreError('invalid_input', message, field);
}
