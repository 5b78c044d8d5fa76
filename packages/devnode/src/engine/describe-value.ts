import { type MeiliErrorCode, meiliError } from '@miroir/errors';

/**
 * Describe a JSON value the way Meilisearch's deserializer does in error messages
 * (`a string: \`"x"\``, `a positive integer: \`3\``, `null`, …).
 *
 * @example
 * ```ts
 * describeValue('x'); // 'a string: `"x"`'
 * ```
 */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  const json = JSON.stringify(value);
  if (typeof value === 'string') return `a string: \`${json}\``;
  if (typeof value === 'boolean') return `a boolean: \`${json}\``;
  if (typeof value === 'number') {
    if (Number.isInteger(value))
      return value < 0 ? `a negative integer: \`${json}\`` : `a positive integer: \`${json}\``;
    return `a number: \`${json}\``;
  }
  if (Array.isArray(value)) return `an array: \`${json}\``;
  return `an object: \`${json}\``;
}

/** Throw a deserializer-style type error at a JSON path. */
export function typeError(code: MeiliErrorCode, path: string, expected: string, value: unknown): never {
  const at = path === '' ? '' : ` at \`${path}\``;
  throw meiliError(code, `Invalid value type${at}: expected ${expected}, but found ${describeValue(value)}`);
}

/** Throw a deserializer-style unknown-field error (`bad_request` unless another code is given). */
export function unknownField(
  field: string,
  known: readonly string[],
  code: MeiliErrorCode = 'bad_request',
): never {
  throw meiliError(
    code,
    `Unknown field \`${field}\`: expected one of ${known.map((k) => `\`${k}\``).join(', ')}`,
  );
}

/** Whether a value is a plain JSON object. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Check a value is an array of strings (or null when allowed). */
export function expectStringArray(code: MeiliErrorCode, path: string, value: unknown): string[] {
  if (!Array.isArray(value)) typeError(code, path, 'an array', value);
  value.forEach((item, i) => {
    if (typeof item !== 'string') typeError(code, `${path}[${i}]`, 'a string', item);
  });
  return value as string[];
}

/** Check a value is a non-negative integer. */
export function expectPositiveInteger(code: MeiliErrorCode, path: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    typeError(code, path, 'a positive integer', value);
  }
  return value;
}
