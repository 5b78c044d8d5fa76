/**
 * The raw values a document holds at a dotted attribute path, the way Meilisearch flattens documents:
 * `author.name` reads `{author: {name}}`, a literal `"author.name"` key, or any mix (`{"author": {"name.x"}}`
 * for `author.name.x`), and an array of objects on the way yields the value in every element. A value
 * that is itself an array is returned as one entry (callers flatten it for facets, keep it for
 * `IS EMPTY`). An empty result means the attribute does not exist in the document.
 *
 * @example
 * resolveAttributeValues({ author: [{ name: 'Ann' }, { name: 'Bob' }] }, 'author.name'); // ['Ann', 'Bob']
 */
export function resolveAttributeValues(document: Record<string, unknown>, attribute: string): unknown[] {
  const found: unknown[] = [];
  collect(document, attribute, found);
  return found;
}

function collect(value: unknown, path: string, found: unknown[]): void {
  if (Array.isArray(value)) {
    for (const item of value) collect(item, path, found);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const record = value as Record<string, unknown>;
  // Candidate keys are the path itself and each of its dot-separated prefixes: O(dots), not O(keys).
  if (Object.hasOwn(record, path)) found.push(record[path]);
  for (let dot = path.indexOf('.'); dot >= 0; dot = path.indexOf('.', dot + 1)) {
    const key = path.slice(0, dot);
    if (Object.hasOwn(record, key)) collect(record[key], path.slice(dot + 1), found);
  }
}
