import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { Journal } from './journal.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

it('numbers entries, ignores a torn last line and continues the sequence', () => {
  const dir = mkdtempSync(join(tmpdir(), 'devnode-journal-'));
  dirs.push(dir);
  const journal = new Journal(dir, 10);
  journal.append({ t: 'keyDelete', uid: 'a' }, true);
  journal.append({ t: 'keyDelete', uid: 'b' }, false);
  journal.close();
  appendFileSync(join(dir, 'journal.ndjson'), '{"t":"keyDel');
  expect(Journal.read(dir)).toEqual([
    { t: 'keyDelete', uid: 'a', seq: 11 },
    { t: 'keyDelete', uid: 'b', seq: 12 },
  ]);
  const again = new Journal(dir, 12);
  again.truncate();
  expect(Journal.read(dir)).toEqual([]);
  again.append({ t: 'keyDelete', uid: 'c' }, true);
  expect(Journal.read(dir)).toEqual([{ t: 'keyDelete', uid: 'c', seq: 13 }]);
  again.close();
});
