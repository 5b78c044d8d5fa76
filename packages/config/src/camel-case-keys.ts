/**
 * `node_timeout_ms` → `nodeTimeoutMs`, at the type level.
 *
 * @example
 * type K = CamelCase<'node_timeout_ms'>; // 'nodeTimeoutMs'
 */
export type CamelCase<S extends string> = S extends `${infer Head}_${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : S;

/**
 * Deeply renames every object key of T to camelCase and makes it readonly (the parsed config is frozen).
 *
 * @example
 * type S = CamelCasedKeys<{ task_store: { key_prefix: string } }>; // { taskStore: { keyPrefix: string } }
 */
export type CamelCasedKeys<T> = T extends readonly (infer Item)[]
  ? readonly CamelCasedKeys<Item>[]
  : T extends object
    ? { readonly [K in keyof T as K extends string ? CamelCase<K> : K]: CamelCasedKeys<T[K]> }
    : T;

/**
 * Converts one snake_case key to camelCase. The config has no user-named keys (maps are arrays), so
 * renaming every key is safe; this and {@link snakeCaseKey} are the only place the mapping lives.
 *
 * @example
 * camelCaseKey('node_timeout_ms'); // 'nodeTimeoutMs'
 */
export function camelCaseKey(key: string): string {
  return key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/**
 * Converts one camelCase key to snake_case.
 *
 * @example
 * snakeCaseKey('nodeTimeoutMs'); // 'node_timeout_ms'
 */
export function snakeCaseKey(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/**
 * Deeply copies a plain value, renaming every object key with `rename`.
 *
 * @example
 * renameKeysDeep({ task_store: { key_prefix: 'm:' } }, camelCaseKey); // { taskStore: { keyPrefix: 'm:' } }
 */
export function renameKeysDeep(value: unknown, rename: (key: string) => string): unknown {
  if (Array.isArray(value)) return value.map((item) => renameKeysDeep(item, rename));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[rename(key)] = renameKeysDeep(item, rename);
    return out;
  }
  return value;
}
