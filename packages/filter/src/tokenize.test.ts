import { describe, expect, it } from 'vitest';
import { readValueToken, scanFloat, scanWord, skipSpaces, unescapeValue } from './tokenize.js';

describe('unescapeValue', () => {
  it.each([
    ['plain', 'plain'],
    ['a\\\\b', 'a\\b'],
    ["it\\'s", "it's"],
    ['say \\"hi\\"', 'say "hi"'],
    ['\\n\\r\\t\\b\\f\\/\\0', '\n\r\t\b\f/\0'],
    ['\\x41\\u0042\\u{1F600}', 'AB😀'],
  ])('%j → %j', (raw, expected) => {
    expect(unescapeValue(raw)).toBe(expected);
  });
  it.each([
    ['\\q', 'malformedValue'],
    ['\\', 'malformedValue'],
    ['\\xZZ', 'invalidEscapedNumber'],
    ['\\u12', 'invalidEscapedNumber'],
    ['\\u{110000}', 'invalidEscapedNumber'],
    ['\\u{D800}', 'invalidEscapedNumber'],
  ])('%j is rejected as %s', (raw, kind) => {
    expect(unescapeValue(raw)).toEqual({ kind });
  });
});

describe('readValueToken', () => {
  it('reads words up to a syntax character and skips trailing spaces', () => {
    expect(readValueToken('  I-love_kebab.x  = 1', 0)).toEqual({
      ok: true,
      value: 'I-love_kebab.x',
      start: 2,
      end: 16,
      quoted: false,
      next: 18,
    });
    expect(readValueToken("I'm", 0)).toMatchObject({ ok: true, value: 'I', next: 1 });
    expect(readValueToken('Ωmega)', 0)).toMatchObject({ ok: true, value: 'Ωmega', end: 5 });
  });
  it('reads quoted strings with escapes', () => {
    expect(readValueToken("'cha\\'nnel' x", 0)).toEqual({
      ok: true,
      value: "cha'nnel",
      start: 1,
      end: 10,
      quoted: true,
      next: 12,
    });
    expect(readValueToken('"a)b"', 0)).toMatchObject({ ok: true, value: 'a)b' });
  });
  it('reports soft errors for missing values and keywords, hard failures for broken quotes', () => {
    expect(readValueToken('= 1', 0)).toEqual({ ok: false, kind: 'expectedValue', start: 0, end: 0 });
    expect(readValueToken('AND)', 0)).toEqual({ ok: false, kind: 'reservedKeywordValue', start: 0, end: 3 });
    expect(readValueToken('🦀 x', 0)).toEqual({ ok: false, kind: 'expectedValue', start: 0, end: 2 });
    expect(readValueToken("'abc", 0)).toEqual({
      kind: 'missingClosingDelimiter',
      start: 0,
      end: 4,
      detail: "'",
    });
    expect(readValueToken("'abc\\", 0)).toEqual({ kind: 'malformedValue', start: 1, end: 5, detail: '' });
    expect(readValueToken("'\\q'", 0)).toEqual({ ok: false, kind: 'malformedValue', start: 1, end: 3 });
  });
});

describe('scanners', () => {
  it('scanWord stops at the first non-value character', () => {
    expect(scanWord('ab.c-d_e f', 0)).toBe(8);
    expect(scanWord('(x', 0)).toBe(0);
    expect(scanWord('x😀', 0)).toBe(1);
  });
  it('skipSpaces skips ASCII whitespace only', () => {
    expect(skipSpaces(' \t\r\nx', 0)).toBe(4);
    expect(skipSpaces('\u00a0x', 0)).toBe(0);
  });
  it.each([
    ['12', 2],
    ['-1.5e3,', 6],
    ['.5)', 2],
    ['5.', 2],
    ['+3', 2],
    ['e5', -1],
    ['-', -1],
  ])('scanFloat(%j) → %d', (input, end) => {
    expect(scanFloat(input, 0)).toBe(end);
  });
});
