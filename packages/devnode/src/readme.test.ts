import { afterAll, expect, it } from 'vitest';
import { startDevnode } from './index.js';

const closers: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const close of closers) await close();
});

it('README example: start a node in-process and talk Meilisearch to it', async () => {
  const node = await startDevnode({ masterKey: 'masterKey' });
  closers.push(node.close);
  const headers = { Authorization: 'Bearer masterKey', 'Content-Type': 'application/json' };

  const enqueued = await fetch(`${node.url}/indexes/movies/documents`, {
    method: 'POST',
    headers,
    body: JSON.stringify([{ id: 1, title: 'Carol' }]),
  }).then((r) => r.json() as Promise<{ taskUid: number }>);
  // { taskUid: 0, indexUid: 'movies', status: 'enqueued', type: 'documentAdditionOrUpdate', enqueuedAt: '…' }

  const getTask = () =>
    fetch(`${node.url}/tasks/${enqueued.taskUid}`, { headers }).then(
      (r) => r.json() as Promise<{ status: string }>,
    );
  let task = await getTask();
  while (task.status === 'enqueued' || task.status === 'processing') {
    await new Promise((r) => setTimeout(r, 20));
    task = await getTask();
  }

  const result = await fetch(`${node.url}/indexes/movies/search`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ q: 'caro' }),
  }).then((r) => r.json() as Promise<{ hits: unknown[] }>);
  // result.hits → [{ id: 1, title: 'Carol' }]

  expect(enqueued).toMatchObject({ taskUid: 0, indexUid: 'movies', status: 'enqueued' });
  expect(task.status).toBe('succeeded');
  expect(result.hits).toEqual([{ id: 1, title: 'Carol' }]);
});
