import type { FilterInput } from './filter-node.js';
import { parseExpression } from './parse-filter.js';

/** Where an attribute appears in a filter. */
export interface FilterAttributeLocation {
  /** The attribute (`_geo` for geo built-ins). */
  readonly attribute: string;
  /** The expression string it appears in (one element of an array filter). */
  readonly input: string;
  /** UTF-16 span of the attribute token in `input` (inside the quotes when quoted; for geo built-ins, the latitude). */
  readonly start: number;
  readonly end: number;
}

/**
 * Every attribute occurrence of a filter, in the order Meilisearch checks filterability (source order,
 * array elements in order), with the span Meilisearch points at in its "not filterable" errors. Combine
 * with `formatFilterErrorLocation` to reproduce those messages exactly.
 *
 * @throws FilterParseError as {@link parseFilter} does.
 * @example
 * locateFilterAttributes(['genre = horror', ["'dog race' = x"]]);
 * // → [{ attribute: 'genre', input: 'genre = horror', start: 0, end: 5 },
 * //    { attribute: 'dog race', input: "'dog race' = x", start: 1, end: 9 }]
 */
export function locateFilterAttributes(input: FilterInput): FilterAttributeLocation[] {
  const found: FilterAttributeLocation[] = [];
  const visit = (expression: string): void => {
    parseExpression(expression, (attribute, start, end) =>
      found.push({ attribute, input: expression, start, end }),
    );
  };
  if (typeof input === 'string') {
    visit(input);
  } else {
    for (const element of input) {
      if (typeof element === 'string') visit(element);
      else for (const rule of element) visit(rule);
    }
  }
  return found;
}
