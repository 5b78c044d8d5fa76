import { EventEmitter } from 'node:events';
import { type Kysely, sql } from 'kysely';
import type { RecordBackend, RecordWrite, StoredRecord } from '../record-backend.js';
import type { SqliteDatabase, SqliteRecordRow } from './sqlite-database.js';

type RecordDb = Kysely<Record<string, SqliteRecordRow>>;

// Stores opened on the same file in one process share a bus, so a revocation on one is seen by all.
const buses = new Map<string, { emitter: EventEmitter; users: number }>();

/**
 * Record primitives on SQLite. Each conditional write is a single statement (`INSERT … ON CONFLICT`
 * or `UPDATE … WHERE version = ?`), so it stays atomic even with several connections on the file.
 */
export function createSqliteRecordBackend(kysely: Kysely<SqliteDatabase>, busKey: string): RecordBackend {
  const db = kysely as unknown as RecordDb;
  let bus = buses.get(busKey);
  if (bus === undefined) {
    bus = { emitter: new EventEmitter(), users: 0 };
    buses.set(busKey, bus);
  }
  bus.users += 1;
  const emitter = bus.emitter;
  const values = (row: RecordWrite) => ({
    grp: row.group,
    body: row.body,
    score: row.score,
    expires_at: row.expiresAt,
  });

  return {
    async get(table, key) {
      const row = await db.selectFrom(table).selectAll().where('pk', '=', key).executeTakeFirst();
      return row === undefined ? undefined : toStored(row);
    },
    async put(table, row, expectedVersion) {
      if (expectedVersion === undefined || expectedVersion === 0) {
        const insert = db.insertInto(table).values({ pk: row.key, version: 1, ...values(row) });
        const done = await (expectedVersion === 0
          ? insert.onConflict((oc) => oc.column('pk').doNothing())
          : insert.onConflict((oc) =>
              oc.column('pk').doUpdateSet({ ...values(row), version: sql`version + 1` }),
            )
        )
          .returning('version')
          .executeTakeFirst();
        return done?.version;
      }
      const done = await db
        .updateTable(table)
        .set({ ...values(row), version: sql`version + 1` })
        .where('pk', '=', row.key)
        .where('version', '=', expectedVersion)
        .returning('version')
        .executeTakeFirst();
      return done?.version;
    },
    async delete(table, key, expectedVersion) {
      let q = db.deleteFrom(table).where('pk', '=', key);
      if (expectedVersion !== undefined) q = q.where('version', '=', expectedVersion);
      const res = await q.executeTakeFirst();
      return res.numDeletedRows > 0n;
    },
    async list(table, options = {}) {
      let q = db.selectFrom(table).selectAll();
      if (options.group !== undefined) q = q.where('grp', '=', options.group);
      const dir = options.newestFirst ? 'desc' : 'asc';
      q = q.orderBy('score', dir).orderBy('pk', dir);
      if (options.limit !== undefined) q = q.limit(options.limit);
      return (await q.execute()).map(toStored);
    },
    async count(table, group) {
      let q = db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n'));
      if (group !== undefined) q = q.where('grp', '=', group);
      return Number((await q.executeTakeFirstOrThrow()).n);
    },
    async trim(table, keep, group) {
      let victims = db.selectFrom(table).select('pk');
      if (group !== undefined) victims = victims.where('grp', '=', group);
      victims = victims.orderBy('score', 'desc').orderBy('pk', 'desc').limit(-1).offset(keep);
      const res = await db.deleteFrom(table).where('pk', 'in', victims).executeTakeFirst();
      return Number(res.numDeletedRows);
    },
    async touch(table, key, score) {
      await db.updateTable(table).set({ score }).where('pk', '=', key).execute();
    },
    async increment(table, key, by, now, expiresAt, _backstopMs) {
      const live = sql`(expires_at is null or expires_at > ${now})`;
      const row = await db
        .insertInto(table)
        .values({ pk: key, grp: '', body: String(by), version: 1, score: now, expires_at: expiresAt })
        .onConflict((oc) =>
          oc.column('pk').doUpdateSet({
            body: sql`case when ${live} then cast(cast(body as integer) + ${by} as text) else ${String(by)} end`,
            expires_at: sql`case when ${live} then expires_at else ${expiresAt} end`,
            version: sql`version + 1`,
          }),
        )
        .returning('body')
        .executeTakeFirstOrThrow();
      return Number(row.body);
    },
    async nextSequence(name) {
      const row = await kysely
        .insertInto('sequences')
        .values({ name, value: 1 })
        .onConflict((oc) => oc.column('name').doUpdateSet({ value: sql`value + 1` }))
        .returning('value')
        .executeTakeFirstOrThrow();
      return row.value;
    },
    async publish(channel, message) {
      emitter.emit(channel, message);
    },
    async subscribe(channel, listener) {
      emitter.on(channel, listener);
      return async () => {
        emitter.off(channel, listener);
      };
    },
    async close() {
      const current = buses.get(busKey);
      if (current !== undefined && --current.users === 0) buses.delete(busKey);
    },
  };
}

function toStored(row: SqliteRecordRow): StoredRecord {
  return {
    key: row.pk,
    group: row.grp,
    body: row.body,
    version: row.version,
    score: row.score,
    expiresAt: row.expires_at,
  };
}
