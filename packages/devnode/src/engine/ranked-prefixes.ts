import type { KeywordRanking } from './execute-search.js';

/** A staged ranking whose first `ordered` hits are in their final order, out of `matches` in all. */
export interface RankedPrefix {
  readonly ranking: KeywordRanking;
  readonly tail: ArrayLike<number>;
  readonly ordered: number;
  readonly matches: number;
}

/** What a look at one prefix decides: a result, or a longer prefix to rank (at least 8× the last). */
export type PrefixVerdict<T> = { readonly done: T } | { readonly atLeast: number };

/**
 * Rank ever longer exact prefixes of a ranking: `rank(n)` orders the first `n` matches and lists the
 * others by id. Starts at `first`; `settle` decides from each prefix. When `rank` was not staged (every
 * match scored, no tail), `unstaged` decides instead. Returns null once the next prefix would near the
 * whole match list (ranking everything at once then costs less, and stopping there bounds the passes
 * wasted before it to about a third of that cost), or be longer than `longest`.
 *
 * @example
 * ```ts
 * rankGrowingPrefixes(80, (n) => rankKeyword(state, query, n, true), settle, unstaged);
 * ```
 */
export function rankGrowingPrefixes<T>(
  first: number,
  rank: (needed: number) => KeywordRanking,
  settle: (prefix: RankedPrefix) => PrefixVerdict<T>,
  unstaged: (ranking: KeywordRanking) => T,
  longest = Number.POSITIVE_INFINITY,
): T | null {
  let length = first;
  for (;;) {
    const ranking = rank(length);
    const tail = ranking.tail;
    if (tail === undefined) return unstaged(ranking);
    const matches = ranking.ranked.length + tail.length;
    const ordered = Math.min(length, ranking.ranked.length);
    const verdict = settle({ ranking, tail, ordered, matches });
    if ('done' in verdict) return verdict.done;
    length = Math.max(length * 8, verdict.atLeast);
    if (length * 4 >= matches || length > longest) return null;
  }
}
