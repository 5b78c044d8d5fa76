/**
 * Thrown (or returned by `validateDocumentId`) when a value cannot be a Meilisearch document id.
 *
 * The message reproduces Meilisearch's `invalid_document_id` wording, with the offending value
 * rendered as JSON the way Meilisearch renders it (strings keep their quotes). `code` is the
 * Meilisearch error code the proxy should map it to; this package itself knows nothing of HTTP.
 *
 * @example
 * ```ts
 * import { InvalidDocumentIdError, canonicalDocumentId } from '@miroir/router';
 * try {
 *   canonicalDocumentId('foo & bar');
 * } catch (err) {
 *   if (err instanceof InvalidDocumentIdError) console.log(err.code, err.message);
 *   // invalid_document_id Document identifier `"foo & bar"` is invalid. A document identifier ...
 * }
 * ```
 */
export class InvalidDocumentIdError extends Error {
  override readonly name = 'InvalidDocumentIdError';
  readonly code = 'invalid_document_id';
  /** The rejected value, exactly as received. */
  readonly documentId: unknown;

  constructor(documentId: unknown) {
    super(
      `Document identifier \`${renderAsJson(documentId)}\` is invalid. A document identifier can be of type ` +
        'integer or string, only composed of alphanumeric characters (a-z A-Z 0-9), hyphens (-) and ' +
        'underscores (_), and can not be more than 511 bytes.',
    );
    this.documentId = documentId;
  }
}

// Meilisearch prints the serde_json value; JSON.stringify matches it for everything JSON can carry.
function renderAsJson(value: unknown): string {
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  try {
    const json = JSON.stringify(value);
    return json === undefined ? String(value) : json;
  } catch {
    return String(value);
  }
}
