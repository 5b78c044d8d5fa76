import type { RecordBackend } from '../record-backend.js';
import type { LeaseRecord } from '../record-types.js';
import type { ResolvedStoreOptions } from '../store-options.js';
import type { LeaseTable } from '../task-store.js';
import { assertDuration, assertKey, parseBody } from './record-codec.js';

const TABLE = 'leader_lease';

/**
 * Builds the leader leases. Expired rows are kept (not lazily deleted) so the fencing `term` keeps
 * increasing across holders; every change is a compare-and-set on the row version.
 */
export function createLeaseTable(backend: RecordBackend, options: ResolvedStoreOptions): LeaseTable {
  const write = (lease: LeaseRecord, expected: number) =>
    backend.put(
      TABLE,
      {
        key: lease.scope,
        group: '',
        body: JSON.stringify(lease),
        score: lease.term,
        expiresAt: null,
        backstopMs: null,
      },
      expected,
    );
  return {
    async acquire(scope, holder, ttlMs) {
      assertKey('scope', scope);
      assertKey('holder', holder);
      assertDuration('ttlMs', ttlMs);
      const row = await backend.get(TABLE, scope);
      const now = options.now();
      const current = row === undefined ? undefined : parseBody<LeaseRecord>(TABLE, row);
      const isLive = current !== undefined && current.expiresAt > now;
      if (isLive && current.holder !== holder) return undefined;
      const term = isLive ? current.term : (current?.term ?? 0) + 1;
      const lease: LeaseRecord = { scope, holder, expiresAt: now + ttlMs, term };
      return (await write(lease, row?.version ?? 0)) === undefined ? undefined : lease;
    },
    async renew(scope, holder, ttlMs) {
      assertKey('scope', scope);
      assertKey('holder', holder);
      assertDuration('ttlMs', ttlMs);
      const row = await backend.get(TABLE, scope);
      if (row === undefined) return undefined;
      const current = parseBody<LeaseRecord>(TABLE, row);
      const now = options.now();
      if (current.holder !== holder || current.expiresAt <= now) return undefined;
      const lease: LeaseRecord = { ...current, expiresAt: now + ttlMs };
      return (await write(lease, row.version)) === undefined ? undefined : lease;
    },
    async release(scope, holder) {
      assertKey('scope', scope);
      const row = await backend.get(TABLE, scope);
      if (row === undefined) return false;
      const current = parseBody<LeaseRecord>(TABLE, row);
      if (current.holder !== holder || current.expiresAt <= options.now()) return false;
      // Keep the row (expired now) so the next acquisition gets a higher term.
      return (await write({ ...current, expiresAt: options.now() }, row.version)) !== undefined;
    },
    async get(scope) {
      const row = await backend.get(TABLE, assertKey('scope', scope));
      if (row === undefined) return undefined;
      const lease = parseBody<LeaseRecord>(TABLE, row);
      return lease.expiresAt > options.now() ? lease : undefined;
    },
  };
}
