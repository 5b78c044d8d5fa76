import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, type SqliteDatabase as SqliteDatabaseHandle, SqliteDialect } from 'kysely';
import type { StoreOptions } from '../store-options.js';
import { resolveStoreOptions } from '../store-options.js';
import { createRecordTables } from '../tables/create-record-tables.js';
import type { TaskStore } from '../task-store.js';
import { TaskStoreError } from '../task-store-error.js';
import type { SqliteDatabase } from './sqlite-database.js';
import { createSqliteRecordBackend } from './sqlite-record-backend.js';
import { migrateSqliteSchema } from './sqlite-schema.js';
import { createSqliteTaskTable } from './sqlite-task-table.js';

/** Options for the embedded SQLite store. */
export interface SqliteTaskStoreOptions extends StoreOptions {
  /** Database file; created if missing. `:memory:` works for throwaway stores. */
  path: string;
  /** How long a write waits for a lock held by another connection (default 5000 ms). */
  busyTimeoutMs?: number;
}

/**
 * Opens (and migrates) a SQLite task store: WAL journal, busy timeout, every table created
 * idempotently. Throws `TaskStoreError` kind `schema_too_new` for a database written by a newer Miroir.
 *
 * @example
 * const store = await createSqliteTaskStore({ path: '/var/lib/miroir/state.db' });
 * const task = await store.tasks.create({ indexUid: 'movies', type: 'indexCreation' });
 * await store.close();
 */
export async function createSqliteTaskStore(options: SqliteTaskStoreOptions): Promise<TaskStore> {
  const resolved = resolveStoreOptions(options);
  let database: Database.Database;
  try {
    database = new Database(options.path);
    database.pragma('journal_mode = WAL');
    database.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
    database.pragma('synchronous = NORMAL');
  } catch (cause) {
    throw new TaskStoreError(
      'backend_unavailable',
      `cannot open SQLite database \`${options.path}\`: ${String(cause)}`,
      'path',
      { cause },
    );
  }
  const db = new Kysely<SqliteDatabase>({
    dialect: new SqliteDialect({ database: withStatementCache(database) }),
  });
  try {
    await migrateSqliteSchema(db as unknown as Kysely<unknown>);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  const busKey = options.path === ':memory:' ? `:memory:${Math.random()}` : resolve(options.path);
  const backend = createSqliteRecordBackend(db, busKey);
  return {
    tasks: createSqliteTaskTable(db, resolved),
    ...createRecordTables(backend, resolved),
    async close() {
      await backend.close();
      await db.destroy();
    },
  };
}

const STATEMENT_CACHE_SIZE = 256;

// Kysely prepares every query afresh; re-preparing costs more than running most of ours. Queries
// are serialised by Kysely's connection mutex and never streamed, so reusing a statement is safe.
function withStatementCache(database: Database.Database): SqliteDatabaseHandle {
  const cache = new Map<string, Database.Statement>();
  return {
    close: () => database.close(),
    prepare(sql: string) {
      let stmt = cache.get(sql);
      if (stmt === undefined) {
        stmt = database.prepare(sql);
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
        cache.set(sql, stmt);
      }
      return stmt;
    },
  };
}
