export type { SqliteTaskStoreOptions } from './create-sqlite-task-store.js';
export { createSqliteTaskStore } from './create-sqlite-task-store.js';
