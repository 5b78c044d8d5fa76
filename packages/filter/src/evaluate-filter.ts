import {
  collectFacetValues,
  type FacetValues,
  type FilterValue,
  facetsEqual,
  facetsInRange,
  prepareFilterValue,
} from './compare-filter-values.js';
import type { FilterConditionNode, FilterGeoPoint, FilterNode } from './filter-node.js';
import { geoDistance } from './geo-distance.js';
import { resolveAttributeValues } from './resolve-attribute-values.js';

/** How {@link evaluateFilter} reads documents. */
export interface EvaluateOptions {
  /**
   * Returns the raw values at a dotted attribute path (empty when the attribute is absent). Defaults to
   * {@link resolveAttributeValues}, Meilisearch's flattening of nested objects and arrays.
   */
  readonly resolveAttribute?: (document: Record<string, unknown>, attribute: string) => readonly unknown[];
}

/**
 * Whether `document` matches the filter, with Meilisearch's semantics: a condition on an array holds when
 * any element satisfies it; `NOT`, `!=`, `NOT IN`, `IS NOT NULL`… are complements over all documents, so
 * a document without the attribute matches them; string equality is case-insensitive (normalised facets);
 * a numeric-looking value also matches numbers; geo filters read `_geo: {lat, lng}`.
 *
 * @example
 * const node = parseFilter('genre = Horror AND year >= 2000')!;
 * evaluateFilter(node, { genre: ['horror', 'comedy'], year: 2001 }); // true
 */
export function evaluateFilter(
  node: FilterNode,
  document: Record<string, unknown>,
  options: EvaluateOptions = {},
): boolean {
  const resolve = options.resolveAttribute ?? resolveAttributeValues;
  const evaluate = (current: FilterNode): boolean => {
    switch (current.type) {
      case 'and':
        return current.children.every(evaluate);
      case 'or':
        return current.children.some(evaluate);
      case 'not':
        return !evaluate(current.child);
      case 'condition': {
        const raw = resolve(document, current.attribute);
        return evaluateCondition(current, GEO_COORDINATES.has(current.attribute) ? raw.map(toGeoFacet) : raw);
      }
      case 'geoRadius': {
        const point = readGeoPoint(resolve(document, '_geo'));
        // Meilisearch compares with `radius + f64::EPSILON`.
        return (
          point !== null &&
          geoDistance([current.lat, current.lng], point) <= current.distance + Number.EPSILON
        );
      }
      case 'geoBoundingBox': {
        const point = readGeoPoint(resolve(document, '_geo'));
        return point !== null && isInBoundingBox(point, current.topRight, current.bottomLeft);
      }
      case 'geoPolygon': {
        const point = readGeoPoint(resolve(document, '_geo'));
        return point !== null && isInPolygon(point, current.points);
      }
    }
  };
  return evaluate(node);
}

/** milli indexes `_geo` coordinates as numbers even when documents spell them as strings. */
const GEO_COORDINATES: ReadonlySet<string> = new Set(['_geo.lat', '_geo.lng']);

function toGeoFacet(value: unknown): unknown {
  return typeof value === 'string' ? (toCoordinate(value) ?? value) : value;
}

function evaluateCondition(node: FilterConditionNode, raw: readonly unknown[]): boolean {
  switch (node.operator) {
    case 'EXISTS':
      return raw.length > 0;
    case 'IS NULL':
      return raw.some((value) => value === null);
    case 'IS EMPTY':
      return raw.some(isEmptyValue);
    case 'STARTS WITH':
      // An empty prefix selects every document that has the attribute at all.
      if (valuesOf(node)[0]!.normalized === '') return raw.length > 0;
      return matchFacets(node, collectFacetValues(raw));
    default:
      return matchFacets(node, collectFacetValues(raw));
  }
}

/** Normalised filter values per node, computed once: nodes are immutable data. */
const preparedValues = new WeakMap<FilterConditionNode, readonly FilterValue[]>();

function valuesOf(node: FilterConditionNode): readonly FilterValue[] {
  let values = preparedValues.get(node);
  if (values === undefined) {
    const texts =
      node.operator === 'IN'
        ? node.values
        : node.operator === 'TO'
          ? [node.from, node.to]
          : 'value' in node
            ? [node.value]
            : [];
    values = texts.map(prepareFilterValue);
    preparedValues.set(node, values);
  }
  return values;
}

function matchFacets(node: FilterConditionNode, facets: FacetValues): boolean {
  const values = valuesOf(node);
  const first = values[0]!;
  const open = { value: null, inclusive: true };
  switch (node.operator) {
    case '=':
      return facetsEqual(facets, first);
    case '!=':
      return !facetsEqual(facets, first);
    case 'IN':
      return values.some((value) => facetsEqual(facets, value));
    case '>':
      return facetsInRange(facets, { value: first, inclusive: false }, open);
    case '>=':
      return facetsInRange(facets, { value: first, inclusive: true }, open);
    case '<':
      return facetsInRange(facets, open, { value: first, inclusive: false });
    case '<=':
      return facetsInRange(facets, open, { value: first, inclusive: true });
    case 'TO':
      return facetsInRange(facets, { value: first, inclusive: true }, { value: values[1]!, inclusive: true });
    case 'CONTAINS':
      return facets.strings.some((s) => s.includes(first.normalized));
    case 'STARTS WITH':
      return facets.strings.some((s) => s.startsWith(first.normalized));
    default:
      return false;
  }
}

function isEmptyValue(value: unknown): boolean {
  if (value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  return value !== null && typeof value === 'object' && Object.keys(value).length === 0;
}

/** The document's `_geo` point: `{lat, lng}` with numbers or numeric strings. */
function readGeoPoint(raw: readonly unknown[]): [number, number] | null {
  for (const value of raw) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) continue;
    const { lat, lng } = value as { lat?: unknown; lng?: unknown };
    const latitude = toCoordinate(lat);
    const longitude = toCoordinate(lng);
    if (latitude !== null && longitude !== null) return [latitude, longitude];
  }
  return null;
}

function toCoordinate(value: unknown): number | null {
  const number =
    typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : Number.NaN;
  return typeof value === 'string' && value.trim() === '' ? null : Number.isFinite(number) ? number : null;
}

function isInBoundingBox(
  point: [number, number],
  topRight: FilterGeoPoint,
  bottomLeft: FilterGeoPoint,
): boolean {
  const [lat, lng] = point;
  if (lat < bottomLeft[0] || lat > topRight[0]) return false;
  // A box whose right edge is west of its left edge crosses the antimeridian.
  if (topRight[1] < bottomLeft[1]) return lng >= bottomLeft[1] || lng <= topRight[1];
  return lng >= bottomLeft[1] && lng <= topRight[1];
}

/** Even-odd ray casting in the (lng, lat) plane. */
function isInPolygon(point: [number, number], polygon: readonly FilterGeoPoint[]): boolean {
  const [y, x] = point;
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [yi, xi] = polygon[i]!;
    const [yj, xj] = polygon[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
