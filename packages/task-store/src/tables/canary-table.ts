import type { RecordBackend } from '../record-backend.js';
import type { CanaryDefinition, CanaryRun } from '../record-types.js';
import type { ResolvedStoreOptions } from '../store-options.js';
import type { CanaryTable } from '../task-store.js';
import { TaskStoreError } from '../task-store-error.js';
import { assertDuration, assertKey, parseBody } from './record-codec.js';

const CANARIES = 'canaries';
const RUNS = 'canary_runs';

/** Builds canaries and canary_runs; runs are grouped by canary and trimmed to the newest N. */
export function createCanaryTable(backend: RecordBackend, options: ResolvedStoreOptions): CanaryTable {
  return {
    async put(canary) {
      assertKey('id', canary.id);
      assertKey('indexUid', canary.indexUid);
      assertDuration('intervalMs', canary.intervalMs);
      if (canary.query === null || typeof canary.query !== 'object') {
        throw new TaskStoreError('invalid_input', '`query` must be an object', 'query');
      }
      const body = JSON.stringify({
        id: canary.id,
        indexUid: canary.indexUid,
        query: canary.query,
        intervalMs: canary.intervalMs,
      });
      await backend.put(CANARIES, {
        key: canary.id,
        group: '',
        body,
        score: options.now(),
        expiresAt: null,
        backstopMs: null,
      });
    },
    async get(id) {
      const row = await backend.get(CANARIES, assertKey('id', id));
      return row === undefined ? undefined : parseBody<CanaryDefinition>(CANARIES, row);
    },
    async list() {
      const rows = await backend.list(CANARIES);
      return rows
        .map((row) => parseBody<CanaryDefinition>(CANARIES, row))
        .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    },
    async delete(id) {
      const existed = await backend.delete(CANARIES, assertKey('id', id));
      await backend.trim(RUNS, 0, id);
      return existed;
    },
    async recordRun(canaryId, run) {
      assertKey('canaryId', canaryId);
      if (
        typeof run.ok !== 'boolean' ||
        typeof run.latencyMs !== 'number' ||
        !Number.isFinite(run.latencyMs)
      ) {
        throw new TaskStoreError('invalid_input', 'a run needs boolean `ok` and finite `latencyMs`', 'run');
      }
      const runId = await backend.nextSequence(RUNS);
      const stored: CanaryRun = {
        canaryId,
        runId,
        at: options.now(),
        ok: run.ok,
        latencyMs: run.latencyMs,
        detail: run.detail ?? null,
      };
      const key = `${canaryId}\u0000${runId}`;
      await backend.put(RUNS, {
        key,
        group: canaryId,
        body: JSON.stringify(stored),
        score: runId,
        expiresAt: null,
        backstopMs: null,
      });
      await backend.trim(RUNS, options.canaryRunHistoryLimit, canaryId);
      return stored;
    },
    async listRuns(canaryId) {
      const rows = await backend.list(RUNS, { group: assertKey('canaryId', canaryId), newestFirst: true });
      return rows.map((row) => parseBody<CanaryRun>(RUNS, row));
    },
  };
}
