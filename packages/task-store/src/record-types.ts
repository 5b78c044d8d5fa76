/** An alias target: one index (`single`) or several (`multi`). */
export type AliasTarget = { kind: 'single'; currentUid: string } | { kind: 'multi'; targetUids: string[] };

/** One earlier state of an alias, newest first in `AliasRecord.history`. */
export interface AliasHistoryEntry {
  version: number;
  target: AliasTarget;
  changedAt: number;
}

/** An alias row: `version` increases by one on every flip; history is bounded. */
export interface AliasRecord {
  name: string;
  target: AliasTarget;
  version: number;
  updatedAt: number;
  history: AliasHistoryEntry[];
}

/** A read-your-writes pin: reads for this session go to `group` until `minTaskUid` is visible. */
export interface SessionPin {
  sessionId: string;
  group: string | null;
  minTaskUid: number;
  expiresAt: number;
}

/** A remembered `Idempotency-Key`: same key + same body returns the same task. */
export interface IdempotencyEntry {
  key: string;
  bodySha256: string;
  taskUid: number;
  expiresAt: number;
}

/** Background job states (mode C job queue). */
export type JobState = 'pending' | 'claimed' | 'completed' | 'failed';

/** A background job; `cursor` lets a new claimant resume where a dead one stopped. */
export interface JobRecord {
  id: number;
  kind: string;
  payload: unknown;
  state: JobState;
  claimant: string | null;
  leaseUntil: number | null;
  cursor: string | null;
  progress: number;
  attempts: number;
  error: string | null;
  createdAt: number;
  updatedAt: number;
}

/** A leader lease for one scope (mode B). */
export interface LeaseRecord {
  scope: string;
  holder: string;
  expiresAt: number;
  /** Increases on every acquisition: a fencing token. */
  term: number;
}

/** A synthetic search run on a schedule to detect regressions. */
export interface CanaryDefinition {
  id: string;
  indexUid: string;
  query: Record<string, unknown>;
  intervalMs: number;
}

/** One execution of a canary. */
export interface CanaryRun {
  canaryId: string;
  runId: number;
  at: number;
  ok: boolean;
  latencyMs: number;
  detail: string | null;
}

/** A change-data-capture cursor per (sink, index). */
export interface CdcCursor {
  sink: string;
  indexUid: string;
  cursor: string;
  version: number;
}

/** The tenant an API key belongs to (keyed by sha256 of the key, hex). */
export interface TenantMapping {
  apiKeySha256: string;
  tenantId: string;
  group: string | null;
}

/** An index lifecycle (rollover) policy, stored as an opaque document. */
export interface RolloverPolicy {
  name: string;
  policy: Record<string, unknown>;
}

/** Search UI configuration for one index, stored as an opaque document. */
export interface SearchUiConfig {
  indexUid: string;
  config: Record<string, unknown>;
}

/** An operator session on the admin API. */
export interface AdminSession {
  sessionId: string;
  subject: string;
  createdAt: number;
  expiresAt: number;
  revokedAt: number | null;
}

/** A fixed-window rate-limit counter after one hit. */
export interface RateLimitWindow {
  count: number;
  resetAt: number;
}

/** Failed-login state: `blockedUntil` grows exponentially with `failures`. */
export interface LoginBackoff {
  subject: string;
  failures: number;
  blockedUntil: number;
}

/** The current scoped-key rotation (which key generation pods must use). */
export interface KeyRotation {
  keyUid: string;
  generation: number;
  startedAt: number;
}

/** One pod's report of the key generation it observes. */
export interface RotationBeacon {
  keyUid: string;
  podId: string;
  generation: number;
  seenAt: number;
}

/** Size of a CDC overflow buffer. */
export interface OverflowSize {
  entries: number;
  bytes: number;
}
