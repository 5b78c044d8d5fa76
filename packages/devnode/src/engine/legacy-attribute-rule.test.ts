import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSearchIndex } from './create-search-index.js';
import type { SearchHit } from './engine-contract.js';

// The legacy `attribute` rule ranks like `attributeRank` then `wordPosition` (its score folds those two
// ranks in that order), so the engine runs it as those two rules and reports them as one detail.

const WORDS = ['dune', 'sand', 'worm', 'spice', 'arrakis', 'duncan'];
const textArb = fc.array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: 8 }).map((w) => w.join(' '));
const docsArb = fc.array(
  fc.record({ title: textArb, overview: textArb, year: fc.integer({ min: 1960, max: 1970 }) }),
  {
    minLength: 1,
    maxLength: 30,
  },
);
const queryArb = fc.record({
  q: fc.array(fc.constantFrom(...WORDS, 'du', 'spi'), { minLength: 1, maxLength: 3 }).map((w) => w.join(' ')),
  limit: fc.integer({ min: 1, max: 10 }),
  sort: fc.constantFrom<string[] | undefined>(undefined, ['year:asc']),
});

function rankingOf(rules: string[], docs: Array<Record<string, unknown>>) {
  const index = createSearchIndex({
    uid: 'movies',
    primaryKey: 'id',
    settings: {
      rankingRules: rules,
      searchableAttributes: ['title', 'overview'],
      sortableAttributes: ['year'],
    },
  });
  index.addDocuments(
    docs.map((doc, id) => ({ id, ...doc })),
    { mode: 'replace' },
  );
  return index;
}

const hitIds = (hits: SearchHit[]) => hits.map((hit) => [hit.id, hit._rankingScore]);

describe('the legacy attribute ranking rule', () => {
  it('ranks and scores like attributeRank then wordPosition, detailed as one rule', () => {
    fc.assert(
      fc.property(docsArb, queryArb, (docs, query) => {
        const legacy = rankingOf(['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness'], docs);
        const split = rankingOf(
          ['words', 'typo', 'proximity', 'attributeRank', 'wordPosition', 'sort', 'exactness'],
          docs,
        );
        const search = { ...query, showRankingScore: true, showRankingScoreDetails: true };
        const a = legacy.search(search);
        const b = split.search(search);
        expect(hitIds(a.hits)).toEqual(hitIds(b.hits));
        expect(a.estimatedTotalHits).toBe(b.estimatedTotalHits);
        for (const [i, hit] of a.hits.entries()) {
          const details = hit._rankingScoreDetails as Record<string, Record<string, number>>;
          const other = b.hits[i]?._rankingScoreDetails as Record<string, Record<string, number>>;
          const sorted = query.sort === undefined ? [] : ['year:asc'];
          expect(Object.keys(details)).toEqual([
            'words',
            'typo',
            'proximity',
            'attribute',
            ...sorted,
            'exactness',
          ]);
          expect(details.attribute).toEqual({
            order: 3,
            attributeRankingOrderScore: other.attributeRank?.score,
            queryWordDistanceScore: other.wordPosition?.score,
            score: expect.any(Number),
          });
          expect(details.exactness?.order).toBe(4 + sorted.length);
        }
      }),
      { numRuns: 150 },
    );
  });
});
