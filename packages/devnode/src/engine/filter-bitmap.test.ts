import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileFilter } from './compile-filter.js';
import { defaultSettings } from './default-settings.js';
import type { Document, FilterInput } from './engine-contract.js';
import { filterBitmap } from './filter-bitmap.js';
import {
  buildStoredDocument,
  createIndexState,
  dropDocument,
  type IndexState,
  storeDocument,
} from './index-state.js';

const NUM_RUNS = Number(process.env.FC_NUM_RUNS ?? 150);
const FILTERABLE = ['a', 'b', 'tags', 'nested', 'items', 'missing', '_geo'];

function stateOf(docs: readonly Document[]): IndexState {
  const state = createIndexState({ ...defaultSettings(), filterableAttributes: FILTERABLE });
  docs.forEach((doc, id) => {
    storeDocument(state, buildStoredDocument(state, id, String(id), doc, new Map()));
    state.byExternalId.set(String(id), id);
  });
  state.nextInternalId = docs.length;
  state.revision++;
  return state;
}

function remove(state: IndexState, ids: readonly number[]): void {
  for (const id of ids) dropDocument(state, id);
  state.revision++;
}

/** The predicate's answer per internal id (0 for removed ids), in the bitmap's shape. */
function expectedBits(state: IndexState, filter: FilterInput): number[] {
  const predicate = compileFilter(filter, FILTERABLE);
  return Array.from({ length: state.nextInternalId }, (_, id) => {
    const stored = state.documents.get(id);
    if (stored === undefined) return 0;
    return predicate === null || predicate(stored.doc) ? 1 : 0;
  });
}

function matchingIds(state: IndexState, filter: FilterInput | null): number[] | null {
  const bits = filterBitmap(state, filter, FILTERABLE);
  if (bits === null) return null;
  return [...bits.keys()].filter((id) => bits[id] === 1);
}

// Values chosen to hit the evaluator's subtle spots: -0, numeric strings (kept as strings), case and
// diacritic spellings (NFKD + lower case, no accent stripping), blank strings, booleans, nulls, empties,
// and strings whose code-point order differs from locale order (punctuation, astral characters).
const scalarArb = fc.constantFrom<unknown>(
  -1,
  0,
  -0,
  1,
  1.5,
  2,
  10,
  1e21,
  '1',
  '1.0',
  '10',
  ' 2 ',
  '1e1',
  'abc',
  'Abc',
  'ABD',
  'ab',
  'Élan',
  'élan',
  'e\u0301lan',
  'ﬁ',
  'a-b',
  '_x',
  '~',
  'Ω',
  '😀',
  '\uFFFD',
  '',
  '  ',
  'true',
  'False',
  true,
  false,
  null,
);
const valueArb = fc.oneof(
  { weight: 6, arbitrary: scalarArb },
  {
    weight: 3,
    arbitrary: fc.array(fc.oneof(scalarArb, fc.array(scalarArb, { maxLength: 2 })), { maxLength: 3 }),
  },
  { weight: 1, arbitrary: fc.constantFrom<unknown>({}, [], [[]], { y: 1 }) },
);
const docArb: fc.Arbitrary<Document> = fc.record(
  {
    a: valueArb,
    b: valueArb,
    tags: fc.array(scalarArb, { maxLength: 4 }),
    nested: fc.oneof(fc.record({ x: valueArb }, { requiredKeys: [] }), fc.constant(null), fc.constant({})),
    'nested.x': valueArb,
    items: fc.array(fc.record({ x: valueArb }, { requiredKeys: [] }), { maxLength: 3 }),
    _geo: fc.constantFrom<unknown>({ lat: 0, lng: 0 }, { lat: '45.5', lng: 3 }),
  },
  { requiredKeys: [] },
);

const attributeArb = fc.constantFrom('a', 'b', 'tags', 'nested', 'nested.x', 'items.x', 'missing');
const filterValueArb = fc.constantFrom(
  '1',
  '1.0',
  '10',
  '2',
  '-0',
  '0',
  '-1',
  '1.5',
  '1e1',
  '1e21',
  '0x10',
  'inf',
  'abc',
  'ABC',
  'ab',
  'abd',
  'élan',
  'ÉLAN',
  'e\u0301lan',
  'fi',
  'true',
  'false',
  ' 2 ',
  'a',
  'b',
  'z',
  'a-',
  '_',
  '~',
  '😀',
  '\uFFFF',
  '',
  '   ',
);
const quoted = (value: string): string => `"${value}"`;

