import { meiliError } from '@miroir/errors';
import { filterablePatterns, isFilterable } from './compile-filter.js';
import type { Document, IndexSettings } from './engine-contract.js';
import { valuesAtPath } from './field-paths.js';
import { normalizeWord } from './tokenize.js';

/** One facet value with its display form and document count. */
export interface FacetBucket {
  readonly display: string;
  readonly isNumber: boolean;
  readonly numeric: number;
  readonly normalized: string;
  count: number;
}

/** Facet key of a value (numbers by value, strings case-folded), or null if not facetable. */
export function facetKey(value: unknown): { key: string; display: string; number: number | null } | null {
  if (typeof value === 'number' && Number.isFinite(value)) {
    return { key: `n:${value}`, display: String(value), number: value };
  }
  if (typeof value === 'string') return { key: `s:${normalizeWord(value)}`, display: value, number: null };
  if (typeof value === 'boolean') return { key: `s:${value}`, display: String(value), number: null };
  return null;
}

/** Numbers first in numeric order, then strings in (case-folded) lexicographic order. */
function alphaCompare(a: FacetBucket, b: FacetBucket): number {
  if (a.isNumber !== b.isNumber) return a.isNumber ? -1 : 1;
  if (a.isNumber) return a.numeric - b.numeric;
  return a.normalized < b.normalized ? -1 : a.normalized > b.normalized ? 1 : 0;
}

/** The `sortFacetValuesBy` mode for a facet (exact name, else `*`). */
export function facetOrder(settings: IndexSettings, facet: string): 'alpha' | 'count' {
  return settings.faceting.sortFacetValuesBy[facet] ?? settings.faceting.sortFacetValuesBy['*'] ?? 'alpha';
}

/**
 * Resolve the requested facet names (`*` expands to every filterable attribute present), checking that
 * each one is filterable.
 */
export function resolveFacetNames(
  requested: readonly string[],
  settings: IndexSettings,
  knownPaths: Iterable<string>,
): string[] {
  const patterns = filterablePatterns(settings.filterableAttributes);
  const out: string[] = [];
  const invalid: string[] = [];
  for (const name of requested) {
    if (name === '*') {
      for (const path of knownPaths) if (isFilterable(path, patterns) && !out.includes(path)) out.push(path);
      continue;
    }
    if (!isFilterable(name, patterns)) {
      if (!invalid.includes(name)) invalid.push(name);
    } else if (!out.includes(name)) out.push(name);
  }
  if (invalid.length > 0) {
    const available =
      patterns.length === 0
        ? 'This index does not have configured filterable attributes.'
        : `Available filterable attributes patterns are: \`${[...new Set(patterns)].sort().join(', ')}\`.`;
    const subject =
      invalid.length === 1
        ? `Attribute \`${invalid[0]}\` is not filterable.`
        : `Attributes \`${invalid.sort().join(', ')}\` are not filterable.`;
    throw meiliError('invalid_search_facets', `Invalid facet distribution: ${subject} ${available}`);
  }
  return out;
}

/**
 * Exact facet counts and numeric stats over a set of documents.
 *
 * @example
 * ```ts
 * computeFacets([{ g: 'a' }, { g: ['a', 'b'] }], ['g'], defaultSettings());
 * // { facetDistribution: { g: { a: 2, b: 1 } }, facetStats: {} }
 * ```
 */
export function computeFacets(
  docs: Iterable<Document>,
  facets: readonly string[],
  settings: IndexSettings,
): {
  facetDistribution: Record<string, Record<string, number>>;
  facetStats: Record<string, { min: number; max: number }>;
} {
  const buckets = facets.map(() => new Map<string, FacetBucket>());
  const stats = facets.map(() => ({ min: Number.POSITIVE_INFINITY, max: Number.NEGATIVE_INFINITY }));
  for (const doc of docs) {
    facets.forEach((facet, i) => {
      const seen = new Set<string>();
      const map = buckets[i] as Map<string, FacetBucket>;
      const stat = stats[i] as { min: number; max: number };
      for (const value of valuesAtPath(doc, facet)) {
        const key = facetKey(value);
        if (key === null || seen.has(key.key)) continue;
        seen.add(key.key);
        if (key.number !== null) {
          stat.min = Math.min(stat.min, key.number);
          stat.max = Math.max(stat.max, key.number);
        }
        const bucket = map.get(key.key);
        if (bucket === undefined) {
          map.set(key.key, {
            display: key.display,
            isNumber: key.number !== null,
            numeric: key.number ?? 0,
            normalized: key.key.slice(2),
            count: 1,
          });
        } else {
          bucket.count++;
        }
      }
    });
  }
  return finishFacets(facets, buckets, stats, settings);
}

/**
 * Order, truncate and render per-facet buckets (any insertion order: the order is total) and stats.
 *
 * @example
 * ```ts
 * finishFacets(['g'], [new Map()], [{ min: Infinity, max: -Infinity }], defaultSettings());
 * ```
 */
export function finishFacets(
  facets: readonly string[],
  buckets: readonly Map<string, FacetBucket>[],
  stats: readonly { min: number; max: number }[],
  settings: IndexSettings,
): {
  facetDistribution: Record<string, Record<string, number>>;
  facetStats: Record<string, { min: number; max: number }>;
} {
  const facetDistribution: Record<string, Record<string, number>> = {};
  const facetStats: Record<string, { min: number; max: number }> = {};
  facets.forEach((facet, i) => {
    const list = [...(buckets[i] as Map<string, FacetBucket>).values()].sort(alphaCompare);
    if (facetOrder(settings, facet) === 'count') list.sort((a, b) => b.count - a.count);
    const out: Record<string, number> = {};
    for (const bucket of list.slice(0, settings.faceting.maxValuesPerFacet)) {
      out[bucket.display] = (out[bucket.display] ?? 0) + bucket.count;
    }
    facetDistribution[facet] = out;
    const stat = stats[i] as { min: number; max: number };
    if (Number.isFinite(stat.min)) facetStats[facet] = { min: stat.min, max: stat.max };
  });
  return { facetDistribution, facetStats };
}
