import type { KeywordRanking } from './execute-search.js';
import { compareScored, type ScoredDocument } from './score-document.js';
import { selectTop } from './select-top.js';

/**
 * `rankingScoreThreshold` without scoring every match, for rankings by relevancy rules only (no sort, no
 * custom rule): there a hit never scores above one ranked before it (the score folds the same rule ranks,
 * in the same order, that rank it), so the hits at or above the threshold are a prefix of the ranking.
 * Ever longer prefixes are ranked (`rank(n)` orders the first `n` matches and lists the others) until one
 * ends below the threshold, or orders every match, or already holds `countUpTo` passing hits (past that
 * only a capped count is shown). Returns null when the prefix would near
 * the whole match list (the caller then scores everything).
 *
 * @example
 * ```ts
 * rankAboveThreshold(0.8, 20, 1000, (n) => rankKeyword(state, { ...query, rankingScoreThreshold: null }, n, true));
 * ```
 */
export function rankAboveThreshold(
  threshold: number,
  needed: number,
  countUpTo: number,
  rank: (needed: number) => KeywordRanking,
): KeywordRanking | null {
  let length = Math.max(needed, 1) * 4;
  for (;;) {
    const ranking = rank(length);
    const head = ranking.ranked;
    if (ranking.tail === undefined) {
      // Not staged: every match is scored already (in no particular order past `length`).
      const kept = head.filter((hit) => hit.score >= threshold);
      selectTop(kept, needed, compareScored);
      return { ...ranking, ranked: kept };
    }
    const matches = head.length + ranking.tail.length;
    const ordered = Math.min(length, head.length);
    const passing: ScoredDocument[] = [];
    for (let i = 0; i < ordered && (head[i] as ScoredDocument).score >= threshold; i++)
      passing.push(head[i] as ScoredDocument);
    const endsBelow = passing.length < ordered;
    // The page needs at most maxTotalHits hits, and countUpTo is at least that.
    const enough = passing.length >= countUpTo;
    if (endsBelow || ordered === matches || enough) return { ...ranking, ranked: passing, tail: undefined };
    // Every hit so far passes: the prefix must reach countUpTo hits (when finite) or end below.
    length = Math.max(length * 8, Number.isFinite(countUpTo) ? countUpTo : 0);
    if (length * 4 >= matches) return null;
  }
}
