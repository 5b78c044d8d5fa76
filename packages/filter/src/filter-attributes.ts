import type { FilterNode } from './filter-node.js';

/**
 * The attributes a filter reads, sorted and unique; geo built-ins count as `_geo`. Useful to check them
 * against `filterableAttributes` before evaluating.
 *
 * @example
 * filterAttributes(parseFilter('b = 1 OR (a > 2 AND _geoRadius(1, 2, 3))')!); // ['_geo', 'a', 'b']
 */
export function filterAttributes(node: FilterNode): string[] {
  const found = new Set<string>();
  const stack: FilterNode[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    switch (current.type) {
      case 'and':
      case 'or':
        stack.push(...current.children);
        break;
      case 'not':
        stack.push(current.child);
        break;
      case 'condition':
        found.add(current.attribute);
        break;
      default:
        found.add('_geo');
    }
  }
  return [...found].sort();
}
