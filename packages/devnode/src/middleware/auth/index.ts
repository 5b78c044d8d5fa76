import { meiliError } from '@miroir/errors';
import type { Context, MiddlewareHandler } from 'hono';
import type { SearchQuery } from '../../engine/engine-contract.js';
import { type ApiKeyRecord, type ApiKeyStore, coversIndex, hasAction } from '../../state/api-key-store.js';
import {
  combineFilters,
  findSearchRule,
  type SearchRules,
  verifyTenantToken,
} from './verify-tenant-token.js';

/** Who is calling: the master key, an API key, or anyone (no master key configured). */
export interface AuthContext {
  /** True for the master key and for every caller when no master key is set. */
  isUnrestricted: boolean;
  key: ApiKeyRecord | null;
  /** Set when the caller used a tenant token: only search routes, only these indexes, forced filters. */
  searchRules?: SearchRules;
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
    if (!key) {
      const tenant = verifyTenantToken(token, keys);
      if (!tenant) throw invalidKey();
      // A tenant token only ever grants search, within its parent key's indexes.
      c.set('auth', {
        isUnrestricted: false,
        key: { ...tenant.key, actions: ['search'] },
        searchRules: tenant.searchRules,
      });
      return next();
    }
    if (key.expiresAt !== null && Date.parse(key.expiresAt) <= Date.now()) throw invalidKey();
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
  if (auth.isUnrestricted) return true;
  if (auth.key === null || !coversIndex(auth.key.indexes, indexUid)) return false;
  return auth.searchRules === undefined || findSearchRule(auth.searchRules, indexUid) !== undefined;
}

/**
 * Apply a tenant token's forced filter for `indexUid` to a search query (no-op for other callers).
 *
 * @example
 * ```ts
 * const query = applySearchRules(c, 'movies', validateSearchQuery(body));
 * ```
 */
export function applySearchRules<Q extends Pick<SearchQuery, 'filter'>>(
  c: Context<DevnodeEnv>,
  indexUid: string,
  query: Q,
): Q {
  const rules = c.get('auth').searchRules;
  if (!rules) return query;
  const rule = findSearchRule(rules, indexUid);
  if (!rule?.filter) return query;
  return { ...query, filter: combineFilters(rule.filter, query.filter) };
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
      if (uid !== undefined && !canAccessIndex(c, uid)) throw invalidKey();
    }
    return next();
  };
}
