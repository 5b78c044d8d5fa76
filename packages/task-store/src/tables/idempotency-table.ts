import type { RecordBackend } from '../record-backend.js';
import type { IdempotencyEntry } from '../record-types.js';
import type { ResolvedStoreOptions } from '../store-options.js';
import type { IdempotencyTable } from '../task-store.js';
import { TaskStoreError } from '../task-store-error.js';
import { createBoundedTrim } from './bounded-trim.js';
import {
  assertDuration,
  assertKey,
  backstopFor,
  isExpired,
  parseBody,
  readLive,
  versionOf,
} from './record-codec.js';

const TABLE = 'idempotency_cache';
const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Builds the idempotency cache: insert-if-absent with TTL, oldest evicted beyond `maxIdempotencyKeys`. */
export function createIdempotencyTable(
  backend: RecordBackend,
  options: ResolvedStoreOptions,
): IdempotencyTable {
  const enforceBound = createBoundedTrim(backend, TABLE, options.maxIdempotencyKeys);
  return {
    async remember(entry, ttlMs) {
      assertKey('key', entry.key);
      assertDuration('ttlMs', ttlMs);
      if (typeof entry.bodySha256 !== 'string' || !SHA256_HEX.test(entry.bodySha256)) {
        throw new TaskStoreError(
          'invalid_input',
          '`bodySha256` must be 64 lowercase hex characters',
          'bodySha256',
        );
      }
      if (!Number.isSafeInteger(entry.taskUid) || entry.taskUid < 0) {
        throw new TaskStoreError('invalid_input', '`taskUid` must be a non-negative integer', 'taskUid');
      }
      for (;;) {
        const now = options.now();
        const existing = await readLive(backend, TABLE, entry.key, now);
        if (existing !== undefined)
          return { created: false, entry: parseBody<IdempotencyEntry>(TABLE, existing) };
        const stored: IdempotencyEntry = {
          key: entry.key,
          bodySha256: entry.bodySha256,
          taskUid: entry.taskUid,
          expiresAt: now + ttlMs,
        };
        const row = {
          key: entry.key,
          group: '',
          body: JSON.stringify(stored),
          score: now,
          expiresAt: stored.expiresAt,
          backstopMs: backstopFor(stored.expiresAt, now),
        };
        if ((await backend.put(TABLE, row, versionOf(existing))) !== undefined) {
          await enforceBound();
          return { created: true, entry: stored };
        }
      }
    },
    async get(key) {
      const row = await readLive(backend, TABLE, assertKey('key', key), options.now());
      return row === undefined ? undefined : parseBody<IdempotencyEntry>(TABLE, row);
    },
    async count() {
      const now = options.now();
      return (await backend.list(TABLE)).filter((row) => !isExpired(row, now)).length;
    },
  };
}
