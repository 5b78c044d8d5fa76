import { type MeiliErrorCode, meiliError } from '@miroir/errors';
import { TASK_STATUSES, TASK_TYPES, type TaskRecord } from './task-types.js';

/** Parsed `GET /tasks` (or `/batches`, `DELETE /tasks`, `POST /tasks/cancel`) query parameters. */
export interface TaskFilter {
  uids: number[] | null;
  batchUids: number[] | null;
  canceledBy: number[] | null;
  types: string[] | null;
  statuses: string[] | null;
  indexUids: string[] | null;
  dates: Array<{ field: 'enqueuedAt' | 'startedAt' | 'finishedAt'; op: 'before' | 'after'; at: number }>;
  limit: number;
  from: number | null;
  reverse: boolean;
  /** Whether any filtering (not paging) parameter was given. */
  hasFilters: boolean;
}

const FILTER_KEYS = [
  'uids',
  'batchUids',
  'canceledBy',
  'types',
  'statuses',
  'indexUids',
  'beforeEnqueuedAt',
  'afterEnqueuedAt',
  'beforeStartedAt',
  'afterStartedAt',
  'beforeFinishedAt',
  'afterFinishedAt',
] as const;
const PAGING_KEYS = ['limit', 'from', 'reverse'] as const;

function snake(name: string): string {
  return name.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`);
}

function fail(prefix: 'task' | 'batch', param: string, message: string): never {
  throw meiliError(`invalid_${prefix}_${snake(param)}` as MeiliErrorCode, message);
}

function list(params: URLSearchParams, key: string): string[] | null {
  const raw = params.get(key);
  if (raw === null) return null;
  const items = raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return items.includes('*') ? null : items;
}

function intList(prefix: 'task' | 'batch', params: URLSearchParams, key: string): number[] | null {
  const items = list(params, key);
  if (items === null) return null;
  return items.map((item) => {
    if (!/^\d+$/.test(item)) {
      fail(
        prefix,
        key,
        `Invalid value in parameter \`${key}\`: could not parse \`${item}\` as a positive integer`,
      );
    }
    return Number(item);
  });
}

/**
 * Parse and validate task-list query parameters the way Meilisearch does (comma lists, `*`, RFC 3339
 * dates, `limit`/`from`/`reverse`). `allowPaging: false` rejects the paging keys (cancel / delete).
 *
 * @example
 * ```ts
 * const f = parseTaskFilter(new URLSearchParams('statuses=failed&limit=5'), 'task', true);
 * f.statuses; // ['failed']
 * ```
 */
