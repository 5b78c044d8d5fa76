import { expect } from 'vitest';
import type { TaskStore } from '../task-store.js';
import { TaskStoreError } from '../task-store-error.js';
import { type CreateContractStore, createFakeClock } from './contract-harness.js';

const HASH = 'ab'.repeat(32);

async function writeEveryTable(store: TaskStore): Promise<number> {
  const task = await store.tasks.create({
    indexUid: 'movies',
    type: 'documentAdditionOrUpdate',
    nodeTasks: { n1: 1 },
  });
  await store.tasks.update(task.uid, { status: 'succeeded', details: { receivedDocuments: 1 } });
  await store.settingsVersions.set('movies', 'n1', 4);
  await store.aliases.flip('live', 0, { kind: 'single', currentUid: 'movies' });
  await store.sessions.pin({ sessionId: 's', group: 'g0', minTaskUid: task.uid }, 60_000);
  await store.idempotency.remember({ key: 'idem', bodySha256: HASH, taskUid: task.uid }, 60_000);
  await store.jobs.enqueue('backfill', { from: 0 });
  await store.leases.acquire('ilm', 'pod-a', 60_000);
  await store.canaries.put({ id: 'c', indexUid: 'movies', query: { q: 'matrix' }, intervalMs: 1000 });
  await store.canaries.recordRun('c', { ok: true, latencyMs: 5, detail: 'fine' });
  await store.cdcCursors.advance('kafka', 'movies', 0, 'o-9');
  await store.tenants.put({ apiKeySha256: HASH, tenantId: 'acme', group: 'g1' });
  await store.rolloverPolicies.put({ name: 'logs', policy: { maxDocs: 10 } });
  await store.searchUiConfig.put({ indexUid: 'movies', config: { theme: 'dark' } });
  await store.adminSessions.create('admin', 'ops', 60_000);
  await store.counters.setKeyRotation({ keyUid: 'k', generation: 2, startedAt: 1 });
  await store.counters.pushOverflow('sink', 'event', 1000);
  return task.uid;
}

/** Restart survival, corrupt rows and bad keys. */
export function defineDurabilityContract(
  create: CreateContractStore,
  test: (name: string, fn: () => Promise<void>) => void,
): void {
  test('durability: every table survives closing and reopening the store', async () => {
    const clock = createFakeClock();
    const { store, reopen } = await create({ now: clock.now });
    const uid = await writeEveryTable(store);
    const before = await store.tasks.get(uid);
    await store.close();
    const again = await reopen({ now: clock.now });
    try {
      expect(await again.tasks.get(uid)).toEqual(before);
      expect((await again.tasks.create({ indexUid: null, type: 'dumpCreation' })).uid).toBeGreaterThan(uid);
      expect(await again.settingsVersions.get('movies', 'n1')).toBe(4);
      expect((await again.aliases.get('live'))?.target).toEqual({ kind: 'single', currentUid: 'movies' });
      expect((await again.sessions.get('s'))?.minTaskUid).toBe(uid);
      expect((await again.idempotency.get('idem'))?.taskUid).toBe(uid);
      expect(await again.jobs.queueDepth()).toBe(1);
      expect((await again.leases.get('ilm'))?.holder).toBe('pod-a');
      expect((await again.canaries.get('c'))?.query).toEqual({ q: 'matrix' });
      expect((await again.canaries.listRuns('c'))[0]?.detail).toBe('fine');
      expect((await again.cdcCursors.get('kafka', 'movies'))?.cursor).toBe('o-9');
      expect((await again.tenants.get(HASH))?.tenantId).toBe('acme');
      expect(await again.rolloverPolicies.get('logs')).toEqual({ name: 'logs', policy: { maxDocs: 10 } });
      expect(await again.searchUiConfig.get('movies')).toEqual({
        indexUid: 'movies',
        config: { theme: 'dark' },
      });
      expect(await again.adminSessions.isActive('admin')).toBe(true);
      expect((await again.counters.getKeyRotation('k'))?.generation).toBe(2);
      expect(await again.counters.overflowSize('sink')).toEqual({ entries: 1, bytes: 5 });
    } finally {
      await again.close();
    }
  });

  test('durability: malformed JSON in a row surfaces as corrupt_row, other rows still read', async () => {
    const { store, corruptTask, corruptRecord } = await create();
    try {
      const bad = await store.tasks.create({ indexUid: 'movies', type: 'indexCreation' });
      const good = await store.tasks.create({ indexUid: 'movies', type: 'indexCreation' });
      await corruptTask(bad.uid);
      await expect(store.tasks.get(bad.uid)).rejects.toMatchObject({ kind: 'corrupt_row' });
      await expect(store.tasks.update(bad.uid, { status: 'failed' })).rejects.toBeInstanceOf(TaskStoreError);
      expect(await store.tasks.get(good.uid)).toEqual(good);
      await store.rolloverPolicies.put({ name: 'p', policy: {} });
      await corruptRecord('rollover_policies', 'p');
      await expect(store.rolloverPolicies.get('p')).rejects.toMatchObject({ kind: 'corrupt_row' });
    } finally {
      await store.close();
    }
  });

  test('durability: oversize or empty keys are rejected as invalid_input and change nothing', async () => {
    const { store } = await create();
    try {
      const huge = 'x'.repeat(513);
      await expect(store.rolloverPolicies.put({ name: huge, policy: {} })).rejects.toMatchObject({
        kind: 'invalid_input',
        field: 'name',
      });
      await expect(
        store.sessions.pin({ sessionId: huge, group: null, minTaskUid: 1 }, 1000),
      ).rejects.toMatchObject({ field: 'sessionId' });
      await expect(store.leases.acquire('', 'pod', 1000)).rejects.toMatchObject({
        kind: 'invalid_input',
        field: 'scope',
      });
      await expect(store.jobs.claim('pod', 0)).rejects.toMatchObject({ field: 'leaseMs' });
      await expect(
        store.tenants.put({ apiKeySha256: 'not-a-hash', tenantId: 't', group: null }),
      ).rejects.toMatchObject({ field: 'apiKeySha256' });
      await expect(store.tasks.update(1, { nodeTasks: { n: -1 } })).rejects.toBeInstanceOf(TaskStoreError);
      expect(await store.rolloverPolicies.list()).toEqual([]);
      expect(await store.sessions.count()).toBe(0);
      expect(await store.tenants.list()).toEqual([]);
      expect(await store.tasks.count()).toBe(0);
    } finally {
      await store.close();
    }
  });
}
