import { meiliError } from '@miroir/errors';
import type { Context } from 'hono';
import type { Document } from '../engine/engine-contract.js';
import { parseCsv } from './parse-csv.js';

/** Format a byte limit as Meilisearch words it ("100 MB"). */
function formatLimit(bytes: number): string {
  if (bytes % 1_000_000 === 0) return `${bytes / 1_000_000} MB`;
  if (bytes % 1000 === 0) return `${bytes / 1000} KB`;
  return `${bytes} B`;
}

/**
 * Read the raw body, enforcing the payload size limit (413 `payload_too_large`).
 *
 * @example
 * ```ts
 * const text = await readRawBody(c, 100_000_000);
 * ```
 */
export async function readRawBody(c: Context, limit: number): Promise<string> {
  const tooLarge = () =>
    meiliError(
      'payload_too_large',
      `The provided payload reached the size limit. The maximum accepted payload size is ${formatLimit(limit)}.`,
    );
  const declared = Number(c.req.header('content-length') ?? Number.NaN);
  if (!Number.isNaN(declared) && declared > limit) throw tooLarge();
  const buf = await c.req.arrayBuffer();
  if (buf.byteLength > limit) throw tooLarge();
  return Buffer.from(buf).toString('utf8');
}

/**
 * Read a JSON body for a non-document route: 415 without/with a wrong content type, 400
 * `missing_payload` when empty, `malformed_payload` when unparsable.
 *
 * @example
 * ```ts
 * const body = await readJsonBody(c, limit);
 * ```
 */
export async function readJsonBody(c: Context, limit: number): Promise<unknown> {
  const type = c.req.header('content-type');
  if (type === undefined) {
    throw meiliError(
      'missing_content_type',
      'A Content-Type header is missing. Accepted values for the Content-Type header are: `application/json`',
    );
  }
  if (!/^application\/json\b/i.test(type.trim())) {
    throw meiliError(
      'invalid_content_type',
      `The Content-Type \`${type}\` is invalid. Accepted values for the Content-Type header are: \`application/json\``,
    );
  }
  const text = await readRawBody(c, limit);
  if (text.trim() === '') throw meiliError('missing_payload', 'A json payload is missing.');
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw meiliError(
      'malformed_payload',
      `The json payload provided is malformed. \`${err instanceof Error ? err.message : String(err)}\`.`,
    );
  }
}

const ACCEPTED =
  'Accepted values for the Content-Type header are: `application/json`, `application/x-ndjson`, `text/csv`';

/**
 * Read a documents payload (JSON array or object, NDJSON, or CSV with `csvDelimiter`).
 *
 * @example
 * ```ts
 * const docs = await readDocumentsPayload(c, limit);
 * ```
 */
export async function readDocumentsPayload(c: Context, limit: number): Promise<Document[]> {
  const type = c.req.header('content-type');
  if (type === undefined) {
    throw meiliError('missing_content_type', `A Content-Type header is missing. ${ACCEPTED}`);
  }
  const mime = type.split(';')[0]!.trim().toLowerCase();
  const format =
    mime === 'application/json'
      ? 'json'
      : mime === 'application/x-ndjson'
        ? 'ndjson'
        : mime === 'text/csv'
          ? 'csv'
          : null;
  if (format === null) {
    throw meiliError('invalid_content_type', `The Content-Type \`${type}\` is invalid. ${ACCEPTED}`);
  }
  const delimiter = c.req.query('csvDelimiter');
  if (delimiter !== undefined) {
    if (format !== 'csv') {
      throw meiliError(
        'invalid_content_type',
        `The Content-Type \`${type}\` does not support the use of a csv delimiter. The csv delimiter can only be used with the Content-Type \`text/csv\`.`,
      );
    }
    if (delimiter.length !== 1 || delimiter.charCodeAt(0) > 127) {
      throw meiliError(
        'invalid_document_csv_delimiter',
        `Invalid value in parameter \`csvDelimiter\`: expected a string of one character, but found the following string of ${delimiter.length} characters: \`${delimiter}\``,
      );
    }
  }
  const text = await readRawBody(c, limit);
  if (text.trim() === '') throw meiliError('missing_payload', `A ${format} payload is missing.`);
  if (format === 'csv') return parseCsv(text, delimiter ?? ',');
  const malformed = (detail: string) =>
    meiliError('malformed_payload', `The \`${format}\` payload provided is malformed. \`${detail}\`.`);
  if (format === 'ndjson') {
    return text
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((line) => {
        let value: unknown;
        try {
          value = JSON.parse(line);
        } catch (err) {
          throw malformed(err instanceof Error ? err.message : String(err));
        }
        if (!isObject(value))
          throw malformed(
            "Couldn't serialize document value: data are neither an object nor a list of objects",
          );
        return value;
      });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw malformed(`Couldn't serialize document value: ${err instanceof Error ? err.message : String(err)}`);
  }
  const docs = Array.isArray(value) ? value : [value];
  for (const doc of docs) {
    if (!isObject(doc))
      throw malformed("Couldn't serialize document value: data are neither an object nor a list of objects");
  }
  return docs as Document[];
}

function isObject(value: unknown): value is Document {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
