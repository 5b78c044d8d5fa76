import { createDistinctFilter } from './apply-distinct.js';
import { compareRankingKeys, extractRankingKey, extractSemanticKey } from './compare-hits.js';
import { kWayMerge } from './k-way-merge.js';
import type { Hit, ShardRequestPlan } from './types.js';

/**
 * How {@link mergeHits} cuts the merged ranking.
 *
 * @example
 * const options: MergeHitsOptions = { offset: 20, limit: 10, distinctAttribute: 'sku' };
 */
export interface MergeHitsOptions {
  /** Global position of the first hit returned. */
  offset: number;
  /** Number of hits returned at most. */
  limit: number;
  /** Re-apply `distinct` on this attribute across lists (first occurrence in global order wins). */
  distinctAttribute?: string | null;
  /** Sort rules repeated as custom ranking rules ({@link ShardRequestPlan.repeatedRules}); per list. */
  repeatedRules?: ReadonlyArray<readonly string[]>;
  /**
   * Identity of a hit across lists (federated search: index and primary key); a hit whose identity was
   * already visited is skipped, so the best-ranked copy wins. `undefined` identities are never skipped.
   */
  identityOf?: (hit: Hit, list: number) => string | undefined;
  /** Vector/hybrid search: order by score weighted by this ratio ({@link extractSemanticKey}). */
  semanticRatio?: number;
  /** Per-list weight (federated search); omit for a plain sharded search. */
  weights?: ReadonlyArray<number>;
}

/**
 * One merged hit and the list (node or query) it came from.
 *
 * @example
 * const merged: MergedHit = { hit: { id: 1 }, list: 2 };
 */
export interface MergedHit {
  hit: Hit;
  list: number;
}

/**
 * Merges per-node hit lists (each in that node's ranking order) into the global order with a k-way
 * merge on Meilisearch's lexicographic ranking key, re-applies `distinct`, then skips `offset` and
 * keeps `limit` hits. Exact ties keep node order (lower list index first).
 *
 * @example
 * mergeHits([[{ id: 1, _rankingScore: 0.9 }], [{ id: 2, _rankingScore: 0.95 }]], { offset: 0, limit: 10 })
 *   .map((m) => m.hit.id); // [2, 1]
 */
export function mergeHits(lists: ReadonlyArray<ReadonlyArray<Hit>>, options: MergeHitsOptions): MergedHit[] {
  const { offset, limit, weights, repeatedRules, semanticRatio } = options;
  const out: MergedHit[] = [];
  if (limit <= 0) return out;
  const isKept = options.distinctAttribute ? createDistinctFilter(options.distinctAttribute) : undefined;
  const identityOf = options.identityOf;
  const seen = identityOf === undefined ? undefined : new Set<string>();
  let position = 0;
  kWayMerge(
    lists,
    semanticRatio === undefined
      ? (hit, list) => extractRankingKey(hit, weights?.[list], repeatedRules?.[list])
      : (hit, list) => extractSemanticKey(hit, semanticRatio, repeatedRules?.[list]),
    compareRankingKeys,
    (hit, list) => {
      if (seen !== undefined) {
        const identity = identityOf!(hit, list);
        if (identity !== undefined) {
          if (seen.has(identity)) return true;
          seen.add(identity);
        }
      }
      if (isKept !== undefined && !isKept(hit)) return true;
      if (position++ >= offset) out.push({ hit, list });
      return out.length < limit;
    },
  );
  return out;
}
