import type {
  AdminSession,
  AliasRecord,
  AliasTarget,
  CanaryDefinition,
  CanaryRun,
  CdcCursor,
  IdempotencyEntry,
  JobRecord,
  KeyRotation,
  LeaseRecord,
  LoginBackoff,
  OverflowSize,
  RateLimitWindow,
  RolloverPolicy,
  RotationBeacon,
  SearchUiConfig,
  SessionPin,
  TenantMapping,
} from './record-types.js';
import type { NewTask, TaskFilter, TaskPage, TaskUpdate, TaskView } from './task-types.js';

/**
 * The task registry behind `GET /tasks` and `waitForTask`.
 *
 * @example
 * const t = await store.tasks.create({ indexUid: 'movies', type: 'documentAdditionOrUpdate' });
 * await store.tasks.update(t.uid, { status: 'succeeded' });
 */
export interface TaskTable {
  /** Assigns the next uid from the durable sequence and stores the task. */
  create(task: NewTask): Promise<TaskView>;
  /** Throws `not_found` for an unknown uid and `invalid_input` for a bad update (store unchanged). */
  update(uid: number, update: TaskUpdate): Promise<TaskView>;
  get(uid: number): Promise<TaskView | undefined>;
  /** Meilisearch `GET /tasks` semantics: descending uid unless `reverse`, `from`/`next` paging. */
  list(filter?: TaskFilter): Promise<TaskPage>;
  /** Number of tasks matching the filter (paging fields ignored). */
  count(filter?: TaskFilter): Promise<number>;
  /** Deletes finished tasks whose `finishedAt` is older than `now - olderThanMs`; returns how many. */
  prune(olderThanMs: number): Promise<number>;
}

/** Per (index, node) verified settings version. @example await s.set('movies', 'n1', 3); */
export interface SettingsVersionTable {
  get(indexUid: string, nodeId: string): Promise<number | undefined>;
  set(indexUid: string, nodeId: string, version: number): Promise<void>;
  listForIndex(indexUid: string): Promise<Record<string, number>>;
}

/** Aliases with compare-and-set flips. @example await aliases.flip('a', 0, { kind: 'single', currentUid: 'x' }); */
export interface AliasTable {
  get(name: string): Promise<AliasRecord | undefined>;
  list(): Promise<AliasRecord[]>;
  /** Creates (`expectedVersion` 0) or flips the alias; `undefined` when the version did not match. */
  flip(name: string, expectedVersion: number, target: AliasTarget): Promise<AliasRecord | undefined>;
  delete(name: string): Promise<boolean>;
}

/** Read-your-writes pins with a TTL and an LRU bound. @example await sessions.pin({ sessionId: 's', group: 'g0', minTaskUid: 4 }, 60_000); */
export interface SessionTable {
  pin(pin: Omit<SessionPin, 'expiresAt'>, ttlMs: number): Promise<SessionPin>;
  /** Reading counts as use for the LRU bound. */
  get(sessionId: string): Promise<SessionPin | undefined>;
  delete(sessionId: string): Promise<boolean>;
  count(): Promise<number>;
}

/** Idempotency keys. @example const r = await idem.remember({ key: 'k', bodySha256: h, taskUid: 7 }, 86_400_000); */
export interface IdempotencyTable {
  /** Stores the entry unless a live one exists; returns the entry that is in force. */
  remember(
    entry: Omit<IdempotencyEntry, 'expiresAt'>,
    ttlMs: number,
  ): Promise<{ created: boolean; entry: IdempotencyEntry }>;
  get(key: string): Promise<IdempotencyEntry | undefined>;
  count(): Promise<number>;
}

/** Mode C job queue. @example const job = await jobs.claim('pod-a', 30_000); */
export interface JobTable {
  enqueue(kind: string, payload: unknown): Promise<JobRecord>;
  /** Claims the oldest pending job (or one whose lease expired); exactly one claimant wins. */
  claim(claimant: string, leaseMs: number, kinds?: readonly string[]): Promise<JobRecord | undefined>;
  /** Extends the lease and records progress; `undefined` when `claimant` no longer holds the job. */
  heartbeat(
    id: number,
    claimant: string,
    leaseMs: number,
    progress?: { cursor?: string; progress?: number },
  ): Promise<JobRecord | undefined>;
  complete(id: number, claimant: string): Promise<JobRecord | undefined>;
  fail(id: number, claimant: string, error: string): Promise<JobRecord | undefined>;
  get(id: number): Promise<JobRecord | undefined>;
  list(): Promise<JobRecord[]>;
  /** Jobs waiting to be claimed (pending or lease expired). */
  queueDepth(): Promise<number>;
}

/** Mode B leader leases. @example const lease = await leases.acquire('rebalance', 'pod-a', 10_000); */
export interface LeaseTable {
  /** Takes the lease if it is free, expired or already ours; `undefined` otherwise. */
  acquire(scope: string, holder: string, ttlMs: number): Promise<LeaseRecord | undefined>;
  /** Extends the lease; only the live holder can. */
  renew(scope: string, holder: string, ttlMs: number): Promise<LeaseRecord | undefined>;
  release(scope: string, holder: string): Promise<boolean>;
  /** The live lease, or `undefined` when free or expired. */
  get(scope: string): Promise<LeaseRecord | undefined>;
}

