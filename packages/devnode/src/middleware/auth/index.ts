import { meiliError } from '@miroir/errors';
import type { Context, MiddlewareHandler } from 'hono';
import { type ApiKeyRecord, type ApiKeyStore, coversIndex, hasAction } from '../../state/api-key-store.js';

/** Who is calling: the master key, an API key, or anyone (no master key configured). */
export interface AuthContext {
  /** True for the master key and for every caller when no master key is set. */
  isUnrestricted: boolean;
  key: ApiKeyRecord | null;
}

/** Hono environment shared by every devnode route. */
export interface DevnodeEnv {
  Variables: { auth: AuthContext };
}

const invalidKey = () => meiliError('invalid_api_key', 'The provided API key is invalid.');

/**
 * Authenticate the `Authorization: Bearer` header against the master key and API keys and store the
 * result in `c.get('auth')`. `/health` is always public; without a master key everything is open.
 *
 * @example
 * ```ts
 * app.use('*', authenticate(state.keys));
 * ```
 */
export function authenticate(keys: ApiKeyStore): MiddlewareHandler<DevnodeEnv> {
  return async function authenticate(c, next) {
    if (keys.masterKey === null || c.req.path === '/health' || c.req.path.startsWith('/_devnode/')) {
      c.set('auth', { isUnrestricted: true, key: null });
      return next();
    }
    const header = c.req.header('authorization');
    if (header === undefined) {
      throw meiliError(
        'missing_authorization_header',
        'The Authorization header is missing. It must use the bearer authorization method.',
      );
    }
    const match = /^Bearer\s+(.+)$/i.exec(header.trim());
    if (!match) throw invalidKey();
    const token = match[1]!.trim();
    if (token === keys.masterKey) {
      c.set('auth', { isUnrestricted: true, key: null });
      return next();
    }
    const key = keys.findByValue(token);
    if (!key || (key.expiresAt !== null && Date.parse(key.expiresAt) <= Date.now())) throw invalidKey();
    c.set('auth', { isUnrestricted: false, key });
    return next();
  };
}

/**
 * Whether the caller may act on `indexUid` (used to filter lists and multi-search queries).
 *
 * @example
 * ```ts
 * if (!canAccessIndex(c, 'movies')) throw …;
 * ```
 */
export function canAccessIndex(c: Context<DevnodeEnv>, indexUid: string): boolean {
  const auth = c.get('auth');
  return auth.isUnrestricted || (auth.key !== null && coversIndex(auth.key.indexes, indexUid));
}

/**
 * Whether the caller sees global (index-less) things such as global tasks.
 *
 * @example
 * ```ts
 * hasAllIndexes(c); // true for the master key
 * ```
 */
export function hasAllIndexes(c: Context<DevnodeEnv>): boolean {
  const auth = c.get('auth');
  return auth.isUnrestricted || auth.key?.indexes.includes('*') === true;
}

/** Options of {@link requireAction}. */
export interface RequireActionOptions {
  /** Check the `:uid` route parameter against the key's index patterns. */
  index?: boolean;
  /** The route needs a master key to exist at all (`/keys`). */
  needsMasterKey?: boolean;
}

/**
 * Route guard: 403 `invalid_api_key` unless the caller's key grants `action` (and the route's index).
 *
 * @example
 * ```ts
 * app.get('/indexes/:uid', requireAction(keys, 'indexes.get', { index: true }), handler);
 * ```
 */
export function requireAction(
  keys: ApiKeyStore,
  action: string,
  options: RequireActionOptions = {},
): MiddlewareHandler<DevnodeEnv> {
  return async function requireAction(c, next) {
    if (options.needsMasterKey && keys.masterKey === null) {
      throw meiliError(
        'missing_master_key',
        'Meilisearch is running without a master key. To access this API endpoint, you must have set a master key at launch.',
      );
    }
    const auth = c.get('auth');
    if (!auth.isUnrestricted) {
      const key = auth.key;
      if (!key || !hasAction(key.actions, action)) throw invalidKey();
      const uid = options.index ? c.req.param('uid') : undefined;
      if (uid !== undefined && !coversIndex(key.indexes, uid)) throw invalidKey();
    }
    return next();
  };
}
