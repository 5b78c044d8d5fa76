import type { StoredDocument } from './index-state.js';
import { occurrenceFid, occurrencePosition } from './inverted-index.js';
import type { TermOccurrences } from './match-terms.js';
import type { QueryTerm } from './query-terms.js';
import type { Rank } from './ranking-score.js';

/** Everything the relevancy rules need about one candidate document. */
export interface RuleInput {
  /** Terms left after the words rule, in query order, with their occurrences in the document. */
  readonly terms: readonly QueryTerm[];
  readonly occurrences: readonly TermOccurrences[];
  /** fid → weight in searchableAttributes. */
  readonly fidWeights: readonly number[];
  /** Largest attribute weight (0 with `['*']`). */
  readonly maxWeight: number;
  readonly stored: StoredDocument;
  /** Word id of a normalised word (-1 when unknown to the index). */
  readonly wordId: (word: string) => number;
  readonly isSearched: (fid: number) => boolean;
  readonly proximityByAttribute: boolean;
  /** Set once the typo rule ran: occurrences are restricted to each term's cheapest typo count. */
  readonly typoFiltered?: boolean;
}

/** Keep, per term, only the occurrences with the fewest typos (what the typo rule's bucket keeps). */
export function restrictToBestTypos(input: RuleInput): RuleInput {
  const mixed = input.occurrences.some((occ) => occ.typos.some((t) => t !== occ.typos[0]));
  if (!mixed) return { ...input, typoFiltered: true };
  const occurrences = input.occurrences.map((occ) => {
    let best = Number.POSITIVE_INFINITY;
    for (const t of occ.typos) best = Math.min(best, t);
    return occurrencesWithTypos(occ, best);
  });
  return { ...input, occurrences, typoFiltered: true };
}

/** A term's occurrences with exactly `typos` typos. */
export function occurrencesWithTypos(occ: TermOccurrences, typos: number): TermOccurrences {
  if (occ.typos.every((t) => t === typos)) return occ;
  const keep = occ.typos.map((t) => t === typos);
  return {
    occurrences: occ.occurrences.filter((_, i) => keep[i]),
    spans: occ.spans.filter((_, i) => keep[i]),
    typos: occ.typos.filter((_, i) => keep[i]),
    exact: occ.exact.filter((_, i) => keep[i]),
  };
}

/**
 * Meilisearch stores word positions "bucketed": exact below 16, 24 for 16..23, then the next power of two.
 *
 * @example
 * ```ts
 * bucketedPosition(40); // 64
 * ```
 */
export function bucketedPosition(relative: number): number {
  if (relative < 16) return relative;
  if (relative < 24) return 24;
  // The next power of two at or above `relative` (positions stay far below 2^30).
  return 2 ** (32 - Math.clz32(relative - 1));
}

/** Cost of a word-position distance (Meilisearch's position rule buckets). */
export function positionCost(distance: number): number {
  if (distance === 0) return 0;
  if (distance === 1) return 1;
  if (distance <= 4) return 2;
  if (distance <= 7) return 3;
  if (distance <= 11) return 4;
  if (distance <= 16) return 5;
  if (distance <= 24) return 6;
  if (distance <= 64) return 7;
  if (distance <= 256) return 8;
  if (distance <= 1024) return 9;
  return 10;
}

// positionCost(bucketedPosition(at) - query) for at ≤ 1,024 and query < 16, by `at * 16 + query`.
const COST_FROM = Uint8Array.from({ length: 1025 * 16 }, (_, key) => {
  const at = key >> 4;
  const query = key & 15;
  return at >= query ? positionCost(bucketedPosition(at) - query) : 0;
});

/**
 * wordPosition cost of a word at position `at` for a term at query position `query`, when `at ≥ query`
 * (past the query position the cost only grows with the position): a table read on hot paths.
 *
 * @example
 * ```ts
 * positionCostFrom(0, 0); // 0
 * positionCostFrom(40, 0); // positionCost(64) = 7
 * ```
 */
export function positionCostFrom(at: number, query: number): number {
  if (at > 1024) return 10;
  return query < 16 ? (COST_FROM[at * 16 + query] as number) : positionCost(bucketedPosition(at) - query);
}

