import type { FilterConditionNode, FilterGeoPoint, FilterNode } from './filter-node.js';
import { FILTER_KEYWORDS, isValueChar } from './tokenize.js';

/**
 * Prints a node as a canonical filter expression: single spaces, upper-case keywords, bare words where
 * the grammar allows them and double-quoted strings otherwise, parentheses only where precedence or an
 * explicitly nested AND/OR requires them, negations in their postfix form (`x NOT IN […]`,
 * `x IS NOT NULL`, `x NOT EXISTS`, …). For every node the parser can produce,
 * `parseFilter(printFilter(node))` deep-equals `node`.
 *
 * @example
 * printFilter(parseFilter("genre='horror' AND   x   NOT IN [1,2,]")!);
 * // → 'genre = horror AND x NOT IN [1, 2]'
 */
export function printFilter(node: FilterNode): string {
  switch (node.type) {
    case 'or':
      return node.children
        .map((child) => (child.type === 'or' ? `(${printFilter(child)})` : printFilter(child)))
        .join(' OR ');
    case 'and':
      return node.children
        .map((child) =>
          child.type === 'or' || child.type === 'and' ? `(${printFilter(child)})` : printFilter(child),
        )
        .join(' AND ');
    case 'not':
      return printNot(node.child);
    case 'condition':
      return printCondition(node);
    case 'geoRadius': {
      const args = [node.lat, node.lng, node.distance];
      if (node.resolution !== null) args.push(node.resolution);
      return `_geoRadius(${args.map(printNumber).join(', ')})`;
    }
    case 'geoBoundingBox':
      return `_geoBoundingBox(${printPoint(node.topRight)}, ${printPoint(node.bottomLeft)})`;
    case 'geoPolygon':
      return `_geoPolygon(${node.points.map(printPoint).join(', ')})`;
  }
}

function printNot(child: FilterNode): string {
  if (child.type === 'condition') {
    const attribute = printValue(child.attribute);
    switch (child.operator) {
      case 'IN':
        return `${attribute} NOT IN [${child.values.map(printValue).join(', ')}]`;
      case 'EXISTS':
        return `${attribute} NOT EXISTS`;
      case 'IS NULL':
        return `${attribute} IS NOT NULL`;
      case 'IS EMPTY':
        return `${attribute} IS NOT EMPTY`;
      case 'CONTAINS':
      case 'STARTS WITH':
        return `${attribute} NOT ${child.operator} ${printValue(child.value)}`;
      default:
        return `NOT ${printCondition(child)}`;
    }
  }
  if (child.type === 'and' || child.type === 'or' || child.type === 'not')
    return `NOT (${printFilter(child)})`;
  return `NOT ${printFilter(child)}`;
}

function printCondition(node: FilterConditionNode): string {
  const attribute = printValue(node.attribute);
  switch (node.operator) {
    case 'TO':
      return `${attribute} ${printValue(node.from)} TO ${printValue(node.to)}`;
    case 'IN':
      return `${attribute} IN [${node.values.map(printValue).join(', ')}]`;
    case 'EXISTS':
    case 'IS NULL':
    case 'IS EMPTY':
      return `${attribute} ${node.operator}`;
    default:
      return `${attribute} ${node.operator} ${printValue(node.value)}`;
  }
}

/** A bare word when it would read back as the same value, else a double-quoted string. */
function printValue(value: string): string {
  if (isPlainWord(value)) return value;
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

function isPlainWord(value: string): boolean {
  if (value === '' || FILTER_KEYWORDS.has(value)) return false;
  if (value === '_geo' || value.startsWith('_geoPoint') || value.startsWith('_geoDistance')) return false;
  if (/^[A-Za-z0-9_.-]+$/.test(value)) return true;
  for (const ch of value) if (!isValueChar(ch)) return false;
  return true;
}

function printPoint(point: FilterGeoPoint): string {
  return `[${printNumber(point[0])}, ${printNumber(point[1])}]`;
}

function printNumber(value: number): string {
  return Object.is(value, -0) ? '-0' : String(value);
}
