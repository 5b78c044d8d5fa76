import { documentsById } from './documents-by-id.js';
import { continuesToken, type IndexState } from './index-state.js';
import { markedWords, type TermMatcher, type WordSequence } from './match-terms.js';
import { perRevision, remember } from './revision-cache.js';
import { scratchInt32 } from './scratch-arrays.js';
import {
  continuesPrevious,
  documentOfToken,
  globalTokenStarts,
  hasWordOccurrences,
  occurrenceToken,
  wordOccurrences,
} from './word-occurrences.js';

/**
 * The words of one query term that each document holds, as per-document linked entries: each entry is
 * a word and the token index of its first occurrence in the document (the document's `nextSame` chain
 * gives the others). Built from postings only, so a document's occurrences of the term are reached
 * without scanning its tokens.
 */
export interface TermWordsByDocument {
  /** Per internal id, the first entry (-1: the document holds none of the term's words). */
  readonly head: Int32Array;
  readonly next: Int32Array;
  readonly word: Int32Array;
  readonly firstToken: Int32Array;
}

/** How many postings the term's marked words have in all (what collecting their entries costs). */
export function termPostingCount(state: IndexState, matcher: TermMatcher): number {
  return matcher.marks === null ? 0 : postingCount(state, markedWords(matcher));
}

/**
 * How many postings the words have in all.
 *
 * @example
 * ```ts
 * postingCount(state, markedWords(matcher));
 * ```
 */
export function postingCount(state: IndexState, words: readonly number[]): number {
  let total = 0;
  for (const wordId of words) total += state.words.postings(wordId).length;
  return total;
}

/**
 * Collect, per document, the term's marked words it holds (postings must be exact: no stale entries).
 *
 * @example
 * ```ts
 * const byDoc = termWordsByDocument(state, matcher);
 * for (let e = byDoc.head[docId]; e !== -1; e = byDoc.next[e]) visit(byDoc.word[e], byDoc.firstToken[e]);
 * ```
 */
export function termWordsByDocument(state: IndexState, matcher: TermMatcher): TermWordsByDocument {
  const head = scratchInt32(state.nextInternalId, -1);
  const unique = markedWords(matcher);
  const size = postingCount(state, unique);
  // Every entry is written below.
  const next = scratchInt32(size);
  const word = scratchInt32(size);
  const firstToken = scratchInt32(size);
  let at = 0;
  for (const wordId of unique) {
    const docs = state.words.postings(wordId);
    const firsts = state.words.firstTokens(wordId);
    for (let k = 0; k < docs.length; k++, at++) {
      const docId = docs[k] as number;
      word[at] = wordId;
      firstToken[at] = firsts[k] as number;
      next[at] = head[docId] as number;
      head[docId] = at;
    }
  }
  return { head, next, word, firstToken };
}

/**
 * Record in `found[id]` (typos + 1, the fewest kept; 0: none) the documents where a word sequence occurs
 * as the matcher scan finds it: consecutive tokens of one attribute, less than a hard separator apart
 * (exact when postings are: no stale entries).
 */
export function markSequenceDocuments(state: IndexState, sequence: WordSequence, found: Uint8Array): void {
  const mark = sequence.typos + 1;
  for (const docId of documentsWithAdjacentWords(state, sequence.words)) {
    const previous = found[docId] as number;
    if (previous === 0 || previous > mark) found[docId] = mark;
  }
}

// Split words recur across queries (a common word splits the same way every time): the documents holding
// a sequence are kept until the next write, for a bounded number of sequences.
const sequencesOf = perRevision(() => new Map<string, Int32Array>());
const CACHED_SEQUENCES = 64;

/** Internal ids of the documents where the words occur consecutively (see above). */
function documentsWithAdjacentWords(state: IndexState, words: readonly number[]): Int32Array {
  return remember(sequencesOf(state), words.join(' '), CACHED_SEQUENCES, () =>
    findAdjacentWords(state, words),
  );
}

// A driver word in fewer than 1/8 of the documents is cheaper to look at in place than building the
// occurrence lists of common words it sits next to (those lists pay off once kept for later queries).
const RARE_DRIVER_SHARE = 8;

