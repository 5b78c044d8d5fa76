/**
 * What went wrong while parsing a filter. The names follow Meilisearch's filter-parser `ErrorKind`s; the
 * geo range kinds and `invalidFilterValue` are checks Meilisearch makes just after parsing.
 */
export type FilterParseErrorKind =
  | 'expectedValue'
  | 'reservedKeywordValue'
  | 'malformedValue'
  | 'invalidEscapedNumber'
  | 'missingClosingDelimiter'
  | 'invalidPrimary'
  | 'expectedEof'
  | 'geoRadius'
  | 'geoBoundingBox'
  | 'geoPolygon'
  | 'reservedGeo'
  | 'misusedGeoRadius'
  | 'misusedGeoBoundingBox'
  | 'misusedGeoPolygon'
  | 'inOpeningBracket'
  | 'inClosingBracket'
  | 'inExpectedValue'
  | 'nonFiniteFloat'
  | 'badLatitude'
  | 'badLongitude'
  | 'boundingBoxTopBelowBottom'
  | 'badGeoResolution'
  | 'depthLimitReached'
  | 'invalidFilterValue';

/**
 * A filter that Meilisearch would reject with `invalid_search_filter`. `message` reproduces Meilisearch's
 * text: the diagnostic, a newline, then `column:column input` (1-based columns, in Unicode scalar values,
 * of the offending fragment), then the whole expression. `start`/`end` are UTF-16 offsets of that
 * fragment in `input` (the expression string that failed, one element of an array filter).
 *
 * @example
 * try { parseFilter('title'); } catch (error) {
 *   if (error instanceof FilterParseError) console.log(error.kind, error.start, error.end); // invalidPrimary 0 5
 * }
 */
export class FilterParseError extends Error {
  override readonly name = 'FilterParseError';
  readonly kind: FilterParseErrorKind;
  readonly start: number;
  readonly end: number;
  readonly input: string;

  /**
   * @param detail the quote/parenthesis for `missingClosingDelimiter`, the keyword for `reservedGeo`,
   *   the offending number for geo range errors, the JSON text for `invalidFilterValue`.
   */
  constructor(kind: FilterParseErrorKind, input: string, start: number, end: number, detail = '') {
    super(formatMessage(kind, input, start, end, detail));
    this.kind = kind;
    this.input = input;
    this.start = start;
    this.end = end;
  }
}

function formatMessage(
  kind: FilterParseErrorKind,
  input: string,
  start: number,
  end: number,
  detail: string,
): string {
  if (kind === 'invalidFilterValue') {
    // Raised while reading the JSON shape, before any expression exists: no position line.
    return `Invalid syntax for the filter parameter: \`${detail}\`.`;
  }
  const fragment = input.slice(start, end);
  return `${describe(kind, fragment, escapeDebug(fragment), detail)}${formatFilterErrorLocation(input, start, end)}`;
}

/**
 * The position suffix Meilisearch appends to every filter error: a newline, then
 * `startColumn:endColumn expression` (1-based columns of the fragment on its line, counted in Unicode
 * scalar values). Use it to build other `invalid_search_filter` messages, such as "not filterable".
 *
 * @example
 * formatFilterErrorLocation('genre = horror', 0, 5); // '\n1:6 genre = horror'
 */
export function formatFilterErrorLocation(input: string, start: number, end: number): string {
  const lineStart = input.lastIndexOf('\n', start - 1) + 1;
  const column = countScalars(input.slice(lineStart, start)) + 1;
  return `\n${column}:${column + countScalars(input.slice(start, end))} ${input}`;
}

