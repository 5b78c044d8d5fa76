import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSearchIndex } from './create-search-index.js';
import { computeFacets } from './facet-distribution.js';

const NUM_RUNS = Number(process.env.FC_NUM_RUNS ?? 60);

// Case variants share a facet value (first spelling by internal id wins), arrays repeat values.
const valueArb = fc.oneof(
  fc.constantFrom('Drama', 'drama', 'DRAMA', 'action', 'true', 'Ünï'),
  fc.boolean(),
  fc.integer({ min: -3, max: 3 }),
  fc.constantFrom(0.5, -0, 1e21),
);
const docArb = fc.record({
  genre: fc.option(fc.oneof(valueArb, fc.array(valueArb, { maxLength: 4 })), { nil: undefined }),
  meta: fc.option(fc.record({ tag: valueArb }), { nil: undefined }),
});

describe('facet counts from per-attribute value tables', () => {
  it('equal counting over the documents themselves, also after writes', () => {
    fc.assert(
      fc.property(
        fc.array(docArb, { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 0, max: 5 }),
        fc.constantFrom<'alpha' | 'count'>('alpha', 'count'),
        fc.integer({ min: 1, max: 4 }),
        (docs, cut, order, maxValuesPerFacet) => {
          const index = createSearchIndex({
            uid: 'facets',
            primaryKey: 'id',
            settings: {
              filterableAttributes: ['genre', 'meta.tag', 'rank'],
              sortableAttributes: ['rank'],
              faceting: { maxValuesPerFacet, sortFacetValuesBy: { '*': order } },
            },
          });
          index.addDocuments(
            // A rank against id order: sorted by it, matches reach the facets out of internal-id order.
            docs.map((d, id) => ({ id, rank: (id * 7) % 5, ...d })),
            { mode: 'replace' },
          );
          const compare = (): void => {
            const response = index.search({ q: '', facets: ['genre', 'meta.tag'], limit: 0 });
            const expected = computeFacets(index.allDocuments(), ['genre', 'meta.tag'], index.getSettings());
            expect(response.facetDistribution).toEqual(expected.facetDistribution);
            expect(response.facetStats).toEqual(expected.facetStats);
            const sorted = index.search({
              q: '',
              facets: ['genre', 'meta.tag'],
              sort: ['rank:asc'],
              limit: 3,
            });
            expect(sorted.facetDistribution).toEqual(expected.facetDistribution);
            // Only some documents match: a value shows the spelling of its lowest matching holder.
            const some = index.search({ q: '', facets: ['genre', 'meta.tag'], filter: 'rank > 1', limit: 0 });
            const held = computeFacets(
              index.allDocuments().filter((d) => (d.rank as number) > 1),
              ['genre', 'meta.tag'],
              index.getSettings(),
            );
            expect(some.facetDistribution).toEqual(held.facetDistribution);
            expect(some.facetStats).toEqual(held.facetStats);
          };
          compare();
          index.deleteDocuments(docs.slice(0, cut).map((_, id) => id));
          index.addDocuments([{ id: 1, genre: ['drama', 7] }], { mode: 'replace' });
          compare();
          // Facets over every document are kept per revision: a settings change must show too.
          index.updateSettings({ faceting: { maxValuesPerFacet: 1, sortFacetValuesBy: { '*': 'count' } } });
          compare();
        },
      ),
      { numRuns: NUM_RUNS, seed: 20261122 },
    );
  });

  it('stay exact while writes replace values again and again (kept spellings, then a fresh start)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 7 }), valueArb, fc.boolean()), {
          minLength: 1,
          maxLength: 60,
        }),
        (writes) => {
          const index = createSearchIndex({ uid: 'rewrites', primaryKey: 'id' });
          index.updateSettings({ filterableAttributes: ['genre', 'price'] });
          let round = 0;
          for (const [id, genre, remove] of writes) {
            // A price never seen before on every write: past ~1,000 left-over spellings the table restarts.
            if (remove) index.deleteDocuments([id]);
            else
              index.addDocuments(
                Array.from({ length: 40 }, (_, k) => ({
                  id: id * 100 + k,
                  genre,
                  price: round * 40 + k + 0.5,
                })),
                { mode: 'replace' },
              );
            round++;
            const response = index.search({ q: '', facets: ['genre', 'price'], limit: 0 });
            const expected = computeFacets(index.allDocuments(), ['genre', 'price'], index.getSettings());
            expect(response.facetDistribution).toEqual(expected.facetDistribution);
            expect(response.facetStats).toEqual(expected.facetStats);
          }
          // Facet search reads its own tables: the same answers as an index that never saw the old values.
          const fresh = createSearchIndex({ uid: 'fresh', primaryKey: 'id' });
          fresh.updateSettings({ filterableAttributes: ['genre', 'price'] });
          fresh.addDocuments(index.allDocuments(), { mode: 'replace' });
          for (const facetQuery of ['', 'dr', 'tr']) {
            const query = { facetName: 'genre', facetQuery };
            expect(index.facetSearch(query).facetHits).toEqual(fresh.facetSearch(query).facetHits);
          }
        },
      ),
      { numRuns: 40, seed: 20261203 },
    );
  });

  it('stay exact once left-over spellings make the table start afresh', () => {
    const index = createSearchIndex({ uid: 'churn', primaryKey: 'id' });
    index.updateSettings({ filterableAttributes: ['price'] });
    const expectExact = (): void => {
      const response = index.search({ q: '', facets: ['price'], limit: 0 });
      const expected = computeFacets(index.allDocuments(), ['price'], index.getSettings());
      expect(response.facetDistribution).toEqual(expected.facetDistribution);
      expect(response.facetStats).toEqual(expected.facetStats);
    };
    // 40 documents rewritten 60 times with new prices: 2,400 spellings seen, 40 live.
    for (let round = 0; round < 60; round++) {
      index.addDocuments(
        Array.from({ length: 40 }, (_, id) => ({ id, price: round * 40 + id })),
        { mode: 'replace' },
      );
      expectExact();
    }
  });

  it('hands out copies of the facets kept for the whole index', () => {
    const index = createSearchIndex({
      uid: 'facets',
      primaryKey: 'id',
      settings: { filterableAttributes: ['n'] },
    });
    index.addDocuments(
      [
        { id: 0, n: 1 },
        { id: 1, n: 3 },
      ],
      { mode: 'replace' },
    );
    const first = index.search({ facets: ['n'] });
    expect(first.facetDistribution).toEqual({ n: { '1': 1, '3': 1 } });
    (first.facetDistribution?.n as Record<string, number>)['1'] = 99;
    (first.facetStats?.n as { min: number }).min = -5;
    const second = index.search({ facets: ['n'] });
    expect(second.facetDistribution).toEqual({ n: { '1': 1, '3': 1 } });
    expect(second.facetStats).toEqual({ n: { min: 1, max: 3 } });
  });

  it('shows a value as spelled by its lowest matching holder, not its first holder overall', () => {
    const index = createSearchIndex({
      uid: 'facets',
      primaryKey: 'id',
      settings: { filterableAttributes: ['genre', 'rank'] },
    });
    index.addDocuments(
      [
        { id: 0, rank: 0, genre: 'Drama' },
        { id: 1, rank: 2, genre: 'drama' },
        { id: 2, rank: 4, genre: 'Drama' },
      ],
      { mode: 'replace' },
    );
    const response = index.search({ q: '', facets: ['genre'], filter: 'rank > 1', limit: 0 });
    expect(response.facetDistribution).toEqual({ genre: { drama: 2 } });
  });
});
