import { describe, expect, it } from 'vitest';
import type { FilterNode } from './filter-node.js';
import { parseFilter } from './parse-filter.js';

const eq = (attribute: string, value: string): FilterNode => ({
  type: 'condition',
  attribute,
  operator: '=',
  value,
});
const cmp = (attribute: string, operator: string, value: string): FilterNode =>
  ({ type: 'condition', attribute, operator, value }) as FilterNode;
const presence = (attribute: string, operator: string): FilterNode =>
  ({ type: 'condition', attribute, operator }) as FilterNode;
const not = (child: FilterNode): FilterNode => ({ type: 'not', child });
const and = (...children: FilterNode[]): FilterNode => ({ type: 'and', children });
const or = (...children: FilterNode[]): FilterNode => ({ type: 'or', children });
const inList = (attribute: string, values: string[]): FilterNode => ({
  type: 'condition',
  attribute,
  operator: 'IN',
  values,
});

describe('parseFilter: expressions', () => {
  const cases: Array<[string, FilterNode]> = [
    ['channel = Ponce', eq('channel', 'Ponce')],
    ['subscribers = 12', eq('subscribers', '12')],
    ["channel = 'Mister Mv'", eq('channel', 'Mister Mv')],
    ['channel = "Mister Mv"', eq('channel', 'Mister Mv')],
    ["'dog race' = Borzoi", eq('dog race', 'Borzoi')],
    ['"dog race" = \'Bernese Mountain\'', eq('dog race', 'Bernese Mountain')],
    ['author.name=ann', eq('author.name', 'ann')],
    ['x = and', eq('x', 'and')],
    ['x != 1', cmp('x', '!=', '1')],
    ['x > 1', cmp('x', '>', '1')],
    ['x >= -1.5', cmp('x', '>=', '-1.5')],
    ['x < 1e3', cmp('x', '<', '1e3')],
    ['x <= 1', cmp('x', '<=', '1')],
    ['x 1 TO 10', { type: 'condition', attribute: 'x', operator: 'TO', from: '1', to: '10' }],
    ['colour IN[]', inList('colour', [])],
    ['colour IN[green,]', inList('colour', ['green'])],
    [' colour IN [  green , blue , ]', inList('colour', ['green', 'blue'])],
    ['colour IN [\'a b\', "c"]', inList('colour', ['a b', 'c'])],
    ['colour NOT IN [green, blue]', not(inList('colour', ['green', 'blue']))],
    [' colour NOT  IN [green, blue] ', not(inList('colour', ['green', 'blue']))],
    ['x EXISTS', presence('x', 'EXISTS')],
    ['x NOT   EXISTS', not(presence('x', 'EXISTS'))],
    ['x IS NULL', presence('x', 'IS NULL')],
    ['x  IS   NOT   NULL', not(presence('x', 'IS NULL'))],
    ['x IS EMPTY', presence('x', 'IS EMPTY')],
    ['x IS NOT EMPTY', not(presence('x', 'IS EMPTY'))],
    ["x CONTAINS 'hello'", cmp('x', 'CONTAINS', 'hello')],
    ['x NOT CONTAINS hello', not(cmp('x', 'CONTAINS', 'hello'))],
    ["x STARTS WITH 'hel'", cmp('x', 'STARTS WITH', 'hel')],
    ['x NOT STARTS WITH hel', not(cmp('x', 'STARTS WITH', 'hel'))],
    ['NOT x = 1', not(eq('x', '1'))],
    ['NOT x IS NOT NULL', presence('x', 'IS NULL')],
    ['NOT NOT NOT NOT x = 5', eq('x', '5')],
    ['NOT NOT (NOT NOT x = 5)', eq('x', '5')],
    ['NOT x NOT IN [1]', inList('x', ['1'])],
    ['a = 1 AND b = 2', and(eq('a', '1'), eq('b', '2'))],
    ['a = 1 OR b = 2', or(eq('a', '1'), eq('b', '2'))],
    ['a = 1 AND b = 2 OR c = 3', or(and(eq('a', '1'), eq('b', '2')), eq('c', '3'))],
    ['a = 1 OR b = 2 AND c = 3', or(eq('a', '1'), and(eq('b', '2'), eq('c', '3')))],
    ['(a = 1 OR b = 2) AND c = 3', and(or(eq('a', '1'), eq('b', '2')), eq('c', '3'))],
    ['(a = 1 AND b = 2) AND c = 3', and(and(eq('a', '1'), eq('b', '2')), eq('c', '3'))],
    ['NOT (a = 1 OR b = 2)', not(or(eq('a', '1'), eq('b', '2')))],
    ['NOT a = 1 AND b = 2', and(not(eq('a', '1')), eq('b', '2'))],
    [' ( x = 1 ) ', eq('x', '1')],
    ["title = 'foo\\\\'", eq('title', 'foo\\')],
    ["title = 'I\\'m'", eq('title', "I'm")],
    ['title = "a\\"b"', eq('title', 'a"b')],
    ["title = 'foo\\x20\\n\\t\\\"\\''", eq('title', 'foo \n\t"\'')],
    ["title = 'caf\\u{e9}'", eq('title', 'café')],
    ["title = ''", eq('title', '')],
    ['title = Ωmega', eq('title', 'Ωmega')],
    ['_geoRadius(12, 13, 14)', { type: 'geoRadius', lat: 12, lng: 13, distance: 14, resolution: null }],
    ['_geoRadius(12,13,14,100)', { type: 'geoRadius', lat: 12, lng: 13, distance: 14, resolution: 100 }],
    [
      'NOT _geoRadius(-1.5, .5, 1e3)',
      not({ type: 'geoRadius', lat: -1.5, lng: 0.5, distance: 1000, resolution: null }),
    ],
    [
      '_geoBoundingBox([12, 13], [11, 10])',
      { type: 'geoBoundingBox', topRight: [12, 13], bottomLeft: [11, 10] },
    ],
    [
      '_geoPolygon([0, 0], [0, 10], [10, 10])',
      {
        type: 'geoPolygon',
        points: [
          [0, 0],
          [0, 10],
          [10, 10],
        ],
      },
    ],
    [
      'x EXISTS AND _geoRadius(1, 2, 3) ',
      and(presence('x', 'EXISTS'), { type: 'geoRadius', lat: 1, lng: 2, distance: 3, resolution: null }),
    ],
  ];
  it.each(cases)('%s', (input, expected) => {
    expect(parseFilter(input)).toEqual(expected);
  });
});

