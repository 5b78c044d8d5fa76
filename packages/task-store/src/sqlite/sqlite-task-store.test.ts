import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { StoreOptions } from '../store-options.js';
import { runTaskStoreContract } from '../task-store.contract.js';
import { createSqliteTaskStore } from './create-sqlite-task-store.js';

const dir = mkdtempSync(join(tmpdir(), 'miroir-task-store-'));
let counter = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function openFresh(options?: StoreOptions) {
  const path = join(dir, `store-${++counter}.db`);
  const store = await createSqliteTaskStore({ ...options, path });
  // Bypasses the store to damage a row, as a bad disk or a manual edit would.
  const raw = (statement: string, ...params: unknown[]) => {
    const db = new Database(path);
    try {
      db.prepare(statement).run(...params);
    } finally {
      db.close();
    }
  };
  return {
    store,
    reopen: (reopenOptions?: StoreOptions) => createSqliteTaskStore({ ...(reopenOptions ?? options), path }),
    corruptTask: async (uid: number) => raw('update tasks set details = ? where uid = ?', '{not json', uid),
    corruptRecord: async (table: string, key: string) =>
      raw(`update ${table} set body = ? where pk = ?`, '{not json', key),
  };
}

runTaskStoreContract('sqlite', openFresh);

describe('SQLite schema versioning', () => {
  it('refuses a database written by a newer schema, with a clear error', async () => {
    const path = join(dir, 'newer.db');
    const store = await createSqliteTaskStore({ path });
    await store.close();
    const db = new Database(path);
    db.prepare('insert into schema_version (name, timestamp) values (?, ?)').run(
      '9999_from_the_future',
      new Date().toISOString(),
    );
    db.close();
    await expect(createSqliteTaskStore({ path })).rejects.toMatchObject({
      kind: 'schema_too_new',
      message: expect.stringContaining('9999_from_the_future'),
    });
  });

  it('opens an existing database again without re-running migrations and in WAL mode', async () => {
    const path = join(dir, 'again.db');
    await (await createSqliteTaskStore({ path })).close();
    const store = await createSqliteTaskStore({ path });
    await store.close();
    const db = new Database(path);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.prepare('select count(*) as n from schema_version').get()).toEqual({ n: 1 });
    db.close();
  });
});
