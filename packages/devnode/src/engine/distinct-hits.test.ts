import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSearchIndex } from './create-search-index.js';
import type { SearchQuery } from './engine-contract.js';
import { poisonScratchDuringTests } from './scratch-poisoning.test-support.js';

const NUM_RUNS = Number(process.env.FC_NUM_RUNS ?? 150);

type Key = number | number[] | undefined;

/** Documents whose first few ranks often share keys: prefixes of the ranking must grow to fill a page. */
const docsArb = fc
  .record({
    keys: fc.integer({ min: 1, max: 12 }),
    multiValued: fc.integer({ min: 0, max: 3 }).map((n) => n === 0),
  })
  .chain(({ keys, multiValued }) => {
    const one = fc.integer({ min: 0, max: keys - 1 });
    // Arrays in some runs only: one multi-valued document makes the whole attribute rank every match.
    const key = multiValued ? fc.oneof(one, fc.array(one, { minLength: 2, maxLength: 3 })) : one;
    return fc.array(
      fc.record({
        // 'bat man' matches the query 'batman' through a split word (one typo).
        title: fc.constantFrom(
          'batman',
          'batman robin',
          'robin batman joker',
          'joker',
          'batmen',
          'bat man',
          'joker bat man',
        ),
        genre: fc.constantFrom('action', 'drama', 'crime'),
        price: fc.integer({ min: 0, max: 9 }),
        key: fc.option(key, { nil: undefined, freq: 6 }) as fc.Arbitrary<Key>,
      }),
      { minLength: 20, maxLength: 160 },
    );
  });
const queryArb = fc.record({
  q: fc.constantFrom('', 'batman', 'batman robin', 'joker bat', 'robin'),
  sort: fc.constantFrom(undefined, ['price:asc'], ['price:desc']) as fc.Arbitrary<string[] | undefined>,
  filter: fc.constantFrom(undefined, 'genre != crime') as fc.Arbitrary<string | undefined>,
  facets: fc.constantFrom(undefined, ['genre']) as fc.Arbitrary<string[] | undefined>,
  offset: fc.integer({ min: 0, max: 6 }),
  limit: fc.integer({ min: 0, max: 6 }),
});

/** The distinct rule applied by hand to the full ranking of a search without it. */
function modelOf(index: ReturnType<typeof createSearchIndex>, query: SearchQuery) {
  const all = index.search({ ...query, distinct: undefined, facets: undefined, offset: 0, limit: 1000 });
  const seen = new Set<number>();
  const kept: Record<string, unknown>[] = [];
  for (const hit of all.hits) {
    const keys = [hit.key ?? []].flat() as number[];
    if (keys.some((k) => seen.has(k))) continue;
    for (const k of keys) seen.add(k);
    kept.push(hit);
  }
  const genres: Record<string, number> = {};
  for (const hit of kept) genres[hit.genre as string] = (genres[hit.genre as string] ?? 0) + 1;
  return { kept, genres };
}

function indexOf(docs: { title: string; key: Key }[]) {
  const index = createSearchIndex({
    uid: 'distinct',
    primaryKey: 'id',
    settings: { filterableAttributes: ['key', 'genre'], sortableAttributes: ['price'] },
  });
  index.addDocuments(
    docs.map((d, id) => ({ id, ...d })),
    { mode: 'replace' },
  );
  return index;
}

describe('distinct hits from ranked prefixes', () => {
  poisonScratchDuringTests();

  it('keeps what the distinct rule keeps over the full ranking, with its count and facets', () => {
    fc.assert(
      fc.property(docsArb, queryArb, (docs, query) => {
        const index = indexOf(docs);
        const search: SearchQuery = { ...query, distinct: 'key' };
        const result = index.search(search);
        const { kept, genres } = modelOf(index, search);
        const end = (query.offset ?? 0) + (query.limit ?? 20);
        expect(result.hits.map((h) => h.id)).toEqual(kept.slice(query.offset, end).map((h) => h.id));
        expect(result.estimatedTotalHits).toBe(kept.length);
        if (query.facets !== undefined) expect(result.facetDistribution?.genre ?? {}).toEqual(genres);
        // The full scoring path (a threshold of 0 needs every score) agrees in every field.
        const full = index.search({ ...search, rankingScoreThreshold: 0 });
        expect({ ...result, processingTimeMs: 0 }).toEqual({ ...full, processingTimeMs: 0 });
      }),
      { numRuns: NUM_RUNS, seed: 20261203 },
    );
  });

  it('counts a multi-valued attribute in ranking order', () => {
    // Ranked 0, 1, 2: keeping 0 ([1, 2]) excludes both others, though they hold two different keys.
    const index = indexOf([
      { title: 'batman', key: [1, 2] },
      { title: 'batman robin', key: 1 },
      { title: 'batman robin joker', key: 2 },
      ...Array.from({ length: 40 }, () => ({ title: 'batman robin joker gotham', key: 3 })),
    ]);
    const result = index.search({ q: 'batman', distinct: 'key', limit: 1 });
    expect(result.hits.map((h) => h.id)).toEqual([0]);
    expect(result.estimatedTotalHits).toBe(2);
  });

  it('grows the ranked prefix until the page is full of distinct hits', () => {
    // The first 30 ranks share one key; the page needs hits from further down.
    const docs = [
      ...Array.from({ length: 30 }, () => ({ title: 'batman', key: 0 as Key })),
      ...Array.from({ length: 1000 }, (_, i) => ({ title: 'batman robin', key: (1 + (i % 5)) as Key })),
    ];
    const index = indexOf(docs);
    const result = index.search({ q: 'batman', distinct: 'key', limit: 4, facets: ['key'] });
    expect(result.hits.map((h) => h.id)).toEqual([0, 30, 31, 32]);
    expect(result.estimatedTotalHits).toBe(6);
    expect(result.facetDistribution?.key).toEqual({ '0': 1, '1': 1, '2': 1, '3': 1, '4': 1, '5': 1 });
  });
});
