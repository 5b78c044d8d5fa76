/**
 * Describe a JSON value the way Meilisearch's deserialisation errors do (`a string: \`"x"\``).
 *
 * @example
 * ```ts
 * describeValue(1); // 'a positive integer: `1`'
 * ```
 */
export function describeValue(value: unknown): string {
  const json = JSON.stringify(value);
  if (value === null) return '`null`';
  if (typeof value === 'string') return `a string: \`${json}\``;
  if (typeof value === 'boolean') return `a boolean: \`${json}\``;
  if (typeof value === 'number') {
    if (Number.isInteger(value))
      return value >= 0 ? `a positive integer: \`${json}\`` : `a negative integer: \`${json}\``;
    return `a number: \`${json}\``;
  }
  if (Array.isArray(value)) return `an array: \`${json}\``;
  return `an object: \`${json}\``;
}

/**
 * Parse an offset/limit style query parameter: absent → `fallback`, otherwise a non-negative integer.
 * Returns `null` for an invalid value so the caller can throw its own code.
 *
 * @example
 * ```ts
 * parseNonNegativeInt('5', 20); // 5
 * ```
 */
export function parseNonNegativeInt(raw: string | undefined, fallback: number): number | null {
  if (raw === undefined) return fallback;
  return /^\d+$/.test(raw) ? Number(raw) : null;
}
