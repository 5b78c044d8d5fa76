import { describe, expect, it } from 'vitest';
import { evaluateFilter } from './evaluate-filter.js';
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

// From milli's filter tests (crates/milli/src/search/facet/filter/tests.rs). Meilisearch raises these geo
// errors while evaluating; we raise them while parsing, with the same text and span. Trailing spaces
// before the newline are ignored, as the snapshots there do not pin them.
describe('Meilisearch geo argument errors', () => {
  const lat = (value: string) =>
    `Bad latitude \`${value}\`. Latitude must be contained between -90 and 90 degrees.`;
  const lng = (value: string, hint: string) =>
    `Bad longitude \`${value}\`. Longitude must be contained between -180 and 180 degrees. Hint: try using \`${hint}\` instead.`;
  const cases: Array<[string, string, string]> = [
    ['_geoRadius(-100, 150, 10)', lat('-100'), '12:16'],
    ['_geoRadius(-90.0000001, 150, 10)', lat('-90.0000001'), '12:23'],
    ['_geoRadius(-10, 250, 10)', lng('250', '-110'), '17:20'],
    ['_geoRadius(-10, 180.000001, 10)', lng('180.000001', '-179.999999'), '17:27'],
    ['_geoBoundingBox([-90.0000001, 150], [30, 10])', lat('-90.0000001'), '18:29'],
    ['_geoBoundingBox([90.0000001, 150], [30, 10])', lat('90.0000001'), '18:28'],
    ['_geoBoundingBox([30, 10], [-90.0000001, 150])', lat('-90.0000001'), '28:39'],
    ['_geoBoundingBox([30, 10], [90.0000001, 150])', lat('90.0000001'), '28:38'],
    ['_geoBoundingBox([-10, 180.000001], [30, 10])', lng('180.000001', '-179.999999'), '23:33'],
    ['_geoBoundingBox([-10, -180.000001], [30, 10])', lng('-180.000001', '179.999999'), '23:34'],
    ['_geoBoundingBox([30, 10], [-10, -180.000001])', lng('-180.000001', '179.999999'), '33:44'],
    ['_geoBoundingBox([30, 10], [-10, 180.000001])', lng('180.000001', '-179.999999'), '33:43'],
  ];
  it.each(cases)('%j', (input, diagnostic, columns) => {
    expect(messageOf(input).replace(/ +\n/, '\n')).toBe(`${diagnostic}\n${columns} ${input}`);
  });
});

describe('Meilisearch evaluation behaviour', () => {
  const ids = (filter: string, docs: Array<Record<string, unknown>>): number[] =>
    docs.flatMap((doc, index) => (evaluateFilter(parseFilter(filter)!, doc) ? [index] : []));

  it('compares non-finite spellings as strings', () => {
    const docs = [{ price: 'inf' }, { price: '2000' }, { price: 'infinity' }];
    expect(ids('price = inf', docs)).toEqual([0]);
    expect(ids('price < inf', docs)).toEqual([1]);
    expect(ids('price = NaN', docs)).toEqual([]);
    expect(ids('price < NaN', docs)).toContain(1);
    expect(ids('price = infinity', docs)).toEqual([2]);
    expect(ids('price < infinity', docs)).toEqual([0, 1]);
  });

  it('matches escaped quotes exactly', () => {
    const docs = [{ d: "27' to 30'" }, { d: '27" to 30"' }, { d: '27" to 30\'' }];
    expect(ids("d = '27\" to 30\\''", docs)).toEqual([2]);
    expect(ids(`d = "27' to 30'" `, docs)).toEqual([0]);
    expect(ids('d = "27\\" to 30\\"" ', docs)).toEqual([1]);
    expect(ids(`d = "27\\" to 30'" `, docs)).toEqual([2]);
  });

  it('selects numbers by ranges and complements', () => {
    const docs = Array.from({ length: 100 }, (_, i) => ({ id: i, two: i % 10 }));
    const range = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k);
    for (const i of [0, 1, 37, 99]) {
      expect(ids(`id = ${i}`, docs)).toEqual([i]);
      expect(ids(`id > ${i}`, docs)).toEqual(range(i + 1, 100));
      expect(ids(`id < ${i}`, docs)).toEqual(range(0, i));
      expect(ids(`id <= ${i}`, docs)).toEqual(range(0, i + 1));
      expect(ids(`id >= ${i}`, docs)).toEqual(range(i, 100));
      expect(ids(`id ${i} TO ${Math.min(99, i + 5)}`, docs)).toEqual(range(i, Math.min(99, i + 5) + 1));
    }
    expect(ids('one >= 0 OR one <= 0', docs)).toEqual([]);
    expect(ids('one = 0', docs)).toEqual([]);
    expect(ids('two != 0', docs)).toEqual(range(0, 100).filter((x) => x % 10 !== 0));
  });

  it('includes the centre in a zero radius', () => {
    const docs = [
      { _geo: { lat: 45.4777599, lng: 9.1967508 } },
      { _geo: { lat: 45.4632046, lng: 9.1719421 } },
    ];
    expect(ids('_geoRadius(45.4777599, 9.1967508, 0)', docs)).toEqual([0]);
  });

  it('parses a 14 361-way OR chain (no depth limit on flat chains)', () => {
    const filter = Array.from({ length: 14_361 }, (_, i) => `account_ids=${i + 1}`).join(' OR ');
    const node = parseFilter(filter);
    expect(node?.type === 'or' && node.children.length).toBe(14_361);
  });
});
