import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeFacetDistributions } from './merge-facets.js';

/** What one node holding all values would report: sort the true counts and truncate. */
function singleNode(
  counts: Map<string, number>,
  max: number,
  order: 'alpha' | 'count',
): Record<string, number> {
  return mergeFacetDistributions([{ f: Object.fromEntries(counts) }], {
    maxValuesPerFacet: max,
    sortFacetValuesBy: { '*': order },
  }).f!;
}

describe('mergeFacetDistributions', () => {
  it('sums counts and truncates by count order (ties alphabetical)', () => {
    const merged = mergeFacetDistributions([{ g: { a: 1, b: 2 } }, { g: { c: 3, a: 2 } }], {
      maxValuesPerFacet: 2,
      sortFacetValuesBy: { '*': 'count' },
    });
    expect(Object.entries(merged.g!)).toEqual([
      ['a', 3],
      ['c', 3],
    ]);
  });

  it('lists numbers before strings in alpha order, and respects per-facet order', () => {
    const merged = mergeFacetDistributions([{ n: { b: 1, '10': 1, '9': 5, A: 1 }, m: { x: 1, y: 9 } }], {
      maxValuesPerFacet: 3,
      sortFacetValuesBy: { '*': 'alpha', m: 'count' },
    });
    expect(Object.keys(merged.n!).sort()).toEqual(['10', '9', 'A'].sort());
    expect(merged.m).toEqual({ y: 9, x: 1 });
  });

  it('is exact in alpha order however shards truncate (proof by property)', () => {
    const value = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', '1', '2', '30');
    fc.assert(
      fc.property(
        fc.array(fc.array(value, { maxLength: 20 }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 6 }),
        (shards, max) => {
          const all = new Map<string, number>();
          const perShard = shards.map((docs) => {
            const counts = new Map<string, number>();
            for (const v of docs) {
              counts.set(v, (counts.get(v) ?? 0) + 1);
              all.set(v, (all.get(v) ?? 0) + 1);
            }
            return { f: singleNode(counts, max, 'alpha') };
          });
          const merged = mergeFacetDistributions(perShard, { maxValuesPerFacet: max });
          expect(merged.f ?? {}).toEqual(all.size === 0 ? {} : singleNode(all, max, 'alpha'));
        },
      ),
      { seed: 7, numRuns: 300 },
    );
  });

  it('in count order only under-counts, and is exact when nodes keep more values than clients see', () => {
    const value = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f');
    fc.assert(
      fc.property(
        fc.array(fc.array(value, { maxLength: 20 }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 4 }),
        (shards, max) => {
          const all = new Map<string, number>();
          const truncated: Array<Record<string, Record<string, number>>> = [];
          const complete: Array<Record<string, Record<string, number>>> = [];
          for (const docs of shards) {
            const counts = new Map<string, number>();
            for (const v of docs) {
              counts.set(v, (counts.get(v) ?? 0) + 1);
              all.set(v, (all.get(v) ?? 0) + 1);
            }
            truncated.push({ f: singleNode(counts, max, 'count') });
            complete.push({ f: singleNode(counts, 100, 'count') });
          }
          const options = { maxValuesPerFacet: max, sortFacetValuesBy: { '*': 'count' as const } };
          const approx = mergeFacetDistributions(truncated, options).f ?? {};
          for (const [v, c] of Object.entries(approx)) expect(c).toBeLessThanOrEqual(all.get(v)!);
          const exact = mergeFacetDistributions(complete, options).f ?? {};
          expect(exact).toEqual(all.size === 0 ? {} : singleNode(all, max, 'count'));
        },
      ),
      { seed: 11, numRuns: 300 },
    );
  });

  it('equals summing in a hash map then a full stable sort and truncation (property, ties and orders)', () => {
    // Small value pool: numbers (incl. equal numbers spelled differently), case variants, shared prefixes.
    const value = fc.constantFrom(
      'a',
      'A',
      'b',
      'B',
      'ab',
      'Ab',
      'aB',
      '1',
      '1.0',
      '10',
      '-2',
      '1e1',
      '2',
      'z',
      'é',
    );
    const node = fc
      .uniqueArray(fc.tuple(value, fc.integer({ min: 1, max: 4 })), { selector: ([v]) => v, maxLength: 15 })
      .map((pairs) => ({ f: Object.fromEntries(pairs), g: Object.fromEntries(pairs.slice().reverse()) }));
    fc.assert(
      fc.property(
        fc.array(node, { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 20 }),
        fc.constantFrom('alpha' as const, 'count' as const),
        (nodes, max, order) => {
          const faceting = { maxValuesPerFacet: max, sortFacetValuesBy: { '*': order } };
          const merged = mergeFacetDistributions(nodes, faceting);
          for (const facet of ['f', 'g']) {
            const sums = new Map<string, number>();
            for (const n of nodes) {
              for (const [v, c] of Object.entries(n[facet as 'f' | 'g'])) sums.set(v, (sums.get(v) ?? 0) + c);
            }
            const expected = [...sums].sort(order === 'count' ? byCount : byAlpha).slice(0, max);
            // Key order matters (the response is serialised in it); integer-like keys come first in any JS
            // object, so compare with an object built in the expected order.
            expect(Object.entries(merged[facet] ?? {})).toEqual(Object.entries(Object.fromEntries(expected)));
          }
        },
      ),
      { seed: 13, numRuns: Number(process.env.FC_NUM_RUNS ?? 500) },
    );
  });

  it('returns no values for a zero maxValuesPerFacet, in both orders', () => {
    for (const order of ['alpha', 'count'] as const) {
      const merged = mergeFacetDistributions([{ g: { a: 1, b: 2 } }], {
        maxValuesPerFacet: 0,
        sortFacetValuesBy: { '*': order },
      });
      expect(merged).toEqual({ g: {} });
    }
  });

  it('keeps counts exact when nodes list shared values in the same order, in another order, or new ones', () => {
    const merged = mergeFacetDistributions([
      { g: { a: 1, b: 2, c: 3 } },
      { g: { a: 10, b: 20, c: 30 } },
      { g: { c: 100, x: 5, a: 100 } },
      { g: { b: 1000, x: 1 } },
    ]);
    expect(Object.entries(merged.g!)).toEqual([
      ['a', 111],
      ['b', 1022],
      ['c', 133],
      ['x', 6],
    ]);
  });
});

/** Independent reference for the alpha order: numbers first by value, then strings case-folded, then raw. */
function byAlpha([a]: [string, number], [b]: [string, number]): number {
  const isNumber = (s: string): boolean => /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/.test(s);
  if (isNumber(a) !== isNumber(b)) return isNumber(a) ? -1 : 1;
  if (isNumber(a)) return Number(a) - Number(b);
  const fa = a.toLowerCase();
  const fb = b.toLowerCase();
  if (fa !== fb) return fa < fb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function byCount(a: [string, number], b: [string, number]): number {
  return b[1] - a[1] || byAlpha(a, b);
}
