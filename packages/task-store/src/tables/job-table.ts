import type { RecordBackend, StoredRecord } from '../record-backend.js';
import type { JobRecord } from '../record-types.js';
import type { ResolvedStoreOptions } from '../store-options.js';
import type { JobTable } from '../task-store.js';
import { TaskStoreError } from '../task-store-error.js';
import { assertDuration, assertKey, parseBody } from './record-codec.js';

const TABLE = 'jobs';
/** Jobs that may still run live in this group; finished ones move to `done` so claims never scan them. */
const QUEUE = 'queue';
const DONE = 'done';

/**
 * Builds the job queue. A claim reads the queue in id order and compare-and-sets the first claimable
 * job; a lost race moves on to the next candidate, so each job has exactly one claimant at a time.
 */
export function createJobTable(backend: RecordBackend, options: ResolvedStoreOptions): JobTable {
  const decode = (row: StoredRecord) => parseBody<JobRecord>(TABLE, row);
  const write = (job: JobRecord, expected: number) =>
    backend.put(
      TABLE,
      {
        key: String(job.id),
        group: isFinished(job) ? DONE : QUEUE,
        body: JSON.stringify(job),
        score: job.id,
        expiresAt: null,
        backstopMs: null,
      },
      expected,
    );
  // Applies `change` to a job held by `claimant`; undefined when the job is gone or not theirs.
  const mutateHeld = async (
    id: number,
    claimant: string,
    change: (job: JobRecord, now: number) => JobRecord,
  ) => {
    assertKey('claimant', claimant);
    const row = await backend.get(TABLE, String(id));
    if (row === undefined) return undefined;
    const job = decode(row);
    const now = options.now();
    if (job.state !== 'claimed' || job.claimant !== claimant || (job.leaseUntil ?? 0) <= now)
      return undefined;
    const next = { ...change(job, now), updatedAt: now };
    return (await write(next, row.version)) === undefined ? undefined : next;
  };
  return {
    async enqueue(kind, payload) {
      assertKey('kind', kind);
      const body = JSON.stringify(payload ?? null);
      if (body === undefined)
        throw new TaskStoreError('invalid_input', '`payload` must be JSON-serialisable', 'payload');
      const id = await backend.nextSequence(TABLE);
      const now = options.now();
      const job: JobRecord = {
        id,
        kind,
        payload: JSON.parse(body),
        state: 'pending',
        claimant: null,
        leaseUntil: null,
        cursor: null,
        progress: 0,
        attempts: 0,
        error: null,
        createdAt: now,
        updatedAt: now,
      };
      await write(job, 0);
      return job;
    },
    async claim(claimant, leaseMs, kinds) {
      assertKey('claimant', claimant);
      assertDuration('leaseMs', leaseMs);
      for (const row of await backend.list(TABLE, { group: QUEUE })) {
        const job = decode(row);
        const now = options.now();
        if (!isClaimable(job, now) || (kinds !== undefined && !kinds.includes(job.kind))) continue;
        const next: JobRecord = {
          ...job,
          state: 'claimed',
          claimant,
          leaseUntil: now + leaseMs,
          attempts: job.attempts + 1,
          updatedAt: now,
        };
        if ((await write(next, row.version)) !== undefined) return next;
      }
      return undefined;
    },
    async heartbeat(id, claimant, leaseMs, progress) {
      assertDuration('leaseMs', leaseMs);
      return mutateHeld(id, claimant, (job, now) => ({
        ...job,
        leaseUntil: now + leaseMs,
        cursor: progress?.cursor ?? job.cursor,
        progress: progress?.progress ?? job.progress,
      }));
    },
    async complete(id, claimant) {
      return mutateHeld(id, claimant, (job) => ({ ...job, state: 'completed', leaseUntil: null }));
    },
    async fail(id, claimant, error) {
      return mutateHeld(id, claimant, (job) => ({
        ...job,
        state: 'failed',
        leaseUntil: null,
        error: String(error),
      }));
    },
    async get(id) {
      const row = await backend.get(TABLE, String(id));
      return row === undefined ? undefined : decode(row);
    },
    async list() {
      return (await backend.list(TABLE)).map(decode);
    },
    async queueDepth() {
      const now = options.now();
      return (await backend.list(TABLE, { group: QUEUE })).map(decode).filter((job) => isClaimable(job, now))
        .length;
    },
  };
}

function isFinished(job: JobRecord): boolean {
  return job.state === 'completed' || job.state === 'failed';
}

function isClaimable(job: JobRecord, now: number): boolean {
  return job.state === 'pending' || (job.state === 'claimed' && (job.leaseUntil ?? 0) <= now);
}
