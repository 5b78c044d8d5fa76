import type { RecordBackend } from '../record-backend.js';
import type { AliasRecord, AliasTarget } from '../record-types.js';
import type { ResolvedStoreOptions } from '../store-options.js';
import type { AliasTable } from '../task-store.js';
import { TaskStoreError } from '../task-store-error.js';
import { assertKey, parseBody } from './record-codec.js';

const TABLE = 'aliases';

/** Builds the aliases table: the row version is the alias version, so a flip is one compare-and-set. */
export function createAliasTable(backend: RecordBackend, options: ResolvedStoreOptions): AliasTable {
  return {
    async get(name) {
      const row = await backend.get(TABLE, assertKey('name', name));
      return row === undefined ? undefined : { ...parseBody<AliasRecord>(TABLE, row), version: row.version };
    },
    async list() {
      const rows = await backend.list(TABLE);
      return rows
        .map((row) => ({ ...parseBody<AliasRecord>(TABLE, row), version: row.version }))
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    },
    async flip(name, expectedVersion, target) {
      assertKey('name', name);
      checkTarget(target);
      if (!Number.isSafeInteger(expectedVersion) || expectedVersion < 0) {
        throw new TaskStoreError(
          'invalid_input',
          '`expectedVersion` must be a non-negative integer',
          'expectedVersion',
        );
      }
      const current = await backend.get(TABLE, name);
      const currentVersion = current === undefined ? 0 : current.version;
      if (currentVersion !== expectedVersion) return undefined;
      const now = options.now();
      const history =
        current === undefined ? [] : historyAfter(parseBody<AliasRecord>(TABLE, current), current.version);
      const next: AliasRecord = {
        name,
        target: copyTarget(target),
        version: expectedVersion + 1,
        updatedAt: now,
        history: history.slice(0, options.aliasHistoryLimit),
      };
      const row = {
        key: name,
        group: '',
        body: JSON.stringify(next),
        score: now,
        expiresAt: null,
        backstopMs: null,
      };
      const version = await backend.put(TABLE, row, expectedVersion);
      return version === undefined ? undefined : { ...next, version };
    },
    async delete(name) {
      return backend.delete(TABLE, assertKey('name', name));
    },
  };
}

function historyAfter(previous: AliasRecord, version: number): AliasRecord['history'] {
  return [{ version, target: previous.target, changedAt: previous.updatedAt }, ...previous.history];
}

function checkTarget(target: AliasTarget): void {
  if (target?.kind === 'single' && typeof target.currentUid === 'string') {
    assertKey('currentUid', target.currentUid);
    return;
  }
  if (target?.kind === 'multi' && Array.isArray(target.targetUids) && target.targetUids.length > 0) {
    for (const uid of target.targetUids) assertKey('targetUids', uid);
    return;
  }
  throw new TaskStoreError(
    'invalid_input',
    'alias target must be {kind:"single",currentUid} or {kind:"multi",targetUids}',
    'target',
  );
}

function copyTarget(target: AliasTarget): AliasTarget {
  return target.kind === 'single'
    ? { kind: 'single', currentUid: target.currentUid }
    : { kind: 'multi', targetUids: [...target.targetUids] };
}
