import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from './default-settings.js';
import { documentsById, documentsSnapshot, rewrittenIds } from './documents-by-id.js';
import {
  buildStoredDocument,
  createIndexState,
  dropAllDocuments,
  dropDocument,
  storeDocument,
} from './index-state.js';

const opArb = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('store' as const), id: fc.nat({ max: 90 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('drop' as const), id: fc.nat({ max: 90 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('dropAll' as const) }) },
);

describe('documents by internal id', () => {
  // Snapshots patched from the previous one (few writes) or rebuilt (many) must both equal the map.
  it('follows every write, patched or rebuilt, and names exactly the rewritten ids', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(opArb, { maxLength: 80, size: 'max' }), { minLength: 1, maxLength: 6 }),
        (rounds) => {
          const state = createIndexState(defaultSettings());
          let before = documentsSnapshot(state);
          for (const round of rounds) {
            const touched = new Set<number>();
            for (const op of round) {
              if (op.kind === 'store') {
                state.nextInternalId = Math.max(state.nextInternalId, op.id + 1);
                storeDocument(
                  state,
                  buildStoredDocument(state, op.id, String(op.id), { n: op.id }, new Map()),
                );
                touched.add(op.id);
              } else if (op.kind === 'drop') {
                if (state.documents.has(op.id)) touched.add(op.id);
                dropDocument(state, op.id);
              } else {
                for (const id of state.documents.keys()) touched.add(id);
                dropAllDocuments(state);
              }
            }
            state.revision++;
            const expected = Array.from({ length: state.nextInternalId }, (_, id) => state.documents.get(id));
            expect(documentsById(state)).toEqual(expected);
            const after = documentsSnapshot(state);
            // Named: every id written in the round, unless it held no document before nor after.
            const named = rewrittenIds(before, after, Number.POSITIVE_INFINITY) ?? [];
            for (const id of named) expect(touched.has(id)).toBe(true);
            for (const id of touched)
              expect(named.includes(id)).toBe(before.docs[id] !== undefined || after.docs[id] !== undefined);
            if (named.length > 0) expect(rewrittenIds(before, after, named.length - 1)).toBeNull();
            before = after;
          }
        },
      ),
      { numRuns: 200, seed: 20261203 },
    );
  });

  it('compares serial tables of different lengths, past the shorter one against no document', () => {
    const snapshot = (...serials: number[]) => ({ docs: [], serials: Int32Array.from(serials) });
    expect(rewrittenIds(snapshot(1, 2, 3), snapshot(1, 5), 10)).toEqual([1, 2]);
    expect(rewrittenIds(snapshot(1, 2, 0), snapshot(1, 2), 10)).toEqual([]);
    expect(rewrittenIds(snapshot(1), snapshot(1, 0, 7), 10)).toEqual([2]);
    expect(rewrittenIds(snapshot(1), snapshot(2, 0, 7), 1)).toBeNull();
  });
});
