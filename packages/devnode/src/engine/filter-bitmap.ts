import {
  compareCodePoints,
  type FilterConditionNode,
  type FilterNode,
  type FilterValue,
  filterAttributes,
  parseFilter,
  prepareFilterValue,
} from '@miroir/filter';
import { filterablePatterns, isFilterable } from './compile-filter.js';
import type { FilterableAttributeRule, FilterInput } from './engine-contract.js';
import { liveDocuments } from './facet-index.js';
import { type FilterValueTable, filterValueTable } from './filter-value-table.js';
import type { IndexState } from './index-state.js';

/** One side of a range; `value: null` leaves that side open. */
interface Bound {
  readonly value: FilterValue | null;
  readonly inclusive: boolean;
}

const OPEN: Bound = { value: null, inclusive: true };

// The evaluator reads `_geo.lat` / `_geo.lng` through its own coordinate parsing: left to the predicate.
const UNSUPPORTED_ATTRIBUTES: ReadonlySet<string> = new Set(['_geo.lat', '_geo.lng']);

/**
 * Which documents match a filter, per internal id (1 = stored and matching), computed from per-attribute
 * value tables rather than by evaluating each document. Answers exactly what `compileFilter`'s predicate
 * answers for every stored document, or `null` when it cannot (geo filters, unparsable or non-filterable
 * input): the caller then falls back to the predicate, which also reports the errors.
 *
 * @example
 * ```ts
 * const bits = filterBitmap(state, 'genres = drama AND year > 1990', ['genres', 'year']);
 * bits?.[0]; // 1 when internal id 0 is a drama released after 1990
 * ```
 */
export function filterBitmap(
  state: IndexState,
  filter: FilterInput | null | undefined,
  filterableAttributes: ReadonlyArray<string | FilterableAttributeRule>,
): Uint8Array | null {
  const live = liveDocuments(state);
  if (filter === null || filter === undefined) return live.slice();
  let node: FilterNode | null;
  try {
    node = parseFilter(filter);
  } catch {
    return null;
  }
  if (node === null) return live.slice();
  const patterns = filterablePatterns(filterableAttributes);
  for (const attribute of filterAttributes(node)) if (!isFilterable(attribute, patterns)) return null;
  return filterNodeBitmap(state, node);
}

/**
 * {@link filterBitmap} for a filter already parsed and checked against the filterable attributes (see
 * `checkFilter`): null for what the value tables cannot answer exactly (geo filters).
 *
 * @example
 * ```ts
 * filterNodeBitmap(state, checkFilter('genres = drama', ['genres']) as FilterNode);
 * ```
 */
export function filterNodeBitmap(state: IndexState, node: FilterNode): Uint8Array | null {
  for (const attribute of filterAttributes(node)) if (UNSUPPORTED_ATTRIBUTES.has(attribute)) return null;
  return evaluateNode(state, liveDocuments(state), node);
}

/** A fresh bitmap the caller may modify, or null when the node is not handled. */
function evaluateNode(state: IndexState, live: Uint8Array, node: FilterNode): Uint8Array | null {
  switch (node.type) {
    case 'and':
    case 'or': {
      let result: Uint8Array | null = null;
      for (const child of node.children) {
        const bits = evaluateNode(state, live, child);
        if (bits === null) return null;
        if (result === null) result = bits;
        else if (node.type === 'and')
          for (let i = 0; i < result.length; i++) result[i] = (result[i] as number) & (bits[i] as number);
        else for (let i = 0; i < result.length; i++) result[i] = (result[i] as number) | (bits[i] as number);
      }
      return result ?? (node.type === 'and' ? live.slice() : new Uint8Array(live.length));
    }
    case 'not': {
      const bits = evaluateNode(state, live, node.child);
      return bits === null ? null : complement(live, bits);
    }
    case 'condition':
      return evaluateCondition(filterValueTable(state, node.attribute), live, node);
    default:
      return null;
  }
}

/** NOT is a complement over the stored documents, so documents without the attribute match. */
function complement(live: Uint8Array, bits: Uint8Array): Uint8Array {
  for (let i = 0; i < bits.length; i++) bits[i] = (live[i] as number) & ((bits[i] as number) ^ 1);
  return bits;
}

