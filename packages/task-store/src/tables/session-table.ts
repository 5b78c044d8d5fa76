import type { RecordBackend } from '../record-backend.js';
import type { SessionPin } from '../record-types.js';
import type { ResolvedStoreOptions } from '../store-options.js';
import type { SessionTable } from '../task-store.js';
import { TaskStoreError } from '../task-store-error.js';
import { createBoundedTrim } from './bounded-trim.js';
import { assertDuration, assertKey, backstopFor, isExpired, parseBody, readLive } from './record-codec.js';

const TABLE = 'sessions';

/** Builds the sessions table: TTL per pin, LRU eviction beyond `maxSessions` (score = last use). */
export function createSessionTable(backend: RecordBackend, options: ResolvedStoreOptions): SessionTable {
  const enforceBound = createBoundedTrim(backend, TABLE, options.maxSessions);
  let lastScore = 0;
  // Strictly increasing scores keep LRU order exact even when the clock does not move.
  const useScore = () => {
    lastScore = Math.max(lastScore + 1e-3, options.now());
    return lastScore;
  };
  return {
    async pin(pin, ttlMs) {
      assertKey('sessionId', pin.sessionId);
      assertDuration('ttlMs', ttlMs);
      if (pin.group !== null) assertKey('group', pin.group);
      if (!Number.isSafeInteger(pin.minTaskUid) || pin.minTaskUid < 0) {
        throw new TaskStoreError(
          'invalid_input',
          '`minTaskUid` must be a non-negative integer',
          'minTaskUid',
        );
      }
      const now = options.now();
      const stored: SessionPin = {
        sessionId: pin.sessionId,
        group: pin.group,
        minTaskUid: pin.minTaskUid,
        expiresAt: now + ttlMs,
      };
      const row = {
        key: pin.sessionId,
        group: '',
        body: JSON.stringify(stored),
        score: useScore(),
        expiresAt: stored.expiresAt,
        backstopMs: backstopFor(stored.expiresAt, now),
      };
      await backend.put(TABLE, row);
      await enforceBound();
      return stored;
    },
    async get(sessionId) {
      const row = await readLive(backend, TABLE, assertKey('sessionId', sessionId), options.now());
      if (row === undefined) return undefined;
      const pin = parseBody<SessionPin>(TABLE, row);
      await backend.touch(TABLE, sessionId, useScore());
      return pin;
    },
    async delete(sessionId) {
      return backend.delete(TABLE, assertKey('sessionId', sessionId));
    },
    async count() {
      const now = options.now();
      return (await backend.list(TABLE)).filter((row) => !isExpired(row, now)).length;
    },
  };
}
