import type { RecordBackend } from '../record-backend.js';
import type { ResolvedStoreOptions } from '../store-options.js';
import type { TaskStore } from '../task-store.js';
import { createAdminSessionTable } from './admin-session-table.js';
import { createAliasTable } from './alias-table.js';
import { createCanaryTable } from './canary-table.js';
import { createCdcCursorTable } from './cdc-cursor-table.js';
import { createDocumentTable } from './document-table.js';
import { createIdempotencyTable } from './idempotency-table.js';
import { createJobTable } from './job-table.js';
import { createLeaseTable } from './lease-table.js';
import { createSessionTable } from './session-table.js';
import { createSettingsVersionTable } from './settings-version-table.js';
import { createSharedCounters } from './shared-counters.js';
import { createTenantTable } from './tenant-table.js';

/** Every table except `tasks`, built once on top of an adapter's record backend. */
export type RecordTables = Omit<TaskStore, 'tasks' | 'close'>;

/** Builds every non-task table of a store from one backend. */
export function createRecordTables(backend: RecordBackend, options: ResolvedStoreOptions): RecordTables {
  return {
    settingsVersions: createSettingsVersionTable(backend, options),
    aliases: createAliasTable(backend, options),
    sessions: createSessionTable(backend, options),
    idempotency: createIdempotencyTable(backend, options),
    jobs: createJobTable(backend, options),
    leases: createLeaseTable(backend, options),
    canaries: createCanaryTable(backend, options),
    cdcCursors: createCdcCursorTable(backend, options),
    tenants: createTenantTable(backend, options),
    rolloverPolicies: createDocumentTable(backend, options, 'rollover_policies', 'name', 'policy'),
    searchUiConfig: createDocumentTable(backend, options, 'search_ui_config', 'indexUid', 'config'),
    adminSessions: createAdminSessionTable(backend, options),
    counters: createSharedCounters(backend, options),
  };
}
