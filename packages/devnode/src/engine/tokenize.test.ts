import fc from 'fast-check';
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

// The tokenizer as a plain regex over the text (what the devnode did before its hand-written ASCII
// scanner): words, then +8 positions across a hard separator and +1 otherwise.
function regexModel(text: string): Array<[string, number, number, number]> {
  const out: Array<[string, number, number, number]> = [];
  let position = -1;
  let previousEnd = 0;
  for (const match of text.matchAll(/[\p{L}\p{M}\p{N}_]+(?:['’][\p{L}\p{M}]+)*(?:[.,]\p{N}+)*/gu)) {
    const word = normalizeWord(match[0]);
    if (word.length === 0) continue;
    const gap = /[.!?;\n\r…。！？]/u.test(text.slice(previousEnd, match.index)) ? 8 : 1;
    position = position < 0 ? 0 : position + gap;
    previousEnd = match.index + match[0].length;
    out.push([word, match.index, previousEnd, position]);
  }
  return out;
}

describe('tokenize against a regex model', () => {
  // Characters where the word pattern has edges: apostrophes, decimal marks, `_`, hard separators, case.
  const chars = fc.constantFrom(..."aZk9_' .,;!?-\nÉé’…".split(''));
  it.each([
    [
      'ASCII texts (the hand-written scanner)',
      fc.string({ unit: fc.constantFrom(..."aZk9_' .,;!?-\n".split('')), maxLength: 40 }),
    ],
    ['texts with accents and typographic marks (the regex)', fc.string({ unit: chars, maxLength: 40 })],
  ])('%s', (_, texts) => {
    fc.assert(
      fc.property(texts, (text) => {
        const tokens = tokenize(text).map((t) => [t.word, t.start, t.end, t.position]);
        expect(tokens).toEqual(regexModel(text));
      }),
      { numRuns: 2000 },
    );
  });
});
