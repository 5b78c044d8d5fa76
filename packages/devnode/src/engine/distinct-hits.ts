import type { KeywordRanking } from './execute-search.js';
import type { DistinctKeyTable } from './facet-index.js';
import { type PrefixVerdict, type RankedPrefix, rankGrowingPrefixes } from './ranked-prefixes.js';
import { compareScored, type ScoredDocument } from './score-document.js';
import { scratchUint8 } from './scratch-arrays.js';

/**
 * The distinct rule over hits in rank order: a hit is kept unless one of its keys was already kept; a
 * hit without keys is always kept. Stops once `want` hits are kept.
 *
 * @example
 * ```ts
 * keepDistinct(distinctKeyTable(state, 'year'), ranked, 20); // the first 20 hits of distinct years
 * ```
 */
export function keepDistinct(
  table: DistinctKeyTable,
  hits: readonly ScoredDocument[],
  want = Number.POSITIVE_INFINITY,
): ScoredDocument[] {
  return keptPositions(table, hits.length, (i) => (hits[i] as ScoredDocument).docId, want).map(
    (i) => hits[i] as ScoredDocument,
  );
}

/**
 * {@link keepDistinct} over internal ids in rank order: the kept ones, in order.
 *
 * @example
 * ```ts
 * keepDistinctIds(distinctKeyTable(state, 'year'), Int32Array.of(4, 2, 9)); // e.g. [4, 9]
 * ```
 */
export function keepDistinctIds(table: DistinctKeyTable, ids: Int32Array): Int32Array {
  return Int32Array.from(
    keptPositions(table, ids.length, (i) => ids[i] as number, Number.POSITIVE_INFINITY),
    (i) => ids[i] as number,
  );
}

/** Positions (among `count` documents in rank order, `docIdAt(i)`) of those the distinct rule keeps. */
function keptPositions(
  table: DistinctKeyTable,
  count: number,
  docIdAt: (i: number) => number,
  want: number,
): number[] {
  const { starts, keys } = table;
  const seen = scratchUint8(table.keyCount, 0);
  const kept: number[] = [];
  for (let i = 0; i < count && kept.length < want; i++) {
    const docId = docIdAt(i);
    const from = starts[docId] as number;
    const to = starts[docId + 1] as number;
    let taken = false;
    for (let k = from; k < to && !taken; k++) taken = seen[keys[k] as number] === 1;
    if (taken) continue;
    for (let k = from; k < to; k++) seen[keys[k] as number] = 1;
    kept.push(i);
  }
  return kept;
}

/**
 * How many distinct keys the given matches hold, and how many of them hold none. Without multi-valued
 * documents the distinct rule keeps exactly one document per key plus every keyless one, in any order.
 */
function tallyMatches(
  table: DistinctKeyTable,
  head: readonly ScoredDocument[],
  tail: ArrayLike<number>,
): { keys: number; keyless: number } {
  const { starts, keys } = table;
  const seen = scratchUint8(table.keyCount, 0);
  let distinctKeys = 0;
  let keyless = 0;
  const visit = (docId: number): void => {
    const from = starts[docId] as number;
    if (from === starts[docId + 1]) {
      keyless++;
      return;
    }
    const key = keys[from] as number;
    distinctKeys += 1 - (seen[key] as number);
    seen[key] = 1;
  };
  for (const hit of head) visit(hit.docId);
  for (let i = 0; i < tail.length; i++) visit(tail[i] as number);
  return { keys: distinctKeys, keyless };
}

/**
 * A distinct ranking: its leading kept hits, in order (at least `want` of them, or all), how many hits the
 * rule keeps in all, and, when every kept document was asked for, the kept ones past `ranked` by id.
 */
export interface DistinctRanking {
  readonly ranking: KeywordRanking;
  readonly total: number;
}

