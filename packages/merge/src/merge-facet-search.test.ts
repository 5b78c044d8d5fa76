import { describe, expect, it } from 'vitest';
import { mergeFacetSearch } from './merge-facet-search.js';

const response = (facetHits: Array<{ value: string; count: number }>, processingTimeMs = 1) => ({
  facetHits,
  facetQuery: 'a',
  processingTimeMs,
});

describe('mergeFacetSearch', () => {
  it('sums counts, sorts alphabetically by default and truncates', () => {
    const merged = mergeFacetSearch(
      { facetName: 'g', facetQuery: 'a' },
      [
        response([
          { value: 'ab', count: 1 },
          { value: 'aa', count: 2 },
        ]),
        response([{ value: 'ab', count: 5 }], 4),
      ],
      { maxValuesPerFacet: 1 },
    );
    expect(merged).toEqual({ facetHits: [{ value: 'aa', count: 2 }], facetQuery: 'a', processingTimeMs: 4 });
  });

  it('orders values case-folded, digits as text (facet search matches strings only)', () => {
    const merged = mergeFacetSearch({ facetName: 'g' }, [
      response([
        { value: 'Ac', count: 1 },
        { value: '10', count: 1 },
      ]),
      response([
        { value: 'ab', count: 2 },
        { value: '9', count: 1 },
      ]),
    ]);
    expect(merged.facetHits.map((h) => h.value)).toEqual(['10', '9', 'ab', 'Ac']);
  });

  it('sorts by count when the facet says so', () => {
    const merged = mergeFacetSearch(
      { facetName: 'g' },
      [
        response([
          { value: 'ab', count: 1 },
          { value: 'aa', count: 2 },
        ]),
        response([{ value: 'ab', count: 5 }]),
      ],
      { sortFacetValuesBy: { g: 'count' } },
    );
    expect(merged.facetHits).toEqual([
      { value: 'ab', count: 6 },
      { value: 'aa', count: 2 },
    ]);
    expect(merged.facetQuery).toBeNull();
  });
});
