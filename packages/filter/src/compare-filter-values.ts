/**
 * Value semantics of Meilisearch filters, as milli indexes facets:
 * - a JSON number is a *numeric* facet; a string is a *string* facet, normalised (trimmed, NFKD, lower-
 *   cased; blank strings are dropped); a boolean is the string facet `"true"`/`"false"`; null, objects and nested empties are no facet;
 *   arrays contribute each element;
 * - a filter value is compared with string facets after the same normalisation, and — when it parses as
 *   a finite float (Rust `f64` syntax) — with numeric facets too;
 * - ranges (`> >= < <= TO`) select numeric facets numerically (if the bound is a number) and string
 *   facets lexicographically by Unicode code point (UTF-8 byte order), both at once.
 */

/** The facet values a document holds for one attribute. */
export interface FacetValues {
  readonly numbers: readonly number[];
  readonly strings: readonly string[];
}

/**
 * Meilisearch's `normalize_facet`: trim, NFKD, lower-case.
 *
 * @example
 * normalizeFacetString('  Élan ') === 'élan'.normalize('NFKD'); // true
 */
export function normalizeFacetString(value: string): string {
  // NFKD is the identity on ASCII, and by far the most expensive step.
  const trimmed = value.trim();
  return isAscii(trimmed) ? trimmed.toLowerCase() : trimmed.normalize('NFKD').toLowerCase();
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

const RUST_FLOAT = /^[+-]?(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?|inf|infinity|nan)$/i;

/**
 * Parses a filter value as Rust's `f64::from_str` would, keeping only finite results; `null` otherwise.
 *
 * @example
 * parseFiniteFloat('1e3'); // 1000
 * parseFiniteFloat('0x10'); // null
 */
export function parseFiniteFloat(value: string): number | null {
  if (!RUST_FLOAT.test(value)) return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : null;
}

/**
 * Compares two strings by Unicode code point, which is the UTF-8 byte order LMDB keys sort in.
 *
 * @example
 * compareCodePoints('a', 'b'); // negative
 */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // Surrogates (astral code points) sort after every BMP code unit in code-point order.
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys) return xs ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

/**
 * Collects the facet values of raw attribute values (arrays flattened at any depth).
 *
 * @example
 * collectFacetValues([['A', 2], true]); // { numbers: [2], strings: ['a', 'true'] }
 */
export function collectFacetValues(raw: readonly unknown[]): FacetValues {
  const numbers: number[] = [];
  const strings: string[] = [];
  const visit = (value: unknown): void => {
    if (typeof value === 'number') {
      if (Number.isFinite(value)) numbers.push(value);
    } else if (typeof value === 'string') {
      // milli drops strings that normalise to nothing: `""` is only ever `IS EMPTY`.
      const normalized = normalizeFacetString(value);
      if (normalized !== '') strings.push(normalized);
    } else if (typeof value === 'boolean') {
      strings.push(String(value));
    } else if (Array.isArray(value)) {
      for (const item of value) visit(item);
    }
  };
  for (const value of raw) visit(value);
  return { numbers, strings };
}

/** A filter value prepared once for repeated comparisons. */
export interface FilterValue {
  /** The value after {@link normalizeFacetString}. */
  readonly normalized: string;
  /** The value as a finite float, or `null` when it is not one. */
  readonly number: number | null;
}

/**
 * Prepares a filter value (normalised text and numeric reading) for repeated comparisons.
 *
 * @example
 * prepareFilterValue(' 10 '); // { normalized: '10', number: null }  (Rust floats take no spaces)
 */
export function prepareFilterValue(value: string): FilterValue {
  return { normalized: normalizeFacetString(value), number: parseFiniteFloat(value) };
}

function prepared(value: string | FilterValue): FilterValue {
  return typeof value === 'string' ? prepareFilterValue(value) : value;
}

/**
 * `attribute = value` on a document's facets.
 *
 * @example
 * facetsEqual({ numbers: [10], strings: [] }, '10.0'); // true
 */
export function facetsEqual(facets: FacetValues, value: string | FilterValue): boolean {
  const { normalized, number } = prepared(value);
  if (facets.strings.includes(normalized)) return true;
  return number !== null && facets.numbers.includes(number);
}

/** One end of a range; `null` value means unbounded. */
export interface RangeBound {
  readonly value: string | FilterValue | null;
  readonly inclusive: boolean;
}

/**
 * Whether any facet lies in the range: numerically when both bounds parse as numbers (an unbounded side
 * counts as a number), and lexicographically on normalised strings in every case.
 *
 * @example
 * facetsInRange({ numbers: [5], strings: [] }, { value: '1', inclusive: true }, { value: '9', inclusive: true }); // true
 */
export function facetsInRange(facets: FacetValues, lower: RangeBound, upper: RangeBound): boolean {
  const low = lower.value === null ? null : prepared(lower.value);
  const high = upper.value === null ? null : prepared(upper.value);
  const lowNumber = low === null ? Number.NEGATIVE_INFINITY : low.number;
  const highNumber = high === null ? Number.POSITIVE_INFINITY : high.number;
  if (lowNumber !== null && highNumber !== null) {
    for (const n of facets.numbers) {
      const aboveLow = lower.inclusive || low === null ? n >= lowNumber : n > lowNumber;
      const belowHigh = upper.inclusive || high === null ? n <= highNumber : n < highNumber;
      if (aboveLow && belowHigh) return true;
    }
  }
  for (const s of facets.strings) {
    const fromLow = low === null ? 1 : compareCodePoints(s, low.normalized);
    const toHigh = high === null ? -1 : compareCodePoints(s, high.normalized);
    const aboveLow = lower.inclusive ? fromLow >= 0 : fromLow > 0;
    const belowHigh = upper.inclusive ? toHigh <= 0 : toHigh < 0;
    if (aboveLow && belowHigh) return true;
  }
  return false;
}