function evaluateCondition(table: FilterValueTable, live: Uint8Array, node: FilterConditionNode): Uint8Array {
  const bits = new Uint8Array(live.length);
  switch (node.operator) {
    case 'EXISTS':
      return table.exists.slice();
    case 'IS NULL':
      return table.isNull.slice();
    case 'IS EMPTY':
      return table.isEmpty.slice();
    case '=':
      markEqual(table, bits, prepareFilterValue(node.value));
      return bits;
    case '!=':
      markEqual(table, bits, prepareFilterValue(node.value));
      return complement(live, bits);
    case 'IN':
      for (const value of node.values) markEqual(table, bits, prepareFilterValue(value));
      return bits;
    case '>':
      markRange(table, bits, { value: prepareFilterValue(node.value), inclusive: false }, OPEN);
      return bits;
    case '>=':
      markRange(table, bits, { value: prepareFilterValue(node.value), inclusive: true }, OPEN);
      return bits;
    case '<':
      markRange(table, bits, OPEN, { value: prepareFilterValue(node.value), inclusive: false });
      return bits;
    case '<=':
      markRange(table, bits, OPEN, { value: prepareFilterValue(node.value), inclusive: true });
      return bits;
    case 'TO':
      markRange(
        table,
        bits,
        { value: prepareFilterValue(node.from), inclusive: true },
        { value: prepareFilterValue(node.to), inclusive: true },
      );
      return bits;
    case 'CONTAINS': {
      const needle = prepareFilterValue(node.value).normalized;
      table.strings.forEach((s, i) => {
        if (s.includes(needle)) markPostings(bits, table.stringIds, table.stringStarts, i, i + 1);
      });
      return bits;
    }
    case 'STARTS WITH': {
      const prefix = prepareFilterValue(node.value).normalized;
      // An empty prefix selects every document holding the attribute, whatever its values.
      if (prefix === '') return table.exists.slice();
      // In code-point order the strings starting with a prefix form one run beginning at the prefix itself.
      const from = firstIndex(
        table.strings.length,
        (i) => compareCodePoints(table.strings[i] as string, prefix) >= 0,
      );
      let to = from;
      while (to < table.strings.length && (table.strings[to] as string).startsWith(prefix)) to++;
      markPostings(bits, table.stringIds, table.stringStarts, from, to);
      return bits;
    }
  }
}

/** Set the ids of postings `from..to` (positions in the sorted distinct values). */
function markPostings(bits: Uint8Array, ids: Int32Array, starts: Int32Array, from: number, to: number): void {
  const end = starts[to] as number;
  for (let j = starts[from] as number; j < end; j++) bits[ids[j] as number] = 1;
}

/** Smallest index in `0..length` where `holds` becomes true (`holds` is monotonic), `length` if never. */
function firstIndex(length: number, holds: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (holds(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** `=`: the normalised string facet, and the numeric facet when the value reads as a finite number. */
function markEqual(table: FilterValueTable, bits: Uint8Array, value: FilterValue): void {
  const { strings, numbers } = table;
  const s = firstIndex(strings.length, (i) => compareCodePoints(strings[i] as string, value.normalized) >= 0);
  if (s < strings.length && strings[s] === value.normalized) {
    markPostings(bits, table.stringIds, table.stringStarts, s, s + 1);
  }
  const number = value.number;
  if (number === null) return;
  const n = firstIndex(numbers.length, (i) => (numbers[i] as number) >= number);
  if (n < numbers.length && numbers[n] === number)
    markPostings(bits, table.numberIds, table.numberStarts, n, n + 1);
}

/**
 * A range selects numeric facets numerically when both bounds read as numbers (an open side counts as
 * one) and string facets by code point in every case, as the evaluator does.
 */
function markRange(table: FilterValueTable, bits: Uint8Array, lower: Bound, upper: Bound): void {
  const { numbers, strings } = table;
  const lowNumber = lower.value === null ? Number.NEGATIVE_INFINITY : lower.value.number;
  const highNumber = upper.value === null ? Number.POSITIVE_INFINITY : upper.value.number;
  if (lowNumber !== null && highNumber !== null) {
    const from = firstIndex(numbers.length, (i) =>
      lower.inclusive ? (numbers[i] as number) >= lowNumber : (numbers[i] as number) > lowNumber,
    );
    const to = firstIndex(numbers.length, (i) =>
      upper.inclusive ? (numbers[i] as number) > highNumber : (numbers[i] as number) >= highNumber,
    );
    if (from < to) markPostings(bits, table.numberIds, table.numberStarts, from, to);
  }
  const low = lower.value?.normalized ?? null;
  const high = upper.value?.normalized ?? null;
  const from =
    low === null
      ? 0
      : firstIndex(strings.length, (i) => {
          const order = compareCodePoints(strings[i] as string, low);
          return lower.inclusive ? order >= 0 : order > 0;
        });
  const to =
    high === null
      ? strings.length
      : firstIndex(strings.length, (i) => {
          const order = compareCodePoints(strings[i] as string, high);
          return upper.inclusive ? order > 0 : order >= 0;
        });
  if (from < to) markPostings(bits, table.stringIds, table.stringStarts, from, to);
}
