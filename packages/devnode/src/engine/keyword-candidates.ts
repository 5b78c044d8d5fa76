import type { IndexState } from './index-state.js';
import { documentsWithSequence, matchTerm, type TermOccurrences } from './match-terms.js';
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

/**
 * Order in which the words rule drops terms. `last`: from the end (the first term is never dropped);
 * `frequency`: most frequent in the corpus first; `all`: none.
 */
function removalOrder(
  terms: readonly QueryTerm[],
  strategy: 'last' | 'all' | 'frequency',
  matches: ReadonlyArray<Map<number, TermOccurrences>>,
): number[] {
  if (strategy === 'all' || terms.length <= 1) return [];
  const indices = terms.map((_, i) => i);
  if (strategy === 'last') return indices.slice(1).reverse();
  const byFrequency = [...indices].sort((a, b) => {
    const fa = matches[a]?.size ?? 0;
    const fb = matches[b]?.size ?? 0;
    return fb - fa || b - a;
  });
  return byFrequency.slice(0, -1);
}

/**
 * Find every document matching a keyword query under the matching strategy, excluding negated words.
 *
 * @example
 * ```ts
 * findKeywordCandidates(state, parseQuery('batman returns', settings), 'last', () => true, () => true);
 * ```
 */
export function findKeywordCandidates(
  state: IndexState,
  query: ParsedQuery,
  strategy: 'last' | 'all' | 'frequency',
  isSearched: (fid: number) => boolean,
  isTypoAllowed: (fid: number) => boolean,
): KeywordCandidate[] {
  const { terms } = query;
  const matches = terms.map((term) => matchTerm(state, term, isSearched, isTypoAllowed));
  const order = removalOrder(terms, strategy, matches);
  const removable = new Set(order);
  const mandatory = terms.map((_, i) => i).filter((i) => !removable.has(i));
  // Iterate the smallest mandatory posting list.
  let seed: Map<number, TermOccurrences> | undefined;
  for (const i of mandatory) {
    const m = matches[i] as Map<number, TermOccurrences>;
    if (seed === undefined || m.size < seed.size) seed = m;
  }
  if (seed === undefined) return [];
  const excluded = new Set<number>();
  for (const word of query.negativeWords)
    for (const id of documentsWithSequence(state, [word])) excluded.add(id);
  for (const phrase of query.negativePhrases)
    for (const id of documentsWithSequence(state, phrase)) excluded.add(id);
  const out: KeywordCandidate[] = [];
  for (const docId of seed.keys()) {
    if (excluded.has(docId)) continue;
    if (!mandatory.every((i) => (matches[i] as Map<number, TermOccurrences>).has(docId))) continue;
    // Drop terms in removal order until every kept term matches.
    const kept = new Set(terms.map((_, i) => i));
    for (const i of order) {
      let all = true;
      for (const k of kept) {
        if (!(matches[k] as Map<number, TermOccurrences>).has(docId)) {
          all = false;
          break;
        }
      }
      if (all) break;
      kept.delete(i);
    }
    const keptTerms: QueryTerm[] = [];
    const occurrences: TermOccurrences[] = [];
    for (let i = 0; i < terms.length; i++) {
      if (!kept.has(i)) continue;
      const occ = (matches[i] as Map<number, TermOccurrences>).get(docId);
      if (occ === undefined) break;
      keptTerms.push(terms[i] as QueryTerm);
      occurrences.push(occ);
    }
    if (keptTerms.length !== kept.size) continue;
    out.push({
      docId,
      matchingWords: kept.size,
      maxMatchingWords: terms.length,
      terms: keptTerms,
      occurrences,
    });
  }
  return out;
}
