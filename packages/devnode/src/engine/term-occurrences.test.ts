import { describe, expect, it } from 'vitest';
import { createSearchIndex } from './create-search-index.js';

describe('split-word sequences', () => {
  it('find documents holding the split, also after a write', () => {
    const index = createSearchIndex({ uid: 'split', primaryKey: 'id' });
    index.addDocuments(
      [
        { id: 1, title: 'the bat man returns' },
        { id: 2, title: 'man bat' },
        { id: 3, title: 'bat and man' },
      ],
      { mode: 'replace' },
    );
    // "batman" matches the adjacent split "bat man" (one typo), never the words apart or reversed.
    expect(index.search({ q: 'batman' }).hits.map((h) => h.id)).toEqual([1]);
    index.addDocuments([{ id: 4, title: 'bat man' }], { mode: 'replace' });
    expect(
      index
        .search({ q: 'batman' })
        .hits.map((h) => h.id)
        .sort(),
    ).toEqual([1, 4]);
    // Across attributes the words are not adjacent.
    index.addDocuments([{ id: 5, title: 'bat', overview: 'man' }], { mode: 'replace' });
    expect(index.search({ q: 'batman' }).estimatedTotalHits).toBe(2);
  });
});
