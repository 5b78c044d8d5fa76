import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

// Lua scripts run atomically on the server: every conditional write of the store is one of these.
// Row hash fields: b = body, v = version, s = score, e = logical expiry ('' = none), g = group.

/** Compare-and-set write of a record row plus its table/group index entries. Returns the new version or -1. */
export const PUT_RECORD = `
local cur = redis.call('HGET', KEYS[1], 'v')
if ARGV[1] ~= '' then
  local want = tonumber(ARGV[1])
  if want == 0 then
    if cur then return -1 end
  elseif (not cur) or tonumber(cur) ~= want then
    return -1
  end
end
local old = redis.call('HGET', KEYS[1], 'g')
local v = (tonumber(cur) or 0) + 1
redis.call('HSET', KEYS[1], 'b', ARGV[2], 'v', v, 's', ARGV[3], 'e', ARGV[4], 'g', ARGV[5])
if ARGV[6] ~= '' then redis.call('PEXPIRE', KEYS[1], ARGV[6]) else redis.call('PERSIST', KEYS[1]) end
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[7])
if old and old ~= '' and old ~= ARGV[5] then redis.call('ZREM', ARGV[8] .. old, ARGV[7]) end
if ARGV[5] ~= '' then redis.call('ZADD', KEYS[3], ARGV[3], ARGV[7]) end
return v`;

/** Deletes a row (optionally only at an expected version) and its index entries. Returns 1 or 0. */
export const DELETE_RECORD = `
local cur = redis.call('HGET', KEYS[1], 'v')
if not cur then
  redis.call('ZREM', KEYS[2], ARGV[2])
  return 0
end
if ARGV[1] ~= '' and tonumber(cur) ~= tonumber(ARGV[1]) then return 0 end
local g = redis.call('HGET', KEYS[1], 'g')
if g and g ~= '' then redis.call('ZREM', ARGV[3] .. g, ARGV[2]) end
redis.call('ZREM', KEYS[2], ARGV[2])
redis.call('DEL', KEYS[1])
return 1`;

/** Deletes the lowest-score members of an index beyond ARGV[1]. Returns how many. */
export const TRIM_RECORDS = `
local n = redis.call('ZCARD', KEYS[1]) - tonumber(ARGV[1])
if n <= 0 then return 0 end
local victims = redis.call('ZRANGE', KEYS[1], 0, n - 1)
for _, m in ipairs(victims) do
  local row = ARGV[2] .. m
  local g = redis.call('HGET', row, 'g')
  if g and g ~= '' then redis.call('ZREM', ARGV[3] .. g, m) end
  redis.call('ZREM', KEYS[2], m)
  redis.call('ZREM', KEYS[1], m)
  redis.call('DEL', row)
end
return n`;

/** Moves a row to a new score (LRU use) in every index it is in. */
export const TOUCH_RECORD = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], 's', ARGV[1])
redis.call('ZADD', KEYS[2], ARGV[1], ARGV[2])
local g = redis.call('HGET', KEYS[1], 'g')
if g and g ~= '' then redis.call('ZADD', ARGV[3] .. g, ARGV[1], ARGV[2]) end
return 1`;

/** Adds to a counter row; an absent or logically expired counter restarts at the increment. */
export const INCREMENT_RECORD = `
local e = redis.call('HGET', KEYS[1], 'e')
local live = false
if e then live = (e == '') or (tonumber(e) > tonumber(ARGV[2])) end
if live then
  redis.call('HINCRBY', KEYS[1], 'v', 1)
  return redis.call('HINCRBY', KEYS[1], 'b', ARGV[1])
