import type { FilterGeoPoint, FilterNode } from './filter-node.js';
import { FilterParseError } from './filter-parse-error.js';
import { scanFloat, skipSpaces } from './tokenize.js';

/** The geo built-ins usable as a filter expression. */
export type GeoFunctionName = '_geoRadius' | '_geoBoundingBox' | '_geoPolygon';

interface NumberArg {
  readonly value: number;
  readonly start: number;
  readonly end: number;
}

/**
 * Parses a geo built-in whose name ends at `nameEnd` (`primaryStart` is where the primary began, the
 * span Meilisearch reports for syntax errors), then checks its arguments the way Meilisearch does right
 * after parsing (finite floats, latitude/longitude ranges, bounding-box orientation). `anchor` is the span
 * of the first number, where Meilisearch reports errors about the `_geo` attribute.
 */
export function parseGeoFunction(
  input: string,
  name: GeoFunctionName,
  primaryStart: number,
  nameEnd: number,
): { node: FilterNode; next: number; anchor: { start: number; end: number } } {
  const kind =
    name === '_geoRadius' ? 'geoRadius' : name === '_geoBoundingBox' ? 'geoBoundingBox' : 'geoPolygon';
  const syntaxError = (): never => {
    throw new FilterParseError(kind, input, primaryStart, input.length);
  };
  let pos = nameEnd;
  if (input[pos] !== '(') syntaxError();
  pos++;
  const scalars: NumberArg[] = [];
  const pairs: NumberArg[][] = [];
  const readList = (into: NumberArg[], close: string): void => {
    for (;;) {
      const start = skipSpaces(input, pos);
      const end = scanFloat(input, start);
      if (end < 0) syntaxError();
      into.push({ value: Number(input.slice(start, end)), start, end });
      pos = skipSpaces(input, end);
      if (input[pos] !== ',') break;
      pos++;
    }
    if (input[pos] !== close) syntaxError();
    pos++;
  };
  if (name === '_geoRadius') {
    readList(scalars, ')');
  } else {
    for (;;) {
      pos = skipSpaces(input, pos);
      if (input[pos] !== '[') syntaxError();
      pos++;
      const pair: NumberArg[] = [];
      readList(pair, ']');
      pairs.push(pair);
      pos = skipSpaces(input, pos);
      if (input[pos] !== ',') break;
      pos++;
    }
    if (input[pos] !== ')') syntaxError();
    pos++;
  }
  const first = scalars[0] ?? pairs[0]?.[0];
  const anchor = first ? { start: first.start, end: first.end } : { start: pos, end: pos };
  const countError = (): never => {
    throw new FilterParseError(kind, input, pos, input.length);
  };
  for (const arg of [...scalars, ...pairs.flat()]) {
    if (!Number.isFinite(arg.value)) throw new FilterParseError('nonFiniteFloat', input, arg.start, arg.end);
  }
  if (name === '_geoRadius') {
    if (scalars.length !== 3 && scalars.length !== 4) countError();
    const [lat, lng, distance, resolution] = scalars as [NumberArg, NumberArg, NumberArg, NumberArg?];
    checkPoint(input, lat, lng);
    if (resolution && !(resolution.value >= 3 && Math.trunc(resolution.value) <= 1000)) {
      throw new FilterParseError(
        'badGeoResolution',
        input,
        resolution.start,
        resolution.end,
        fmt(resolution),
      );
    }
    return {
      node: {
        type: 'geoRadius',
        lat: lat.value,
        lng: lng.value,
        distance: distance.value,
        resolution: resolution ? resolution.value : null,
      },
      next: pos,
      anchor,
    };
  }
  if (pairs.some((pair) => pair.length !== 2)) countError();
  const points = pairs.map((pair) => {
    const [lat, lng] = pair as [NumberArg, NumberArg];
    checkPoint(input, lat, lng);
    return [lat.value, lng.value] as FilterGeoPoint;
  });
  if (name === '_geoPolygon') {
    if (points.length < 3) countError();
    return { node: { type: 'geoPolygon', points }, next: pos, anchor };
  }
  if (points.length !== 2) countError();
  const [topRight, bottomLeft] = points as [FilterGeoPoint, FilterGeoPoint];
  if (topRight[0] < bottomLeft[0]) {
    // Meilisearch points at the bottom-left longitude token here; keep the same span.
    const at = pairs[1]![1]!;
    throw new FilterParseError(
      'boundingBoxTopBelowBottom',
      input,
      at.start,
      at.end,
      `${fmt(pairs[0]![0]!)} ${fmt(pairs[1]![0]!)}`,
    );
  }
  return { node: { type: 'geoBoundingBox', topRight, bottomLeft }, next: pos, anchor };
}

function checkPoint(input: string, lat: NumberArg, lng: NumberArg): void {
  if (!(lat.value >= -90 && lat.value <= 90)) {
    throw new FilterParseError('badLatitude', input, lat.start, lat.end, fmt(lat));
  }
  if (!(lng.value >= -180 && lng.value <= 180)) {
    // Meilisearch suggests the equivalent longitude inside the range.
    let wrapped = lng.value;
    while (wrapped > 180) wrapped -= 360;
    while (wrapped < -180) wrapped += 360;
    throw new FilterParseError(
      'badLongitude',
      input,
      lng.start,
      lng.end,
      `${fmt(lng)} ${formatNumber(wrapped)}`,
    );
  }
}

/** Formats like Rust's `f64` Display (no exponent, `-0` kept). */
function fmt(arg: NumberArg): string {
  return formatNumber(arg.value);
}

function formatNumber(value: number): string {
  if (Object.is(value, -0)) return '-0';
  const text = String(value);
  return text.includes('e') ? value.toFixed(20).replace(/\.?0+$/, '') : text;
}
