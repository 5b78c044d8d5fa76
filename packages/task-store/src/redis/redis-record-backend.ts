import type { Redis } from 'ioredis';
import type { RecordBackend, StoredRecord } from '../record-backend.js';
import type { RedisKeys } from './redis-keys.js';
import {
  DELETE_RECORD,
  INCREMENT_RECORD,
  PUT_RECORD,
  type ScriptRunner,
  TOUCH_RECORD,
  TRIM_RECORDS,
} from './redis-scripts.js';

/**
 * Record primitives on Redis: one hash per row, a ZSET `_index` per table (and per group) so listing
 * never SCANs; every conditional write is a Lua script. Subscriptions use one extra connection.
 */
export function createRedisRecordBackend(redis: Redis, keys: RedisKeys, run: ScriptRunner): RecordBackend {
  let subscriber: Redis | undefined;
  const listeners = new Map<string, Set<(message: string) => void>>();
  const opt = (value: number | null) => (value === null ? '' : String(value));

  const fetchRows = async (table: string, members: string[], indexKey: string): Promise<StoredRecord[]> => {
    if (members.length === 0) return [];
    const pipeline = redis.pipeline();
    for (const m of members) pipeline.hgetall(keys.row(table, m));
    const replies = (await pipeline.exec()) ?? [];
    const rows: StoredRecord[] = [];
    const stale: string[] = [];
    members.forEach((m, i) => {
      const [err, hash] = replies[i] ?? [null, {}];
      if (err) throw err;
      const row = toStored(m, hash as Record<string, string>);
      if (row === undefined) stale.push(m);
      else rows.push(row);
    });
    // A row dropped by the EXPIRE backstop leaves its index entry behind: clean it now.
    if (stale.length > 0) await redis.zrem(indexKey, ...stale);
    return rows;
  };

  return {
    async get(table, key) {
      return toStored(key, await redis.hgetall(keys.row(table, key)));
    },
    async put(table, row, expectedVersion) {
      const result = await run(
        PUT_RECORD,
        [keys.row(table, row.key), keys.tableIndex(table), keys.groupIndex(table, row.group)],
        [
          expectedVersion === undefined ? '' : String(expectedVersion),
          row.body,
          String(row.score),
          opt(row.expiresAt),
          row.group,
          opt(row.backstopMs === null ? null : Math.ceil(row.backstopMs)),
          row.key,
          keys.groupIndexPrefix(table),
        ],
      );
      return Number(result) < 0 ? undefined : Number(result);
    },
    async delete(table, key, expectedVersion) {
      const result = await run(
        DELETE_RECORD,
        [keys.row(table, key), keys.tableIndex(table)],
        [expectedVersion === undefined ? '' : String(expectedVersion), key, keys.groupIndexPrefix(table)],
      );
      return Number(result) === 1;
    },
    async list(table, options = {}) {
      const indexKey =
        options.group === undefined ? keys.tableIndex(table) : keys.groupIndex(table, options.group);
      const stop = options.limit === undefined ? -1 : options.limit - 1;
      if (stop < -1 || options.limit === 0) return [];
      const members = options.newestFirst
        ? await redis.zrange(indexKey, '0', String(stop), 'REV')
        : await redis.zrange(indexKey, '0', String(stop));
      return fetchRows(table, members, indexKey);
    },
    async count(table, group) {
      return redis.zcard(group === undefined ? keys.tableIndex(table) : keys.groupIndex(table, group));
    },
    async trim(table, keep, group) {
      const indexKey = group === undefined ? keys.tableIndex(table) : keys.groupIndex(table, group);
      const result = await run(
        TRIM_RECORDS,
        [indexKey, keys.tableIndex(table)],
        [keep, keys.rowPrefix(table), keys.groupIndexPrefix(table)],
      );
      return Number(result);
    },
    async touch(table, key, score) {
      await run(
        TOUCH_RECORD,
        [keys.row(table, key), keys.tableIndex(table)],
        [String(score), key, keys.groupIndexPrefix(table)],
      );
    },
    async increment(table, key, by, now, expiresAt, backstopMs) {
      const result = await run(
        INCREMENT_RECORD,
        [keys.row(table, key), keys.tableIndex(table)],
        [by, now, opt(expiresAt), opt(backstopMs === null ? null : Math.ceil(backstopMs)), key],
      );
      return Number(result);
    },
    async nextSequence(name) {
      return redis.incr(keys.sequence(name));
    },
    async publish(channel, message) {
      await redis.publish(keys.channel(channel), message);
    },
    async subscribe(channel, listener) {
      const full = keys.channel(channel);
      if (subscriber === undefined) {
        subscriber = redis.duplicate();
        subscriber.on('message', (ch: string, message: string) => {
          for (const l of listeners.get(ch) ?? []) l(message);
        });
      }
      let set = listeners.get(full);
      if (set === undefined) {
        set = new Set();
        listeners.set(full, set);
        await subscriber.subscribe(full);
      }
      set.add(listener);
      return async () => {
        set.delete(listener);
        if (set.size === 0 && listeners.get(full) === set) {
          listeners.delete(full);
          await subscriber?.unsubscribe(full);
        }
      };
    },
    async close() {
      if (subscriber !== undefined) {
        subscriber.disconnect();
        subscriber = undefined;
      }
    },
  };
}

function toStored(key: string, hash: Record<string, string>): StoredRecord | undefined {
  if (hash.v === undefined) return undefined;
  return {
    key,
    group: hash.g ?? '',
    body: hash.b ?? '',
    version: Number(hash.v),
    score: Number(hash.s),
    expiresAt: hash.e === undefined || hash.e === '' ? null : Number(hash.e),
  };
}
