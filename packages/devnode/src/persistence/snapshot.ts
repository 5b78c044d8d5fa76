import { closeSync, existsSync, fdatasyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Document, IndexSettings } from '../engine/engine-contract.js';
import type { ApiKeyRecord } from '../state/api-key-store.js';
import type { TaskRecord } from '../state/task-types.js';

/** The whole node state at one point in time (`<dbPath>/snapshot.json`). */
export interface Snapshot {
  version: 1;
  /** Sequence number of the last journal entry the snapshot includes; replay skips entries up to it. */
  journalSeq: number;
  nextTaskUid: number;
  nextBatchUid: number;
  tasks: TaskRecord[];
  keys: ApiKeyRecord[];
  indexes: Array<{
    uid: string;
    primaryKey: string | null;
    createdAt: string;
    updatedAt: string;
    settings: IndexSettings;
    documents: Document[];
  }>;
}

/**
 * Write a snapshot atomically: write `snapshot.json.tmp`, fsync, rename over `snapshot.json`.
 *
 * @example
 * ```ts
 * writeSnapshot('/tmp/db', snapshot);
 * ```
 */
export function writeSnapshot(dir: string, snapshot: Snapshot): void {
  const tmp = join(dir, 'snapshot.json.tmp');
  const fd = openSync(tmp, 'w');
  try {
    // Written index by index so a big snapshot never needs one giant string.
    const { indexes, ...head } = snapshot;
    writeSync(fd, `${JSON.stringify(head).slice(0, -1)},"indexes":[`);
    indexes.forEach((index, i) => {
      writeSync(fd, `${i > 0 ? ',' : ''}${JSON.stringify(index)}`);
    });
    writeSync(fd, ']}');
    fdatasyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, join(dir, 'snapshot.json'));
}

/**
 * Read the snapshot, or `null` when none was written yet.
 *
 * @example
 * ```ts
 * readSnapshot('/tmp/db')?.tasks.length;
 * ```
 */
export function readSnapshot(dir: string): Snapshot | null {
  const path = join(dir, 'snapshot.json');
  if (!existsSync(path)) return null;
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as Snapshot;
  if (parsed.version !== 1) throw new Error(`Unsupported devnode snapshot version ${String(parsed.version)}`);
  return parsed;
}
