import fc from 'fast-check';
import { expect } from 'vitest';
import type { TaskStore } from '../task-store.js';
import { type CreateContractStore, createFakeClock, propertyParams } from './contract-harness.js';

/** Compare-and-set tables under concurrency: aliases, jobs, leases, CDC cursors, admin sessions. */
export function defineCoordinationContract(
  create: CreateContractStore,
  test: (name: string, fn: () => Promise<void>) => void,
): void {
  test('aliases: a flip wins only at the expected version; history is bounded, newest first', async () => {
    const { store, reopen } = await create({ aliasHistoryLimit: 2 });
    const other = await reopen({ aliasHistoryLimit: 2 });
    try {
      const created = await store.aliases.flip('live', 0, { kind: 'single', currentUid: 'v1' });
      expect(created).toMatchObject({ name: 'live', version: 1, history: [] });
      expect(await store.aliases.flip('live', 0, { kind: 'single', currentUid: 'x' })).toBeUndefined();
      // Two pods race to flip from version 1: exactly one wins.
      const racers = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          (i % 2 ? store : other).aliases.flip('live', 1, { kind: 'single', currentUid: `r${i}` }),
        ),
      );
      expect(racers.filter((r) => r !== undefined)).toHaveLength(1);
      await store.aliases.flip('live', 2, { kind: 'multi', targetUids: ['a', 'b'] });
      const latest = await store.aliases.flip('live', 3, { kind: 'single', currentUid: 'v4' });
      expect(latest?.version).toBe(4);
      expect(latest?.history.map((h) => h.version)).toEqual([3, 2]);
      expect(latest?.history[0]?.target).toEqual({ kind: 'multi', targetUids: ['a', 'b'] });
      expect(await other.aliases.get('live')).toEqual(latest);
      expect((await other.aliases.list()).map((a) => a.name)).toEqual(['live']);
      await expect(store.aliases.flip('live', 4, { kind: 'multi', targetUids: [] })).rejects.toMatchObject({
        kind: 'invalid_input',
      });
      expect((await store.aliases.get('live'))?.version).toBe(4);
      expect(await store.aliases.delete('live')).toBe(true);
    } finally {
      await other.close();
      await store.close();
    }
  });

  test('jobs: many concurrent claimers on two connections claim each job exactly once', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 2, max: 8 }),
        async (jobCount, claimers) => {
          const { store, reopen } = await create();
          const other = await reopen();
          try {
            for (let i = 0; i < jobCount; i++) await store.jobs.enqueue('backfill', { chunk: i });
            expect(await store.jobs.queueDepth()).toBe(jobCount);
            const claimed: number[] = [];
            await Promise.all(
              Array.from({ length: claimers }, async (_, c) => {
                const s: TaskStore = c % 2 ? store : other;
                for (;;) {
                  const job = await s.jobs.claim(`pod-${c}`, 60_000);
                  if (job === undefined) return;
                  claimed.push(job.id);
                }
              }),
            );
            expect([...claimed].sort((a, b) => a - b)).toEqual((await store.jobs.list()).map((j) => j.id));
            expect(new Set(claimed).size).toBe(jobCount);
            expect(await store.jobs.queueDepth()).toBe(0);
          } finally {
            await other.close();
            await store.close();
          }
        },
      ),
      propertyParams(6),
    );
  });

  test('jobs: heartbeat keeps the lease, expiry lets another pod resume from the cursor', async () => {
    const clock = createFakeClock();
    const { store } = await create({ now: clock.now });
    try {
      const job = await store.jobs.enqueue('import', { file: 'dump.ndjson' });
      const a = await store.jobs.claim('pod-a', 1000);
      expect(a).toMatchObject({ id: job.id, claimant: 'pod-a', attempts: 1, state: 'claimed' });
      expect(await store.jobs.claim('pod-b', 1000)).toBeUndefined();
      clock.advance(900);
      expect(await store.jobs.heartbeat(job.id, 'pod-b', 1000)).toBeUndefined();
      expect(
        (await store.jobs.heartbeat(job.id, 'pod-a', 1000, { cursor: 'line-500', progress: 0.5 }))?.cursor,
      ).toBe('line-500');
      clock.advance(900);
      expect(await store.jobs.claim('pod-b', 1000)).toBeUndefined();
      clock.advance(200); // pod-a stops heartbeating: its lease lapses.
      expect(await store.jobs.queueDepth()).toBe(1);
      const b = await store.jobs.claim('pod-b', 1000, ['import']);
      expect(b).toMatchObject({ claimant: 'pod-b', cursor: 'line-500', progress: 0.5, attempts: 2 });
      expect(await store.jobs.complete(job.id, 'pod-a')).toBeUndefined();
      expect((await store.jobs.complete(job.id, 'pod-b'))?.state).toBe('completed');
      const other = await store.jobs.enqueue('reshard', {});
      expect(await store.jobs.claim('pod-c', 1000, ['import'])).toBeUndefined();
      await store.jobs.claim('pod-c', 1000, ['reshard']);
      expect(await store.jobs.fail(other.id, 'pod-c', 'boom')).toMatchObject({
        state: 'failed',
        error: 'boom',
      });
      expect((await store.jobs.get(job.id))?.state).toBe('completed');
    } finally {
      await store.close();
    }
  });

  test('leases: exclusive under concurrent acquisition; renew by holder only; expiry frees it', async () => {
    const clock = createFakeClock();
    const { store, reopen } = await create({ now: clock.now });
    const other = await reopen({ now: clock.now });
    try {
      const attempts = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          (i % 2 ? store : other).leases.acquire('rebalance', `pod-${i}`, 1000),
        ),
      );
      const winners = attempts.filter((l) => l !== undefined);
      expect(winners).toHaveLength(1);
      const holder = winners[0]!.holder;
      expect(await other.leases.get('rebalance')).toEqual(winners[0]);
      expect(await store.leases.renew('rebalance', 'intruder', 1000)).toBeUndefined();
      clock.advance(800);
      expect((await store.leases.renew('rebalance', holder, 1000))?.expiresAt).toBe(clock.now() + 1000);
      clock.advance(800);
      expect(await store.leases.acquire('rebalance', 'intruder', 1000)).toBeUndefined();
      clock.advance(200);
      expect(await store.leases.get('rebalance')).toBeUndefined();
      expect(await store.leases.renew('rebalance', holder, 1000)).toBeUndefined();
      const next = await store.leases.acquire('rebalance', 'intruder', 1000);
      expect(next).toMatchObject({ holder: 'intruder', term: 2 });
      expect(await store.leases.release('rebalance', holder)).toBe(false);
      expect(await store.leases.release('rebalance', 'intruder')).toBe(true);
      expect(await store.leases.get('rebalance')).toBeUndefined();
      expect((await other.leases.acquire('rebalance', holder, 1000))?.term).toBe(3);
    } finally {
      await other.close();
      await store.close();
    }
  });

  test('cdc cursors: compare-and-set advance, one winner per version', async () => {
    const { store, reopen } = await create();
    const other = await reopen();
    try {
      expect(await store.cdcCursors.get('kafka', 'movies')).toBeUndefined();
      expect(await store.cdcCursors.advance('kafka', 'movies', 0, 'o-1')).toEqual({
        sink: 'kafka',
        indexUid: 'movies',
        cursor: 'o-1',
        version: 1,
      });
      const race = await Promise.all(
        [store, other, store, other].map((s, i) => s.cdcCursors.advance('kafka', 'movies', 1, `o-2-${i}`)),
      );
      expect(race.filter((r) => r !== undefined)).toHaveLength(1);
      expect(await store.cdcCursors.advance('kafka', 'movies', 1, 'stale')).toBeUndefined();
      expect((await other.cdcCursors.get('kafka', 'movies'))?.version).toBe(2);
    } finally {
      await other.close();
      await store.close();
    }
  });

  test('admin sessions: lazy expiry; revocation visible to every reader and announced', async () => {
    const clock = createFakeClock();
    const { store, reopen } = await create({ now: clock.now });
    const other = await reopen({ now: clock.now });
    try {
      const heard: string[] = [];
      const unsubscribe = await other.adminSessions.onRevoked((id) => heard.push(id));
      const session = await store.adminSessions.create('sess-1', 'ops@example.com', 10_000);
      expect(await other.adminSessions.get('sess-1')).toEqual(session);
      expect(await other.adminSessions.isActive('sess-1')).toBe(true);
      expect(await store.adminSessions.revoke('sess-1')).toBe(true);
      expect(await other.adminSessions.isActive('sess-1')).toBe(false);
      expect((await other.adminSessions.get('sess-1'))?.revokedAt).toBe(clock.now());
      for (let i = 0; i < 50 && heard.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(heard).toEqual(['sess-1']);
      await unsubscribe();
      await store.adminSessions.create('sess-2', 'ops@example.com', 1000);
      clock.advance(1000);
      expect(await other.adminSessions.get('sess-2')).toBeUndefined();
      expect(await store.adminSessions.revoke('sess-2')).toBe(false);
    } finally {
      await other.close();
      await store.close();
    }
  });
}
