import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSearchIndex } from './create-search-index.js';
import type { Document, SearchQuery } from './engine-contract.js';
import { compareRankingDetails, type RankingScoreDetails } from './ranking-score.js';

const VOCAB = [
  'batman',
  'returns',
  'dark',
  'knight',
  'rises',
  'joker',
  'gotham',
  'city',
  'the',
  'of',
  'batmobile',
  'robin',
];
const NUM_RUNS = Number(process.env.FC_NUM_RUNS ?? 60);

const wordArb = fc.constantFrom(...VOCAB);
const textArb = fc.array(wordArb, { minLength: 0, maxLength: 8 }).map((w) => w.join(' '));
const docArb = fc.record({
  title: textArb,
  overview: textArb,
  genre: fc.constantFrom('action', 'drama', 'Comedy', 'thriller'),
  tags: fc.array(fc.constantFrom('a', 'b', 'c'), { maxLength: 3 }),
  price: fc.option(fc.integer({ min: 0, max: 50 }), { nil: undefined }),
});

// A query word: a vocabulary word, possibly truncated (prefix) or with one letter changed (typo).
const queryWordArb = fc.tuple(wordArb, fc.constantFrom('same', 'prefix', 'typo')).map(([w, mode]) => {
  if (mode === 'prefix') return w.slice(0, Math.max(1, w.length - 2));
  if (mode === 'typo' && w.length > 4) return `${w.slice(0, 2)}x${w.slice(3)}`;
  return w;
});

const queryArb = fc.record({
  q: fc
    .tuple(fc.array(queryWordArb, { minLength: 0, maxLength: 4 }), fc.constantFrom('', ' ', '"'))
    .map(([w, end]) =>
      end === '"' && w.length > 1
        ? `"${w.slice(0, 2).join(' ')}" ${w.slice(2).join(' ')}`
        : w.join(' ') + end,
    ),
  filter: fc.constantFrom(
    undefined,
    'genre = action',
    'price > 10',
    'tags = a OR genre = drama',
  ) as fc.Arbitrary<string | undefined>,
  sort: fc.constantFrom(undefined, ['price:asc'], ['price:desc', 'genre:asc']) as fc.Arbitrary<
    string[] | undefined
  >,
  matchingStrategy: fc.constantFrom('last', 'all') as fc.Arbitrary<'last' | 'all'>,
});

const settingsArb = fc.record({
  searchableAttributes: fc.constantFrom(['*'], ['title', 'overview'], ['overview', 'title', 'genre']),
  stopWords: fc.constantFrom([], ['the', 'of']),
  synonyms: fc.constantFrom({}, { joker: ['robin'], city: ['gotham city'] }),
  proximityPrecision: fc.constantFrom('byWord', 'byAttribute'),
  typoTolerance: fc.constantFrom(
    {},
    { minWordSizeForTypos: { oneTypo: 3, twoTypos: 6 } },
    { disableOnAttributes: ['title'] },
  ),
  rankingRules: fc.constantFrom(
    ['words', 'typo', 'proximity', 'attributeRank', 'sort', 'wordPosition', 'exactness'],
    ['sort', 'words', 'typo', 'proximity', 'attribute', 'exactness'],
    ['words', 'price:desc', 'typo', 'sort', 'exactness'],
  ),
});

interface Hit {
  key: number;
  score: number;
  details: RankingScoreDetails;
}

function run(docs: Document[], settings: Record<string, unknown>, query: SearchQuery) {
  const index = createSearchIndex({ uid: 'x' });
  index.updateSettings({
    ...settings,
    filterableAttributes: ['genre', 'tags', 'price'],
    sortableAttributes: ['price', 'genre'],
  });
  if (docs.length > 0) index.addDocuments(docs, { mode: 'replace' });
  return index.search({
    ...query,
    limit: 1000,
    facets: ['genre', 'tags', 'price'],
    showRankingScore: true,
    showRankingScoreDetails: true,
    attributesToHighlight: ['*'],
  });
}

describe('shard independence (the property @miroir/merge relies on)', () => {
  it('scores, details, formatting, facets and order match between one index and its shards', () => {
    fc.assert(
      fc.property(
        fc.array(docArb, { minLength: 1, maxLength: 25 }),
        fc.integer({ min: 2, max: 4 }),
        fc.array(fc.nat(), { minLength: 25, maxLength: 25 }),
        settingsArb,
        queryArb,
        (raw, shardCount, assignment, settings, query) => {
          const docs = raw.map((d, i) => ({ id: i, ...d }));
          const single = run(docs, settings, query);
          const shards = Array.from({ length: shardCount }, (_, s) =>
            docs.filter((_, i) => (assignment[i] ?? 0) % shardCount === s),
          );
          const results = shards.map((part) => run(part, settings, query));
          const merged: Hit[] = results.flatMap((r) =>
            r.hits.map((h) => ({
              key: h.id as number,
              score: h._rankingScore as number,
              details: h._rankingScoreDetails as RankingScoreDetails,
            })),
          );
          // Global order: details comparator, then the original insertion order.
          merged.sort((a, b) => compareRankingDetails(a.details, b.details) || a.key - b.key);
          expect(merged.map((h) => h.key)).toEqual(single.hits.map((h) => h.id));
          const byId = new Map(single.hits.map((h) => [h.id, h]));
          for (const r of results) {
            for (const hit of r.hits) {
              const reference = byId.get(hit.id);
              expect(hit._rankingScore).toBe(reference?._rankingScore);
              expect(hit._rankingScoreDetails).toEqual(reference?._rankingScoreDetails);
              expect(hit._formatted).toEqual(reference?._formatted);
            }
          }
          const total = results.reduce((sum, r) => sum + (r.estimatedTotalHits ?? 0), 0);
          expect(total).toBe(single.estimatedTotalHits);
          // Facet counts add up (keys compared case-insensitively: display casing is first-seen).
          const sums: Record<string, Record<string, number>> = {};
          for (const r of results) {
            for (const [facet, values] of Object.entries(r.facetDistribution ?? {})) {
              for (const [value, count] of Object.entries(values)) {
                const bucket = sums[facet] ?? {};
                bucket[value.toLowerCase()] = (bucket[value.toLowerCase()] ?? 0) + count;
                sums[facet] = bucket;
              }
            }
          }
          const expected: Record<string, Record<string, number>> = {};
          for (const [facet, values] of Object.entries(single.facetDistribution ?? {})) {
            const bucket: Record<string, number> = {};
            for (const [value, count] of Object.entries(values)) bucket[value.toLowerCase()] = count;
            expected[facet] = bucket;
          }
          for (const facet of Object.keys(expected)) expect(sums[facet] ?? {}).toEqual(expected[facet]);
        },
      ),
      { numRuns: NUM_RUNS, seed: Number(process.env.FC_SEED ?? 20261122) },
    );
  });
});
