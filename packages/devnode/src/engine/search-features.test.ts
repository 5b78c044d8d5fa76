import { MeiliError } from '@miroir/errors';
import { describe, expect, it } from 'vitest';
import { createSearchIndex } from './create-search-index.js';
import type { Document, SearchIndexEngine } from './engine-contract.js';

function indexOf(docs: Document[], settings: Record<string, unknown> = {}): SearchIndexEngine {
  const index = createSearchIndex({ uid: 'test', now: () => 0 });
  index.updateSettings(settings);
  index.addDocuments(docs, { mode: 'replace' });
  return index;
}

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof MeiliError) return error.code;
    throw error;
  }
  return 'no error';
}

const BOOKS: Document[] = [
  { id: 1, title: 'The Hobbit', author: 'Tolkien', price: 10, tags: ['fantasy'], sku: 'a' },
  {
    id: 2,
    title: 'The Lord of the Rings',
    author: 'Tolkien',
    price: 30,
    tags: ['fantasy', 'epic'],
    sku: 'a',
  },
  { id: 3, title: 'Dune', author: 'Herbert', price: 12, tags: ['scifi'], sku: 'b' },
  { id: 4, title: 'Dune Messiah', author: 'Herbert', tags: ['scifi'] },
  { id: 5, title: 'Hyperion', author: 'Simmons', price: 'unknown', tags: ['scifi'], sku: 'b' },
];

describe('pagination', () => {
  it.each([
    [{ offset: 3, limit: 10 }, [4, 5], { estimatedTotalHits: 5, offset: 3, limit: 10 }],
    [{ offset: 10 }, [], { estimatedTotalHits: 5 }],
    [{ limit: 0 }, [], { estimatedTotalHits: 5, limit: 0 }],
    [{ page: 0, hitsPerPage: 2 }, [], { totalHits: 5, totalPages: 3, page: 0 }],
    [{ page: 3, hitsPerPage: 2 }, [5], { totalHits: 5, totalPages: 3 }],
    [{ hitsPerPage: 0 }, [], { totalHits: 5, totalPages: 0, page: 1 }],
  ])('%j', (query, ids, fields) => {
    const res = indexOf(BOOKS).search(query);
    expect(res.hits.map((h) => h.id)).toEqual(ids);
    expect(res).toMatchObject(fields);
  });

  it('caps totals and pages at maxTotalHits', () => {
    const index = indexOf(BOOKS, { pagination: { maxTotalHits: 3 } });
    const res = index.search({ offset: 2, limit: 5 });
    expect(res.hits.map((h) => h.id)).toEqual([3]);
    expect(res.estimatedTotalHits).toBe(3);
    expect(index.search({ page: 2, hitsPerPage: 2 }).hits.map((h) => h.id)).toEqual([3]);
  });
});

describe('sort', () => {
  it('puts numbers before strings and missing values last, both directions', () => {
    const index = indexOf(BOOKS, { sortableAttributes: ['price'] });
    expect(index.search({ sort: ['price:asc'] }).hits.map((h) => h.id)).toEqual([1, 3, 2, 5, 4]);
    expect(index.search({ sort: ['price:desc'] }).hits.map((h) => h.id)).toEqual([2, 3, 1, 5, 4]);
  });

  it('rejects unsortable attributes and sort without the sort rule', () => {
    const index = indexOf(BOOKS, { sortableAttributes: ['price'] });
    expect(codeOf(() => index.search({ sort: ['title:asc'] }))).toBe('invalid_search_sort');
    expect(codeOf(() => index.search({ sort: ['price'] }))).toBe('invalid_search_sort');
    index.updateSettings({ rankingRules: ['words', 'typo'] });
    expect(codeOf(() => index.search({ sort: ['price:asc'] }))).toBe('invalid_search_sort');
  });

  it('sorts by geo distance and reports _geoDistance', () => {
    const index = indexOf(
      [{ id: 1, _geo: { lat: 48.85, lng: 2.35 } }, { id: 2, _geo: { lat: 45.76, lng: 4.83 } }, { id: 3 }],
      { sortableAttributes: ['_geo'] },
    );
    const res = index.search({ sort: ['_geoPoint(45.75, 4.85):asc'], showRankingScoreDetails: true });
    expect(res.hits.map((h) => h.id)).toEqual([2, 1, 3]);
    expect(typeof res.hits[0]?._geoDistance).toBe('number');
    expect(res.hits[0]?._rankingScoreDetails).toMatchObject({
      '_geoPoint(45.75, 4.85):asc': { order: 0, value: { lat: 45.76, lng: 4.83 } },
    });
  });

  it('applies custom ranking rules', () => {
    const index = indexOf(BOOKS, { rankingRules: ['words', 'price:desc', 'typo'] });
    const res = index.search({ q: 'dune', showRankingScoreDetails: true });
    expect(res.hits.map((h) => h.id)).toEqual([3, 4]);
    expect(res.hits[0]?._rankingScoreDetails).toMatchObject({ 'price:desc': { order: 1, value: 12 } });
  });
});

