import { normalizeFacetString, parseFiniteFloat } from './compare-filter-values.js';
import type { FilterNode } from './filter-node.js';

/** Options of {@link idsRestrictedBy}. */
export interface IdsRestrictedByOptions {
  /**
   * Meilisearch matches `id = abc` case-insensitively, so documents `abc`, `ABC`, `aBc`… all match; the
   * analysis lists every case variant (2^letters ids) up to this many per value, and gives up (returns
   * `null`, unrestricted) beyond. Default 64.
   */
  readonly maxCaseVariants?: number;
}

/** A document id is an integer or a string of ASCII alphanumerics, `-` and `_` (at most 511 bytes). */
const DOCUMENT_ID = /^[a-z0-9_-]{1,511}$/;

/**
 * The finite set of document ids (canonical: integer ids as decimal strings) outside which no document
 * can match `node`, or `null` when the filter does not bound the primary key. `id = v` and `id IN […]`
 * bound it; OR unions (unbounded if any branch is); AND intersects its bounded branches; NOT is
 * unbounded, except `NOT id != v`, which is `id = v`. The set is sound — a superset: every id that could
 * match is listed, including the case variants and numeric spellings Meilisearch's normalised comparison
 * accepts (`id = 03` also matches the integer id 3).
 *
 * @example
 * idsRestrictedBy(parseFilter('id IN [1, 2] AND (id = 2 OR id = 3)')!, 'id'); // ['2']
 * idsRestrictedBy(parseFilter('id = 1 OR genre = horror')!, 'id'); // null
 */
export function idsRestrictedBy(
  node: FilterNode,
  primaryKey: string,
  options: IdsRestrictedByOptions = {},
): string[] | null {
  const maxVariants = options.maxCaseVariants ?? 64;
  const restrict = (current: FilterNode): Set<string> | null => {
    switch (current.type) {
      case 'and': {
        const bounded = current.children.map(restrict).filter((ids): ids is Set<string> => ids !== null);
        if (bounded.length === 0) return null;
        const [first, ...rest] = bounded as [Set<string>, ...Set<string>[]];
        return new Set([...first].filter((id) => rest.every((ids) => ids.has(id))));
      }
      case 'or': {
        const result = new Set<string>();
        for (const child of current.children) {
          const ids = restrict(child);
          if (ids === null) return null;
          for (const id of ids) result.add(id);
        }
        return result;
      }
      case 'not': {
        const child = current.child;
        if (child.type === 'condition' && child.operator === '!=' && child.attribute === primaryKey) {
          return idsEqualTo(child.value, maxVariants);
        }
        return null;
      }
      case 'condition': {
        if (current.attribute !== primaryKey) return null;
        if (current.operator === '=') return idsEqualTo(current.value, maxVariants);
        if (current.operator !== 'IN') return null;
        const result = new Set<string>();
        for (const value of current.values) {
          const ids = idsEqualTo(value, maxVariants);
          if (ids === null) return null;
          for (const id of ids) result.add(id);
        }
        return result;
      }
      default:
        return null;
    }
  };
  const ids = restrict(node);
  return ids === null ? null : [...ids].sort();
}

/** Every document id that `primaryKey = value` can select. */
function idsEqualTo(value: string, maxVariants: number): Set<string> | null {
  const ids = new Set<string>();
  const normalized = normalizeFacetString(value);
  if (DOCUMENT_ID.test(normalized)) {
    const letters = normalized.replace(/[^a-z]/g, '').length;
    if (2 ** letters > maxVariants) return null;
    for (const variant of caseVariants(normalized)) ids.add(variant);
  }
  const number = parseFiniteFloat(value);
  if (number !== null && Number.isInteger(number) && number >= 0) {
    // Beyond 2^53 a float equals several integers; stay sound by giving up.
    if (number > Number.MAX_SAFE_INTEGER) return null;
    ids.add(String(number));
  }
  return ids;
}

function caseVariants(text: string): string[] {
  let variants = [''];
  for (const ch of text) {
    const upper = ch.toUpperCase();
    variants = upper === ch ? variants.map((v) => v + ch) : variants.flatMap((v) => [v + ch, v + upper]);
  }
  return variants;
}