const leafArb: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(attributeArb, fc.constantFrom('=', '!=', '>', '>=', '<', '<='), filterValueArb)
      .map(([attribute, op, value]) => `${attribute} ${op} ${quoted(value)}`),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(attributeArb, filterValueArb, filterValueArb)
      .map(([attribute, from, to]) => `${attribute} ${quoted(from)} TO ${quoted(to)}`),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(attributeArb, fc.boolean(), fc.array(filterValueArb, { minLength: 1, maxLength: 3 }))
      .map(
        ([attribute, not, values]) =>
          `${attribute} ${not ? 'NOT IN' : 'IN'} [${values.map(quoted).join(', ')}]`,
      ),
  },
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        attributeArb,
        fc.constantFrom('EXISTS', 'NOT EXISTS', 'IS NULL', 'IS NOT NULL', 'IS EMPTY', 'IS NOT EMPTY'),
      )
      .map(([attribute, op]) => `${attribute} ${op}`),
  },
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        attributeArb,
        fc.constantFrom('CONTAINS', 'NOT CONTAINS', 'STARTS WITH', 'NOT STARTS WITH'),
        filterValueArb,
      )
      .map(([attribute, op, value]) => `${attribute} ${op} ${quoted(value)}`),
  },
  // Left to the per-document predicate.
  { weight: 1, arbitrary: fc.constantFrom('_geoRadius(0, 0, 1000)', '_geo.lat > 1') },
);

const { filter: filterArb } = fc.letrec<{ filter: string }>((tie) => ({
  filter: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 4, arbitrary: leafArb },
    { weight: 1, arbitrary: fc.tuple(tie('filter'), tie('filter')).map(([x, y]) => `(${x}) AND (${y})`) },
    { weight: 1, arbitrary: fc.tuple(tie('filter'), tie('filter')).map(([x, y]) => `(${x}) OR (${y})`) },
    { weight: 1, arbitrary: tie('filter').map((x) => `NOT (${x})`) },
  ),
}));
const filterInputArb: fc.Arbitrary<FilterInput> = fc.oneof(
  { weight: 4, arbitrary: filterArb },
  {
    weight: 1,
    arbitrary: fc.array(fc.oneof(filterArb, fc.array(filterArb, { maxLength: 3 })), { maxLength: 3 }),
  },
);

const usesGeo = (filter: FilterInput): boolean => JSON.stringify(filter).includes('_geo');

