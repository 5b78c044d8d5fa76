import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSearchIndex } from './create-search-index.js';
import type { IndexSettings, SearchQuery } from './engine-contract.js';
import { poisonScratchDuringTests } from './scratch-poisoning.test-support.js';

const VOCAB = [
  'batman',
  'returns',
  'dark',
  'knight',
  'rises',
  'joker',
  'gotham',
  'batmobile',
  'robin',
  'bat',
  'batmen',
  'joked',
  'knights',
  // Split words: 'batman' also matches 'bat man', 'batmobile' matches 'bat mobile'.
  'man',
  'bat man',
  'bat mobile',
];
const NUM_RUNS = Number(process.env.FC_NUM_RUNS ?? 250);

/** An index holding `docs` (settings on top of the defaults). */
function indexWith(docs: Record<string, unknown>[], settings: Partial<IndexSettings> = {}) {
  const index = createSearchIndex({ uid: 'staged', primaryKey: 'id', settings });
  index.addDocuments(docs, { mode: 'replace' });
  return index;
}

/** Search staged and by a full scoring pass (a threshold of 0 needs every score): both must agree. */
function searchBothWays(index: ReturnType<typeof createSearchIndex>, query: SearchQuery) {
  const staged = index.search(query);
  const full = index.search({ ...query, rankingScoreThreshold: 0 });
  expect({ ...staged, processingTimeMs: 0 }).toEqual({ ...full, processingTimeMs: 0 });
  return staged;
}

const textArb = fc.array(fc.constantFrom(...VOCAB), { maxLength: 6 }).map((w) => w.join(' '));
const docsArb = fc.array(
  fc.record({
    title: textArb,
    overview: textArb,
    genre: fc.constantFrom('action', 'drama'),
    price: fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
    tags: fc.option(fc.array(fc.constantFrom('a', 'b', 'c'), { maxLength: 2 }), { nil: undefined }),
  }),
  { minLength: 10, maxLength: 60 },
);
const queryWordArb = fc.constantFrom(...VOCAB, 'b', 'ba', 'jo', 'batmn', 'knigt', 'gothm', 'action', 'drama');
const queryArb = fc.record({
  q: fc.array(queryWordArb, { minLength: 1, maxLength: 3 }).map((w) => w.join(' ')),
  sort: fc.constantFrom(undefined, ['price:asc'], ['price:desc', 'genre:asc']) as fc.Arbitrary<
    string[] | undefined
  >,
  filter: fc.constantFrom(undefined, 'genre = action') as fc.Arbitrary<string | undefined>,
  matchingStrategy: fc.constantFrom('last', 'all', 'frequency') as fc.Arbitrary<'last' | 'all' | 'frequency'>,
  offset: fc.integer({ min: 0, max: 3 }),
  limit: fc.integer({ min: 1, max: 4 }),
  rankingRules: fc.constantFrom(
    undefined,
    ['words', 'typo', 'sort', 'proximity', 'attributeRank', 'wordPosition', 'exactness'],
    ['sort', 'words', 'exactness'],
    ['price:desc', 'words', 'typo', 'proximity', 'sort'],
    // Proximity before typo: every occurrence counts, not only each term's fewest-typo ones.
    ['words', 'proximity', 'typo', 'sort', 'wordPosition', 'exactness'],
    // Placement rules before typo: a split word's position may decide before its typo does.
    ['words', 'wordPosition', 'typo', 'exactness', 'sort'],
    // A custom rule: one-term queries take the general path, exactness included.
    ['words', 'price:asc', 'typo', 'sort', 'exactness'],
    // Attribute weights before typo: every word of a term counts, not only its fewest-typo ones.
    ['words', 'attributeRank', 'typo', 'proximity', 'wordPosition', 'exactness', 'sort'],
    // Attribute weights after the sort only break its ties; a custom rule before them.
    ['words', 'sort', 'typo', 'attributeRank', 'exactness'],
    ['words', 'typo', 'price:desc', 'attributeRank', 'wordPosition', 'sort'],
  ) as fc.Arbitrary<string[] | undefined>,
  proximityPrecision: fc.constantFrom('byWord', 'byAttribute') as fc.Arbitrary<'byWord' | 'byAttribute'>,
  // Without facets only the count capped at maxTotalHits shows: a small cap lets split words go uncounted.
  facets: fc.constantFrom(undefined, ['genre']) as fc.Arbitrary<string[] | undefined>,
  // Distinct by few keys, by many (and missing ones), or by a multi-valued attribute.
  distinct: fc.constantFrom(undefined, 'genre', 'price', 'tags'),
  maxTotalHits: fc.constantFrom(1000, 3, 6),
  // Attribute weights: attributeRank then decides between title and overview matches.
  searchableAttributes: fc.constantFrom(
    undefined,
    ['title', 'overview'],
    ['overview', 'title'],
    ['tags', 'overview', 'genre', 'title'],
  ) as fc.Arbitrary<string[] | undefined>,
  // Restrictions: occurrences outside the searched attributes, or typo words in typo-free ones, do not count.
  attributesToSearchOn: fc.constantFrom(undefined, ['title'], ['overview', 'tags']) as fc.Arbitrary<
    string[] | undefined
  >,
  typoOff: fc.constantFrom<string[][]>([], ['overview']),
});

