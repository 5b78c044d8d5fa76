import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createInvertedIndex } from './inverted-index.js';

describe('inverted index vocabulary', () => {
  it('finds words by prefix and by typo as words are interned between lookups', () => {
    const wordArb = fc.stringMatching(/^[a-d]{1,5}$/);
    fc.assert(
      fc.property(
        fc.array(fc.array(wordArb, { maxLength: 12 }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.stringMatching(/^[a-d]{0,3}$/), { minLength: 1, maxLength: 4 }),
        (batches, prefixes) => {
          const index = createInvertedIndex();
          const known = new Set<string>();
          for (const batch of batches) {
            for (const word of batch) {
              index.intern(word);
              known.add(word);
            }
            for (const prefix of prefixes) {
              const found = index.wordsWithPrefix(prefix).map((id) => index.word(id));
              expect(found).toEqual([...known].filter((w) => w.startsWith(prefix)).sort());
              const near: string[] = [];
              index.visitTypoCandidates(prefix.length > 0 ? prefix : 'a', 1, false, 'same', (id) =>
                near.push(index.word(id)),
              );
              // Visited in word order: the sorted vocabulary is walked as an implicit trie.
              expect(near).toEqual([...near].sort());
            }
          }
        },
      ),
      { numRuns: 300, seed: 20261203 },
    );
  });
});
