import { describe, expect, it } from 'vitest';
import { evaluateFilter } from './evaluate-filter.js';
import { parseFilter } from './parse-filter.js';

const matches = (filter: string, document: Record<string, unknown>): boolean =>
  evaluateFilter(parseFilter(filter)!, document);

describe('evaluateFilter', () => {
  const cases: Array<[string, Record<string, unknown>, boolean]> = [
    // equality: case-insensitive, trimmed, NFKD; numbers match numeric-looking values
    ['genre = horror', { genre: 'Horror' }, true],
    ['genre = HORROR', { genre: ' horror ' }, true],
    ["name = 'cafe\u0301'", { name: 'café' }, true],
    ['genre = horror', { genre: 'comedy' }, false],
    ['price = 10', { price: 10 }, true],
    ['price = 10.0', { price: 10 }, true],
    ['price = 10', { price: '10' }, true],
    ['price = 10.0', { price: '10' }, false],
    ["price = '10'", { price: 10 }, true],
    ['flag = true', { flag: true }, true],
    ['flag = TRUE', { flag: true }, true],
    ['flag = 1', { flag: true }, false],
    ["name = ''", { name: '' }, false],
    ["name = ' '", { name: '  ' }, false],
    ['name < a', { name: ' ' }, false],
    ['flag = false', { flag: 'False' }, true],
    // arrays: any element
    ['tags = b', { tags: ['a', 'B'] }, true],
    ['tags = c', { tags: ['a', ['c']] }, true],
    ['tags != b', { tags: ['a', 'b'] }, false],
    ['tags != c', { tags: ['a', 'b'] }, true],
    // missing fields: != and NOT match, = does not
    ['genre != horror', {}, true],
    ['NOT genre = horror', {}, true],
    ['genre = horror', {}, false],
    ['genre NOT IN [horror]', {}, true],
    ['genre IN [horror, comedy]', { genre: 'comedy' }, true],
    ['genre IN []', { genre: 'comedy' }, false],
    // ranges: numeric, and lexicographic on strings
    ['price > 5', { price: 6 }, true],
    ['price > 5', { price: 5 }, false],
    ['price >= 5', { price: 5 }, true],
    ['price < 5', { price: [7, 4] }, true],
    ['price <= 5', { price: 5.5 }, false],
    ['price 1 TO 5', { price: 5 }, true],
    ['price 1 TO 5', { price: 1 }, true],
    ['price 5 TO 1', { price: 3 }, false],
    ['price 1 TO 5', { price: '3' }, true],
    ['price > 5', { price: 'abc' }, true],
    ['name > b', { name: 'Charlie' }, true],
    ['name < b', { name: 'Charlie' }, false],
    ['name a TO c', { name: 'Bob' }, true],
    ['price > abc', { price: 10 }, false],
    // presence
    ['x EXISTS', { x: null }, true],
    ['x EXISTS', { y: 1 }, false],
    ['x NOT EXISTS', { y: 1 }, true],
    ['x IS NULL', { x: null }, true],
    ['x IS NULL', {}, false],
    ['x IS NOT NULL', {}, true],
    ['x IS EMPTY', { x: [] }, true],
    ['x IS EMPTY', { x: '' }, true],
    ['x IS EMPTY', { x: {} }, true],
    ['x IS EMPTY', { x: [1] }, false],
    ['x IS EMPTY', { x: null }, false],
    // CONTAINS / STARTS WITH on normalised strings
    ['title CONTAINS NIGHT', { title: 'The Nightmare' }, true],
    ['title CONTAINS day', { title: 'The Nightmare' }, false],
    ['title STARTS WITH the', { title: 'The Nightmare' }, true],
    ['title NOT STARTS WITH the', { title: 'A Nightmare' }, true],
    ["title STARTS WITH ''", { title: 12 }, true],
    // nested attributes
    ['author.name = ann', { author: { name: 'Ann' } }, true],
    ['author.name = bob', { author: [{ name: 'Ann' }, { name: 'Bob' }] }, true],
    ['author.name = bob', { 'author.name': 'bob' }, true],
    ['author EXISTS', { author: { name: 'Ann' } }, true],
    // boolean structure
    ['a = 1 AND b = 2', { a: 1, b: 2 }, true],
    ['a = 1 AND b = 2', { a: 1, b: 3 }, false],
    ['a = 1 OR b = 2', { a: 0, b: 2 }, true],
    ['NOT (a = 1 OR b = 2)', { a: 0, b: 0 }, true],
    // geo
    ['_geoRadius(48.8566, 2.3522, 400000)', { _geo: { lat: 51.5074, lng: -0.1278 } }, true],
    ['_geoRadius(48.8566, 2.3522, 300000)', { _geo: { lat: 51.5074, lng: -0.1278 } }, false],
    ['_geoRadius(48.8566, 2.3522, 400000)', { _geo: { lat: '51.5074', lng: '-0.1278' } }, true],
    ['_geoRadius(0, 0, 1)', {}, false],
    ['_geo.lat > 45', { _geo: { lat: '46.5', lng: 2 } }, true],
    ['_geo.lat > 45', { _geo: { lat: '100.5', lng: 2 } }, true],
    ['_geo.lng 1 TO 3', { _geo: { lat: 0, lng: '2' } }, true],
    ['other > 45', { other: '100.5' }, false],
    ['NOT _geoRadius(0, 0, 1)', {}, true],
    ['_geoBoundingBox([52, 3], [48, -1])', { _geo: { lat: 51.5, lng: -0.12 } }, true],
    ['_geoBoundingBox([52, 3], [48, -1])', { _geo: { lat: 47, lng: 0 } }, false],
    ['_geoBoundingBox([10, -170], [0, 170])', { _geo: { lat: 5, lng: 179 } }, true],
    ['_geoBoundingBox([10, -170], [0, 170])', { _geo: { lat: 5, lng: 0 } }, false],
    ['_geoPolygon([0, 0], [0, 10], [10, 10], [10, 0])', { _geo: { lat: 5, lng: 5 } }, true],
    ['_geoPolygon([0, 0], [0, 10], [10, 10], [10, 0])', { _geo: { lat: 15, lng: 5 } }, false],
  ];
  it.each(cases)('%s on %j → %s', (filter, document, expected) => {
    expect(matches(filter, document)).toBe(expected);
  });

  it('uses a custom attribute resolver', () => {
    const node = parseFilter('a = 1')!;
    const resolveAttribute = (document: Record<string, unknown>, attribute: string) => [
      document[attribute.toUpperCase()],
    ];
    expect(evaluateFilter(node, { A: 1 }, { resolveAttribute })).toBe(true);
    expect(evaluateFilter(node, { a: 1 }, { resolveAttribute })).toBe(false);
  });
});
