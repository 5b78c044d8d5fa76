export type { FacetValues, FilterValue, RangeBound } from './compare-filter-values.js';
export {
  collectFacetValues,
  compareCodePoints,
  facetsEqual,
  facetsInRange,
  normalizeFacetString,
  parseFiniteFloat,
  prepareFilterValue,
} from './compare-filter-values.js';
export type { EvaluateOptions } from './evaluate-filter.js';
export { evaluateFilter } from './evaluate-filter.js';
export { filterAttributes } from './filter-attributes.js';
export type {
  FilterAndNode,
  FilterComparisonNode,
  FilterComparisonOperator,
  FilterConditionNode,
  FilterGeoBoundingBoxNode,
  FilterGeoPoint,
  FilterGeoPolygonNode,
  FilterGeoRadiusNode,
  FilterInNode,
  FilterInput,
  FilterNode,
  FilterNotNode,
  FilterOrNode,
  FilterPresenceNode,
  FilterPresenceOperator,
  FilterRangeNode,
  FilterStringNode,
  FilterStringOperator,
} from './filter-node.js';
export {
  createAnd,
  createComparison,
  createIn,
  createNot,
  createOr,
  createPresence,
  createRange,
  createStringMatch,
} from './filter-node.js';
export type { FilterParseErrorKind } from './filter-parse-error.js';
export { FilterParseError, formatFilterErrorLocation } from './filter-parse-error.js';
export { EARTH_RADIUS_METERS, geoDistance } from './geo-distance.js';
export type { IdsRestrictedByOptions } from './ids-restricted-by.js';
export { idsRestrictedBy } from './ids-restricted-by.js';
export type { FilterAttributeLocation } from './locate-filter-attributes.js';
export { locateFilterAttributes } from './locate-filter-attributes.js';
export { parseFilter } from './parse-filter.js';
export { printFilter } from './print-filter.js';
export { resolveAttributeValues } from './resolve-attribute-values.js';
