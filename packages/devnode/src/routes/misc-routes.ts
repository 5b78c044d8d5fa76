import { meiliError } from '@miroir/errors';
import type { Hono } from 'hono';
import { describeValue } from '../engine/describe-value.js';
import { readJsonBody } from '../http/read-body.js';
import { canAccessIndex, type DevnodeEnv, requireAction } from '../middleware/auth/index.js';
import type { FaultConfig } from '../middleware/faults/fault-controller.js';
import type { DevnodeDeps } from './deps.js';

const EXPERIMENTAL_FEATURES: Record<string, boolean> = {
  metrics: false,
  logsRoute: false,
  editDocumentsByFunction: false,
  containsFilter: false,
  network: false,
  getTaskDocumentsRoute: false,
  compositeEmbedders: false,
  chatCompletions: false,
  multimodal: false,
  vectorStoreSetting: false,
};

/**
 * Health, version, global stats, experimental features, dumps, and the `/_devnode/faults` control
 * routes (404 unless fault injection is enabled).
 *
 * @example
 * ```ts
 * registerMiscRoutes(app, deps);
 * ```
 */
export function registerMiscRoutes(app: Hono<DevnodeEnv>, deps: DevnodeDeps): void {
  const { state, faults } = deps;
  const { catalog, queue, keys } = state;
  const features = { ...EXPERIMENTAL_FEATURES };

  app.get('/', (c) => c.json({ status: 'Meilisearch is running' }));
  app.get('/health', (c) => c.json({ status: 'available' }));
  app.get('/version', requireAction(keys, 'version'), (c) =>
    c.json({ commitSha: 'devnode', commitDate: '2026-01-01T00:00:00Z', pkgVersion: deps.pkgVersion }),
  );

  app.get('/stats', requireAction(keys, 'stats.get'), (c) => {
    const indexes: Record<string, unknown> = {};
    let size = 0;
    for (const [uid, entry] of catalog.list()) {
      if (!canAccessIndex(c, uid)) continue;
      const stats = entry.engine.stats();
      size += stats.rawDocumentDbSize;
      indexes[uid] = {
        ...stats,
        isIndexing: queue.all().some((t) => t.indexUid === uid && t.status === 'processing'),
      };
    }
    return c.json({ databaseSize: size, usedDatabaseSize: size, lastUpdate: state.lastUpdate, indexes });
  });

  app.get('/experimental-features', requireAction(keys, 'experimental.get'), (c) => c.json(features));
  app.patch('/experimental-features', requireAction(keys, 'experimental.update'), async (c) => {
    const body = await readJsonBody(c, deps.payloadSizeLimit);
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw meiliError(
        'bad_request',
        `Invalid value type: expected an object, but found ${describeValue(body)}`,
      );
    }
    for (const [key, value] of Object.entries(body)) {
      if (!(key in features)) {
        throw meiliError(
          'bad_request',
          `Unknown field \`${key}\`: expected one of ${Object.keys(features)
            .map((f) => `\`${f}\``)
            .join(', ')}`,
        );
      }
      if (typeof value !== 'boolean' && value !== null) {
        throw meiliError(
          'bad_request',
          `Invalid value type at \`.${key}\`: expected a boolean, but found ${describeValue(value)}`,
        );
      }
      if (typeof value === 'boolean') features[key] = value;
    }
    return c.json(features);
  });

  app.post('/dumps', requireAction(keys, 'dumps.create'), (c) => {
    const task = queue.enqueue({
      indexUid: null,
      type: 'dumpCreation',
      details: { dumpUid: null },
      op: { kind: 'dumpCreation' },
    });
    return c.json(task, 202);
  });

  app.get('/_devnode/faults', (c) => {
    if (!faults) return c.body(null, 404);
    return c.json(faults.config);
  });
  app.post('/_devnode/faults', async (c) => {
    if (!faults) return c.body(null, 404);
    const body = (await c.req.json()) as Partial<FaultConfig>;
    const patch: Partial<FaultConfig> = {};
    if (typeof body.latencyMs === 'number') patch.latencyMs = body.latencyMs;
    if (typeof body.errorRate === 'number') patch.errorRate = body.errorRate;
    if (typeof body.hang === 'boolean') patch.hang = body.hang;
    if (typeof body.dropConnections === 'boolean') patch.dropConnections = body.dropConnections;
    if (typeof body.pathPrefix === 'string' || body.pathPrefix === null) patch.pathPrefix = body.pathPrefix;
    return c.json(faults.set(patch));
  });
  app.delete('/_devnode/faults', (c) => {
    if (!faults) return c.body(null, 404);
    faults.clear();
    return c.json(faults.config);
  });
}
