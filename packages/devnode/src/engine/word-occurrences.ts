import { documentsById } from './documents-by-id.js';
import { continuesToken, type IndexState } from './index-state.js';
import { perRevision } from './revision-cache.js';

/**
 * Every document's tokens numbered end to end in internal-id order: token `t` of document `d` is global
 * token `tokenStart[d] + t` (`tokenStart` has one more entry than there are internal ids; removed ids
 * hold no tokens).
 */
export const globalTokenStarts = perRevision((state: IndexState): Int32Array => {
  const byId = documentsById(state);
  const starts = new Int32Array(state.nextInternalId + 1);
  let total = 0;
  for (let docId = 0; docId < state.nextInternalId; docId++) {
    starts[docId] = total;
    total += byId[docId]?.tokenWords.length ?? 0;
  }
  starts[state.nextInternalId] = total;
  return starts;
});

/** Whether an occurrence entry's token continues the token before it (see {@link wordOccurrences}). */
export function continuesPrevious(entry: number): boolean {
  return (entry & 1) === 1;
}

/** The global token of an occurrence entry. */
export function occurrenceToken(entry: number): number {
  return entry >>> 1;
}

/** Internal id of the document holding a global token, searching `starts` from `from` (a lower bound). */
export function documentOfToken(starts: Int32Array, token: number, from: number): number {
  let docId = from;
  while ((starts[docId + 1] as number) <= token) docId++;
  return docId;
}

// A word's occurrences are rebuilt from scattered per-document chains, so lists are kept until the next
// write; the total kept is bounded (a very common word alone holds a tenth of all tokens).
interface OccurrenceCache {
  readonly lists: Map<number, Int32Array>;
  held: number;
}
const occurrencesOf = perRevision((): OccurrenceCache => ({ lists: new Map(), held: 0 }));
const MAX_HELD_ENTRIES = 24_000_000;

/**
 * Every occurrence of a word in the index, ascending, as `globalToken * 2 + continues`, where `continues`
 * is 1 when the token follows the previous token of its document in the same attribute, less than a hard
 * separator (8 positions) away: two words form a sequence exactly when the second one's token is the
 * first one's plus one and continues it. Read from postings (which must be exact) and each holding
 * document's same-word chain. The result is shared: callers must not modify it.
 *
 * @example
 * ```ts
 * for (const entry of wordOccurrences(state, wordId)) visit(occurrenceToken(entry), continuesPrevious(entry));
 * ```
 */
export function wordOccurrences(state: IndexState, wordId: number): Int32Array {
  const cache = occurrencesOf(state);
  const cached = cache.lists.get(wordId);
  if (cached !== undefined) return cached;
  const list = collectOccurrences(state, wordId);
  while (cache.held + list.length > MAX_HELD_ENTRIES && cache.lists.size > 0) {
    const [oldest, dropped] = cache.lists.entries().next().value as [number, Int32Array];
    cache.lists.delete(oldest);
    cache.held -= dropped.length;
  }
  if (list.length <= MAX_HELD_ENTRIES) {
    cache.lists.set(wordId, list);
    cache.held += list.length;
  }
  return list;
}

/** Whether {@link wordOccurrences} has the word's list at hand (built since the last write and kept). */
export function hasWordOccurrences(state: IndexState, wordId: number): boolean {
  return occurrencesOf(state).lists.has(wordId);
}

function collectOccurrences(state: IndexState, wordId: number): Int32Array {
  const docs = state.words.postings(wordId);
  const firsts = state.words.firstTokens(wordId);
  // Postings are in insertion order (a replaced document moves to the end): visit them by internal id.
  const order = Array.from(docs.keys());
  let sorted = true;
  for (let k = 1; k < docs.length && sorted; k++) sorted = (docs[k - 1] as number) < (docs[k] as number);
  if (!sorted) order.sort((x, y) => (docs[x] as number) - (docs[y] as number));
  const starts = globalTokenStarts(state);
  const byId = documentsById(state);
  let out = new Int32Array(Math.max(16, docs.length * 2));
  let length = 0;
  for (const k of order) {
    const docId = docs[k] as number;
    const stored = byId[docId];
    if (stored === undefined) continue;
    const { tokenFids, tokenPositions, nextSame } = stored;
    const base = starts[docId] as number;
    for (let at = firsts[k] as number; at !== -1; at = nextSame[at] as number) {
      const continues = continuesToken(tokenFids, tokenPositions, at);
      if (length === out.length) {
        const grown = new Int32Array(out.length * 2);
        grown.set(out);
        out = grown;
      }
      out[length++] = (base + at) * 2 + (continues ? 1 : 0);
    }
  }
  return out.slice(0, length);
}
