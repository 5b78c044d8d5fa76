import { continuesToken, type IndexState, type StoredDocument } from './index-state.js';
import { encodeOccurrence } from './inverted-index.js';
import type { QueryTerm } from './query-terms.js';

/** Where one query term occurs in one document. */
export interface TermOccurrences {
  /** Encoded occurrences (`fid * 65536 + position`) of the term's first word. */
  readonly occurrences: number[];
  /** Length in words of each occurrence (phrases and multi-word synonyms span several). */
  readonly spans: number[];
  readonly typos: number[];
  /** Whether the occurrence is the query word itself (no typo, no prefix completion, no synonym). */
  readonly exact: boolean[];
}

const EXACT_FLAG = 8;

/**
 * The distinct words a term matches on its own (marked words; seeds of multi-word sequences excluded),
 * for a term that is not a phrase.
 *
 * @example
 * ```ts
 * for (const wordId of markedWords(matcher)) state.words.postings(wordId);
 * ```
 */
export function markedWords(matcher: TermMatcher): number[] {
  const marks = matcher.marks as Int8Array;
  return [...new Set(matcher.seedWords)].filter((wordId) => (marks[wordId] ?? 0) !== 0);
}

/** Typo count of a non-zero mark (see {@link TermMatcher.marks}). */
export function markTypos(mark: number): number {
  return (mark & 7) - 1;
}

/** Consecutive words matching a term as a whole. */
export interface WordSequence {
  readonly words: readonly number[];
  readonly exact: boolean;
  readonly typos: number;
}

/** The index words and word sequences a query term matches, ready to scan documents. */
export interface TermMatcher {
  readonly term: QueryTerm;
  /** wordId → (typos + 1) | 8 when exact; 0 = no match. Null when the term is a phrase. */
  readonly marks: Int8Array | null;
  /** Word-id sequences: the phrase itself (exact), multi-word synonyms, or split words (one typo). */
  readonly sequences: readonly WordSequence[];
  /** Words whose postings hold every candidate document of the term. */
  readonly seedWords: readonly number[];
}

/**
 * Compute the index words matching a query term: the word itself, prefix completions (last word),
 * typo derivations (first-letter typos count double), synonyms and phrases.
 */
export function buildTermMatcher(state: IndexState, term: QueryTerm): TermMatcher {
  const words = state.words;
  const sequences: WordSequence[] = [];
  const seedWords: number[] = [];
  const toIds = (list: readonly string[]): number[] | null => {
    const ids = list.map((w) => words.lookup(w));
    return ids.some((id) => id < 0) ? null : ids;
  };
  if (term.phrase !== null) {
    const ids = toIds(term.phrase);
    if (ids !== null && ids.length > 0) {
      sequences.push({ words: ids, exact: true, typos: 0 });
      seedWords.push(ids[0] as number);
    }
    return { term, marks: null, sequences, seedWords };
  }
  const marks = new Int8Array(words.size);
  const mark = (id: number, typos: number, exact: boolean): void => {
    const value = (typos + 1) | (exact ? EXACT_FLAG : 0);
    const previous = marks[id] as number;
    if (previous === 0) seedWords.push(id);
    if (previous === 0 || (previous & 7) > typos + 1 || ((previous & 7) === typos + 1 && exact))
      marks[id] = value;
  };
  const self = words.lookup(term.word);
  if (self >= 0) mark(self, 0, true);
  if (term.isPrefix) for (const id of words.wordsWithPrefix(term.word)) mark(id, 0, id === self);
  if (term.maxTypos > 0) {
    words.visitTypoCandidates(term.word, term.maxTypos, term.isPrefix, 'same', (id, d) => {
      if (d > 0) mark(id, d, false);
    });
    if (term.maxTypos >= 2) {
      words.visitTypoCandidates(term.word, term.maxTypos - 1, term.isPrefix, 'different', (id, d) => {
        mark(id, d + 1, false);
      });
    }
  }
  for (const synonym of term.synonyms) {
    const ids = toIds(synonym);
    if (ids === null || ids.length === 0) continue;
    if (ids.length === 1) {
      mark(ids[0] as number, 0, false);
    } else {
      sequences.push({ words: ids, exact: false, typos: 0 });
      seedWords.push(ids[0] as number);
    }
  }
  // Split words ("spiderman" → "spider man") count as one typo. Meilisearch keeps only the most frequent
  // split; every valid split is kept here so that matching never depends on corpus statistics.
  for (let cut = 1; cut < term.word.length; cut++) {
    const left = words.lookup(term.word.slice(0, cut));
    const right = words.lookup(term.word.slice(cut));
    if (left < 0 || right < 0) continue;
    sequences.push({ words: [left, right], exact: false, typos: 1 });
    seedWords.push(left);
  }
  return { term, marks, sequences, seedWords };
}

/**
 * Concatenations of 2 or 3 query-adjacent words ("spider man" → "spiderman") match each of their terms
 * with one typo per term (Meilisearch's n-gram base cost). Adds those words to the matchers' marks.
 */
