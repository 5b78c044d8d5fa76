import type { RecordBackend } from '../record-backend.js';
import type { TenantMapping } from '../record-types.js';
import type { ResolvedStoreOptions } from '../store-options.js';
import type { TenantTable } from '../task-store.js';
import { TaskStoreError } from '../task-store-error.js';
import { assertKey, parseBody } from './record-codec.js';

const TABLE = 'tenant_map';
const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Builds tenant_map, keyed by the hex sha256 of an API key (the key itself is never stored). */
export function createTenantTable(backend: RecordBackend, options: ResolvedStoreOptions): TenantTable {
  const checkHash = (hash: string) => {
    if (typeof hash !== 'string' || !SHA256_HEX.test(hash)) {
      throw new TaskStoreError(
        'invalid_input',
        '`apiKeySha256` must be 64 lowercase hex characters',
        'apiKeySha256',
      );
    }
    return hash;
  };
  return {
    async put(mapping) {
      checkHash(mapping.apiKeySha256);
      assertKey('tenantId', mapping.tenantId);
      if (mapping.group !== null) assertKey('group', mapping.group);
      const body = JSON.stringify({
        apiKeySha256: mapping.apiKeySha256,
        tenantId: mapping.tenantId,
        group: mapping.group,
      });
      await backend.put(TABLE, {
        key: mapping.apiKeySha256,
        group: '',
        body,
        score: options.now(),
        expiresAt: null,
        backstopMs: null,
      });
    },
    async get(apiKeySha256) {
      const row = await backend.get(TABLE, checkHash(apiKeySha256));
      return row === undefined ? undefined : parseBody<TenantMapping>(TABLE, row);
    },
    async list() {
      const rows = await backend.list(TABLE);
      return rows
        .map((row) => parseBody<TenantMapping>(TABLE, row))
        .sort((a, b) => (a.apiKeySha256 < b.apiKeySha256 ? -1 : 1));
    },
    async delete(apiKeySha256) {
      return backend.delete(TABLE, checkHash(apiKeySha256));
    },
  };
}
