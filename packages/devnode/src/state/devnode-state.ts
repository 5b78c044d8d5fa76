import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeDump, encodeDump } from '../dump/dump-content.js';
import type { IndexSettings } from '../engine/engine-contract.js';
import { createSearchIndex, defaultSettings, validateSettings } from '../engine/index.js';
import { Journal } from '../persistence/journal.js';
import { readSnapshot, type Snapshot, writeSnapshot } from '../persistence/snapshot.js';
import { ApiKeyStore } from './api-key-store.js';
import { executeTask } from './execute-task.js';
import { IndexCatalog, type IndexEntry } from './index-catalog.js';
import type { IndexSnapshot } from './index-snapshot.js';
import { runAtOnce, runToEnd, TaskQueue, toTaskView } from './task-queue.js';
import type { TaskRecord } from './task-types.js';

/** Options of one devnode (CLI flags map onto these). */
export interface DevnodeStateOptions {
  masterKey?: string | null;
  /** Directory for the journal and snapshots; in-memory only when absent. */
  dbPath?: string | null;
  /** Where `POST /dumps` writes `.dump` files (default `dumps/`). */
  dumpDir?: string;
  /** A `.dump` file to load at start (only when the database is empty). */
  importDump?: string | null;
  /** Journal bytes after which a compaction snapshot is written (default 64 MB). */
  snapshotAfterBytes?: number;
}

/** Everything a devnode holds: indexes, tasks, keys and their persistence. */
export interface DevnodeState {
  readonly catalog: IndexCatalog;
  readonly queue: TaskQueue;
  readonly keys: ApiKeyStore;
  readonly masterKey: string | null;
  readonly dumpDir: string;
  /** Time of the last processed write (for `/stats`). */
  lastUpdate: string | null;
  /** Write a compaction snapshot now (no-op without `dbPath`). */
  compact(): void;
  /** Stop the worker, write a final snapshot and close the journal. */
  close(): void;
}

function restoreIndex(catalog: IndexCatalog, index: IndexSnapshot, validate: boolean): void {
  const engine = createSearchIndex({
    uid: index.uid,
    ...(index.primaryKey ? { primaryKey: index.primaryKey } : {}),
  });
  // Dumps from a real Meilisearch may carry settings this engine does not know (chat, foreignKeys, …).
  const known = Object.keys(defaultSettings());
  const given = Object.fromEntries(Object.entries(index.settings).filter(([k]) => known.includes(k)));
  const patch = validate
    ? (validateSettings(given) as Partial<Record<keyof IndexSettings, unknown>>)
    : (given as Partial<Record<keyof IndexSettings, unknown>>);
  engine.updateSettings(patch);
  if (index.documents.length > 0) {
    engine.addDocuments(index.documents, { mode: 'replace', primaryKey: index.primaryKey });
  }
  const entry: IndexEntry = { engine, createdAt: index.createdAt, updatedAt: index.updatedAt };
  catalog.put(index.uid, entry);
}

/**
 * Build a node's state: restore the snapshot and replay the journal when `dbPath` holds one, or import a
 * dump, then start the background task worker.
 *
 * @example
 * ```ts
 * const state = createDevnodeState({ masterKey: 'k' });
 * state.keys.list().length; // 2 default keys
 * state.close();
 * ```
 */
