import { MeiliError } from '@miroir/errors';
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
  });
});
