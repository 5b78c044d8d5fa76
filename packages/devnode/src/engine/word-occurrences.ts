import {
  type DocumentsSnapshot,
  documentsSnapshot,
  rewrittenIds,
  type SerialTable,
} from './documents-by-id.js';
import { continuesToken, type IndexState, type StoredDocument } from './index-state.js';
import { patchedAfterWrites } from './patched-after-writes.js';

/** Past this share of the documents rewritten, numbering or listing afresh costs about as much as patching. */
const PATCH_SHARE = 8;

const patchLimit = (documents: number): number => Math.max(64, documents / PATCH_SHARE);

/** The rewritten ids between two snapshots when few enough to patch what was built from the first. */
function fewRewritten(before: SerialTable, after: SerialTable): number[] | null {
  return rewrittenIds(before, after, patchLimit(after.serials.length));
}

/** Global token numbering of one snapshot (see {@link globalTokenStarts}). */
interface Numbering {
  readonly snapshot: DocumentsSnapshot;
  readonly starts: Int32Array;
}

/** Every stored document's token count, in internal-id order, from the first id on. */
function numberTokens(snapshot: DocumentsSnapshot): Int32Array {
  const { docs } = snapshot;
  const starts = new Int32Array(docs.length + 1);
  let total = 0;
  for (let docId = 0; docId < docs.length; docId++) {
    starts[docId] = total;
    total += docs[docId]?.tokenWords.length ?? 0;
  }
  starts[docs.length] = total;
  return starts;
}

/** `before` renumbered for `snapshot` when only `rewritten` changed: later documents shift by their deltas. */
function renumberTokens(
  before: Int32Array,
  snapshot: DocumentsSnapshot,
  rewritten: readonly number[],
): Int32Array {
  const size = snapshot.docs.length;
  const starts = new Int32Array(size + 1);
  const known = before.length - 1;
  let shift = 0;
  let next = 0;
  for (let docId = 0; docId <= size; docId++) {
    const old = docId <= known ? (before[docId] as number) : (before[known] as number);
    starts[docId] = old + shift;
    if (next < rewritten.length && rewritten[next] === docId) {
      next++;
      const oldCount = docId < known ? (before[docId + 1] as number) - old : 0;
      shift += (snapshot.docs[docId]?.tokenWords.length ?? 0) - oldCount;
    }
  }
  return starts;
}

/**
 * Every document's tokens numbered end to end in internal-id order: token `t` of document `d` is global
 * token `tokenStart[d] + t` (`tokenStart` has one more entry than there are internal ids; removed ids
 * hold no tokens). After a write of a few documents, the last numbering is shifted instead of every
 * document being read.
 */
export function globalTokenStarts(state: IndexState): Int32Array {
  return numberings(state, null);
}

