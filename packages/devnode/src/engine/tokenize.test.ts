import { describe, expect, it } from 'vitest';
import { normalizeWord, tokenize } from './tokenize.js';

describe('tokenize', () => {
  it.each([
    ['Hello, World', ['hello', 'world'], [0, 1]],
    ['Hello. World', ['hello', 'world'], [0, 8]],
    ['Crème Brûlée', ['creme', 'brulee'], [0, 1]],
    ["don't stop-me", ["don't", 'stop', 'me'], [0, 1, 2]],
    ['pi is 3.14', ['pi', 'is', '3.14'], [0, 1, 2]],
  ])('splits %j', (text, words, positions) => {
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.word)).toEqual(words);
    expect(tokens.map((t) => t.position)).toEqual(positions);
  });

  it('keeps original offsets', () => {
    const [first, second] = tokenize('  Batman Returns');
    expect([first?.start, first?.end, second?.start, second?.end]).toEqual([2, 8, 9, 16]);
  });

  it('segments scripts without spaces with Intl.Segmenter', () => {
    expect(tokenize('東京タワー').length).toBeGreaterThan(0);
  });

  it('honours separator and non-separator tokens and the dictionary', () => {
    expect(tokenize('C# and F#', { nonSeparatorTokens: ['#'] }).map((t) => t.word)).toEqual([
      'c#',
      'and',
      'f#',
    ]);
    expect(tokenize('foo|bar', { separatorTokens: ['|'] }).map((t) => t.word)).toEqual(['foo', 'bar']);
    expect(tokenize('J. R. R. Tolkien', { dictionary: ['J. R. R.'] }).map((t) => t.word)).toEqual([
      'j. r. r.',
      'tolkien',
    ]);
  });

  it('folds case and diacritics', () => {
    expect(normalizeWord('ÉCOLE Ñandú')).toBe('ecole nandu');
  });
});
