import { generateTenantToken } from 'meilisearch/token';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDevnodeApp } from '../../app.js';
import { deriveApiKey } from '../../state/api-key-store.js';
import { createDevnodeState } from '../../state/devnode-state.js';

const MASTER = 'auth-test-master-key';
const state = createDevnodeState({ masterKey: MASTER });
const app = createDevnodeApp({ state, payloadSizeLimit: 1_000_000, faults: null, pkgVersion: '1.37.0' });

async function call(method: string, path: string, token: string | null, body?: unknown) {
  const headers: Record<string, string> = {};
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await app.request(path, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}

const KEY_UID = '6062abda-a5aa-4414-ac91-ecd7944c0f8d';
let keyValue = '';

beforeAll(async () => {
  await call('PATCH', '/indexes/movies/settings', MASTER, { filterableAttributes: ['owner'] });
  await call('POST', '/indexes/movies/documents', MASTER, [
    { id: 1, title: 'a', owner: 'ann' },
    { id: 2, title: 'b', owner: 'bob' },
  ]);
  await call('POST', '/indexes/secret/documents', MASTER, [{ id: 1 }]);
  await state.queue.whenIdle();
  const created = await call('POST', '/keys', MASTER, {
    uid: KEY_UID,
    actions: ['search', 'documents.get'],
    indexes: ['mov*', 'secret'],
    expiresAt: null,
  });
  keyValue = String(created.body?.key);
});
afterAll(() => state.close());

describe('authentication middleware', () => {
  it('derives key values as the hex HMAC of the uid keyed by the master key', () => {
    expect(keyValue).toBe(deriveApiKey(MASTER, KEY_UID));
    expect(keyValue).toMatch(/^[0-9a-f]{64}$/);
  });

  it('checks actions and index patterns', async () => {
    expect((await call('POST', '/indexes/movies/search', keyValue, {})).status).toBe(200);
    expect((await call('GET', '/indexes/movies/documents', keyValue)).status).toBe(200);
    expect((await call('DELETE', '/indexes/movies/documents', keyValue)).status).toBe(403);
    expect((await call('GET', '/indexes', keyValue)).status).toBe(403);
    expect((await call('GET', '/health', null)).status).toBe(200);
    expect((await call('GET', '/stats', 'Basic abc')).status).toBe(403);
  });

  it('accepts tenant tokens: search only, covered indexes only, forced filter applied', async () => {
    const token = await generateTenantToken({
      apiKey: keyValue,
      apiKeyUid: KEY_UID,
      searchRules: { movies: { filter: 'owner = ann' } },
      expiresAt: new Date(Date.now() + 60_000),
    });
    const res = await call('POST', '/indexes/movies/search', token, { q: '' });
    expect(res.status).toBe(200);
    const hits = (res.body?.hits ?? []) as Array<{ id: number }>;
    expect(hits.map((h) => h.id)).toEqual([1]);
    const multi = await call('POST', '/multi-search', token, {
      queries: [{ indexUid: 'movies', filter: 'owner = bob' }],
    });
    const results = (multi.body?.results ?? []) as Array<{ hits: unknown[] }>;
    expect(results[0]?.hits).toEqual([]);
    expect((await call('POST', '/indexes/secret/search', token, {})).status).toBe(403);
    expect((await call('GET', '/indexes/movies/documents', token)).status).toBe(403);
  });

  it('refuses tenant tokens with a bad signature or past expiry', async () => {
    const forged = await generateTenantToken({
      apiKey: 'x'.repeat(64),
      apiKeyUid: KEY_UID,
      searchRules: ['*'],
    });
    expect((await call('POST', '/indexes/movies/search', forged, {})).status).toBe(403);
    const good = await generateTenantToken({ apiKey: keyValue, apiKeyUid: KEY_UID, searchRules: ['*'] });
    const [h, p] = good.split('.');
    const payload = JSON.parse(Buffer.from(p!, 'base64url').toString()) as Record<string, unknown>;
    payload.exp = Math.floor(Date.now() / 1000) - 10;
    const { createHmac } = await import('node:crypto');
    const body = `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
    const expired = `${body}.${createHmac('sha256', keyValue).update(body).digest('base64url')}`;
    expect((await call('POST', '/indexes/movies/search', expired, {})).status).toBe(403);
    const wildcard = await call('POST', '/indexes/movies/search', good, {});
    expect(wildcard.status).toBe(200);
  });
});
