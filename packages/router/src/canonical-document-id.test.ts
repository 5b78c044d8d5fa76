import { describe, expect, it } from 'vitest';
import { canonicalDocumentId, InvalidDocumentIdError, validateDocumentId } from './index.js';

const MESSAGE_TAIL =
  ' is invalid. A document identifier can be of type integer or string, only composed of alphanumeric ' +
  'characters (a-z A-Z 0-9), hyphens (-) and underscores (_), and can not be more than 511 bytes.';

describe('canonicalDocumentId', () => {
  it.each<[unknown, string]>([
    ['a', 'a'],
    ['-', '-'],
    ['_', '_'],
    ['AZaz09-_', 'AZaz09-_'],
    ['x'.repeat(511), 'x'.repeat(511)],
    ['007', '007'],
    [0, '0'],
    [-0, '0'],
    [1, '1'],
    [-42, '-42'],
    [Number.MAX_SAFE_INTEGER, '9007199254740991'],
    [Number.MIN_SAFE_INTEGER, '-9007199254740991'],
    [18446744073709551615n, '18446744073709551615'],
    [-9223372036854775808n, '-9223372036854775808'],
  ])('accepts %s as %s', (pk, canonical) => {
    expect(canonicalDocumentId(pk)).toBe(canonical);
    expect(validateDocumentId(pk)).toBeUndefined();
  });

  it.each<[unknown, string]>([
    ['', '""'],
    ['x'.repeat(512), `"${'x'.repeat(512)}"`],
    ['foo & bar', '"foo & bar"'],
    ['a b', '"a b"'],
    [' a', '" a"'],
    ['a.b', '"a.b"'],
    ['a/b', '"a/b"'],
    ['é', '"é"'],
    ['1@', '"1@"'],
    [1.5, '1.5'],
    [Number.NaN, 'NaN'],
    [Number.POSITIVE_INFINITY, 'Infinity'],
    [2 ** 53, '9007199254740992'],
    [18446744073709551616n, '18446744073709551616'],
    [-9223372036854775809n, '-9223372036854775809'],
    [true, 'true'],
    [null, 'null'],
    [undefined, 'undefined'],
    [{ id: 1 }, '{"id":1}'],
    [['a'], '["a"]'],
  ])('rejects %s with the Meilisearch message', (pk, rendered) => {
    expect(() => canonicalDocumentId(pk)).toThrow(InvalidDocumentIdError);
    const error = validateDocumentId(pk);
    expect(error).toBeInstanceOf(InvalidDocumentIdError);
    expect(error?.code).toBe('invalid_document_id');
    expect(error?.documentId).toBe(pk);
    expect(error?.message).toBe(`Document identifier \`${rendered}\`${MESSAGE_TAIL}`);
  });
});
