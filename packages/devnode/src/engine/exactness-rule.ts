import type { TermOccurrences } from './match-terms.js';
import type { QueryTerm } from './query-terms.js';
import type { Rank } from './ranking-score.js';
import { bucketedPosition, type RuleInput } from './relevancy-rules.js';

/** The exactness rule's two parts: whole-attribute match level, then exactly matched words. */
export interface ExactnessOutcome {
  readonly matchType: 'exactMatch' | 'matchesStart' | 'noExactMatch';
  readonly matchingWords: number;
  readonly maxMatchingWords: number;
}

function minTypos(occ: TermOccurrences): number {
  let best = Number.POSITIVE_INFINITY;
  for (const t of occ.typos) best = Math.min(best, t);
  return best;
}

/**
 * Exact-attribute level, as Meilisearch's `ExactAttribute` rule computes it: the terms still matched
 * without typos must form a gap-free run from the first query term; each of their words must sit in the
 * document at its query position; one attribute must hold them all (`matchesStart`), and with exactly
 * that many words it is an `exactMatch`.
 */
function exactAttribute(input: RuleInput): ExactnessOutcome['matchType'] {
  const exactTerms: QueryTerm[] = [];
  input.terms.forEach((term, i) => {
    if (!input.typoFiltered || minTypos(input.occurrences[i] as TermOccurrences) === 0) exactTerms.push(term);
  });
  const first = exactTerms[0];
  if (first === undefined || first.index !== 0) return 'noExactMatch';
  for (let i = 1; i < exactTerms.length; i++) {
    if ((exactTerms[i] as QueryTerm).index - (exactTerms[i - 1] as QueryTerm).index > 1)
      return 'noExactMatch';
  }
  const wanted: Array<{ id: number; position: number }> = [];
  let positionCount = 0;
  for (const term of exactTerms) {
    const words = term.phrase ?? [term.word];
    positionCount += words.length;
    words.forEach((word, offset) => {
      wanted.push({ id: input.wordId(word), position: term.position + offset });
    });
  }
  if (wanted.some((w) => w.id < 0)) return 'noExactMatch';
  const { tokenWords, tokenPositions } = input.stored;
  const fields = input.stored.fields.filter((f) => input.isSearched(f.fid));
  for (const w of wanted) {
    let found = false;
    // Positions grow within an attribute: stop scanning past the wanted (bucketed) position.
    for (const field of fields) {
      const target = bucketedPosition(w.position);
      for (let i = field.start; i < field.end && !found; i++) {
        const position = bucketedPosition(tokenPositions[i] as number);
        if (position > target) break;
        found = tokenWords[i] === w.id && position === target;
      }
      if (found) break;
    }
    if (!found) return 'noExactMatch';
  }
  const ids = new Set(wanted.map((w) => w.id));
  let best: ExactnessOutcome['matchType'] = 'noExactMatch';
  for (const field of fields) {
    const present = new Set<number>();
    for (let i = field.start; i < field.end; i++) {
      const id = tokenWords[i] as number;
      if (ids.has(id)) present.add(id);
    }
    if (present.size !== ids.size) continue;
    if (field.end - field.start === positionCount) return 'exactMatch';
    best = 'matchesStart';
  }
  return best;
}

/**
 * exactness rule: the exact-attribute level, and how many kept terms appear in their exact form.
 *
 * @example
 * ```ts
 * exactnessRank(input); // { matchType: 'matchesStart', matchingWords: 2, maxMatchingWords: 2 }
 * ```
 */
export function exactnessRank(input: RuleInput): ExactnessOutcome {
  let matchingWords = 0;
  for (const occ of input.occurrences) if (occ.exact.some((e) => e)) matchingWords++;
  return { matchType: exactAttribute(input), matchingWords, maxMatchingWords: input.terms.length };
}

/** Rank of the exact-attribute part (3 levels). */
export function exactAttributeRank(matchType: ExactnessOutcome['matchType']): Rank {
  const rank = matchType === 'exactMatch' ? 3 : matchType === 'matchesStart' ? 2 : 1;
  return { rank, maxRank: 3 };
}