export function addNgramMarks(state: IndexState, matchers: TermMatcher[]): void {
  for (let size = 2; size <= 3; size++) {
    for (let start = 0; start + size <= matchers.length; start++) {
      const window = matchers.slice(start, start + size);
      if (window.some((m) => m.marks === null)) continue;
      let adjacent = true;
      for (let i = 1; i < window.length; i++) {
        if ((window[i - 1] as TermMatcher).term.endPosition + 1 !== (window[i] as TermMatcher).term.position)
          adjacent = false;
      }
      if (!adjacent) continue;
      const concat = window.map((m) => m.term.word).join('');
      const last = window[window.length - 1] as TermMatcher;
      const ids = last.term.isPrefix
        ? words(state, concat)
        : [state.words.lookup(concat)].filter((id) => id >= 0);
      for (const id of ids) {
        for (const matcher of window) {
          const marks = matcher.marks as Int8Array;
          if (id >= marks.length) continue;
          if ((marks[id] ?? 0) === 0) (matcher.seedWords as number[]).push(id);
          if ((marks[id] ?? 0) === 0 || ((marks[id] as number) & 7) > 2) marks[id] = 2;
        }
      }
    }
  }
}

function words(state: IndexState, prefix: string): number[] {
  return state.words.wordsWithPrefix(prefix);
}

const NO_OCCURRENCES: TermOccurrences = Object.freeze({
  occurrences: [],
  spans: [],
  typos: [],
  exact: [],
}) as TermOccurrences;

function push(
  out: TermOccurrences[],
  t: number,
  occurrence: number,
  span: number,
  typos: number,
  exact: boolean,
): void {
  let occ = out[t] as TermOccurrences;
  if (occ === NO_OCCURRENCES) {
    occ = { occurrences: [], spans: [], typos: [], exact: [] };
    out[t] = occ;
  }
  occ.occurrences.push(occurrence);
  occ.spans.push(span);
  occ.typos.push(typos);
  occ.exact.push(exact);
}

/**
 * Scan one document and collect every occurrence of every term. `searched[fid]` implements
 * `attributesToSearchOn`; `typoAllowed[fid]` implements `typoTolerance.disableOnAttributes`.
 */
export function scanDocument(
  stored: StoredDocument,
  matchers: readonly TermMatcher[],
  searched: Uint8Array,
  typoAllowed: Uint8Array,
): TermOccurrences[] {
  const out: TermOccurrences[] = matchers.map(() => NO_OCCURRENCES);
  const { tokenWords, tokenPositions, tokenFids } = stored;
  const n = tokenWords.length;
  for (let i = 0; i < n; i++) {
    const fid = tokenFids[i] as number;
    if (searched[fid] !== 1) continue;
    const word = tokenWords[i] as number;
    const position = tokenPositions[i] as number;
    for (let t = 0; t < matchers.length; t++) {
      const matcher = matchers[t] as TermMatcher;
      const m = matcher.marks === null ? 0 : (matcher.marks[word] ?? 0);
      if (m !== 0) {
        const typos = markTypos(m);
        if (typos === 0 || typoAllowed[fid] === 1) {
          push(out, t, encodeOccurrence(fid, position), 1, typos, (m & EXACT_FLAG) !== 0);
        }
      }
      const sequences = matcher.sequences;
      for (let q = 0; q < sequences.length; q++) {
        const sequence = sequences[q] as WordSequence;
        if (sequence.words[0] !== word) continue;
        let ok = true;
        for (let k = 1; k < sequence.words.length && ok; k++) {
          const j = i + k;
          ok = j < n && tokenWords[j] === sequence.words[k] && continuesToken(tokenFids, tokenPositions, j);
        }
        if (!ok) continue;
        if (sequence.typos > 0 && typoAllowed[fid] !== 1) continue;
        push(out, t, encodeOccurrence(fid, position), sequence.words.length, sequence.typos, sequence.exact);
      }
    }
  }
  return out;
}

/** Documents containing a word sequence exactly (for negative query terms); ids may need verification. */
export function documentsWithSequence(state: IndexState, sequence: readonly string[]): Set<number> {
  const out = new Set<number>();
  const ids = sequence.map((w) => state.words.lookup(w));
  if (ids.length === 0 || ids.some((id) => id < 0)) return out;
  const all = new Uint8Array(state.fidPaths.length).fill(1);
  const matcher: TermMatcher = {
    term: {
      index: 0,
      position: 0,
      endPosition: 0,
      word: '',
      phrase: null,
      isPrefix: false,
      maxTypos: 0,
      maxTypoCost: 0,
      synonyms: [],
    },
    marks: null,
    sequences: [{ words: ids, exact: true, typos: 0 }],
    seedWords: [ids[0] as number],
  };
  for (const docId of state.words.postings(ids[0] as number)) {
    const stored = state.documents.get(docId);
    if (stored === undefined || out.has(docId)) continue;
    const occ = scanDocument(stored, [matcher], all, all)[0] as TermOccurrences;
    if (occ.occurrences.length > 0) out.add(docId);
  }
  return out;
}
