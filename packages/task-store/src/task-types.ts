/** Meilisearch task statuses, in lifecycle order. */
export const TASK_STATUSES = ['enqueued', 'processing', 'succeeded', 'failed', 'canceled'] as const;

/** One of Meilisearch's task statuses. */
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** Meilisearch task types (`Kind`, camelCase). */
export const TASK_TYPES = [
  'documentAdditionOrUpdate',
  'documentEdition',
  'documentDeletion',
  'settingsUpdate',
  'indexCreation',
  'indexDeletion',
  'indexUpdate',
  'indexSwap',
  'taskCancelation',
  'taskDeletion',
  'dumpCreation',
  'snapshotCreation',
  'export',
  'upgradeDatabase',
  'indexCompaction',
  'networkTopologyChange',
  'dsrUpdate',
  'dsrClear',
] as const;

/** One of Meilisearch's task types. */
export type TaskType = (typeof TASK_TYPES)[number];

/** A Meilisearch-shaped error object stored on a failed task. */
export interface TaskErrorView {
  message: string;
  code: string;
  type: string;
  link: string;
}

/**
 * A task as `GET /tasks/{uid}` returns it (Meilisearch `TaskView`), plus Miroir's `nodeTasks`.
 * Dates are RFC 3339 strings; `duration` is an ISO-8601 duration once the task finished.
 */
export interface TaskView {
  uid: number;
  indexUid: string | null;
  status: TaskStatus;
  type: TaskType;
  canceledBy: number | null;
  details: Record<string, unknown> | null;
  error: TaskErrorView | null;
  duration: string | null;
  enqueuedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** Miroir: the node task each node returned, `{nodeId: nodeTaskUid}`. */
  nodeTasks: Record<string, number>;
}

/** What a caller supplies to register a new task; the store assigns `uid` and `enqueuedAt`. */
export interface NewTask {
  indexUid: string | null;
  type: TaskType;
  status?: TaskStatus;
  details?: Record<string, unknown> | null;
  nodeTasks?: Record<string, number>;
}

/**
 * A change to a task. Moving to `processing` stamps `startedAt`; moving to a terminal status stamps
 * `finishedAt` (and `startedAt` if it was never set).
 */
export interface TaskUpdate {
  status?: TaskStatus;
  details?: Record<string, unknown> | null;
  error?: TaskErrorView | null;
  nodeTasks?: Record<string, number>;
  canceledBy?: number | null;
}

/** `GET /tasks` query, already split into lists. Dates are RFC 3339 strings or epoch ms. */
export interface TaskFilter {
  uids?: readonly number[];
  statuses?: readonly string[];
  types?: readonly string[];
  indexUids?: readonly string[];
  beforeEnqueuedAt?: string | number;
  afterEnqueuedAt?: string | number;
  beforeStartedAt?: string | number;
  afterStartedAt?: string | number;
  beforeFinishedAt?: string | number;
  afterFinishedAt?: string | number;
  from?: number;
  limit?: number;
  reverse?: boolean;
}

/** A `GET /tasks` page: `next` is the `from` of the following page, or null at the end. */
export interface TaskPage {
  results: TaskView[];
  total: number;
  limit: number;
  from: number | null;
  next: number | null;
}
