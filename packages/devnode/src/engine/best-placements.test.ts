import { describe, expect, it } from 'vitest';
import { createSearchIndex } from './create-search-index.js';
import { poisonScratchArrays } from './scratch-arrays.js';

const LETTERS = 'abcdefghij';

describe('cached term placements', () => {
  it('are recomputed after a write', () => {
    const index = createSearchIndex({ uid: 'prefix', primaryKey: 'id' });
    // 21,000 documents × 10 distinct words starting with "q": past the caching threshold of postings.
    const docs = Array.from({ length: 21_000 }, (_, id) => ({
      id,
      title: [...LETTERS].map((l, i) => `q${l}${LETTERS[(id + i) % 10]}`).join(' '),
    }));
    index.addDocuments(docs, { mode: 'replace' });
    const query = { q: 'q', limit: 3, showRankingScoreDetails: true };
    const before = index.search(query);
    expect(before.estimatedTotalHits).toBe(1000);
    // The new document holds the query's prefix alone as a whole attribute: it now ranks first.
    index.addDocuments([{ id: 'new', title: 'q' }], { mode: 'replace' });
    const after = index.search(query);
    expect(after.hits[0]?.id).toBe('new');
    const full = index.search({ ...query, rankingScoreThreshold: 0 });
    expect({ ...after, processingTimeMs: 0 }).toEqual({ ...full, processingTimeMs: 0 });
  });

  it('are not shared between a term and the same term with n-gram words added', () => {
    const index = createSearchIndex({ uid: 'ngram', primaryKey: 'id' });
    const docs: { id: number | string; title: string }[] = Array.from({ length: 21_000 }, (_, id) => ({
      id,
      title: [...LETTERS].map((l, i) => `q${l}${LETTERS[(id + i) % 10]}`).join(' '),
    }));
    // "xq" is the concatenation of the query words "x" and "q": an n-gram match of both terms.
    docs.push({ id: 'ngram', title: 'xq' }, { id: 'x-only', title: 'x' });
    index.addDocuments(docs, { mode: 'replace' });
    // Cache the placements of the prefix "q" alone, then search with "x" before it.
    index.search({ q: 'q', limit: 1 });
    const query = { q: 'x q', limit: 2, showRankingScoreDetails: true };
    const staged = index.search(query);
    expect(staged.hits.map((h) => h.id)).toContain('ngram');
    const full = index.search({ ...query, rankingScoreThreshold: 0 });
    expect({ ...staged, processingTimeMs: 0 }).toEqual({ ...full, processingTimeMs: 0 });
  });

  it('outlive the search that computed them (they are not cut from reused scratch arrays)', () => {
    const index = createSearchIndex({ uid: 'kept', primaryKey: 'id' });
    const docs = Array.from({ length: 21_000 }, (_, id) => ({
      id,
      title: [...LETTERS].map((l, i) => `q${l}${LETTERS[(id * 7 + i) % 10]}`).join(' '),
      overview: id % 3 === 0 ? 'robin' : 'gotham',
    }));
    index.addDocuments(docs, { mode: 'replace' });
    const query = { q: 'q', limit: 5, showRankingScoreDetails: true };
    poisonScratchArrays(true);
    try {
      // Scratch arrays are junked as each search ends, and others reuse them: the cached term must not change.
      const first = { ...index.search(query), processingTimeMs: 0 };
      const full = index.search({ ...query, rankingScoreThreshold: 0 });
      expect(first).toEqual({ ...full, processingTimeMs: 0 });
      // Each round's junk differs (a typo count of 1 would send the search down an exact fallback).
      for (let round = 0; round < 3; round++) {
        for (const q of ['robin', 'gotham robin', 'qb', 'qc gotham']) index.search({ q });
        expect({ ...index.search(query), processingTimeMs: 0 }).toEqual(first);
      }
    } finally {
      poisonScratchArrays(false);
    }
  });
});
