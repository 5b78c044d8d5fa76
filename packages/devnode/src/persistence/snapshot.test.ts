import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../engine/index.js';
import { readSnapshot, type Snapshot, writeSnapshot } from './snapshot.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function sample(): Snapshot {
  return {
    version: 2,
    journalSeq: 12,
    nextTaskUid: 5,
    nextBatchUid: 4,
    tasks: [
      {
        uid: 3,
        batchUid: 3,
        indexUid: 'a',
        status: 'succeeded',
        type: 'indexCreation',
        canceledBy: null,
        details: { primaryKey: null },
        error: null,
        duration: 'PT0S',
        enqueuedAt: '2026-01-01T00:00:00.000Z',
        startedAt: '2026-01-01T00:00:00.000Z',
        finishedAt: '2026-01-01T00:00:00.000Z',
        op: { kind: 'indexCreation', primaryKey: null },
      },
    ],
    keys: [],
    indexes: [
      {
        uid: 'a',
        primaryKey: 'id',
        createdAt: 'c',
        updatedAt: 'u',
        settings: defaultSettings(),
        documents: [{ id: 1, t: 'x\ny' }],
      },
      {
        uid: 'b',
        primaryKey: null,
        createdAt: 'c',
        updatedAt: 'u',
        settings: defaultSettings(),
        documents: [],
      },
    ],
  };
}

describe('snapshot', () => {
  it('round-trips through the NDJSON file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'devnode-snap-'));
    dirs.push(dir);
    expect(readSnapshot(dir)).toBeNull();
    writeSnapshot(dir, sample());
    expect(readSnapshot(dir)).toEqual(sample());
  });

  it('refuses a truncated file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'devnode-snap-'));
    dirs.push(dir);
    writeSnapshot(dir, sample());
    const path = join(dir, 'snapshot.ndjson');
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
    writeFileSync(path, `${lines.slice(0, -1).join('\n')}\n`);
    expect(() => readSnapshot(dir)).toThrow(/Truncated/);
  });
});
