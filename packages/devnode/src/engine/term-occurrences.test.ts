import fc from 'fast-check';
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

  it('match exactly the documents with the split words adjacent in one attribute, across writes', () => {
    // The joined words too: a document holding them outranks split matches, which are then only counted.
    const word = fc.constantFrom('bat', 'man', 'robin', 'hood', 'batman', 'robinhood');
    const separator = fc.constantFrom(' ', ', ', '. ');
    // An attribute: words joined by soft (" ", ", ") or hard (". ") separators.
    const text = fc
      .array(fc.tuple(word, separator), { maxLength: 6 })
      .map((parts) => parts.map(([w, sep], i) => (i === 0 ? w : `${sep}${w}`)).join(''));
    const put = fc.record({ id: fc.integer({ min: 0, max: 12 }), title: text, overview: text });
    // Replacing a document moves its postings to the end: occurrences must still come out in id order.
    const ops = fc.array(fc.oneof(put, fc.record({ id: fc.integer({ min: 0, max: 12 }) })), {
      minLength: 1,
      maxLength: 30,
    });
    const matches = (value: string, left: string, right: string): boolean =>
      value.split('. ').some((segment) => {
        const words = segment.split(/,? /);
        return words.some((w, i) => w === left + right || (w === left && words[i + 1] === right));
      });
    fc.assert(
      fc.property(ops, (writes) => {
        const index = createSearchIndex({ uid: 'splits', primaryKey: 'id' });
        const live = new Map<number, { title: string; overview: string }>();
        for (const op of writes) {
          if ('title' in op) {
            index.addDocuments([op], { mode: 'replace' });
            live.set(op.id, op);
          } else {
            index.deleteDocuments([op.id]);
            live.delete(op.id);
          }
          for (const [q, left, right] of [
            ['batman', 'bat', 'man'],
            ['robinhood', 'robin', 'hood'],
          ] as const) {
            const expected = [...live]
              .filter(([, d]) => matches(d.title, left, right) || matches(d.overview, left, right))
              .map(([id]) => id)
              .sort((a, b) => a - b);
            const found = index
              .search({ q, limit: 20 })
              .hits.map((h) => h.id as number)
              .sort((a, b) => a - b);
            expect(found).toEqual(expected);
            // With a one-hit page the others are only counted: the count must not include near misses.
            expect(index.search({ q, limit: 1 }).estimatedTotalHits).toBe(expected.length);
          }
        }
      }),
      { numRuns: Number(process.env.FC_NUM_RUNS ?? 250), seed: 20261130 },
    );
  });
});