describe('filters, facets and distinct', () => {
  it('requires filterable attributes', () => {
    const index = indexOf(BOOKS);
    expect(codeOf(() => index.search({ filter: 'author = Tolkien' }))).toBe('invalid_search_filter');
    expect(codeOf(() => index.search({ facets: ['author'] }))).toBe('invalid_search_facets');
    expect(codeOf(() => index.search({ distinct: 'author' }))).toBe('invalid_search_distinct');
    expect(codeOf(() => index.search({ filter: 'author = ' }))).toBe('invalid_search_filter');
  });

  it('explains which attributes are filterable', () => {
    const index = indexOf(BOOKS, { filterableAttributes: ['price', 'tags'] });
    expect(() => index.search({ filter: 'author = Tolkien' })).toThrow(
      'Attribute `author` is not filterable. Available filterable attribute patterns are: `price`, `tags`.\n1:7 author = Tolkien',
    );
  });

  it('counts facet values exactly, sorted alpha or by count, capped', () => {
    const index = indexOf(BOOKS, { filterableAttributes: ['tags', 'author', 'price'] });
    const res = index.search({ facets: ['tags', 'price'] });
    expect(res.facetDistribution).toEqual({
      tags: { epic: 1, fantasy: 2, scifi: 3 },
      price: { 10: 1, 12: 1, 30: 1, unknown: 1 },
    });
    expect(res.facetStats).toEqual({ price: { min: 10, max: 30 } });
    index.updateSettings({ faceting: { maxValuesPerFacet: 2, sortFacetValuesBy: { tags: 'count' } } });
    const capped = index.search({ facets: ['tags'] });
    expect(Object.entries(capped.facetDistribution?.tags ?? {})).toEqual([
      ['scifi', 3],
      ['fantasy', 2],
    ]);
    expect(index.search({ facets: ['*'] }).facetDistribution).toHaveProperty('author');
  });

  it("finds the attributes of facets: ['*'] again after a write", () => {
    const index = indexOf([{ id: 1, genre: 'drama' }], { filterableAttributes: ['*'] });
    expect(Object.keys(index.search({ facets: ['*'] }).facetDistribution ?? {})).toEqual(['genre', 'id']);
    index.addDocuments([{ id: 2, studio: 'Ghibli' }], { mode: 'replace' });
    expect(Object.keys(index.search({ facets: ['*'] }).facetDistribution ?? {})).toEqual([
      'genre',
      'id',
      'studio',
    ]);
  });

  it('keeps the best document per distinct value and every document without it', () => {
    const index = indexOf(BOOKS, { filterableAttributes: ['sku'], distinctAttribute: 'sku' });
    expect(index.search({}).hits.map((h) => h.id)).toEqual([1, 3, 4]);
    expect(index.search({ distinct: 'sku', q: 'lord' }).hits.map((h) => h.id)).toEqual([2]);
  });
});

