import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConformanceClient, uniqueUid } from './conformance-client.js';
import { expectMeiliError, RFC3339 } from './expect-meili-error.js';

/**
 * Authentication and `/keys`: header errors, key CRUD, derived key values, actions, index patterns, expiry.
 *
 * @example
 * ```ts
 * describeAuthConformance(client, () => masterKey);
 * ```
 */
export function describeAuthConformance(client: ConformanceClient, masterKey: () => string): void {
  describe('auth and keys', () => {
    const uid = uniqueUid('auth');
    const createdKeys: string[] = [];
    beforeAll(async () => {
      await client.write('POST', `/indexes/${uid}/documents`, { body: [{ id: 1, title: 'x' }] });
    });
    afterAll(async () => {
      for (const key of createdKeys) await client.request('DELETE', `/keys/${key}`);
      await client.request('DELETE', `/indexes/${uid}`);
    });

    it('/health is public; other routes need the Authorization header', async () => {
      expect((await client.request('GET', '/health', { key: null })).body).toEqual({ status: 'available' });
      const missing = await client.request('GET', '/indexes', { key: null });
      expectMeiliError(missing, 401, 'missing_authorization_header');
      expect(missing.body.message).toBe(
        'The Authorization header is missing. It must use the bearer authorization method.',
      );
      const bad = await client.request('GET', '/indexes', { key: 'wrong' });
      expectMeiliError(bad, 403, 'invalid_api_key');
      expect(bad.body.message).toBe('The provided API key is invalid.');
    });

    it('default keys exist, and key values are the hex HMAC-SHA256 of the uid keyed by the master key', async () => {
      const res = await client.request('GET', '/keys', { query: { limit: '100' } });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ offset: 0, limit: 100 });
      const names = res.body.results.map((k: { name: string }) => k.name);
      expect(names).toEqual(expect.arrayContaining(['Default Search API Key', 'Default Admin API Key']));
      for (const key of res.body.results) {
        expect(key.key).toBe(createHmac('sha256', masterKey()).update(key.uid).digest('hex'));
      }
      const search = res.body.results.find((k: { name: string }) => k.name === 'Default Search API Key');
      expect(search).toMatchObject({ actions: ['search'], indexes: ['*'], expiresAt: null });
    });

    it('POST /keys (201), GET by key and uid, PATCH name/description, DELETE (204)', async () => {
      const created = await client.request('POST', '/keys', {
        body: {
          name: 'reader',
          description: 'reads',
          actions: ['search', 'documents.get'],
          indexes: [`${uid.slice(0, 6)}*`],
          expiresAt: null,
        },
      });
      expect(created.status).toBe(201);
      createdKeys.push(created.body.uid);
      expect(created.body).toMatchObject({
        name: 'reader',
        description: 'reads',
        actions: ['search', 'documents.get'],
      });
      expect(created.body.createdAt).toMatch(RFC3339);
      const byKey = await client.request('GET', `/keys/${created.body.key}`);
      const byUid = await client.request('GET', `/keys/${created.body.uid}`);
      expect(byKey.body).toEqual(byUid.body);
      const patched = await client.request('PATCH', `/keys/${created.body.uid}`, {
        body: { name: 'renamed' },
      });
      expect(patched.status).toBe(200);
      expect(patched.body.name).toBe('renamed');
      expectMeiliError(
        await client.request('PATCH', `/keys/${created.body.uid}`, { body: { actions: ['*'] } }),
        400,
        'immutable_api_key_actions',
      );
      const withUid = '01b4bc42-eb33-4041-b481-254d00cce834';
      const explicit = await client.request('POST', '/keys', {
        body: { uid: withUid, actions: ['search'], indexes: ['*'], expiresAt: null },
      });
      expect(explicit.status).toBe(201);
      expect(explicit.body.key).toBe(createHmac('sha256', masterKey()).update(withUid).digest('hex'));
      expectMeiliError(
        await client.request('POST', '/keys', {
          body: { uid: withUid, actions: ['search'], indexes: ['*'], expiresAt: null },
        }),
        409,
        'api_key_already_exists',
      );
      const deleted = await client.request('DELETE', `/keys/${withUid}`);
      expect(deleted.status).toBe(204);
      expectMeiliError(await client.request('GET', `/keys/${withUid}`), 404, 'api_key_not_found');
    });

    it('key creation errors', async () => {
      expectMeiliError(
        await client.request('POST', '/keys', { body: { indexes: ['*'], expiresAt: null } }),
        400,
        'missing_api_key_actions',
      );
      expectMeiliError(
        await client.request('POST', '/keys', { body: { actions: ['search'], expiresAt: null } }),
        400,
        'missing_api_key_indexes',
      );
      expectMeiliError(
        await client.request('POST', '/keys', { body: { actions: ['search'], indexes: ['*'] } }),
        400,
        'missing_api_key_expires_at',
      );
      expectMeiliError(
        await client.request('POST', '/keys', {
          body: { actions: ['fly'], indexes: ['*'], expiresAt: null },
        }),
        400,
        'invalid_api_key_actions',
      );
      expectMeiliError(
        await client.request('POST', '/keys', {
          body: { actions: ['search'], indexes: ['*'], expiresAt: '2000-01-01T00:00:00Z' },
        }),
        400,
        'invalid_api_key_expires_at',
      );
    });

    it('keys are limited by actions and index patterns', async () => {
      const created = await client.request('POST', '/keys', {
        body: { actions: ['search'], indexes: [uid], expiresAt: null },
      });
      createdKeys.push(created.body.uid);
      const key = created.body.key as string;
      expect((await client.request('POST', `/indexes/${uid}/search`, { key, body: { q: 'x' } })).status).toBe(
        200,
      );
      expectMeiliError(
        await client.request('GET', `/indexes/${uid}/documents`, { key }),
        403,
        'invalid_api_key',
      );
      expectMeiliError(
        await client.request('POST', `/indexes/${uniqueUid('other')}/search`, { key, body: {} }),
        403,
        'invalid_api_key',
      );
      expectMeiliError(await client.request('GET', '/keys', { key }), 403, 'invalid_api_key');
      expectMeiliError(
        await client.request('POST', '/multi-search', {
          key,
          body: { queries: [{ indexUid: uniqueUid('other') }] },
        }),
        403,
        'invalid_api_key',
      );
    });

    it('an expired key is refused', async () => {
      const created = await client.request('POST', '/keys', {
        body: { actions: ['*'], indexes: ['*'], expiresAt: new Date(Date.now() + 4000).toISOString() },
      });
      expect(created.status).toBe(201);
      createdKeys.push(created.body.uid);
      expect((await client.request('GET', '/version', { key: created.body.key })).status).toBe(200);
      // Generous lifetime: the create and the first request must both land before expiry on a loaded CI box.
      await new Promise((r) => setTimeout(r, 4100));
      expectMeiliError(
        await client.request('GET', '/version', { key: created.body.key }),
        403,
        'invalid_api_key',
      );
    });
  });
}