/** Proximity pairs only exist between terms adjacent in the query; each pair costs 0..3. */
export const MAX_PAIR_COST = 3;

/** typo rule: total typos (sum over terms of the cheapest occurrence) against the maximum cost. */
export function typoRank(input: RuleInput): { typoCount: number; maxTypoCount: number } {
  let typoCount = 0;
  let maxTypoCount = 0;
  input.terms.forEach((term, i) => {
    maxTypoCount += term.maxTypoCost;
    const occ = input.occurrences[i] as TermOccurrences;
    let best = Number.POSITIVE_INFINITY;
    for (const t of occ.typos) best = Math.min(best, t);
    typoCount += Number.isFinite(best) ? best : term.maxTypoCost;
  });
  return { typoCount, maxTypoCount };
}

/** Occurrences examined per term when pairing (bounds the quadratic scan on pathological documents). */
export const MAX_PAIRED_OCCURRENCES = 1000;

function pairCost(left: TermOccurrences, right: TermOccurrences, byAttribute: boolean): number {
  let best = MAX_PAIR_COST;
  const leftCount = Math.min(left.occurrences.length, MAX_PAIRED_OCCURRENCES);
  const rightCount = Math.min(right.occurrences.length, MAX_PAIRED_OCCURRENCES);
  for (let i = 0; i < leftCount; i++) {
    const lo = left.occurrences[i] as number;
    const lFid = occurrenceFid(lo);
    const lStart = occurrencePosition(lo);
    const lEnd = lStart + (left.spans[i] as number) - 1;
    for (let j = 0; j < rightCount; j++) {
      const ro = right.occurrences[j] as number;
      if (occurrenceFid(ro) !== lFid) continue;
      if (byAttribute) return 0;
      const rStart = occurrencePosition(ro);
      const rEnd = rStart + (right.spans[j] as number) - 1;
      let distance: number;
      if (rStart > lEnd) distance = rStart - lEnd;
      else if (rEnd < lStart) distance = lStart - rEnd + 1;
      // Both terms matched by one n-gram word: Meilisearch charges the n-gram one proximity step.
      else if (rStart === lStart) distance = 2;
      else continue;
      const cost = Math.min(distance, MAX_PAIR_COST + 1) - 1;
      if (cost < best) {
        best = cost;
        if (best === 0) return 0;
      }
    }
  }
  return best;
}

/** proximity rule: sum of pair costs between query-adjacent terms. */
export function proximityRank(
  input: Pick<RuleInput, 'terms' | 'occurrences' | 'proximityByAttribute'>,
): Rank {
  let cost = 0;
  let max = 0;
  for (let i = 0; i + 1 < input.terms.length; i++) {
    const left = input.terms[i] as QueryTerm;
    const right = input.terms[i + 1] as QueryTerm;
    if (left.endPosition + 1 !== right.position) continue;
    max += MAX_PAIR_COST;
    cost += pairCost(
      input.occurrences[i] as TermOccurrences,
      input.occurrences[i + 1] as TermOccurrences,
      input.proximityByAttribute,
    );
  }
  return { rank: max - cost + 1, maxRank: max + 1 };
}

/** attributeRank rule: per term, the weight of the best attribute it occurs in. */
export function attributeRank(input: RuleInput): Rank {
  let cost = 0;
  const max = input.maxWeight * input.terms.length;
  input.occurrences.forEach((occ) => {
    let best = input.maxWeight;
    for (const o of occ.occurrences) best = Math.min(best, input.fidWeights[occurrenceFid(o)] ?? best);
    cost += Math.max(best, 0);
  });
  return { rank: max - cost + 1, maxRank: max + 1 };
}

/** wordPosition rule: per term, distance between its position in the attribute and in the query. */
export function wordPositionRank(input: RuleInput): Rank {
  let cost = 0;
  const max = 10 * input.terms.length;
  input.terms.forEach((term, i) => {
    const occ = input.occurrences[i] as TermOccurrences;
    let best = 10;
    for (const o of occ.occurrences) {
      best = Math.min(best, positionCost(Math.abs(bucketedPosition(occurrencePosition(o)) - term.position)));
    }
    cost += best;
  });
  return { rank: max - cost + 1, maxRank: max + 1 };
}
