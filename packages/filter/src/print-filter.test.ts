import { describe, expect, it } from 'vitest';
import { parseFilter } from './parse-filter.js';
import { printFilter } from './print-filter.js';

describe('printFilter', () => {
  const cases: Array<[string, string]> = [
    ["genre='horror'   AND x   NOT IN [1,2,]", 'genre = horror AND x NOT IN [1, 2]'],
    ['a = 1 OR b = 2 AND c = 3', 'a = 1 OR b = 2 AND c = 3'],
    ['(a = 1 OR b = 2) AND c = 3', '(a = 1 OR b = 2) AND c = 3'],
    ['(a = 1 AND b = 2) AND c = 3', '(a = 1 AND b = 2) AND c = 3'],
    ['(a = 1 OR b = 2) OR c = 3', '(a = 1 OR b = 2) OR c = 3'],
    ['NOT (a = 1 OR b = 2)', 'NOT (a = 1 OR b = 2)'],
    ['NOT a = 1', 'NOT a = 1'],
    ['NOT a IS NULL', 'a IS NOT NULL'],
    ['NOT a EXISTS', 'a NOT EXISTS'],
    ['NOT a IS EMPTY', 'a IS NOT EMPTY'],
    ["NOT a CONTAINS 'x y'", 'a NOT CONTAINS "x y"'],
    ['a NOT STARTS WITH x', 'a NOT STARTS WITH x'],
    ['a 1 TO 2', 'a 1 TO 2'],
    ['\'dog race\' = "it\'s \\"ok\\""', '"dog race" = "it\'s \\"ok\\""'],
    ["x = 'AND'", 'x = "AND"'],
    ["x = ''", 'x = ""'],
    ["x = 'a\\\\b'", 'x = "a\\\\b"'],
    ["x = '_geo'", 'x = "_geo"'],
    ['_geoRadius(1.50, -0, 3)', '_geoRadius(1.5, -0, 3)'],
    ['_geoRadius(1, 2, 3, 10)', '_geoRadius(1, 2, 3, 10)'],
    ['_geoBoundingBox([2,3],[1,2])', '_geoBoundingBox([2, 3], [1, 2])'],
    ['NOT _geoPolygon([0,0],[0,1],[1,1])', 'NOT _geoPolygon([0, 0], [0, 1], [1, 1])'],
  ];
  it.each(cases)('%s → %s', (input, expected) => {
    const node = parseFilter(input)!;
    const printed = printFilter(node);
    expect(printed).toBe(expected);
    expect(parseFilter(printed)).toEqual(node);
  });
});
