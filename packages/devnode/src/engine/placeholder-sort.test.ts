import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSearchIndex } from './create-search-index.js';
import type { SearchQuery } from './engine-contract.js';

const NUM_RUNS = Number(process.env.FC_NUM_RUNS ?? 60);

// Mixed value types (numbers, strings, arrays, missing) and many ties on the sort fields.
const priceArb = fc.option(
  fc.oneof(
    fc.integer({ min: 0, max: 6 }),
    fc.constantFrom('cheap', 'Cheap', 'dear'),
    fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 3 }),
  ),
  { nil: undefined },
);
const docsArb = fc.array(
  fc.record({
    title: fc.constantFrom('batman', 'joker', 'batman joker', 'robin'),
    genre: fc.constantFrom('action', 'drama', 'Drama'),
    price: priceArb,
  }),
  { minLength: 5, maxLength: 50 },
);
const queryArb = fc.record({
  q: fc.constantFrom('', '-batman', '-"batman joker"'),
  // No sort: every match ties, internal-id order decides.
  sort: fc.constantFrom(
    undefined,
    ['price:asc'],
    ['price:desc', 'genre:asc'],
    ['genre:desc', 'price:asc'],
  ) as fc.Arbitrary<string[] | undefined>,
  filter: fc.constantFrom(undefined, 'genre = action', 'price > 2'),
  // `price` holds arrays in some documents: multi-valued distinct ranks every match.
  distinct: fc.constantFrom(undefined, 'genre', 'price'),
  offset: fc.integer({ min: 0, max: 4 }),
  limit: fc.integer({ min: 0, max: 5 }),
  rankingRules: fc.constantFrom(
    undefined,
    ['sort', 'words'],
    ['words', 'sort', 'price:desc'],
  ) as fc.Arbitrary<string[] | undefined>,
});

describe('placeholder search by presorted documents or by internal id', () => {
  it('returns exactly what a full scoring pass returns, also after writes', () => {
    fc.assert(
      fc.property(
        docsArb,
        queryArb,
        fc.integer({ min: 0, max: 4 }),
        (docs, { rankingRules, ...query }, cut) => {
          const index = createSearchIndex({
            uid: 'placeholder',
            primaryKey: 'id',
            settings: {
              filterableAttributes: ['genre', 'price'],
              sortableAttributes: ['price', 'genre'],
              ...(rankingRules === undefined ? {} : { rankingRules }),
            },
          });
          index.addDocuments(
            docs.map((d, id) => ({ id, ...d })),
            { mode: 'replace' },
          );
          const base: SearchQuery = { ...query, facets: ['genre'], showRankingScoreDetails: true };
          const compare = (): void => {
            // A threshold of 0 keeps every hit but needs every score: it takes the full scoring path.
            const fast = { ...index.search(base), processingTimeMs: 0 };
            const full = { ...index.search({ ...base, rankingScoreThreshold: 0 }), processingTimeMs: 0 };
            expect(fast).toEqual(full);
          };
          compare();
          // Writes must invalidate the cached orders.
          index.deleteDocuments(docs.slice(0, cut).map((_, id) => id));
          index.addDocuments([{ id: 1000, title: 'robin', genre: 'action', price: 3 }], { mode: 'replace' });
          compare();
        },
      ),
      { numRuns: NUM_RUNS, seed: 20261122 },
    );
  });

  it('pages through sorted documents with exact totals', () => {
    const index = createSearchIndex({
      uid: 'paging',
      primaryKey: 'id',
      settings: { sortableAttributes: ['price'] },
    });
    index.addDocuments(
      Array.from({ length: 10 }, (_, id) => ({ id, price: 9 - id })),
      { mode: 'replace' },
    );
    const response = index.search({ q: '', sort: ['price:asc'], offset: 2, limit: 3 });
    expect(response.hits.map((h) => h.id)).toEqual([7, 6, 5]);
    expect(response.estimatedTotalHits).toBe(10);
  });

  it('lists unsorted matches in insertion order (a replaced document keeps its place), with exact totals and facets', () => {
    const index = createSearchIndex({
      uid: 'unsorted',
      primaryKey: 'id',
      settings: { filterableAttributes: ['genre'] },
    });
    index.addDocuments(
      Array.from({ length: 10 }, (_, id) => ({ id, genre: id % 3 === 0 ? 'drama' : 'action' })),
      { mode: 'replace' },
    );
    index.addDocuments([{ id: 1, genre: 'action' }], { mode: 'replace' });
    expect(index.search({ q: '', limit: 3 }).hits.map((h) => h.id)).toEqual([0, 1, 2]);
    const page = index.search({ q: '', offset: 7, limit: 5, facets: ['genre'] });
    expect(page.hits.map((h) => h.id)).toEqual([7, 8, 9]);
    expect(page.estimatedTotalHits).toBe(10);
    expect(page.facetDistribution).toEqual({ genre: { action: 6, drama: 4 } });
    const filtered = index.search({ q: '', filter: 'genre = drama', limit: 2, showRankingScore: true });
    expect(filtered.hits).toEqual([
      { id: 0, genre: 'drama', _rankingScore: 1 },
      { id: 3, genre: 'drama', _rankingScore: 1 },
    ]);
    expect(filtered.estimatedTotalHits).toBe(4);
  });
});
