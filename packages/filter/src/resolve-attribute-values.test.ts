import { expect, it } from 'vitest';
import { resolveAttributeValues } from './resolve-attribute-values.js';

it.each([
  [{ a: 1 }, 'a', [1]],
  [{ a: 1 }, 'b', []],
  [{ a: null }, 'a', [null]],
  [{ a: { b: 2 } }, 'a.b', [2]],
  [{ a: { b: 2 } }, 'a', [{ b: 2 }]],
  [{ 'a.b': 3 }, 'a.b', [3]],
  [{ a: { 'b.c': 4 } }, 'a.b.c', [4]],
  [{ 'a.b': { c: 5 } }, 'a.b.c', [5]],
  [{ a: [{ b: 1 }, { b: [2, 3] }, { c: 4 }, 7] }, 'a.b', [1, [2, 3]]],
  [{ a: [[{ b: 1 }]] }, 'a.b', [1]],
  [{ a: { b: 1 }, 'a.b': 2 }, 'a.b', [2, 1]],
  [{ constructor: 1 }, 'toString', []],
] as Array<[Record<string, unknown>, string, unknown[]]>)('%j at %s → %j', (document, path, expected) => {
  expect(resolveAttributeValues(document, path)).toEqual(expected);
});
