import { InvalidDocumentIdError } from './invalid-document-id-error.js';

/**
 * A primary-key value as a client sends it: a string, or an integer (`number` within the safe range, or
 * `bigint` for 64-bit ids that a JSON parser kept exact).
 */
export type DocumentId = string | number | bigint;

const MAX_ID_BYTES = 511;
// Meilisearch parses integer ids as i64 or u64 (serde_json), so those are the accepted bigint bounds.
const MIN_INTEGER_ID = -(2n ** 63n);
const MAX_INTEGER_ID = 2n ** 64n - 1n;

/**
 * The document id as Meilisearch stores it: a valid string id unchanged, an integer id as its decimal
 * string (so `1` and `"1"` are the same document and land on the same shard).
 *
 * Accepted, like Meilisearch: a string of 1..511 characters from `[A-Za-z0-9_-]` (ASCII, so characters
 * = bytes), or an integer (negative allowed). Rejected: empty or longer strings, any other character
 * (spaces, `.`, `/`, non-ASCII), floats, NaN, ±Infinity, `number`s outside the safe-integer range
 * (their decimal form would not be the client's id; pass a `bigint` instead), and every other type.
 *
 * @throws {InvalidDocumentIdError} when `pk` is not a valid document id.
 * @example
 * ```ts
 * import { canonicalDocumentId } from '@miroir/router';
 * canonicalDocumentId(42); // '42'
 * canonicalDocumentId('sku_42-b'); // 'sku_42-b'
 * canonicalDocumentId(-7n); // '-7'
 * canonicalDocumentId('a b'); // throws InvalidDocumentIdError
 * ```
 */
export function canonicalDocumentId(pk: unknown): string {
  const id = toCanonical(pk);
  if (id === undefined) throw new InvalidDocumentIdError(pk);
  return id;
}

/**
 * Checks a primary-key value without throwing: returns the error, or `undefined` when `pk` is valid.
 * Use it to validate a whole batch before anything is sent to a node.
 *
 * @example
 * ```ts
 * import { validateDocumentId } from '@miroir/router';
 * validateDocumentId('ok-1'); // undefined
 * validateDocumentId(1.5)?.message; // 'Document identifier `1.5` is invalid. ...'
 * ```
 */
export function validateDocumentId(pk: unknown): InvalidDocumentIdError | undefined {
  return toCanonical(pk) === undefined ? new InvalidDocumentIdError(pk) : undefined;
}

function toCanonical(pk: unknown): string | undefined {
  if (typeof pk === 'string') return isValidStringId(pk) ? pk : undefined;
  if (typeof pk === 'number') return Number.isSafeInteger(pk) ? String(pk) : undefined;
  if (typeof pk === 'bigint') return pk >= MIN_INTEGER_ID && pk <= MAX_INTEGER_ID ? pk.toString() : undefined;
  return undefined;
}

// A char-code loop instead of a regex: this runs once per routed document.
function isValidStringId(id: string): boolean {
  const length = id.length;
  if (length === 0 || length > MAX_ID_BYTES) return false;
  for (let i = 0; i < length; i++) {
    const c = id.charCodeAt(i);
    const isAllowed =
      (c >= 97 && c <= 122) || // a-z
      (c >= 65 && c <= 90) || // A-Z
      (c >= 48 && c <= 57) || // 0-9
      c === 45 || // -
      c === 95; // _
    if (!isAllowed) return false;
  }
  return true;
}
