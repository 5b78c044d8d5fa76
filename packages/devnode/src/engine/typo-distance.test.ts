import { describe, expect, it } from 'vitest';
import { allowedTypos, typoDistance } from './typo-distance.js';

describe('typoDistance', () => {
  it.each([
    ['batman', 'batman', 1, false, 0],
    ['batmn', 'batman', 1, false, 1],
    ['btaman', 'batman', 1, false, 1],
    ['atman', 'batman', 1, false, -1],
    ['atman', 'batman', 2, false, 2],
    ['vatman', 'batman', 1, false, -1],
    ['vatman', 'batman', 2, false, 2],
    ['batmanx', 'batman', 1, false, 1],
    ['bat', 'batman', 0, true, 0],
    ['bta', 'batman', 1, true, 1],
    ['bta', 'batman', 1, false, -1],
    ['superman', 'batman', 2, false, -1],
  ])('%s vs %s (max %i, prefix %s) → %i', (query, word, max, prefix, expected) => {
    expect(typoDistance(query, word, max, prefix)).toBe(expected);
  });

  it('allows typos by word length', () => {
    const sizes = { oneTypo: 5, twoTypos: 9 };
    expect([
      allowedTypos('bat', sizes),
      allowedTypos('batma', sizes),
      allowedTypos('batmobiles', sizes),
    ]).toEqual([0, 1, 2]);
  });
});
