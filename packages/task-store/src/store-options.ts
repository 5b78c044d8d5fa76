/**
 * Options shared by both adapters.
 *
 * @example
 * const options: StoreOptions = { now: () => fakeClock, maxSessions: 10_000 };
 */
export interface StoreOptions {
  /** Clock in epoch ms; inject a fake one in tests. Defaults to `Date.now`. */
  now?: () => number;
  /** Earlier states kept per alias (default 20). */
  aliasHistoryLimit?: number;
  /** LRU bound on read-your-writes sessions (default 100,000). */
  maxSessions?: number;
  /** Bound on idempotency keys, oldest evicted first (default 1,000,000). */
  maxIdempotencyKeys?: number;
  /** Runs kept per canary, newest kept (default 100). */
  canaryRunHistoryLimit?: number;
}

/** `StoreOptions` with defaults applied. */
export type ResolvedStoreOptions = Required<StoreOptions>;

/**
 * Applies defaults to store options.
 *
 * @example
 * resolveStoreOptions({}).aliasHistoryLimit; // 20
 */
export function resolveStoreOptions(options: StoreOptions = {}): ResolvedStoreOptions {
  return {
    now: options.now ?? Date.now,
    aliasHistoryLimit: options.aliasHistoryLimit ?? 20,
    maxSessions: options.maxSessions ?? 100_000,
    maxIdempotencyKeys: options.maxIdempotencyKeys ?? 1_000_000,
    canaryRunHistoryLimit: options.canaryRunHistoryLimit ?? 100,
  };
}
