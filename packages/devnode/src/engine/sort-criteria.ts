import { meiliError } from '@miroir/errors';
import type { Document } from './engine-contract.js';
import { matchesAttributePattern, valuesAtPath } from './field-paths.js';
import { compareSortValues } from './ranking-score.js';

/** One sort criterion: a field or a geo point, ascending or descending. */
export type SortCriterion =
  | { readonly kind: 'field'; readonly field: string; readonly ascending: boolean; readonly key: string }
  | {
      readonly kind: 'geo';
      readonly lat: number;
      readonly lng: number;
      readonly ascending: boolean;
      readonly key: string;
    };

const GEO_POINT = /^_geoPoint\(\s*([^,()]+)\s*,\s*([^,()]+)\s*\)$/;

/** Rust `f64` Display of a coordinate, as used in the `_geoPoint(…)` details key. */
function formatCoordinate(value: number): string {
  return String(value);
}

/**
 * Parse one `field:asc|desc` or `_geoPoint(lat, lng):asc|desc` expression.
 * `errorCode` selects the error (search or documents `sort` parameter vs ranking-rule settings).
 *
 * @example
 * ```ts
 * parseSortCriterion('price:asc', 'invalid_search_sort'); // { kind: 'field', field: 'price', ascending: true, key: 'price:asc' }
 * ```
 */
export function parseSortCriterion(
  expression: string,
  errorCode: 'invalid_search_sort' | 'invalid_settings_ranking_rules' | 'invalid_document_sort',
): SortCriterion {
  const colon = expression.lastIndexOf(':');
  const direction = colon < 0 ? '' : expression.slice(colon + 1);
  const subject = colon < 0 ? expression : expression.slice(0, colon);
  if (direction !== 'asc' && direction !== 'desc') {
    throw meiliError(
      errorCode,
      `Invalid syntax for the sort parameter: expected expression ending by \`:asc\` or \`:desc\`, found \`${expression}\`.`,
    );
  }
  const ascending = direction === 'asc';
  const geo = GEO_POINT.exec(subject);
  if (geo !== null) {
    const lat = Number(geo[1]);
    const lng = Number(geo[2]);
    if (!Number.isFinite(lat) || !Number.isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180) {
      throw meiliError(
        errorCode,
        `Invalid syntax for the geo parameter: expected valid latitude and longitude, found \`${subject}\`.`,
      );
    }
    return {
      kind: 'geo',
      lat,
      lng,
      ascending,
      key: `_geoPoint(${formatCoordinate(lat)}, ${formatCoordinate(lng)}):${direction}`,
    };
  }
  if (subject.startsWith('_geoPoint') || subject === '_geo' || subject === '_geoDistance') {
    throw meiliError(
      errorCode,
      `\`${subject}\` is a reserved keyword and thus can't be used as a sort expression. Use the _geoPoint(latitude, longitude) built-in rule to sort on _geo field coordinates.`,
    );
  }
  return { kind: 'field', field: subject, ascending, key: `${subject}:${direction}` };
}

/**
 * The value a document sorts by for a field: the smallest (ascending) / largest (descending) number,
 * else the smallest / largest string; null when the document has neither.
 *
 * @example
 * ```ts
 * sortValue({ p: [3, 1, 'x'] }, 'p', true); // 1
 * ```
 */
export function sortValue(doc: Document, field: string, ascending: boolean): number | string | null {
  let bestNumber: number | null = null;
  let bestString: string | null = null;
  for (const value of valuesAtPath(doc, field)) {
    if (typeof value === 'number' && Number.isFinite(value)) {
      if (bestNumber === null || compareSortValues(ascending, value, bestNumber) < 0) bestNumber = value;
    } else if (typeof value === 'string') {
      if (bestString === null || compareSortValues(ascending, value, bestString) < 0) bestString = value;
    } else if (typeof value === 'boolean') {
      const text = String(value);
      if (bestString === null || compareSortValues(ascending, text, bestString) < 0) bestString = text;
    }
  }
  return bestNumber ?? bestString;
}

/** Haversine distance in meters (Meilisearch's earth radius 6,371,008.8 m). */
export function geoDistance(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const toRad = (d: number): number => (d * Math.PI) / 180;
  const dLat = toRad(lat2 - lat1);
  const dLng = toRad(lng2 - lng1);
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(lat1)) * Math.cos(toRad(lat2)) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** The `_geo` point of a document, or null. */
export function geoPoint(doc: Document): { lat: number; lng: number } | null {
  const geo = doc._geo;
  if (geo === null || typeof geo !== 'object' || Array.isArray(geo)) return null;
  const { lat, lng } = geo as Record<string, unknown>;
  const la = typeof lat === 'string' ? Number(lat) : lat;
  const ln = typeof lng === 'string' ? Number(lng) : lng;
  if (typeof la !== 'number' || typeof ln !== 'number' || !Number.isFinite(la) || !Number.isFinite(ln))
    return null;
  return { lat: la, lng: ln };
}

/**
 * Check that a sort criterion's field is sortable, with Meilisearch's message.
 *
 * @example
 * ```ts
 * assertSortable({ kind: 'field', field: 'x', ascending: true, key: 'x:asc' }, ['price']); // throws
 * ```
 */
export function assertSortable(
  criterion: SortCriterion,
  sortable: readonly string[],
  errorCode: 'invalid_search_sort' | 'invalid_document_sort' = 'invalid_search_sort',
): void {
  const field = criterion.kind === 'geo' ? '_geo' : criterion.field;
  if (sortable.some((p) => matchesAttributePattern(field, p))) return;
  if (criterion.kind === 'geo') {
    throw meiliError(
      errorCode,
      sortable.length === 0
        ? 'Attribute `_geo` is not sortable. This index does not have configured sortable attributes.'
        : `Attribute \`_geo\` is not sortable. Available sortable attributes are: \`${[...sortable].sort().join(', ')}\`.`,
    );
  }
  throw meiliError(
    errorCode,
    sortable.length === 0
      ? `Attribute \`${field}\` is not sortable. This index does not have configured sortable attributes.`
      : `Attribute \`${field}\` is not sortable. Available sortable attributes are: \`${[...sortable].sort().join(', ')}\`.`,
  );
}