/** The documents where the words occur consecutively, by the cheaper of two equivalent ways. */
function findAdjacentWords(state: IndexState, words: readonly number[]): Int32Array {
  const documentsOf = (s: number): number => state.words.postings(words[s] as number).length;
  let rarest = 0;
  for (let s = 1; s < words.length; s++) if (documentsOf(s) < documentsOf(rarest)) rarest = s;
  const listed = words.every((word) => hasWordOccurrences(state, word));
  return listed || documentsOf(rarest) * RARE_DRIVER_SHARE >= state.documents.size
    ? joinOccurrenceLists(state, words)
    : walkRarestWord(state, words, rarest);
}

/**
 * Sequence starts from the occurrences of the rarest word: each other word must sit at its offset from
 * the start, every token after the first continuing its predecessor.
 */
function joinOccurrenceLists(state: IndexState, words: readonly number[]): Int32Array {
  const lists = words.map((word) => wordOccurrences(state, word));
  let driver = 0;
  for (let s = 1; s < words.length; s++)
    if ((lists[s] as Int32Array).length < (lists[driver] as Int32Array).length) driver = s;
  const driverList = lists[driver] as Int32Array;
  let starts = new Int32Array(driverList.length);
  let count = 0;
  for (const entry of driverList)
    if (driver === 0 || continuesPrevious(entry)) starts[count++] = occurrenceToken(entry) - driver;
  for (let s = 0; s < words.length && count > 0; s++)
    if (s !== driver) count = keepStartsFollowedBy(starts, count, lists[s] as Int32Array, s);
  starts = starts.subarray(0, count);
  // Starts ascend; a sequence never crosses documents (a document's first token continues nothing).
  const tokenStarts = globalTokenStarts(state);
  const out: number[] = [];
  let docId = 0;
  for (const start of starts) {
    docId = documentOfToken(tokenStarts, start, docId);
    if (out[out.length - 1] !== docId) out.push(docId);
  }
  return Int32Array.from(out);
}

/** Walk the occurrences of the word at `driver` (the rarest) in the documents holding every word. */
function walkRarestWord(state: IndexState, words: readonly number[], driver: number): Int32Array {
  // How many of the other words each document holds (postings list a document once per word).
  const held = new Uint8Array(state.nextInternalId);
  const distinct = new Set(words);
  distinct.delete(words[driver] as number);
  for (const word of distinct)
    for (const docId of state.words.postings(word)) held[docId] = (held[docId] as number) + 1;
  const docs = state.words.postings(words[driver] as number);
  const firsts = state.words.firstTokens(words[driver] as number);
  const byId = documentsById(state);
  const out: number[] = [];
  for (let k = 0; k < docs.length; k++) {
    const docId = docs[k] as number;
    if (held[docId] !== distinct.size) continue;
    const stored = byId[docId];
    if (stored === undefined) continue;
    const { tokenWords, tokenFids, tokenPositions, nextSame } = stored;
    for (let at = firsts[k] as number; at !== -1; at = nextSame[at] as number) {
      const start = at - driver;
      if (start < 0 || start + words.length > tokenWords.length) continue;
      let ok = true;
      for (let s = 0; s < words.length && ok; s++) {
        const j = start + s;
        ok = tokenWords[j] === words[s] && (s === 0 || continuesToken(tokenFids, tokenPositions, j));
      }
      if (ok) {
        out.push(docId);
        break;
      }
    }
  }
  return Int32Array.from(out);
}

/**
 * Keep (in place, order kept) the ascending `starts` whose token at `offset` is an occurrence in `list`
 * (continuing its predecessor unless the offset is 0); returns how many are kept. Both ascend, so one
 * forward pass over `list` serves every start, galloping over the long stretches a rare driver leaves.
 */
function keepStartsFollowedBy(starts: Int32Array, count: number, list: Int32Array, offset: number): number {
  let kept = 0;
  let at = 0;
  for (let c = 0; c < count; c++) {
    const start = starts[c] as number;
    const token = start + offset;
    // The first entry at or past this token (a token has one entry: token × 2, + 1 when continuing).
    const target = token * 2;
    if (at < list.length && (list[at] as number) < target) {
      let step = 1;
      let low = at;
      let high = at + 1;
      while (high < list.length && (list[high] as number) < target) {
        low = high;
        step *= 2;
        high = low + step;
      }
      high = Math.min(high, list.length);
      while (low + 1 < high) {
        const mid = (low + high) >>> 1;
        if ((list[mid] as number) < target) low = mid;
        else high = mid;
      }
      at = high;
    }
    const entry = list[at];
    if (entry !== undefined && occurrenceToken(entry) === token && (offset === 0 || continuesPrevious(entry)))
      starts[kept++] = start;
  }
  return kept;
}
