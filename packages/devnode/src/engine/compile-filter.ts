import { meiliError } from '@miroir/errors';
import {
  evaluateFilter,
  type FilterNode,
  FilterParseError,
  filterAttributes,
  parseFilter,
} from '@miroir/filter';
import type { Document, FilterableAttributeRule, FilterInput } from './engine-contract.js';
import { matchesAttributePattern } from './field-paths.js';

/** A compiled filter: a predicate over stored documents (null filter → always true). */
export type DocumentPredicate = (doc: Document) => boolean;

export type FilterErrorCode = 'invalid_search_filter' | 'invalid_document_filter';

/** Attribute patterns declared filterable (rule objects contribute their patterns). */
export function filterablePatterns(filterable: ReadonlyArray<string | FilterableAttributeRule>): string[] {
  const out: string[] = [];
  for (const entry of filterable) {
    if (typeof entry === 'string') out.push(entry);
    else out.push(...entry.attributePatterns);
  }
  return out;
}

/** Whether an attribute is filterable under the given patterns. */
export function isFilterable(attribute: string, patterns: readonly string[]): boolean {
  return patterns.some((p) => matchesAttributePattern(attribute, p));
}

function sourceText(input: FilterInput): string {
  if (typeof input === 'string') return input;
  return input.map((part) => (typeof part === 'string' ? part : part.join(' OR '))).join(' AND ');
}

function located(text: string, attribute: string): string {
  const at = text.indexOf(attribute);
  if (at < 0) return '';
  return `\n${at + 1}:${at + attribute.length + 1} ${text}`;
}

/**
 * A filter's syntax tree (null: an empty filter), throwing Meilisearch's syntax error with `code`. Whether
 * its attributes are filterable is not checked (see {@link checkFilter}).
 *
 * @example
 * ```ts
 * parseFilterInput('year > 2000', 'invalid_document_filter'); // the comparison's node
 * ```
 */
export function parseFilterInput(input: FilterInput, code: FilterErrorCode): FilterNode | null {
  try {
    return parseFilter(input);
  } catch (error) {
    if (error instanceof FilterParseError) throw meiliError(code, error.message);
    throw error;
  }
}

/**
 * Parse and check a filter against the filterable attributes, returning its syntax tree (null: no
 * filter). Throws `invalid_search_filter` (or `invalid_document_filter`) with Meilisearch's messages.
 *
 * @example
 * ```ts
 * checkFilter('genre = action', ['genre']); // { type: 'condition', attribute: 'genre', … }
 * ```
 */
export function checkFilter(
  input: FilterInput | null | undefined,
  filterable: ReadonlyArray<string | FilterableAttributeRule>,
  code: FilterErrorCode = 'invalid_search_filter',
): FilterNode | null {
  if (input === null || input === undefined) return null;
  const node = parseFilterInput(input, code);
  if (node === null) return null;
  const patterns = filterablePatterns(filterable);
  const text = sourceText(input);
  for (const attribute of filterAttributes(node)) {
    if (isFilterable(attribute, patterns)) continue;
    if (attribute === '_geo' || attribute.startsWith('_geo')) {
      throw meiliError(
        code,
        `Attribute \`_geo\` is not filterable. ${
          patterns.length === 0
            ? 'This index does not have configured filterable attributes.'
            : `Available filterable attribute patterns are: ${patterns.map((p) => `\`${p}\``).join(', ')}.`
        }${located(text, '_geo')}`,
      );
    }
    throw meiliError(
      code,
      `Attribute \`${attribute}\` is not filterable. ${
        patterns.length === 0
          ? 'This index does not have configured filterable attributes.'
          : `Available filterable attribute patterns are: ${patterns.map((p) => `\`${p}\``).join(', ')}.`
      }${located(text, attribute)}`,
    );
  }
  return node;
}

/**
 * Parse and check a filter against the filterable attributes, returning a document predicate.
 * Throws `invalid_search_filter` (or `invalid_document_filter`) with Meilisearch's messages.
 *
 * @example
 * ```ts
 * const pred = compileFilter('genre = action', ['genre']);
 * pred({ genre: 'action' }); // true
 * ```
 */
export function compileFilter(
  input: FilterInput | null | undefined,
  filterable: ReadonlyArray<string | FilterableAttributeRule>,
  code: FilterErrorCode = 'invalid_search_filter',
): DocumentPredicate | null {
  const node = checkFilter(input, filterable, code);
  return node === null ? null : (doc) => evaluateFilter(node, doc);
}
