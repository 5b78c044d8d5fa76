import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSearchIndex } from './create-search-index.js';
import { poisonScratchDuringTests } from './scratch-poisoning.test-support.js';

const WORDS = ['batman', 'batmen', 'robin', 'joker', 'gotham', 'bat', 'man'];

describe('one-word ranking from postings', () => {
  poisonScratchDuringTests();

  it('pages and counts up to maxTotalHits like full scoring, wherever the best matches sit', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 }), {
          minLength: 1,
          maxLength: 120,
        }),
        fc.constantFrom('batman', 'bat', 'robin', 'gothm', 'jok'),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 4 }),
        (titles, q, maxTotalHits, offset, limit) => {
          const index = createSearchIndex({
            uid: 'one-word',
            primaryKey: 'id',
            settings: { pagination: { maxTotalHits } },
          });
          // The best matches (the word alone) come last by internal id: past any count already reached.
          const docs = titles.map((words, id) => ({ id, title: words.join(' ') }));
          index.addDocuments([...docs, { id: 1000, title: q }, { id: 1001, title: q }], { mode: 'replace' });
          const query = { q, offset, limit, showRankingScore: true };
          // A threshold of 0 scores every match: the reference.
          const reference = index.search({ ...query, rankingScoreThreshold: 0 });
          const staged = index.search(query);
          expect(staged.hits).toEqual(reference.hits);
          expect(staged.estimatedTotalHits).toBe(reference.estimatedTotalHits);
        },
      ),
      { numRuns: 300, seed: 20261203 },
    );
  });
});
