/**
 * Value semantics of Meilisearch filters, as milli indexes facets:
 * - a JSON number is a *numeric* facet; a string is a *string* facet, normalised (trimmed, NFKD, lower-
 *   cased); a boolean is the string facet `"true"`/`"false"`; null, objects and nested empties are no facet;
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
  return value.trim().normalize('NFKD').toLowerCase();
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
      strings.push(normalizeFacetString(value));
    } else if (typeof value === 'boolean') {
      strings.push(String(value));
    } else if (Array.isArray(value)) {
      for (const item of value) visit(item);
    }
  };
  for (const value of raw) visit(value);
  return { numbers, strings };
}

/**
 * `attribute = value` on a document's facets.
 *
 * @example
 * facetsEqual({ numbers: [10], strings: [] }, '10.0'); // true
 */
export function facetsEqual(facets: FacetValues, value: string): boolean {
  const normalized = normalizeFacetString(value);
  if (facets.strings.includes(normalized)) return true;
  const number = parseFiniteFloat(value);
  return number !== null && facets.numbers.includes(number);
}

/** One end of a range; `null` value means unbounded. */
export interface RangeBound {
  readonly value: string | null;
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
  const lowNumber = lower.value === null ? Number.NEGATIVE_INFINITY : parseFiniteFloat(lower.value);
  const highNumber = upper.value === null ? Number.POSITIVE_INFINITY : parseFiniteFloat(upper.value);
  if (lowNumber !== null && highNumber !== null) {
    for (const n of facets.numbers) {
      const aboveLow = lower.inclusive || lower.value === null ? n >= lowNumber : n > lowNumber;
      const belowHigh = upper.inclusive || upper.value === null ? n <= highNumber : n < highNumber;
      if (aboveLow && belowHigh) return true;
    }
  }
  const low = lower.value === null ? null : normalizeFacetString(lower.value);
  const high = upper.value === null ? null : normalizeFacetString(upper.value);
  for (const s of facets.strings) {
    const fromLow = low === null ? 1 : compareCodePoints(s, low);
    const toHigh = high === null ? -1 : compareCodePoints(s, high);
    const aboveLow = lower.inclusive ? fromLow >= 0 : fromLow > 0;
    const belowHigh = upper.inclusive ? toHigh <= 0 : toHigh < 0;
    if (aboveLow && belowHigh) return true;
  }
  return false;
}
