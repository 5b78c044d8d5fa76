import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentsShardRequest, mergeDocuments, planDocumentsWindows } from './merge-documents.js';

/** Fake node browse: its documents in its own order. */
function browse(docs: Array<{ id: number }>, offset: number, limit: number) {
  return { results: docs.slice(offset, offset + limit), offset, limit, total: docs.length };
}

describe('mergeDocuments', () => {
  it('pages gap-free and duplicate-free with either plan', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 15 }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 7 }),
        (sizes, limit) => {
          let next = 0;
          const nodes = sizes.map((n) => Array.from({ length: n }, () => ({ id: next++, _miroir_shard: 1 })));
          const seenOneRound: number[] = [];
          const seenTwoRounds: number[] = [];
          for (let offset = 0; offset < next + limit; offset += limit) {
            const ask = documentsShardRequest({ offset, limit });
            const one = mergeDocuments(
              { offset, limit },
              nodes.map((d) => browse(d, ask.offset, ask.limit)),
            );
            expect(one.total).toBe(next);
            seenOneRound.push(...one.results.map((d) => d.id as number));
            const windows = planDocumentsWindows(
              { offset, limit },
              nodes.map((d) => d.length),
            );
            const two = mergeDocuments(
              { offset, limit },
              nodes.map((d, i) => browse(d, windows[i]!.offset, windows[i]!.limit)),
            );
            expect(two).toEqual(one);
            seenTwoRounds.push(...two.results.map((d) => d.id as number));
          }
          const all = Array.from({ length: next }, (_, i) => i);
          expect(seenOneRound).toEqual(all);
          expect(seenTwoRounds).toEqual(all);
        },
      ),
      { seed: 3, numRuns: 200 },
    );
  });

  it('strips _miroir_ fields', () => {
    const merged = mergeDocuments({}, [browse([{ id: 1, _miroir_shard: 2 } as { id: number }], 0, 20)]);
    expect(merged.results).toEqual([{ id: 1 }]);
  });
});
