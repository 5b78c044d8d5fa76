import { type MeiliErrorCode, meiliError } from '@miroir/errors';
import type { Context, Hono } from 'hono';
import { parseFilterInput } from '../engine/compile-filter.js';
import { describeValue } from '../engine/describe-value.js';
import type { BrowseQuery, FilterInput } from '../engine/engine-contract.js';
import { parseNonNegativeInt } from '../http/parse-offset-limit.js';
import { readDocumentsPayload, readJsonBody } from '../http/read-body.js';
import { splitSortParameter } from '../http/split-sort-parameter.js';
import { type DevnodeEnv, requireAction } from '../middleware/auth/index.js';
import { assertIndexUid } from '../state/index-catalog.js';
import type { DevnodeDeps } from './deps.js';

const WRITE_PARAMS = ['primaryKey', 'csvDelimiter', 'customMetadata', 'skipCreation'];
const BROWSE_PARAMS = ['offset', 'limit', 'fields', 'filter', 'ids', 'retrieveVectors', 'sort'];

function rejectUnknownParams(c: Context, allowed: string[]): void {
  for (const key of Object.keys(c.req.query())) {
    if (!allowed.includes(key)) {
      throw meiliError(
        'bad_request',
        `Unknown parameter \`${key}\`: expected one of ${allowed.map((a) => `\`${a}\``).join(', ')}`,
      );
    }
  }
}

function commaList(raw: string | undefined): string[] | null {
  if (raw === undefined) return null;
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function invalidDoc(param: string, message: string): Error {
  return meiliError(
    `invalid_document_${param.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`)}` as MeiliErrorCode,
    message,
  );
}

/** Validate a `POST .../documents/fetch` body into a browse query. */
function parseFetchBody(body: unknown): BrowseQuery {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw meiliError(
      'bad_request',
      `Invalid value type: expected an object, but found ${describeValue(body)}`,
    );
  }
  const b = body as Record<string, unknown>;
  const query: BrowseQuery = {};
  for (const [key, value] of Object.entries(b)) {
    switch (key) {
      case 'offset':
      case 'limit':
        if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
          throw invalidDoc(
            key,
            `Invalid value type at \`.${key}\`: expected a positive integer, but found ${describeValue(value)}`,
          );
        }
        query[key] = value;
        break;
      case 'fields':
        if (value !== null && (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))) {
          throw invalidDoc(
            key,
            `Invalid value type at \`.fields\`: expected an array, but found ${describeValue(value)}`,
          );
        }
        query.fields = value as string[] | null;
        break;
      case 'filter':
        if (value !== null && typeof value !== 'string' && !Array.isArray(value)) {
          throw invalidDoc(
            key,
            `Invalid syntax for the filter parameter: \`expected String, Array, found: ${JSON.stringify(value)}\`.`,
          );
        }
        query.filter = value as FilterInput | null;
        break;
      case 'ids':
        if (
          value !== null &&
          (!Array.isArray(value) || value.some((v) => typeof v !== 'string' && typeof v !== 'number'))
        ) {
          throw invalidDoc(
            key,
            `Invalid value type at \`.ids\`: expected an array, but found ${describeValue(value)}`,
          );
        }
        query.ids = value as Array<string | number> | null;
        break;
      case 'retrieveVectors':
        if (typeof value !== 'boolean') {
          throw invalidDoc(
            key,
            `Invalid value type at \`.retrieveVectors\`: expected a boolean, but found ${describeValue(value)}`,
          );
        }
        query.retrieveVectors = value;
        break;
      case 'sort':
        if (value !== null && (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))) {
          throw invalidDoc(
            key,
            `Invalid value type at \`.sort\`: expected an array, but found ${describeValue(value)}`,
          );
        }
        query.sort = value as string[] | null;
        break;
      default:
        throw meiliError(
          'bad_request',
          `Unknown field \`${key}\`: expected one of ${BROWSE_PARAMS.map((a) => `\`${a}\``).join(', ')}`,
        );
    }
  }
  return query;
}

/**
 * Document routes: add/replace (POST), add/update (PUT) in JSON, NDJSON or CSV; get, browse, fetch,
 * delete one, delete-batch, delete by filter and clear.
 *
 * @example
 * ```ts
 * registerDocumentRoutes(app, deps);
 * ```
 */
export function registerDocumentRoutes(app: Hono<DevnodeEnv>, deps: DevnodeDeps): void {
  const { state, payloadSizeLimit } = deps;
  const { catalog, queue, keys } = state;

  for (const [method, mode] of [
    ['post', 'replace'],
    ['put', 'update'],
  ] as const) {
    app[method](
      '/indexes/:uid/documents',
      requireAction(keys, 'documents.add', { index: true }),
      async (c) => {
        const uid = c.req.param('uid');
        assertIndexUid(uid);
        rejectUnknownParams(c, WRITE_PARAMS);
        const primaryKey = c.req.query('primaryKey') ?? null;
        const documents = await readDocumentsPayload(c, payloadSizeLimit);
        const task = queue.enqueue({
          indexUid: uid,
          type: 'documentAdditionOrUpdate',
          details: { receivedDocuments: documents.length, indexedDocuments: null },
          op: { kind: 'documentAddition', documents, mode, primaryKey },
        });
        return c.json(task, 202);
      },
    );
  }

  app.get('/indexes/:uid/documents', requireAction(keys, 'documents.get', { index: true }), (c) => {
    const uid = c.req.param('uid');
    assertIndexUid(uid);
    rejectUnknownParams(c, BROWSE_PARAMS);
    const query: BrowseQuery = {};
    for (const key of ['offset', 'limit'] as const) {
      const raw = c.req.query(key);
      const n = parseNonNegativeInt(raw, 0);
      if (n === null)
        throw invalidDoc(
          key,
          `Invalid value in parameter \`${key}\`: could not parse \`${raw}\` as a positive integer`,
        );
      if (raw !== undefined) query[key] = n;
    }
    const fields = commaList(c.req.query('fields'));
    if (fields) query.fields = fields;
    const filter = c.req.query('filter');
    if (filter !== undefined) query.filter = filter;
    const ids = commaList(c.req.query('ids'));
    if (ids) query.ids = ids;
    const sort = c.req.query('sort');
    if (sort !== undefined) query.sort = splitSortParameter(sort);
    const rv = c.req.query('retrieveVectors');
    if (rv !== undefined) {
      if (rv !== 'true' && rv !== 'false') {
        throw invalidDoc(
          'retrieveVectors',
          `Invalid value in parameter \`retrieveVectors\`: could not parse \`${rv}\` as a boolean`,
        );
      }
      query.retrieveVectors = rv === 'true';
    }
    return c.json(catalog.get(uid).engine.browseDocuments(query));
  });

  app.post(
    '/indexes/:uid/documents/fetch',
    requireAction(keys, 'documents.get', { index: true }),
    async (c) => {
      const uid = c.req.param('uid');
      assertIndexUid(uid);
      const query = parseFetchBody(await readJsonBody(c, payloadSizeLimit));
      return c.json(catalog.get(uid).engine.browseDocuments(query));
    },
  );

  app.get('/indexes/:uid/documents/:id', requireAction(keys, 'documents.get', { index: true }), (c) => {
    const uid = c.req.param('uid');
    assertIndexUid(uid);
    for (const key of Object.keys(c.req.query())) {
      if (key !== 'fields' && key !== 'retrieveVectors') {
        throw meiliError(
          'bad_request',
          `Unknown parameter \`${key}\`: expected one of \`fields\`, \`retrieveVectors\``,
        );
      }
    }
    const engine = catalog.get(uid).engine;
    return c.json(
      engine.getDocument(
        c.req.param('id'),
        commaList(c.req.query('fields')),
        c.req.query('retrieveVectors') === 'true',
      ),
    );
  });

  app.delete('/indexes/:uid/documents/:id', requireAction(keys, 'documents.delete', { index: true }), (c) => {
    const uid = c.req.param('uid');
    assertIndexUid(uid);
    const task = queue.enqueue({
      indexUid: uid,
      type: 'documentDeletion',
      details: { providedIds: 1, deletedDocuments: null },
      op: { kind: 'documentDeletion', ids: [c.req.param('id')] },
    });
    return c.json(task, 202);
  });

  app.post(
    '/indexes/:uid/documents/delete-batch',
    requireAction(keys, 'documents.delete', { index: true }),
    async (c) => {
      const uid = c.req.param('uid');
      assertIndexUid(uid);
      const body = await readJsonBody(c, payloadSizeLimit);
      if (!Array.isArray(body)) {
        throw meiliError(
          'bad_request',
          `Invalid value type: expected an array, but found ${describeValue(body)}`,
        );
      }
      const ids = body.map((id, i) => {
        if (typeof id !== 'string' && typeof id !== 'number') {
          throw meiliError(
            'bad_request',
            `Invalid value type at \`[${i}]\`: expected a string or an integer, but found ${describeValue(id)}`,
          );
        }
        return id;
      });
      const task = queue.enqueue({
        indexUid: uid,
        type: 'documentDeletion',
        details: { providedIds: ids.length, deletedDocuments: null },
        op: { kind: 'documentDeletion', ids },
      });
      return c.json(task, 202);
    },
  );

  app.post(
    '/indexes/:uid/documents/delete',
    requireAction(keys, 'documents.delete', { index: true }),
    async (c) => {
      const uid = c.req.param('uid');
      assertIndexUid(uid);
      const body = await readJsonBody(c, payloadSizeLimit);
      if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        throw meiliError(
          'bad_request',
          `Invalid value type: expected an object, but found ${describeValue(body)}`,
        );
      }
      const b = body as Record<string, unknown>;
      for (const key of Object.keys(b)) {
        if (key !== 'filter')
          throw meiliError('bad_request', `Unknown field \`${key}\`: expected one of \`filter\``);
      }
      const filter = b.filter;
      if (filter === undefined || filter === null)
        throw meiliError('missing_document_filter', 'Missing field `filter`');
      if (typeof filter !== 'string' && !Array.isArray(filter)) {
        throw meiliError(
          'invalid_document_filter',
          `Invalid syntax for the filter parameter: \`expected String, Array, found: ${JSON.stringify(filter)}\`.`,
        );
      }
      // Syntax is checked before enqueuing, like Meilisearch; attributes that are not filterable fail the task.
      if (parseFilterInput(filter as FilterInput, 'invalid_document_filter') === null)
        throw meiliError('invalid_document_filter', 'Sending an empty filter is forbidden.');
      const task = queue.enqueue({
        indexUid: uid,
        type: 'documentDeletion',
        details: { providedIds: 0, deletedDocuments: null, originalFilter: JSON.stringify(filter) },
        op: { kind: 'documentDeletionByFilter', filter: filter as FilterInput },
      });
      return c.json(task, 202);
    },
  );

  app.delete('/indexes/:uid/documents', requireAction(keys, 'documents.delete', { index: true }), (c) => {
    const uid = c.req.param('uid');
    assertIndexUid(uid);
    const task = queue.enqueue({
      indexUid: uid,
      type: 'documentDeletion',
      details: { deletedDocuments: null },
      op: { kind: 'documentClear' },
    });
    return c.json(task, 202);
  });
}
