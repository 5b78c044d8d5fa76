import type { RecordBackend } from '../record-backend.js';
import type { CdcCursor } from '../record-types.js';
import type { ResolvedStoreOptions } from '../store-options.js';
import type { CdcCursorTable } from '../task-store.js';
import { TaskStoreError } from '../task-store-error.js';
import { assertKey, parseBody } from './record-codec.js';

const TABLE = 'cdc_cursors';

/** Builds cdc_cursors: the row version is the cursor version, advanced by compare-and-set. */
export function createCdcCursorTable(backend: RecordBackend, options: ResolvedStoreOptions): CdcCursorTable {
  const keyOf = (sink: string, indexUid: string) =>
    `${assertKey('sink', sink)}\u0000${assertKey('indexUid', indexUid)}`;
  return {
    async get(sink, indexUid) {
      const row = await backend.get(TABLE, keyOf(sink, indexUid));
      return row === undefined ? undefined : { ...parseBody<CdcCursor>(TABLE, row), version: row.version };
    },
    async advance(sink, indexUid, expectedVersion, cursor) {
      const key = keyOf(sink, indexUid);
      if (typeof cursor !== 'string')
        throw new TaskStoreError('invalid_input', '`cursor` must be a string', 'cursor');
      if (!Number.isSafeInteger(expectedVersion) || expectedVersion < 0) {
        throw new TaskStoreError(
          'invalid_input',
          '`expectedVersion` must be a non-negative integer',
          'expectedVersion',
        );
      }
      const body = JSON.stringify({ sink, indexUid, cursor, version: expectedVersion + 1 });
      const version = await backend.put(
        TABLE,
        { key, group: sink, body, score: options.now(), expiresAt: null, backstopMs: null },
        expectedVersion,
      );
      return version === undefined ? undefined : { sink, indexUid, cursor, version };
    },
  };
}
