import { meiliError } from '@miroir/errors';
import { type IndexCatalog, indexNotFound } from './index-catalog.js';
import { matchesTaskFilter, parseTaskFilter } from './task-filter.js';
import type { TaskQueue, TaskRun } from './task-queue.js';
import type { TaskRecord } from './task-types.js';

/** What the executor needs besides the task itself. */
export interface ExecuteTaskContext {
  catalog: IndexCatalog;
  queue: TaskQueue;
  /** Write a dump file; returns the dump uid. Absent during journal replay (dumps are not rewritten). */
  writeDump?: (dumpUid: string) => void;
}

function now(): string {
  return new Date().toISOString();
}

/** Documents a write prepares per step (a few milliseconds of tokenising). */
const DOCUMENTS_PER_STEP = 32;

/**
 * Apply a task's operation to the node state. Deterministic given the state and the task, so replaying
 * the journal rebuilds the same state. Returns the task's final details or throws a `MeiliError`.
 * A document addition, and a settings update that re-tokenises the documents, yield while documents are
 * prepared; the node's state changes only when the run ends, so what is read in between is the state
 * before the task.
 *
 * @example
 * ```ts
 * const queue = new TaskQueue((task) => executeTask(task, { catalog, queue }));
 * ```
 */
export function* executeTask(task: TaskRecord, ctx: ExecuteTaskContext): TaskRun {
  const { catalog } = ctx;
  const op = task.op;
  const uid = task.indexUid ?? '';
  const touch = () => {
    if (catalog.has(uid)) catalog.get(uid).updatedAt = now();
  };
  switch (op.kind) {
    case 'documentAddition': {
      // An index the addition creates is listed only with its documents (a failed addition leaves none).
      const created = !catalog.has(uid);
      const entry = created ? catalog.prepare(uid, null, now()) : catalog.get(uid);
      const staged = entry.engine.stageDocuments(op.documents, { mode: op.mode, primaryKey: op.primaryKey });
      while (!staged.advance(DOCUMENTS_PER_STEP)) yield;
      const result = staged.commit();
      if (created) catalog.put(uid, entry);
      touch();
      return { ...result };
    }
    case 'documentDeletion': {
      const result = catalog.get(uid).engine.deleteDocuments(op.ids);
      touch();
      return { ...result };
    }
    case 'documentDeletionByFilter': {
      const result = catalog.get(uid).engine.deleteDocumentsByFilter(op.filter);
      touch();
      return {
        providedIds: 0,
        deletedDocuments: result.deletedDocuments,
        originalFilter: result.originalFilter,
      };
    }
    case 'documentClear': {
      const result = catalog.get(uid).engine.clearDocuments();
      touch();
      return { ...result };
    }
    case 'settingsUpdate': {
      // Like an addition, an update creating its index lists it only once applied.
      const created = !catalog.has(uid);
      const entry = created ? catalog.prepare(uid, null, now()) : catalog.get(uid);
      const staged = entry.engine.stageSettings(op.settings);
      while (!staged.advance(DOCUMENTS_PER_STEP)) yield;
      staged.commit();
      if (created) catalog.put(uid, entry);
      touch();
      return { ...op.settings };
    }
    case 'indexCreation': {
      catalog.create(uid, op.primaryKey, now());
      return { primaryKey: op.primaryKey };
    }
    case 'indexUpdate': {
      const entry = catalog.get(uid);
      if (op.primaryKey !== null && op.primaryKey !== entry.engine.primaryKey) {
        entry.engine.setPrimaryKey(op.primaryKey);
      }
      if (op.newUid !== null && op.newUid !== uid) catalog.swap(uid, op.newUid, true);
      const target = op.newUid ?? uid;
      catalog.get(target).updatedAt = now();
      return op.newUid !== null
        ? { primaryKey: op.primaryKey, oldIndexUid: uid, newIndexUid: op.newUid }
        : { primaryKey: op.primaryKey };
    }
    case 'indexDeletion': {
      const entry = catalog.get(uid);
      const deletedDocuments = entry.engine.stats().numberOfDocuments;
      catalog.delete(uid);
      return { deletedDocuments };
    }
    case 'indexSwap': {
      const missing: string[] = [];
      for (const swap of op.swaps) {
        const [a, b] = swap.indexes;
        if (!catalog.has(a)) missing.push(a);
        if (!swap.rename && !catalog.has(b)) missing.push(b);
      }
      if (missing.length === 1) throw indexNotFound(missing[0]!);
      if (missing.length > 1) {
        throw meiliError(
          'index_not_found',
          `Indexes ${missing.map((m) => `\`${m}\``).join(', ')} not found.`,
        );
      }
      for (const swap of op.swaps) catalog.swap(swap.indexes[0], swap.indexes[1], swap.rename);
      return { swaps: op.swaps };
    }
    case 'taskCancelation': {
      const filter = parseTaskFilter(new URLSearchParams(op.query), 'task', false);
      let canceled = 0;
      for (const other of ctx.queue.all()) {
        const cancelable = other.status === 'enqueued' || other.status === 'processing';
        if (other.uid >= task.uid || !cancelable || !matchesTaskFilter(other, filter)) continue;
        other.status = 'canceled';
        other.canceledBy = task.uid;
        other.details = cancelDetails(other.details);
        ctx.queue.finish(other);
        canceled += 1;
      }
      return { ...task.details, canceledTasks: canceled };
    }
    case 'taskDeletion': {
      const filter = parseTaskFilter(new URLSearchParams(op.query), 'task', false);
      const doomed = ctx.queue
        .all()
        .filter(
          (t) =>
            t.uid !== task.uid &&
            (t.status === 'succeeded' || t.status === 'failed' || t.status === 'canceled') &&
            matchesTaskFilter(t, filter),
        )
        .map((t) => t.uid);
      ctx.queue.remove(doomed);
      return { ...task.details, deletedTasks: doomed.length };
    }
    case 'dumpCreation': {
      const dumpUid = dumpUidFor(task);
      ctx.writeDump?.(dumpUid);
      return { dumpUid };
    }
  }
}

/** Dump uids look like Meilisearch's `20240808-170555791`, derived from the enqueue time. */
function dumpUidFor(task: TaskRecord): string {
  const d = task.enqueuedAt.replace(/[-:]/g, '');
  // 20240808T170555.791Z → 20240808-170555791
  const match = /^(\d{8})T(\d{6})\.(\d{3})/.exec(d);
  return match ? `${match[1]}-${match[2]}${match[3]}` : String(task.uid);
}

function cancelDetails(details: Record<string, unknown> | null): Record<string, unknown> | null {
  if (!details) return null;
  const out: Record<string, unknown> = { ...details };
  for (const key of ['indexedDocuments', 'deletedDocuments', 'canceledTasks', 'deletedTasks']) {
    if (key in out && out[key] === null) out[key] = 0;
  }
  return out;
}
