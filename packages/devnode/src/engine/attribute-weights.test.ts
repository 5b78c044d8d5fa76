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
  // Typos left out in some attributes: a typo word there no longer counts.
  typoOff: fc.subarray([...FIELDS], { maxLength: 2 }),
  rankingRules: fc.constantFrom(
    undefined,
    // Weights before typo count every word of a term; after it only the fewest-typo ones.
    ['words', 'attributeRank', 'typo', 'proximity', 'wordPosition', 'exactness', 'sort'],
    ['attributeRank', 'words', 'typo', 'sort'],
    ['words', 'typo', 'sort', 'attributeRank', 'wordPosition', 'exactness'],
    ['words', 'proximity', 'attributeRank', 'sort', 'typo'],
    // Without exactness every rule has a leading key: they are the full keys, ties go by internal id.
    ['words', 'typo', 'proximity', 'attributeRank', 'wordPosition', 'sort'],
    ['words', 'typo', 'proximity', 'attributeRank', 'wordPosition', 'exactness', 'sort', 'rank:asc'],
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
  // Searching some attributes only: occurrences elsewhere no longer count.
  attributesToSearchOn: fc.option(fc.subarray([...FIELDS], { minLength: 1 }), { nil: undefined }),
});

describe('attribute weights and restrictions ranked from postings', () => {
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

  it('ranks exactly as a full scoring pass, whatever the weights, restrictions and rule order', () => {
    fc.assert(
      fc.property(
        fc.array(docArb, { minLength: 8, maxLength: 40 }),
        settingsArb,
        queryArb,
        (docs, { searchableAttributes, rankingRules, typoOff }, { attributesToSearchOn, ...query }) => {
          const index = createSearchIndex({
            uid: 'weights',
            primaryKey: 'id',
            settings: {
              sortableAttributes: ['rank'],
              // A synonym matches with no typo after the term's typo words were read: its documents'
              // fewest-typo weights replace what those words gave.
              synonyms: { knigt: ['gotham'], batmn: ['robin'] },
              searchableAttributes,
              typoTolerance: { disableOnAttributes: typoOff },
              ...(rankingRules === undefined ? {} : { rankingRules }),
            },
          });
          index.addDocuments(
            docs.map((doc, id) => ({ id, ...doc })),
            { mode: 'replace' },
          );
          // Only searchable attributes may be searched on (else Meilisearch answers an error).
          const searchOn =
            attributesToSearchOn?.filter((field) => searchableAttributes.includes(field)) ?? [];
          const base: SearchQuery = {
            ...query,
            ...(searchOn.length === 0 ? {} : { attributesToSearchOn: searchOn }),
            showRankingScoreDetails: true,
          };
          // A threshold of 0 keeps every hit but scores every one: the full path.
          const staged = { ...index.search(base), processingTimeMs: 0 };
          const full = { ...index.search({ ...base, rankingScoreThreshold: 0 }), processingTimeMs: 0 };
          expect(staged).toEqual(full);
        },
      ),
      { numRuns: NUM_RUNS, seed: 20261203 },
    );
  });

  it('counts only the searched attributes (exact placements, split words, the query word itself)', () => {
    const index = createSearchIndex({ uid: 'restricted', primaryKey: 'id' });
    index.addDocuments(
      [
        { id: 0, title: 'batman robin', tagline: 'batman' },
        { id: 1, title: 'batman' },
        { id: 2, title: 'batmen' },
        { id: 3, title: 'batmen', tagline: 'batman' },
        { id: 4, title: 'batmobile' },
        { id: 5, title: 'batmobile' },
        { id: 6, title: 'gotham', tagline: 'bat mobile' },
        { id: 7, title: 'joker robin gotham' },
        { id: 8, title: 'joker robin gotham', tagline: 'robin gotham' },
      ],
      { mode: 'replace' },
    );
    const search = (q: string, limit: number, rankingRules?: string[]) => {
      if (rankingRules !== undefined) index.updateSettings({ rankingRules });
      const found = index.search({ q, limit, attributesToSearchOn: ['title'] });
      return { ids: found.hits.map((hit) => hit.id), total: found.estimatedTotalHits };
    };
    // The tagline holding "batman" alone makes no exact match of document 0's title; "batman" only in
    // document 3's tagline: its title's typo match ties with document 2's.
    expect(search('batman', 1).ids).toEqual([1]);
    expect(search('batman', 3).ids).toEqual([1, 0, 2]);
    // "bat mobile" only in a tagline: document 6 does not match.
    expect(search('batmobile', 1)).toEqual({ ids: [4], total: 2 });
    // Document 8's words sit at the start of its tagline, which is not searched: it ties with document 7.
    expect(search('robin gotham', 1).ids).toEqual([7]);
    // Every rule keyed from postings, a custom rule last: the same answers.
    const custom = ['words', 'typo', 'proximity', 'attributeRank', 'wordPosition', 'exactness', 'id:asc'];
    expect(search('batman', 1, custom).ids).toEqual([1]);
    expect(search('batman', 3, custom).ids).toEqual([1, 0, 2]);
    expect(search('robin gotham', 1, custom).ids).toEqual([7]);
  });

  it('stays exact past the 31 attributes a posting mask names one by one', () => {
    const fieldArb = fc.integer({ min: 0, max: 39 }).map((f) => `f${f}`);
    const wideDocArb = fc.array(fc.tuple(fieldArb, textArb), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(
        fc.array(wideDocArb, { minLength: 5, maxLength: 30 }),
        fc.subarray(
          Array.from({ length: 40 }, (_, f) => `f${f}`),
          { minLength: 1, maxLength: 6 },
        ),
        fc.constantFrom('batman', 'batmn robin', 'jok', 'knight gotham'),
        fc.integer({ min: 1, max: 4 }),
        (docs, searchOn, q, limit) => {
          const index = createSearchIndex({ uid: 'wide', primaryKey: 'id' });
          // Every attribute first seen in this order: ids 0–39 (some documents hold the later ones only).
          index.addDocuments(
            [
              Object.fromEntries([['id', 'all'], ...Array.from({ length: 40 }, (_, f) => [`f${f}`, 'x'])]),
              ...docs.map((fields, id) => ({ id, ...Object.fromEntries(fields) })),
            ],
            { mode: 'replace' },
          );
          const query: SearchQuery = {
            q,
            limit,
            attributesToSearchOn: searchOn,
            showRankingScoreDetails: true,
          };
          const staged = { ...index.search(query), processingTimeMs: 0 };
          const full = { ...index.search({ ...query, rankingScoreThreshold: 0 }), processingTimeMs: 0 };
          expect(staged).toEqual(full);
        },
      ),
      { numRuns: 100, seed: 20261203 },
    );
  });

  it('counts no typo match in an attribute without typos', () => {
    const index = createSearchIndex({
      uid: 'typo-free',
      primaryKey: 'id',
      settings: { typoTolerance: { disableOnAttributes: ['tagline'] } },
    });
    index.addDocuments(
      [
        { id: 0, title: 'robin joker gotham' },
        // "gothm" matches the tagline's "gotham" with a typo, which the tagline does not allow.
        { id: 1, title: 'robin joker gotham', tagline: 'robin gotham' },
        { id: 2, title: 'joker', tagline: 'gotham' },
      ],
      { mode: 'replace' },
    );
    const found = index.search({ q: 'robin gothm', limit: 1 });
    expect(found.hits.map((hit) => hit.id)).toEqual([0]);
    expect(found.estimatedTotalHits).toBe(2);
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
