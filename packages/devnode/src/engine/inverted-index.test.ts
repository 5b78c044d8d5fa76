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

describe('inverted index compaction', () => {
  // Documents re-indexed and removed in any order: compaction must leave exactly the postings a model
  // keeps (each stale record drops that document's oldest entry), whether a word has a few stale
  // postings (dropped one by one) or many (dropped in one pass).
  it('drops exactly the oldest entry per stale record, in few and in bulk', () => {
    const step = fc.record({
      doc: fc.integer({ min: 0, max: 12 }),
      word: fc.integer({ min: 0, max: 2 }),
      reindex: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(fc.array(step, { maxLength: 90, size: 'max' }), { minLength: 1, maxLength: 4 }),
        (rounds) => {
          const index = createInvertedIndex();
          const words = ['alpha', 'beta', 'gamma'].map((w) => index.intern(w));
          // Per word, the postings in order: [doc, firstToken].
          const model = words.map(() => [] as [number, number][]);
          let token = 0;
          for (const round of rounds) {
            for (const { doc, word, reindex } of round) {
              const wordId = words[word] as number;
              const list = model[word] as [number, number][];
              const held = list.some(([d]) => d === doc);
              if (held) {
                index.remove(wordId, doc);
                list.splice(
                  list.findIndex(([d]) => d === doc),
                  1,
                );
              }
              if (reindex || !held) {
                index.add(wordId, doc, ++token, token * 2, 1);
                list.push([doc, token]);
              }
            }
            index.compactStale();
            words.forEach((wordId, w) => {
              const list = model[w] as [number, number][];
              expect([...index.postings(wordId)]).toEqual(list.map(([d]) => d));
              expect([...index.firstTokens(wordId)]).toEqual(list.map(([, t]) => t));
              expect([...index.summaries(wordId)]).toEqual(list.map(([, t]) => t * 2));
            });
          }
        },
      ),
      { numRuns: 300, seed: 20261203 },
    );
  });
});
