import type { Document } from './engine-contract.js';
import { facetKey } from './facet-distribution.js';
import { valuesAtPath } from './field-paths.js';

/**
 * The distinct keys of a document for a distinct attribute (numbers by value, strings case-folded);
 * empty when the document has no value (such documents are never deduplicated).
 *
 * @example
 * ```ts
 * distinctValues({ sku: ['A', 'b'] }, 'sku'); // ['s:a', 's:b']
 * ```
 */
export function distinctValues(doc: Document, attribute: string): string[] {
  const out: string[] = [];
  for (const value of valuesAtPath(doc, attribute)) {
    const key = facetKey(value);
    if (key !== null && !out.includes(key.key)) out.push(key.key);
  }
  return out;
}
