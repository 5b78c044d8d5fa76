import { closeSync, existsSync, fdatasyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiKeyRecord } from '../state/api-key-store.js';
import type { TaskRecord } from '../state/task-types.js';

/** One journal line (as written, each line also carries a sequence number `seq`). */
export type JournalRecord = JournalEntry & { seq: number };

/** One journal entry. */
export type JournalEntry =
  | { t: 'task'; task: TaskRecord }
  | {
      t: 'done';
      uid: number;
      status: TaskRecord['status'];
      batchUid: number | null;
      canceledBy: number | null;
      details: Record<string, unknown> | null;
      error: TaskRecord['error'];
      startedAt: string | null;
      finishedAt: string | null;
      duration: string | null;
    }
  | { t: 'keyPut'; key: ApiKeyRecord }
  | { t: 'keyDelete'; uid: string };

/**
 * An append-only NDJSON journal (`<dbPath>/journal.ndjson`). Accepted tasks and key changes are written
 * with `fdatasync` before the HTTP answer, so a `kill -9` never loses an acknowledged write.
 *
 * @example
 * ```ts
 * const journal = new Journal('/tmp/db');
 * journal.append({ t: 'keyDelete', uid: 'x' }, true);
 * ```
 */
export class Journal {
  readonly path: string;
  #fd: number;
  #bytes = 0;
  #seq: number;

  /** `lastSeq`: the highest sequence number already used (from the snapshot and the replayed journal). */
  constructor(dir: string, lastSeq: number) {
    this.path = join(dir, 'journal.ndjson');
    this.#fd = openSync(this.path, 'a');
    this.#seq = lastSeq;
  }

  /** Bytes appended since the journal was last truncated. */
  get bytes(): number {
    return this.#bytes;
  }

  /** The sequence number of the last appended entry. */
  get seq(): number {
    return this.#seq;
  }

  append(entry: JournalEntry, durable: boolean): void {
    this.#seq += 1;
    const line = `${JSON.stringify({ ...entry, seq: this.#seq })}\n`;
    writeSync(this.#fd, line);
    if (durable) fdatasyncSync(this.#fd);
    this.#bytes += line.length;
  }

  /** Every complete entry on disk; a torn last line (crash mid-write) is ignored. */
  static read(dir: string): JournalRecord[] {
    const path = join(dir, 'journal.ndjson');
    if (!existsSync(path)) return [];
    const out: JournalRecord[] = [];
    // Scan the bytes line by line: a journal can outgrow the maximum string length.
    const raw = readFileSync(path);
    for (let start = 0; start < raw.length; ) {
      let end = raw.indexOf(10, start);
      if (end === -1) end = raw.length;
      const line = raw.toString('utf8', start, end);
      start = end + 1;
      if (line.trim() === '') continue;
      try {
        out.push(JSON.parse(line) as JournalRecord);
      } catch {
        break;
      }
    }
    return out;
  }

  /** Empty the journal (after a snapshot made its content redundant). */
  truncate(): void {
    closeSync(this.#fd);
    this.#fd = openSync(this.path, 'w');
    fdatasyncSync(this.#fd);
    this.#bytes = 0;
  }

  close(): void {
    closeSync(this.#fd);
  }
}
