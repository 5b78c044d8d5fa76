import { countedSummaries, type Restriction } from './attribute-restriction.js';
import { maxAttributeWeight } from './field-paths.js';
import type { IndexState } from './index-state.js';
import { summaryMinPosition, summaryMinWeight } from './inverted-index.js';
import { markedWords, markTypos, type TermMatcher } from './match-terms.js';
import { perRevision, remember } from './revision-cache.js';
import { scratchInt32, scratchUint8, scratchUint16 } from './scratch-arrays.js';
import { postingCount } from './term-occurrences.js';

/** Typo count marking a term absent from a document, in every per-document typos array. */
export const ABSENT = 255;

/**
 * Per document: fewest typos of a term (255: absent), and the smallest position and attribute weight among
 * those words (weights: null when every attribute weighs the same).
 */
export interface Placements {
  readonly typos: Uint8Array;
  readonly positions: Int32Array;
  readonly weights: Uint16Array | null;
}

// Short prefixes expand to thousands of words whose postings are re-read by every keystroke of a
// search-as-you-type client: their placements are kept until the next write (like Meilisearch's prefix
// databases), for a bounded number of terms that are expensive to recompute. (Keeping more terms was
// measured slower: the retained arrays cost more than recomputing.)
const placementsOf = perRevision(() => new Map<string, Placements>());
const CACHED_TERMS = 32;
const CACHE_FROM_POSTINGS = 200_000;

/**
 * Placements from postings: in scratch arrays unless `kept` (cached past this search). Under a
 * restriction each posting's summary is recomputed over the occurrences that count.
 */
function computePlacements(
  state: IndexState,
  matcher: TermMatcher,
  bestOnly: boolean,
  kept: boolean,
  restriction: Restriction | null,
): Placements {
  const marks = matcher.marks as Int8Array;
  const size = state.nextInternalId;
  const typos = kept ? new Uint8Array(size).fill(ABSENT) : scratchUint8(size, ABSENT);
  const positions = kept ? new Int32Array(size).fill(0x7fffffff) : scratchInt32(size, 0x7fffffff);
  const weighted = maxAttributeWeight(state.settings.searchableAttributes) > 0;
  const weights = !weighted ? null : kept ? new Uint16Array(size).fill(0xffff) : scratchUint16(size, 0xffff);
  for (const wordId of markedWords(matcher)) {
    const wordTypos = markTypos(marks[wordId] as number);
    const docs = state.words.postings(wordId);
    // Under a restriction, -1 for the postings whose document holds the word only where it does not count.
    const summaries = countedSummaries(state, wordId, wordTypos, restriction);
    for (let k = 0; k < docs.length; k++) {
      const docId = docs[k] as number;
      const summary = summaries[k] as number;
      if (summary < 0) continue;
      const position = summaryMinPosition(summary);
      const current = typos[docId] as number;
      // Fewer typos than any word seen so far: earlier placements no longer count (unless all do).
      const fresh = wordTypos < current && bestOnly;
      if (wordTypos < current) typos[docId] = wordTypos;
      else if (wordTypos !== current && bestOnly) continue;
      if (fresh || position < (positions[docId] as number)) positions[docId] = position;
      if (weights === null) continue;
      const weight = summaryMinWeight(summary);
      if (fresh || weight < (weights[docId] as number)) weights[docId] = weight;
    }
  }
  return { typos, positions, weights };
}

/**
 * In one pass over the term's postings: each document's fewest typos (255: absent), and the smallest
 * position and attribute weight among its words with that many typos (or among all its words when
 * `bestOnly` is false), counting only the occurrences a `restriction` lets count.
 * The result is shared (callers must not modify it) and, unless cached, lives in scratch arrays: it is
 * valid for the current search only (see `withScratch`).
 *
 * @example
 * ```ts
 * const { typos, positions } = bestPlacements(state, matcher, true, null);
 * ```
 */
export function bestPlacements(
  state: IndexState,
  matcher: TermMatcher,
  bestOnly: boolean,
  restriction: Restriction | null,
): Placements {
  // Keyed by the marked words and their marks, not the query word: a neighbour can add n-gram words.
  const marks = matcher.marks as Int8Array;
  const words = markedWords(matcher);
  // The same words have the same postings until the next write: a term below the threshold is never cached.
  // A restricted search's placements depend on its switches, which the masks name when every attribute
  // has its own bit (ids below 31).
  const uncachedRestriction = restriction !== null && state.fidPaths.length > 31;
  if (uncachedRestriction || postingCount(state, words) < CACHE_FROM_POSTINGS)
    return computePlacements(state, matcher, bestOnly, false, restriction);
  let key = bestOnly ? 'b' : 'a';
  if (restriction !== null) key += `${restriction.countedWithoutTypos}/${restriction.countedWithTypos}`;
  for (const wordId of words) key += `,${wordId * 16 + (marks[wordId] as number)}`;
  return remember(placementsOf(state), key, CACHED_TERMS, () =>
    computePlacements(state, matcher, bestOnly, true, restriction),
  );
}
