import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import type { ResolvedStoreOptions } from '../store-options.js';
import {
  type NormalizedTaskFilter,
  normalizeTaskFilter,
  selectsNothing,
  type TaskRecord,
  toTaskView,
} from '../task-filter.js';
import { applyTaskUpdate, createTaskRecord } from '../task-lifecycle.js';
import type { TaskTable } from '../task-store.js';
import { TaskStoreError } from '../task-store-error.js';
import { TASK_STATUSES, TASK_TYPES, type TaskStatus, type TaskType } from '../task-types.js';
import type { SqliteDatabase, SqliteTaskRow } from './sqlite-database.js';

type TaskQuery = SelectQueryBuilder<SqliteDatabase, 'tasks', object>;

/**
 * The tasks table on SQLite: real columns with indexes on status, type, index uid and dates, so
 * `GET /tasks` filters are one indexed query plus one `count(*)`.
 */
export function createSqliteTaskTable(db: Kysely<SqliteDatabase>, options: ResolvedStoreOptions): TaskTable {
  const read = async (uid: number) => {
    const row = await db.selectFrom('tasks').selectAll().where('uid', '=', uid).executeTakeFirst();
    return row === undefined ? undefined : fromRow(row);
  };
  return {
    async create(input) {
      const probe = createTaskRecord(0, input, options.now());
      // Single statements only: a transaction held across awaits would block other connections.
      const seq = await db
        .insertInto('sequences')
        .values({ name: 'tasks', value: 1 })
        .onConflict((oc) => oc.column('name').doUpdateSet({ value: sql`value + 1` }))
        .returning('value')
        .executeTakeFirstOrThrow();
      const record = { ...probe, uid: seq.value };
      await db.insertInto('tasks').values(toRow(record, 0)).execute();
      return toTaskView(record);
    },
    async update(uid, update) {
      for (;;) {
        const row = await db.selectFrom('tasks').selectAll().where('uid', '=', uid).executeTakeFirst();
        if (row === undefined) throw new TaskStoreError('not_found', `task \`${uid}\` not found`, 'uid');
        const next = applyTaskUpdate(fromRow(row), update, options.now());
        const done = await db
          .updateTable('tasks')
          .set(toRow(next, row.rev + 1))
          .where('uid', '=', uid)
          .where('rev', '=', row.rev)
          .executeTakeFirst();
        if (done.numUpdatedRows > 0n) return toTaskView(next);
      }
    },
    async get(uid) {
      const record = await read(uid);
      return record === undefined ? undefined : toTaskView(record);
    },
    async list(filter = {}) {
      const f = normalizeTaskFilter(filter);
      if (selectsNothing(f)) return { results: [], total: 0, limit: f.limit, from: null, next: null };
      const base = applyFilter(db.selectFrom('tasks'), f);
      const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      let page = base.selectAll();
      if (f.from !== undefined) page = page.where('uid', f.reverse ? '>=' : '<=', f.from);
      const rows = await page
        .orderBy('uid', f.reverse ? 'asc' : 'desc')
        .limit(f.limit + 1)
        .execute();
      const results = rows.slice(0, f.limit).map((r) => toTaskView(fromRow(r)));
      return {
        results,
        total: Number(total.n),
        limit: f.limit,
        from: results[0]?.uid ?? null,
        next: rows.length > f.limit ? (rows[f.limit]?.uid ?? null) : null,
      };
    },
    async count(filter = {}) {
      const f = normalizeTaskFilter(filter);
      if (selectsNothing(f)) return 0;
      const total = await applyFilter(db.selectFrom('tasks'), f)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(total.n);
    },
    async prune(olderThanMs) {
      const cutoff = options.now() - olderThanMs;
      const res = await db
        .deleteFrom('tasks')
        .where('finished_at', 'is not', null)
        .where('finished_at', '<', cutoff)
        .executeTakeFirst();
      return Number(res.numDeletedRows);
    },
  };
}

function applyFilter(q: TaskQuery, f: NormalizedTaskFilter): TaskQuery {
  if (f.uids) q = q.where('uid', 'in', f.uids);
  if (f.statuses) q = q.where('status', 'in', f.statuses);
  if (f.types) q = q.where('type', 'in', f.types);
  if (f.indexUids) q = q.where('index_uid', 'in', f.indexUids);
  const windows = [
    ['enqueued_at', f.enqueuedAt],
    ['started_at', f.startedAt],
    ['finished_at', f.finishedAt],
  ] as const;
  for (const [column, w] of windows) {
    // NULL never compares true, so a task without the date never matches a window on it.
    if (w.after !== undefined) q = q.where(column, '>', w.after);
    if (w.before !== undefined) q = q.where(column, '<', w.before);
  }
  return q;
}

function toRow(t: TaskRecord, rev: number): SqliteTaskRow {
  return {
    uid: t.uid,
    index_uid: t.indexUid,
    type: t.type,
    status: t.status,
    canceled_by: t.canceledBy,
    details: t.details === null ? null : JSON.stringify(t.details),
    error: t.error === null ? null : JSON.stringify(t.error),
    node_tasks: JSON.stringify(t.nodeTasks),
    enqueued_at: t.enqueuedAt,
    started_at: t.startedAt,
    finished_at: t.finishedAt,
    rev,
  };
}

function fromRow(row: SqliteTaskRow): TaskRecord {
  if (
    !(TASK_STATUSES as readonly string[]).includes(row.status) ||
    !(TASK_TYPES as readonly string[]).includes(row.type)
  ) {
    throw new TaskStoreError('corrupt_row', `task \`${row.uid}\` has an unknown status or type`, 'tasks');
  }
  return {
    uid: row.uid,
    indexUid: row.index_uid,
    status: row.status as TaskStatus,
    type: row.type as TaskType,
    canceledBy: row.canceled_by,
    details: parseColumn(row.uid, 'details', row.details) as Record<string, unknown> | null,
    error: parseColumn(row.uid, 'error', row.error) as TaskRecord['error'],
    nodeTasks: (parseColumn(row.uid, 'node_tasks', row.node_tasks) ?? {}) as Record<string, number>,
    enqueuedAt: row.enqueued_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}

function parseColumn(uid: number, column: string, text: string | null): unknown {
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    if (value !== null && (typeof value !== 'object' || Array.isArray(value)))
      throw new Error('not an object');
    return value;
  } catch (cause) {
    throw new TaskStoreError('corrupt_row', `task \`${uid}\` has malformed JSON in \`${column}\``, 'tasks', {
      cause,
    });
  }
}
