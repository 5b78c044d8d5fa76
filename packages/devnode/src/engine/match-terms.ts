import type { IndexState } from './index-state.js';
import { occurrenceFid } from './inverted-index.js';
import type { QueryTerm } from './query-terms.js';
import { typoDistance } from './typo-distance.js';

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

/** A word of the index matching a query term, and how. */
export interface Derivation {
  readonly word: string;
  readonly typos: number;
  readonly exact: boolean;
  /** For prefix matches: how many leading characters of the word the query covers. */
  readonly isPrefixMatch: boolean;
}

/**
 * The index words matching a single-word query term: exact, prefix completions, typo derivations.
 *
 * @example
 * ```ts
 * termDerivations(state, term); // [{ word: 'batman', typos: 0, exact: true, isPrefixMatch: false }, …]
 * ```
 */
export function termDerivations(state: IndexState, term: QueryTerm): Derivation[] {
  const out = new Map<string, Derivation>();
  const put = (d: Derivation): void => {
    const prev = out.get(d.word);
    if (prev === undefined || d.typos < prev.typos || (d.typos === prev.typos && d.exact && !prev.exact)) {
      out.set(d.word, d);
    }
  };
  const { word } = term;
  if (state.words.has(word)) put({ word, typos: 0, exact: true, isPrefixMatch: false });
  if (term.isPrefix) {
    for (const w of state.words.wordsWithPrefix(word)) {
      put({ word: w, typos: 0, exact: w === word, isPrefixMatch: w !== word });
    }
  }
  if (term.maxTypos > 0) {
    // A typo on the first letter counts double, so with one typo only same-first-letter words can match.
    const first = term.maxTypos >= 2 ? undefined : String.fromCodePoint(word.codePointAt(0) ?? 0);
    const wordLength = word.length;
    for (const candidate of state.words.wordsStartingWith(first)) {
      if (!term.isPrefix && Math.abs(candidate.length - wordLength) > term.maxTypos) continue;
      if (term.isPrefix && candidate.length + term.maxTypos < wordLength) continue;
      const typos = typoDistance(word, candidate, term.maxTypos, term.isPrefix);
      if (typos > 0) put({ word: candidate, typos, exact: false, isPrefixMatch: term.isPrefix });
    }
  }
  return [...out.values()];
}

function addOccurrence(
  map: Map<number, TermOccurrences>,
  docId: number,
  occurrence: number,
  span: number,
  typos: number,
  exact: boolean,
): void {
  let entry = map.get(docId);
  if (entry === undefined) {
    entry = { occurrences: [], spans: [], typos: [], exact: [] };
    map.set(docId, entry);
  }
  entry.occurrences.push(occurrence);
  entry.spans.push(span);
  entry.typos.push(typos);
  entry.exact.push(exact);
}

/** Occurrences of a sequence of words at consecutive positions of one attribute. */
function matchSequence(
  state: IndexState,
  words: readonly string[],
  visit: (docId: number, occurrence: number) => void,
): void {
  const first = state.words.postings(words[0] as string);
  if (first === undefined) return;
  const rest = words.slice(1).map((w) => state.words.postings(w));
  if (rest.some((p) => p === undefined)) return;
  for (const [docId, occurrences] of first) {
    const others = rest.map((p) => p?.get(docId));
    if (others.some((o) => o === undefined)) continue;
    const sets = others.map((o) => new Set(o));
    for (const occurrence of occurrences) {
      if (sets.every((set, i) => set.has(occurrence + i + 1))) visit(docId, occurrence);
    }
  }
}

/**
 * For one query term, every document containing it with its occurrences, typo counts and exactness.
 * `isTypoAllowed(fid)` implements `typoTolerance.disableOnAttributes`; `isSearched(fid)` implements
 * `attributesToSearchOn`.
 */
export function matchTerm(
  state: IndexState,
  term: QueryTerm,
  isSearched: (fid: number) => boolean,
  isTypoAllowed: (fid: number) => boolean,
): Map<number, TermOccurrences> {
  const result = new Map<number, TermOccurrences>();
  if (term.phrase !== null) {
    const span = term.phrase.length;
    matchSequence(state, term.phrase, (docId, occurrence) => {
      if (isSearched(occurrenceFid(occurrence))) addOccurrence(result, docId, occurrence, span, 0, true);
    });
    return result;
  }
  for (const d of termDerivations(state, term)) {
    const postings = state.words.postings(d.word);
    if (postings === undefined) continue;
    for (const [docId, occurrences] of postings) {
      for (const occurrence of occurrences) {
        const fid = occurrenceFid(occurrence);
        if (!isSearched(fid)) continue;
        if (d.typos > 0 && !isTypoAllowed(fid)) continue;
        addOccurrence(result, docId, occurrence, 1, d.typos, d.exact);
      }
    }
  }
  for (const synonym of term.synonyms) {
    matchSequence(state, synonym, (docId, occurrence) => {
      if (isSearched(occurrenceFid(occurrence))) {
        addOccurrence(result, docId, occurrence, synonym.length, 0, false);
      }
    });
  }
  return result;
}

/** Documents containing a word or phrase exactly (for negative query terms). */
export function documentsWithSequence(state: IndexState, words: readonly string[]): Set<number> {
  const out = new Set<number>();
  matchSequence(state, words, (docId) => out.add(docId));
  return out;
}
