import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSearchIndex } from './create-search-index.js';
import type { SearchQuery } from './engine-contract.js';
import { poisonScratchDuringTests } from './scratch-poisoning.test-support.js';

const WORDS = ['batman', 'robin', 'joker', 'gotham', 'dark'];

describe('facets over the documents matching any of several queries', () => {
  poisonScratchDuringTests();

  it('counts every document some query matches once, like a model', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            title: fc
              .array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 })
              .map((w) => w.join(' ')),
            genre: fc.constantFrom('action', 'drama', 'crime'),
            year: fc.integer({ min: 1990, max: 1994 }),
          }),
          { minLength: 1, maxLength: 80 },
        ),
        fc.array(
          fc.record({
            q: fc.constantFrom('batman', 'robin joker', 'gothm', 'dark', ''),
            filter: fc.constantFrom(undefined, 'year > 1991'),
          }),
          { minLength: 1, maxLength: 3 },
        ),
        (docs, queries) => {
          const index = createSearchIndex({ uid: 'union', primaryKey: 'id' });
          index.updateSettings({ filterableAttributes: ['genre', 'year'] });
          index.addDocuments(
            docs.map((d, id) => ({ id, ...d })),
            { mode: 'replace' },
          );
          const searches: SearchQuery[] = queries.map((q) => ({ ...q, limit: 5 }));
          // Model: every match of every query (full lists), each document once.
          const matched = new Map<number, { genre: string; year: number }>();
          for (const query of searches) {
            for (const hit of index.search({ ...query, limit: 1000 }).hits)
              matched.set(hit.id as number, hit as unknown as { genre: string; year: number });
          }
          const genre: Record<string, number> = {};
          const year: Record<string, number> = {};
          for (const doc of matched.values()) {
            genre[doc.genre] = (genre[doc.genre] ?? 0) + 1;
            year[String(doc.year)] = (year[String(doc.year)] ?? 0) + 1;
          }
          const years = [...matched.values()].map((d) => d.year);
          const result = index.facetsOfAnyMatch(searches, ['genre', 'year']);
          expect(result.facetDistribution).toEqual(
            matched.size === 0 ? { genre: {}, year: {} } : { genre, year },
          );
          expect(result.facetStats).toEqual(
            matched.size === 0 ? {} : { year: { min: Math.min(...years), max: Math.max(...years) } },
          );
        },
      ),
      { numRuns: 150, seed: 20261203 },
    );
  });
});
