import type { Document, IndexSettings } from './engine-contract.js';
import { attributeWeight, flattenDocument } from './field-paths.js';
import {
  attributeBit,
  createInvertedIndex,
  type InvertedIndex,
  MAX_POSITION,
  summarizeOccurrences,
} from './inverted-index.js';
import { forEachWord, HARD_GAP, normalizeWord } from './tokenize.js';

/** A contiguous run of one attribute's words inside a document's token arrays. */
export interface FieldRange {
  readonly fid: number;
  readonly start: number;
  readonly end: number;
}

/** A stored document with its precomputed search data (compact token arrays). */
export interface StoredDocument {
  readonly internalId: number;
  readonly externalId: string;
  readonly doc: Document;
  /** Word ids of the searchable (non stop) words, grouped by attribute, in position order. */
  readonly tokenWords: Int32Array;
  readonly tokenPositions: Int32Array;
  readonly tokenFids: Int32Array;
  readonly fields: readonly FieldRange[];
  /** Per token, the next token index holding the same word (-1: none): a word's occurrences as a chain. */
  readonly nextSame: Int32Array;
  /** embedder name → vectors. */
  readonly vectors: Map<string, number[][]>;
}

/**
 * Whether token `at` of a document continues the token before it: same attribute, less than a hard
 * separator apart (what consecutive words of a sequence, like a split word, must be).
 *
 * @example
 * ```ts
 * continuesToken(stored.tokenFids, stored.tokenPositions, 1); // "bat man" in one title: true
 * ```
 */
export function continuesToken(tokenFids: Int32Array, tokenPositions: Int32Array, at: number): boolean {
  return (
    at > 0 &&
    tokenFids[at] === tokenFids[at - 1] &&
    (tokenPositions[at] as number) - (tokenPositions[at - 1] as number) < HARD_GAP
  );
}

/** Mutable state of one index (documents, inverted index, attribute registry). */
export interface IndexState {
  settings: IndexSettings;
  /** Written only through {@link storeDocument}, {@link dropDocument} and {@link dropAllDocuments}. */
  readonly documents: ReadonlyMap<number, StoredDocument>;
  readonly byExternalId: Map<string, number>;
  /** Replaced whole when the documents are re-tokenised (see {@link adoptReindexed}). */
  words: InvertedIndex;
  /** attribute path → fid (registered on first sight; never reused). */
  readonly fids: Map<string, number>;
  readonly fidPaths: string[];
  /** fid → weight in `searchableAttributes` (-1: not searchable). */
  fidWeights: number[];
  nextInternalId: number;
  /** Lazy removals since the last compaction, and postings added (to decide when to compact). */
  staleCount: number;
  postingCount: number;
  /** Bumped on every write to documents or settings (invalidates per-query caches). */
  revision: number;
  /**
   * Per internal id, the serial number of the stored document there (0: none), each store taking a new
   * one: comparing two copies of this table finds the documents written in between without touching any
   * document. Change it only through {@link storeDocument}, {@link dropDocument} and {@link dropAllDocuments}.
   */
  serials: Int32Array;
  lastSerial: number;
}

/** Create an empty index state. */
export function createIndexState(settings: IndexSettings): IndexState {
  return {
    settings,
    documents: new Map(),
    byExternalId: new Map(),
    words: createInvertedIndex(),
    fids: new Map(),
    fidPaths: [],
    fidWeights: [],
    nextInternalId: 0,
    staleCount: 0,
    postingCount: 0,
    revision: 0,
    serials: new Int32Array(1024),
    lastSerial: 0,
  };
}

/** The documents map for the three functions below, which keep the serials in step with it. */
function writable(state: IndexState): Map<number, StoredDocument> {
  return state.documents as Map<number, StoredDocument>;
}

/** Put a stored document under its internal id (replacing any there), with a new serial. */
export function storeDocument(state: IndexState, stored: StoredDocument): void {
  const id = stored.internalId;
  if (id >= state.serials.length) {
    const grown = new Int32Array(Math.max(id + 1, state.serials.length * 2));
    grown.set(state.serials);
    state.serials = grown;
  }
  state.serials[id] = ++state.lastSerial;
  writable(state).set(id, stored);
}

/** Remove the stored document under an internal id. */
export function dropDocument(state: IndexState, internalId: number): void {
  if (internalId < state.serials.length) state.serials[internalId] = 0;
  writable(state).delete(internalId);
}

/** Remove every stored document. */
export function dropAllDocuments(state: IndexState): void {
  state.serials.fill(0);
  writable(state).clear();
}

