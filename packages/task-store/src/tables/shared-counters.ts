import type { RecordBackend } from '../record-backend.js';
import type { KeyRotation, LoginBackoff, OverflowSize, RotationBeacon } from '../record-types.js';
import type { ResolvedStoreOptions } from '../store-options.js';
import type { SharedCounters } from '../task-store.js';
import { TaskStoreError } from '../task-store-error.js';
import { assertDuration, assertKey, backstopFor, parseBody, readLive } from './record-codec.js';

const OVERFLOW = 'cdc_overflow';

/** Builds the shared counters (rate limits, login backoff, key rotation beacons, CDC overflow). */
export function createSharedCounters(backend: RecordBackend, options: ResolvedStoreOptions): SharedCounters {
  const bytesKey = (sink: string) => `\u0001bytes\u0000${sink}`;
  const readBytes = async (sink: string) => {
    const row = await backend.get(OVERFLOW, bytesKey(sink));
    return row === undefined ? 0 : Number(row.body);
  };
  // Removes one overflow row; only the caller whose delete wins subtracts its bytes.
  const removeEntry = async (sink: string, key: string, version: number, body: string) => {
    if (!(await backend.delete(OVERFLOW, key, version))) return undefined;
    const entry = parseBody<{ entry: string }>(OVERFLOW, {
      key,
      group: sink,
      body,
      version,
      score: 0,
      expiresAt: null,
    }).entry;
    await backend.increment(OVERFLOW, bytesKey(sink), -Buffer.byteLength(entry), options.now(), null, null);
    return entry;
  };
  const size = async (sink: string): Promise<OverflowSize> => ({
    entries: await backend.count(OVERFLOW, sink),
    bytes: await readBytes(sink),
  });
  return {
    async hitRateLimit(key, windowMs) {
      assertKey('key', key);
      assertDuration('windowMs', windowMs);
      const now = options.now();
      const window = Math.floor(now / windowMs);
      const resetAt = (window + 1) * windowMs;
      const count = await backend.increment(
        'rate_limits',
        `${key}\u0000${window}`,
        1,
        now,
        resetAt,
        backstopFor(resetAt, now),
      );
      if (count === 1) await backend.delete('rate_limits', `${key}\u0000${window - 1}`);
      return { count, resetAt };
    },
    async recordLoginFailure(subject, baseMs, maxMs) {
      assertKey('subject', subject);
      assertDuration('baseMs', baseMs);
      assertDuration('maxMs', maxMs);
      for (;;) {
        const now = options.now();
        const row = await readLive(backend, 'login_backoff', subject, now);
        const failures = (row === undefined ? 0 : parseBody<LoginBackoff>('login_backoff', row).failures) + 1;
        const blockedUntil = now + Math.min(maxMs, baseMs * 2 ** Math.min(failures - 1, 40));
        const record: LoginBackoff = { subject, failures, blockedUntil };
        // Forget the failures after a quiet period as long as the longest block.
        const expiresAt = blockedUntil + maxMs;
        const write = {
          key: subject,
          group: '',
          body: JSON.stringify(record),
          score: now,
          expiresAt,
          backstopMs: backstopFor(expiresAt, now),
        };
        if ((await backend.put('login_backoff', write, row?.version ?? 0)) !== undefined) return record;
      }
    },
    async getLoginBackoff(subject) {
      const row = await readLive(backend, 'login_backoff', assertKey('subject', subject), options.now());
      return row === undefined ? undefined : parseBody<LoginBackoff>('login_backoff', row);
    },
    async resetLoginBackoff(subject) {
      await backend.delete('login_backoff', assertKey('subject', subject));
    },
    async setKeyRotation(rotation) {
      assertKey('keyUid', rotation.keyUid);
      if (!Number.isSafeInteger(rotation.generation) || rotation.generation < 0) {
        throw new TaskStoreError(
          'invalid_input',
          '`generation` must be a non-negative integer',
          'generation',
        );
      }
      const body = JSON.stringify({
        keyUid: rotation.keyUid,
        generation: rotation.generation,
        startedAt: rotation.startedAt,
      });
      await backend.put('key_rotation', {
        key: rotation.keyUid,
        group: '',
        body,
        score: options.now(),
        expiresAt: null,
        backstopMs: null,
      });
    },
    async getKeyRotation(keyUid) {
      const row = await backend.get('key_rotation', assertKey('keyUid', keyUid));
      return row === undefined ? undefined : parseBody<KeyRotation>('key_rotation', row);
    },
    async beacon(beacon, ttlMs) {
      assertKey('keyUid', beacon.keyUid);
      assertKey('podId', beacon.podId);
      assertDuration('ttlMs', ttlMs);
      const now = options.now();
      const stored: RotationBeacon = {
        keyUid: beacon.keyUid,
        podId: beacon.podId,
        generation: beacon.generation,
        seenAt: now,
      };
      const key = `${beacon.keyUid}\u0000${beacon.podId}`;
      await backend.put('rotation_beacons', {
        key,
        group: beacon.keyUid,
        body: JSON.stringify(stored),
        score: now,
        expiresAt: now + ttlMs,
        backstopMs: backstopFor(now + ttlMs, now),
      });
    },
    async listBeacons(keyUid) {
      const now = options.now();
      const rows = await backend.list('rotation_beacons', { group: assertKey('keyUid', keyUid) });
      return rows
        .filter((row) => row.expiresAt === null || row.expiresAt > now)
        .map((row) => parseBody<RotationBeacon>('rotation_beacons', row))
        .sort((a, b) => (a.podId < b.podId ? -1 : 1));
    },
    async pushOverflow(sink, entry, maxBytes) {
      assertKey('sink', sink);
      assertDuration('maxBytes', maxBytes);
      if (typeof entry !== 'string')
        throw new TaskStoreError('invalid_input', '`entry` must be a string', 'entry');
      const seq = await backend.nextSequence(OVERFLOW);
      const body = JSON.stringify({ entry });
      await backend.put(OVERFLOW, {
        key: `${sink}\u0000${seq}`,
        group: sink,
        body,
        score: seq,
        expiresAt: null,
        backstopMs: null,
      });
      let bytes = await backend.increment(
        OVERFLOW,
        bytesKey(sink),
        Buffer.byteLength(entry),
        options.now(),
        null,
        null,
      );
      while (bytes > maxBytes) {
        const [oldest] = await backend.list(OVERFLOW, { group: sink, limit: 1 });
        if (oldest === undefined) break;
        await removeEntry(sink, oldest.key, oldest.version, oldest.body);
        bytes = await readBytes(sink);
      }
      return size(sink);
    },
    async drainOverflow(sink, max) {
      assertKey('sink', sink);
      const out: string[] = [];
      for (const row of await backend.list(OVERFLOW, { group: sink, limit: max })) {
        const entry = await removeEntry(sink, row.key, row.version, row.body);
        if (entry !== undefined) out.push(entry);
      }
      return out;
    },
    async overflowSize(sink) {
      return size(assertKey('sink', sink));
    },
  };
}
