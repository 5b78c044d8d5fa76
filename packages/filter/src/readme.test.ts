import { expect, it } from 'vitest';
import { evaluateFilter, filterAttributes, idsRestrictedBy, parseFilter, printFilter } from './index.js';

it('runs the README example', () => {
  const node = parseFilter(['genre = Horror', ['year >= 2000', "director IN ['Carpenter', 'Craven']"]])!;

  expect(printFilter(node)).toBe('genre = Horror AND (year >= 2000 OR director IN [Carpenter, Craven])');
  expect(evaluateFilter(node, { genre: ['horror', 'comedy'], year: 1978, director: 'carpenter' })).toBe(true);
  expect(filterAttributes(node)).toEqual(['director', 'genre', 'year']);

  expect(idsRestrictedBy(parseFilter('id IN [1, 2, 3] AND (id = 2 OR id = 4)')!, 'id')).toEqual(['2']);
  expect(idsRestrictedBy(parseFilter('id = 1 OR genre = horror')!, 'id')).toBeNull();
});
