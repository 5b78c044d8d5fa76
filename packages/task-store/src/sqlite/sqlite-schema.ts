import { type Kysely, type Migration, Migrator, sql } from 'kysely';
import { RECORD_TABLES } from '../record-backend.js';
import { TaskStoreError } from '../task-store-error.js';

/** Table in which Kysely's migrator records each applied migration: the schema version. */
export const SCHEMA_VERSION_TABLE = 'schema_version';

// Every statement is idempotent (IF NOT EXISTS) so startup may always run it safely.
const MIGRATIONS: Record<string, Migration> = {
  '0001_initial': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('tasks')
        .ifNotExists()
        .addColumn('uid', 'integer', (c) => c.primaryKey())
        .addColumn('index_uid', 'text')
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('canceled_by', 'integer')
        .addColumn('details', 'text')
        .addColumn('error', 'text')
        .addColumn('node_tasks', 'text', (c) => c.notNull())
        .addColumn('enqueued_at', 'integer', (c) => c.notNull())
        .addColumn('started_at', 'integer')
        .addColumn('finished_at', 'integer')
        .addColumn('rev', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      for (const column of ['status', 'type', 'index_uid', 'enqueued_at', 'finished_at']) {
        await db.schema
          .createIndex(`tasks_${column}`)
          .ifNotExists()
          .on('tasks')
          .columns([column, 'uid'])
          .execute();
      }
      await db.schema
        .createTable('sequences')
        .ifNotExists()
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('value', 'integer', (c) => c.notNull())
        .execute();
      for (const table of RECORD_TABLES) {
        await db.schema
          .createTable(table)
          .ifNotExists()
          .addColumn('pk', 'text', (c) => c.primaryKey())
          .addColumn('grp', 'text', (c) => c.notNull())
          .addColumn('body', 'text', (c) => c.notNull())
          .addColumn('version', 'integer', (c) => c.notNull())
          .addColumn('score', 'real', (c) => c.notNull())
          .addColumn('expires_at', 'integer')
          .execute();
        await db.schema
          .createIndex(`${table}_score`)
          .ifNotExists()
          .on(table)
          .columns(['score', 'pk'])
          .execute();
        await db.schema
          .createIndex(`${table}_grp`)
          .ifNotExists()
          .on(table)
          .columns(['grp', 'score', 'pk'])
          .execute();
      }
    },
  },
};

/** Names of the migrations this build knows, oldest first. */
export const KNOWN_MIGRATIONS = Object.keys(MIGRATIONS);

/**
 * Brings a database to the current schema. A database that records a migration this build does not
 * know was written by a newer Miroir: refuse it rather than risk corrupting it.
 */
export async function migrateSqliteSchema(db: Kysely<unknown>): Promise<void> {
  const exists = await sql<{
    name: string;
  }>`select name from sqlite_master where type = 'table' and name = ${SCHEMA_VERSION_TABLE}`.execute(db);
  if (exists.rows.length > 0) {
    const applied = await sql<{ name: string }>`select name from ${sql.table(SCHEMA_VERSION_TABLE)}`.execute(
      db,
    );
    const unknown = applied.rows.map((r) => r.name).filter((name) => !KNOWN_MIGRATIONS.includes(name));
    if (unknown.length > 0) {
      throw new TaskStoreError(
        'schema_too_new',
        `this database was written by a newer Miroir (schema migrations ${unknown.join(', ')} are unknown to this build, which knows up to ${KNOWN_MIGRATIONS.at(-1)}); upgrade Miroir or point it at another database`,
        'schema_version',
      );
    }
  }
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => MIGRATIONS },
    migrationTableName: SCHEMA_VERSION_TABLE,
    migrationLockTableName: `${SCHEMA_VERSION_TABLE}_lock`,
  });
  const { error } = await migrator.migrateToLatest();
  if (error !== undefined) {
    throw new TaskStoreError(
      'backend_unavailable',
      `SQLite schema migration failed: ${String(error)}`,
      'schema_version',
      { cause: error },
    );
  }
}
