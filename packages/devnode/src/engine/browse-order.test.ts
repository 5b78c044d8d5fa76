import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSearchIndex } from './create-search-index.js';
import { poisonScratchDuringTests } from './scratch-poisoning.test-support.js';

type Doc = { id: number; price?: number | number[]; tag?: string; _geo?: { lat: number; lng: number } };

const docArb = fc.record(
  {
    price: fc.oneof(
      fc.integer({ min: 0, max: 4 }),
      fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 3 }),
    ),
    tag: fc.constantFrom('a', 'B', 'c'),
    _geo: fc.record({ lat: fc.integer({ min: -3, max: 3 }), lng: fc.integer({ min: -3, max: 3 }) }),
  },
  { requiredKeys: [] },
);

/** Model of one criterion: a missing value after every present one; numbers before strings. */
function modelValue(doc: Doc, field: 'price' | 'tag', ascending: boolean): number | string | null {
  const raw = doc[field];
  if (raw === undefined) return null;
  if (Array.isArray(raw)) return ascending ? Math.min(...raw) : Math.max(...raw);
  return typeof raw === 'string' ? raw.toLowerCase() : raw;
}

function compareModel(x: number | string | null, y: number | string | null, ascending: boolean): number {
  if (x === y) return 0;
  if (x === null) return 1;
  if (y === null) return -1;
  if (typeof x !== typeof y) return typeof x === 'number' ? -1 : 1;
  const order = x < y ? -1 : 1;
  return ascending ? order : -order;
}

describe('browsing documents with sort', () => {
  poisonScratchDuringTests();

  it('orders the browsed documents by the criteria, then by insertion, like a model', () => {
    fc.assert(
      fc.property(
        fc.array(docArb, { minLength: 1, maxLength: 60 }),
        fc.constantFrom(['price:asc'], ['price:desc'], ['tag:asc', 'price:desc'], ['tag:desc', 'price:asc']),
        fc.constantFrom(undefined, 'tag = a'),
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: 0, max: 8 }),
        (bodies, sort, filter, offset, limit) => {
          const docs: Doc[] = bodies.map((body, id) => ({ id, ...body }));
          const index = createSearchIndex({ uid: 'browse-sort', primaryKey: 'id' });
          index.updateSettings({ sortableAttributes: ['price', 'tag'], filterableAttributes: ['tag'] });
          index.addDocuments(docs, { mode: 'replace' });
          const criteria = sort.map((s) => {
            const [field, direction] = s.split(':') as ['price' | 'tag', string];
            return { field, ascending: direction === 'asc' };
          });
          const expected = docs
            .filter((d) => filter === undefined || d.tag?.toLowerCase() === 'a')
            .sort((x, y) => {
              for (const { field, ascending } of criteria) {
                const c = compareModel(
                  modelValue(x, field, ascending),
                  modelValue(y, field, ascending),
                  ascending,
                );
                if (c !== 0) return c;
              }
              return x.id - y.id;
            });
          const result = index.browseDocuments({ sort: [...sort], filter, offset, limit, fields: ['id'] });
          expect(result.results.map((d) => d.id)).toEqual(
            expected.slice(offset, offset + limit).map((d) => d.id),
          );
          expect(result.total).toBe(expected.length);
        },
      ),
      { numRuns: 200, seed: 20261203 },
    );
  });

  it('sorts by distance to a geo point, documents without `_geo` last', () => {
    const index = createSearchIndex({ uid: 'browse-geo', primaryKey: 'id' });
    index.updateSettings({ sortableAttributes: ['_geo'] });
    index.addDocuments(
      [
        { id: 1, _geo: { lat: 10, lng: 10 } },
        { id: 2 },
        { id: 3, _geo: { lat: 1, lng: 1 } },
        { id: 4, _geo: { lat: 5, lng: 5 } },
      ],
      { mode: 'replace' },
    );
    const ids = (sort: string[]) => index.browseDocuments({ sort, fields: ['id'] }).results.map((d) => d.id);
    expect(ids(['_geoPoint(0, 0):asc'])).toEqual([3, 4, 1, 2]);
    expect(ids(['_geoPoint(0, 0):desc'])).toEqual([1, 4, 3, 2]);
  });

  it('refuses criteria on attributes that are not sortable, and bad syntax, with invalid_document_sort', () => {
    const index = createSearchIndex({ uid: 'browse-refused', primaryKey: 'id' });
    index.addDocuments([{ id: 1, name: 'x' }], { mode: 'replace' });
    expect(() => index.browseDocuments({ sort: ['name:asc'] })).toThrow(
      expect.objectContaining({
        code: 'invalid_document_sort',
        message: 'Attribute `name` is not sortable. This index does not have configured sortable attributes.',
      }),
    );
    index.updateSettings({ sortableAttributes: ['rank', 'age'] });
    expect(() => index.browseDocuments({ sort: ['name:asc'] })).toThrow(
      expect.objectContaining({
        code: 'invalid_document_sort',
        message: 'Attribute `name` is not sortable. Available sortable attributes are: `age, rank`.',
      }),
    );
    expect(() => index.browseDocuments({ sort: ['age'] })).toThrow(
      expect.objectContaining({ code: 'invalid_document_sort' }),
    );
  });
});
