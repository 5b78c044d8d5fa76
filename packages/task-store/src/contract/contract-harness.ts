import type { StoreOptions } from '../store-options.js';
import type { TaskStore } from '../task-store.js';

/** A store on fresh storage, plus test-only hooks into that storage. */
export interface ContractStore {
  store: TaskStore;
  /** Opens another store on the same storage (new file handle / new Redis connection). */
  reopen(options?: StoreOptions): Promise<TaskStore>;
  /** Writes malformed JSON into the `details` column of a task, bypassing the store. */
  corruptTask(uid: number): Promise<void>;
  /** Writes malformed JSON into the body of a record row, bypassing the store. */
  corruptRecord(table: string, key: string): Promise<void>;
}

/** Creates a store on fresh, empty storage. */
export type CreateContractStore = (options?: StoreOptions) => Promise<ContractStore>;

/** A contract test an adapter cannot run, with the reason (required). */
export interface ContractSkip {
  test: string;
  reason: string;
}

/** Seed and run count shared by every property (override with FC_SEED / FC_NUM_RUNS). */
export function propertyParams(defaultRuns: number): { seed: number; numRuns: number } {
  const runs = Number(process.env.FC_NUM_RUNS ?? defaultRuns);
  return {
    seed: Number(process.env.FC_SEED ?? 20261122),
    numRuns: Number.isFinite(runs) && runs > 0 ? runs : defaultRuns,
  };
}

/** A controllable clock for TTL and lease tests. */
export function createFakeClock(start = Date.UTC(2026, 0, 1)): {
  now: () => number;
  advance(ms: number): void;
} {
  let t = start;
  return {
    now: () => t,
    advance(ms: number) {
      t += ms;
    },
  };
}
