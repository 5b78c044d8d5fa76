import { closeSync, existsSync, fdatasyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Document } from '../engine/engine-contract.js';
import type { ApiKeyRecord } from '../state/api-key-store.js';
import type { IndexSnapshot } from '../state/index-snapshot.js';
import type { TaskRecord } from '../state/task-types.js';

/** The whole node state at one point in time (`<dbPath>/snapshot.ndjson`). */
export interface Snapshot {
  version: 2;
  /** Sequence number of the last journal entry the snapshot includes; replay skips entries up to it. */
  journalSeq: number;
  nextTaskUid: number;
  nextBatchUid: number;
  tasks: TaskRecord[];
  keys: ApiKeyRecord[];
  indexes: IndexSnapshot[];
}

const FILE = 'snapshot.ndjson';
const FLUSH_AT = 1 << 20;

/**
 * Write a snapshot atomically (temp file, fsync, rename). The file is NDJSON — a head line, then one line
 * per key, task, index and document — so neither writing nor reading ever builds one giant string.
 *
 * @example
 * ```ts
 * writeSnapshot('/tmp/db', snapshot);
 * ```
 */
export function writeSnapshot(dir: string, snapshot: Snapshot): void {
  const tmp = join(dir, `${FILE}.tmp`);
  const fd = openSync(tmp, 'w');
  let buffer = '';
  const line = (value: unknown) => {
    buffer += `${JSON.stringify(value)}\n`;
    if (buffer.length >= FLUSH_AT) {
      writeSync(fd, buffer);
      buffer = '';
    }
  };
  try {
    const { indexes, tasks, keys, ...head } = snapshot;
    line({ t: 'head', ...head });
    for (const key of keys) line({ t: 'key', key });
    for (const task of tasks) line({ t: 'task', task });
    for (const { documents, ...meta } of indexes) {
      line({ t: 'index', ...meta });
      for (const d of documents) line({ t: 'doc', d });
    }
    line({ t: 'end' });
    writeSync(fd, buffer);
    fdatasyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, join(dir, FILE));
}

type SnapshotLine =
  | ({ t: 'head' } & Pick<Snapshot, 'version' | 'journalSeq' | 'nextTaskUid' | 'nextBatchUid'>)
  | { t: 'key'; key: ApiKeyRecord }
  | { t: 'task'; task: TaskRecord }
  | ({ t: 'index' } & Omit<Snapshot['indexes'][number], 'documents'>)
  | { t: 'doc'; d: Document }
  | { t: 'end' };

/**
 * Read the snapshot, or `null` when none was written yet. Throws on an unknown version or a truncated file.
 *
 * @example
 * ```ts
 * readSnapshot('/tmp/db')?.tasks.length;
 * ```
 */
export function readSnapshot(dir: string): Snapshot | null {
  const path = join(dir, FILE);
  if (!existsSync(path)) return null;
  const raw = readFileSync(path);
  const snapshot: Snapshot = {
    version: 2,
    journalSeq: 0,
    nextTaskUid: 0,
    nextBatchUid: 0,
    tasks: [],
    keys: [],
    indexes: [],
  };
  let isComplete = false;
  for (let start = 0; start < raw.length; ) {
    let end = raw.indexOf(10, start);
    if (end === -1) end = raw.length;
    const text = raw.toString('utf8', start, end);
    start = end + 1;
    if (text.trim() === '') continue;
    const entry = JSON.parse(text) as SnapshotLine;
    switch (entry.t) {
      case 'head':
        if (entry.version !== 2)
          throw new Error(`Unsupported devnode snapshot version ${String(entry.version)}`);
        Object.assign(snapshot, {
          journalSeq: entry.journalSeq,
          nextTaskUid: entry.nextTaskUid,
          nextBatchUid: entry.nextBatchUid,
        });
        break;
      case 'key':
        snapshot.keys.push(entry.key);
        break;
      case 'task':
        snapshot.tasks.push(entry.task);
        break;
      case 'index': {
        const { t: _t, ...meta } = entry;
        snapshot.indexes.push({ ...meta, documents: [] });
        break;
      }
      case 'doc':
        snapshot.indexes[snapshot.indexes.length - 1]?.documents.push(entry.d);
        break;
      case 'end':
        isComplete = true;
        break;
    }
  }
  if (!isComplete) throw new Error(`Truncated devnode snapshot ${path}`);
  return snapshot;
}
