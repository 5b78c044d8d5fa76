import { expect, it } from 'vitest';
import { formatFilterErrorLocation } from './filter-parse-error.js';
import { locateFilterAttributes } from './locate-filter-attributes.js';

it('lists attribute tokens in source order with their spans', () => {
  const text = "a = 1 AND (NOT 'b c' IN [x] OR d 1 TO 2) AND _geoRadius(45, 3, 10) AND a EXISTS";
  const at = (fragment: string, from = 0) => {
    const start = text.indexOf(fragment, from);
    return { input: text, start, end: start + fragment.length };
  };
  expect(locateFilterAttributes(text)).toEqual([
    { attribute: 'a', ...at('a') },
    { attribute: 'b c', ...at('b c') },
    { attribute: 'd', ...at('d 1'), end: at('d 1').start + 1 },
    { attribute: '_geo', ...at('45') },
    { attribute: 'a', ...at('a EXISTS'), end: at('a EXISTS').start + 1 },
  ]);
});

it('reports array elements against their own text and skips blanks', () => {
  expect(locateFilterAttributes(['genre = horror', ['', '  year > 2000']])).toEqual([
    { attribute: 'genre', input: 'genre = horror', start: 0, end: 5 },
    { attribute: 'year', input: '  year > 2000', start: 2, end: 6 },
  ]);
  expect(locateFilterAttributes('  ')).toEqual([]);
});

it('builds the position suffix of Meilisearch filter errors', () => {
  const [first] = locateFilterAttributes('x = 1 AND\n  café = 2').slice(1);
  expect(first).toBeDefined();
  expect(formatFilterErrorLocation(first!.input, first!.start, first!.end)).toBe(
    '\n3:7 x = 1 AND\n  café = 2',
  );
  expect(formatFilterErrorLocation('🦀 = 1', 0, 2)).toBe('\n1:2 🦀 = 1');
});
