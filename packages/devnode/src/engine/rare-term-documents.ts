import type { IndexState } from './index-state.js';
import { markedWords, type TermMatcher } from './match-terms.js';
import { scratchInt32 } from './scratch-arrays.js';
import { postingCount } from './term-occurrences.js';

// A term whose postings number under 1/16 of the documents: listing its documents costs less than a pass
// over all of them.
const RARE_SHARE = 16;

/**
 * The documents holding a rare term's words, ascending and once each (in scratch memory), or null when the
 * term is not rare (visiting every document is then cheaper than listing them).
 *
 * @example
 * ```ts
 * const listed = rareTermDocuments(state, matcher); // e.g. Int32Array [3, 97, 412]
 * ```
 */
export function rareTermDocuments(state: IndexState, matcher: TermMatcher): Int32Array | null {
  const words = markedWords(matcher);
  const total = postingCount(state, words);
  if (total * RARE_SHARE >= state.nextInternalId) return null;
  const ids = scratchInt32(total);
  let at = 0;
  for (const wordId of words) {
    const docs = state.words.postings(wordId);
    ids.set(docs, at);
    at += docs.length;
  }
  ids.sort();
  let unique = 0;
  for (let k = 0; k < total; k++) {
    const docId = ids[k] as number;
    if (unique === 0 || docId !== ids[unique - 1]) ids[unique++] = docId;
  }
  return ids.subarray(0, unique);
}
