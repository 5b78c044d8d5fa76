import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
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
import type { RedisKeys } from './redis-keys.js';
import { PRUNE_TASKS, type ScriptRunner, WRITE_TASK } from './redis-scripts.js';

const PRUNE_BATCH = 500;
const TEMP_TTL_MS = 30_000;

/**
 * The tasks table on Redis: one hash per task plus ZSETs of uids (all, per status, per type, per
 * index) and ZSETs scored by date. A list filtered on one value (or not at all) reads one index set:
 * O(log M + limit). Other filters intersect sets server-side: O(N·K) for K sets whose smallest has N
 * members, plus O(R log R) to store the R matches; a date window first copies the tasks in the window.
 * Task hashes are only read for the page returned.
 */
export function createRedisTaskTable(
  redis: Redis,
  keys: RedisKeys,
  run: ScriptRunner,
  options: ResolvedStoreOptions,
): TaskTable {
  const read = async (uid: number) => {
    const hash = await redis.hgetall(keys.task(uid));
    return hash.rev === undefined ? undefined : { record: fromHash(hash), rev: hash.rev };
  };
  const write = async (t: TaskRecord, rev: string) =>
    Number(await run(WRITE_TASK, [keys.task(t.uid)], toArgs(t, rev, keys.prefix))) > 0;

  // Resolves `f` to one ZSET scored by uid and returns its key plus the temp keys to drop. A single
  // list filter with one value (e.g. `statuses=failed`) is answered from its index set directly, with
  // no copy: O(log M + limit). Otherwise list filters become unions, date windows become ZRANGESTOREs,
  // and one ZINTERSTORE (AGGREGATE MAX; date sets weigh 0) keeps the uid as the score.
  const select = async (f: NormalizedTaskFilter): Promise<{ key: string; temps: string[] }> => {
    const uidSets: string[] = [];
    const dateSets: string[] = [];
    const temps: string[] = [];
    const multi = redis.multi();
    const temp = () => {
      const k = keys.temp(randomUUID());
      temps.push(k);
      return k;
    };
    const addList = (sources: string[]) => {
      if (sources.length === 1) {
        uidSets.push(sources[0] as string);
        return;
      }
      const k = temp();
      multi.zunionstore(k, sources.length, ...sources);
      uidSets.push(k);
    };
    if (f.statuses) addList(f.statuses.map((st) => keys.tasksByStatus(st)));
    if (f.types) addList(f.types.map((t) => keys.tasksByType(t)));
    if (f.indexUids) addList(f.indexUids.map((i) => keys.tasksByIndex(i)));
    if (f.uids) {
      const k = temp();
      multi.zadd(k, ...f.uids.flatMap((u) => [u, String(u)]));
      uidSets.push(k);
      // Requested uids may not exist: intersect with a real index when nothing else does.
      if (uidSets.length === 1) uidSets.push(keys.tasksAll);
    }
    for (const [column, w] of [
      ['enqueued', f.enqueuedAt],
      ['started', f.startedAt],
      ['finished', f.finishedAt],
    ] as const) {
      if (w.after === undefined && w.before === undefined) continue;
      const k = temp();
      const min = w.after === undefined ? '-inf' : `(${w.after}`;
      const max = w.before === undefined ? '+inf' : `(${w.before}`;
      multi.zrangestore(k, keys.tasksByDate(column), min, max, 'BYSCORE');
      dateSets.push(k);
    }
    if (uidSets.length === 0) uidSets.push(keys.tasksAll);
    if (uidSets.length === 1 && dateSets.length === 0) {
      if (temps.length > 0) await execOrThrow(multi);
      else multi.discard();
      return { key: uidSets[0] as string, temps };
    }
    const result = temp();
    const sources = [...uidSets, ...dateSets];
    const weights = [...uidSets.map(() => 1), ...dateSets.map(() => 0)];
    multi.zinterstore(result, sources.length, ...sources, 'WEIGHTS', ...weights, 'AGGREGATE', 'MAX');
    for (const k of temps) multi.pexpire(k, TEMP_TTL_MS);
    await execOrThrow(multi);
    return { key: result, temps };
  };

  return {
    async create(input) {
      const probe = createTaskRecord(0, input, options.now());
      const uid = await redis.incr(keys.sequence('tasks'));
      const record = { ...probe, uid };
      if (!(await write(record, '')))
        throw new TaskStoreError('backend_unavailable', `[BUG] task uid ${uid} already exists`, 'uid');
      return toTaskView(record);
    },
    async update(uid, update) {
      for (;;) {
        const current = await read(uid);
        if (current === undefined) throw new TaskStoreError('not_found', `task \`${uid}\` not found`, 'uid');
        const next = applyTaskUpdate(current.record, update, options.now());
        if (await write(next, current.rev)) return toTaskView(next);
      }
    },
    async get(uid) {
      const found = await read(uid);
      return found === undefined ? undefined : toTaskView(found.record);
    },
    async list(filter = {}) {
      const f = normalizeTaskFilter(filter);
      if (selectsNothing(f)) return { results: [], total: 0, limit: f.limit, from: null, next: null };
      const { key, temps } = await select(f);
      try {
        const start = f.from === undefined ? (f.reverse ? '-inf' : '+inf') : String(f.from);
        const [total, uids] = await Promise.all([
          redis.zcard(key),
          f.reverse
            ? redis.zrange(key, start, '+inf', 'BYSCORE', 'LIMIT', 0, f.limit + 1)
            : redis.zrange(key, start, '-inf', 'BYSCORE', 'REV', 'LIMIT', 0, f.limit + 1),
        ]);
        const pageUids = uids.slice(0, f.limit);
        const pipeline = redis.pipeline();
        for (const u of pageUids) pipeline.hgetall(keys.task(u));
        const replies = pageUids.length === 0 ? [] : ((await pipeline.exec()) ?? []);
        const results = replies.map(([err, hash]) => {
          if (err) throw err;
          return toTaskView(fromHash(hash as Record<string, string>));
        });
        return {
          results,
          total,
          limit: f.limit,
          from: results[0]?.uid ?? null,
          next: uids.length > f.limit ? Number(uids[f.limit]) : null,
        };
      } finally {
        if (temps.length > 0) await redis.del(...temps);
      }
    },
    async count(filter = {}) {
      const f = normalizeTaskFilter(filter);
      if (selectsNothing(f)) return 0;
      const { key, temps } = await select(f);
      try {
        return await redis.zcard(key);
      } finally {
        if (temps.length > 0) await redis.del(...temps);
      }
    },
    async prune(olderThanMs) {
      const cutoff = options.now() - olderThanMs;
      let total = 0;
      for (;;) {
        const n = Number(await run(PRUNE_TASKS, [], [keys.prefix, cutoff, PRUNE_BATCH]));
        total += n;
        if (n < PRUNE_BATCH) return total;
      }
    },
  };
}

