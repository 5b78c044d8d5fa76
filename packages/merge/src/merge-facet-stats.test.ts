import { describe, expect, it } from 'vitest';
import { mergeFacetStats } from './merge-facet-stats.js';

describe('mergeFacetStats', () => {
  it('takes the min of mins and the max of maxes, skipping missing stats', () => {
    expect(
      mergeFacetStats([
        { y: { min: 3, max: 5 }, p: { min: 1, max: 1 } },
        undefined,
        { y: { min: -1, max: 4 } },
      ]),
    ).toEqual({ y: { min: -1, max: 5 }, p: { min: 1, max: 1 } });
  });
});
