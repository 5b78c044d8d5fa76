import { meiliError } from '@miroir/errors';
import type { Hono } from 'hono';
import { describeValue } from '../engine/describe-value.js';
import { parseOffsetLimit } from '../http/parse-offset-limit.js';
import { readJsonBody } from '../http/read-body.js';
import { canAccessIndex, type DevnodeEnv, requireAction } from '../middleware/auth/index.js';
import { assertIndexUid } from '../state/index-catalog.js';
import type { IndexSwap } from '../state/task-types.js';
import type { DevnodeDeps } from './deps.js';

function unknownField(field: string, allowed: string[]): Error {
  return meiliError(
    'bad_request',
    `Unknown field \`${field}\`: expected one of ${allowed.map((a) => `\`${a}\``).join(', ')}`,
  );
}

function asObject(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw meiliError(
      'bad_request',
      `Invalid value type: expected an object, but found ${describeValue(body)}`,
    );
  }
  return body as Record<string, unknown>;
}

/**
 * Index routes: list, create, get, update, delete, stats and `POST /swap-indexes`.
 *
 * @example
 * ```ts
 * registerIndexRoutes(app, deps);
 * ```
 */
export function registerIndexRoutes(app: Hono<DevnodeEnv>, deps: DevnodeDeps): void {
  const { state, payloadSizeLimit } = deps;
  const { catalog, queue, keys } = state;
  const view = (uid: string) => {
    const e = catalog.get(uid);
    return { uid, createdAt: e.createdAt, updatedAt: e.updatedAt, primaryKey: e.engine.primaryKey };
  };

  app.get('/indexes', requireAction(keys, 'indexes.get'), (c) => {
    for (const key of Object.keys(c.req.query())) {
      if (key !== 'offset' && key !== 'limit') throw unknownField(key, ['offset', 'limit']);
    }
    const { offset, limit } = parseOffsetLimit((name) => c.req.query(name), {
      offset: 'invalid_index_offset',
      limit: 'invalid_index_limit',
    });
    const all = catalog.list().filter(([uid]) => canAccessIndex(c, uid));
    const results = all.slice(offset, offset + limit).map(([uid]) => view(uid));
    return c.json({ results, offset, limit, total: all.length });
  });

  app.post('/indexes', requireAction(keys, 'indexes.create'), async (c) => {
    const body = asObject(await readJsonBody(c, payloadSizeLimit));
    for (const key of Object.keys(body)) {
      if (key !== 'uid' && key !== 'primaryKey') throw unknownField(key, ['uid', 'primaryKey']);
    }
    if (body.uid === undefined) throw meiliError('missing_index_uid', 'Missing field `uid`');
    if (typeof body.uid !== 'string') {
      throw meiliError(
        'invalid_index_uid',
        `Invalid value type at \`.uid\`: expected a string, but found ${describeValue(body.uid)}`,
      );
    }
    const uid = body.uid;
    try {
      assertIndexUid(uid);
    } catch (err) {
      throw meiliError('invalid_index_uid', `Invalid value at \`.uid\`: ${(err as Error).message}`);
    }
    const pk = body.primaryKey ?? null;
    if (pk !== null && typeof pk !== 'string') {
      throw meiliError(
        'invalid_index_primary_key',
        `Invalid value type at \`.primaryKey\`: expected a string, but found ${describeValue(pk)}`,
      );
    }
    if (!canAccessIndex(c, uid)) throw meiliError('invalid_api_key', 'The provided API key is invalid.');
    const task = queue.enqueue({
      indexUid: uid,
      type: 'indexCreation',
      details: { primaryKey: pk },
      op: { kind: 'indexCreation', primaryKey: pk },
    });
    return c.json(task, 202);
  });

  app.get('/indexes/:uid', requireAction(keys, 'indexes.get', { index: true }), (c) => {
    const uid = c.req.param('uid');
    assertIndexUid(uid);
    return c.json(view(uid));
  });

  app.patch('/indexes/:uid', requireAction(keys, 'indexes.update', { index: true }), async (c) => {
    const uid = c.req.param('uid');
    assertIndexUid(uid);
    const body = asObject(await readJsonBody(c, payloadSizeLimit));
    for (const key of Object.keys(body)) {
      if (key !== 'primaryKey' && key !== 'uid') throw unknownField(key, ['primaryKey', 'uid']);
    }
    const pk = body.primaryKey ?? null;
    if (pk !== null && typeof pk !== 'string') {
      throw meiliError(
        'invalid_index_primary_key',
        `Invalid value type at \`.primaryKey\`: expected a string, but found ${describeValue(pk)}`,
      );
    }
    const newUid = body.uid ?? null;
    if (newUid !== null) {
      if (typeof newUid !== 'string') {
        throw meiliError(
          'invalid_index_uid',
          `Invalid value type at \`.uid\`: expected a string, but found ${describeValue(newUid)}`,
        );
      }
      assertIndexUid(newUid);
    }
    const task = queue.enqueue({
      indexUid: uid,
      type: 'indexUpdate',
      details: newUid ? { primaryKey: pk, oldIndexUid: uid, newIndexUid: newUid } : { primaryKey: pk },
      op: { kind: 'indexUpdate', primaryKey: pk, newUid },
    });
    return c.json(task, 202);
  });

  app.delete('/indexes/:uid', requireAction(keys, 'indexes.delete', { index: true }), (c) => {
    const uid = c.req.param('uid');
    assertIndexUid(uid);
    const task = queue.enqueue({
      indexUid: uid,
      type: 'indexDeletion',
      details: { deletedDocuments: null },
      op: { kind: 'indexDeletion' },
    });
    return c.json(task, 202);
  });

  app.get('/indexes/:uid/stats', requireAction(keys, 'stats.get', { index: true }), (c) => {
    const uid = c.req.param('uid');
    assertIndexUid(uid);
    const stats = catalog.get(uid).engine.stats();
    return c.json({
      ...stats,
      isIndexing: queue.all().some((t) => t.indexUid === uid && t.status === 'processing'),
    });
  });

  app.post('/swap-indexes', requireAction(keys, 'indexes.swap'), async (c) => {
    const body = await readJsonBody(c, payloadSizeLimit);
    if (!Array.isArray(body)) {
      throw meiliError(
        'bad_request',
        `Invalid value type: expected an array, but found ${describeValue(body)}`,
      );
    }
    const seen = new Set<string>();
    const swaps: IndexSwap[] = body.map((raw, i) => {
      const item = asObject(raw);
      for (const key of Object.keys(item)) {
        if (key !== 'indexes' && key !== 'rename') throw unknownField(key, ['indexes', 'rename']);
      }
      const pair = item.indexes;
      if (pair === undefined)
        throw meiliError('missing_swap_indexes', `Missing field \`indexes\` inside \`[${i}]\``);
      if (!Array.isArray(pair) || pair.length !== 2 || pair.some((p) => typeof p !== 'string')) {
        throw meiliError(
          'invalid_swap_indexes',
          `Invalid value at \`[${i}].indexes\`: Expected an array of two index uids, but found ${describeValue(pair)}`,
        );
      }
      const [a, b] = pair as [string, string];
      assertIndexUid(a);
      assertIndexUid(b);
      for (const uid of [a, b]) {
        if (seen.has(uid)) {
          throw meiliError(
            'invalid_swap_duplicate_index_found',
            `Indexes must be declared only once during a swap. \`${uid}\` was specified several times.`,
          );
        }
        seen.add(uid);
        if (!canAccessIndex(c, uid)) throw meiliError('invalid_api_key', 'The provided API key is invalid.');
      }
      const rename = item.rename ?? false;
      if (typeof rename !== 'boolean') {
        throw meiliError(
          'invalid_swap_rename',
          `Invalid value type at \`[${i}].rename\`: expected a boolean, but found ${describeValue(rename)}`,
        );
      }
      return { indexes: [a, b], rename };
    });
    const task = queue.enqueue({
      indexUid: null,
      type: 'indexSwap',
      details: { swaps },
      op: { kind: 'indexSwap', swaps },
    });
    return c.json(task, 202);
  });
}