const numberings = patchedAfterWrites<null, Int32Array>({
  patchLimit,
  build: (_, snapshot) => numberTokens(snapshot),
  patch: (_, snapshot, last, rewritten) => renumberTokens(last.value, snapshot, rewritten),
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

// A word's occurrences are gathered from scattered per-document chains, so lists are kept (bounded: a very
// common word alone holds a tenth of all tokens) and, after a write of a few documents, patched: the
// other documents' entries only shift, the rewritten ones' are read again.
interface HeldList {
  readonly list: Int32Array;
  /** The numbering it was built for, and the serials it was counted from (no document is kept). */
  readonly starts: Int32Array;
  readonly serials: Int32Array;
}
interface OccurrenceCache {
  readonly lists: Map<number, HeldList>;
  held: number;
  /** The numberings lists were last built for, newest last (each keeps two tables of one entry per document). */
  readonly numberings: Int32Array[];
}
const occurrenceCaches = new WeakMap<IndexState, OccurrenceCache>();
const MAX_HELD_ENTRIES = 24_000_000;
/** Lists built for older numberings than the last few are dropped, with the tables they hold. */
const KEPT_NUMBERINGS = 16;

function cacheOf(state: IndexState): OccurrenceCache {
  let cache = occurrenceCaches.get(state);
  if (cache === undefined) {
    cache = { lists: new Map(), held: 0, numberings: [] };
    occurrenceCaches.set(state, cache);
  }
  return cache;
}

function dropList(cache: OccurrenceCache, wordId: number): void {
  const held = cache.lists.get(wordId);
  if (held === undefined) return;
  cache.lists.delete(wordId);
  cache.held -= held.list.length;
}

/** Keep `list`, within the bounds on entries and on numberings held. */
function holdList(cache: OccurrenceCache, wordId: number, list: Int32Array, numbering: Numbering): void {
  dropList(cache, wordId);
  if (cache.numberings.at(-1) !== numbering.starts) {
    cache.numberings.push(numbering.starts);
    const retired = cache.numberings.length > KEPT_NUMBERINGS ? cache.numberings.shift() : undefined;
    for (const [word, held] of cache.lists) if (held.starts === retired) dropList(cache, word);
  }
  while (cache.held + list.length > MAX_HELD_ENTRIES && cache.lists.size > 0)
    dropList(cache, cache.lists.keys().next().value as number);
  if (list.length > MAX_HELD_ENTRIES) return;
  cache.lists.set(wordId, { list, starts: numbering.starts, serials: numbering.snapshot.serials });
  cache.held += list.length;
}

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
  const cache = cacheOf(state);
  const numbering = { snapshot: documentsSnapshot(state), starts: globalTokenStarts(state) };
  const held = cache.lists.get(wordId);
  if (held !== undefined && held.starts === numbering.starts) return held.list;
  const rewritten = held === undefined ? null : fewRewritten(held, numbering.snapshot);
  const list =
    held !== undefined && rewritten !== null
      ? patchOccurrences(held, numbering, rewritten, wordId)
      : collectOccurrences(state, wordId, numbering);
  holdList(cache, wordId, list, numbering);
  return list;
}

/** Whether {@link wordOccurrences} has the word's list at hand (possibly to patch after a write). */
export function hasWordOccurrences(state: IndexState, wordId: number): boolean {
  return cacheOf(state).lists.has(wordId);
}

/** A growable list of occurrence entries. */
class EntryList {
  #entries: Int32Array;
  length = 0;

  constructor(capacity: number) {
    this.#entries = new Int32Array(Math.max(16, capacity));
  }

  push(entry: number): void {
    if (this.length === this.#entries.length) {
      const grown = new Int32Array(this.length * 2);
      grown.set(this.#entries);
      this.#entries = grown;
    }
    this.#entries[this.length++] = entry;
  }

  /** The word's occurrences in one document, its chain starting at token `first`. */
  pushDocument(stored: StoredDocument, base: number, first: number): void {
    const { tokenFids, tokenPositions, nextSame } = stored;
    for (let at = first; at !== -1; at = nextSame[at] as number)
      this.push((base + at) * 2 + (continuesToken(tokenFids, tokenPositions, at) ? 1 : 0));
  }

  done(): Int32Array {
    return this.#entries.slice(0, this.length);
  }
}

function collectOccurrences(state: IndexState, wordId: number, numbering: Numbering): Int32Array {
  const docs = state.words.postings(wordId);
  const firsts = state.words.firstTokens(wordId);
  // Postings are in insertion order (a replaced document moves to the end): visit them by internal id.
  const order = Array.from(docs.keys());
  let sorted = true;
  for (let k = 1; k < docs.length && sorted; k++) sorted = (docs[k - 1] as number) < (docs[k] as number);
  if (!sorted) order.sort((x, y) => (docs[x] as number) - (docs[y] as number));
  const { starts, snapshot } = numbering;
  const out = new EntryList(docs.length * 2);
  for (const k of order) {
    const docId = docs[k] as number;
    const stored = snapshot.docs[docId];
    if (stored !== undefined) out.pushDocument(stored, starts[docId] as number, firsts[k] as number);
  }
  return out.done();
}

/**
 * A held list brought to a later numbering where only `rewritten` (ascending ids) changed: every other
 * document's entries keep their token and flag, shifted by how far its start moved; the rewritten ones'
 * entries are dropped and, where the word is still there, read again in place.
 */
function patchOccurrences(
  held: HeldList,
  numbering: Numbering,
  rewritten: readonly number[],
  wordId: number,
): Int32Array {
  const before = held.starts;
  const { starts, snapshot } = numbering;
  const out = new EntryList(held.list.length + 64);
  let next = 0;
  // The rewritten documents below `end`, in id order, where they now hold the word.
  const readRewrittenUpTo = (end: number): void => {
    for (; next < rewritten.length && (rewritten[next] as number) < end; next++) {
      const docId = rewritten[next] as number;
      const stored = snapshot.docs[docId];
      const first = stored === undefined ? -1 : stored.tokenWords.indexOf(wordId);
      if (stored !== undefined && first >= 0) out.pushDocument(stored, starts[docId] as number, first);
    }
  };
  let docId = 0;
  for (const entry of held.list) {
    const token = occurrenceToken(entry);
    while ((before[docId + 1] as number) <= token) docId++;
    readRewrittenUpTo(docId);
    if (next < rewritten.length && rewritten[next] === docId) continue;
    out.push((token - (before[docId] as number) + (starts[docId] as number)) * 2 + (entry & 1));
  }
  readRewrittenUpTo(Number.POSITIVE_INFINITY);
  return out.done();
}
