import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSearchIndex } from './create-search-index.js';
import { poisonScratchDuringTests } from './scratch-poisoning.test-support.js';
import { normalizeWord } from './tokenize.js';

const NUM_RUNS = Number(process.env.FC_NUM_RUNS ?? 100);

const valueArb = fc.constantFrom('Action', 'action', 'Adventure', 'Drama', 'drama', 'Dräma', true, 3);
const docArb = fc.record({
  title: fc.constantFrom('batman', 'batman robin', 'joker', 'robin'),
  year: fc.integer({ min: 1990, max: 1995 }),
  genre: fc.option(fc.oneof(valueArb, fc.array(valueArb, { maxLength: 3 })), { nil: undefined }),
});

describe('facet search', () => {
  poisonScratchDuringTests();

  it('counts the values of the matching documents, spelled as their lowest-id holder spells them', () => {
    fc.assert(
      fc.property(
        fc.array(docArb, { minLength: 1, maxLength: 50 }),
        fc.record({
          q: fc.constantFrom(undefined, '', 'batman', 'robin', 'nothing'),
          facetQuery: fc.constantFrom(undefined, '', 'a', 'dr', 'tr'),
          filter: fc.constantFrom(undefined, 'year > 1992'),
        }),
        fc.integer({ min: 0, max: 5 }),
        (docs, query, deleted) => {
          const index = createSearchIndex({
            uid: 'facet-search',
            primaryKey: 'id',
            settings: { filterableAttributes: ['genre', 'year'] },
          });
          index.addDocuments(
            docs.map((d, id) => ({ id, ...d })),
            { mode: 'replace' },
          );
          // A first search builds the per-revision value table; the deletion must drop it.
          index.facetSearch({ facetName: 'genre' });
          index.deleteDocuments(docs.slice(0, deleted).map((_, id) => id));
          const matching = index
            .search({ q: query.q, filter: query.filter, limit: 1000 })
            .hits.map((h) => h.id as number)
            .sort((a, b) => a - b);
          const model = new Map<string, { value: string; count: number }>();
          for (const id of matching) {
            const seen = new Set<string>();
            for (const value of [docs[id]?.genre ?? []].flat()) {
              if (typeof value === 'number') continue;
              const key = normalizeWord(String(value));
              if (seen.has(key) || !key.startsWith(normalizeWord(query.facetQuery ?? ''))) continue;
              seen.add(key);
              const bucket = model.get(key);
              if (bucket === undefined) model.set(key, { value: String(value), count: 1 });
              else bucket.count++;
            }
          }
          const expected = [...model.entries()]
            .sort(([a], [b]) => (a < b ? -1 : 1))
            .map(([, bucket]) => bucket);
          expect(index.facetSearch({ facetName: 'genre', ...query }).facetHits).toEqual(expected);
        },
      ),
      { numRuns: NUM_RUNS, seed: 20261203 },
    );
  });

  it('spells a value as its lowest-id matching holder, not the first holder overall', () => {
    const index = createSearchIndex({
      uid: 'spelling',
      primaryKey: 'id',
      settings: { filterableAttributes: ['genre'] },
    });
    index.addDocuments(
      [
        { id: 0, title: 'joker', genre: 'Drama' },
        { id: 1, title: 'batman', genre: 'drama' },
        { id: 2, title: 'batman', genre: 'Drama' },
      ],
      { mode: 'replace' },
    );
    expect(index.facetSearch({ facetName: 'genre', q: 'batman' }).facetHits).toEqual([
      { value: 'drama', count: 2 },
    ]);
    expect(index.facetSearch({ facetName: 'genre' }).facetHits).toEqual([{ value: 'Drama', count: 3 }]);
  });
});