function fidOf(state: IndexState, path: string): number {
  let fid = state.fids.get(path);
  if (fid === undefined) {
    fid = state.fidPaths.length;
    state.fids.set(path, fid);
    state.fidPaths.push(path);
    state.fidWeights.push(attributeWeight(path, state.settings.searchableAttributes));
  }
  return fid;
}

/** Recompute attribute weights after a settings change. */
export function refreshWeights(state: IndexState): void {
  state.fidWeights = state.fidPaths.map((p) => attributeWeight(p, state.settings.searchableAttributes));
}

/** Text of a leaf value as Meilisearch indexes it (strings, numbers, booleans). */
export function leafText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

/**
 * Tokenise a document's searchable attributes into a stored document. Array elements (and repeated
 * paths) are separated like a hard separator (+8 positions).
 */
export function buildStoredDocument(
  state: IndexState,
  internalId: number,
  externalId: string,
  doc: Document,
  vectors: Map<string, number[][]>,
): StoredDocument {
  const stopWords =
    state.settings.stopWords.length === 0 ? null : new Set(state.settings.stopWords.map(normalizeWord));
  const byFid = new Map<number, { words: number[]; positions: number[]; next: number }>();
  for (const leaf of flattenDocument(doc)) {
    if (leaf.path === '_vectors' || leaf.path.startsWith('_vectors.')) continue;
    const text = leafText(leaf.value);
    if (text === null) continue;
    let fid = state.fids.get(leaf.path);
    if (fid === undefined) {
      if (attributeWeight(leaf.path, state.settings.searchableAttributes) < 0) continue;
      fid = fidOf(state, leaf.path);
    }
    if ((state.fidWeights[fid] ?? -1) < 0) continue;
    let entry = byFid.get(fid);
    if (entry === undefined) {
      entry = { words: [], positions: [], next: 0 };
      byFid.set(fid, entry);
    }
    const field = entry;
    let last = field.next - 1;
    forEachWord(text, state.settings, (word, _start, _end, tokenPosition) => {
      const position = field.next + tokenPosition;
      last = position;
      // Words past the last kept position are dropped (the walk goes on, but costs little).
      if (position > MAX_POSITION || stopWords?.has(word)) return;
      field.words.push(state.words.intern(word));
      field.positions.push(position);
    });
    field.next = last + 8;
  }
  let total = 0;
  for (const entry of byFid.values()) total += entry.words.length;
  const tokenWords = new Int32Array(total);
  const tokenPositions = new Int32Array(total);
  const tokenFids = new Int32Array(total);
  const fields: FieldRange[] = [];
  let at = 0;
  for (const [fid, entry] of byFid) {
    const start = at;
    for (let i = 0; i < entry.words.length; i++, at++) {
      tokenWords[at] = entry.words[i] as number;
      tokenPositions[at] = entry.positions[i] as number;
      tokenFids[at] = fid;
    }
    fields.push({ fid, start, end: at });
  }
  const nextSame = sameWordChain(tokenWords, state.words.size);
  return { internalId, externalId, doc, tokenWords, tokenPositions, tokenFids, fields, nextSame, vectors };
}

// Scratch for per-document word bookkeeping: `seenAt[word]` is valid when `seenStamp[word] === stamp`.
let seenAt = new Int32Array(1024);
let seenStamp = new Int32Array(1024);
let stamp = 0;

function nextStamp(vocabularySize: number): number {
  if (seenAt.length < vocabularySize) {
    const size = Math.max(vocabularySize, seenAt.length * 2);
    seenAt = new Int32Array(size);
    seenStamp = new Int32Array(size);
    stamp = 0;
  }
  if (stamp === 0x7fffffff) {
    seenStamp.fill(0);
    stamp = 0;
  }
  return ++stamp;
}

function sameWordChain(tokenWords: Int32Array, vocabularySize: number): Int32Array {
  const next = new Int32Array(tokenWords.length).fill(-1);
  const current = nextStamp(vocabularySize);
  for (let i = tokenWords.length - 1; i >= 0; i--) {
    const word = tokenWords[i] as number;
    if (seenStamp[word] === current) next[i] = seenAt[word] as number;
    seenStamp[word] = current;
    seenAt[word] = i;
  }
  return next;
}

/** Visit each distinct word of a document once, with the token index of its first occurrence. */
function forEachFirstOccurrence(
  state: IndexState,
  stored: StoredDocument,
  visit: (wordId: number, firstToken: number) => void,
): void {
  const current = nextStamp(state.words.size);
  const words = stored.tokenWords;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as number;
    if (seenStamp[word] === current) continue;
    seenStamp[word] = current;
    visit(word, i);
  }
}

/**
 * A document's postings, one per distinct word in first-occurrence order: what {@link addPostings} puts
 * in the inverted index. Computed apart from adding them so a batch can be prepared before it is applied.
 */
