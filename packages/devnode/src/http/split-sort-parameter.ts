/**
 * The criteria of a query-string `sort` parameter: split on the commas outside parentheses, so that
 * `_geoPoint(48.8, 2.3):asc` stays one criterion (as Meilisearch rejoins it).
 *
 * @example
 * ```ts
 * splitSortParameter('_geoPoint(48.8, 2.3):asc,price:desc'); // ['_geoPoint(48.8, 2.3):asc', 'price:desc']
 * ```
 */
export function splitSortParameter(raw: string): string[] {
  const criteria: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < raw.length; i++) {
    const char = raw[i];
    if (char === '(') depth++;
    else if (char === ')') depth = Math.max(0, depth - 1);
    else if (char === ',' && depth === 0) {
      criteria.push(raw.slice(start, i));
      start = i + 1;
    }
  }
  criteria.push(raw.slice(start));
  return criteria.map((s) => s.trim()).filter((s) => s !== '');
}
