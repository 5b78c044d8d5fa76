import { MeiliError } from '@miroir/errors';
import { describe, expect, it } from 'vitest';
import { createSearchIndex } from './create-search-index.js';

function vectorIndex() {
  const index = createSearchIndex({ uid: 'v' });
  index.updateSettings({
    embedders: { e: { source: 'userProvided', dimensions: 2 } },
    filterableAttributes: ['k'],
  });
  index.addDocuments(
    [
      { id: 1, title: 'red apple', k: 1, _vectors: { e: [1, 0] } },
      { id: 2, title: 'green apple', k: 2, _vectors: { e: { embeddings: [[0, 1]], regenerate: false } } },
      {
        id: 3,
        title: 'banana',
        k: 1,
        _vectors: {
          e: [
            [0.6, 0.8],
            [-1, 0],
          ],
        },
      },
      { id: 4, title: 'apple pie', k: 2 },
    ],
    { mode: 'replace' },
  );
  return index;
}

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof MeiliError) return e.code;
    throw e;
  }
  return 'no error';
}

describe('vector search', () => {
  it('ranks by similarity with semanticRatio 1', () => {
    const res = vectorIndex().search({
      vector: [1, 0],
      hybrid: { embedder: 'e', semanticRatio: 1 },
      showRankingScore: true,
      showRankingScoreDetails: true,
    });
    expect(res.hits.map((h) => h.id)).toEqual([1, 3, 2]);
    expect(res.hits[0]?._rankingScore).toBe(1);
    expect(res.hits[2]?._rankingScore).toBe(0.5);
    expect(res.hits[0]?._rankingScoreDetails).toEqual({ vectorSort: { order: 0, similarity: 1 } });
    expect(res.semanticHitCount).toBe(3);
  });

  it('applies filters and returns vectors on request', () => {
    const res = vectorIndex().search({
      vector: [1, 0],
      hybrid: { embedder: 'e', semanticRatio: 1 },
      filter: 'k = 2',
      retrieveVectors: true,
    });
    expect(res.hits).toEqual([
      { id: 2, title: 'green apple', k: 2, _vectors: { e: { embeddings: [[0, 1]], regenerate: false } } },
    ]);
  });

  it('merges keyword and semantic results in hybrid mode', () => {
    const res = vectorIndex().search({
      q: 'pie',
      vector: [0, 1],
      hybrid: { embedder: 'e', semanticRatio: 0.5 },
    });
    expect(res.hits.map((h) => h.id)).toContain(4);
    expect(res.hits.map((h) => h.id)).toContain(2);
    expect(res.semanticHitCount).toBeGreaterThan(0);
  });

  it('keeps the keyword order (custom rules) inside a hybrid merge', () => {
    const index = createSearchIndex({
      uid: 'h',
      primaryKey: 'id',
      settings: {
        rankingRules: ['words', 'price:desc'],
        sortableAttributes: ['price'],
        embedders: { default: { source: 'userProvided', dimensions: 2 } },
      },
    });
    index.addDocuments(
      [
        { id: 1, title: 'apple', price: 1 },
        { id: 2, title: 'apple', price: 9 },
        { id: 3, title: 'pear', price: 5, _vectors: { default: [1, 1] } },
      ],
      { mode: 'replace' },
    );
    const ids = (ratio: number) =>
      index
        .search({ q: 'apple', vector: [1, 1], hybrid: { embedder: 'default', semanticRatio: ratio } })
        .hits.map((h) => h.id);
    expect(index.search({ q: 'apple' }).hits.map((h) => h.id)).toEqual([2, 1]);
    // Keyword hits (score 1 × 0.75) outrank the semantic one (1 × 0.25) and keep `price:desc` order.
    expect(ids(0.25)).toEqual([2, 1, 3]);
    // Semantic hit first (1 × 0.75 ≥ 1 × 0.25), then the keyword list in its own order.
    expect(ids(0.75)).toEqual([3, 2, 1]);
  });

  it('hides _vectors by default and validates embedders and dimensions', () => {
    const index = vectorIndex();
    expect(index.search({ q: 'banana' }).hits).toEqual([{ id: 3, title: 'banana', k: 1 }]);
    expect(code(() => index.search({ vector: [1, 0], hybrid: { embedder: 'nope' } }))).toBe(
      'invalid_search_embedder',
    );
    expect(code(() => index.search({ vector: [1, 0, 0], hybrid: { embedder: 'e' } }))).toBe(
      'invalid_vector_dimensions',
    );
    expect(code(() => index.addDocuments([{ id: 9, _vectors: { e: [1] } }], { mode: 'replace' }))).toBe(
      'invalid_vector_dimensions',
    );
  });
});

describe('facet search', () => {
  it('searches facet values among matching documents', () => {
    const index = createSearchIndex({ uid: 'f' });
    index.updateSettings({ filterableAttributes: ['genre'] });
    index.addDocuments(
      [
        { id: 1, title: 'a', genre: ['Action', 'Adventure'] },
        { id: 2, title: 'b', genre: 'action' },
        { id: 3, title: 'c', genre: 'Drama' },
      ],
      { mode: 'replace' },
    );
    expect(index.facetSearch({ facetName: 'genre', facetQuery: 'a' }).facetHits).toEqual([
      { value: 'Action', count: 2 },
      { value: 'Adventure', count: 1 },
    ]);
    expect(index.facetSearch({ facetName: 'genre', facetQuery: 'acton' }).facetHits).toEqual([
      { value: 'Action', count: 2 },
    ]);
    expect(index.facetSearch({ facetName: 'genre', q: 'c' }).facetHits).toEqual([
      { value: 'Drama', count: 1 },
    ]);
    expect(code(() => index.facetSearch({ facetName: 'title' }))).toBe('invalid_facet_search_facet_name');
    index.updateSettings({ facetSearch: false });
    expect(code(() => index.facetSearch({ facetName: 'genre' }))).toBe('facet_search_disabled');
  });
});

describe('embedder settings changes', () => {
  it('picks up vectors added before the embedder was configured and drops removed embedders', () => {
    const index = createSearchIndex({ uid: 'late' });
    index.addDocuments([{ id: 1, _vectors: { late: [1, 0] } }], { mode: 'replace' });
    index.updateSettings({ embedders: { late: { source: 'userProvided', dimensions: 2 } } });
    expect(index.search({ vector: [1, 0], hybrid: { embedder: 'late', semanticRatio: 1 } }).hits).toEqual([
      { id: 1 },
    ]);
    expect(index.stats().numberOfEmbeddings).toBe(1);
    index.updateSettings({ embedders: null });
    expect(index.stats().numberOfEmbeddings).toBe(0);
  });
});