describe('parseFilter: array form', () => {
  it('returns null for blank input', () => {
    expect(parseFilter('')).toBeNull();
    expect(parseFilter('   \n')).toBeNull();
    expect(parseFilter([])).toBeNull();
    expect(parseFilter(['', [' ', '']])).toBeNull();
  });
  it('ANDs outer elements and ORs inner arrays', () => {
    expect(parseFilter(['a = 1', ['b = 2', 'c = 3'], [], ['d = 4']])).toEqual(
      and(eq('a', '1'), or(eq('b', '2'), eq('c', '3')), eq('d', '4')),
    );
    expect(parseFilter(['a = 1'])).toEqual(eq('a', '1'));
    expect(parseFilter([['a = 1 OR b = 2', 'c = 3']])).toEqual(
      or(or(eq('a', '1'), eq('b', '2')), eq('c', '3')),
    );
  });
  it('rejects JSON shapes Meilisearch rejects', () => {
    expect(() => parseFilter([1] as never)).toThrow(
      'Invalid syntax for the filter parameter: `expected String, [String], found: 1`.',
    );
    expect(() => parseFilter([[['a']]] as never)).toThrow(
      'Invalid syntax for the filter parameter: `expected String, found: ["a"]`.',
    );
    expect(() => parseFilter(true as never)).toThrow(
      'Invalid syntax for the filter parameter: `expected String, Array, found: true`.',
    );
  });
});
