/**
 * A filter as Meilisearch accepts it: one expression string, or an array whose elements are AND-ed, each
 * element being an expression string or an array of expression strings that are OR-ed.
 *
 * @example
 * const filter: FilterInput = ['genre = horror', ['year = 2001', 'year = 2002']];
 */
export type FilterInput = string | ReadonlyArray<string | ReadonlyArray<string>>;

/** Operators comparing an attribute with one value. */
export type FilterComparisonOperator = '=' | '!=' | '>' | '>=' | '<' | '<=';

/** Operators that test an attribute without a value. */
export type FilterPresenceOperator = 'EXISTS' | 'IS NULL' | 'IS EMPTY';

/** Experimental string operators (Meilisearch's `containsFilter` feature). */
export type FilterStringOperator = 'CONTAINS' | 'STARTS WITH';

/** `attribute <op> value` for `= != > >= < <=`. Values are kept as text, as Meilisearch keeps tokens. */
export interface FilterComparisonNode {
  readonly type: 'condition';
  readonly attribute: string;
  readonly operator: FilterComparisonOperator;
  readonly value: string;
}

/** `attribute from TO to`, both bounds inclusive. */
export interface FilterRangeNode {
  readonly type: 'condition';
  readonly attribute: string;
  readonly operator: 'TO';
  readonly from: string;
  readonly to: string;
}

/** `attribute IN [v1, v2, …]`; `NOT IN` is a `not` node around it. */
export interface FilterInNode {
  readonly type: 'condition';
  readonly attribute: string;
  readonly operator: 'IN';
  readonly values: readonly string[];
}

/** `attribute EXISTS`, `attribute IS NULL`, `attribute IS EMPTY` (negated forms are `not` nodes). */
export interface FilterPresenceNode {
  readonly type: 'condition';
  readonly attribute: string;
  readonly operator: FilterPresenceOperator;
}

/** `attribute CONTAINS value`, `attribute STARTS WITH value` (negated forms are `not` nodes). */
export interface FilterStringNode {
  readonly type: 'condition';
  readonly attribute: string;
  readonly operator: FilterStringOperator;
  readonly value: string;
}

/** Any condition on one attribute; discriminate further on `operator`. */
export type FilterConditionNode =
  | FilterComparisonNode
  | FilterRangeNode
  | FilterInNode
  | FilterPresenceNode
  | FilterStringNode;

/** A `[latitude, longitude]` pair in degrees. */
export type FilterGeoPoint = readonly [lat: number, lng: number];

/** `_geoRadius(lat, lng, distanceInMeters[, resolution])` on the document's `_geo` point. */
export interface FilterGeoRadiusNode {
  readonly type: 'geoRadius';
  readonly lat: number;
  readonly lng: number;
  readonly distance: number;
  /** Optional fourth argument (polygon resolution for `_geojson` shapes); `null` when absent. */
  readonly resolution: number | null;
}

/** `_geoBoundingBox([topRightLat, topRightLng], [bottomLeftLat, bottomLeftLng])`. */
export interface FilterGeoBoundingBoxNode {
  readonly type: 'geoBoundingBox';
  readonly topRight: FilterGeoPoint;
  readonly bottomLeft: FilterGeoPoint;
}

/** `_geoPolygon([lat, lng], [lat, lng], [lat, lng], …)` with at least three points. */
export interface FilterGeoPolygonNode {
  readonly type: 'geoPolygon';
  readonly points: readonly FilterGeoPoint[];
}

/** Conjunction; `children.length >= 2` for nodes the parser produces. */
export interface FilterAndNode {
  readonly type: 'and';
  readonly children: readonly FilterNode[];
}

/** Disjunction; `children.length >= 2` for nodes the parser produces. */
export interface FilterOrNode {
  readonly type: 'or';
  readonly children: readonly FilterNode[];
}

/** Negation (complement over all documents, so documents lacking the attribute match). */
export interface FilterNotNode {
  readonly type: 'not';
  readonly child: FilterNode;
}

/**
 * The filter AST. Plain, position-free, JSON-serialisable data: two nodes are the same filter exactly when
 * they are deep-equal. The parser never produces `not(not(x))` (it collapses double negation, as
 * Meilisearch does) and never produces `and`/`or` nodes with fewer than two children.
 *
 * @example
 * const node: FilterNode = { type: 'condition', attribute: 'genre', operator: '=', value: 'horror' };
 */
export type FilterNode =
  | FilterAndNode
  | FilterOrNode
  | FilterNotNode
  | FilterConditionNode
  | FilterGeoRadiusNode
  | FilterGeoBoundingBoxNode
  | FilterGeoPolygonNode;

/**
 * Builds an AND node; a single child is returned as is, so results stay canonical.
 *
 * @example
 * createAnd([createComparison('a', '=', '1'), createComparison('b', '=', '2')]);
 */
export function createAnd(children: readonly FilterNode[]): FilterNode {
  if (children.length === 1) return children[0]!;
  return { type: 'and', children: [...children] };
}

/**
 * Builds an OR node; a single child is returned as is.
 *
 * @example
 * createOr([createComparison('a', '=', '1'), createComparison('a', '=', '2')]);
 */
export function createOr(children: readonly FilterNode[]): FilterNode {
  if (children.length === 1) return children[0]!;
  return { type: 'or', children: [...children] };
}

/**
 * Negates a node, collapsing double negation exactly like Meilisearch's parser.
 *
 * @example
 * createNot(createNot(createPresence('a', 'EXISTS'))); // → the EXISTS node itself
 */
export function createNot(child: FilterNode): FilterNode {
  return child.type === 'not' ? child.child : { type: 'not', child };
}

/**
 * Builds `attribute <operator> value`.
 *
 * @example
 * createComparison('price', '>=', '10');
 */
export function createComparison(
  attribute: string,
  operator: FilterComparisonOperator,
  value: string,
): FilterComparisonNode {
  return { type: 'condition', attribute, operator, value };
}

/**
 * Builds `attribute from TO to`.
 *
 * @example
 * createRange('price', '10', '20');
 */
export function createRange(attribute: string, from: string, to: string): FilterRangeNode {
  return { type: 'condition', attribute, operator: 'TO', from, to };
}

/**
 * Builds `attribute IN [values]`.
 *
 * @example
 * createIn('id', ['1', '2']);
 */
export function createIn(attribute: string, values: readonly string[]): FilterInNode {
  return { type: 'condition', attribute, operator: 'IN', values: [...values] };
}

/**
 * Builds `attribute EXISTS | IS NULL | IS EMPTY`.
 *
 * @example
 * createPresence('cover', 'IS NULL');
 */
export function createPresence(attribute: string, operator: FilterPresenceOperator): FilterPresenceNode {
  return { type: 'condition', attribute, operator };
}

/**
 * Builds `attribute CONTAINS value` or `attribute STARTS WITH value`.
 *
 * @example
 * createStringMatch('title', 'STARTS WITH', 'the');
 */
export function createStringMatch(
  attribute: string,
  operator: FilterStringOperator,
  value: string,
): FilterStringNode {
  return { type: 'condition', attribute, operator, value };
}
