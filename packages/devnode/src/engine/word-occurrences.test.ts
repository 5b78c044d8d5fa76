import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from './default-settings.js';
import {
  buildStoredDocument,
  compactStalePostings,
  createIndexState,
  dropDocument,
  type IndexState,
  indexWords,
  storeDocument,
  unindexWords,
} from './index-state.js';
import { globalTokenStarts, hasWordOccurrences, wordOccurrences } from './word-occurrences.js';

const WORDS = ['bat', 'man', 'robin', 'hood'];
const textArb = fc
  .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(' ', ', ', '. ')), { maxLength: 7 })
  .map((parts) => parts.map(([word, separator]) => word + separator).join(''));
const writeArb = fc.record({
  id: fc.nat({ max: 80 }),
  doc: fc.option(fc.record({ title: textArb, overview: textArb }), { nil: null }),
});

/** Store (or drop, with null) a document the way the engine does, postings included. */
function write(state: IndexState, id: number, doc: Record<string, string> | null): void {
  const previous = state.documents.get(id);
  if (previous !== undefined) unindexWords(state, previous);
  if (doc === null) {
    dropDocument(state, id);
  } else {
    state.nextInternalId = Math.max(state.nextInternalId, id + 1);
    const stored = buildStoredDocument(state, id, String(id), doc, new Map());
    storeDocument(state, stored);
    indexWords(state, stored);
  }
  state.revision++;
}

describe('word occurrence lists across writes', () => {
  // Lists kept from an earlier revision are patched (a few rewritten documents) or gathered again (many):
  // both must equal the lists of an index holding only the live documents under the same ids.
  it('equal the lists of a fresh index after every write, with the same token numbering', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(writeArb, { maxLength: 40, size: 'max' }), { minLength: 1, maxLength: 6 }),
        fc.subarray(WORDS, { minLength: 1 }),
        (rounds, listed) => {
          const state = createIndexState(defaultSettings());
          const live = new Map<number, Record<string, string>>();
          for (const round of rounds) {
            for (const { id, doc } of round) {
              write(state, id, doc);
              if (doc === null) live.delete(id);
              else live.set(id, doc);
            }
            compactStalePostings(state);
            const fresh = createIndexState(defaultSettings());
            for (const [id, doc] of [...live].sort(([x], [y]) => x - y)) write(fresh, id, doc);
            fresh.nextInternalId = state.nextInternalId;
            fresh.revision++;
            expect(globalTokenStarts(state)).toEqual(globalTokenStarts(fresh));
            for (const word of listed) {
              const id = state.words.lookup(word);
              const freshId = fresh.words.lookup(word);
              const expected = freshId < 0 ? [] : [...wordOccurrences(fresh, freshId)];
              expect(id < 0 ? [] : [...wordOccurrences(state, id)]).toEqual(expected);
            }
          }
        },
      ),
      { numRuns: 250, seed: 20261203 },
    );
  });

  it('drops lists left behind by more than a few numberings, and the snapshots they hold', () => {
    const state = createIndexState(defaultSettings());
    write(state, 0, { title: 'bat man', overview: 'robin hood' });
    const bat = state.words.lookup('bat');
    const robin = state.words.lookup('robin');
    wordOccurrences(state, bat);
    for (let round = 1; round <= 16; round++) {
      write(state, round, { title: 'robin', overview: 'hood' });
      compactStalePostings(state);
      wordOccurrences(state, robin);
      // Built for the first numbering: kept while it is among the last sixteen.
      expect(hasWordOccurrences(state, bat)).toBe(round < 16);
    }
    expect(hasWordOccurrences(state, robin)).toBe(true);
  });
});
