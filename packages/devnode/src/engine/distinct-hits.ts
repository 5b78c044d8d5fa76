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

/** Whether a document holds no key (the distinct rule always keeps it). */
function isKeyless(table: DistinctKeyTable, docId: number): boolean {
  return table.starts[docId] === table.starts[docId + 1];
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

/** The keyless matches past the first `ordered` of a staged ranking (kept by the rule, in any order). */
function keylessRest(
  table: DistinctKeyTable,
  head: readonly ScoredDocument[],
  ordered: number,
  tail: ArrayLike<number>,
): Int32Array {
  const rest: number[] = [];
  for (let i = ordered; i < head.length; i++) {
    const docId = (head[i] as ScoredDocument).docId;
    if (isKeyless(table, docId)) rest.push(docId);
  }
  for (let i = 0; i < tail.length; i++) if (isKeyless(table, tail[i] as number)) rest.push(tail[i] as number);
  return Int32Array.from(rest);
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
 * (`rank(n)` orders the first `n` matches and lists the others) until the prefix holds `want` kept hits,
 * or every match. With `everyKept` (facets count the kept documents), the prefix must also hold every key
 * the matches hold: the rest of the kept documents are then the keyless ones, returned as the ranking's
 * tail. Counting in any order needs single-key documents: for a multi-valued attribute this returns null
 * (the caller ranks everything).
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
  if (table.multiValued) return null;
  const settle = ({ ranking, tail, ordered, matches }: RankedPrefix): PrefixVerdict<DistinctRanking> => {
    const kept = keepDistinct(table, ranking.ranked.slice(0, ordered));
    if (ordered === matches)
      return { done: { ranking: { ...ranking, ranked: kept, tail: undefined }, total: kept.length } };
    const tally = tallyMatches(table, ranking.ranked, tail);
    let keyed = 0;
    for (const hit of kept) if (!isKeyless(table, hit.docId)) keyed++;
    if (kept.length >= want && (!everyKept || keyed === tally.keys)) {
      const rest = everyKept ? keylessRest(table, ranking.ranked, ordered, tail) : undefined;
      return {
        done: { ranking: { ...ranking, ranked: kept, tail: rest }, total: tally.keys + tally.keyless },
      };
    }
    // Facets need a prefix holding every key: when keys fall on matches at random, about keys × ln(keys).
    return { atLeast: everyKept ? Math.ceil(2 * tally.keys * Math.log(tally.keys + 1)) : 0 };
  };
  // Not staged: every match is scored already, so order them all once.
  const unstaged = (ranking: KeywordRanking): DistinctRanking => {
    const kept = keepDistinct(table, [...ranking.ranked].sort(compareScored));
    return { ranking: { ...ranking, ranked: kept }, total: kept.length };
  };
  return rankGrowingPrefixes(Math.max(want, 1) * 4, rank, settle, unstaged);
}