describe('filterBitmap', () => {
  it('answers exactly what the compiled predicate answers, before and after deletions', () => {
    let handled = 0;
    let total = 0;
    fc.assert(
      fc.property(
        fc.array(docArb, { minLength: 1, maxLength: 30 }),
        fc.array(filterInputArb, { minLength: 1, maxLength: 4 }),
        fc.array(fc.nat(40), { maxLength: 5 }),
        (docs, filters, doomed) => {
          const state = stateOf(docs);
          const check = (): void => {
            for (const filter of filters) {
              const bits = filterBitmap(state, filter, FILTERABLE);
              total++;
              // Only geo conditions may fall back to the predicate.
              if (!usesGeo(filter)) expect(bits).not.toBeNull();
              if (bits === null) continue;
              handled++;
              expect([...bits]).toEqual(expectedBits(state, filter));
            }
          };
          check();
          remove(state, doomed);
          check();
        },
      ),
      { numRuns: NUM_RUNS, seed: 20261130 },
    );
    // Geo leaves are a small share of the generated leaves; everything else is answered from the tables.
    expect(handled / total).toBeGreaterThan(0.6);
  });

  it('gives 0 to removed ids and sees later writes (tables follow the revision)', () => {
    const state = stateOf([{ a: 'x' }, { a: 'x' }, { a: 'y' }, {}]);
    expect(matchingIds(state, 'a = x')).toEqual([0, 1]);
    expect(matchingIds(state, 'NOT a = x')).toEqual([2, 3]);
    remove(state, [1, 3]);
    expect(matchingIds(state, 'a = x')).toEqual([0]);
    expect(matchingIds(state, 'NOT a = x')).toEqual([2]);
    expect(matchingIds(state, 'a != x')).toEqual([2]);
    expect(matchingIds(state, null)).toEqual([0, 2]);
    storeDocument(state, buildStoredDocument(state, 1, '1', { a: 'X' }, new Map()));
    state.revision++;
    expect(matchingIds(state, 'a = x')).toEqual([0, 1]);
  });

  describe('operators', () => {
    const state = stateOf([
      { a: 1 }, // 0
      { a: '1' }, // 1
      { a: [5, 'Drama'] }, // 2
      { a: 'drama' }, // 3
      { a: null }, // 4
      { a: [] }, // 5
      { a: '' }, // 6
      {}, // 7
      { a: 'Élan' }, // 8
      { a: 20, nested: { x: 'deep' } }, // 9
      { nested: [{ x: 'deep' }, { x: 3 }] }, // 10
    ]);

    it('= matches folded strings and, for numeric values, numbers', () => {
      expect(matchingIds(state, 'a = 1')).toEqual([0, 1]);
      expect(matchingIds(state, 'a = "1.0"')).toEqual([0]);
      expect(matchingIds(state, 'a = DRAMA')).toEqual([2, 3]);
      expect(matchingIds(state, 'a = "élan"')).toEqual([8]);
      expect(matchingIds(state, 'nested.x = deep')).toEqual([9, 10]);
    });

    it('!=, NOT and NOT IN are complements over the stored documents', () => {
      expect(matchingIds(state, 'a != drama')).toEqual([0, 1, 4, 5, 6, 7, 8, 9, 10]);
      expect(matchingIds(state, 'a NOT IN [1, drama]')).toEqual([4, 5, 6, 7, 8, 9, 10]);
      expect(matchingIds(state, 'a IN [1, drama]')).toEqual([0, 1, 2, 3]);
    });

    it('ranges select numbers numerically and strings by code point', () => {
      expect(matchingIds(state, 'a > 1')).toEqual([2, 3, 8, 9]);
      expect(matchingIds(state, 'a >= 5')).toEqual([2, 3, 8, 9]);
      expect(matchingIds(state, 'a < 5')).toEqual([0, 1]);
      expect(matchingIds(state, 'a 2 TO 20')).toEqual([2, 9]);
      expect(matchingIds(state, 'a 20 TO 2')).toEqual([]);
      expect(matchingIds(state, 'nested.x 0 TO 3')).toEqual([10]);
    });

    it('string ranges follow code points, where astral characters sort after the whole BMP', () => {
      const text = stateOf([{ a: '😀' }, { a: '\uFFFD' }, { a: 'Ω' }, { a: 'a-b' }, { a: 'a_b' }]);
      expect(matchingIds(text, 'a > "\uFFFF"')).toEqual([0]);
      expect(matchingIds(text, 'a < "\uFFFF"')).toEqual([1, 2, 3, 4]);
      expect(matchingIds(text, 'a "a-" TO "a-z"')).toEqual([3]);
    });

    it('presence operators read raw values', () => {
      expect(matchingIds(state, 'a EXISTS')).toEqual([0, 1, 2, 3, 4, 5, 6, 8, 9]);
      expect(matchingIds(state, 'a NOT EXISTS')).toEqual([7, 10]);
      expect(matchingIds(state, 'a IS NULL')).toEqual([4]);
      expect(matchingIds(state, 'a IS EMPTY')).toEqual([5, 6]);
      expect(matchingIds(state, 'a IS NOT EMPTY')).toEqual([0, 1, 2, 3, 4, 7, 8, 9, 10]);
    });

    it('AND, OR and the array form combine', () => {
      expect(matchingIds(state, 'a = drama AND a = 5')).toEqual([2]);
      expect(matchingIds(state, 'a = drama OR a IS NULL')).toEqual([2, 3, 4]);
      expect(matchingIds(state, ['a EXISTS', ['a = 1', 'a = 20']])).toEqual([0, 1, 9]);
    });

    it('CONTAINS and STARTS WITH work on folded strings', () => {
      expect(matchingIds(state, 'a CONTAINS RAM')).toEqual([2, 3]);
      expect(matchingIds(state, 'a STARTS WITH dr')).toEqual([2, 3]);
      expect(matchingIds(state, 'a STARTS WITH "  "')).toEqual([0, 1, 2, 3, 4, 5, 6, 8, 9]);
    });

    it('leaves geo filters and invalid input to the predicate', () => {
      expect(filterBitmap(state, '_geoRadius(0, 0, 10)', FILTERABLE)).toBeNull();
      expect(filterBitmap(state, 'a = ', FILTERABLE)).toBeNull();
      expect(filterBitmap(state, 'secret = 1', FILTERABLE)).toBeNull();
    });
  });
});
