import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FilterInput } from '../../engine/engine-contract.js';
import {
  type ApiKeyRecord,
  type ApiKeyStore,
  coversIndex,
  deriveApiKey,
  hasAction,
} from '../../state/api-key-store.js';

/** A tenant token's `searchRules`: index patterns, each with an optional forced filter. */
export type SearchRules = Record<string, { filter?: FilterInput | null } | null>;

const HASHES: Record<string, string> = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' };

/** A verified tenant token. */
export interface TenantToken {
  key: ApiKeyRecord;
  searchRules: SearchRules;
}

function base64UrlJson(part: string): unknown {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as unknown;
  } catch {
    return null;
  }
}

/**
 * Verify a tenant token (an HS256/384/512 JWT signed with an API key, payload `{searchRules, apiKeyUid, exp?}`).
 * Returns `null` when it is not valid: bad signature, unknown or expired key, key without `search`, expired.
 *
 * @example
 * ```ts
 * const tenant = verifyTenantToken(token, keys);
 * if (tenant) tenant.searchRules; // { movies: { filter: 'user = 1' } }
 * ```
 */
export function verifyTenantToken(token: string, keys: ApiKeyStore, now = Date.now()): TenantToken | null {
  const parts = token.split('.');
  if (parts.length !== 3 || keys.masterKey === null) return null;
  const [rawHeader, rawPayload, signature] = parts as [string, string, string];
  const header = base64UrlJson(rawHeader) as { alg?: unknown } | null;
  const payload = base64UrlJson(rawPayload) as {
    apiKeyUid?: unknown;
    searchRules?: unknown;
    exp?: unknown;
  } | null;
  const hash = header ? HASHES[String(header.alg)] : undefined;
  if (!hash || !payload || typeof payload.apiKeyUid !== 'string') return null;
  let key: ApiKeyRecord;
  try {
    key = keys.find(payload.apiKeyUid);
  } catch {
    return null;
  }
  const secret = deriveApiKey(keys.masterKey, key.uid);
  const expected = createHmac(hash, secret).update(`${rawHeader}.${rawPayload}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  if (typeof payload.exp === 'number' && payload.exp * 1000 <= now) return null;
  if (key.expiresAt !== null && Date.parse(key.expiresAt) <= now) return null;
  if (!hasAction(key.actions, 'search')) return null;
  let rules: SearchRules;
  if (Array.isArray(payload.searchRules)) {
    rules = Object.fromEntries(
      payload.searchRules.filter((p) => typeof p === 'string').map((p) => [p, null]),
    );
  } else if (typeof payload.searchRules === 'object' && payload.searchRules !== null) {
    rules = payload.searchRules as SearchRules;
  } else return null;
  return { key, searchRules: rules };
}

/**
 * The rule of `searchRules` that applies to `indexUid` (exact name first, then the longest pattern), or
 * `undefined` when the token does not cover the index.
 *
 * @example
 * ```ts
 * findSearchRule({ 'mov*': { filter: 'a = 1' } }, 'movies'); // { filter: 'a = 1' }
 * ```
 */
export function findSearchRule(
  rules: SearchRules,
  indexUid: string,
): { filter?: FilterInput | null } | null | undefined {
  if (Object.hasOwn(rules, indexUid)) return rules[indexUid];
  const patterns = Object.keys(rules)
    .filter((p) => coversIndex([p], indexUid))
    .sort((a, b) => b.length - a.length);
  return patterns.length > 0 ? rules[patterns[0]!] : undefined;
}

/**
 * AND a tenant token's forced filter into a search filter (top-level arrays are conjunctions).
 *
 * @example
 * ```ts
 * combineFilters('user = 1', 'genre = a'); // ['user = 1', 'genre = a']
 * ```
 */
export function combineFilters(
  forced: FilterInput | null | undefined,
  user: FilterInput | null | undefined,
): FilterInput | null {
  if (forced === null || forced === undefined) return user ?? null;
  if (user === null || user === undefined) return forced;
  const asList = (f: FilterInput) => (typeof f === 'string' ? [f] : [...f]);
  return [...asList(forced), ...asList(user)];
}
