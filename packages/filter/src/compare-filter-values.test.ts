import { describe, expect, it } from 'vitest';
import {
  collectFacetValues,
  compareCodePoints,
  facetsEqual,
  facetsInRange,
  normalizeFacetString,
  parseFiniteFloat,
} from './compare-filter-values.js';

describe('normalizeFacetString', () => {
  it.each([
    ['  Hello ', 'hello'],
    ['É', 'e\u0301'],
    ['ﬁ', 'fi'],
    ['ＡＢＣ', 'abc'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeFacetString(input)).toBe(expected);
  });
});

describe('parseFiniteFloat (Rust f64 syntax)', () => {
  it.each([
    ['10', 10],
    ['-1.5', -1.5],
    ['+2', 2],
    ['.5', 0.5],
    ['5.', 5],
    ['1e3', 1000],
    ['1E-2', 0.01],
    ['inf', null],
    ['NaN', null],
    ['1e999', null],
    ['0x10', null],
    ['', null],
    [' 1', null],
    ['1_000', null],
    ['abc', null],
  ])('%j → %j', (input, expected) => {
    expect(parseFiniteFloat(input)).toBe(expected);
  });
});

describe('compareCodePoints', () => {
  it('orders like UTF-8 bytes, astral code points after the BMP', () => {
    expect(compareCodePoints('😀', '\uffff')).toBeGreaterThan(0);
    expect(compareCodePoints('\uffff', '😀')).toBeLessThan(0);
    expect(compareCodePoints('a', 'b')).toBeLessThan(0);
    expect(compareCodePoints('ab', 'a')).toBeGreaterThan(0);
    expect(compareCodePoints('é', 'é')).toBe(0);
  });
});

describe('facets', () => {
  const facets = collectFacetValues([['Bob', 7], true, null, { nested: 1 }, [[' X ']]]);
  it('collects numbers and normalised strings, booleans as strings', () => {
    expect(facets).toEqual({ numbers: [7], strings: ['bob', 'true', 'x'] });
  });
  it.each([
    ['BOB', true],
    ['7', true],
    ['7.0', true],
    ['07', true],
    ['true', true],
    ['x', true],
    ['null', false],
    ['1', false],
  ])('equal %j → %s', (value, expected) => {
    expect(facetsEqual(facets, value)).toBe(expected);
  });
  it('ranges select numbers numerically and strings lexicographically', () => {
    const only = (numbers: number[], strings: string[]) => ({ numbers, strings });
    const gt = (value: string) => ({ value, inclusive: false });
    const open = { value: null, inclusive: true };
    expect(facetsInRange(only([10], []), gt('9'), open)).toBe(true);
    expect(facetsInRange(only([10], []), gt('a'), open)).toBe(false);
    expect(facetsInRange(only([], ['10']), gt('9'), open)).toBe(false); // "10" < "9" as strings
    expect(facetsInRange(only([], ['b']), gt('a'), open)).toBe(true);
    expect(facetsInRange(only([], ['b']), gt('9'), open)).toBe(true);
    expect(
      facetsInRange(only([5], []), { value: '1', inclusive: true }, { value: 'z', inclusive: true }),
    ).toBe(false);
  });
});
