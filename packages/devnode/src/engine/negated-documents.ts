import { liveDocuments } from './facet-index.js';
import type { IdFilter } from './id-filter.js';
import type { IndexState } from './index-state.js';
import { documentsWithSequence } from './match-terms.js';
import type { ParsedQuery } from './query-terms.js';
import { scratchUint8 } from './scratch-arrays.js';
import { markSequenceDocuments } from './term-occurrences.js';

/**
 * Per internal id, 1 when the document holds one of the query's negated words (`-word`, exactly) or
 * phrases (`-"two words"`); null when the query negates nothing. Once postings hold no stale entry, a
 * single word's documents are its postings and a phrase's come from joining its words' occurrences;
 * otherwise documents are scanned. The bitmap is a scratch array, valid for the current search only.
 *
 * @example
 * ```ts
 * negatedDocuments(state, parseQuery('batman -joker', state.settings)); // 1 for every document with "joker"
 * ```
 */
export function negatedDocuments(state: IndexState, query: ParsedQuery): Uint8Array | null {
  if (query.negativeWords.length === 0 && query.negativePhrases.length === 0) return null;
  const negated = scratchUint8(state.nextInternalId, 0);
  const sequences = [...query.negativeWords.map((word) => [word]), ...query.negativePhrases];
  for (const sequence of sequences) {
    const words = sequence.map((word) => state.words.lookup(word));
    // A word no document holds: neither does the sequence.
    if (words.some((id) => id < 0)) continue;
    if (state.staleCount !== 0) {
      for (const docId of documentsWithSequence(state, sequence)) negated[docId] = 1;
    } else if (words.length === 1) {
      for (const docId of state.words.postings(words[0] as number)) negated[docId] = 1;
    } else {
      markSequenceDocuments(state, { words, exact: true, typos: 0 }, negated);
    }
  }
  return negated;
}

/**
 * A filter that also rejects the negated documents (`allows` null: every document passes but those).
 *
 * @example
 * ```ts
 * const allows = withoutNegated(state, compileIdFilter(state, 'genre = drama'), negated);
 * ```
 */
export function withoutNegated(state: IndexState, allows: IdFilter | null, negated: Uint8Array): IdFilter {
  const live = liveDocuments(state);
  return {
    test: (id) => negated[id] !== 1 && (allows === null ? live[id] === 1 : allows.test(id)),
    bitmap(size) {
      // The filter's own bitmap may be cached: the result goes into a fresh scratch array.
      const passes = scratchUint8(size, 0);
      passes.set((allows === null ? live : allows.bitmap(size)).subarray(0, size));
      const documents = Math.min(size, state.nextInternalId);
      for (let id = 0; id < documents; id++)
        passes[id] = (passes[id] as number) & ((negated[id] as number) ^ 1);
      return passes;
    },
  };
}
