import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSearchIndex } from './create-search-index.js';
import type { SearchQuery } from './engine-contract.js';
import { poisonScratchDuringTests } from './scratch-poisoning.test-support.js';

const NUM_RUNS = Number(process.env.FC_NUM_RUNS ?? 150);
const VOCAB = ['batman', 'joker', 'dark', 'knight', 'robin', 'gotham', 'bat', 'man', 'batmen'];

const textArb = fc.array(fc.constantFrom(...VOCAB), { maxLength: 6 }).map((w) => w.join(' '));
const docArb = fc.record({ title: textArb, overview: textArb, genre: fc.constantFrom('action', 'drama') });

/** Whether `text` holds `words` in sequence (the model of a negation: exact words, no typo or prefix). */
function holds(text: string, words: readonly string[]): boolean {
  const tokens = text.split(' ');
  return tokens.some((_, i) => words.every((w, k) => tokens[i + k] === w));
}

describe('negated words and phrases', () => {
  poisonScratchDuringTests();

  it('rank like the same search filtered to the documents without them, also after rewrites', () => {
    fc.assert(
      fc.property(
        fc.array(docArb, { minLength: 5, maxLength: 40 }),
        fc.array(fc.record({ id: fc.integer({ min: 0, max: 39 }), doc: docArb }), { maxLength: 8 }),
        fc.record({
          positive: fc.constantFrom('', 'batman', 'dark knight', 'bat', 'robin jokr'),
          negated: fc.constantFrom(['joker'], ['bat'], ['dark', 'knight'], ['gotham'], ['nowhere']),
          sort: fc.constantFrom(undefined, ['genre:asc']) as fc.Arbitrary<string[] | undefined>,
          filter: fc.constantFrom(undefined, 'genre = drama') as fc.Arbitrary<string | undefined>,
          limit: fc.integer({ min: 1, max: 5 }),
        }),
        (docs, rewrites, { positive, negated, sort, filter, limit }) => {
          const index = createSearchIndex({
            uid: 'negated',
            primaryKey: 'id',
            settings: { filterableAttributes: ['id', 'genre'], sortableAttributes: ['genre'] },
          });
          const live = new Map(docs.map((doc, id) => [id, { id, ...doc }]));
          index.addDocuments([...live.values()], { mode: 'replace' });
          // A search between writes compacts postings; the rewrites after it leave stale ones to compact.
          index.search({ q: 'batman' });
          for (const { id, doc } of rewrites) live.set(id, { id, ...doc });
          index.addDocuments(
            rewrites.map(({ id, doc }) => ({ id, ...doc })),
            { mode: 'replace' },
          );
          const excluded = [...live.values()]
            .filter((d) => holds(d.title, negated) || holds(d.overview, negated))
            .map((d) => d.id);
          // Written last (a term after a negation moves one query position further). A closing quote ends
          // the query with a separator: the positive query's last word is then no prefix either.
          const written = negated.length === 1 ? `-${negated[0]}` : `-"${negated.join(' ')}"`;
          const base: SearchQuery = { sort, limit, showRankingScoreDetails: true };
          const withNegation = index.search({ ...base, q: `${positive} ${written}`, filter });
          const clauses = [filter, excluded.length > 0 ? `id NOT IN [${excluded.join(', ')}]` : undefined];
          const byFilter = index.search({
            ...base,
            q: negated.length === 1 ? positive : `${positive} `,
            filter: clauses.filter((c) => c !== undefined).join(' AND ') || undefined,
          });
          const strip = (r: typeof byFilter) => ({ ...r, query: '', processingTimeMs: 0 });
          expect(strip(withNegation)).toEqual(strip(byFilter));
          // The full scoring path (a threshold of 0 needs every score) agrees.
          const full = index.search({
            ...base,
            q: `${positive} ${written}`,
            filter,
            rankingScoreThreshold: 0,
          });
          expect(strip(full)).toEqual(strip(withNegation));
        },
      ),
      { numRuns: NUM_RUNS, seed: 20261203 },
    );
  });
});
