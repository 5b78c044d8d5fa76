import { TaskStoreError } from './task-store-error.js';
import type { TaskErrorView, TaskFilter, TaskStatus, TaskType, TaskView } from './task-types.js';
import { TASK_STATUSES, TASK_TYPES } from './task-types.js';

/** A task as adapters store it: dates as epoch milliseconds. */
export interface TaskRecord {
  uid: number;
  indexUid: string | null;
  status: TaskStatus;
  type: TaskType;
  canceledBy: number | null;
  details: Record<string, unknown> | null;
  error: TaskErrorView | null;
  nodeTasks: Record<string, number>;
  enqueuedAt: number;
  startedAt: number | null;
  finishedAt: number | null;
}

/** An exclusive `(after, before)` window in epoch ms; either side may be open. */
export interface DateWindow {
  after?: number;
  before?: number;
}

/** A validated `GET /tasks` filter: `*` removed, dates parsed, defaults applied. */
export interface NormalizedTaskFilter {
  uids?: number[];
  statuses?: TaskStatus[];
  types?: TaskType[];
  indexUids?: string[];
  enqueuedAt: DateWindow;
  startedAt: DateWindow;
  finishedAt: DateWindow;
  from?: number;
  limit: number;
  reverse: boolean;
}

const DEFAULT_LIMIT = 20;
const INDEX_UID = /^[A-Za-z0-9_-]{1,400}$/;
const STATUS_SET: ReadonlySet<string> = new Set(TASK_STATUSES);
const TYPE_SET: ReadonlySet<string> = new Set(TASK_TYPES);

/**
 * Validates a `GET /tasks` filter. Bad values throw `TaskStoreError` kind `invalid_filter` whose
 * `field` is the query parameter name, so the proxy can answer `invalid_task_<field>`.
 *
 * @example
 * normalizeTaskFilter({ statuses: ['succeeded'], limit: 5 }).limit; // 5
 */
export function normalizeTaskFilter(filter: TaskFilter): NormalizedTaskFilter {
  const out: NormalizedTaskFilter = {
    enqueuedAt: window(filter.afterEnqueuedAt, filter.beforeEnqueuedAt, 'EnqueuedAt'),
    startedAt: window(filter.afterStartedAt, filter.beforeStartedAt, 'StartedAt'),
    finishedAt: window(filter.afterFinishedAt, filter.beforeFinishedAt, 'FinishedAt'),
    limit: DEFAULT_LIMIT,
    reverse: filter.reverse === true,
  };
  const uids = list(filter.uids);
  if (uids) out.uids = uids.map((u) => checkUid(u, 'uids'));
  const statuses = list(filter.statuses);
  if (statuses) out.statuses = statuses.map((s) => checkMember(s, STATUS_SET, 'statuses')) as TaskStatus[];
  const types = list(filter.types);
  if (types) out.types = types.map((t) => checkMember(t, TYPE_SET, 'types')) as TaskType[];
  const indexUids = list(filter.indexUids);
  if (indexUids) {
    out.indexUids = indexUids.map((i) => {
      if (typeof i !== 'string' || !INDEX_UID.test(i)) {
        throw new TaskStoreError('invalid_filter', `invalid index uid \`${String(i)}\``, 'indexUids');
      }
      return i;
    });
  }
  if (filter.from !== undefined) out.from = checkUid(filter.from, 'from');
  if (filter.limit !== undefined) out.limit = checkUid(filter.limit, 'limit');
  return out;
}

/**
 * Whether a stored task matches every criterion of a filter (`from` and paging excluded).
 *
 * @example
 * matchesTaskFilter(record, normalizeTaskFilter({ statuses: ['failed'] }));
 */
export function matchesTaskFilter(task: TaskRecord, f: NormalizedTaskFilter): boolean {
  if (f.uids && !f.uids.includes(task.uid)) return false;
  if (f.statuses && !f.statuses.includes(task.status)) return false;
  if (f.types && !f.types.includes(task.type)) return false;
  if (f.indexUids && (task.indexUid === null || !f.indexUids.includes(task.indexUid))) return false;
  return (
    inWindow(task.enqueuedAt, f.enqueuedAt) &&
    inWindow(task.startedAt, f.startedAt) &&
    inWindow(task.finishedAt, f.finishedAt)
  );
}

/** Whether a filter restricts a date window at all. */
export function isOpenWindow(w: DateWindow): boolean {
  return w.after === undefined && w.before === undefined;
}

function inWindow(value: number | null, w: DateWindow): boolean {
  if (isOpenWindow(w)) return true;
  if (value === null) return false;
  if (w.after !== undefined && !(value > w.after)) return false;
  if (w.before !== undefined && !(value < w.before)) return false;
  return true;
}

function list<T>(values: readonly T[] | undefined): T[] | undefined {
  if (values === undefined) return undefined;
  if (!Array.isArray(values)) throw new TaskStoreError('invalid_filter', 'filter lists must be arrays');
  if (values.some((v) => v === '*')) return undefined;
  return [...values];
}

function checkUid(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new TaskStoreError(
      'invalid_filter',
      `\`${field}\` must be a non-negative integer, got \`${String(value)}\``,
      field,
    );
  }
  return value;
}

function checkMember(value: unknown, allowed: ReadonlySet<string>, field: string): string {
  if (typeof value !== 'string' || !allowed.has(value)) {
    throw new TaskStoreError('invalid_filter', `unknown value \`${String(value)}\` in \`${field}\``, field);
  }
  return value;
}

function window(
  after: string | number | undefined,
  before: string | number | undefined,
  name: string,
): DateWindow {
  const w: DateWindow = {};
  if (after !== undefined) w.after = parseDate(after, `after${name}`);
  if (before !== undefined) w.before = parseDate(before, `before${name}`);
  return w;
}

function parseDate(value: string | number, field: string): number {
  const ms = typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(ms))
    throw new TaskStoreError('invalid_filter', `\`${field}\` is not a valid date`, field);
  return ms;
}

/**
 * Turns a stored record into the Meilisearch `TaskView` shape (RFC 3339 dates, ISO-8601 duration).
 *
 * @example
 * toTaskView(record).enqueuedAt; // '2026-01-01T00:00:00.000Z'
 */
export function toTaskView(t: TaskRecord): TaskView {
  const duration =
    t.startedAt !== null && t.finishedAt !== null ? formatDuration(t.finishedAt - t.startedAt) : null;
  return {
    uid: t.uid,
    indexUid: t.indexUid,
    status: t.status,
    type: t.type,
    canceledBy: t.canceledBy,
    details: t.details,
    error: t.error,
    duration,
    enqueuedAt: new Date(t.enqueuedAt).toISOString(),
    startedAt: t.startedAt === null ? null : new Date(t.startedAt).toISOString(),
    finishedAt: t.finishedAt === null ? null : new Date(t.finishedAt).toISOString(),
    nodeTasks: t.nodeTasks,
  };
}

function formatDuration(ms: number): string {
  const seconds = Math.max(0, ms) / 1000;
  return `PT${Number(seconds.toFixed(3))}S`;
}

/**
 * Whether a filter can match nothing because one of its lists is empty (`statuses: []`).
 *
 * @example
 * selectsNothing(normalizeTaskFilter({ uids: [] })); // true
 */
export function selectsNothing(f: NormalizedTaskFilter): boolean {
  return [f.uids, f.statuses, f.types, f.indexUids].some((l) => l !== undefined && l.length === 0);
}
