import { describe, expect, it } from 'vitest';
import { FilterParseError } from './filter-parse-error.js';
import { parseFilter } from './parse-filter.js';
import { printFilter } from './print-filter.js';

// Inputs and expected outcomes pinned by Meilisearch's filter-parser test suite
// (crates/filter-parser/src/lib.rs, `parse` and `error` tests).

const OPERATIONS =
  'Was expecting an operation `=`, `!=`, `>=`, `>`, `<=`, `<`, `IN`, `NOT IN`, `TO`, `EXISTS`, `NOT EXISTS`, `IS NULL`, `IS NOT NULL`, `IS EMPTY`, `IS NOT EMPTY`, `CONTAINS`, `NOT CONTAINS`, `STARTS WITH`, `NOT STARTS WITH`, `_geoRadius`, or `_geoBoundingBox`';
const RESERVED_GEO = (name: string) =>
  `\`${name}\` is a reserved keyword and thus can't be used as a filter expression. Use the \`_geoRadius(latitude, longitude, distance)\` or \`_geoBoundingBox([latitude, longitude], [latitude, longitude])\` built-in rules to filter on \`_geo\` coordinates.`;
const GEO_RADIUS =
  'The `_geoRadius` filter expects three arguments: `_geoRadius(latitude, longitude, radius)`.';
const GEO_BOX =
  'The `_geoBoundingBox` filter expects two pairs of arguments: `_geoBoundingBox([latitude, longitude], [latitude, longitude])`.';
const RESERVED = (word: string) =>
  `Was expecting a value but instead got \`${word}\`, which is a reserved keyword. To use \`${word}\` as a field name or a value, surround it by quotes.`;
const EOF = (rest: string) =>
  `Found unexpected characters at the end of the filter: \`${rest}\`. You probably forgot an \`OR\` or an \`AND\` rule.`;
const DEPTH =
  'The filter exceeded the maximum depth limit. Try rewriting the filter so that it contains fewer nested conditions.';

function messageOf(input: string): string {
  try {
    parseFilter(input);
  } catch (error) {
    expect(error).toBeInstanceOf(FilterParseError);
    return (error as FilterParseError).message;
  }
  throw new Error(`expected ${JSON.stringify(input)} to be rejected`);
}