// MULTI reports per-command errors in its result instead of rejecting: surface them.
async function execOrThrow(multi: ReturnType<Redis['multi']>): Promise<void> {
  for (const [error] of (await multi.exec()) ?? []) {
    if (error)
      throw new TaskStoreError(
        'backend_unavailable',
        `Redis rejected a task query: ${error.message}`,
        'tasks',
        { cause: error },
      );
  }
}

function toArgs(t: TaskRecord, rev: string, prefix: string): string[] {
  const opt = (v: number | null) => (v === null ? '' : String(v));
  return [
    rev,
    String(t.uid),
    t.status,
    t.type,
    t.indexUid ?? '',
    String(t.enqueuedAt),
    opt(t.startedAt),
    opt(t.finishedAt),
    t.details === null ? '' : JSON.stringify(t.details),
    t.error === null ? '' : JSON.stringify(t.error),
    JSON.stringify(t.nodeTasks),
    opt(t.canceledBy),
    prefix,
  ];
}

function fromHash(h: Record<string, string>): TaskRecord {
  const uid = Number(h.uid);
  if (
    !(TASK_STATUSES as readonly string[]).includes(h.status ?? '') ||
    !(TASK_TYPES as readonly string[]).includes(h.type ?? '')
  ) {
    throw new TaskStoreError('corrupt_row', `task \`${uid}\` has an unknown status or type`, 'tasks');
  }
  const num = (v: string | undefined) => (v === undefined || v === '' ? null : Number(v));
  return {
    uid,
    indexUid: h.indexUid === undefined || h.indexUid === '' ? null : h.indexUid,
    status: h.status as TaskStatus,
    type: h.type as TaskType,
    canceledBy: num(h.canceledBy),
    details: parseField(uid, 'details', h.details) as Record<string, unknown> | null,
    error: parseField(uid, 'error', h.error) as TaskRecord['error'],
    nodeTasks: (parseField(uid, 'nodeTasks', h.nodeTasks) ?? {}) as Record<string, number>,
    enqueuedAt: Number(h.enqueuedAt),
    startedAt: num(h.startedAt),
    finishedAt: num(h.finishedAt),
  };
}

function parseField(uid: number, field: string, text: string | undefined): unknown {
  if (text === undefined || text === '') return null;
  try {
    const value: unknown = JSON.parse(text);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error('not an object');
    return value;
  } catch (cause) {
    throw new TaskStoreError('corrupt_row', `task \`${uid}\` has malformed JSON in \`${field}\``, 'tasks', {
      cause,
    });
  }
}
