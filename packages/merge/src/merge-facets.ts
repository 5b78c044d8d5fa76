import type { FacetDistribution } from './types.js';

/**
 * Meilisearch's default `faceting.maxValuesPerFacet`.
 *
 * @example
 * mergeFacetDistributions(distributions, { maxValuesPerFacet: DEFAULT_MAX_VALUES_PER_FACET });
 */
export const DEFAULT_MAX_VALUES_PER_FACET = 100;

/**
 * The `faceting` settings that decide how a merged distribution is sorted and truncated.
 *
 * @example
 * const faceting: FacetingOptions = { maxValuesPerFacet: 10, sortFacetValuesBy: { '*': 'alpha', genre: 'count' } };
 */
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
  // Null-prototype objects: parsed JSON keys are internalised strings, which V8 looks up faster in
  // objects than a Map hashes them (this loop dominates the merge cost of facet-heavy responses).
  const sums: Record<string, Record<string, number>> = Object.create(null);
  for (const distribution of distributions) {
    if (distribution == null) continue;
    for (const facet in distribution) {
      const counts = distribution[facet]!;
      let values = sums[facet];
      if (values === undefined) {
        values = Object.create(null) as Record<string, number>;
        sums[facet] = values;
      }
      for (const value in counts) {
        const previous = values[value];
        values[value] = previous === undefined ? counts[value]! : previous + counts[value]!;
      }
    }
  }
  const max = faceting.maxValuesPerFacet ?? DEFAULT_MAX_VALUES_PER_FACET;
  const merged: FacetDistribution = {};
  for (const facet in sums) {
    const values = sums[facet]!;
    const order = faceting.sortFacetValuesBy?.[facet] ?? faceting.sortFacetValuesBy?.['*'] ?? 'alpha';
    const entries: FacetEntry[] = [];
    for (const value in values) entries.push(toEntry(value, values[value]!));
    entries.sort(order === 'count' ? compareByCount : compareAlpha);
    const out: Record<string, number> = {};
    const n = Math.min(entries.length, max);
    for (let i = 0; i < n; i++) out[entries[i]!.value] = entries[i]!.count;
    merged[facet] = out;
  }
  return merged;
}

/** A facet value with its sort keys computed once (sorting calls the comparator O(n log n) times). */
interface FacetEntry {
  value: string;
  count: number;
  isNumber: boolean;
  number: number;
  folded: string;
}

function toEntry(value: string, count: number): FacetEntry {
  const first = value.charCodeAt(0);
  const mayBeNumber = first === 45 || (first >= 48 && first <= 57);
  const isNumber = mayBeNumber && NUMBER_KEY.test(value);
  return { value, count, isNumber, number: isNumber ? Number(value) : 0, folded: value.toLowerCase() };
}

function compareByCount(a: FacetEntry, b: FacetEntry): number {
  return b.count - a.count || compareAlpha(a, b);
}

function compareAlpha(a: FacetEntry, b: FacetEntry): number {
  if (a.isNumber !== b.isNumber) return a.isNumber ? -1 : 1;
  if (a.isNumber) return a.number - b.number;
  // Meilisearch orders string facet values by their normalised (case-folded) form.
  if (a.folded !== b.folded) return a.folded < b.folded ? -1 : 1;
  return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
}
