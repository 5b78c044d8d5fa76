import { describe, expect, it } from 'vitest';
import { FilterParseError } from './filter-parse-error.js';
import { parseFilter } from './parse-filter.js';

const OPERATIONS =
  'Was expecting an operation `=`, `!=`, `>=`, `>`, `<=`, `<`, `IN`, `NOT IN`, `TO`, `EXISTS`, `NOT EXISTS`, `IS NULL`, `IS NOT NULL`, `IS EMPTY`, `IS NOT EMPTY`, `CONTAINS`, `NOT CONTAINS`, `STARTS WITH`, `NOT STARTS WITH`, `_geoRadius`, or `_geoBoundingBox`';
const GEO_RESERVED = (name: string) =>
  `\`${name}\` is a reserved keyword and thus can't be used as a filter expression. Use the \`_geoRadius(latitude, longitude, distance)\` or \`_geoBoundingBox([latitude, longitude], [latitude, longitude])\` built-in rules to filter on \`_geo\` coordinates.`;

function parseError(input: string): FilterParseError {
  try {
    parseFilter(input);
  } catch (error) {
    if (error instanceof FilterParseError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(input)} to fail`);
}

describe('FilterParseError messages (Meilisearch filter-parser wording)', () => {
  const cases: Array<[string, FilterParseError['kind'], string]> = [
    ['title', 'invalidPrimary', `${OPERATIONS} at \`title\`.\n1:6 title`],
    ['x = 1 AND', 'invalidPrimary', `${OPERATIONS} but instead got nothing.\n10:10 x = 1 AND`],
    ['NOT', 'invalidPrimary', `${OPERATIONS} but instead got nothing.\n4:4 NOT`],
    ['x = 1\nAND y', 'invalidPrimary', `${OPERATIONS} at \`y\`.\n5:6 x = 1\nAND y`],
    ['channel = ', 'expectedValue', 'Was expecting a value but instead got nothing.\n11:11 channel = '],
    [
      'channel = ponce john',
      'expectedEof',
      'Found unexpected characters at the end of the filter: `john`. You probably forgot an `OR` or an `AND` rule.\n17:21 channel = ponce john',
    ],
    [
      'x = 1 and y = 2',
      'expectedEof',
      'Found unexpected characters at the end of the filter: `and y = 2`. You probably forgot an `OR` or an `AND` rule.\n7:16 x = 1 and y = 2',
    ],
    [
      '(a = 1',
      'missingClosingDelimiter',
      'Expression `(a = 1` is missing the following closing delimiter: `)`.\n1:7 (a = 1',
    ],
    [
      "x = 'abc",
      'missingClosingDelimiter',
      "Expression `\\'abc` is missing the following closing delimiter: `'`.\n5:9 x = 'abc",
    ],
    ['x IN a', 'inOpeningBracket', 'Expected `[` after `IN` keyword.\n6:7 x IN a'],
    [
      'x IN [a',
      'inClosingBracket',
      'Expected matching `]` after the list of field names given to `IN[`\n8:8 x IN [a',
    ],
    [
      'x IN [a b]',
      'inExpectedValue',
      'Expected only comma-separated field names inside `IN[..]` but instead found `b]`.\n9:11 x IN [a b]',
    ],
    [
      'x IN [a, AND]',
      'inExpectedValue',
      'Expected only comma-separated field names inside `IN[..]` but instead found `AND]`.\n10:14 x IN [a, AND]',
    ],
    [
      'x = AND',
      'reservedKeywordValue',
      'Was expecting a value but instead got `AND`, which is a reserved keyword. To use `AND` as a field name or a value, surround it by quotes.\n5:8 x = AND',
    ],
    [
      'OR = 1',
      'reservedKeywordValue',
      'Was expecting a value but instead got `OR`, which is a reserved keyword. To use `OR` as a field name or a value, surround it by quotes.\n1:3 OR = 1',
    ],
    ["x = '\\q'", 'malformedValue', "Malformed value: `\\\\q`.\n6:8 x = '\\q'"],
    [
      "x = '\\xZZ'",
      'invalidEscapedNumber',
      "Found an invalid escaped sequence number: `\\\\xZZ`.\n6:10 x = '\\xZZ'",
    ],
    [
      'x = _geoRadius(1,2,3)',
      'misusedGeoRadius',
      "The `_geoRadius` filter is an operation and can't be used as a value.\n5:22 x = _geoRadius(1,2,3)",
    ],
    [
      'x = _geoBoundingBox',
      'misusedGeoBoundingBox',
      "The `_geoBoundingBox` filter is an operation and can't be used as a value.\n5:20 x = _geoBoundingBox",
    ],
    [
      '_geoRadius(1,2',
      'geoRadius',
      'The `_geoRadius` filter expects three arguments: `_geoRadius(latitude, longitude, radius)`.\n1:15 _geoRadius(1,2',
    ],
    [
      '_geoRadius(1,2)',
      'geoRadius',
      'The `_geoRadius` filter expects three arguments: `_geoRadius(latitude, longitude, radius)`.\n16:16 _geoRadius(1,2)',
    ],
    [
      '_geoBoundingBox([1,2],[3])',
      'geoBoundingBox',
      'The `_geoBoundingBox` filter expects two pairs of arguments: `_geoBoundingBox([latitude, longitude], [latitude, longitude])`.\n27:27 _geoBoundingBox([1,2],[3])',
    ],
    ['_geoPolygon([1,2],[3,4])', 'geoPolygon', ''],
    ['_geoPoint(1,2)', 'reservedGeo', `${GEO_RESERVED('_geoPoint')}\n1:15 _geoPoint(1,2)`],
    ['x = _geoDistance', 'reservedGeo', `${GEO_RESERVED('_geoDistance')}\n5:17 x = _geoDistance`],
    ['_geo = 1', 'reservedGeo', `${GEO_RESERVED('_geo')}\n1:9 _geo = 1`],
    [
      '_geoRadius(100, 2, 3)',
      'badLatitude',
      'Bad latitude `100`. Latitude must be contained between -90 and 90 degrees. \n12:15 _geoRadius(100, 2, 3)',
    ],
    [
      '_geoRadius(1, -181, 3)',
      'badLongitude',
      'Bad longitude `-181`. Longitude must be contained between -180 and 180 degrees. Hint: try using `179` instead.\n15:19 _geoRadius(1, -181, 3)',
    ],
    [
      '_geoBoundingBox([1, 2], [3, 4])',
      'boundingBoxTopBelowBottom',
      'The top latitude `1` is below the bottom latitude `3`.\n29:30 _geoBoundingBox([1, 2], [3, 4])',
    ],
    [
      '_geoRadius(1, 2, 1e999)',
      'nonFiniteFloat',
      'Non finite floats are not supported\n18:23 _geoRadius(1, 2, 1e999)',
    ],
    ['_geoRadius(1, 2, 3, 2)', 'badGeoResolution', ''],
    ['x 🦀 y', 'invalidPrimary', `${OPERATIONS} at \`x 🦀 y\`.\n1:6 x 🦀 y`],
  ];
  it.each(cases)('%j → %s', (input, kind, message) => {
    const error = parseError(input);
    expect(error.kind).toBe(kind);
    expect(error.input).toBe(input);
    if (message !== '') expect(error.message).toBe(message);
  });

  it('reports the UTF-16 span of the offending fragment', () => {
    const error = parseError('channel = ponce john');
    expect([error.start, error.end]).toEqual([16, 20]);
    expect(error.name).toBe('FilterParseError');
    expect(error).toBeInstanceOf(Error);
  });

  it('stops at the depth limit (about 50 nested parentheses)', () => {
    expect(parseFilter(`${'('.repeat(45)}a = 1${')'.repeat(45)}`)).toEqual({
      type: 'condition',
      attribute: 'a',
      operator: '=',
      value: '1',
    });
    const error = parseError(`${'('.repeat(60)}a = 1${')'.repeat(60)}`);
    expect(error.kind).toBe('depthLimitReached');
    expect(error.message).toMatch(
      /^The filter exceeded the maximum depth limit\. Try rewriting the filter so that it contains fewer nested conditions\.\n/,
    );
    expect(parseError(`${'NOT '.repeat(300)}a = 1`).kind).toBe('depthLimitReached');
  });

  it('reports errors of array elements against the element', () => {
    const error = (() => {
      try {
        parseFilter(['a = 1', ['b = 2', 'oops']]);
      } catch (e) {
        return e as FilterParseError;
      }
      throw new Error('expected failure');
    })();
    expect(error.input).toBe('oops');
    expect(error.message).toBe(`${OPERATIONS} at \`oops\`.\n1:5 oops`);
  });
});
