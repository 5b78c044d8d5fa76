import type { Document, IndexSettings } from './engine-contract.js';
import { attributeWeight, flattenDocument } from './field-paths.js';
import { createInvertedIndex, encodeOccurrence, type InvertedIndex } from './inverted-index.js';
import { normalizeWord, tokenize } from './tokenize.js';

/** The searchable words of one attribute of one document. */
export interface IndexedField {
  readonly fid: number;
  /** Non-stop words in order with their positions. */
  readonly words: ReadonlyArray<{ word: string; position: number }>;
}

/** A stored document with its precomputed search data. */
export interface StoredDocument {
  readonly internalId: number;
  readonly externalId: string;
  readonly doc: Document;
  readonly fields: IndexedField[];
  /** embedder name → vectors. */
  readonly vectors: Map<string, number[][]>;
}

/** Mutable state of one index (documents, inverted index, attribute registry). */
export interface IndexState {
  settings: IndexSettings;
  readonly documents: Map<number, StoredDocument>;
  readonly byExternalId: Map<string, number>;
  readonly words: InvertedIndex;
  /** attribute path → fid (registered on first sight; never reused). */
  readonly fids: Map<string, number>;
  readonly fidPaths: string[];
  /** fid → weight in `searchableAttributes` (-1: not searchable). */
  fidWeights: number[];
  nextInternalId: number;
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
  };
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

/** Build the searchable fields of a document under the current settings. */
export function indexFields(state: IndexState, doc: Document): IndexedField[] {
  const stopWords = new Set(state.settings.stopWords.map(normalizeWord));
  const byFid = new Map<number, { words: Array<{ word: string; position: number }>; next: number }>();
  for (const leaf of flattenDocument(doc)) {
    if (leaf.path === '_vectors' || leaf.path.startsWith('_vectors.')) continue;
    const text = leafText(leaf.value);
    if (text === null) continue;
    if (attributeWeight(leaf.path, state.settings.searchableAttributes) < 0) continue;
    const fid = fidOf(state, leaf.path);
    let entry = byFid.get(fid);
    if (entry === undefined) {
      entry = { words: [], next: 0 };
      byFid.set(fid, entry);
    }
    let last = entry.next - 1;
    for (const token of tokenize(text, state.settings)) {
      const position = entry.next + token.position;
      last = position;
      if (!stopWords.has(token.word)) entry.words.push({ word: token.word, position });
    }
    // Array elements (and repeated paths) are separated like a hard separator.
    entry.next = last + 8;
  }
  return [...byFid.entries()].map(([fid, entry]) => ({ fid, words: entry.words }));
}

/** Add a document's words to the inverted index. */
export function indexWords(state: IndexState, stored: StoredDocument): void {
  const occurrences = new Map<string, number[]>();
  for (const field of stored.fields) {
    for (const { word, position } of field.words) {
      let list = occurrences.get(word);
      if (list === undefined) {
        list = [];
        occurrences.set(word, list);
      }
      list.push(encodeOccurrence(field.fid, position));
    }
  }
  for (const [word, list] of occurrences) state.words.add(word, stored.internalId, list);
}

/** Remove a document's words from the inverted index. */
export function unindexWords(state: IndexState, stored: StoredDocument): void {
  for (const field of stored.fields) {
    for (const { word } of field.words) state.words.remove(word, stored.internalId);
  }
}

/** Re-tokenise every document (after a settings change affecting search). */
export function reindexAll(state: IndexState): void {
  state.words.clear();
  refreshWeights(state);
  for (const [id, stored] of state.documents) {
    const fresh: StoredDocument = { ...stored, fields: indexFields(state, stored.doc) };
    state.documents.set(id, fresh);
    indexWords(state, fresh);
  }
}