describe('query features', () => {
  it('supports phrases, negations and matching strategies', () => {
    const index = indexOf(BOOKS);
    expect(index.search({ q: '"lord of the"' }).hits.map((h) => h.id)).toEqual([2]);
    expect(index.search({ q: 'dune -messiah' }).hits.map((h) => h.id)).toEqual([3]);
    expect(index.search({ q: 'dune hyperion' }).hits.map((h) => h.id)).toEqual([3, 4]);
    expect(index.search({ q: 'dune hyperion', matchingStrategy: 'all' }).hits).toEqual([]);
  });

  it('restricts attributesToSearchOn to searchable attributes', () => {
    const index = indexOf(BOOKS, { searchableAttributes: ['title', 'author'] });
    expect(index.search({ q: 'tolkien', attributesToSearchOn: ['title'] }).hits).toEqual([]);
    expect(codeOf(() => index.search({ q: 'x', attributesToSearchOn: ['price'] }))).toBe(
      'invalid_search_attributes_to_search_on',
    );
  });

  it('ranks by searchable attribute order', () => {
    const index = indexOf(
      [
        { id: 1, a: 'other', b: 'target' },
        { id: 2, a: 'target', b: 'other' },
      ],
      { searchableAttributes: ['a', 'b'] },
    );
    const res = index.search({ q: 'target', showRankingScoreDetails: true });
    expect(res.hits.map((h) => h.id)).toEqual([2, 1]);
    expect(res.hits[1]?._rankingScoreDetails).toMatchObject({ attributeRank: { score: 0.5 } });
  });

  it('applies stop words, synonyms and typo settings', () => {
    const index = indexOf(BOOKS, {
      stopWords: ['the'],
      synonyms: { tolkien: ['jrr'] },
      typoTolerance: { disableOnWords: ['hobit'] },
    });
    expect(index.search({ q: 'the hobbit' }).hits.map((h) => h.id)).toEqual([1]);
    expect(index.search({ q: 'hobit' }).hits).toEqual([]);
    index.addDocuments([{ id: 6, title: 'Biography', author: 'JRR' }], { mode: 'replace' });
    expect(index.search({ q: 'tolkien' }).hits.map((h) => h.id)).toEqual([1, 2, 6]);
    index.updateSettings({ typoTolerance: { enabled: false } });
    expect(index.search({ q: 'hyperoin' }).hits).toEqual([]);
  });

  it('filters by ranking score threshold', () => {
    const index = indexOf(BOOKS);
    const all = index.search({ q: 'dune messiah', showRankingScore: true });
    const threshold = ((all.hits[0]?._rankingScore as number) + (all.hits[1]?._rankingScore as number)) / 2;
    const res = index.search({ q: 'dune messiah', rankingScoreThreshold: threshold });
    expect(res.hits.map((h) => h.id)).toEqual([4]);
    expect(res.estimatedTotalHits).toBe(1);
  });

  it('formats hits: retrieve, highlight, crop, matches position', () => {
    const index = indexOf([
      { id: 1, title: 'Le Café de Flore', body: 'one two three four five six café seven eight' },
    ]);
    const res = index.search({
      q: 'cafe',
      attributesToRetrieve: ['title'],
      attributesToHighlight: ['title'],
      attributesToCrop: ['body:3'],
      highlightPreTag: '[',
      highlightPostTag: ']',
      showMatchesPosition: true,
    });
    const hit = res.hits[0];
    expect(hit).toMatchObject({ title: 'Le Café de Flore' });
    expect(hit?.body).toBeUndefined();
    expect(hit?._formatted).toEqual({ title: 'Le [Café] de Flore', body: '…six café seven…' });
    expect(hit?._matchesPosition).toEqual({
      title: [{ start: 3, length: 5 }],
      body: [{ start: 28, length: 5 }],
    });
  });
});

describe('split words and n-grams', () => {
  it('matches a concatenated query against separate words with one typo', () => {
    const index = indexOf([
      { id: 1, title: 'Spider-Man' },
      { id: 2, title: 'Spiderman' },
    ]);
    const res = index.search({ q: 'spiderman', showRankingScoreDetails: true });
    expect(res.hits.map((h) => h.id)).toEqual([2, 1]);
    expect(res.hits[1]?._rankingScoreDetails).toMatchObject({ typo: { typoCount: 1, maxTypoCount: 2 } });
  });

  it('matches separate query words against their concatenation', () => {
    const index = indexOf([{ id: 1, title: 'Spiderman' }]);
    const res = index.search({ q: 'spider man', showRankingScoreDetails: true });
    expect(res.hits.map((h) => h.id)).toEqual([1]);
    expect(res.hits[0]?._rankingScoreDetails).toMatchObject({
      words: { matchingWords: 2 },
      typo: { typoCount: 2 },
    });
  });
});

describe('negative-only queries', () => {
  it('behave as a placeholder search without the negated documents', () => {
    const index = indexOf(BOOKS);
    expect(index.search({ q: '-dune' }).hits.map((h) => h.id)).toEqual([1, 2, 5]);
    expect(index.search({ q: '-"lord of the"' }).hits.map((h) => h.id)).toEqual([1, 3, 4, 5]);
  });
});
