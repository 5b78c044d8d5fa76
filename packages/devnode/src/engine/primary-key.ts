import { meiliError } from '@miroir/errors';
import type { Document } from './engine-contract.js';

/** The error of giving an index that has a primary key another one. */
export function primaryKeyConflict(existing: string): never {
  throw meiliError('index_primary_key_already_exists', `Index already has a primary key: \`${existing}\`.`);
}

const ID_PATTERN = /^[A-Za-z0-9_-]+$/;
const MAX_ID_BYTES = 511;

/**
 * Infer the primary key from the first document: the only field whose lowercase name ends with `id`.
 * Throws `index_primary_key_no_candidate_found` / `index_primary_key_multiple_candidates_found`.
 *
 * @example
 * ```ts
 * inferPrimaryKey({ movie_id: 1, title: 'x' }); // 'movie_id'
 * ```
 */
export function inferPrimaryKey(first: Document): string {
  const candidates = Object.keys(first).filter((key) => key.toLowerCase().endsWith('id'));
  if (candidates.length === 1) return candidates[0] as string;
  if (candidates.length === 0) {
    throw meiliError(
      'index_primary_key_no_candidate_found',
      'The primary key inference failed as the engine did not find any field ending with `id` in its name. Please specify the primary key manually using the `primaryKey` query parameter.',
    );
  }
  throw meiliError(
    'index_primary_key_multiple_candidates_found',
    `The primary key inference failed as the engine found ${candidates.length} fields ending with \`id\` in their names: '${candidates[0]}' and '${candidates[1]}'. Please specify the primary key manually using the \`primaryKey\` query parameter.`,
  );
}

function invalidId(value: unknown): never {
  throw meiliError(
    'invalid_document_id',
    `Document identifier \`${JSON.stringify(value)}\` is invalid. A document identifier can be of type integer or string, only composed of alphanumeric characters (a-z A-Z 0-9), hyphens (-) and underscores (_), and can not be more than 511 bytes.`,
  );
}

/**
 * Normalise an external document id (integer or `[A-Za-z0-9_-]{1,511 bytes}` string) to its string form.
 *
 * @example
 * ```ts
 * normalizeDocumentId(42); // '42'
 * normalizeDocumentId('a b'); // throws invalid_document_id
 * ```
 */
export function normalizeDocumentId(value: unknown): string {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) invalidId(value);
    return String(value);
  }
  if (typeof value === 'string') {
    if (!ID_PATTERN.test(value) || new TextEncoder().encode(value).length > MAX_ID_BYTES) invalidId(value);
    return value;
  }
  return invalidId(value);
}

/**
 * The normalised id of a document under a primary key (dotted keys reach into nested objects).
 * Throws `missing_document_id` when absent.
 */
export function documentId(doc: Document, primaryKey: string): string {
  let value: unknown = doc[primaryKey];
  if (value === undefined && primaryKey.includes('.')) {
    value = primaryKey.split('.').reduce<unknown>((acc, key) => {
      if (acc !== null && typeof acc === 'object' && !Array.isArray(acc))
        return (acc as Record<string, unknown>)[key];
      return undefined;
    }, doc);
  }
  if (value === undefined || value === null) {
    throw meiliError(
      'missing_document_id',
      `Document doesn't have a \`${primaryKey}\` attribute: \`${JSON.stringify(doc)}\`.`,
    );
  }
  return normalizeDocumentId(value);
}

/**
 * Validate a document's `_geo` field (object with finite `lat`/`lng`, numbers or numeric strings).
 * Throws `invalid_document_geo_field`.
 */
export function validateGeo(doc: Document, id: string): void {
  if (!('_geo' in doc) || doc._geo === null) return;
  const geo = doc._geo;
  if (typeof geo !== 'object' || Array.isArray(geo)) {
    throw meiliError(
      'invalid_document_geo_field',
      `The \`_geo\` field in the document with the id: \`${id}\` is not an object. Was expecting an object with the \`_geo.lat\` and \`_geo.lng\` fields but instead got \`${JSON.stringify(geo)}\`.`,
    );
  }
  const record = geo as Record<string, unknown>;
  for (const [key, name] of [
    ['lat', 'latitude'],
    ['lng', 'longitude'],
  ] as const) {
    const value = record[key];
    if (value === undefined) {
      throw meiliError(
        'invalid_document_geo_field',
        `Could not find ${name} in the document with the id: \`${id}\`. Was expecting a \`_geo.${key}\` field.`,
      );
    }
    const n = typeof value === 'string' ? Number(value) : value;
    if (typeof n !== 'number' || !Number.isFinite(n) || (typeof value === 'string' && value.trim() === '')) {
      throw meiliError(
        'invalid_document_geo_field',
        `Could not parse ${name} in the document with the id: \`${id}\`. Was expecting a finite number but instead got \`${JSON.stringify(value)}\`.`,
      );
    }
  }
}
