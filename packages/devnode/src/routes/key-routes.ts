import { type MeiliErrorCode, meiliError } from '@miroir/errors';
import type { Hono } from 'hono';
import { describeValue } from '../engine/describe-value.js';
import { parseOffsetLimit } from '../http/parse-offset-limit.js';
import { readJsonBody } from '../http/read-body.js';
import { type DevnodeEnv, requireAction } from '../middleware/auth/index.js';
import { API_KEY_ACTIONS, ApiKeyStore } from '../state/api-key-store.js';
import type { DevnodeDeps } from './deps.js';

const CREATE_FIELDS = ['description', 'name', 'uid', 'actions', 'indexes', 'expiresAt'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function asObject(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw meiliError(
      'bad_request',
      `Invalid value type: expected an object, but found ${describeValue(body)}`,
    );
  }
  return body as Record<string, unknown>;
}

function optionalString(body: Record<string, unknown>, field: 'name' | 'description'): string | null {
  const value = body[field] ?? null;
  if (value !== null && typeof value !== 'string') {
    throw meiliError(
      `invalid_api_key_${field}` as MeiliErrorCode,
      `Invalid value type at \`.${field}\`: expected a string, but found ${describeValue(value)}`,
    );
  }
  return value;
}

/**
 * `/keys` routes: create (201), list, get, patch (name/description only), delete (204). They need a
 * master key to be configured (`missing_master_key` otherwise).
 *
 * @example
 * ```ts
 * registerKeyRoutes(app, deps);
 * ```
 */
