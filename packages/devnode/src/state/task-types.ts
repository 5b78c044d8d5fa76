import type { MeiliErrorBody } from '@miroir/errors';
import type { Document, FilterInput } from '../engine/engine-contract.js';

/** Task statuses, in lifecycle order. */
export const TASK_STATUSES = ['enqueued', 'processing', 'succeeded', 'failed', 'canceled'] as const;
/** A task status. */
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** Task types the devnode produces (a subset of Meilisearch's `Kind`). */
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
] as const;
/** A task type. */
export type TaskType = (typeof TASK_TYPES)[number];

/** One index swap as `POST /swap-indexes` accepts it. */
export interface IndexSwap {
  indexes: [string, string];
  rename: boolean;
}

/** What a task does when processed: the data needed to (re-)apply it deterministically. */
export type TaskOperation =
  | { kind: 'documentAddition'; documents: Document[]; mode: 'replace' | 'update'; primaryKey: string | null }
  | { kind: 'documentDeletion'; ids: Array<string | number> }
  | { kind: 'documentDeletionByFilter'; filter: FilterInput }
  | { kind: 'documentClear' }
  | { kind: 'settingsUpdate'; settings: Record<string, unknown> }
  | { kind: 'indexCreation'; primaryKey: string | null }
  | { kind: 'indexUpdate'; primaryKey: string | null; newUid: string | null }
  | { kind: 'indexDeletion' }
  | { kind: 'indexSwap'; swaps: IndexSwap[] }
  | { kind: 'taskCancelation'; query: string }
  | { kind: 'taskDeletion'; query: string }
  | { kind: 'dumpCreation' };

/** A task as the node stores it: the public view plus its operation. */
export interface TaskRecord {
  uid: number;
  batchUid: number | null;
  indexUid: string | null;
  status: TaskStatus;
  type: TaskType;
  canceledBy: number | null;
  details: Record<string, unknown> | null;
  error: MeiliErrorBody | null;
  duration: string | null;
  enqueuedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  op: TaskOperation;
}

/** The 202 body returned by every asynchronous write. */
export interface SummarizedTask {
  taskUid: number;
  indexUid: string | null;
  status: 'enqueued';
  type: TaskType;
  enqueuedAt: string;
}