describe('staged ranking', () => {
  poisonScratchDuringTests();

  it('returns exactly what a full scoring pass returns', () => {
    fc.assert(
      fc.property(
        docsArb,
        queryArb,
        (
          docs,
          {
            rankingRules,
            proximityPrecision,
            maxTotalHits,
            searchableAttributes,
            typoOff,
            attributesToSearchOn,
            ...query
          },
        ) => {
          // Only searchable attributes may be searched on (else Meilisearch answers an error).
          const searchOn = attributesToSearchOn?.filter(
            (field) => searchableAttributes === undefined || searchableAttributes.includes(field),
          );
          const index = createSearchIndex({
            uid: 'staged',
            primaryKey: 'id',
            settings: {
              proximityPrecision,
              pagination: { maxTotalHits },
              filterableAttributes: ['genre', 'price', 'tags'],
              sortableAttributes: ['price', 'genre'],
              ...(rankingRules === undefined ? {} : { rankingRules }),
              ...(searchableAttributes === undefined ? {} : { searchableAttributes }),
              typoTolerance: { disableOnAttributes: typoOff },
            },
          });
          index.addDocuments(
            docs.map((d, id) => ({ id, ...d })),
            { mode: 'replace' },
          );
          const base: SearchQuery = {
            ...query,
            ...(searchOn === undefined || searchOn.length === 0 ? {} : { attributesToSearchOn: searchOn }),
            showRankingScore: true,
            showRankingScoreDetails: true,
          };
          // A threshold of 0 keeps every hit but needs every score: it takes the full scoring path.
          const staged = { ...index.search(base), processingTimeMs: 0 };
          const full = { ...index.search({ ...base, rankingScoreThreshold: 0 }), processingTimeMs: 0 };
          expect(staged).toEqual(full);
          // Without details shown, the page keeps the scores ranking gave it: the same ones.
          const scoresOnly = index.search({ ...base, showRankingScoreDetails: false });
          expect(scoresOnly.hits).toEqual(staged.hits.map(({ _rankingScoreDetails, ...hit }) => hit));
        },
      ),
      { numRuns: NUM_RUNS, seed: 20261122 },
    );
  });

  it('stays exact after replacements and deletions (stale postings are compacted)', () => {
    const opArb = fc.oneof(
      fc.record({ kind: fc.constant('put' as const), id: fc.integer({ min: 0, max: 15 }), title: textArb }),
      fc.record({ kind: fc.constant('delete' as const), id: fc.integer({ min: 0, max: 15 }) }),
    );
    fc.assert(
      fc.property(
        fc.array(opArb, { minLength: 1, maxLength: 25 }),
        fc.array(queryWordArb, { minLength: 1, maxLength: 3 }),
        (ops, words) => {
          const settings = { filterableAttributes: ['genre'], sortableAttributes: ['price', 'genre'] };
          const mutated = createSearchIndex({ uid: 'mutated', primaryKey: 'id', settings });
          // Insertion order of the live documents = internal id order, which breaks exact ties.
          const live = new Map<number, { id: number; title: string }>();
          const query: SearchQuery = { q: words.join(' '), limit: 5, showRankingScoreDetails: true };
          for (const op of ops) {
            if (op.kind === 'put') {
              mutated.addDocuments([{ id: op.id, title: op.title }], { mode: 'replace' });
              live.set(op.id, { id: op.id, title: op.title });
            } else {
              mutated.deleteDocuments([op.id]);
              live.delete(op.id);
            }
            // Searching between writes compacts the stale postings each time.
            mutated.search(query);
          }
          const fresh = createSearchIndex({ uid: 'fresh', primaryKey: 'id', settings });
          fresh.addDocuments([...live.values()], { mode: 'replace' });
          const strip = (r: ReturnType<typeof fresh.search>) => ({ ...r, processingTimeMs: 0 });
          expect(strip(mutated.search(query))).toEqual(strip(fresh.search(query)));
          expect(strip(mutated.search(query))).toEqual(
            strip(mutated.search({ ...query, rankingScoreThreshold: 0 })),
          );
        },
      ),
      { numRuns: NUM_RUNS, seed: 20261130 },
    );
  });

  it('does not skip a document whose word also sits before its query position elsewhere', () => {
    const index = indexWith([
      { id: 1, title: 'joker batman robin' },
      // "batman" at position 0 of the overview and at its query position (1) in the title: the title wins.
      { id: 2, title: 'joker batman', overview: 'batman' },
    ]);
    // Same leading keys; the exact title match decides.
    expect(index.search({ q: 'joker batman', limit: 1 }).hits.map((h) => h.id)).toEqual([2]);
  });

  it('ranks proximity in documents longer than the occurrence cap as a full scan does', () => {
    const index = createSearchIndex({ uid: 'long', primaryKey: 'id' });
    const filler = Array.from({ length: 1000 }, () => 'batman robin').join(' ');
    index.addDocuments(
      [
        // Past a term's first 1,000 occurrences the rule stops pairing: the adjacent pair at the end is not seen.
        { id: 0, overview: `${filler} batman joker` },
        { id: 1, overview: 'batman robin joker' },
        { id: 2, overview: 'joker batman' },
      ],
      { mode: 'replace' },
    );
    const query: SearchQuery = { q: 'batman joker', limit: 2, showRankingScoreDetails: true };
    expect(searchBothWays(index, query).hits.map((h) => h.id)).toEqual([1, 2]);
  });

  it('ranks an attribute made of the query word alone first, whatever the document order', () => {
    const index = createSearchIndex({ uid: 'exact', primaryKey: 'id' });
    const docs = Array.from({ length: 30 }, (_, id) => ({ id, title: 'batman dark knight' }));
    docs.push({ id: 30, title: 'batman' });
    index.addDocuments(docs, { mode: 'replace' });
    const staged = searchBothWays(index, { q: 'batman', limit: 2, showRankingScoreDetails: true });
    expect(staged.hits.map((h) => h.id)).toEqual([30, 0]);
    expect(staged.estimatedTotalHits).toBe(31);
  });

  it('places a one-word query by a split match that sits before an equally mistyped word', () => {
    const index = indexWith([
      { id: 1, title: 'robin batmen' },
      // One typo either way ("batmen", "bat man"), but the split sits at position 0: a better wordPosition.
      { id: 2, title: 'joker batmen', overview: 'bat man' },
    ]);
    const query: SearchQuery = { q: 'batman', limit: 1, showRankingScoreDetails: true };
    expect(searchBothWays(index, query).hits.map((h) => h.id)).toEqual([2]);
  });

  it('orders multi-word candidates by wordPosition first when that rule precedes typo', () => {
    const index = indexWith(
      [
        // No typo, but both words away from their query positions (the second document further away).
        { id: 1, overview: 'gotham batmobile' },
        { id: 2, overview: 'robin joker knight gotham batmobile' },
        // A split ("bat mobile", one typo) at the query position: the better wordPosition ranks it first.
        { id: 3, title: 'bat mobile', overview: 'robin gotham' },
      ],
      { rankingRules: ['words', 'wordPosition', 'typo', 'exactness'] },
    );
    const query: SearchQuery = { q: 'batmobile gotham', limit: 1, showRankingScoreDetails: true };
    expect(searchBothWays(index, query).hits.map((h) => h.id)).toEqual([3]);
  });

  it('ranks a one-word query by exactness after a custom rule (its general path)', () => {
    const index = indexWith(
      [
        // A prefix match: no typo, but not the query word itself.
        { id: 1, title: 'robin batmanesque' },
        { id: 2, title: 'robin batman' },
        // The query word as a whole attribute: the best exactness, though the last document.
        { id: 3, title: 'batman' },
      ],
      { rankingRules: ['words', 'price:asc', 'typo', 'exactness'] },
    );
    const query: SearchQuery = { q: 'batman', showRankingScoreDetails: true };
    // Repeated: each search meets other junk left in the arrays it reuses.
    for (let i = 0; i < 3; i++) expect(searchBothWays(index, query).hits.map((h) => h.id)).toEqual([3, 2, 1]);
  });

  it('finds nothing at once for a kept term without postings, but still drops a removable one', () => {
    const index = indexWith(
      [
        { id: 1, title: 'batman returns', genre: 'action' },
        { id: 2, title: 'dark knight', genre: 'drama' },
      ],
      { filterableAttributes: ['genre'] },
    );
    expect(searchBothWays(index, { q: 'zzzz', facets: ['genre'] }).estimatedTotalHits).toBe(0);
    expect(searchBothWays(index, { q: 'batman zzzz', matchingStrategy: 'all' }).hits).toEqual([]);
    // "zzzz" is the last word: the words rule drops it, and batman's document matches.
    const last = searchBothWays(index, { q: 'batman zzzz', facets: ['genre'] });
    expect(last.hits.map((h) => h.id)).toEqual([1]);
    // `frequency` drops the most frequent term first ("batman") and keeps "zzzz": nothing matches.
    expect(searchBothWays(index, { q: 'zzzz batman', matchingStrategy: 'frequency' }).hits).toEqual([]);
  });

  it('ranks a rare word (alone or first) from its own documents only, as a full pass does', () => {
    // 400 documents; "joker" (and "jokers", a prefix match) in a few of them only.
    const docs = Array.from({ length: 400 }, (_, id) => ({
      id,
      title: id % 97 === 3 ? 'joker returns' : id % 131 === 7 ? 'the jokers' : 'dark knight',
      overview: id % 89 === 5 ? 'robin and the joker' : 'gotham rises',
      genre: id % 2 === 0 ? 'action' : 'drama',
      price: (id * 37) % 20,
    }));
    const index = indexWith(docs, { filterableAttributes: ['genre'], sortableAttributes: ['price'] });
    const queries: SearchQuery[] = [
      { q: 'joker' },
      { q: 'joker', limit: 2, offset: 1 },
      { q: 'joker', sort: ['price:desc'], limit: 3 },
      { q: 'joker', filter: 'genre = drama', facets: ['genre'] },
      { q: 'jokerz', showRankingScoreDetails: true },
      // Several words: every candidate holds the first (rare) one.
      { q: 'joker gotham', showRankingScoreDetails: true },
      { q: 'joker rises', matchingStrategy: 'all', sort: ['price:asc'] },
      { q: 'joker and robin', limit: 3, filter: 'genre = drama', facets: ['genre'] },
    ];
    for (const query of queries) {
      const staged = searchBothWays(index, { ...query, showRankingScore: true });
      expect(staged.hits.length).toBeGreaterThan(0);
    }
    expect(searchBothWays(index, { q: 'joker' }).estimatedTotalHits).toBe(13);
  });

  it('counts split words before settling a page whose last hit already has a typo', () => {
    const index = indexWith(
      [
        { id: 1, title: 'robin batmen' },
        // Also one typo, as a split, but at position 0: it outranks document 1 on wordPosition.
        { id: 2, title: 'bat man' },
      ],
      { pagination: { maxTotalHits: 1 } },
    );
    // No facets and a count capped at 1: the page must still be ranked with the split counted.
    const query: SearchQuery = { q: 'batman', limit: 1, showRankingScoreDetails: true };
    expect(searchBothWays(index, query).hits.map((h) => h.id)).toEqual([2]);
  });
});
