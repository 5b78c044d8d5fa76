import type { RecordBackend } from '../record-backend.js';
import type { AdminSession } from '../record-types.js';
import type { ResolvedStoreOptions } from '../store-options.js';
import type { AdminSessionTable } from '../task-store.js';
import { assertDuration, assertKey, backstopFor, parseBody, readLive } from './record-codec.js';

const TABLE = 'admin_sessions';
/** Channel on which revocations are announced to every pod. */
export const REVOCATION_CHANNEL = 'admin_sessions:revoked';

/** Builds admin_sessions: lazy expiry on read, revocation stored in the row and announced. */
export function createAdminSessionTable(
  backend: RecordBackend,
  options: ResolvedStoreOptions,
): AdminSessionTable {
  const write = (session: AdminSession, now: number, expected?: number) =>
    backend.put(
      TABLE,
      {
        key: session.sessionId,
        group: '',
        body: JSON.stringify(session),
        score: session.createdAt,
        expiresAt: session.expiresAt,
        backstopMs: backstopFor(session.expiresAt, now),
      },
      expected,
    );
  const read = async (sessionId: string) => {
    const row = await readLive(backend, TABLE, assertKey('sessionId', sessionId), options.now());
    return row === undefined ? undefined : { row, session: parseBody<AdminSession>(TABLE, row) };
  };
  return {
    async create(sessionId, subject, ttlMs) {
      assertKey('sessionId', sessionId);
      assertKey('subject', subject);
      assertDuration('ttlMs', ttlMs);
      const now = options.now();
      const session: AdminSession = {
        sessionId,
        subject,
        createdAt: now,
        expiresAt: now + ttlMs,
        revokedAt: null,
      };
      await write(session, now);
      return session;
    },
    async get(sessionId) {
      return (await read(sessionId))?.session;
    },
    async isActive(sessionId) {
      const found = await read(sessionId);
      return found !== undefined && found.session.revokedAt === null;
    },
    async revoke(sessionId) {
      for (;;) {
        const found = await read(sessionId);
        if (found === undefined) return false;
        if (found.session.revokedAt !== null) return true;
        const now = options.now();
        if ((await write({ ...found.session, revokedAt: now }, now, found.row.version)) !== undefined) {
          await backend.publish(REVOCATION_CHANNEL, sessionId);
          return true;
        }
      }
    },
    async onRevoked(listener) {
      return backend.subscribe(REVOCATION_CHANNEL, listener);
    },
  };
}