/** Canary definitions and their bounded run history. @example await canaries.recordRun('c1', { ok: true, latencyMs: 12, detail: null }); */
export interface CanaryTable {
  put(canary: CanaryDefinition): Promise<void>;
  get(id: string): Promise<CanaryDefinition | undefined>;
  list(): Promise<CanaryDefinition[]>;
  /** Deletes the canary and its runs. */
  delete(id: string): Promise<boolean>;
  recordRun(canaryId: string, run: Omit<CanaryRun, 'canaryId' | 'runId' | 'at'>): Promise<CanaryRun>;
  /** Newest first; at most the history bound are kept per canary. */
  listRuns(canaryId: string): Promise<CanaryRun[]>;
}

/** CDC cursors with compare-and-set. @example await cdc.advance('kafka', 'movies', 0, 'offset-1'); */
export interface CdcCursorTable {
  get(sink: string, indexUid: string): Promise<CdcCursor | undefined>;
  /** Moves the cursor if its version is `expectedVersion` (0 = absent); `undefined` otherwise. */
  advance(
    sink: string,
    indexUid: string,
    expectedVersion: number,
    cursor: string,
  ): Promise<CdcCursor | undefined>;
}

/** API key → tenant. @example await tenants.put({ apiKeySha256: hex, tenantId: 'acme', group: null }); */
export interface TenantTable {
  put(mapping: TenantMapping): Promise<void>;
  get(apiKeySha256: string): Promise<TenantMapping | undefined>;
  list(): Promise<TenantMapping[]>;
  delete(apiKeySha256: string): Promise<boolean>;
}

/** A table of opaque JSON documents by name. @example await policies.put({ name: 'logs', policy: {} }); */
export interface DocumentTable<T> {
  put(doc: T): Promise<void>;
  get(key: string): Promise<T | undefined>;
  list(): Promise<T[]>;
  delete(key: string): Promise<boolean>;
}

/** Admin sessions; revocation is visible to every reader. @example await admin.revoke(id); */
export interface AdminSessionTable {
  create(sessionId: string, subject: string, ttlMs: number): Promise<AdminSession>;
  /** The session if it exists and has not expired (revoked sessions are returned with `revokedAt`). */
  get(sessionId: string): Promise<AdminSession | undefined>;
  /** True when the session exists, has not expired and is not revoked. */
  isActive(sessionId: string): Promise<boolean>;
  revoke(sessionId: string): Promise<boolean>;
  /** Called with the session id whenever any pod revokes a session; returns an unsubscribe function. */
  onRevoked(listener: (sessionId: string) => void): Promise<() => Promise<void>>;
}

/** Shared counters: rate limits, login backoff, key rotation, CDC overflow. @example await s.hitRateLimit('ip:1.2.3.4', 60_000); */
export interface SharedCounters {
  /** Counts one hit in the fixed window containing `now`. */
  hitRateLimit(key: string, windowMs: number): Promise<RateLimitWindow>;
  /** Records a failed login; the block doubles each time from `baseMs` up to `maxMs`. */
  recordLoginFailure(subject: string, baseMs: number, maxMs: number): Promise<LoginBackoff>;
  getLoginBackoff(subject: string): Promise<LoginBackoff | undefined>;
  resetLoginBackoff(subject: string): Promise<void>;
  setKeyRotation(rotation: KeyRotation): Promise<void>;
  getKeyRotation(keyUid: string): Promise<KeyRotation | undefined>;
  /** A pod reports the generation it sees; beacons expire after `ttlMs`. */
  beacon(beacon: Omit<RotationBeacon, 'seenAt'>, ttlMs: number): Promise<void>;
  listBeacons(keyUid: string): Promise<RotationBeacon[]>;
  /** Appends to a CDC overflow buffer, dropping the oldest entries beyond `maxBytes`. */
  pushOverflow(sink: string, entry: string, maxBytes: number): Promise<OverflowSize>;
  /** Removes and returns up to `max` oldest entries. */
  drainOverflow(sink: string, max: number): Promise<string[]>;
  overflowSize(sink: string): Promise<OverflowSize>;
}

/**
 * Everything Miroir keeps across restarts. Open it with `createSqliteTaskStore` (one pod) or
 * `createRedisTaskStore` (several pods); both behave identically.
 *
 * @example
 * const store: TaskStore = await createSqliteTaskStore({ path: 'miroir.db' });
 * await store.close();
 */
export interface TaskStore {
  readonly tasks: TaskTable;
  readonly settingsVersions: SettingsVersionTable;
  readonly aliases: AliasTable;
  readonly sessions: SessionTable;
  readonly idempotency: IdempotencyTable;
  readonly jobs: JobTable;
  readonly leases: LeaseTable;
  readonly canaries: CanaryTable;
  readonly cdcCursors: CdcCursorTable;
  readonly tenants: TenantTable;
  readonly rolloverPolicies: DocumentTable<RolloverPolicy>;
  readonly searchUiConfig: DocumentTable<SearchUiConfig>;
  readonly adminSessions: AdminSessionTable;
  readonly counters: SharedCounters;
  close(): Promise<void>;
}
