import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSearchIndex } from './create-search-index.js';

const priceArb = fc.oneof(
  fc.integer({ min: -3, max: 3 }),
  fc.constantFrom('a', 'B', 'b', '10', ''),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 2 }),
);
const putArb = fc.record({ id: fc.integer({ min: 0, max: 40 }), price: priceArb });
const opArb = fc.oneof(
  fc.record({ kind: fc.constant('put' as const), docs: fc.array(putArb, { minLength: 1, maxLength: 2 }) }),
  // More documents in one write than are moved one by one: the order is merged instead.
  fc.record({
    kind: fc.constant('put' as const),
    docs: fc.uniqueArray(putArb, { minLength: 33, maxLength: 41, selector: (doc) => doc.id }),
  }),
  fc.record({ kind: fc.constant('delete' as const), id: fc.integer({ min: 0, max: 40 }) }),
);

describe('presorted orders across writes', () => {
  it('equal the order of an index that only holds the live documents', () => {
    fc.assert(
      fc.property(
        fc.array(opArb, { minLength: 1, maxLength: 30 }),
        fc.boolean(),
        fc.constantFrom(1, 2, 3, 1000),
        (ops, ascending, limit) => {
          const settings = { sortableAttributes: ['price'] };
          const index = createSearchIndex({ uid: 'written', primaryKey: 'id', settings });
          // Live documents in internal-id order: a replacement keeps its place, a re-added id goes last.
          const live = new Map<number, Record<string, unknown>>();
          // A short page (only the documents walked first in the presorted order are scored) or every document.
          const query = { q: '', sort: [`price:${ascending ? 'asc' : 'desc'}`], limit };
          for (const op of ops) {
            if (op.kind === 'put') {
              const docs = op.docs.map(({ id, price }) => (price === undefined ? { id } : { id, price }));
              index.addDocuments(docs, { mode: 'replace' });
              for (const doc of docs) live.set(doc.id, doc);
            } else {
              index.deleteDocuments([op.id]);
              live.delete(op.id);
            }
            // Sorting after each write builds each order from the one before.
            const fresh = createSearchIndex({ uid: 'fresh', primaryKey: 'id', settings });
            fresh.addDocuments([...live.values()], { mode: 'replace' });
            const ids = (result: ReturnType<typeof index.search>) => result.hits.map((hit) => hit.id);
            expect(ids(index.search(query))).toEqual(ids(fresh.search(query)));
          }
        },
      ),
      { numRuns: 200, seed: 20261203 },
    );
  });
});
