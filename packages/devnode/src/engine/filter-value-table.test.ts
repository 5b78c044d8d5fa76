import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from './default-settings.js';
import type { Document } from './engine-contract.js';
import { filterValueTable } from './filter-value-table.js';
import {
  buildStoredDocument,
  createIndexState,
  dropDocument,
  type IndexState,
  storeDocument,
} from './index-state.js';

const leafArb = fc.oneof(
  fc.constantFrom(0, -0, 1, 2.5, -3, 1e21),
  fc.constantFrom('Drama', 'drama', 'DRAMA ', 'Crime', 'crime', '', ' ', 'Élan', 'elan'),
  fc.constantFrom(null, true, false),
);
const valueArb = fc.oneof(
  leafArb,
  fc.array(leafArb, { maxLength: 3 }),
  fc.record({ b: fc.oneof(leafArb, fc.array(leafArb, { maxLength: 2 })) }),
  fc.constant({}),
);
const docArb = fc.option(valueArb, { nil: undefined }).map((a): Document => (a === undefined ? {} : { a }));
const writeArb = fc.oneof(
  { weight: 4, arbitrary: fc.record({ id: fc.nat({ max: 70 }), doc: docArb }) },
  { weight: 1, arbitrary: fc.record({ id: fc.nat({ max: 70 }), doc: fc.constant(null) }) },
);

function put(state: IndexState, id: number, doc: Document): void {
  state.nextInternalId = Math.max(state.nextInternalId, id + 1);
  storeDocument(state, buildStoredDocument(state, id, String(id), doc, new Map()));
}

describe('filter value tables across writes', () => {
  // A table patched with the documents a write touched (or rebuilt, past a share of them) must equal the
  // table of an index holding only the live documents under the same internal ids.
  it('equal a fresh build after every write, patched or rebuilt', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(writeArb, { maxLength: 90, size: 'max' }), { minLength: 1, maxLength: 5 }),
        (rounds) => {
          const state = createIndexState(defaultSettings());
          const live = new Map<number, Document>();
          for (const round of rounds) {
            for (const { id, doc } of round) {
              if (doc === null) {
                dropDocument(state, id);
                live.delete(id);
              } else {
                put(state, id, doc);
                live.set(id, doc);
              }
            }
            state.revision++;
            const fresh = createIndexState(defaultSettings());
            for (const [id, doc] of [...live].sort(([x], [y]) => x - y)) put(fresh, id, doc);
            fresh.nextInternalId = state.nextInternalId;
            for (const attribute of ['a', 'a.b'])
              expect(filterValueTable(state, attribute)).toEqual(filterValueTable(fresh, attribute));
          }
        },
      ),
      { numRuns: 250, seed: 20261203 },
    );
  });
});
