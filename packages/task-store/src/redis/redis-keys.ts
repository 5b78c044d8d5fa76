/** Default prefix of every key a Redis store writes. */
export const DEFAULT_KEY_PREFIX = 'miroir:';

/**
 * Key layout of a Redis store (documented in the README). Rows (`:r:`), indexes (`:i`, `:g:`) and
 * temporary keys live in distinct sub-namespaces so a user-supplied key can never collide with an index.
 */
export interface RedisKeys {
  prefix: string;
  schemaVersion: string;
  sequence(name: string): string;
  row(table: string, key: string): string;
  rowPrefix(table: string): string;
  tableIndex(table: string): string;
  groupIndex(table: string, group: string): string;
  groupIndexPrefix(table: string): string;
  task(uid: number | string): string;
  taskPrefix: string;
  /** ZSET of every task uid (score = uid). */
  tasksAll: string;
  tasksByStatus(status: string): string;
  tasksByType(type: string): string;
  tasksByIndex(indexUid: string): string;
  /** ZSETs of task uids scored by the date (ms). */
  tasksByDate(column: 'enqueued' | 'started' | 'finished'): string;
  temp(id: string): string;
  channel(name: string): string;
}

/** Builds the key layout for a prefix. */
export function createRedisKeys(prefix: string = DEFAULT_KEY_PREFIX): RedisKeys {
  return {
    prefix,
    schemaVersion: `${prefix}schema_version`,
    sequence: (name) => `${prefix}seq:${name}`,
    row: (table, key) => `${prefix}${table}:r:${key}`,
    rowPrefix: (table) => `${prefix}${table}:r:`,
    tableIndex: (table) => `${prefix}${table}:i`,
    groupIndex: (table, group) => `${prefix}${table}:g:${group}`,
    groupIndexPrefix: (table) => `${prefix}${table}:g:`,
    task: (uid) => `${prefix}tasks:r:${uid}`,
    taskPrefix: `${prefix}tasks:r:`,
    tasksAll: `${prefix}tasks:i`,
    tasksByStatus: (status) => `${prefix}tasks:status:${status}`,
    tasksByType: (type) => `${prefix}tasks:type:${type}`,
    tasksByIndex: (indexUid) => `${prefix}tasks:index:${indexUid}`,
    tasksByDate: (column) => `${prefix}tasks:${column}_at`,
    temp: (id) => `${prefix}tmp:${id}`,
    channel: (name) => `${prefix}${name}`,
  };
}
