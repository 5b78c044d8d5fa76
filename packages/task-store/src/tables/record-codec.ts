import type { RecordBackend, RecordTable, StoredRecord } from '../record-backend.js';
import { TaskStoreError } from '../task-store-error.js';

/** Longest key accepted, in UTF-8 bytes. */
export const MAX_KEY_BYTES = 512;

/** Extra real time a TTL'd row lives in Redis after its logical expiry; lazy checks decide first. */
const BACKSTOP_SLACK_MS = 60_000;

/** Rejects empty, non-string or oversize keys with `invalid_input` naming the field. */
export function assertKey(field: string, value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || Buffer.byteLength(value) > MAX_KEY_BYTES) {
    throw new TaskStoreError(
      'invalid_input',
      `\`${field}\` must be a non-empty string of at most ${MAX_KEY_BYTES} bytes`,
      field,
    );
  }
  return value;
}

/** Rejects a TTL or lease duration that is not a positive integer. */
export function assertDuration(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) {
    throw new TaskStoreError('invalid_input', `\`${field}\` must be a positive integer (ms)`, field);
  }
  return value;
}

/** Parses a row body, turning malformed JSON into `corrupt_row`. */
export function parseBody<T>(table: RecordTable, row: StoredRecord): T {
  try {
    const value: unknown = JSON.parse(row.body);
    if (value === null || typeof value !== 'object') throw new Error('body is not an object');
    return value as T;
  } catch (cause) {
    throw new TaskStoreError(
      'corrupt_row',
      `row \`${row.key}\` of \`${table}\` holds malformed JSON`,
      table,
      { cause },
    );
  }
}

/** Reads a row that has not expired at `now`; an expired row is deleted lazily and reported absent. */
export async function readLive(
  backend: RecordBackend,
  table: RecordTable,
  key: string,
  now: number,
): Promise<StoredRecord | undefined> {
  const row = await backend.get(table, key);
  if (row === undefined) return undefined;
  if (isExpired(row, now)) {
    await backend.delete(table, key, row.version);
    return undefined;
  }
  return row;
}

/** Whether a row's logical expiry has passed. */
export function isExpired(row: StoredRecord, now: number): boolean {
  return row.expiresAt !== null && row.expiresAt <= now;
}

/** Real-time backstop for a row expiring at `expiresAt`. */
export function backstopFor(expiresAt: number, now: number): number {
  return Math.max(1, expiresAt - now) + BACKSTOP_SLACK_MS;
}

/** Version to pass as `expectedVersion` when inserting over a row that may be absent or expired. */
export function versionOf(row: StoredRecord | undefined): number {
  return row === undefined ? 0 : row.version;
}
