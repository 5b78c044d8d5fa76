import type { FacetDistribution } from './types.js';

/** Meilisearch's default `faceting.maxValuesPerFacet`. */
export const DEFAULT_MAX_VALUES_PER_FACET = 100;

/** The `faceting` settings that decide how a merged distribution is sorted and truncated. */
export interface FacetingOptions {
  maxValuesPerFacet?: number;
  /** Per facet name, with `*` as the default; `alpha` unless told otherwise. */
  sortFacetValuesBy?: Record<string, 'alpha' | 'count'>;
}

const NUMBER_KEY = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;

/**
 * Sums facet counts per value over disjoint shards, then sorts and truncates each facet like one node
 * would with the index's `faceting` settings: `alpha` lists numeric values (ascending) before strings
 * (byte order), `count` lists higher counts first (ties in `alpha` order); at most `maxValuesPerFacet`
 * values per facet.
 *
 * Exactness: in `alpha` order the result is exact, because a value among the first M globally is among
 * the first M on every shard holding it, so no shard truncated it away. In `count` order a value can be
 * cut by a shard whose own top M excludes it, so long-tail counts can be under-counted; configuring
 * nodes with a larger `maxValuesPerFacet` than clients see (so no shard truncates) makes it exact.
 *
 * @example
 * mergeFacetDistributions([{ genre: { drama: 2, action: 1 } }, { genre: { action: 4 } }], { maxValuesPerFacet: 1,
 *   sortFacetValuesBy: { '*': 'count' } });
 * // { genre: { action: 5 } }
 */
export function mergeFacetDistributions(
  distributions: ReadonlyArray<FacetDistribution | undefined>,
  faceting: FacetingOptions = {},
): FacetDistribution {
  const sums = new Map<string, Map<string, number>>();
  for (const distribution of distributions) {
    if (distribution == null) continue;
    for (const facet in distribution) {
      let values = sums.get(facet);
      if (values === undefined) {
        values = new Map();
        sums.set(facet, values);
      }
      const counts = distribution[facet]!;
      for (const value in counts) values.set(value, (values.get(value) ?? 0) + counts[value]!);
    }
  }
  const max = faceting.maxValuesPerFacet ?? DEFAULT_MAX_VALUES_PER_FACET;
  const merged: FacetDistribution = {};
  for (const [facet, values] of sums) {
    const order = faceting.sortFacetValuesBy?.[facet] ?? faceting.sortFacetValuesBy?.['*'] ?? 'alpha';
    const entries = [...values];
    entries.sort(order === 'count' ? compareByCount : compareAlpha);
    const out: Record<string, number> = {};
    const n = Math.min(entries.length, max);
    for (let i = 0; i < n; i++) out[entries[i]![0]] = entries[i]![1];
    merged[facet] = out;
  }
  return merged;
}

function compareByCount(a: [string, number], b: [string, number]): number {
  return b[1] - a[1] || compareAlpha(a, b);
}

function compareAlpha(a: [string, number], b: [string, number]): number {
  const x = a[0];
  const y = b[0];
  const isNumberX = NUMBER_KEY.test(x);
  const isNumberY = NUMBER_KEY.test(y);
  if (isNumberX !== isNumberY) return isNumberX ? -1 : 1;
  if (isNumberX) return Number(x) - Number(y);
  // Meilisearch orders string facet values by their normalised (case-folded) form.
  const fx = x.toLowerCase();
  const fy = y.toLowerCase();
  if (fx !== fy) return fx < fy ? -1 : 1;
  return x < y ? -1 : x > y ? 1 : 0;
}