export function parseTaskFilter(
  params: URLSearchParams,
  prefix: 'task' | 'batch',
  allowPaging: boolean,
): TaskFilter {
  for (const key of params.keys()) {
    const known =
      (FILTER_KEYS as readonly string[]).includes(key) ||
      (allowPaging && (PAGING_KEYS as readonly string[]).includes(key));
    if (!known) {
      const allowed = [...FILTER_KEYS, ...(allowPaging ? PAGING_KEYS : [])].map((k) => `\`${k}\``).join(', ');
      throw meiliError('bad_request', `Unknown parameter \`${key}\`: expected one of ${allowed}`);
    }
  }
  const types = list(params, 'types');
  for (const t of types ?? []) {
    if (!(TASK_TYPES as readonly string[]).includes(t)) {
      fail(
        prefix,
        'types',
        `Invalid value in parameter \`types\`: \`${t}\` is not a valid task type. Available types are ${TASK_TYPES.map((x) => `\`${x}\``).join(', ')}.`,
      );
    }
  }
  const statuses = list(params, 'statuses');
  for (const s of statuses ?? []) {
    if (!(TASK_STATUSES as readonly string[]).includes(s)) {
      fail(
        prefix,
        'statuses',
        `Invalid value in parameter \`statuses\`: \`${s}\` is not a valid task status. Available statuses are ${TASK_STATUSES.map((x) => `\`${x}\``).join(', ')}.`,
      );
    }
  }
  const indexUids = list(params, 'indexUids');
  for (const uid of indexUids ?? []) {
    if (!/^[A-Za-z0-9_-]{1,400}$/.test(uid)) {
      fail(
        prefix,
        'indexUids',
        `Invalid value in parameter \`indexUids\`: \`${uid}\` is not a valid index uid. Index uid can be an integer or a string containing only alphanumeric characters, hyphens (-) and underscores (_), and can not be more than 512 bytes.`,
      );
    }
  }
  const dates: TaskFilter['dates'] = [];
  for (const op of ['before', 'after'] as const) {
    for (const field of ['enqueuedAt', 'startedAt', 'finishedAt'] as const) {
      const key = `${op}${field[0]!.toUpperCase()}${field.slice(1)}`;
      const raw = params.get(key);
      if (raw === null) continue;
      const at = Date.parse(raw);
      if (Number.isNaN(at) || !/^\d{4}-\d{2}-\d{2}/.test(raw)) {
        fail(
          prefix,
          key,
          `Invalid value in parameter \`${key}\`: \`${raw}\` is an invalid date-time. It should follow the YYYY-MM-DD or RFC 3339 date-time format.`,
        );
      }
      dates.push({ field, op, at });
    }
  }
  let limit = 20;
  let from: number | null = null;
  let reverse = false;
  if (allowPaging) {
    const rawLimit = params.get('limit');
    if (rawLimit !== null) {
      if (!/^\d+$/.test(rawLimit))
        fail(
          prefix,
          'limit',
          `Invalid value in parameter \`limit\`: could not parse \`${rawLimit}\` as a positive integer`,
        );
      limit = Number(rawLimit);
    }
    const rawFrom = params.get('from');
    if (rawFrom !== null) {
      if (!/^\d+$/.test(rawFrom))
        fail(
          prefix,
          'from',
          `Invalid value in parameter \`from\`: could not parse \`${rawFrom}\` as a positive integer`,
        );
      from = Number(rawFrom);
    }
    const rawReverse = params.get('reverse');
    if (rawReverse !== null) {
      if (rawReverse !== 'true' && rawReverse !== 'false')
        fail(
          prefix,
          'reverse',
          `Invalid value in parameter \`reverse\`: could not parse \`${rawReverse}\` as a boolean`,
        );
      reverse = rawReverse === 'true';
    }
  }
  const hasFilters = FILTER_KEYS.some((k) => params.has(k));
  return {
    uids: intList(prefix, params, 'uids'),
    batchUids: intList(prefix, params, 'batchUids'),
    canceledBy: intList(prefix, params, 'canceledBy'),
    types,
    statuses,
    indexUids,
    dates,
    limit,
    from,
    reverse,
    hasFilters,
  };
}

/**
 * Whether a task matches the filtering part of `filter` (paging is applied by the caller).
 *
 * @example
 * ```ts
 * matchesTaskFilter(task, parseTaskFilter(new URLSearchParams('types=indexCreation'), 'task', true));
 * ```
 */
export function matchesTaskFilter(task: TaskRecord, filter: TaskFilter): boolean {
  if (filter.uids && !filter.uids.includes(task.uid)) return false;
  if (filter.batchUids && (task.batchUid === null || !filter.batchUids.includes(task.batchUid))) return false;
  if (filter.canceledBy && (task.canceledBy === null || !filter.canceledBy.includes(task.canceledBy)))
    return false;
  if (filter.types && !filter.types.includes(task.type)) return false;
  if (filter.statuses && !filter.statuses.includes(task.status)) return false;
  if (filter.indexUids) {
    const wanted = filter.indexUids;
    // A swap has no indexUid but concerns every index it swaps.
    const uids = task.op.kind === 'indexSwap' ? task.op.swaps.flatMap((sw) => sw.indexes) : [task.indexUid];
    if (!uids.some((uid) => uid !== null && wanted.includes(uid))) return false;
  }
  for (const d of filter.dates) {
    const raw = task[d.field];
    if (raw === null) return false;
    const at = Date.parse(raw);
    if (d.op === 'before' ? !(at < d.at) : !(at > d.at)) return false;
  }
  return true;
}
