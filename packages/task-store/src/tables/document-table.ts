import type { RecordBackend, RecordTable } from '../record-backend.js';
import type { ResolvedStoreOptions } from '../store-options.js';
import type { DocumentTable } from '../task-store.js';
import { TaskStoreError } from '../task-store-error.js';
import { assertKey, parseBody } from './record-codec.js';

/**
 * Builds a table of opaque JSON documents identified by `keyField` and carried in `docField`
 * (rollover_policies, search_ui_config).
 */
export function createDocumentTable<K extends string, D extends string>(
  backend: RecordBackend,
  options: ResolvedStoreOptions,
  table: RecordTable,
  keyField: K,
  docField: D,
): DocumentTable<Record<K, string> & Record<D, Record<string, unknown>>> {
  type Doc = Record<K, string> & Record<D, Record<string, unknown>>;
  return {
    async put(doc: Doc) {
      const key = assertKey(keyField, doc[keyField]);
      const inner: unknown = doc[docField];
      if (inner === null || typeof inner !== 'object' || Array.isArray(inner)) {
        throw new TaskStoreError('invalid_input', `\`${docField}\` must be an object`, docField);
      }
      const body = JSON.stringify({ [keyField]: key, [docField]: inner });
      await backend.put(table, {
        key,
        group: '',
        body,
        score: options.now(),
        expiresAt: null,
        backstopMs: null,
      });
    },
    async get(key: string) {
      const row = await backend.get(table, assertKey(keyField, key));
      return row === undefined ? undefined : parseBody<Doc>(table, row);
    },
    async list() {
      const rows = await backend.list(table);
      return rows
        .map((row) => parseBody<Doc>(table, row))
        .sort((a, b) => (a[keyField] < b[keyField] ? -1 : 1));
    },
    async delete(key: string) {
      return backend.delete(table, assertKey(keyField, key));
    },
  };
}
