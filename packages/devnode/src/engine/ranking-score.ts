import { normalizeWord } from './tokenize.js';

/** A rule's ordinal rank: `maxRank` is best, 0 never matches. */
export interface Rank {
  readonly rank: number;
  readonly maxRank: number;
}

/**
 * Fold ranks lexicographically into one score in [0, 1] (Meilisearch's `Rank::global_score`:
 * starting from 1/1, `r := (r−1)·max_inner + r_inner; max := max·max_inner`).
 *
 * @example
 * ```ts
 * globalScore([{ rank: 1, maxRank: 2 }, { rank: 3, maxRank: 3 }]); // 0.5
 * ```
 */
export function globalScore(ranks: Iterable<Rank>): number {
  let rank = 1;
  let maxRank = 1;
  for (const inner of ranks) {
    rank = Math.max(rank - 1, 0) * inner.maxRank + inner.rank;
    maxRank *= inner.maxRank;
  }
  return rank / maxRank;
}

/** Detail of one ranking rule as it appears in `_rankingScoreDetails`. */
export type RuleDetail = Record<string, unknown> & { order: number };

/** `_rankingScoreDetails`: rule name → detail. */
export type RankingScoreDetails = Record<string, RuleDetail>;

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/**
 * Compare two sort values the way Meilisearch orders them (best first → negative): null/missing last,
 * numbers before strings, strings compared case-insensitively.
 *
 * @example
 * ```ts
 * compareSortValues(true, 1, 'a'); // < 0 (numbers first)
 * ```
 */
export function compareSortValues(ascending: boolean, a: unknown, b: unknown): number {
  const aMissing = a === null || a === undefined;
  const bMissing = b === null || b === undefined;
  if (aMissing || bMissing) return aMissing === bMissing ? 0 : aMissing ? 1 : -1;
  if (isNumber(a) && isNumber(b)) return ascending ? a - b : b - a;
  if (isNumber(a)) return -1;
  if (isNumber(b)) return 1;
  if (typeof a === 'string' && typeof b === 'string') {
    const x = normalizeWord(a);
    const y = normalizeWord(b);
    const order = x < y ? -1 : x > y ? 1 : 0;
    return ascending ? order : -order;
  }
  return 0;
}

function detailScore(detail: RuleDetail): number | undefined {
  if (typeof detail.score === 'number') return detail.score;
  if (typeof detail.similarity === 'number') return detail.similarity;
  return undefined;
}

/**
 * Compare two hits by their `_rankingScoreDetails` in rule order (negative: `a` ranks first). Relevancy
 * rules compare their scores, sort rules their values, geo sorts their distances, vector sorts their
 * similarities. Equal details return 0 (callers then tie-break by internal order).
 *
 * @example
 * ```ts
 * compareRankingDetails({ words: { order: 0, score: 1 } }, { words: { order: 0, score: 0.5 } }); // < 0
 * ```
 */
export function compareRankingDetails(a: RankingScoreDetails, b: RankingScoreDetails): number {
  const left = Object.entries(a).sort((x, y) => x[1].order - y[1].order);
  const right = Object.entries(b).sort((x, y) => x[1].order - y[1].order);
  const n = Math.min(left.length, right.length);
  for (let i = 0; i < n; i++) {
    const [keyA, detA] = left[i] as [string, RuleDetail];
    const [, detB] = right[i] as [string, RuleDetail];
    const scoreA = detailScore(detA);
    const scoreB = detailScore(detB);
    if (scoreA !== undefined && scoreB !== undefined) {
      if (scoreA !== scoreB) return scoreB - scoreA;
      continue;
    }
    const ascending = keyA.endsWith(':asc');
    if (keyA.startsWith('_geoPoint(')) {
      const c = compareSortValues(ascending, detA.distance, detB.distance);
      if (c !== 0) return c;
      continue;
    }
    const c = compareSortValues(ascending, detA.value, detB.value);
    if (c !== 0) return c;
  }
  return 0;
}

/**
 * `_rankingScore` from details: the vector similarity when present, else the fold of the relevancy
 * ranks (sort rules excluded). The details carry each relevancy rule's rank via its detail fields.
 */
export function scoreFromRanks(ranks: readonly Rank[], similarity: number | null): number {
  return similarity ?? globalScore(ranks);
}
