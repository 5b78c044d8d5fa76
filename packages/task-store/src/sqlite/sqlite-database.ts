import type { RecordTable } from '../record-backend.js';

/** A row of the `tasks` table (dates in epoch ms, JSON columns as text). */
export interface SqliteTaskRow {
  uid: number;
  index_uid: string | null;
  type: string;
  status: string;
  canceled_by: number | null;
  details: string | null;
  error: string | null;
  node_tasks: string;
  enqueued_at: number;
  started_at: number | null;
  finished_at: number | null;
  /** Bumped on every update: the compare-and-set token of a task row. */
  rev: number;
}

/** A row of any record table. */
export interface SqliteRecordRow {
  pk: string;
  grp: string;
  body: string;
  version: number;
  score: number;
  expires_at: number | null;
}

/** The Kysely schema of a Miroir SQLite store. */
export type SqliteDatabase = {
  tasks: SqliteTaskRow;
  sequences: { name: string; value: number };
} & { [K in RecordTable]: SqliteRecordRow };
