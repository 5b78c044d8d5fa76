import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { filterNodeArbitrary, PROPERTY_TIMEOUT_MS, propertyParameters } from '../test/filter-arbitraries.js';
import { evaluateFilter } from './evaluate-filter.js';
import { idsRestrictedBy } from './ids-restricted-by.js';

const ID_POOL: Array<string | number> = [
  0,
  1,
  2,
  3,
  10,
  '1',
  '01',
  '3',
  'a',
  'A',
  'ab',
  'Ab',
  'aB',
  'x-y',
  'X-Y',
  'z_1',
];
const VALUE_POOL = [
  '0',
  '1',
  '01',
  '1.0',
  '2',
  '3',
  '10',
  '1e1',
  'a',
  'A',
  'ab',
  'AB',
  'x-y',
  ' x-Y ',
  'z_1',
  'q',
  'no id',
];

describe('idsRestrictedBy is sound', () => {
  it(
    'never excludes the id of a matching document',
    () => {
      const filter = filterNodeArbitrary(fc.constantFrom('id', 'id', 'g'), fc.constantFrom(...VALUE_POOL), {
        geo: true,
      });
      const doc = fc.record({ id: fc.constantFrom(...ID_POOL), g: fc.constantFrom('a', 'b', 1) });
      let restricted = 0;
      fc.assert(
        fc.property(filter, fc.array(doc, { minLength: 1, maxLength: 8 }), (node, docs) => {
          const ids = idsRestrictedBy(node, 'id');
          if (ids === null) return;
          restricted++;
          for (const d of docs) {
            if (evaluateFilter(node, d)) expect(ids).toContain(String(d.id));
          }
        }),
        propertyParameters(1000),
      );
      // The property is vacuous unless a fair share of filters is actually restricted.
      expect(restricted).toBeGreaterThan(50);
    },
    PROPERTY_TIMEOUT_MS,
  );
});
