import { Buffer } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { filterNodeArbitrary, PROPERTY_TIMEOUT_MS, propertyParameters } from '../test/filter-arbitraries.js';
import { evaluateFilter } from './evaluate-filter.js';
import type { FilterConditionNode, FilterNode } from './filter-node.js';

// An independent model of Meilisearch's semantics for flat documents, written from the rules rather than
// from the implementation: values are compared through explicit per-type cases and strings are ordered by
// their UTF-8 bytes.

type Scalar = string | number | boolean;
type Doc = Record<string, unknown>;

const norm = (s: string): string => s.trim().normalize('NFKD').toLowerCase();
const asNumber = (v: string): number | null =>
  /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(v) && Number.isFinite(Number(v)) ? Number(v) : null;
const utf8Compare = (a: string, b: string): number => Buffer.compare(Buffer.from(a), Buffer.from(b));

function scalars(doc: Doc, attribute: string): Scalar[] {
  if (!(attribute in doc)) return [];
  const value = doc[attribute];
  const list = Array.isArray(value) ? value : [value];
  return list.filter((v): v is Scalar => ['string', 'number', 'boolean'].includes(typeof v));
}

function scalarEquals(x: Scalar, value: string): boolean {
  if (typeof x === 'number') return asNumber(value) === x;
  return norm(String(x)) !== '' && norm(String(x)) === norm(value);
}

function inRange(
  x: Scalar,
  low: string | null,
  lowIn: boolean,
  high: string | null,
  highIn: boolean,
): boolean {
  if (typeof x === 'number') {
    const lo = low === null ? -Infinity : asNumber(low);
    const hi = high === null ? Infinity : asNumber(high);
    if (lo === null || hi === null) return false;
    return (lowIn ? x >= lo : x > lo) && (highIn ? x <= hi : x < hi);
  }
  const s = norm(String(x));
  if (s === '') return false;
  const okLow = low === null || (lowIn ? utf8Compare(s, norm(low)) >= 0 : utf8Compare(s, norm(low)) > 0);
  const okHigh = high === null || (highIn ? utf8Compare(s, norm(high)) <= 0 : utf8Compare(s, norm(high)) < 0);
  return okLow && okHigh;
}

function modelCondition(node: FilterConditionNode, doc: Doc): boolean {
  const xs = scalars(doc, node.attribute);
  const strings = xs
    .filter((x) => typeof x !== 'number')
    .map((x) => norm(String(x)))
    .filter((s) => s !== '');
  switch (node.operator) {
    case 'EXISTS':
      return node.attribute in doc;
    case 'IS NULL':
      return doc[node.attribute] === null;
    case 'IS EMPTY': {
      const v = doc[node.attribute];
      return (
        v === '' ||
        (Array.isArray(v) && v.length === 0) ||
        (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0)
      );
    }
    case '=':
      return xs.some((x) => scalarEquals(x, node.value));
    case '!=':
      return !xs.some((x) => scalarEquals(x, node.value));
    case 'IN':
      return xs.some((x) => node.values.some((v) => scalarEquals(x, v)));
    case '>':
      return xs.some((x) => inRange(x, node.value, false, null, true));
    case '>=':
      return xs.some((x) => inRange(x, node.value, true, null, true));
    case '<':
      return xs.some((x) => inRange(x, null, true, node.value, false));
    case '<=':
      return xs.some((x) => inRange(x, null, true, node.value, true));
    case 'TO':
      return xs.some((x) => inRange(x, node.from, true, node.to, true));
    case 'CONTAINS':
      return strings.some((s) => s.includes(norm(node.value)));
    case 'STARTS WITH':
      return norm(node.value) === ''
        ? node.attribute in doc
        : strings.some((s) => s.startsWith(norm(node.value)));
  }
}

function model(node: FilterNode, doc: Doc): boolean {
  switch (node.type) {
    case 'and':
      return node.children.every((child) => model(child, doc));
    case 'or':
      return node.children.some((child) => model(child, doc));
    case 'not':
      return !model(node.child, doc);
    case 'condition':
      return modelCondition(node, doc);
    default:
      throw new Error('geo is not modelled here');
  }
}

const STRING_POOL = [
  'a',
  'A',
  ' b ',
  'ab',
  'Ab',
  '10',
  '1.5',
  'true',
  'é',
  'e\u0301',
  'Zed',
  '',
  '  ',
  '😀',
  '\uffff',
];
const NUMBER_POOL = [0, -0, 1, 1.5, -2, 10, 1e21];
const VALUE_POOL = [
  'a',
  'A',
  'b',
  'ab',
  '10',
  '10.0',
  '1.5',
  '1',
  '0',
  '-2',
  'true',
  'é',
  'z',
  '',
  '1e1',
  '😀',
  '\uffff',
];
const ATTRIBUTES = ['x', 'y'];

const scalar = fc.oneof(fc.constantFrom(...STRING_POOL), fc.constantFrom(...NUMBER_POOL), fc.boolean());
const fieldValue = fc.oneof(
  { weight: 4, arbitrary: scalar },
  { weight: 2, arbitrary: fc.array(scalar, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom(null, {}, []) },
);
const document = fc.dictionary(fc.constantFrom(...ATTRIBUTES), fieldValue, { maxKeys: 2 });

// Nested documents: the model first flattens the whole document into `path → leaf values` (the way
// Meilisearch's flattening describes it), then evaluates the flat model above on that map.
function flatten(document: Doc): Doc {
  const out: Record<string, unknown[]> = {};
  const visit = (value: unknown, path: string): void => {
    out[path] ??= [];
    if (Array.isArray(value)) {
      for (const item of value) visit(item, path);
    } else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) visit(child, `${path}.${key}`);
    } else {
      out[path]!.push(value);
    }
  };
  for (const [key, value] of Object.entries(document)) visit(value, key);
  return out;
}

const leaf = fc.oneof(scalar, fc.array(scalar, { maxLength: 2 }));
const nestedDocument = fc.oneof(
  fc.record({ o: fc.record({ y: leaf }) }),
  fc.record({ o: fc.array(fc.oneof(fc.record({ y: leaf }), fc.constant({})), { maxLength: 3 }) }),
  fc.record({ 'o.y': leaf }),
  fc.record({ o: fc.record({ z: leaf }) }),
);

describe('evaluateFilter agrees with an independent model', () => {
  it(
    'on nested attributes (objects, arrays of objects, dotted keys)',
    () => {
      const valueOperators = filterNodeArbitrary(fc.constant('o.y'), fc.constantFrom(...VALUE_POOL), {
        geo: false,
      }).filter((node) => !JSON.stringify(node).match(/"(EXISTS|IS NULL|IS EMPTY)"/));
      fc.assert(
        fc.property(
          valueOperators,
          fc.array(nestedDocument, { minLength: 1, maxLength: 4 }),
          (filter, docs) => {
            for (const doc of docs) expect(evaluateFilter(filter, doc)).toBe(model(filter, flatten(doc)));
          },
        ),
        propertyParameters(300),
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'on generated filters and flat documents',
    () => {
      const node = filterNodeArbitrary(fc.constantFrom(...ATTRIBUTES), fc.constantFrom(...VALUE_POOL), {
        geo: false,
      });
      fc.assert(
        fc.property(node, fc.array(document, { minLength: 1, maxLength: 6 }), (filter, docs) => {
          for (const doc of docs) expect(evaluateFilter(filter, doc)).toBe(model(filter, doc));
        }),
        propertyParameters(500),
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});
