import { describe, expect, it } from 'vitest';
import { splitSortParameter } from './split-sort-parameter.js';

describe('splitSortParameter', () => {
  it('splits on commas outside parentheses and drops blanks', () => {
    expect(splitSortParameter('_geoPoint(48.8, 2.3):asc, price:desc,,')).toEqual([
      '_geoPoint(48.8, 2.3):asc',
      'price:desc',
    ]);
    expect(splitSortParameter('a:asc,b:desc')).toEqual(['a:asc', 'b:desc']);
    expect(splitSortParameter('')).toEqual([]);
  });
});