end
redis.call('HSET', KEYS[1], 'b', ARGV[1], 'v', 1, 's', ARGV[2], 'e', ARGV[3], 'g', '')
if ARGV[4] ~= '' then redis.call('PEXPIRE', KEYS[1], ARGV[4]) else redis.call('PERSIST', KEYS[1]) end
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[5])
return tonumber(ARGV[1])`;

/**
 * Writes a task row if its revision is the expected one ('' = must not exist) and moves it between
 * the status ZSET and the date ZSETs. Key names must match redis-keys.ts.
 */
export const WRITE_TASK = `
local rev = redis.call('HGET', KEYS[1], 'rev')
if ARGV[1] == '' then
  if rev then return -1 end
elseif (not rev) or rev ~= ARGV[1] then
  return -1
end
local p = ARGV[13]
local uid = ARGV[2]
local old = redis.call('HGET', KEYS[1], 'status')
if old and old ~= ARGV[3] then redis.call('ZREM', p .. 'tasks:status:' .. old, uid) end
local nrev = (tonumber(rev) or 0) + 1
redis.call('HSET', KEYS[1], 'rev', nrev, 'uid', uid, 'status', ARGV[3], 'type', ARGV[4], 'indexUid', ARGV[5],
  'enqueuedAt', ARGV[6], 'startedAt', ARGV[7], 'finishedAt', ARGV[8], 'details', ARGV[9], 'error', ARGV[10],
  'nodeTasks', ARGV[11], 'canceledBy', ARGV[12])
redis.call('ZADD', p .. 'tasks:i', uid, uid)
redis.call('ZADD', p .. 'tasks:status:' .. ARGV[3], uid, uid)
redis.call('ZADD', p .. 'tasks:type:' .. ARGV[4], uid, uid)
if ARGV[5] ~= '' then redis.call('ZADD', p .. 'tasks:index:' .. ARGV[5], uid, uid) end
redis.call('ZADD', p .. 'tasks:enqueued_at', ARGV[6], uid)
if ARGV[7] ~= '' then redis.call('ZADD', p .. 'tasks:started_at', ARGV[7], uid) end
if ARGV[8] ~= '' then redis.call('ZADD', p .. 'tasks:finished_at', ARGV[8], uid) end
return nrev`;

/** Deletes up to ARGV[3] tasks finished before ARGV[2] with all their index entries. */
export const PRUNE_TASKS = `
local p = ARGV[1]
local uids = redis.call('ZRANGEBYSCORE', p .. 'tasks:finished_at', '-inf', '(' .. ARGV[2], 'LIMIT', 0, tonumber(ARGV[3]))
for _, uid in ipairs(uids) do
  local row = p .. 'tasks:r:' .. uid
  local f = redis.call('HMGET', row, 'status', 'type', 'indexUid')
  if f[1] then redis.call('ZREM', p .. 'tasks:status:' .. f[1], uid) end
  if f[2] then redis.call('ZREM', p .. 'tasks:type:' .. f[2], uid) end
  if f[3] and f[3] ~= '' then redis.call('ZREM', p .. 'tasks:index:' .. f[3], uid) end
  for _, z in ipairs({'tasks:i', 'tasks:enqueued_at', 'tasks:started_at', 'tasks:finished_at'}) do
    redis.call('ZREM', p .. z, uid)
  end
  redis.call('DEL', row)
end
return #uids`;

/** Runs a script by SHA, loading it on the first NOSCRIPT (e.g. after a server restart). */
export type ScriptRunner = (script: string, keys: string[], args: (string | number)[]) => Promise<unknown>;

/** Creates a script runner bound to one connection. */
export function createScriptRunner(redis: Redis): ScriptRunner {
  const shas = new Map<string, string>();
  return async (script, keys, args) => {
    let sha = shas.get(script);
    if (sha === undefined) {
      sha = createHash('sha1').update(script).digest('hex');
      shas.set(script, sha);
    }
    try {
      return await redis.evalsha(sha, keys.length, ...keys, ...args);
    } catch (error) {
      if (!String(error).includes('NOSCRIPT')) throw error;
      return redis.eval(script, keys.length, ...keys, ...args);
    }
  };
}
