import { afterAll, beforeAll } from 'vitest';
import { poisonScratchArrays } from './scratch-arrays.js';

/**
 * For the tests of the calling `describe` block, junk every scratch array as its search ends: a temporary
 * read before it is written then changes results instead of passing on what an earlier search left.
 *
 * @example
 * ```ts
 * describe('staged ranking', () => {
 *   poisonScratchDuringTests();
 *   it('…', () => {});
 * });
 * ```
 */
export function poisonScratchDuringTests(): void {
  beforeAll(() => poisonScratchArrays(true));
  afterAll(() => poisonScratchArrays(false));
}
