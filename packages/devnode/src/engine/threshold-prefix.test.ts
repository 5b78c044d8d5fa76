import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSearchIndex } from './create-search-index.js';
import { poisonScratchDuringTests } from './scratch-poisoning.test-support.js';

const NUM_RUNS = Number(process.env.FC_NUM_RUNS ?? 150);
// 'bat man' and 'dark knight' next to each other also match the split queries 'batman' and 'darkknight'.
const WORDS = ['batman', 'robin', 'joker', 'gotham', 'batmen', 'dark', 'knight', 'bat', 'man'];

const textArb = fc.array(fc.constantFrom(...WORDS), { maxLength: 5 }).map((w) => w.join(' '));
const docArb = fc.record({
  title: textArb,
  overview: textArb,
  genre: fc.constantFrom('action', 'drama'),
  year: fc.integer({ min: 1990, max: 1995 }),
});

describe('rankingScoreThreshold', () => {
  poisonScratchDuringTests();

  it('keeps the hits scoring at or above it, in ranking order, with their count and facets', () => {
    fc.assert(
      fc.property(
        fc.array(docArb, { minLength: 5, maxLength: 120 }),
        fc.record({
          q: fc.constantFrom(
            '',
            'batman',
            'batman robin',
            'dark knight joker',
            'gothm',
            'bat',
            'batman -robin',
            'darkknight',
          ),
          threshold: fc.constantFrom(0.1, 0.5, 0.8, 0.95, 1),
          offset: fc.integer({ min: 0, max: 5 }),
          limit: fc.integer({ min: 0, max: 6 }),
          facets: fc.constantFrom(undefined, ['genre']) as fc.Arbitrary<string[] | undefined>,
          matchingStrategy: fc.constantFrom('last', 'all') as fc.Arbitrary<'last' | 'all'>,
          maxTotalHits: fc.constantFrom(1000, 4),
          // Sort criteria and custom rules order hits but do not count in a score.
          sort: fc.constantFrom(undefined, ['year:asc'], ['genre:desc', 'year:desc']) as fc.Arbitrary<
            string[] | undefined
          >,
          // Attribute weights and restrictions change which ranks postings give one-term queries.
          searchableAttributes: fc.constantFrom(undefined, ['title', 'overview']) as fc.Arbitrary<
            string[] | undefined
          >,
          attributesToSearchOn: fc.constantFrom(undefined, ['overview']) as fc.Arbitrary<
            string[] | undefined
          >,
          rankingRules: fc.constantFrom(
            undefined,
            ['words', 'year:desc', 'typo', 'proximity', 'sort', 'attributeRank', 'wordPosition', 'exactness'],
            ['sort', 'words', 'exactness', 'genre:asc'],
          ) as fc.Arbitrary<string[] | undefined>,
        }),
        (docs, { threshold, maxTotalHits, rankingRules, searchableAttributes, ...query }) => {
          const indexCapped = (cap: number) => {
            const index = createSearchIndex({
              uid: 'threshold',
              primaryKey: 'id',
              settings: {
                filterableAttributes: ['genre'],
                sortableAttributes: ['genre', 'year'],
                pagination: { maxTotalHits: cap },
                ...(rankingRules === undefined ? {} : { rankingRules }),
                ...(searchableAttributes === undefined ? {} : { searchableAttributes }),
              },
            });
            index.addDocuments(
              docs.map((d, id) => ({ id, ...d })),
              { mode: 'replace' },
            );
            return index;
          };
          const result = indexCapped(maxTotalHits).search({
            ...query,
            rankingScoreThreshold: threshold,
            showRankingScore: true,
          });
          // Reference: every hit ranked and scored (a threshold of 0 takes the full scoring path, and the
          // reference index lists every match), then the passing ones, capped at maxTotalHits.
          const all = indexCapped(10_000).search({
            ...query,
            offset: 0,
            limit: 10_000,
            rankingScoreThreshold: 0,
            showRankingScore: true,
          });
          const passing = all.hits.filter((h) => (h._rankingScore as number) >= threshold);
          const shown = passing.slice(0, maxTotalHits);
          expect(result.hits).toEqual(shown.slice(query.offset, query.offset + query.limit));
          expect(result.estimatedTotalHits).toBe(shown.length);
          if (query.facets !== undefined) {
            const genres: Record<string, number> = {};
            for (const hit of passing) genres[hit.genre as string] = (genres[hit.genre as string] ?? 0) + 1;
            expect(result.facetDistribution?.genre ?? {}).toEqual(genres);
          }
        },
      ),
      { numRuns: NUM_RUNS, seed: 20261203 },
    );
  });

  it('ranks longer prefixes until one ends below the threshold', () => {
    const index = createSearchIndex({ uid: 'grow', primaryKey: 'id' });
    // 30 exact matches score 1; 400 others hold the word among others, and score less.
    const docs = [
      ...Array.from({ length: 30 }, (_, id) => ({ id, title: 'batman' })),
      ...Array.from({ length: 400 }, (_, i) => ({ id: 30 + i, title: 'joker robin gotham batman' })),
    ];
    index.addDocuments(docs, { mode: 'replace' });
    const result = index.search({ q: 'batman', limit: 2, rankingScoreThreshold: 0.99 });
    expect(result.hits.map((h) => h.id)).toEqual([0, 1]);
    expect(result.estimatedTotalHits).toBe(30);
  });
});
