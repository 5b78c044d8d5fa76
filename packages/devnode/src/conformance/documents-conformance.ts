import { afterAll, describe, expect, it } from 'vitest';
import { type ConformanceClient, uniqueUid } from './conformance-client.js';
import { expectMeiliError } from './expect-meili-error.js';

/**
 * Document routes: formats, primary-key inference, id validation, browse/fetch, deletions, payload errors.
 *
 * @example
 * ```ts
 * describeDocumentsConformance(client);
 * ```
 */
export function describeDocumentsConformance(client: ConformanceClient): void {
  describe('documents', () => {
    const created: string[] = [];
    const fresh = (base: string) => {
      const uid = uniqueUid(base);
      created.push(uid);
      return uid;
    };
    afterAll(async () => {
      for (const uid of created) await client.request('DELETE', `/indexes/${uid}`);
    });

    it('POST adds documents to a missing index (created), infers the primary key', async () => {
      const uid = fresh('docs');
      const res = await client.request('POST', `/indexes/${uid}/documents`, {
        body: [
          { movie_id: 1, title: 'Carol' },
          { movie_id: 2, title: 'Wonder Woman' },
        ],
      });
      expect(res.status).toBe(202);
      expect(res.body).toMatchObject({ indexUid: uid, status: 'enqueued', type: 'documentAdditionOrUpdate' });
      const task = await client.waitTask(res.body.taskUid);
      expect(task).toMatchObject({
        status: 'succeeded',
        details: { receivedDocuments: 2, indexedDocuments: 2 },
      });
      expect((await client.request('GET', `/indexes/${uid}`)).body.primaryKey).toBe('movie_id');
      const doc = await client.request('GET', `/indexes/${uid}/documents/2`);
      expect(doc.status).toBe(200);
      expect(doc.body).toEqual({ movie_id: 2, title: 'Wonder Woman' });
    });

    it('PUT updates partially, POST replaces', async () => {
      const uid = fresh('upd');
      await client.write('POST', `/indexes/${uid}/documents`, { body: [{ id: 1, a: 1, b: 2 }] });
      await client.write('PUT', `/indexes/${uid}/documents`, { body: [{ id: 1, b: 3 }] });
      expect((await client.request('GET', `/indexes/${uid}/documents/1`)).body).toEqual({
        id: 1,
        a: 1,
        b: 3,
      });
      await client.write('POST', `/indexes/${uid}/documents`, { body: [{ id: 1, c: 4 }] });
      expect((await client.request('GET', `/indexes/${uid}/documents/1`)).body).toEqual({ id: 1, c: 4 });
    });

    it('accepts NDJSON and CSV (typed headers, csvDelimiter) and the primaryKey parameter', async () => {
      const uid = fresh('fmt');
      const nd = await client.write('POST', `/indexes/${uid}/documents`, {
        raw: '{"sku":"a","n":1}\n{"sku":"b","n":2}\n',
        contentType: 'application/x-ndjson',
        query: { primaryKey: 'sku' },
      });
      expect(nd.details).toEqual({ receivedDocuments: 2, indexedDocuments: 2 });
      const csv = await client.write('POST', `/indexes/${uid}/documents`, {
        raw: 'sku;price:number;ok:boolean;name\nc;9.5;true;Cee\n',
        contentType: 'text/csv',
        query: { csvDelimiter: ';' },
      });
      expect(csv.status).toBe('succeeded');
      expect((await client.request('GET', `/indexes/${uid}/documents/c`)).body).toEqual({
        sku: 'c',
        price: 9.5,
        ok: true,
        name: 'Cee',
      });
    });

    it('primary key and document id failures surface in the task', async () => {
      const noCandidate = await client.write('POST', `/indexes/${fresh('nopk')}/documents`, {
        body: [{ title: 'x' }],
      });
      expect(noCandidate.status).toBe('failed');
      expect(noCandidate.error.code).toBe('index_primary_key_no_candidate_found');
      expect(noCandidate.details).toEqual({ receivedDocuments: 1, indexedDocuments: 0 });
      const multiple = await client.write('POST', `/indexes/${fresh('multi')}/documents`, {
        body: [{ id: 1, uid: 2 }],
      });
      expect(multiple.error.code).toBe('index_primary_key_multiple_candidates_found');
      const uid = fresh('ids');
      const badId = await client.write('POST', `/indexes/${uid}/documents`, {
        body: [{ id: 1 }, { id: 'not valid!' }],
        query: { primaryKey: 'id' },
      });
      expect(badId.status).toBe('failed');
      expect(badId.error.code).toBe('invalid_document_id');
      const missingId = await client.write('POST', `/indexes/${uid}/documents`, {
        body: [{ title: 'no id' }],
        query: { primaryKey: 'id' },
      });
      expect(missingId.error.code).toBe('missing_document_id');
    });

    it('content-type and payload errors are synchronous', async () => {
      const uid = fresh('ct');
      expectMeiliError(
        await client.request('POST', `/indexes/${uid}/documents`, { raw: '[]', contentType: null }),
        415,
        'missing_content_type',
      );
      expectMeiliError(
        await client.request('POST', `/indexes/${uid}/documents`, { raw: '[]', contentType: 'text/plain' }),
        415,
        'invalid_content_type',
      );
      expectMeiliError(
        await client.request('POST', `/indexes/${uid}/documents`, {
          raw: '[{"id":1,',
          contentType: 'application/json',
        }),
        400,
        'malformed_payload',
      );
      expectMeiliError(
        await client.request('POST', `/indexes/${uid}/documents`, {
          raw: '',
          contentType: 'application/json',
        }),
        400,
        'missing_payload',
      );
    });

    it('browse (GET and POST fetch) with offset/limit/fields/filter/ids', async () => {
      const uid = fresh('browse');
      await client.write('PATCH', `/indexes/${uid}/settings`, { body: { filterableAttributes: ['genre'] } });
      await client.write('POST', `/indexes/${uid}/documents`, {
        body: [1, 2, 3, 4, 5].map((id) => ({ id, genre: id % 2 ? 'odd' : 'even', title: `t${id}` })),
      });
      const all = await client.request('GET', `/indexes/${uid}/documents`, {
        query: { limit: '2', offset: '1', fields: 'id' },
      });
      expect(all.status).toBe(200);
      expect(all.body).toEqual({ results: [{ id: 2 }, { id: 3 }], offset: 1, limit: 2, total: 5 });
      const filtered = await client.request('POST', `/indexes/${uid}/documents/fetch`, {
        body: { filter: 'genre = odd', fields: ['id'] },
      });
      expect(filtered.body).toMatchObject({
        results: [{ id: 1 }, { id: 3 }, { id: 5 }],
        total: 3,
        offset: 0,
        limit: 20,
      });
      const byIds = await client.request('POST', `/indexes/${uid}/documents/fetch`, {
        body: { ids: ['4', '2'], fields: ['id'] },
      });
      expect(byIds.body.results.map((d: { id: number }) => d.id).sort()).toEqual([2, 4]);
      expectMeiliError(
        await client.request('GET', `/indexes/${uid}/documents/999`),
        404,
        'document_not_found',
      );
      expectMeiliError(
        await client.request('GET', `/indexes/${uniqueUid('none')}/documents`),
        404,
        'index_not_found',
      );
      expectMeiliError(
        await client.request('POST', `/indexes/${uid}/documents/fetch`, { body: { filter: 'title = t1' } }),
        400,
        'invalid_document_filter',
      );
    });

    it('browse sorted (GET and POST fetch), sortable attributes only', async () => {
      const uid = fresh('browsesort');
      await client.write('PATCH', `/indexes/${uid}/settings`, {
        body: { sortableAttributes: ['rank', '_geo'] },
      });
      await client.write('POST', `/indexes/${uid}/documents`, {
        body: [
          { id: 1, rank: 3, _geo: { lat: 10, lng: 10 } },
          { id: 2, rank: 1 },
          { id: 3, rank: 3, _geo: { lat: 1, lng: 1 } },
          { id: 4, title: 'no rank', _geo: { lat: 5, lng: 5 } },
        ],
      });
      const ids = (body: { results: { id: number }[] }): number[] => body.results.map((d) => d.id);
      const byRank = await client.request('GET', `/indexes/${uid}/documents`, {
        query: { sort: 'rank:desc,id:asc', fields: 'id' },
      });
      // `id` is not sortable here.
      expectMeiliError(byRank, 400, 'invalid_document_sort');
      const desc = await client.request('GET', `/indexes/${uid}/documents`, {
        query: { sort: 'rank:desc', fields: 'id', limit: '3' },
      });
      expect(desc.status).toBe(200);
      // Ties keep insertion order; a document without the attribute comes last; `total` counts them all.
      expect(desc.body).toEqual({
        results: [{ id: 1 }, { id: 3 }, { id: 2 }],
        offset: 0,
        limit: 3,
        total: 4,
      });
      const geo = await client.request('GET', `/indexes/${uid}/documents`, {
        query: { sort: '_geoPoint(0, 0):asc', fields: 'id' },
      });
      expect(ids(geo.body)).toEqual([3, 4, 1, 2]);
      const fetched = await client.request('POST', `/indexes/${uid}/documents/fetch`, {
        body: { sort: ['rank:asc'], offset: 1, fields: ['id'] },
      });
      expect(fetched.body).toEqual({
        results: [{ id: 1 }, { id: 3 }, { id: 4 }],
        offset: 1,
        limit: 20,
        total: 4,
      });
      expectMeiliError(
        await client.request('POST', `/indexes/${uid}/documents/fetch`, { body: { sort: 'rank:asc' } }),
        400,
        'invalid_document_sort',
      );
      expectMeiliError(
        await client.request('POST', `/indexes/${uid}/documents/fetch`, { body: { sort: ['title:asc'] } }),
        400,
        'invalid_document_sort',
      );
    });

    it('delete one, delete-batch, delete by filter, clear', async () => {
      const uid = fresh('deldocs');
      await client.write('PATCH', `/indexes/${uid}/settings`, { body: { filterableAttributes: ['n'] } });
      await client.write('POST', `/indexes/${uid}/documents`, {
        body: Array.from({ length: 10 }, (_, i) => ({ id: i, n: i })),
      });
      const one = await client.write('DELETE', `/indexes/${uid}/documents/0`);
      expect(one).toMatchObject({
        type: 'documentDeletion',
        details: { providedIds: 1, deletedDocuments: 1 },
      });
      const batch = await client.write('POST', `/indexes/${uid}/documents/delete-batch`, {
        body: [1, '2', 99],
      });
      expect(batch.details).toEqual({ providedIds: 3, deletedDocuments: 2 });
      const byFilter = await client.write('POST', `/indexes/${uid}/documents/delete`, {
        body: { filter: 'n >= 8' },
      });
      expect(byFilter.details).toEqual({ providedIds: 0, deletedDocuments: 2, originalFilter: '"n >= 8"' });
      expectMeiliError(
        await client.request('POST', `/indexes/${uid}/documents/delete`, { body: {} }),
        400,
        'missing_document_filter',
      );
      // A syntax error or an empty filter is refused before a task exists; an attribute that is not
      // filterable fails the task.
      expectMeiliError(
        await client.request('POST', `/indexes/${uid}/documents/delete`, { body: { filter: 'hello' } }),
        400,
        'invalid_document_filter',
      );
      const empty = await client.request('POST', `/indexes/${uid}/documents/delete`, {
        body: { filter: '' },
      });
      expectMeiliError(empty, 400, 'invalid_document_filter');
      expect(empty.body.message).toBe('Sending an empty filter is forbidden.');
      const unfilterable = await client.write('POST', `/indexes/${uid}/documents/delete`, {
        body: { filter: 'title = x' },
      });
      expect(unfilterable).toMatchObject({ status: 'failed', error: { code: 'invalid_document_filter' } });
      const clear = await client.write('DELETE', `/indexes/${uid}/documents`);
      expect(clear.details).toEqual({ deletedDocuments: 5 });
      expect((await client.request('GET', `/indexes/${uid}/stats`)).body.numberOfDocuments).toBe(0);
    });
  });
}
