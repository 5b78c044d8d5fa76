import {
  MEILI_ERROR_CODES,
  type MeiliErrorCode,
  type MeiliErrorCodeInfo,
  type MeiliErrorType,
} from './meili-error-codes.js';

/** The error body every Meilisearch (and Miroir) endpoint returns. */
export interface MeiliErrorBody {
  readonly message: string;
  readonly code: string;
  readonly type: MeiliErrorType;
  readonly link: string;
}

/** Base of every documentation link, as Meilisearch emits it. */
export const ERROR_LINK_BASE = 'https://docs.meilisearch.com/errors#';

/**
 * A Meilisearch-shaped error carrying its HTTP status. Build it only through {@link meiliError} so the
 * type and status always come from the catalog.
 */
export class MeiliError extends Error {
  readonly code: MeiliErrorCode;
  readonly type: MeiliErrorType;
  readonly status: number;
  readonly link: string;

  constructor(code: MeiliErrorCode, message: string) {
    super(message);
    this.name = 'MeiliError';
    // Callers are typed, but codes also arrive from untyped places (node responses, casts): fail loudly.
    const info: MeiliErrorCodeInfo | undefined = MEILI_ERROR_CODES[code];
    if (info === undefined) throw new TypeError(`[BUG] unknown Meilisearch error code \`${String(code)}\``);
    this.code = code;
    this.type = info.type;
    this.status = info.status;
    this.link = `${ERROR_LINK_BASE}${code}`;
  }

  /** The JSON body to send to a client. */
  toJSON(): MeiliErrorBody {
    return { message: this.message, code: this.code, type: this.type, link: this.link };
  }
}

/**
 * Build a catalog error.
 *
 * @example
 * ```ts
 * const err = meiliError('index_not_found', 'Index `movies` not found.');
 * err.status; // 404
 * err.toJSON(); // { message, code: 'index_not_found', type: 'invalid_request', link: 'https://docs.meilisearch.com/errors#index_not_found' }
 * ```
 */
export function meiliError(code: MeiliErrorCode, message: string): MeiliError {
  return new MeiliError(code, message);
}

/**
 * Whether a value looks like a Meilisearch error body (for example, parsed from a node response).
 *
 * @example
 * ```ts
 * isMeiliErrorBody({ message: 'x', code: 'internal', type: 'internal', link: '…' }); // true
 * ```
 */
export function isMeiliErrorBody(value: unknown): value is MeiliErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.message === 'string' &&
    typeof v.code === 'string' &&
    typeof v.type === 'string' &&
    typeof v.link === 'string'
  );
}
