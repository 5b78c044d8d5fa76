import type { SearchHit, SearchResponse } from '../engine/engine-contract.js';
import { compareSortValues } from '../engine/index.js';

/** One query's contribution to a federated search. */
export interface FederatedPart {
  indexUid: string;
  /** The index's primary key: a document matched by several queries on one index is returned once. */
  primaryKey: string | null;
  queriesPosition: number;
  weight: number;
  response: SearchResponse;
  /** Keep `_rankingScore` / `_rankingScoreDetails` on the hits (the query asked for them). */
  showRankingScore: boolean;
  showRankingScoreDetails: boolean;
}

type ScoreItem = { kind: 'score'; value: number } | { kind: 'sort'; asc: boolean; value: unknown };

const SORT_KEY = /:(asc|desc)$/;
const RADIX = 1001;

/** Fold consecutive relevancy-rule scores into one, earlier rules dominating (like `Rank::merge`). */
function foldScores(scores: number[]): number {
  let value = 0;
  let max = 0;
  let scale = 1;
  for (const s of scores) {
    value += Math.round(s * 1000) * scale;
    max += 1000 * scale;
    scale /= RADIX;
  }
  return max === 0 ? 0 : value / max;
}

/** Build the comparable sequence of a hit: coalesced relevancy scores (× weight) and sort values. */
function scoreSequence(hit: SearchHit, weight: number): ScoreItem[] | null {
  const details = hit._rankingScoreDetails as Record<string, Record<string, unknown>> | undefined;
  if (!details) return null;
  const entries = Object.entries(details).sort(([, a], [, b]) => Number(a.order ?? 0) - Number(b.order ?? 0));
  const out: ScoreItem[] = [];
  let group: number[] = [];
  const flush = () => {
    if (group.length > 0) out.push({ kind: 'score', value: foldScores(group) * weight });
    group = [];
  };
  for (const [key, entry] of entries) {
    const match = SORT_KEY.exec(key);
    if (match && 'value' in entry) {
      flush();
      out.push({ kind: 'sort', asc: match[1] === 'asc', value: entry.value });
    } else if (typeof entry.score === 'number') {
      group.push(entry.score);
    }
  }
  flush();
  return out;
}

/** Negative when `a` ranks before `b`; `null` when the sequences are not comparable. */
function compareSequences(a: ScoreItem[], b: ScoreItem[]): number | null {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.kind === 'score' && y.kind === 'score') {
      if (Math.abs(x.value - y.value) > Number.EPSILON) return y.value - x.value;
    } else if (x.kind === 'sort' && y.kind === 'sort') {
      if (x.asc !== y.asc) return null;
      const cmp = compareSortValues(x.asc, x.value, y.value);
      if (cmp !== 0) return cmp;
    } else return null;
  }
  return 0;
}

interface Candidate {
  hit: SearchHit;
  part: FederatedPart;
  weighted: number;
  sequence: ScoreItem[] | null;
}

/**
 * Merge per-query results of a federated multi-search: order by the weighted ranking-details
 * comparison, then weighted global score, then `queriesPosition`; keep a document matched by several
 * queries on the same index once (its best-ranked occurrence); add `_federation` to every hit.
 *
 * @example
 * ```ts
 * const hits = mergeFederatedHits(parts, 0, 20);
 * ```
 */
export function mergeFederatedHits(
  parts: readonly FederatedPart[],
  offset: number,
  limit: number,
): SearchHit[] {
  const all: Candidate[] = [];
  for (const part of parts) {
    for (const hit of part.response.hits) {
      const score = typeof hit._rankingScore === 'number' ? hit._rankingScore : 0;
      all.push({ hit, part, weighted: score * part.weight, sequence: scoreSequence(hit, part.weight) });
    }
  }
  all.sort((a, b) => {
    const bySequence = a.sequence && b.sequence ? compareSequences(a.sequence, b.sequence) : null;
    if (bySequence !== null && bySequence !== 0) return bySequence;
    if (bySequence === null && Math.abs(a.weighted - b.weighted) > Number.EPSILON)
      return b.weighted - a.weighted;
    return a.part.queriesPosition - b.part.queriesPosition;
  });
  const seen = new Set<string>();
  const unique = all.filter(({ hit, part }) => {
    const id = part.primaryKey === null ? undefined : hit[part.primaryKey];
    if (id === undefined) return true;
    const key = `${part.indexUid}\u0000${JSON.stringify(id)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.slice(offset, offset + limit).map(({ hit, part, weighted }) => {
    const out: SearchHit = { ...hit };
    if (!part.showRankingScore) delete out._rankingScore;
    if (!part.showRankingScoreDetails) delete out._rankingScoreDetails;
    out._federation = {
      indexUid: part.indexUid,
      queriesPosition: part.queriesPosition,
      weightedRankingScore: weighted,
    };
    return out;
  });
}

/** Facet distribution and stats of one index. */
export interface FacetsOfIndex {
  distribution: Record<string, Record<string, number>>;
  stats: Record<string, { min: number; max: number }>;
}

/**
 * Merge several indexes' facets: counts summed, stats min-of-mins / max-of-maxes, values sorted
 * alphabetically and truncated to `maxValuesPerFacet`.
 *
 * @example
 * ```ts
 * mergeFacets([{ distribution: { g: { a: 1 } }, stats: {} }], 100); // { distribution: { g: { a: 1 } }, stats: {} }
 * ```
 */
export function mergeFacets(all: readonly FacetsOfIndex[], maxValuesPerFacet: number): FacetsOfIndex {
  const distribution: Record<string, Record<string, number>> = {};
  const stats: Record<string, { min: number; max: number }> = {};
  for (const facets of all) {
    for (const [facet, values] of Object.entries(facets.distribution)) {
      distribution[facet] ??= {};
      const target = distribution[facet];
      for (const [value, count] of Object.entries(values)) target[value] = (target[value] ?? 0) + count;
    }
    for (const [facet, s] of Object.entries(facets.stats)) {
      const cur = stats[facet];
      stats[facet] = cur ? { min: Math.min(cur.min, s.min), max: Math.max(cur.max, s.max) } : { ...s };
    }
  }
  for (const facet of Object.keys(distribution)) {
    const sorted = Object.entries(distribution[facet]!)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .slice(0, maxValuesPerFacet);
    distribution[facet] = Object.fromEntries(sorted);
  }
  return { distribution, stats };
}