export interface DocumentPostings {
  readonly words: Int32Array;
  readonly firstTokens: Int32Array;
  readonly summaries: Int32Array;
  readonly attributes: Int32Array;
}

// Scratch for `documentPostings` (copied out at the exact size).
let postingScratch = {
  words: new Int32Array(256),
  firstTokens: new Int32Array(256),
  summaries: new Int32Array(256),
  attributes: new Int32Array(256),
};

/** The postings of a stored document (see {@link DocumentPostings}), from the current attribute weights. */
export function documentPostings(state: IndexState, stored: StoredDocument): DocumentPostings {
  const { tokenPositions, tokenWords, tokenFids, nextSame, fields } = stored;
  const weights = state.fidWeights;
  if (postingScratch.words.length < tokenWords.length) {
    const size = tokenWords.length * 2;
    postingScratch = {
      words: new Int32Array(size),
      firstTokens: new Int32Array(size),
      summaries: new Int32Array(size),
      attributes: new Int32Array(size),
    };
  }
  const out = postingScratch;
  // Words making up a whole attribute on their own (an exactness `exactMatch` needs one).
  const alone: number[] = [];
  for (const field of fields)
    if (field.end - field.start === 1) alone.push(tokenWords[field.start] as number);
  let count = 0;
  forEachFirstOccurrence(state, stored, (wordId, firstToken) => {
    let minPosition = tokenPositions[firstToken] as number;
    let minWeight = weights[tokenFids[firstToken] as number] as number;
    let attributes = attributeBit(tokenFids[firstToken] as number);
    for (let i = nextSame[firstToken] as number; i !== -1; i = nextSame[i] as number) {
      minPosition = Math.min(minPosition, tokenPositions[i] as number);
      minWeight = Math.min(minWeight, weights[tokenFids[i] as number] as number);
      attributes |= attributeBit(tokenFids[i] as number);
    }
    out.words[count] = wordId;
    out.firstTokens[count] = firstToken;
    out.summaries[count] = summarizeOccurrences(minPosition, alone.includes(wordId), minWeight);
    out.attributes[count] = attributes;
    count++;
  });
  return {
    words: out.words.slice(0, count),
    firstTokens: out.firstTokens.slice(0, count),
    summaries: out.summaries.slice(0, count),
    attributes: out.attributes.slice(0, count),
  };
}

/** Add a document's postings (see {@link documentPostings}) to the inverted index. */
export function addPostings(state: IndexState, internalId: number, postings: DocumentPostings): void {
  const { words, firstTokens, summaries, attributes } = postings;
  for (let k = 0; k < words.length; k++) {
    state.words.add(
      words[k] as number,
      internalId,
      firstTokens[k] as number,
      summaries[k] as number,
      attributes[k] as number,
    );
  }
  state.postingCount += words.length;
}

/** Add a document's words to the inverted index. */
export function indexWords(state: IndexState, stored: StoredDocument): void {
  addPostings(state, stored.internalId, documentPostings(state, stored));
}

/** A stored document built for a write, with its postings, before the write is applied. */
export interface PreparedDocument {
  readonly stored: StoredDocument;
  readonly postings: DocumentPostings;
}

/** Build a document's stored form and postings in `state` (its vocabulary and attribute registry). */
export function prepareDocument(
  state: IndexState,
  internalId: number,
  externalId: string,
  doc: Document,
  vectors: Map<string, number[][]>,
): PreparedDocument {
  const stored = buildStoredDocument(state, internalId, externalId, doc, vectors);
  return { stored, postings: documentPostings(state, stored) };
}

/** Postings grouped at once by {@link addPostingsInBulk} (bounds its scratch memory to ~32 MB). */
const BULK_POSTINGS = 2_000_000;

/**
 * Add many documents' postings at once, grouped by word so each word's list is appended once per group of
 * documents (the order within a list is the same as adding the documents one by one). Small batches go
 * one by one: grouping costs a pass over the vocabulary.
 */
export function addPostingsInBulk(state: IndexState, batch: readonly PreparedDocument[]): void {
  let from = 0;
  let postings = 0;
  for (let i = 0; i < batch.length; i++) {
    postings += (batch[i] as PreparedDocument).postings.words.length;
    if (postings >= BULK_POSTINGS || i === batch.length - 1) {
      addGroupedByWord(state, batch.slice(from, i + 1), postings);
      from = i + 1;
      postings = 0;
    }
  }
}