/**
 * The distinct rule's first `want` hits without ranking every match: rank ever longer exact prefixes
 * (`rank(n)` orders the first `n` matches and lists the others) until the prefix settles the page and the
 * count. With `everyKept` (facets count the kept documents), it must also settle which documents are kept:
 * the kept ones past the prefix are then the keyless ones, returned as the ranking's tail.
 *
 * A prefix settles the kept documents once no keyed match past it can be kept: every such match holds a
 * key some kept document of the prefix holds (a match past the prefix is kept only if none of its keys was
 * taken before it). The page is settled once the prefix holds `want` kept hits, or when no keyless match
 * lies past it. Single-valued keys settle the count sooner: one kept document per key, in any order.
 *
 * @example
 * ```ts
 * rankDistinct(distinctKeyTable(state, 'year'), 20, (n) => rankKeyword(state, query, n, true), false);
 * ```
 */
export function rankDistinct(
  table: DistinctKeyTable,
  want: number,
  rank: (needed: number) => KeywordRanking,
  everyKept: boolean,
): DistinctRanking | null {
  const settle = ({ ranking, tail, ordered, matches }: RankedPrefix): PrefixVerdict<DistinctRanking> => {
    const kept = keepDistinct(table, ranking.ranked.slice(0, ordered));
    if (ordered === matches)
      return { done: { ranking: { ...ranking, ranked: kept, tail: undefined }, total: kept.length } };
    if (!table.multiValued && !everyKept && kept.length >= want) {
      const tally = tallyMatches(table, ranking.ranked, tail);
      return {
        done: { ranking: { ...ranking, ranked: kept, tail: undefined }, total: tally.keys + tally.keyless },
      };
    }
    const rest = matchesPast(table, kept, ranking.ranked, ordered, tail);
    if (rest === null || (kept.length < want && rest.length > 0)) {
      // Facets of single-valued keys need a prefix holding every key: at random, about keys × ln(keys).
      const keys = table.multiValued ? 0 : tallyMatches(table, ranking.ranked, tail).keys;
      return { atLeast: everyKept ? Math.ceil(2 * keys * Math.log(keys + 1)) : 0 };
    }
    return {
      done: {
        ranking: { ...ranking, ranked: kept, tail: everyKept ? rest : undefined },
        total: kept.length + rest.length,
      },
    };
  };
  // Not staged: every match is scored already, so order them all once.
  const unstaged = (ranking: KeywordRanking): DistinctRanking => {
    const kept = keepDistinct(table, [...ranking.ranked].sort(compareScored));
    return { ranking: { ...ranking, ranked: kept }, total: kept.length };
  };
  return rankGrowingPrefixes(Math.max(want, 1) * 4, rank, settle, unstaged);
}

/**
 * The keyless matches past the first `ordered` of a staged ranking (all kept by the rule, in any order),
 * or null when a keyed match past them could still be kept: none of its keys is held by a `kept` hit.
 */
function matchesPast(
  table: DistinctKeyTable,
  kept: readonly ScoredDocument[],
  head: readonly ScoredDocument[],
  ordered: number,
  tail: ArrayLike<number>,
): Int32Array | null {
  const { starts, keys } = table;
  const taken = scratchUint8(table.keyCount, 0);
  for (const hit of kept)
    for (let k = starts[hit.docId] as number; k < (starts[hit.docId + 1] as number); k++)
      taken[keys[k] as number] = 1;
  const keyless: number[] = [];
  // Whether a match past the prefix is keyless (listed) or could be kept (then the prefix is too short).
  const open = (docId: number): boolean => {
    const from = starts[docId] as number;
    const to = starts[docId + 1] as number;
    if (from === to) {
      keyless.push(docId);
      return false;
    }
    for (let k = from; k < to; k++) if (taken[keys[k] as number] === 1) return false;
    return true;
  };
  for (let i = ordered; i < head.length; i++) if (open((head[i] as ScoredDocument).docId)) return null;
  for (let i = 0; i < tail.length; i++) if (open(tail[i] as number)) return null;
  return Int32Array.from(keyless);
}
