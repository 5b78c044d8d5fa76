import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { filterNodeArbitrary, PROPERTY_TIMEOUT_MS, propertyParameters } from '../test/filter-arbitraries.js';
import { FilterParseError } from './filter-parse-error.js';
import { parseFilter } from './parse-filter.js';
import { printFilter } from './print-filter.js';

const KEYWORDS = [
  'AND',
  'OR',
  'NOT',
  'IN',
  'TO',
  'EXISTS',
  'IS',
  'NULL',
  'EMPTY',
  'CONTAINS',
  'STARTS',
  'WITH',
];
const text = fc.oneof(
  fc.stringMatching(/^[a-zA-Z0-9_.-]{1,8}$/),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.string({ unit: fc.constantFrom('a', ' ', "'", '"', '\\', '(', ']', ',', '\n', 'é'), maxLength: 6 }),
  fc.constantFrom(...KEYWORDS, '_geo', '_geoRadius', '_geoPoint(1)', '_geoPolygon', '', '-1.5', '1e3'),
);

describe('printFilter ∘ parseFilter', () => {
  it(
    'round-trips every canonical AST',
    () => {
      fc.assert(
        fc.property(filterNodeArbitrary(text, text), (node) => {
          expect(parseFilter(printFilter(node))).toEqual(node);
        }),
        propertyParameters(400),
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'parses arbitrary text to a node that round-trips, or throws a positioned FilterParseError',
    () => {
      const pieces = fc.constantFrom(
        'a',
        'b',
        '1',
        ' ',
        '=',
        '!=',
        '>',
        '<=',
        'AND ',
        'OR ',
        'NOT ',
        '(',
        ')',
        'IN ',
        '[',
        ']',
        ',',
        "'",
        '"',
        '\\',
        'TO ',
        'EXISTS',
        'IS ',
        'NULL',
        'EMPTY',
        'CONTAINS ',
        'STARTS WITH ',
        '_geoRadius(1,2,3)',
        '_geo',
        '🦀',
        '\n',
      );
      fc.assert(
        fc.property(
          fc.array(pieces, { maxLength: 14 }).map((parts) => parts.join('')),
          (input) => {
            let node: ReturnType<typeof parseFilter>;
            try {
              node = parseFilter(input);
            } catch (error) {
              expect(error).toBeInstanceOf(FilterParseError);
              const { start, end } = error as FilterParseError;
              expect(0 <= start && start <= end && end <= input.length).toBe(true);
              expect((error as FilterParseError).message).toContain(`\n`);
              return;
            }
            if (node !== null) expect(parseFilter(printFilter(node))).toEqual(node);
          },
        ),
        propertyParameters(2000),
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});
