import { type MeiliErrorCode, meiliError } from '@miroir/errors';

/** The error code each pagination parameter reports when it is not a non-negative integer. */
export interface OffsetLimitCodes {
  offset: MeiliErrorCode;
  limit: MeiliErrorCode;
}

/**
 * Read `offset` (default 0) and `limit` (default 20) from a list route's query string, rejecting
 * anything but a non-negative integer with the route's own error code, as Meilisearch does.
 *
 * @example
 * ```ts
 * parseOffsetLimit((name) => ({ limit: '5' })[name], { offset: 'invalid_index_offset', limit: 'invalid_index_limit' });
 * // { offset: 0, limit: 5 }
 * ```
 */
export function parseOffsetLimit(
  query: (name: string) => string | undefined,
  codes: OffsetLimitCodes,
): { offset: number; limit: number } {
  return {
    offset: parseParameter(query, 'offset', 0, codes.offset),
    limit: parseParameter(query, 'limit', 20, codes.limit),
  };
}

function parseParameter(
  query: (name: string) => string | undefined,
  name: 'offset' | 'limit',
  fallback: number,
  code: MeiliErrorCode,
): number {
  const raw = query(name);
  const value = parseNonNegativeInt(raw, fallback);
  if (value !== null) return value;
  throw meiliError(
    code,
    `Invalid value in parameter \`${name}\`: could not parse \`${raw}\` as a positive integer`,
  );
}

/**
 * Parse one offset/limit style query parameter: absent → `fallback`, otherwise a non-negative integer, or
 * `null` when the text is not one (the caller throws its own code).
 *
 * @example
 * ```ts
 * parseNonNegativeInt('5', 20); // 5
 * parseNonNegativeInt(undefined, 20); // 20
 * ```
 */
export function parseNonNegativeInt(raw: string | undefined, fallback: number): number | null {
  if (raw === undefined) return fallback;
  return /^\d+$/.test(raw) ? Number(raw) : null;
}
