import { describe, expect, it } from 'vitest';
import { createDistinctFilter } from './apply-distinct.js';

describe('createDistinctFilter', () => {
  it('keeps the first hit per value, normalising strings, and always keeps hits without a value', () => {
    const isKept = createDistinctFilter('sku');
    const hits = [{ sku: 'A ' }, { sku: 'a' }, { sku: 1 }, { sku: '1' }, {}, {}, { sku: null }, { sku: 1 }];
    expect(hits.map(isKept)).toEqual([true, false, true, true, true, true, true, false]);
  });

  it('handles arrays (any shared value excludes) and nested paths', () => {
    const isKept = createDistinctFilter('a.b');
    expect(
      [{ a: { b: ['x', 'y'] } }, { a: { b: 'y' } }, { 'a.b': 'z' }, { a: { b: 'z' } }].map(isKept),
    ).toEqual([true, false, true, false]);
  });
});
