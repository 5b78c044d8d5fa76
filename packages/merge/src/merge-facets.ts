import { selectSmallest } from './select-smallest.js';
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
  const sums = new Map<string, FacetSums>();
  for (const distribution of distributions) {
    if (distribution == null) continue;
    for (const facet in distribution) {
      let facetSums = sums.get(facet);
      if (facetSums === undefined) {
        facetSums = { values: [], counts: [], slots: undefined };
        sums.set(facet, facetSums);
      }
      addCounts(facetSums, distribution[facet]!);
    }
  }
  const setting = faceting.maxValuesPerFacet ?? DEFAULT_MAX_VALUES_PER_FACET;
  // Whole count for both branches (nodes validate the setting; this only keeps odd values harmless).
  const max = setting > 0 ? Math.ceil(setting) : 0;
  const merged: FacetDistribution = {};
  for (const [facet, { values, counts }] of sums) {
    const kept = sortFacetValues(values, counts, facetOrder(faceting, facet), max, true);
    const out: Record<string, number> = {};
    for (const entry of kept) out[entry.value] = entry.count;
    merged[facet] = out;
  }
  return merged;
}

/** The `sortFacetValuesBy` order of one facet (its own entry, else `*`, else alphabetical). */
export function facetOrder(faceting: FacetingOptions, facet: string): 'alpha' | 'count' {
  return faceting.sortFacetValuesBy?.[facet] ?? faceting.sortFacetValuesBy?.['*'] ?? 'alpha';
}

/**
 * Orders summed facet values as one node would and keeps the first `max`: `count` = higher counts first,
 * then alphabetical; `alpha` = numbers first (numerically, when `hasNumericKeys`: distribution keys of
 * numeric facets are numbers printed as strings), then strings by their case-folded form.
 * `values`/`counts` are parallel arrays in first-seen order; ties keep that order in both branches.
 */
export function sortFacetValues(
  values: readonly string[],
  counts: readonly number[],
  order: 'alpha' | 'count',
  max: number,
  hasNumericKeys: boolean,
): Array<{ value: string; count: number }> {
  const entries: FacetEntry[] = new Array(values.length);
  for (let i = 0; i < values.length; i++) entries[i] = toEntry(values[i]!, counts[i]!, hasNumericKeys);
  // `alpha`: nodes list values in this very order, so the union is a few sorted runs, which the
  // (run-detecting) sort merges in near-linear time. `count`: a bounded heap keeps the top `max`.
  return order === 'count'
    ? selectSmallest(entries, max, compareByCount)
    : entries.sort(compareAlpha).slice(0, max);
}

/** One facet's running sums: values in first-seen order with parallel counts. */
interface FacetSums {
  values: string[];
  counts: number[];
  /** Value → index, built only once a node lists values in a different order than seen so far. */
  slots: Map<string, number> | undefined;
}

/**
 * Adds one node's counts. Nodes usually list shared values in the same order (both sort them the same
 * way), so the next expected value is tried first: parsed JSON keys are internalised strings, so that
 * check is a pointer comparison and the common case needs no hashing at all.
 */
function addCounts(sums: FacetSums, nodeCounts: Record<string, number>): void {
  const { values, counts } = sums;
  if (values.length === 0) {
    // A node lists each value once, so the first node's values are all new.
    for (const value in nodeCounts) {
      values.push(value);
      counts.push(nodeCounts[value]!);
    }
    return;
  }
  let next = 0;
  for (const value in nodeCounts) {
    const count = nodeCounts[value]!;
    if (values[next] === value) {
      counts[next] = counts[next]! + count;
      next++;
      continue;
    }
    let slots = sums.slots;
    if (slots === undefined) {
      slots = new Map();
      for (let i = 0; i < values.length; i++) slots.set(values[i]!, i);
      sums.slots = slots;
    }
    const slot = slots.get(value);
    if (slot === undefined) {
      next = values.length;
      slots.set(value, next);
      values.push(value);
      counts.push(count);
      next++;
    } else {
      counts[slot] = counts[slot]! + count;
      next = slot + 1;
    }
  }
}

/** A facet value with its sort keys computed once (sorting calls the comparator O(n log n) times). */
interface FacetEntry {
  value: string;
  count: number;
  isNumber: boolean;
  number: number;
  folded: string;
}

function toEntry(value: string, count: number, hasNumericKeys: boolean): FacetEntry {
  const first = value.charCodeAt(0);
  const mayBeNumber = hasNumericKeys && (first === 45 || (first >= 48 && first <= 57));
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
