import type { IndexState, StoredDocument } from './index-state.js';
import {
  addNgramMarks,
  buildTermMatcher,
  scanDocument,
  type TermMatcher,
  type TermOccurrences,
} from './match-terms.js';
import { negatedDocuments } from './negated-documents.js';
import type { ParsedQuery, QueryTerm } from './query-terms.js';

/** A document matched by a keyword query, with what the words rule kept. */
export interface KeywordCandidate {
  readonly docId: number;
  readonly matchingWords: number;
  readonly maxMatchingWords: number;
  /** Terms kept by the words rule (query order) and their occurrences in the document. */
  readonly terms: QueryTerm[];
  readonly occurrences: TermOccurrences[];
}

/** Documents possibly containing each term (from postings; verified later by scanning). */
function termDocuments(state: IndexState, matcher: TermMatcher): Uint8Array {
  const marks = new Uint8Array(state.nextInternalId);
  for (const wordId of matcher.seedWords) for (const docId of state.words.postings(wordId)) marks[docId] = 1;
  return marks;
}

function countMarks(marks: Uint8Array): number {
  let count = 0;
  for (const m of marks) count += m;
  return count;
}

/**
 * Order in which the words rule drops terms. `last`: from the end (the first term is never dropped);
 * `frequency`: most frequent in the corpus first; `all`: none.
 */
export function removalOrder(
  terms: readonly QueryTerm[],
  strategy: 'last' | 'all' | 'frequency',
  frequencies: () => number[],
): number[] {
  if (strategy === 'all' || terms.length <= 1) return [];
  const indices = terms.map((_, i) => i);
  if (strategy === 'last') return indices.slice(1).reverse();
  const freq = frequencies();
  return [...indices].sort((a, b) => (freq[b] ?? 0) - (freq[a] ?? 0) || b - a).slice(0, -1);
}

/**
 * Matchers of every query term (n-gram concatenations included).
 *
 * @example
 * ```ts
 * buildMatchers(state, parseQuery('spider man', settings)).length; // 2
 * ```
 */
export function buildMatchers(state: IndexState, query: ParsedQuery): TermMatcher[] {
  const matchers = query.terms.map((term) => buildTermMatcher(state, term));
  addNgramMarks(state, matchers);
  return matchers;
}

/** Per-attribute switches of a search: searched attributes and typo-tolerant attributes. */
export interface AttributeSwitches {
  readonly searched: Uint8Array;
  readonly typoAllowed: Uint8Array;
}

/**
 * Find every document matching a keyword query under the matching strategy, excluding negated words.
 *
 * @example
 * ```ts
 * findKeywordCandidates(state, parseQuery('batman returns', settings), 'last', switches);
 * ```
 */
export function findKeywordCandidates(
  state: IndexState,
  query: ParsedQuery,
  strategy: 'last' | 'all' | 'frequency',
  switches: AttributeSwitches,
  prebuilt?: TermMatcher[],
): KeywordCandidate[] {
  const { terms } = query;
  const matchers = prebuilt ?? buildMatchers(state, query);
  const docMarks = matchers.map((m) => termDocuments(state, m));
  const order = removalOrder(terms, strategy, () => docMarks.map(countMarks));
  const removable = new Set(order);
  const mandatory = terms.map((_, i) => i).filter((i) => !removable.has(i));
  const seedIndex = mandatory[0] ?? 0;
  const negated = negatedDocuments(state, query);
  const visited = new Uint8Array(state.nextInternalId);
  const allIndices = terms.map((_, i) => i);
  const out: KeywordCandidate[] = [];
  for (const wordId of (matchers[seedIndex] as TermMatcher).seedWords) {
    for (const docId of state.words.postings(wordId)) {
      if (visited[docId] === 1) continue;
      visited[docId] = 1;
      if (negated?.[docId] === 1 || !mandatory.every((i) => (docMarks[i] as Uint8Array)[docId] === 1))
        continue;
      const stored = state.documents.get(docId) as StoredDocument | undefined;
      if (stored === undefined) continue;
      const occurrences = scanDocument(stored, matchers, switches.searched, switches.typoAllowed);
      const has = (i: number): boolean => ((occurrences[i] as TermOccurrences).occurrences.length ?? 0) > 0;
      if (!mandatory.every(has)) continue;
      // Drop terms in removal order until every kept term matches.
      let keptIndices: number[];
      if (order.length === 0) {
        keptIndices = allIndices;
      } else {
        const kept = new Set(allIndices);
        for (const i of order) {
          let all = true;
          for (const k of kept) {
            if (!has(k)) {
              all = false;
              break;
            }
          }
          if (all) break;
          kept.delete(i);
        }
        keptIndices = [...kept].sort((a, b) => a - b);
      }
      out.push({
        docId,
        matchingWords: keptIndices.length,
        maxMatchingWords: terms.length,
        terms: keptIndices.map((i) => terms[i] as QueryTerm),
        occurrences: keptIndices.map((i) => occurrences[i] as TermOccurrences),
      });
    }
  }
  return out;
}
