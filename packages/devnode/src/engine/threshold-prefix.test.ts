import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSearchIndex } from './create-search-index.js';
import { poisonScratchDuringTests } from './scratch-poisoning.test-support.js';

const NUM_RUNS = Number(process.env.FC_NUM_RUNS ?? 150);
const WORDS = ['batman', 'robin', 'joker', 'gotham', 'batmen', 'dark', 'knight'];

const textArb = fc.array(fc.constantFrom(...WORDS), { maxLength: 5 }).map((w) => w.join(' '));
const docArb = fc.record({ title: textArb, overview: textArb, genre: fc.constantFrom('action', 'drama') });

describe('rankingScoreThreshold', () => {
  poisonScratchDuringTests();

  it('keeps the leading hits scoring at or above it, with their count and facets', () => {
    fc.assert(
      fc.property(
        fc.array(docArb, { minLength: 5, maxLength: 120 }),
        fc.record({
          q: fc.constantFrom('', 'batman', 'batman robin', 'dark knight joker', 'gothm', 'bat'),
          threshold: fc.constantFrom(0.1, 0.5, 0.8, 0.95, 1),
          offset: fc.integer({ min: 0, max: 5 }),
          limit: fc.integer({ min: 0, max: 6 }),
          facets: fc.constantFrom(undefined, ['genre']) as fc.Arbitrary<string[] | undefined>,
          matchingStrategy: fc.constantFrom('last', 'all') as fc.Arbitrary<'last' | 'all'>,
          maxTotalHits: fc.constantFrom(1000, 4),
        }),
        (docs, { threshold, maxTotalHits, ...query }) => {
          const index = createSearchIndex({
            uid: 'threshold',
            primaryKey: 'id',
            settings: { filterableAttributes: ['genre'], pagination: { maxTotalHits } },
          });
          index.addDocuments(
            docs.map((d, id) => ({ id, ...d })),
            { mode: 'replace' },
          );
          const result = index.search({ ...query, rankingScoreThreshold: threshold, showRankingScore: true });
          // Reference: every hit ranked and scored (a threshold of 0 takes the full scoring path), then cut.
          const all = index.search({
            ...query,
            offset: 0,
            limit: maxTotalHits,
            rankingScoreThreshold: 0,
            showRankingScore: true,
          });
          const passing = all.hits.filter((h) => (h._rankingScore as number) >= threshold);
          const end = query.offset + query.limit;
          expect(result.hits).toEqual(passing.slice(query.offset, end));
          // The whole passing set is known when every match is listed, or when a listed hit fails.
          const listed = all.hits.length === all.estimatedTotalHits && all.hits.length < maxTotalHits;
          if (!listed && passing.length === all.hits.length) return;
          expect(result.estimatedTotalHits).toBe(Math.min(passing.length, maxTotalHits));
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