function addGroupedByWord(state: IndexState, batch: readonly PreparedDocument[], total: number): void {
  const vocabularySize = state.words.size;
  if (total * 4 < vocabularySize) {
    for (const { stored, postings } of batch) addPostings(state, stored.internalId, postings);
    return;
  }
  // Counting sort by word id: `starts[w]` is where word w's postings begin in the grouped arrays.
  const starts = new Int32Array(vocabularySize + 1);
  for (const { postings } of batch)
    for (const word of postings.words) starts[word + 1] = (starts[word + 1] as number) + 1;
  for (let w = 0; w < vocabularySize; w++) starts[w + 1] = (starts[w + 1] as number) + (starts[w] as number);
  const fill = starts.slice(0, vocabularySize);
  const docIds = new Int32Array(total);
  const firstTokens = new Int32Array(total);
  const summaries = new Int32Array(total);
  const attributes = new Int32Array(total);
  for (const { stored, postings } of batch) {
    const internalId = stored.internalId;
    for (let k = 0; k < postings.words.length; k++) {
      const word = postings.words[k] as number;
      const at = fill[word] as number;
      fill[word] = at + 1;
      docIds[at] = internalId;
      firstTokens[at] = postings.firstTokens[k] as number;
      summaries[at] = postings.summaries[k] as number;
      attributes[at] = postings.attributes[k] as number;
    }
  }
  for (let w = 0; w < vocabularySize; w++) {
    const from = starts[w] as number;
    const to = starts[w + 1] as number;
    if (from === to) continue;
    state.words.addMany(
      w,
      docIds.subarray(from, to),
      firstTokens.subarray(from, to),
      summaries.subarray(from, to),
      attributes.subarray(from, to),
    );
  }
  state.postingCount += total;
}

/**
 * Put a stored document under its internal id and external id, replacing (and unindexing) any document
 * there. Its postings are added apart ({@link addPostings}, {@link addPostingsInBulk}).
 */
export function putStoredDocument(state: IndexState, stored: StoredDocument): void {
  state.revision++;
  const previous = state.documents.get(stored.internalId);
  if (previous !== undefined) unindexWords(state, previous);
  storeDocument(state, stored);
  state.byExternalId.set(stored.externalId, stored.internalId);
}

/** Lazily remove a document's words from the inverted index (see {@link maybeCompact}). */
export function unindexWords(state: IndexState, stored: StoredDocument): void {
  forEachFirstOccurrence(state, stored, (wordId) => {
    state.words.remove(wordId, stored.internalId);
    state.staleCount++;
  });
}

/**
 * Make postings exact again after deletions / replacements by dropping just the stale entries (ranking
 * from postings needs them exact; called before a search, so a burst of writes pays once).
 */
export function compactStalePostings(state: IndexState): void {
  if (state.staleCount === 0) return;
  state.postingCount -= state.words.compactStale();
  state.staleCount = 0;
}

/** Rebuild the postings once more than half of them are stale (after deletions / replacements). */
export function maybeCompact(state: IndexState): void {
  if (state.staleCount <= 1000 || state.staleCount * 2 <= state.postingCount) return;
  state.words.resetPostings();
  state.staleCount = 0;
  state.postingCount = 0;
  const ordered = [...state.documents.values()].sort((a, b) => a.internalId - b.internalId);
  // A group of documents at a time, so their postings are not all held at once.
  for (let from = 0; from < ordered.length; from += 10_000) {
    const group = ordered.slice(from, from + 10_000);
    addPostingsInBulk(
      state,
      group.map((stored) => ({ stored, postings: documentPostings(state, stored) })),
    );
  }
}

/**
 * A blank state under new settings with the same attribute registry, to re-tokenise an index's documents
 * beside the live index (see {@link adoptReindexed}).
 */
export function reindexingState(state: IndexState, settings: IndexSettings): IndexState {
  const shadow = createIndexState(settings);
  for (const path of state.fidPaths) fidOf(shadow, path);
  return shadow;
}

/**
 * Make re-tokenised documents live: the settings, vocabulary and postings of `shadow` (built by
 * {@link reindexingState}) replace the state's, and every document its rebuilt form.
 */
export function adoptReindexed(
  state: IndexState,
  shadow: IndexState,
  rebuilt: readonly PreparedDocument[],
): void {
  for (let fid = state.fidPaths.length; fid < shadow.fidPaths.length; fid++) {
    const path = shadow.fidPaths[fid] as string;
    state.fids.set(path, fid);
    state.fidPaths.push(path);
  }
  state.settings = shadow.settings;
  refreshWeights(state);
  state.words = shadow.words;
  state.revision++;
  state.staleCount = 0;
  state.postingCount = 0;
  for (const { stored } of rebuilt) storeDocument(state, stored);
  addPostingsInBulk(state, rebuilt);
}
