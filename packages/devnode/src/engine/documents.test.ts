import { MeiliError } from '@miroir/errors';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSearchIndex } from './create-search-index.js';
import type { Document } from './engine-contract.js';

function error(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (e) {
    if (e instanceof MeiliError) return { code: e.code, message: e.message };
    throw e;
  }
  return { code: 'no error', message: '' };
}

describe('primary key', () => {
  it('infers the key from the first document', () => {
    const index = createSearchIndex({ uid: 'a' });
    index.addDocuments([{ title: 'x', movie_id: 'm1' }], { mode: 'replace' });
    expect(index.primaryKey).toBe('movie_id');
  });

  it.each([
    [[{ title: 'x' }], 'index_primary_key_no_candidate_found'],
    [[{ id: 1, uid: 2 }], 'index_primary_key_multiple_candidates_found'],
    [[{ id: 'a b' }], 'invalid_document_id'],
    [[{ id: 1.5 }], 'invalid_document_id'],
    [[{ id: 'x'.repeat(512) }], 'invalid_document_id'],
    [[{ id: 1 }, { title: 'no id' }], 'missing_document_id'],
    [[{ id: 1, _geo: { lat: 'abc', lng: 1 } }], 'invalid_document_geo_field'],
    [[{ id: 1, _geo: 'paris' }], 'invalid_document_geo_field'],
  ])('rejects %j with %s and leaves the index unchanged', (docs, code) => {
    const index = createSearchIndex({ uid: 'a' });
    expect(error(() => index.addDocuments(docs as Document[], { mode: 'replace' })).code).toBe(code);
    expect(index.stats().numberOfDocuments).toBe(0);
  });

  it('uses Meilisearch messages', () => {
    const index = createSearchIndex({ uid: 'a', primaryKey: 'id' });
    expect(error(() => index.addDocuments([{ id: 'a b' }], { mode: 'replace' })).message).toBe(
      'Document identifier `"a b"` is invalid. A document identifier can be of type integer or string, only composed of alphanumeric characters (a-z A-Z 0-9), hyphens (-) and underscores (_), and can not be more than 511 bytes.',
    );
    expect(error(() => index.addDocuments([{ title: 't' }], { mode: 'replace' })).message).toBe(
      'Document doesn\'t have a `id` attribute: `{"title":"t"}`.',
    );
  });

  it('refuses a different primary key once set', () => {
    const index = createSearchIndex({ uid: 'a' });
    index.addDocuments([{ id: 1 }], { mode: 'replace' });
    expect(error(() => index.addDocuments([{ key: 1 }], { mode: 'replace', primaryKey: 'key' })).code).toBe(
      'index_primary_key_already_exists',
    );
    expect(error(() => index.setPrimaryKey('key')).code).toBe('index_primary_key_already_exists');
  });
});

