import { describe, expect, it } from 'vitest';
import { compareNodeIds } from './index.js';

describe('compareNodeIds', () => {
  it('orders ASCII ids byte-wise', () => {
    expect(['n2', 'n10', 'n1', 'N3'].sort(compareNodeIds)).toEqual(['N3', 'n1', 'n10', 'n2']);
  });

  it('orders by UTF-8 bytes, not UTF-16 code units', () => {
    // U+FF5E (EF BD 9E) sorts before U+1F600 (F0 9F 98 80) in UTF-8, but after it in UTF-16 (FF5E > D83D).
    const fullwidthTilde = '\uff5e';
    const emoji = '\u{1f600}';
    expect(compareNodeIds(fullwidthTilde, emoji)).toBeLessThan(0);
    expect(compareNodeIds(emoji, fullwidthTilde)).toBeGreaterThan(0);
    expect(fullwidthTilde < emoji).toBe(false);
  });

  it('puts a prefix first and treats equal ids as equal', () => {
    expect(compareNodeIds('é', 'éa')).toBeLessThan(0);
    expect(compareNodeIds('é', 'é')).toBe(0);
  });
});