export function createDevnodeState(options: DevnodeStateOptions = {}): DevnodeState {
  const masterKey = options.masterKey ?? null;
  const dbPath = options.dbPath ?? null;
  const dumpDir = options.dumpDir ?? 'dumps/';
  const catalog = new IndexCatalog();
  const keys = new ApiKeyStore(masterKey);
  let journal: Journal | null = null;
  const state: DevnodeState = {
    catalog,
    queue: new TaskQueue(() => runAtOnce(() => null)),
    keys,
    masterKey,
    dumpDir,
    lastUpdate: null,
    compact,
    close,
  };
  const queue = state.queue;
  const writeDump = (dumpUid: string) => {
    mkdirSync(dumpDir, { recursive: true });
    writeFileSync(join(dumpDir, `${dumpUid}.dump`), encodeDump(dumpContent()));
  };
  queue.executor = function* (task) {
    const details = yield* executeTask(task, { catalog, queue, writeDump });
    state.lastUpdate = new Date().toISOString();
    return details;
  };

  function dumpContent() {
    return {
      keys: keys.list(),
      tasks: queue.all().map(toTaskView),
      indexes: catalog.list().map(([uid, e]) => ({
        uid,
        primaryKey: e.engine.primaryKey,
        createdAt: e.createdAt,
        updatedAt: e.updatedAt,
        settings: e.engine.getSettings(),
        documents: e.engine.allDocuments(),
      })),
    };
  }

  function snapshot(): Snapshot {
    const content = dumpContent();
    return {
      version: 2,
      journalSeq: journal?.seq ?? 0,
      nextTaskUid: queue.nextUid,
      nextBatchUid: queue.nextBatchUid,
      // Finished tasks no longer need their documents payload.
      tasks: queue
        .all()
        .map((t) =>
          t.status !== 'enqueued' && t.status !== 'processing' && t.op.kind === 'documentAddition'
            ? { ...t, op: { ...t.op, documents: [] } }
            : t,
        ),
      keys: content.keys,
      indexes: content.indexes,
    };
  }

  function compact(): void {
    if (!dbPath || !journal) return;
    writeSnapshot(dbPath, snapshot());
    journal.truncate();
  }

  function close(): void {
    queue.stop();
    if (journal) {
      compact();
      journal.close();
      journal = null;
    }
  }

  if (dbPath) {
    mkdirSync(dbPath, { recursive: true });
    const snap = readSnapshot(dbPath);
    let lastSeq = snap?.journalSeq ?? 0;
    if (snap) {
      for (const index of snap.indexes) restoreIndex(catalog, index, false);
      for (const key of snap.keys) keys.put(key, true);
      for (const task of snap.tasks) queue.restore(task);
      queue.restoreCounters(snap.nextTaskUid, snap.nextBatchUid);
    }
    lastSeq = replayJournal(dbPath, state, lastSeq);
    journal = new Journal(dbPath, lastSeq);
    const j = journal;
    const snapshotAfterBytes = options.snapshotAfterBytes ?? 64_000_000;
    queue.hooks = {
      onEnqueue: (task) => j.append({ t: 'task', task }, true),
      onFinish: (task) => {
        const { uid, status, batchUid, canceledBy, details, error, startedAt, finishedAt, duration } = task;
        j.append(
          { t: 'done', uid, status, batchUid, canceledBy, details, error, startedAt, finishedAt, duration },
          false,
        );
        if (j.bytes >= snapshotAfterBytes) setImmediate(() => journal === j && compact());
      },
    };
    keys.onChange = (change) =>
      j.append(
        change.op === 'put' ? { t: 'keyPut', key: change.key } : { t: 'keyDelete', uid: change.uid },
        true,
      );
  }

  const isEmpty = catalog.list().length === 0 && queue.nextUid === 0;
  if (options.importDump && isEmpty) {
    const content = decodeDump(readFileSync(options.importDump));
    for (const index of content.indexes) restoreIndex(catalog, index, true);
    for (const key of content.keys) keys.put(key);
  }
  keys.ensureDefaults(new Date().toISOString());
  // Compact right away so the replayed journal is not replayed again next time.
  if (dbPath) compact();
  queue.schedule();
  return state;
}

/**
 * Re-apply journaled tasks in processing order, restoring their recorded outcome. Entries already in the
 * snapshot (`seq <= afterSeq`, left over by a crash between snapshot and truncation) are skipped, since
 * some operations (swaps) are not idempotent. Returns the last sequence number seen.
 */
function replayJournal(dbPath: string, state: DevnodeState, afterSeq: number): number {
  const { queue, keys, catalog } = state;
  const entries = Journal.read(dbPath).filter((e) => e.seq > afterSeq);
  if (entries.length === 0) return afterSeq;
  queue.isRunning = false;
  const replayExecutor = (task: TaskRecord) => runToEnd(executeTask(task, { catalog, queue }));
  for (const entry of entries) {
    switch (entry.t) {
      case 'task':
        queue.restore(entry.task);
        break;
      case 'keyPut':
        keys.put(entry.key, true);
        break;
      case 'keyDelete':
        if (keys.has(entry.uid)) keys.delete(entry.uid, true);
        break;
      case 'done': {
        if (!queue.has(entry.uid)) break;
        const task = queue.get(entry.uid);
        if (entry.status === 'succeeded' || entry.status === 'failed') {
          try {
            replayExecutor(task);
          } catch {
            // The recorded outcome (restored below) already says it failed.
          }
        }
        task.status = entry.status;
        task.batchUid = entry.batchUid;
        task.canceledBy = entry.canceledBy;
        task.details = entry.details;
        task.error = entry.error;
        task.startedAt = entry.startedAt;
        task.finishedAt = entry.finishedAt;
        task.duration = entry.duration;
        queue.restore(task);
        break;
      }
    }
  }
  queue.isRunning = true;
  return entries[entries.length - 1]!.seq;
}
