import fc from 'fast-check';
import type {
  FilterComparisonOperator,
  FilterGeoPoint,
  FilterNode,
  FilterPresenceOperator,
  FilterStringOperator,
} from '../src/index.js';

/** Seed and run count shared by the property suites (`FC_NUM_RUNS` overrides the count). */
export function propertyParameters(defaultRuns: number): { seed: number; numRuns: number } {
  return { seed: 20_261_122, numRuns: Number(process.env.FC_NUM_RUNS ?? defaultRuns) };
}

const COMPARISONS: FilterComparisonOperator[] = ['=', '!=', '>', '>=', '<', '<='];
const PRESENCES: FilterPresenceOperator[] = ['EXISTS', 'IS NULL', 'IS EMPTY'];
const STRING_OPERATORS: FilterStringOperator[] = ['CONTAINS', 'STARTS WITH'];

/** Canonical filter ASTs (what the parser can produce) over the given attribute and value texts. */
export function filterNodeArbitrary(
  attributes: fc.Arbitrary<string>,
  values: fc.Arbitrary<string>,
  options: { geo: boolean } = { geo: true },
): fc.Arbitrary<FilterNode> {
  const condition: fc.Arbitrary<FilterNode> = fc.oneof(
    fc.record({
      type: fc.constant('condition' as const),
      attribute: attributes,
      operator: fc.constantFrom(...COMPARISONS),
      value: values,
    }),
    fc.record({
      type: fc.constant('condition' as const),
      attribute: attributes,
      operator: fc.constant('TO' as const),
      from: values,
      to: values,
    }),
    fc.record({
      type: fc.constant('condition' as const),
      attribute: attributes,
      operator: fc.constant('IN' as const),
      values: fc.array(values, { maxLength: 4 }),
    }),
    fc.record({
      type: fc.constant('condition' as const),
      attribute: attributes,
      operator: fc.constantFrom(...PRESENCES),
    }),
    fc.record({
      type: fc.constant('condition' as const),
      attribute: attributes,
      operator: fc.constantFrom(...STRING_OPERATORS),
      value: values,
    }),
  );
  const leaf = options.geo
    ? fc.oneof({ weight: 6, arbitrary: condition }, { weight: 1, arbitrary: geoArbitrary() })
    : condition;
  const { node } = fc.letrec<{ node: FilterNode; and: FilterNode; or: FilterNode; not: FilterNode }>(
    (tie) => ({
      node: fc.oneof({ depthSize: 'small', maxDepth: 5 }, leaf, tie('and'), tie('or'), tie('not')),
      and: fc
        .array(tie('node'), { minLength: 2, maxLength: 3 })
        .map((children) => ({ type: 'and' as const, children })),
      or: fc
        .array(tie('node'), { minLength: 2, maxLength: 3 })
        .map((children) => ({ type: 'or' as const, children })),
      not: tie('node')
        .filter((child) => child.type !== 'not')
        .map((child) => ({ type: 'not' as const, child })),
    }),
  );
  return node;
}

const latitude = fc.double({ min: -90, max: 90, noNaN: true });
const longitude = fc.double({ min: -180, max: 180, noNaN: true });
const point: fc.Arbitrary<FilterGeoPoint> = fc.tuple(latitude, longitude);

function geoArbitrary(): fc.Arbitrary<FilterNode> {
  return fc.oneof(
    fc.record({
      type: fc.constant('geoRadius' as const),
      lat: latitude,
      lng: longitude,
      distance: fc.double({ noNaN: true, noDefaultInfinity: true }),
      resolution: fc.option(fc.integer({ min: 3, max: 1000 }), { nil: null }),
    }),
    fc
      .tuple(point, point)
      .map(([a, b]) =>
        a[0] >= b[0]
          ? { type: 'geoBoundingBox' as const, topRight: a, bottomLeft: b }
          : { type: 'geoBoundingBox' as const, topRight: b, bottomLeft: a },
      ),
    fc.record({
      type: fc.constant('geoPolygon' as const),
      points: fc.array(point, { minLength: 3, maxLength: 5 }),
    }),
  );
}

/** Per-test timeout for property suites, generous so that a large `FC_NUM_RUNS` does not time out. */
export const PROPERTY_TIMEOUT_MS = 300_000;
