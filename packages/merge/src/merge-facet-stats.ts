import type { FacetStats } from './types.js';

/**
 * Merges numeric facet bounds over shards: the min of the mins and the max of the maxes.
 *
 * @example
 * mergeFacetStats([{ year: { min: 1990, max: 2000 } }, { year: { min: 1985, max: 1995 } }]);
 * // { year: { min: 1985, max: 2000 } }
 */
export function mergeFacetStats(statsList: ReadonlyArray<FacetStats | undefined>): FacetStats {
  const merged: FacetStats = {};
  for (const stats of statsList) {
    if (stats == null) continue;
    for (const facet in stats) {
      const { min, max } = stats[facet]!;
      const current = merged[facet];
      if (current === undefined) merged[facet] = { min, max };
      else merged[facet] = { min: Math.min(current.min, min), max: Math.max(current.max, max) };
    }
  }
  return merged;
}