function describe(kind: FilterParseErrorKind, fragment: string, shown: string, detail: string): string {
  switch (kind) {
    case 'expectedValue':
      return fragment.trim() === ''
        ? 'Was expecting a value but instead got nothing.'
        : `Was expecting a value but instead got \`${shown}\`.`;
    case 'reservedKeywordValue':
      return `Was expecting a value but instead got \`${shown}\`, which is a reserved keyword. To use \`${shown}\` as a field name or a value, surround it by quotes.`;
    case 'malformedValue':
      return `Malformed value: \`${shown}\`.`;
    case 'invalidEscapedNumber':
      return `Found an invalid escaped sequence number: \`${shown}\`.`;
    case 'missingClosingDelimiter':
      return `Expression \`${shown}\` is missing the following closing delimiter: \`${detail}\`.`;
    case 'invalidPrimary': {
      const where = fragment.trim() === '' ? 'but instead got nothing.' : `at \`${shown}\`.`;
      return `Was expecting an operation \`=\`, \`!=\`, \`>=\`, \`>\`, \`<=\`, \`<\`, \`IN\`, \`NOT IN\`, \`TO\`, \`EXISTS\`, \`NOT EXISTS\`, \`IS NULL\`, \`IS NOT NULL\`, \`IS EMPTY\`, \`IS NOT EMPTY\`, \`CONTAINS\`, \`NOT CONTAINS\`, \`STARTS WITH\`, \`NOT STARTS WITH\`, \`_geoRadius\`, or \`_geoBoundingBox\` ${where}`;
    }
    case 'expectedEof':
      return `Found unexpected characters at the end of the filter: \`${shown}\`. You probably forgot an \`OR\` or an \`AND\` rule.`;
    case 'geoRadius':
      return 'The `_geoRadius` filter expects three arguments: `_geoRadius(latitude, longitude, radius)`.';
    case 'geoBoundingBox':
      return 'The `_geoBoundingBox` filter expects two pairs of arguments: `_geoBoundingBox([latitude, longitude], [latitude, longitude])`.';
    case 'geoPolygon':
      return 'The `_geoPolygon` filter expects at least three points: `_geoPolygon([latitude, longitude], [latitude, longitude], [latitude, longitude])`.';
    case 'reservedGeo':
      return `\`${escapeDebug(detail)}\` is a reserved keyword and thus can't be used as a filter expression. Use the \`_geoRadius(latitude, longitude, distance)\` or \`_geoBoundingBox([latitude, longitude], [latitude, longitude])\` built-in rules to filter on \`_geo\` coordinates.`;
    case 'misusedGeoRadius':
      return "The `_geoRadius` filter is an operation and can't be used as a value.";
    case 'misusedGeoBoundingBox':
      return "The `_geoBoundingBox` filter is an operation and can't be used as a value.";
    case 'misusedGeoPolygon':
      return "The `_geoPolygon` filter is an operation and can't be used as a value.";
    case 'inOpeningBracket':
      return 'Expected `[` after `IN` keyword.';
    case 'inClosingBracket':
      return 'Expected matching `]` after the list of field names given to `IN[`';
    case 'inExpectedValue':
      return `Expected only comma-separated field names inside \`IN[..]\` but instead found \`${shown}\`.`;
    case 'nonFiniteFloat':
      return 'Non finite floats are not supported';
    case 'badLatitude':
      return `Bad latitude \`${detail}\`. Latitude must be contained between -90 and 90 degrees. `;
    case 'badLongitude':
      return `Bad longitude \`${detail.split(' ')[0]}\`. Longitude must be contained between -180 and 180 degrees. Hint: try using \`${detail.split(' ')[1]}\` instead.`;
    case 'boundingBoxTopBelowBottom':
      return `The top latitude \`${detail.split(' ')[0]}\` is below the bottom latitude \`${detail.split(' ')[1]}\`.`;
    case 'badGeoResolution':
      return `Bad resolution \`${detail}\`. The resolution must be contained between 3 and 1000.`;
    case 'depthLimitReached':
      return 'The filter exceeded the maximum depth limit. Try rewriting the filter so that it contains fewer nested conditions.';
    default:
      return `[BUG] unknown filter error kind ${String(kind)}`;
  }
}

/** Rust's `str::escape_debug`, which Meilisearch applies to the fragments it quotes. */
function escapeDebug(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === '\\' || ch === '"' || ch === "'") out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\0') out += '\\0';
    else if (code < 0x20 || code === 0x7f) out += `\\u{${code.toString(16)}}`;
    else out += ch;
  }
  return out;
}

function countScalars(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}