describe('document operations', () => {
  it('replaces vs updates, keeping the internal order', () => {
    const index = createSearchIndex({ uid: 'a' });
    index.addDocuments(
      [
        { id: 1, a: 1, b: 1 },
        { id: 2, a: 2 },
      ],
      { mode: 'replace' },
    );
    index.addDocuments([{ id: 1, b: 2 }], { mode: 'update' });
    expect(index.getDocument(1)).toEqual({ id: 1, a: 1, b: 2 });
    index.addDocuments([{ id: 1, c: 3 }], { mode: 'replace' });
    expect(index.getDocument('1')).toEqual({ id: 1, c: 3 });
    expect(index.allDocuments().map((d) => d.id)).toEqual([1, 2]);
  });

  it('re-indexes replaced documents', () => {
    const index = createSearchIndex({ uid: 'a' });
    index.addDocuments([{ id: 1, t: 'alpha' }], { mode: 'replace' });
    index.addDocuments([{ id: 1, t: 'beta' }], { mode: 'replace' });
    expect(index.search({ q: 'alpha' }).hits).toEqual([]);
    expect(index.search({ q: 'beta' }).hits).toEqual([{ id: 1, t: 'beta' }]);
    for (let i = 0; i < 3000; i++)
      index.addDocuments([{ id: 1, t: i % 2 === 0 ? 'gamma' : 'delta' }], { mode: 'replace' });
    expect(index.search({ q: 'delta' }).hits).toEqual([{ id: 1, t: 'delta' }]);
    expect(index.search({ q: 'gamma' }).estimatedTotalHits).toBe(0);
  });

  it('deletes by id and filter, clears', () => {
    const index = createSearchIndex({ uid: 'a' });
    index.updateSettings({ filterableAttributes: ['n'] });
    index.addDocuments(
      [1, 2, 3, 4].map((n) => ({ id: n, n })),
      { mode: 'replace' },
    );
    expect(index.deleteDocuments([1, '2', 9])).toEqual({ providedIds: 3, deletedDocuments: 2 });
    expect(index.deleteDocumentsByFilter('n > 3')).toEqual({
      deletedDocuments: 1,
      originalFilter: '"n > 3"',
    });
    expect(error(() => index.deleteDocumentsByFilter('x = 1')).code).toBe('invalid_document_filter');
    expect(error(() => index.deleteDocumentsByFilter('  ')).message).toBe(
      'Sending an empty filter is forbidden.',
    );
    expect(index.allDocuments()).toEqual([{ id: 3, n: 3 }]);
    expect(index.clearDocuments()).toEqual({ deletedDocuments: 1 });
    expect(error(() => index.getDocument(3)).code).toBe('document_not_found');
  });

  it('browses with offset, limit, fields, filter and ids', () => {
    const index = createSearchIndex({ uid: 'a' });
    index.updateSettings({ filterableAttributes: ['n'] });
    index.addDocuments(
      [1, 2, 3, 4, 5].map((n) => ({ id: n, n, x: 'y' })),
      { mode: 'replace' },
    );
    expect(index.browseDocuments({ offset: 1, limit: 2, fields: ['id'] })).toEqual({
      results: [{ id: 2 }, { id: 3 }],
      offset: 1,
      limit: 2,
      total: 5,
    });
    expect(index.browseDocuments({ filter: 'n >= 4' }).results.map((d) => d.id)).toEqual([4, 5]);
    expect(index.browseDocuments({ ids: ['5', 1] }).results.map((d) => d.id)).toEqual([1, 5]);
  });

  it('browses in insertion order like a model, after replacements and deletions', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ id: fc.integer({ min: 0, max: 30 }), n: fc.integer({ min: 0, max: 5 }) }), {
          minLength: 1,
          maxLength: 40,
        }),
        fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 5 }),
        fc.record({
          offset: fc.integer({ min: 0, max: 6 }),
          limit: fc.integer({ min: 0, max: 6 }),
          filter: fc.constantFrom(undefined, 'n >= 3', 'n = 1 OR id = 7'),
          ids: fc.option(
            fc.array(fc.oneof(fc.integer({ min: 0, max: 32 }), fc.constant('4')), { maxLength: 6 }),
            {
              nil: undefined,
            },
          ),
        }),
        (writes, deletions, query) => {
          const index = createSearchIndex({ uid: 'browse', primaryKey: 'id' });
          index.updateSettings({ filterableAttributes: ['n', 'id'] });
          // Model: a replaced document keeps its place (its internal id); deleted ones are gone.
          let model: { id: number; n: number }[] = [];
          for (const doc of writes) {
            index.addDocuments([doc], { mode: 'replace' });
            const at = model.findIndex((d) => d.id === doc.id);
            if (at >= 0) model[at] = doc;
            else model.push(doc);
          }
          index.deleteDocuments(deletions);
          model = model.filter((d) => !deletions.includes(d.id));
          const passes = (d: { id: number; n: number }): boolean =>
            query.filter === undefined || (query.filter === 'n >= 3' ? d.n >= 3 : d.n === 1 || d.id === 7);
          const wanted = query.ids?.map(Number);
          const expected = model.filter((d) => passes(d) && (wanted === undefined || wanted.includes(d.id)));
          expect(index.browseDocuments(query)).toEqual({
            results: expected.slice(query.offset, query.offset + query.limit),
            offset: query.offset,
            limit: query.limit,
            total: expected.length,
          });
        },
      ),
      { numRuns: 150, seed: 20261203 },
    );
  });

  it('reports stats', () => {
    const index = createSearchIndex({ uid: 'a' });
    index.updateSettings({ embedders: { e: { source: 'userProvided', dimensions: 2 } } });
    index.addDocuments(
      [
        { id: 1, a: 1, _vectors: { e: [1, 0] } },
        { id: 2, b: { c: 1 } },
      ],
      { mode: 'replace' },
    );
    const stats = index.stats();
    expect(stats).toMatchObject({
      numberOfDocuments: 2,
      isIndexing: false,
      numberOfEmbeddings: 1,
      numberOfEmbeddedDocuments: 1,
      fieldDistribution: { _vectors: 1, a: 1, b: 1, id: 2 },
    });
    expect(stats.avgDocumentSize).toBe(Math.floor(stats.rawDocumentDbSize / 2));
    // Stats are kept until the next write and handed out as copies.
    (stats.fieldDistribution as Record<string, number>).id = 99;
    expect(index.stats().fieldDistribution.id).toBe(2);
    index.addDocuments([{ id: 3, a: 'é' }], { mode: 'replace' });
    index.deleteDocuments([2]);
    const after = index.stats();
    expect(after).toMatchObject({ numberOfDocuments: 2, fieldDistribution: { _vectors: 1, a: 2, id: 2 } });
    // UTF-8 bytes of the stored JSON: "é" takes two.
    expect(after.rawDocumentDbSize).toBe(
      stats.rawDocumentDbSize - '{"id":2,"b":{"c":1}}'.length + '{"id":3,"a":"é"}'.length + 1,
    );
  });
});
