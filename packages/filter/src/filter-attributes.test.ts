import { expect, it } from 'vitest';
import { filterAttributes } from './filter-attributes.js';
import { parseFilter } from './parse-filter.js';

it.each([
  ['b = 1 OR (a > 2 AND _geoRadius(1, 2, 3))', ['_geo', 'a', 'b']],
  ['NOT x.y IN [1] AND x.y EXISTS AND "z w" 1 TO 2', ['x.y', 'z w']],
  ['_geoBoundingBox([1, 2], [0, 1])', ['_geo']],
])('filterAttributes(%s) = %j', (filter, expected) => {
  expect(filterAttributes(parseFilter(filter)!)).toEqual(expected);
});
