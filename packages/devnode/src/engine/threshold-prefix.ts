import type { KeywordRanking } from './execute-search.js';
import { type PrefixVerdict, type RankedPrefix, rankGrowingPrefixes } from './ranked-prefixes.js';
import { compareScored, type ScoredDocument } from './score-document.js';
import { selectTop } from './select-top.js';

/**
 * `rankingScoreThreshold` without scoring every match, for rankings by relevancy rules only (no sort, no
 * custom rule): there a hit never scores above one ranked before it (the score folds the same rule ranks,
 * in the same order, that rank it), so the hits at or above the threshold are a prefix of the ranking.
 * Ever longer prefixes are ranked (`rank(n)` orders the first `n` matches and lists the others) until one
 * ends below the threshold, or orders every match, or already holds `countUpTo` passing hits (past that
 * only a capped count is shown). Returns null when the prefix would near the whole match list, or grow
 * past `longestPrefix` (the caller then finds the passing hits another way, or scores everything).
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
  longestPrefix = Number.POSITIVE_INFINITY,
): KeywordRanking | null {
  const settle = ({ ranking, ordered, matches }: RankedPrefix): PrefixVerdict<KeywordRanking> => {
    const head = ranking.ranked;
    const passing: ScoredDocument[] = [];
    for (let i = 0; i < ordered && (head[i] as ScoredDocument).score >= threshold; i++)
      passing.push(head[i] as ScoredDocument);
    const endsBelow = passing.length < ordered;
    // The page needs at most maxTotalHits hits, and countUpTo is at least that.
    const enough = passing.length >= countUpTo;
    if (endsBelow || ordered === matches || enough)
      return { done: { ...ranking, ranked: passing, tail: undefined } };
    // Every hit so far passes: the prefix must reach countUpTo hits (when finite) or end below.
    return { atLeast: Number.isFinite(countUpTo) ? countUpTo : 0 };
  };
  // Not staged: every match is scored already (in no particular order past the prefix asked for).
  const unstaged = (ranking: KeywordRanking): KeywordRanking => {
    const kept = ranking.ranked.filter((hit) => hit.score >= threshold);
    selectTop(kept, needed, compareScored);
    return { ...ranking, ranked: kept };
  };
  return rankGrowingPrefixes(Math.max(needed, 1) * 4, rank, settle, unstaged, longestPrefix);
}
