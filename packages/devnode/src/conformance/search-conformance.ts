import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConformanceClient, uniqueUid } from './conformance-client.js';
import { expectMeiliError } from './expect-meili-error.js';

const MOVIES = [
  { id: 1, title: 'Batman Begins', genre: 'action', year: 2005, price: 10 },
  { id: 2, title: 'The Dark Knight', genre: 'action', year: 2008, price: 12 },
  { id: 3, title: 'Carol', genre: 'drama', year: 2015, price: 8 },
  { id: 4, title: 'Batman Returns', genre: 'action', year: 1992, price: 5 },
  { id: 5, title: 'Little Women', genre: 'drama', year: 2019, price: 15 },
];

/**
 * Search, facet search and multi-search (plain and federated).
 *
 * @example
 * ```ts
 * describeSearchConformance(client);
 * ```
 */
export function describeSearchConformance(client: ConformanceClient): void {
  describe('search', () => {
    const uid = uniqueUid('movies');
    const other = uniqueUid('books');
    beforeAll(async () => {
      await client.write('PATCH', `/indexes/${uid}/settings`, {
        body: { filterableAttributes: ['genre', 'year', 'price'], sortableAttributes: ['price', 'year'] },
      });
      await client.write('POST', `/indexes/${uid}/documents`, { body: MOVIES });
      await client.write('PATCH', `/indexes/${other}/settings`, {
        body: { filterableAttributes: ['genre'] },
      });
      await client.write('POST', `/indexes/${other}/documents`, {
        body: [
          { id: 'b1', title: 'Batman: Year One', genre: 'comics' },
          { id: 'b2', title: 'Little Women', genre: 'novel' },
        ],
      });
    });
    afterAll(async () => {
      await client.request('DELETE', `/indexes/${uid}`);
      await client.request('DELETE', `/indexes/${other}`);
    });

    it('POST search: hits, pagination fields, filter, sort, facets', async () => {
      const res = await client.request('POST', `/indexes/${uid}/search`, {
        body: { q: 'batman', filter: 'genre = action', sort: ['price:asc'], facets: ['genre', 'price'] },
      });
      expect(res.status).toBe(200);
      expect(res.body.hits.map((h: { id: number }) => h.id)).toEqual([4, 1]);
      expect(res.body).toMatchObject({ query: 'batman', limit: 20, offset: 0, estimatedTotalHits: 2 });
      expect(typeof res.body.processingTimeMs).toBe('number');
      expect(res.body.facetDistribution).toEqual({ genre: { action: 2 }, price: { '10': 1, '5': 1 } });
      expect(res.body.facetStats).toEqual({ price: { min: 5, max: 10 } });
    });

    it('page/hitsPerPage switches the pagination fields', async () => {
      const res = await client.request('POST', `/indexes/${uid}/search`, {
        body: { q: '', hitsPerPage: 2, page: 2 },
      });
      expect(res.body).toMatchObject({ hitsPerPage: 2, page: 2, totalPages: 3, totalHits: 5 });
      expect(res.body.hits).toHaveLength(2);
      expect(res.body).not.toHaveProperty('estimatedTotalHits');
    });

    it('GET search converts query-string parameters', async () => {
      const res = await client.request('GET', `/indexes/${uid}/search`, {
        query: {
          q: 'batman',
          limit: '1',
          attributesToRetrieve: 'id,title',
          showRankingScore: 'true',
          sort: 'year:desc',
        },
      });
      expect(res.status).toBe(200);
      expect(res.body.hits).toHaveLength(1);
      expect(Object.keys(res.body.hits[0]).sort()).toEqual(['_rankingScore', 'id', 'title']);
      expect(res.body.hits[0].id).toBe(1);
      expectMeiliError(
        await client.request('GET', `/indexes/${uid}/search`, { query: { limit: 'abc' } }),
        400,
        'invalid_search_limit',
      );
    });

    it('search errors', async () => {
      expectMeiliError(
        await client.request('POST', `/indexes/${uniqueUid('x')}/search`, { body: { q: 'a' } }),
        404,
        'index_not_found',
      );
      expectMeiliError(
        await client.request('POST', `/indexes/${uid}/search`, { body: { filter: 'title = x' } }),
        400,
        'invalid_search_filter',
      );
      expectMeiliError(
        await client.request('POST', `/indexes/${uid}/search`, { body: { sort: ['title:asc'] } }),
        400,
        'invalid_search_sort',
      );
      expectMeiliError(
        await client.request('POST', `/indexes/${uid}/search`, { body: { limit: 'x' } }),
        400,
        'invalid_search_limit',
      );
      expectMeiliError(
        await client.request('POST', `/indexes/${uid}/search`, { body: { q: 1 } }),
        400,
        'invalid_search_q',
      );
      expectMeiliError(
        await client.request('POST', `/indexes/${uid}/search`, { raw: '{', contentType: 'application/json' }),
        400,
        'malformed_payload',
      );
    });

    it('facet search', async () => {
      const res = await client.request('POST', `/indexes/${uid}/facet-search`, {
        body: { facetName: 'genre', facetQuery: 'act' },
      });
      expect(res.status).toBe(200);
      expect(res.body.facetHits).toEqual([{ value: 'action', count: 3 }]);
      expect(res.body.facetQuery).toBe('act');
      expect(typeof res.body.processingTimeMs).toBe('number');
      expectMeiliError(
        await client.request('POST', `/indexes/${uid}/facet-search`, { body: { facetName: 'title' } }),
        400,
        'invalid_facet_search_facet_name',
      );
      expectMeiliError(
        await client.request('POST', `/indexes/${uid}/facet-search`, { body: { facetQuery: 'a' } }),
        400,
        'missing_facet_search_facet_name',
      );
      expectMeiliError(
        await client.request('POST', `/indexes/${uid}/facet-search`, {
          body: { facetName: 'genre', facetQuery: 1 },
        }),
        400,
        'invalid_facet_search_query',
      );
    });

    it('multi-search (plain) and its errors', async () => {
      const res = await client.request('POST', '/multi-search', {
        body: {
          queries: [
            { indexUid: uid, q: 'carol' },
            { indexUid: other, q: 'batman', limit: 1 },
          ],
        },
      });
      expect(res.status).toBe(200);
      expect(res.body.results).toHaveLength(2);
      expect(res.body.results[0]).toMatchObject({ indexUid: uid, query: 'carol', limit: 20, offset: 0 });
      expect(res.body.results[0].hits[0].id).toBe(3);
      expect(res.body.results[1]).toMatchObject({ indexUid: other, limit: 1 });
      const missing = await client.request('POST', '/multi-search', {
        body: {
          queries: [
            { indexUid: uid, q: 'a' },
            { indexUid: uniqueUid('none'), q: 'a' },
          ],
        },
      });
      expectMeiliError(missing, 400, 'index_not_found');
      expect(missing.body.message).toMatch(/^Inside `\.queries\[1\]`: /);
      expectMeiliError(
        await client.request('POST', '/multi-search', {
          body: { queries: [{ indexUid: uid, federationOptions: { weight: 2 } }] },
        }),
        400,
        'invalid_multi_search_federation_options',
      );
    });

    it('federated multi-search: merged hits with _federation, weights, facetsByIndex, mergeFacets', async () => {
      const res = await client.request('POST', '/multi-search', {
        body: {
          federation: { limit: 3, facetsByIndex: { [uid]: ['genre'], [other]: ['genre'] } },
          queries: [
            { indexUid: uid, q: 'little women' },
            { indexUid: other, q: 'little women', federationOptions: { weight: 0.5 } },
          ],
        },
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ limit: 3, offset: 0 });
      expect(res.body.hits[0]._federation).toMatchObject({ indexUid: uid, queriesPosition: 0 });
      const fed = res.body.hits.find((h: { id: unknown }) => h.id === 'b2')._federation;
      expect(fed).toMatchObject({ indexUid: other, queriesPosition: 1 });
      expect(fed.weightedRankingScore).toBeLessThanOrEqual(0.5);
      for (const hit of res.body.hits) expect(typeof hit._federation.weightedRankingScore).toBe('number');
      expect(res.body.facetsByIndex[uid].distribution.genre.drama).toBe(1);
      expect(res.body.facetsByIndex[other].distribution.genre.novel).toBe(1);
      // Several queries on one index: its facets count the documents any of them matches, each once.
      const union = await client.request('POST', '/multi-search', {
        body: {
          federation: { limit: 1, facetsByIndex: { [uid]: ['genre'] } },
          queries: [
            { indexUid: uid, q: 'batman' },
            { indexUid: uid, q: 'carol' },
            { indexUid: uid, q: 'batman begins' },
          ],
        },
      });
      expect(union.body.facetsByIndex[uid].distribution).toEqual({ genre: { action: 2, drama: 1 } });
      const merged = await client.request('POST', '/multi-search', {
        body: {
          federation: { facetsByIndex: { [uid]: ['genre'], [other]: ['genre'] }, mergeFacets: {} },
          queries: [
            { indexUid: uid, q: '' },
            { indexUid: other, q: '' },
          ],
        },
      });
      expect(merged.body.facetDistribution.genre).toEqual({ action: 3, comics: 1, drama: 2, novel: 1 });
      expect(merged.body.estimatedTotalHits).toBe(7);
      const paged = await client.request('POST', '/multi-search', {
        body: { federation: { hitsPerPage: 4, page: 2 }, queries: [{ indexUid: uid }, { indexUid: other }] },
      });
      expect(paged.body).toMatchObject({ hitsPerPage: 4, page: 2, totalHits: 7, totalPages: 2 });
      expect(paged.body.hits).toHaveLength(3);
    });

    it('federated multi-search returns a document matched by several queries on one index once', async () => {
      const res = await client.request('POST', '/multi-search', {
        body: {
          federation: {},
          queries: [
            { indexUid: uid, q: 'batman' },
            { indexUid: uid, q: 'batman returns' },
          ],
        },
      });
      expect(res.status).toBe(200);
      const ids = res.body.hits.map((h: { id: number }) => h.id);
      expect(ids.sort()).toEqual([1, 4]);
      const returns = res.body.hits.find((h: { id: number }) => h.id === 4);
      expect(returns._federation.queriesPosition).toBe(1);
    });

    it('federated multi-search rejects per-query pagination and facets, and negative weights', async () => {
      expectMeiliError(
        await client.request('POST', '/multi-search', {
          body: { federation: {}, queries: [{ indexUid: uid, limit: 5 }] },
        }),
        400,
        'invalid_multi_search_query_pagination',
      );
      expectMeiliError(
        await client.request('POST', '/multi-search', {
          body: { federation: {}, queries: [{ indexUid: uid, facets: ['genre'] }] },
        }),
        400,
        'invalid_multi_search_query_facets',
      );
      expectMeiliError(
        await client.request('POST', '/multi-search', {
          body: { federation: {}, queries: [{ indexUid: uid, federationOptions: { weight: -1 } }] },
        }),
        400,
        'invalid_multi_search_weight',
      );
    });
  });
}
