import { createHmac, randomUUID } from 'node:crypto';
import { meiliError } from '@miroir/errors';

/** A stored API key (without its value, which is derived from the master key). */
export interface ApiKeyRecord {
  uid: string;
  name: string | null;
  description: string | null;
  actions: string[];
  indexes: string[];
  expiresAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Every action name Meilisearch accepts in a key. */
export const API_KEY_ACTIONS = [
  '*',
  'search',
  'documents.*',
  'documents.add',
  'documents.get',
  'documents.delete',
  'indexes.*',
  'indexes.create',
  'indexes.get',
  'indexes.update',
  'indexes.delete',
  'indexes.swap',
  'tasks.*',
  'tasks.cancel',
  'tasks.delete',
  'tasks.get',
  'settings.*',
  'settings.get',
  'settings.update',
  'stats.*',
  'stats.get',
  'metrics.*',
  'metrics.get',
  'dumps.*',
  'dumps.create',
  'snapshots.*',
  'snapshots.create',
  'version',
  'keys.create',
  'keys.get',
  'keys.update',
  'keys.delete',
  'experimental.get',
  'experimental.update',
  'export',
  'network.get',
  'network.update',
  'chatCompletions',
  'chats.*',
  'chats.get',
  'chats.delete',
  'chatsSettings.*',
  'chatsSettings.get',
  'chatsSettings.update',
  'webhooks.get',
  'webhooks.update',
  'webhooks.delete',
  'webhooks.create',
  'webhooks.*',
  'indexes.compact',
  'fields.post',
] as const;

/** Fixed uids of the two default keys (Meilisearch picks random ones at first start). */
export const DEFAULT_SEARCH_KEY_UID = '00000000-0000-4000-8000-000000000001';
export const DEFAULT_ADMIN_KEY_UID = '00000000-0000-4000-8000-000000000002';

/**
 * Derive a key's value: the hex HMAC-SHA256 of its uid keyed by the master key, as Meilisearch does.
 *
 * @example
 * ```ts
 * deriveApiKey('masterKey', '00000000-0000-4000-8000-000000000001'); // 64 hex chars
 * ```
 */
export function deriveApiKey(masterKey: string, uid: string): string {
  return createHmac('sha256', masterKey).update(uid).digest('hex');
}

/** Whether a key action list grants `action`. */
export function hasAction(actions: readonly string[], action: string): boolean {
  return actions.some(
    (a) => a === '*' || a === action || (a.endsWith('.*') && action.startsWith(a.slice(0, -1))),
  );
}

/** Whether a key's index patterns (`*`, `movies`, `movies*`) cover `indexUid`. */
export function coversIndex(patterns: readonly string[], indexUid: string): boolean {
  return patterns.some(
    (p) => p === '*' || p === indexUid || (p.endsWith('*') && indexUid.startsWith(p.slice(0, -1))),
  );
}

/**
 * The node's API keys: CRUD plus lookup by value.
 *
 * @example
 * ```ts
 * const store = new ApiKeyStore('masterKey');
 * store.ensureDefaults(new Date().toISOString());
 * store.list().length; // 2
 * ```
 */
export class ApiKeyStore {
  readonly masterKey: string | null;
  readonly #keys = new Map<string, ApiKeyRecord>();
  readonly #byValue = new Map<string, string>();
  /** Called after every change (persistence). */
  onChange?: (change: { op: 'put'; key: ApiKeyRecord } | { op: 'delete'; uid: string }) => void;

  constructor(masterKey: string | null) {
    this.masterKey = masterKey;
  }

  /** Create the default search and admin keys when no key exists yet. */
  ensureDefaults(now: string): void {
    if (this.#keys.size > 0) return;
    this.put({
      uid: DEFAULT_SEARCH_KEY_UID,
      name: 'Default Search API Key',
      description: 'Use it to search from the frontend',
      actions: ['search'],
      indexes: ['*'],
      expiresAt: null,
      createdAt: now,
      updatedAt: now,
    });
    this.put({
      uid: DEFAULT_ADMIN_KEY_UID,
      name: 'Default Admin API Key',
      description:
        'Use it for anything that is not a search operation. Caution! Do not expose it on a public frontend',
      actions: ['*'],
      indexes: ['*'],
      expiresAt: null,
      createdAt: now,
      updatedAt: now,
    });
  }

  /** Insert or replace a key record. */
  put(key: ApiKeyRecord, silent = false): void {
    this.#keys.set(key.uid, key);
    if (this.masterKey) this.#byValue.set(deriveApiKey(this.masterKey, key.uid), key.uid);
    if (!silent) this.onChange?.({ op: 'put', key });
  }

  /** Find a key by its value or its uid; throws `api_key_not_found`. */
  find(keyOrUid: string): ApiKeyRecord {
    const uid = this.#byValue.get(keyOrUid) ?? keyOrUid;
    const key = this.#keys.get(uid);
    if (!key) throw meiliError('api_key_not_found', `API key \`${keyOrUid}\` not found.`);
    return key;
  }

  /** The key whose value is `value`, if any. */
  findByValue(value: string): ApiKeyRecord | undefined {
    const uid = this.#byValue.get(value);
    return uid === undefined ? undefined : this.#keys.get(uid);
  }

  has(uid: string): boolean {
    return this.#keys.has(uid);
  }

  delete(keyOrUid: string, silent = false): void {
    const key = this.find(keyOrUid);
    this.#keys.delete(key.uid);
    if (this.masterKey) this.#byValue.delete(deriveApiKey(this.masterKey, key.uid));
    if (!silent) this.onChange?.({ op: 'delete', uid: key.uid });
  }

  /** Keys, newest first (Meilisearch lists by creation date descending). */
  list(): ApiKeyRecord[] {
    return [...this.#keys.values()].sort((a, b) =>
      a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0,
    );
  }

  /** The JSON view of a key, including its derived value. */
  view(key: ApiKeyRecord): Record<string, unknown> {
    return {
      name: key.name,
      description: key.description,
      key: this.masterKey ? deriveApiKey(this.masterKey, key.uid) : '',
      uid: key.uid,
      actions: key.actions,
      indexes: key.indexes,
      expiresAt: key.expiresAt,
      createdAt: key.createdAt,
      updatedAt: key.updatedAt,
    };
  }

  /** A fresh uuid v4 for a key without an explicit uid. */
  static newUid(): string {
    return randomUUID();
  }
}
