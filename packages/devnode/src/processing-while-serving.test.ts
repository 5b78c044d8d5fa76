import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDevnodeApp } from './app.js';
import { createDevnodeState, type DevnodeState } from './state/devnode-state.js';

// A document addition, or a settings update re-tokenising the documents, is prepared in slices: between
// them the node answers requests from the state before the task, as Meilisearch serves reads while it
// indexes.

const states: DevnodeState[] = [];
const dirs: string[] = [];

afterEach(() => {
  for (const s of states.splice(0)) s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function node(dbPath: string | null = null) {
  const state = createDevnodeState({ dbPath });
  states.push(state);
  const app = createDevnodeApp({ state, payloadSizeLimit: 100_000_000, faults: null, pkgVersion: '1.37.0' });
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await app.request(path, {
      method,
      ...(body === undefined
        ? {}
        : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as Record<string, unknown> };
  };
  return { state, call };
}

type Call = ReturnType<typeof node>['call'];

const WORDS = 'spice sand worm desert dune fremen water ship guild house emperor planet storm night'.split(
  ' ',
);
/** Documents of about eighty words, enough that preparing a few thousand spans many slices. */
function documents(from: number, count: number): Array<Record<string, unknown>> {
  return Array.from({ length: count }, (_, i) => ({
    id: from + i,
    title: `${WORDS[i % WORDS.length]} ${WORDS[(i * 7) % WORDS.length]}`,
    overview: Array.from({ length: 80 }, (_, k) => WORDS[(i * 31 + k * 17) % WORDS.length]).join(' '),
  }));
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

async function statusOf(call: Call, taskUid: number): Promise<string> {
  return (await call('GET', `/tasks/${taskUid}`)).body.status as string;
}

async function untilFinished(call: Call, taskUid: number): Promise<Record<string, unknown>> {
  for (;;) {
    const task = (await call('GET', `/tasks/${taskUid}`)).body;
    if (task.status !== 'enqueued' && task.status !== 'processing') return task;
    await nextTurn();
  }
}

async function untilProcessing(call: Call, taskUid: number): Promise<void> {
  for (
    let status = await statusOf(call, taskUid);
    status !== 'processing';
    status = await statusOf(call, taskUid)
  ) {
    if (status !== 'enqueued')
      throw new Error(`task ${taskUid} ended (${status}) before it was seen processing`);
    await nextTurn();
  }
}

async function movies(call: Call): Promise<void> {
  await call('POST', '/indexes/movies/documents', documents(0, 3));
  await untilFinished(call, 0);
}

describe('serving while a write is processed', () => {
  it('answers /health, task polls, stats and searches from the state before the task', async () => {
    const { call } = node();
    await movies(call);
    const spice = { q: 'spice', limit: 0 };
    const hitsBefore = (await call('POST', '/indexes/movies/search', spice)).body.estimatedTotalHits;
    expect(hitsBefore).toBeGreaterThan(0);
    const added = await call('POST', '/indexes/movies/documents', documents(1, 4000));
    const uid = added.body.taskUid as number;
    await untilProcessing(call, uid);
    let observed = 0;
    while ((await statusOf(call, uid)) === 'processing') {
      expect((await call('GET', '/health')).body).toEqual({ status: 'available' });
      const task = (await call('GET', `/tasks/${uid}`)).body;
      if (task.status === 'processing') {
        expect(task).toMatchObject({ batchUid: 1, finishedAt: null, duration: null });
        expect(task.startedAt).toEqual(expect.any(String));
      }
      const stats = (await call('GET', '/indexes/movies/stats')).body;
      const search = (await call('POST', '/indexes/movies/search', spice)).body;
      const document = (await call('GET', '/indexes/movies/documents/1')).body;
      // Read after the task ended, these would show the new documents: only count reads made during it.
      if ((await statusOf(call, uid)) !== 'processing') break;
      expect(stats).toMatchObject({ numberOfDocuments: 3, isIndexing: true });
      expect(search.estimatedTotalHits).toBe(hitsBefore);
      expect(document).toEqual(documents(0, 3)[1]);
      observed++;
      await nextTurn();
    }
    expect(observed).toBeGreaterThan(0);
    expect(await untilFinished(call, uid)).toMatchObject({
      status: 'succeeded',
      details: { receivedDocuments: 4000, indexedDocuments: 4000 },
    });
    expect((await call('GET', '/indexes/movies/stats')).body).toMatchObject({
      numberOfDocuments: 4001,
      isIndexing: false,
    });
    expect((await call('GET', '/indexes/movies/documents/1')).body).toEqual(documents(1, 1)[0]);
  });

  it('lists an index the addition creates only once the addition succeeded', async () => {
    const { call } = node();
    const uid = (await call('POST', '/indexes/fresh/documents', documents(0, 4000))).body.taskUid as number;
    await untilProcessing(call, uid);
    expect((await call('GET', '/indexes/fresh')).body).toMatchObject({ code: 'index_not_found' });
    expect((await call('GET', '/indexes')).body).toMatchObject({ results: [], total: 0 });
    expect((await untilFinished(call, uid)).status).toBe('succeeded');
    expect((await call('GET', '/indexes/fresh')).body).toMatchObject({ uid: 'fresh', primaryKey: 'id' });
  });

  it('cancels the addition being processed, leaving the index as it was', async () => {
    const { call } = node();
    await movies(call);
    const uid = (await call('POST', '/indexes/movies/documents', documents(100, 4000))).body
      .taskUid as number;
    const fresh = (await call('POST', '/indexes/other/documents', documents(0, 4000))).body.taskUid as number;
    await untilProcessing(call, uid);
    const cancel = (await call('POST', `/tasks/cancel?uids=${uid},${fresh}`)).body.taskUid as number;
    expect(await untilFinished(call, cancel)).toMatchObject({
      status: 'succeeded',
      details: { matchedTasks: 2, canceledTasks: 2, originalFilter: `?uids=${uid},${fresh}` },
    });
    const canceled = await untilFinished(call, uid);
    expect(canceled).toMatchObject({
      status: 'canceled',
      canceledBy: cancel,
      details: { receivedDocuments: 4000, indexedDocuments: 0 },
    });
    expect(Date.parse(canceled.finishedAt as string)).toBeGreaterThanOrEqual(
      Date.parse(canceled.startedAt as string),
    );
    expect((await untilFinished(call, fresh)).status).toBe('canceled');
    expect((await call('GET', '/indexes/movies/stats')).body).toMatchObject({ numberOfDocuments: 3 });
    expect((await call('GET', '/indexes/other')).body).toMatchObject({ code: 'index_not_found' });
    // The queue goes on: a later addition is processed.
    const later = (await call('POST', '/indexes/movies/documents', documents(3, 1))).body.taskUid as number;
    expect((await untilFinished(call, later)).status).toBe('succeeded');
    expect((await call('GET', '/indexes/movies/stats')).body).toMatchObject({ numberOfDocuments: 4 });
  });

  it('a settings update re-tokenising the documents: reads see the old settings until it applies', async () => {
    const { call } = node();
    await call('POST', '/indexes/movies/documents', documents(0, 4000));
    await untilFinished(call, 0);
    const query = { q: 'spice sand', limit: 3, showRankingScore: true };
    const before = (await call('POST', '/indexes/movies/search', query)).body;
    const update = (await call('PATCH', '/indexes/movies/settings', { stopWords: ['spice'] })).body
      .taskUid as number;
    await untilProcessing(call, update);
    let observed = 0;
    while ((await statusOf(call, update)) === 'processing') {
      const stopWords = (await call('GET', '/indexes/movies/settings/stop-words')).body;
      const search = (await call('POST', '/indexes/movies/search', query)).body;
      if ((await statusOf(call, update)) !== 'processing') break;
      expect(stopWords).toEqual([]);
      expect(search.hits).toEqual(before.hits);
      observed++;
      await nextTurn();
    }
    expect(observed).toBeGreaterThan(0);
    expect((await untilFinished(call, update)).status).toBe('succeeded');
    expect((await call('GET', '/indexes/movies/settings/stop-words')).body).toEqual(['spice']);
    expect((await call('POST', '/indexes/movies/search', query)).body.hits).not.toEqual(before.hits);

    // Canceled while it re-tokenises, an update leaves the settings as they were.
    const second = (await call('PATCH', '/indexes/movies/settings', { stopWords: ['sand'] })).body
      .taskUid as number;
    await untilProcessing(call, second);
    await call('POST', `/tasks/cancel?uids=${second}`);
    expect(await untilFinished(call, second)).toMatchObject({ status: 'canceled' });
    expect((await call('GET', '/indexes/movies/settings/stop-words')).body).toEqual(['spice']);
  });

  it('runs an addition caught processing by a restart again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'devnode-processing-'));
    dirs.push(dir);
    const first = node(dir);
    await movies(first.call);
    const uid = (await first.call('POST', '/indexes/movies/documents', documents(3, 4000))).body
      .taskUid as number;
    await untilProcessing(first.call, uid);
    first.state.close();
    const second = node(dir);
    expect(await untilFinished(second.call, uid)).toMatchObject({
      status: 'succeeded',
      details: { indexedDocuments: 4000 },
    });
    expect((await second.call('GET', '/indexes/movies/stats')).body).toMatchObject({
      numberOfDocuments: 4003,
    });
  });
});
