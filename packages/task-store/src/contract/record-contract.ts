import fc from 'fast-check';
import { expect } from 'vitest';
import { type CreateContractStore, createFakeClock, propertyParams } from './contract-harness.js';

const keyArb = fc.string({ minLength: 1, maxLength: 24 });
const hexArb = fc.stringMatching(/^[0-9a-f]{64}$/);
const jsonObject = fc.dictionary(
  fc.string({ maxLength: 8 }),
  fc.oneof(fc.integer(), fc.string({ maxLength: 10 }), fc.boolean()),
  { maxKeys: 4 },
);

/** Round trips for every table, TTL expiry and bounded tables. */
export function defineRecordContract(
  create: CreateContractStore,
  test: (name: string, fn: () => Promise<void>) => void,
): void {
  test('records: every table round-trips what it stores (property)', async () => {
    const { store } = await create();
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.record({
            index: keyArb,
            node: keyArb,
            version: fc.nat(),
            hash: hexArb,
            tenant: keyArb,
            group: fc.option(keyArb, { nil: null }),
            name: keyArb,
            doc: jsonObject,
            canary: fc.record({
              id: keyArb,
              indexUid: keyArb,
              query: jsonObject,
              intervalMs: fc.integer({ min: 1, max: 1e9 }),
            }),
            rotation: fc.record({ keyUid: keyArb, generation: fc.nat(), startedAt: fc.nat() }),
          }),
          async (r) => {
            await store.settingsVersions.set(r.index, r.node, r.version);
            expect(await store.settingsVersions.get(r.index, r.node)).toBe(r.version);
            expect((await store.settingsVersions.listForIndex(r.index))[r.node]).toBe(r.version);
            await store.tenants.put({ apiKeySha256: r.hash, tenantId: r.tenant, group: r.group });
            expect(await store.tenants.get(r.hash)).toEqual({
              apiKeySha256: r.hash,
              tenantId: r.tenant,
              group: r.group,
            });
            await store.rolloverPolicies.put({ name: r.name, policy: r.doc });
            expect(await store.rolloverPolicies.get(r.name)).toEqual({ name: r.name, policy: r.doc });
            await store.searchUiConfig.put({ indexUid: r.index, config: r.doc });
            expect(await store.searchUiConfig.get(r.index)).toEqual({ indexUid: r.index, config: r.doc });
            await store.canaries.put(r.canary);
            expect(await store.canaries.get(r.canary.id)).toEqual(r.canary);
            await store.counters.setKeyRotation(r.rotation);
            expect(await store.counters.getKeyRotation(r.rotation.keyUid)).toEqual(r.rotation);
          },
        ),
        propertyParams(25),
      );
      expect(await store.tenants.delete('0'.repeat(64))).toBe(false);
    } finally {
      await store.close();
    }
  });

  test('records: lists and deletes', async () => {
    const { store } = await create();
    try {
      await store.rolloverPolicies.put({ name: 'b', policy: { maxDocs: 2 } });
      await store.rolloverPolicies.put({ name: 'a', policy: { maxDocs: 1 } });
      await store.rolloverPolicies.put({ name: 'a', policy: { maxDocs: 3 } });
      expect(await store.rolloverPolicies.list()).toEqual([
        { name: 'a', policy: { maxDocs: 3 } },
        { name: 'b', policy: { maxDocs: 2 } },
      ]);
      expect(await store.rolloverPolicies.delete('a')).toBe(true);
      expect(await store.rolloverPolicies.delete('a')).toBe(false);
      expect(await store.rolloverPolicies.get('a')).toBeUndefined();
      await store.canaries.put({ id: 'c1', indexUid: 'movies', query: { q: 'x' }, intervalMs: 1000 });
      await store.canaries.recordRun('c1', { ok: true, latencyMs: 3, detail: null });
      expect(await store.canaries.delete('c1')).toBe(true);
      expect(await store.canaries.listRuns('c1')).toEqual([]);
      expect(await store.canaries.list()).toEqual([]);
    } finally {
      await store.close();
    }
  });

  test('records: sessions expire by TTL and stay within the LRU bound', async () => {
    const clock = createFakeClock();
    const { store } = await create({ now: clock.now, maxSessions: 3 });
    try {
      const pin = await store.sessions.pin({ sessionId: 's1', group: 'g1', minTaskUid: 7 }, 1000);
      expect(await store.sessions.get('s1')).toEqual(pin);
      clock.advance(1000);
      expect(await store.sessions.get('s1')).toBeUndefined();
      for (const id of ['a', 'b', 'c'])
        await store.sessions.pin({ sessionId: id, group: null, minTaskUid: 1 }, 60_000);
      await store.sessions.get('a'); // `a` is now the most recently used; `b` the least.
      await store.sessions.pin({ sessionId: 'd', group: null, minTaskUid: 1 }, 60_000);
      expect(await store.sessions.count()).toBe(3);
      expect(await store.sessions.get('b')).toBeUndefined();
      expect((await store.sessions.get('a'))?.sessionId).toBe('a');
      expect(await store.sessions.delete('a')).toBe(true);
      expect(await store.sessions.count()).toBe(2);
    } finally {
      await store.close();
    }
  });

  test('records: idempotency keys keep the first entry until expiry, within the bound', async () => {
    const clock = createFakeClock();
    const { store } = await create({ now: clock.now, maxIdempotencyKeys: 5 });
    const sha = (c: string) => c.repeat(64);
    try {
      const first = await store.idempotency.remember({ key: 'k', bodySha256: sha('a'), taskUid: 1 }, 1000);
      expect(first.created).toBe(true);
      const again = await store.idempotency.remember({ key: 'k', bodySha256: sha('b'), taskUid: 2 }, 1000);
      expect(again).toEqual({ created: false, entry: first.entry });
      clock.advance(1000);
      expect(await store.idempotency.get('k')).toBeUndefined();
      expect(
        (await store.idempotency.remember({ key: 'k', bodySha256: sha('b'), taskUid: 2 }, 1000)).created,
      ).toBe(true);
      for (let i = 0; i < 10; i++) {
        clock.advance(1);
        await store.idempotency.remember({ key: `k${i}`, bodySha256: sha('c'), taskUid: i }, 60_000);
      }
      expect(await store.idempotency.count()).toBe(5);
      expect(await store.idempotency.get('k9')).toBeDefined();
      expect(await store.idempotency.get('k0')).toBeUndefined();
    } finally {
      await store.close();
    }
  });

  test('records: large bounds are enforced within 1% (amortised trim)', async () => {
    const { store } = await create({ maxSessions: 200 });
    try {
      for (let i = 0; i < 260; i++)
        await store.sessions.pin({ sessionId: `s${i}`, group: null, minTaskUid: i }, 60_000);
      const count = await store.sessions.count();
      expect(count).toBeGreaterThanOrEqual(200);
      expect(count).toBeLessThanOrEqual(202);
      expect(await store.sessions.get('s259')).toBeDefined();
      expect(await store.sessions.get('s0')).toBeUndefined();
    } finally {
      await store.close();
    }
  });

  test('records: TTL rows are visible exactly until they expire (property)', async () => {
    const clock = createFakeClock();
    const { store } = await create({ now: clock.now });
    try {
      let n = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 1, max: 10_000 }),
          fc.integer({ min: 0, max: 20_000 }),
          async (ttl, wait) => {
            const id = `ttl-${++n}`;
            await store.sessions.pin({ sessionId: id, group: null, minTaskUid: n }, ttl);
            await store.idempotency.remember({ key: id, bodySha256: 'f'.repeat(64), taskUid: n }, ttl);
            await store.adminSessions.create(id, 'ops', ttl);
            await store.counters.beacon({ keyUid: id, podId: 'p', generation: 1 }, ttl);
            clock.advance(wait);
            const alive = wait < ttl;
            expect((await store.sessions.get(id)) !== undefined).toBe(alive);
            expect((await store.idempotency.get(id)) !== undefined).toBe(alive);
            expect(await store.adminSessions.isActive(id)).toBe(alive);
            expect((await store.counters.listBeacons(id)).length).toBe(alive ? 1 : 0);
          },
        ),
        propertyParams(25),
      );
    } finally {
      await store.close();
    }
  });

  test('records: alias history keeps the newest flips up to its bound (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 4 }),
        async (flips, bound) => {
          const { store } = await create({ aliasHistoryLimit: bound });
          try {
            let last: Awaited<ReturnType<typeof store.aliases.flip>>;
            for (let v = 0; v < flips; v++)
              last = await store.aliases.flip('a', v, { kind: 'single', currentUid: `i${v}` });
            const expected = Array.from({ length: Math.min(flips - 1, bound) }, (_, i) => flips - 1 - i);
            expect(last?.history.map((h) => h.version)).toEqual(expected);
            expect(last?.history.map((h) => h.target)).toEqual(
              expected.map((v) => ({ kind: 'single', currentUid: `i${v - 1}` })),
            );
          } finally {
            await store.close();
          }
        },
      ),
      propertyParams(8),
    );
  });

  test('records: canary run history keeps the newest runs per canary (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom('c1', 'c2'), { maxLength: 20 }),
        fc.integer({ min: 1, max: 5 }),
        async (canaryIds, bound) => {
          const { store } = await create({ canaryRunHistoryLimit: bound });
          try {
            const runs = [];
            for (const [i, id] of canaryIds.entries())
              runs.push(await store.canaries.recordRun(id, { ok: i % 2 === 0, latencyMs: i, detail: null }));
            for (const id of ['c1', 'c2']) {
              const expected = runs
                .filter((r) => r.canaryId === id)
                .reverse()
                .slice(0, bound);
              expect(await store.canaries.listRuns(id)).toEqual(expected);
            }
          } finally {
            await store.close();
          }
        },
      ),
      propertyParams(8),
    );
  });

  test('records: rate limits, login backoff, beacons and CDC overflow', async () => {
    const clock = createFakeClock();
    const { store } = await create({ now: clock.now });
    const c = store.counters;
    try {
      expect(await c.hitRateLimit('ip', 1000)).toEqual({ count: 1, resetAt: clock.now() + 1000 });
      expect((await c.hitRateLimit('ip', 1000)).count).toBe(2);
      clock.advance(1000);
      expect((await c.hitRateLimit('ip', 1000)).count).toBe(1);

      expect((await c.recordLoginFailure('admin', 100, 1000)).blockedUntil).toBe(clock.now() + 100);
      expect((await c.recordLoginFailure('admin', 100, 1000)).blockedUntil).toBe(clock.now() + 200);
      expect(await c.recordLoginFailure('admin', 100, 1000)).toEqual({
        subject: 'admin',
        failures: 3,
        blockedUntil: clock.now() + 400,
      });
      for (let i = 0; i < 5; i++) await c.recordLoginFailure('admin', 100, 1000);
      expect((await c.getLoginBackoff('admin'))?.blockedUntil).toBe(clock.now() + 1000);
      await c.resetLoginBackoff('admin');
      expect(await c.getLoginBackoff('admin')).toBeUndefined();

      await c.beacon({ keyUid: 'k', podId: 'p1', generation: 2 }, 1000);
      clock.advance(500);
      await c.beacon({ keyUid: 'k', podId: 'p2', generation: 3 }, 1000);
      expect((await c.listBeacons('k')).map((b) => b.podId)).toEqual(['p1', 'p2']);
      clock.advance(600);
      expect(await c.listBeacons('k')).toEqual([
        { keyUid: 'k', podId: 'p2', generation: 3, seenAt: clock.now() - 600 },
      ]);

      for (let i = 0; i < 10; i++) await c.pushOverflow('sink', `entry-${i}`, 24); // 7 bytes each
      expect(await c.overflowSize('sink')).toEqual({ entries: 3, bytes: 21 });
      expect(await c.drainOverflow('sink', 2)).toEqual(['entry-7', 'entry-8']);
      expect(await c.overflowSize('sink')).toEqual({ entries: 1, bytes: 7 });
    } finally {
      await store.close();
    }
  });
}
