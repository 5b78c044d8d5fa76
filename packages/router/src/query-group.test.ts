import { describe, expect, it } from 'vitest';
import { queryGroup } from './index.js';

describe('queryGroup', () => {
  it('rotates round-robin over the groups', () => {
    expect(Array.from({ length: 7 }, (_, seq) => queryGroup(seq, 3))).toEqual([0, 1, 2, 0, 1, 2, 0]);
    expect(queryGroup(Number.MAX_SAFE_INTEGER, 2)).toBe(1);
    expect(queryGroup(5, 1)).toBe(0);
  });

  it.each([
    [-1, 2],
    [1.5, 2],
    [Number.MAX_SAFE_INTEGER + 1, 2],
    [0, 0],
    [0, 1.5],
  ])('rejects seq %s with %s groups', (seq, groups) => {
    expect(() => queryGroup(seq, groups)).toThrow(RangeError);
  });
});
