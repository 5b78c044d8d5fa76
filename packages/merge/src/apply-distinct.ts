import type { Hit } from './types.js';

/**
 * Creates a stateful filter that re-applies `distinct` to hits visited in global order: a hit is kept
 * unless one of its distinct values already belongs to a kept hit (first occurrence wins), which is how
 * Meilisearch applies distinct while ranking. Hits without a value are always kept. Strings are compared
 * normalised (trimmed, lower-cased) like Meilisearch facet values; numbers and strings never collide.
 *
 * @example
 * const isKept = createDistinctFilter('sku');
 * [{ sku: 'A' }, { sku: 'a' }, { sku: 'B' }].filter(isKept); // [{ sku: 'A' }, { sku: 'B' }]
 */
export function createDistinctFilter(attribute: string): (hit: Hit) => boolean {
  const seen = new Set<string>();
  const path = attribute.split('.');
  return (hit: Hit): boolean => {
    const keys = distinctKeys(readPath(hit, attribute, path));
    if (keys.length === 0) return true;
    for (const key of keys) if (seen.has(key)) return false;
    for (const key of keys) seen.add(key);
    return true;
  };
}

function distinctKeys(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => distinctKeys(v));
  if (typeof value === 'number') return Number.isFinite(value) ? [`n${value}`] : [];
  if (typeof value === 'string') return [`s${value.trim().toLowerCase()}`];
  if (typeof value === 'boolean') return [`s${value}`];
  return [];
}

/** A dotted attribute may be stored flat (`"a.b": 1`) or nested (`a: { b: 1 }`). */
function readPath(hit: Hit, attribute: string, path: string[]): unknown {
  if (attribute in hit) return hit[attribute];
  let current: unknown = hit;
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}
