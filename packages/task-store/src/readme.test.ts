import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { createSqliteTaskStore } from './sqlite/create-sqlite-task-store.js';

const dir = mkdtempSync(join(tmpdir(), 'miroir-readme-'));
const path = join(dir, 'miroir.db');

it('runs the README example on SQLite', async () => {
  // --- README example start ---
  const store = await createSqliteTaskStore({ path });

  // A write arrives: register the Miroir task with the node tasks it fanned out to.
  const task = await store.tasks.create({
    indexUid: 'movies',
    type: 'documentAdditionOrUpdate',
    nodeTasks: { 'meili-0': 41, 'meili-1': 17 },
  });
  await store.tasks.update(task.uid, { status: 'processing' });
  await store.tasks.update(task.uid, {
    status: 'succeeded',
    details: { receivedDocuments: 2, indexedDocuments: 2 },
  });

  // What `GET /tasks/{uid}` and `GET /tasks?statuses=succeeded` answer:
  const done = await store.tasks.get(task.uid);
  const page = await store.tasks.list({ statuses: ['succeeded'], indexUids: ['movies'], limit: 20 });
  console.log(done?.status, done?.duration, page.total, page.next); // e.g. succeeded PT0.001S 1 null

  await store.close();
  // --- README example end ---
  expect(done).toMatchObject({
    uid: task.uid,
    status: 'succeeded',
    nodeTasks: { 'meili-0': 41, 'meili-1': 17 },
  });
  expect(page).toMatchObject({ total: 1, limit: 20, from: task.uid, next: null });
  rmSync(dir, { recursive: true, force: true });
});

it('keeps the README example identical to the code above', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const block = /```ts\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
  const body = block
    .split('\n')
    .filter((line) => !line.startsWith('import ') && line.trim() !== '')
    .map((line) => line.trim());
  const source = readFileSync(new URL('./readme.test.ts', import.meta.url), 'utf8');
  const example =
    /--- README example start ---\n([\s\S]*?)\/\/ --- README example end/.exec(source)?.[1] ?? '';
  const lines = example
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  expect(body.length).toBeGreaterThan(5);
  expect(body).toEqual(lines.map((l) => l.replace('{ path }', "{ path: 'miroir.db' }")));
});