export function registerKeyRoutes(app: Hono<DevnodeEnv>, deps: DevnodeDeps): void {
  const { state, payloadSizeLimit } = deps;
  const { keys } = state;
  const guard = (action: string) => requireAction(keys, action, { needsMasterKey: true });

  app.post('/keys', guard('keys.create'), async (c) => {
    const body = asObject(await readJsonBody(c, payloadSizeLimit));
    for (const key of Object.keys(body)) {
      if (!CREATE_FIELDS.includes(key)) {
        throw meiliError(
          'bad_request',
          `Unknown field \`${key}\`: expected one of ${CREATE_FIELDS.map((f) => `\`${f}\``).join(', ')}`,
        );
      }
    }
    const name = optionalString(body, 'name');
    const description = optionalString(body, 'description');
    let uid = ApiKeyStore.newUid();
    if (body.uid !== undefined && body.uid !== null) {
      if (typeof body.uid !== 'string' || !UUID.test(body.uid)) {
        throw meiliError(
          'invalid_api_key_uid',
          `Invalid value at \`.uid\`: invalid character: expected an optional prefix of \`urn:uuid:\` followed by [0-9a-fA-F-], found ${describeValue(body.uid)}`,
        );
      }
      uid = body.uid.toLowerCase();
    }
    if (body.actions === undefined) throw meiliError('missing_api_key_actions', 'Missing field `actions`');
    if (!Array.isArray(body.actions)) {
      throw meiliError(
        'invalid_api_key_actions',
        `Invalid value type at \`.actions\`: expected an array, but found ${describeValue(body.actions)}`,
      );
    }
    const actions = body.actions.map((a, i) => {
      if (typeof a !== 'string' || !(API_KEY_ACTIONS as readonly string[]).includes(a)) {
        throw meiliError(
          'invalid_api_key_actions',
          `Unknown value \`${String(a)}\` at \`.actions[${i}]\`: expected one of ${API_KEY_ACTIONS.map((x) => `\`${x}\``).join(', ')}`,
        );
      }
      return a;
    });
    if (body.indexes === undefined) throw meiliError('missing_api_key_indexes', 'Missing field `indexes`');
    if (!Array.isArray(body.indexes)) {
      throw meiliError(
        'invalid_api_key_indexes',
        `Invalid value type at \`.indexes\`: expected an array, but found ${describeValue(body.indexes)}`,
      );
    }
    const indexes = body.indexes.map((p, i) => {
      if (typeof p !== 'string' || !/^[A-Za-z0-9_-]*\*?$/.test(p) || p === '') {
        throw meiliError(
          'invalid_api_key_indexes',
          `Invalid value at \`.indexes[${i}]\`: \`${String(p)}\` is not a valid index uid pattern. Index uid patterns can be an integer or a string containing only alphanumeric characters, hyphens (-) and underscores (_), and can optionally end with a *.`,
        );
      }
      return p;
    });
    if (!('expiresAt' in body)) throw meiliError('missing_api_key_expires_at', 'Missing field `expiresAt`');
    let expiresAt: string | null = null;
    if (body.expiresAt !== null) {
      const raw = body.expiresAt;
      const at = typeof raw === 'string' ? Date.parse(raw) : Number.NaN;
      if (typeof raw !== 'string' || Number.isNaN(at)) {
        throw meiliError(
          'invalid_api_key_expires_at',
          `Invalid value at \`.expiresAt\`: \`${String(raw)}\` is not a valid date. It should follow the RFC 3339 format to represents a date or datetime in the future or specified as a null value. e.g. 'YYYY-MM-DD' or 'YYYY-MM-DD HH:MM:SS'.`,
        );
      }
      if (at <= Date.now()) {
        throw meiliError(
          'invalid_api_key_expires_at',
          `Invalid value at \`.expiresAt\`: \`${raw}\` is not a valid date. It should follow the RFC 3339 format to represents a date or datetime in the future or specified as a null value. e.g. 'YYYY-MM-DD' or 'YYYY-MM-DD HH:MM:SS'.`,
        );
      }
      expiresAt = new Date(at).toISOString().replace('.000Z', 'Z');
    }
    if (keys.has(uid)) {
      throw meiliError(
        'api_key_already_exists',
        `\`uid\` field value \`${uid}\` is already an existing API key.`,
      );
    }
    const now = new Date().toISOString();
    const record = { uid, name, description, actions, indexes, expiresAt, createdAt: now, updatedAt: now };
    keys.put(record);
    return c.json(keys.view(record), 201);
  });

  app.get('/keys', guard('keys.get'), (c) => {
    const { offset, limit } = parseOffsetLimit((name) => c.req.query(name), {
      offset: 'invalid_api_key_offset',
      limit: 'invalid_api_key_limit',
    });
    const all = keys.list();
    return c.json({
      results: all.slice(offset, offset + limit).map((k) => keys.view(k)),
      offset,
      limit,
      total: all.length,
    });
  });

  app.get('/keys/:key', guard('keys.get'), (c) => c.json(keys.view(keys.find(c.req.param('key')))));

  app.patch('/keys/:key', guard('keys.update'), async (c) => {
    const key = keys.find(c.req.param('key'));
    const body = asObject(await readJsonBody(c, payloadSizeLimit));
    for (const field of Object.keys(body)) {
      if (field === 'name' || field === 'description') continue;
      const immutable: Record<string, MeiliErrorCode> = {
        uid: 'immutable_api_key_uid',
        actions: 'immutable_api_key_actions',
        indexes: 'immutable_api_key_indexes',
        expiresAt: 'immutable_api_key_expires_at',
        createdAt: 'immutable_api_key_created_at',
        updatedAt: 'immutable_api_key_updated_at',
        key: 'immutable_api_key_key',
      };
      const code = immutable[field];
      if (code)
        throw meiliError(code, `Immutable field \`${field}\`: expected one of \`description\`, \`name\``);
      throw meiliError(
        'bad_request',
        `Unknown field \`${field}\`: expected one of \`description\`, \`name\``,
      );
    }
    const updated = {
      ...key,
      ...('name' in body ? { name: optionalString(body, 'name') } : {}),
      ...('description' in body ? { description: optionalString(body, 'description') } : {}),
      updatedAt: new Date().toISOString(),
    };
    keys.put(updated);
    return c.json(keys.view(updated));
  });

  app.delete('/keys/:key', guard('keys.delete'), (c) => {
    keys.delete(c.req.param('key'));
    return c.body(null, 204);
  });
}
