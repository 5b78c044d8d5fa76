import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDevnodeApp } from './app.js';
import { encodeDump } from './dump/dump-content.js';
import type { IndexSettings } from './engine/engine-contract.js';
import { defaultSettings } from './engine/index.js';
import { FaultController } from './middleware/faults/fault-controller.js';
import { createDevnodeState, type DevnodeState } from './state/devnode-state.js';

const dirs: string[] = [];
const states: DevnodeState[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'devnode-app-'));
  dirs.push(dir);
  return dir;
}
function build(
  options: Parameters<typeof createDevnodeState>[0] = {},
  extra: { limit?: number; faults?: FaultController } = {},
) {
  const state = createDevnodeState(options);
  states.push(state);
  const app = createDevnodeApp({
    state,
    payloadSizeLimit: extra.limit ?? 100_000_000,
    faults: extra.faults ?? null,
    pkgVersion: '1.37.0',
  });
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await app.request(path, {
      method,
      headers: body === undefined ? headers : { 'Content-Type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
  };
  return { state, app, call };
}

afterEach(() => {
  for (const s of states.splice(0)) s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('devnode app (in-process)', () => {
  it('without a master key everything is open but /keys answers missing_master_key', async () => {
    const { call } = build();
    expect((await call('GET', '/indexes')).status).toBe(200);
    const keys = await call('GET', '/keys');
    expect(keys.status).toBe(401);
    expect(keys.body?.code).toBe('missing_master_key');
  });

  it('rejects bodies over the payload limit with 413 payload_too_large', async () => {
    const { call } = build({}, { limit: 100 });
    const res = await call('POST', '/indexes/big/documents', [{ id: 1, text: 'x'.repeat(200) }]);
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ code: 'payload_too_large' });
    expect(String(res.body?.message)).toContain('100 B');
  });

  it('cancels enqueued tasks and reports canceledBy', async () => {
    const { state, call } = build();
    state.queue.isRunning = false;
    const add = await call('POST', '/indexes/movies/documents', [{ id: 1 }]);
    const cancel = await call('POST', `/tasks/cancel?uids=${add.body?.taskUid}`);
    expect(cancel.status).toBe(200);
    state.queue.isRunning = true;
    state.queue.schedule();
    await state.queue.whenIdle();
    const canceled = await call('GET', `/tasks/${add.body?.taskUid}`);
    expect(canceled.body).toMatchObject({
      status: 'canceled',
      canceledBy: cancel.body?.taskUid,
      details: { receivedDocuments: 1, indexedDocuments: 0 },
    });
    expect((await call('GET', `/tasks/${cancel.body?.taskUid}`)).body?.details).toMatchObject({
      canceledTasks: 1,
    });
    expect((await call('GET', '/indexes/movies')).status).toBe(404);
  });

  it('replays the journal after a crash (no clean close) and re-runs unfinished tasks', async () => {
    const dbPath = tempDir();
    const first = build({ dbPath });
    await first.call('POST', '/indexes/movies/documents', [{ id: 1, title: 'a' }]);
    await first.state.queue.whenIdle();
    first.state.queue.isRunning = false;
    const pending = await first.call('POST', '/indexes/movies/documents', [{ id: 2, title: 'b' }]);
    // Simulate kill -9: drop the state without close() (no final snapshot).
    states.splice(states.indexOf(first.state), 1);
    first.state.queue.stop();
    const second = build({ dbPath });
    await second.state.queue.whenIdle();
    const task = await second.call('GET', `/tasks/${pending.body?.taskUid}`);
    expect(task.body?.status).toBe('succeeded');
    const stats = await second.call('GET', '/indexes/movies/stats');
    expect(stats.body?.numberOfDocuments).toBe(2);
    const first0 = await second.call('GET', '/tasks/0');
    expect(first0.body?.status).toBe('succeeded');
  });

  it('does not re-apply journal entries a snapshot already holds (crash between snapshot and truncation)', async () => {
    const dbPath = tempDir();
    const first = build({ dbPath });
    await first.call('POST', '/indexes/a/documents', [{ id: 1, side: 'a' }]);
    await first.call('POST', '/indexes/b/documents', [{ id: 1, side: 'b' }]);
    await first.call('POST', '/swap-indexes', [{ indexes: ['a', 'b'] }]);
    await first.state.queue.whenIdle();
    const journal = readFileSync(join(dbPath, 'journal.ndjson'), 'utf8');
    expect(journal).toContain('indexSwap');
    first.state.compact();
    // Crash before truncation: the old journal is still there next to the new snapshot.
    writeFileSync(join(dbPath, 'journal.ndjson'), journal);
    states.splice(states.indexOf(first.state), 1);
    first.state.queue.stop();
    const second = build({ dbPath });
    await second.state.queue.whenIdle();
    expect((await second.call('GET', '/indexes/a/documents/1')).body).toEqual({ id: 1, side: 'b' });
    expect((await second.call('GET', '/tasks?limit=100')).body?.total).toBe(3);
  });

  it('writes a dump and imports it into a fresh node', async () => {
    const dumpDir = tempDir();
    const source = build({ masterKey: 'k', dumpDir });
    const auth = { Authorization: 'Bearer k' };
    await source.call('PATCH', '/indexes/movies/settings', { filterableAttributes: ['genre'] }, auth);
    await source.call(
      'POST',
      '/indexes/movies/documents',
      [
        { id: 1, genre: 'a' },
        { id: 2, genre: 'b' },
      ],
      auth,
    );
    const dump = await source.call('POST', '/dumps', undefined, auth);
    await source.state.queue.whenIdle();
    const task = await source.call('GET', `/tasks/${dump.body?.taskUid}`, undefined, auth);
    expect(task.body?.status).toBe('succeeded');
    const file = readdirSync(dumpDir).find((f) => f.endsWith('.dump'));
    const details = task.body?.details as { dumpUid: string } | undefined;
    expect(file).toBe(`${details?.dumpUid}.dump`);
    const target = build({ masterKey: 'k', importDump: join(dumpDir, file!) });
    const res = await target.call('POST', '/indexes/movies/search', { filter: 'genre = b' }, auth);
    expect(res.body?.hits).toEqual([{ id: 2, genre: 'b' }]);
  });

  it('imports a dump whose settings carry keys this engine does not know', async () => {
    const dir = tempDir();
    const settings = { ...defaultSettings(), chat: { description: 'x' }, sortableAttributes: ['year'] };
    const file = join(dir, 'real.dump');
    writeFileSync(
      file,
      encodeDump({
        keys: [],
        tasks: [],
        indexes: [
          {
            uid: 'films',
            primaryKey: 'id',
            createdAt: '2026-01-01T00:00:00Z',
            updatedAt: '2026-01-01T00:00:00Z',
            settings: settings as IndexSettings,
            documents: [{ id: 1, year: 2000 }],
          },
        ],
      }),
    );
    const { call } = build({ importDump: file });
    expect((await call('GET', '/indexes/films/settings/sortable-attributes')).body).toEqual(['year']);
    expect((await call('GET', '/indexes/films')).body).toMatchObject({
      primaryKey: 'id',
      createdAt: '2026-01-01T00:00:00Z',
    });
  });

  it('fault injection: error rate, latency and clearing', async () => {
    const faults = new FaultController();
    faults.random = () => 0;
    const { call } = build({}, { faults });
    expect((await call('POST', '/_devnode/faults', { errorRate: 1 })).body).toMatchObject({ errorRate: 1 });
    const failed = await call('GET', '/indexes');
    expect(failed.status).toBe(500);
    expect(failed.body?.code).toBe('internal');
    await call('DELETE', '/_devnode/faults');
    expect((await call('GET', '/indexes')).status).toBe(200);
    await call('POST', '/_devnode/faults', { latencyMs: 60 });
    const started = Date.now();
    await call('GET', '/health');
    expect(Date.now() - started).toBeGreaterThanOrEqual(50);
  });

  it('fault injection: a hang is released when faults are cleared', async () => {
    const faults = new FaultController();
    const { call } = build({}, { faults });
    faults.set({ hang: true });
    let answered = false;
    const pending = call('GET', '/health').then((r) => {
      answered = true;
      return r;
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(answered).toBe(false);
    faults.clear();
    expect((await pending).status).toBe(200);
  });

  it('answers CORS preflights without a key, like Meilisearch', async () => {
    const { app } = build({ masterKey: 'k' });
    const res = await app.request('/indexes/movies/search', {
      method: 'OPTIONS',
      headers: { Origin: 'https://example.com', 'Access-Control-Request-Method': 'POST' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-max-age')).toBe('86400');
    expect(res.headers.get('access-control-allow-methods')).toContain('PATCH');
    expect(res.headers.get('access-control-allow-headers')).toBe('*');
  });

  it('puts the CORS headers on answers, errors and unknown routes alike', async () => {
    const { app } = build({ masterKey: 'k' });
    const answers = [
      await app.request('/health'),
      await app.request('/indexes', { headers: { Authorization: 'Bearer k' } }),
      await app.request('/indexes'),
      await app.request('/nope', { headers: { Authorization: 'Bearer k' } }),
    ];
    expect(answers.map((r) => r.status)).toEqual([200, 200, 401, 404]);
    for (const res of answers) {
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      expect(res.headers.get('access-control-expose-headers')).toBe('*');
    }
    expect(answers[0]?.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('answers 405 for a known path with another verb and 404 for unknown paths', async () => {
    const { call } = build();
    expect((await call('PATCH', '/indexes/movies/settings/filterable-attributes', [])).status).toBe(405);
    expect((await call('PUT', '/health')).status).toBe(405);
    expect((await call('GET', '/nope')).status).toBe(404);
    expect((await call('GET', '/indexes/movies/nope')).status).toBe(404);
  });

  it('the fault routes are 404 when fault injection is off', async () => {
    const { call } = build();
    expect((await call('POST', '/_devnode/faults', { errorRate: 1 })).status).toBe(404);
  });
});
