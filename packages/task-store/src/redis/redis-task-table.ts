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
 * index) and ZSETs scored by date. A filtered list intersects those sets server-side, so a request
 * costs O(N·K) for the intersection of K sets whose smallest has N members, plus O(log M + limit)
 * for the page; an unfiltered list is O(log M + limit). It never scans task hashes.
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

  // Builds a ZSET (scored by uid) of the tasks matching `f`; returns its key and the temp keys to drop.
  const select = async (f: NormalizedTaskFilter): Promise<{ key: string; temps: string[] }> => {
    const parts: { key: string; weight: number }[] = [];
    const temps: string[] = [];
    const multi = redis.multi();
    const temp = () => {
      const k = keys.temp(randomUUID());
      temps.push(k);
      return k;
    };
    const union = (sources: string[]) => {
      const k = temp();
      multi.zunionstore(k, sources.length, ...sources);
      parts.push({ key: k, weight: 0 });
    };
    if (f.statuses) union(f.statuses.map((s) => keys.tasksByStatus(s)));
    if (f.types) union(f.types.map((t) => keys.tasksByType(t)));
    if (f.indexUids) union(f.indexUids.map((i) => keys.tasksByIndex(i)));
    if (f.uids) {
      const k = temp();
      multi.zadd(k, ...f.uids.flatMap((u) => [u, String(u)]));
      parts.push({ key: k, weight: 0 });
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
      parts.push({ key: k, weight: 0 });
    }
    if (parts.length === 0) return { key: keys.tasksAll, temps };
    // The all-tasks set carries the uid score (weight 1); the others only filter (weight 0).
    const result = temp();
    const sources = [keys.tasksAll, ...parts.map((p) => p.key)];
    multi.zinterstore(result, sources.length, ...sources, 'WEIGHTS', 1, ...parts.map((p) => p.weight));
    for (const k of temps) multi.pexpire(k, TEMP_TTL_MS);
    await multi.exec();
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