describe('Meilisearch filter-parser error snapshots', () => {
  const cases: Array<[string, string, string]> = [
    ['channel = Ponce = 12', EOF('= 12'), '17:21'],
    ['channel =    ', 'Was expecting a value but instead got nothing.', '14:14'],
    ['channel = 🐻', 'Was expecting a value but instead got `🐻`.', '11:12'],
    ['channel = 🐻 AND followers < 100', 'Was expecting a value but instead got `🐻`.', '11:12'],
    ["'OR'", `${OPERATIONS} at \`\\'OR\\'\`.`, '1:5'],
    ['OR', RESERVED('OR'), '1:3'],
    ['channel Ponce', `${OPERATIONS} at \`channel Ponce\`.`, '1:14'],
    ['channel = Ponce OR', `${OPERATIONS} but instead got nothing.`, '19:19'],
    ['_geoRadius', GEO_RADIUS, '1:11'],
    ['_geoRadius = 12', GEO_RADIUS, '1:16'],
    ['_geoBoundingBox', GEO_BOX, '1:16'],
    ['_geoBoundingBox = 12', GEO_BOX, '1:21'],
    ['_geoBoundingBox(1.0, 1.0)', GEO_BOX, '1:26'],
    ['_geoPoint(12, 13, 14)', RESERVED_GEO('_geoPoint'), '1:22'],
    ['position <= _geoPoint(12, 13, 14)', RESERVED_GEO('_geoPoint'), '13:34'],
    ['_geoDistance(12, 13, 14)', RESERVED_GEO('_geoDistance'), '1:25'],
    ['position <= _geoDistance(12, 13, 14)', RESERVED_GEO('_geoDistance'), '13:37'],
    ['_geo(12, 13, 14)', RESERVED_GEO('_geo'), '1:17'],
    ['position <= _geo(12, 13, 14)', RESERVED_GEO('_geo'), '13:29'],
    [
      'position <= _geoRadius(12, 13, 14)',
      "The `_geoRadius` filter is an operation and can't be used as a value.",
      '13:35',
    ],
    ["channel = 'ponce", "Expression `\\'ponce` is missing the following closing delimiter: `'`.", '11:17'],
    ['channel = "ponce', 'Expression `\\"ponce` is missing the following closing delimiter: `"`.', '11:17'],
    [
      'channel = mv OR (followers >= 1000',
      'Expression `(followers >= 1000` is missing the following closing delimiter: `)`.',
      '17:35',
    ],
    ['channel = mv OR followers >= 1000)', EOF(')'), '34:35'],
    ['colour NOT EXIST', `${OPERATIONS} at \`colour NOT EXIST\`.`, '1:17'],
    ['subscribers 100 TO1000', `${OPERATIONS} at \`subscribers 100 TO1000\`.`, '1:23'],
    ["channel = ponce ORdog != 'bernese mountain'", EOF("ORdog != \\'bernese mountain\\'"), '17:44'],
    ['colour IN blue, green]', 'Expected `[` after `IN` keyword.', '11:23'],
    [
      "colour IN [blue, green, 'blue' > 2]",
      'Expected only comma-separated field names inside `IN[..]` but instead found `> 2]`.',
      '32:36',
    ],
    [
      'colour IN [blue, green, AND]',
      'Expected only comma-separated field names inside `IN[..]` but instead found `AND]`.',
      '25:29',
    ],
    ['colour IN [blue, green', 'Expected matching `]` after the list of field names given to `IN[`', '23:23'],
    [
      "colour IN ['blue, green",
      "Expression `\\'blue, green` is missing the following closing delimiter: `'`.",
      '12:24',
    ],
    ['x = EXISTS', RESERVED('EXISTS'), '5:11'],
    ['AND = 8', RESERVED('AND'), '1:4'],
    [`${'('.repeat(50)}x = 1${')'.repeat(50)}`, DEPTH, '51:106'],
    [`${'NOT '.repeat(199)}x = 1`, DEPTH, '797:802'],
    ['NOT OR EXISTS AND EXISTS NOT EXISTS', RESERVED('OR'), '5:7'],
    ['value NULL', `${OPERATIONS} at \`value NULL\`.`, '1:11'],
    ['value NOT NULL', `${OPERATIONS} at \`value NOT NULL\`.`, '1:15'],
    ['value EMPTY', `${OPERATIONS} at \`value EMPTY\`.`, '1:12'],
    ['value NOT EMPTY', `${OPERATIONS} at \`value NOT EMPTY\`.`, '1:16'],
    ['value IS', `${OPERATIONS} at \`value IS\`.`, '1:9'],
    ['value IS NOT', `${OPERATIONS} at \`value IS NOT\`.`, '1:13'],
    ['value IS EXISTS', `${OPERATIONS} at \`value IS EXISTS\`.`, '1:16'],
    ['value IS NOT EXISTS', `${OPERATIONS} at \`value IS NOT EXISTS\`.`, '1:20'],
  ];
  it.each(cases)('%j', (input, diagnostic, columns) => {
    expect(messageOf(input)).toBe(`${diagnostic}\n${columns} ${input}`);
  });
});

describe('Meilisearch filter-parser accepted inputs', () => {
  const cases: Array<[string, string]> = [
    [
      "channel = ponce AND 'dog race' != 'bernese mountain'",
      'channel = ponce AND "dog race" != "bernese mountain"',
    ],
    [
      "channel = ponce AND 'dog race' != 'bernese mountain' OR subscribers > 1000 OR colour = red OR colour = blue AND size = 7",
      'channel = ponce AND "dog race" != "bernese mountain" OR subscribers > 1000 OR colour = red OR colour = blue AND size = 7',
    ],
    [
      "channel = ponce AND ( 'dog race' != 'bernese mountain' OR subscribers > 1000 )",
      'channel = ponce AND ("dog race" != "bernese mountain" OR subscribers > 1000)',
    ],
    [`${'('.repeat(49)}x = 1${')'.repeat(49)}`, 'x = 1'],
    [`${'NOT '.repeat(197)}x = 1`, 'NOT x = 1'],
    ['NOT "OR" EXISTS AND "EXISTS" NOT EXISTS', '"OR" NOT EXISTS AND "EXISTS" NOT EXISTS'],
    [
      'x = 1 OR NOT (colour IN [green, blue]  OR color = green) ',
      'x = 1 OR NOT (colour IN [green, blue] OR color = green)',
    ],
    ["subscribers NOT   STARTS WITH 'hel'", 'subscribers NOT STARTS WITH hel'],
    // (The parser alone accepts `[12,13],[14,15]`; milli then rejects top < bottom, which we check at parse time.)
    ['_geoBoundingBox([14,15],[12,13])', '_geoBoundingBox([14, 15], [12, 13])'],
  ];
  it.each(cases)('%j', (input, printed) => {
    expect(printFilter(parseFilter(input)!)).toBe(printed);
  });
});
