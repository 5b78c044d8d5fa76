import type { RecordBackend } from '../record-backend.js';
import type { ResolvedStoreOptions } from '../store-options.js';
import type { SettingsVersionTable } from '../task-store.js';
import { TaskStoreError } from '../task-store-error.js';
import { assertKey, parseBody } from './record-codec.js';

const TABLE = 'node_settings_version';

interface Row {
  nodeId: string;
  version: number;
}

/** Builds the node_settings_version table on a backend. */
export function createSettingsVersionTable(
  backend: RecordBackend,
  options: ResolvedStoreOptions,
): SettingsVersionTable {
  const keyOf = (indexUid: string, nodeId: string) =>
    `${assertKey('indexUid', indexUid)}\u0000${assertKey('nodeId', nodeId)}`;
  return {
    async get(indexUid, nodeId) {
      const row = await backend.get(TABLE, keyOf(indexUid, nodeId));
      return row === undefined ? undefined : parseBody<Row>(TABLE, row).version;
    },
    async set(indexUid, nodeId, version) {
      if (!Number.isSafeInteger(version) || version < 0) {
        throw new TaskStoreError('invalid_input', '`version` must be a non-negative integer', 'version');
      }
      const body = JSON.stringify({ nodeId, version } satisfies Row);
      const row = {
        key: keyOf(indexUid, nodeId),
        group: indexUid,
        body,
        score: options.now(),
        expiresAt: null,
        backstopMs: null,
      };
      await backend.put(TABLE, row);
    },
    async listForIndex(indexUid) {
      const rows = await backend.list(TABLE, { group: assertKey('indexUid', indexUid) });
      const out: Record<string, number> = {};
      for (const row of rows) {
        const parsed = parseBody<Row>(TABLE, row);
        out[parsed.nodeId] = parsed.version;
      }
      return out;
    },
  };
}
