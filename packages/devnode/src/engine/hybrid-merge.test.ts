import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSearchIndex } from './create-search-index.js';
import type { SearchQuery } from './engine-contract.js';
import { poisonScratchDuringTests } from './scratch-poisoning.test-support.js';

const NUM_RUNS = Number(process.env.FC_NUM_RUNS ?? 150);

// Small integer components: many documents tie on similarity, so the id tie-break is exercised.
const componentArb = fc.integer({ min: -2, max: 2 });
const vectorArb = fc.tuple(componentArb, componentArb);
const docArb = fc.record({
  title: fc.constantFrom('red apple', 'green apple', 'apple pie', 'banana', 'pear tart', ''),
  genre: fc.constantFrom('fruit', 'dessert'),
  price: fc.integer({ min: 0, max: 5 }),
  // No vector, one, or two (a document's similarity is its best vector's).
  vectors: fc.array(vectorArb, { maxLength: 2 }) as fc.Arbitrary<[number, number][]>,
});
const queryArb = fc.record({
  q: fc.constantFrom('', 'apple', 'apple pie', 'tart', 'nothing'),
  vector: vectorArb,
  semanticRatio: fc.constantFrom(0, 0.3, 0.5, 0.7, 1),
  offset: fc.integer({ min: 0, max: 4 }),
  limit: fc.integer({ min: 0, max: 5 }),
  filter: fc.constantFrom(undefined, 'genre = fruit'),
  facets: fc.constantFrom(undefined, ['genre']) as fc.Arbitrary<string[] | undefined>,
  distinct: fc.constantFrom(undefined, 'price'),
  sort: fc.constantFrom(undefined, ['price:desc']) as fc.Arbitrary<string[] | undefined>,
  threshold: fc.constantFrom(undefined, undefined, 0.6),
});

/** Meilisearch's similarity: the cosine mapped to [0, 1], 0 for a zero vector. */
function similarity(a: readonly number[], b: readonly number[]): number {
  const dot = a.reduce((sum, x, i) => sum + x * (b[i] as number), 0);
  const norms = a.reduce((sum, x) => sum + x * x, 0) * b.reduce((sum, x) => sum + x * x, 0);
  return norms === 0 ? 0 : Math.min(1, Math.max(0, (1 + dot / Math.sqrt(norms)) / 2));
}

describe('hybrid and vector search', () => {
  poisonScratchDuringTests();

  it('pages and counts like a model merge of both sides ranked in full', () => {
    fc.assert(
      fc.property(fc.array(docArb, { minLength: 5, maxLength: 60 }), queryArb, (docs, query) => {
        const index = createSearchIndex({
          uid: 'hybrid',
          primaryKey: 'id',
          settings: {
            filterableAttributes: ['genre', 'price'],
            sortableAttributes: ['price'],
            embedders: { e: { source: 'userProvided', dimensions: 2 } },
          },
        });
        index.addDocuments(
          docs.map(({ vectors, ...d }, id) => ({
            id,
            ...d,
            ...(vectors.length > 0 ? { _vectors: { e: vectors } } : {}),
          })),
          { mode: 'replace' },
        );
        const { semanticRatio, vector, threshold, ...rest } = query;
        const search: SearchQuery = {
          ...rest,
          vector,
          hybrid: { embedder: 'e', semanticRatio },
          showRankingScore: true,
          ...(threshold === undefined ? {} : { rankingScoreThreshold: threshold }),
        };
        const result = index.search(search);
        // A threshold of 0 keeps every hit of both sides but needs every keyword score: the full path.
        const full = index.search({ ...search, rankingScoreThreshold: threshold ?? 0 });
        expect({ ...result, processingTimeMs: 0 }).toEqual({ ...full, processingTimeMs: 0 });
        const passes = (i: number): boolean => query.filter === undefined || docs[i]?.genre === 'fruit';
        const semantic = docs.flatMap((d, id) => (d.vectors.length > 0 && passes(id) ? [id] : []));
        if (query.distinct !== undefined) return;
        const best = (id: number) => Math.max(...(docs[id]?.vectors ?? []).map((v) => similarity(vector, v)));
        // Best vector's similarity first, then insertion (internal id) order.
        const semanticRanked = semantic
          .filter((id) => threshold === undefined || best(id) >= threshold)
          .sort((a, b) => best(b) - best(a) || a - b);
        const end = (query.offset ?? 0) + (query.limit ?? 20);
        if (semanticRatio === 1) {
          expect(result.hits.map((h) => h.id)).toEqual(semanticRanked.slice(query.offset, end));
          return;
        }
        if (threshold !== undefined) return;
        // The merge by weighted score, each list in its own order, a document at its first place.
        const keyword = index
          .search({ q: query.q, filter: query.filter, sort: query.sort, limit: 1000, showRankingScore: true })
          .hits.map((h) => ({ id: h.id as number, score: h._rankingScore as number }));
        const merged: number[] = [];
        let k = 0;
        let v = 0;
        while (k < keyword.length || v < semanticRanked.length) {
          const semanticId = semanticRanked[v];
          const keywordHit = keyword[k];
          const takeSemantic =
            semanticId !== undefined &&
            (keywordHit === undefined ||
              best(semanticId) * semanticRatio >= keywordHit.score * (1 - semanticRatio));
          const id = takeSemantic ? (semanticId as number) : (keywordHit?.id as number);
          if (takeSemantic) v++;
          else k++;
          if (!merged.includes(id)) merged.push(id);
        }
        expect(result.hits.map((h) => h.id)).toEqual(merged.slice(query.offset, end));
        expect(result.estimatedTotalHits).toBe(merged.length);
      }),
      { numRuns: NUM_RUNS, seed: 20261203 },
    );
  });
});
