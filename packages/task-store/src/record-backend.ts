/** Every non-task table; each is one SQLite table and one Redis row-hash family. */
export const RECORD_TABLES = [
  'node_settings_version',
  'aliases',
  'sessions',
  'idempotency_cache',
  'jobs',
  'leader_lease',
  'canaries',
  'canary_runs',
  'cdc_cursors',
  'tenant_map',
  'rollover_policies',
  'search_ui_config',
  'admin_sessions',
  'rate_limits',
  'login_backoff',
  'key_rotation',
  'rotation_beacons',
  'cdc_overflow',
] as const;

/** Name of one record table. */
export type RecordTable = (typeof RECORD_TABLES)[number];

/** A row as an adapter stores it: an opaque JSON body plus the columns the store needs to reason on. */
export interface StoredRecord {
  key: string;
  /** Partition inside the table ('' = none), e.g. the canary of a run. */
  group: string;
  body: string;
  /** Starts at 1, +1 on every write: the compare-and-set token. */
  version: number;
  /** Ordering for listing and bounds (insertion order, or last use for LRU). */
  score: number;
  /** Logical expiry in the store's clock (ms), or null. */
  expiresAt: number | null;
}

/** A row to write; `backstopMs` is a real-time expiry after which the backend may drop it. */
export interface RecordWrite {
  key: string;
  group: string;
  body: string;
  score: number;
  expiresAt: number | null;
  backstopMs: number | null;
}

/**
 * The storage primitives each adapter implements; the tables in `src/tables/` are written once on top
 * of them, which is what makes both adapters behave identically. Every method is atomic on its own.
 * Not part of the public API.
 */
export interface RecordBackend {
  get(table: RecordTable, key: string): Promise<StoredRecord | undefined>;
  /** `expectedVersion`: undefined = unconditional, 0 = must be absent, n = must be at version n. */
  put(table: RecordTable, row: RecordWrite, expectedVersion?: number): Promise<number | undefined>;
  delete(table: RecordTable, key: string, expectedVersion?: number): Promise<boolean>;
  /** Rows by ascending score (descending when `newestFirst`), optionally of one group. */
  list(
    table: RecordTable,
    options?: { group?: string; limit?: number; newestFirst?: boolean },
  ): Promise<StoredRecord[]>;
  count(table: RecordTable, group?: string): Promise<number>;
  /** Deletes the lowest-score rows so that at most `keep` remain (in the group when given). */
  trim(table: RecordTable, keep: number, group?: string): Promise<number>;
  /** Updates a row's score only (LRU use). */
  touch(table: RecordTable, key: string, score: number): Promise<void>;
  /** Atomically adds `by` to the integer in `body`; an absent or expired counter restarts at `by`. */
  increment(
    table: RecordTable,
    key: string,
    by: number,
    now: number,
    expiresAt: number | null,
    backstopMs: number | null,
  ): Promise<number>;
  nextSequence(name: string): Promise<number>;
  publish(channel: string, message: string): Promise<void>;
  subscribe(channel: string, listener: (message: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}
