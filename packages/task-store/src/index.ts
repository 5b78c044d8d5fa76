export type {
  AdminSession,
  AliasHistoryEntry,
  AliasRecord,
  AliasTarget,
  CanaryDefinition,
  CanaryRun,
  CdcCursor,
  IdempotencyEntry,
  JobRecord,
  JobState,
  KeyRotation,
  LeaseRecord,
  LoginBackoff,
  OverflowSize,
  RateLimitWindow,
  RolloverPolicy,
  RotationBeacon,
  SearchUiConfig,
  SessionPin,
  TenantMapping,
} from './record-types.js';
export type { ResolvedStoreOptions, StoreOptions } from './store-options.js';
export { resolveStoreOptions } from './store-options.js';
export type { DateWindow, NormalizedTaskFilter, TaskRecord } from './task-filter.js';
export { matchesTaskFilter, normalizeTaskFilter, selectsNothing, toTaskView } from './task-filter.js';
export { applyTaskUpdate, createTaskRecord } from './task-lifecycle.js';
export type {
  AdminSessionTable,
  AliasTable,
  CanaryTable,
  CdcCursorTable,
  DocumentTable,
  IdempotencyTable,
  JobTable,
  LeaseTable,
  SessionTable,
  SettingsVersionTable,
  SharedCounters,
  TaskStore,
  TaskTable,
  TenantTable,
} from './task-store.js';
export type { TaskStoreErrorKind } from './task-store-error.js';
export { TaskStoreError } from './task-store-error.js';
export type {
  NewTask,
  TaskErrorView,
  TaskFilter,
  TaskPage,
  TaskStatus,
  TaskType,
  TaskUpdate,
  TaskView,
} from './task-types.js';
export { TASK_STATUSES, TASK_TYPES } from './task-types.js';
