import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSearchIndex } from './create-search-index.js';
import type { SearchQuery } from './engine-contract.js';
import {
  summarizeOccurrences,
  summaryAlone,
  summaryMinPosition,
  summaryMinWeight,
} from './inverted-index.js';
import { poisonScratchDuringTests } from './scratch-poisoning.test-support.js';

// Few words with typo and prefix neighbours, so that one term often sits in several attributes, through
// words of different typo counts.
const VOCAB = [
  'batman',
  'batmen',
  'bat',
  'robin',
  'robins',
  'joker',
  'jokers',
  'gotham',
  'knight',
  'knights',
];
const NUM_RUNS = Number(process.env.FC_NUM_RUNS ?? 200);
const FIELDS = ['a', 'b', 'c', 'd'] as const;

const textArb = fc.array(fc.constantFrom(...VOCAB), { maxLength: 4 }).map((words) => words.join(' '));
const docArb = fc.record({
  a: textArb,
  b: textArb,
  c: textArb,
  d: textArb,
  rank: fc.integer({ min: 0, max: 3 }),
});
const settingsArb = fc.record({
  // Two to four weighted attributes in any order (an attribute left out is not searched).
  searchableAttributes: fc
    .shuffledSubarray([...FIELDS], { minLength: 2, maxLength: 4 })
    .map((fields) => [...fields]),
  rankingRules: fc.constantFrom(
    undefined,
    // Weights before typo count every word of a term; after it only the fewest-typo ones.
    ['words', 'attributeRank', 'typo', 'proximity', 'wordPosition', 'exactness', 'sort'],
    ['attributeRank', 'words', 'typo', 'sort'],
    ['words', 'typo', 'sort', 'attributeRank', 'wordPosition', 'exactness'],
    ['words', 'proximity', 'attributeRank', 'sort', 'typo'],
  ) as fc.Arbitrary<string[] | undefined>,
});
const queryArb = fc.record({
  q: fc
    .array(fc.constantFrom(...VOCAB, 'batmn', 'jok', 'knigt', 'robn'), { minLength: 1, maxLength: 3 })
    .map((words) => words.join(' ')),
  sort: fc.constantFrom(undefined, ['rank:asc']) as fc.Arbitrary<string[] | undefined>,
  offset: fc.integer({ min: 0, max: 4 }),
  limit: fc.integer({ min: 1, max: 5 }),
  matchingStrategy: fc.constantFrom('last', 'all') as fc.Arbitrary<'last' | 'all'>,
});

describe('attribute weights ranked from postings', () => {
  poisonScratchDuringTests();

  it('a posting summary keeps weight, position and the alone flag apart', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 16383 }),
        fc.integer({ min: 0, max: 65535 }),
        fc.boolean(),
        (weight, position, alone) => {
          const summary = summarizeOccurrences(position, alone, weight);
          expect(summary).toBeGreaterThanOrEqual(0);
          expect(summaryMinWeight(summary)).toBe(weight);
          expect(summaryMinPosition(summary)).toBe(position);
          expect(summaryAlone(summary)).toBe(alone);
        },
      ),
    );
  });

  it('ranks exactly as a full scoring pass, whatever the weights and the rule order', () => {
    fc.assert(
      fc.property(
        fc.array(docArb, { minLength: 8, maxLength: 40 }),
        settingsArb,
        queryArb,
        (docs, { searchableAttributes, rankingRules }, query) => {
          const index = createSearchIndex({
            uid: 'weights',
            primaryKey: 'id',
            settings: {
              sortableAttributes: ['rank'],
              // A synonym matches with no typo after the term's typo words were read: its documents'
              // fewest-typo weights replace what those words gave.
              synonyms: { knigt: ['gotham'], batmn: ['robin'] },
              searchableAttributes,
              ...(rankingRules === undefined ? {} : { rankingRules }),
            },
          });
          index.addDocuments(
            docs.map((doc, id) => ({ id, ...doc })),
            { mode: 'replace' },
          );
          const base: SearchQuery = { ...query, showRankingScoreDetails: true };
          // A threshold of 0 keeps every hit but scores every one: the full path.
          const staged = { ...index.search(base), processingTimeMs: 0 };
          const full = { ...index.search({ ...base, rankingScoreThreshold: 0 }), processingTimeMs: 0 };
          expect(staged).toEqual(full);
        },
      ),
      { numRuns: NUM_RUNS, seed: 20261203 },
    );
  });

  it('ranks the lighter attribute first for one word and for several', () => {
    const index = createSearchIndex({
      uid: 'weights',
      primaryKey: 'id',
      settings: { searchableAttributes: ['title', 'tagline', 'overview'] },
    });
    index.addDocuments(
      [
        { id: 1, overview: 'batman robin', tagline: 'gotham', title: 'joker' },
        { id: 2, overview: 'joker', tagline: 'batman robin', title: 'gotham' },
        { id: 3, overview: 'gotham', tagline: 'joker', title: 'batman robin' },
      ],
      { mode: 'replace' },
    );
    const ids = (q: string) => index.search({ q }).hits.map((hit) => hit.id);
    expect(ids('batman')).toEqual([3, 2, 1]);
    expect(ids('batman robin')).toEqual([3, 2, 1]);
    // A word's lightest attribute counts: "joker" is in the title of 1, then the tagline of 3.
    expect(ids('joker')).toEqual([1, 3, 2]);
  });
});
