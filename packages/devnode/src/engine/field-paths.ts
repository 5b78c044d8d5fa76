import type { Document } from './engine-contract.js';

/** One leaf value of a document with its dotted path (arrays are transparent, like Meilisearch). */
export interface FieldLeaf {
  readonly path: string;
  readonly value: unknown;
}

/**
 * Flatten a document into dotted-path leaves, in document order. Arrays contribute one leaf per element;
 * nested objects are walked (`{a:{b:1}}` → `a.b`).
 *
 * @example
 * ```ts
 * flattenDocument({ a: { b: 1 }, c: [2, { d: 3 }] });
 * // [{path:'a.b',value:1},{path:'c',value:2},{path:'c.d',value:3}]
 * ```
 */
export function flattenDocument(doc: Document): FieldLeaf[] {
  const out: FieldLeaf[] = [];
  const walk = (value: unknown, path: string): void => {
    if (Array.isArray(value)) {
      for (const item of value) walk(item, path);
    } else if (value !== null && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
        walk(inner, path === '' ? key : `${path}.${key}`);
      }
    } else {
      out.push({ path, value });
    }
  };
  walk(doc, '');
  return out;
}

/**
 * Whether an attribute path is selected by a Meilisearch attribute pattern: `*`, an exact name, a
 * parent object (`a` selects `a.b`), or a `prefix*` / `*suffix` wildcard.
 *
 * @example
 * ```ts
 * matchesAttributePattern('genre.name', 'genre'); // true
 * matchesAttributePattern('title', 'ti*'); // true
 * ```
 */
export function matchesAttributePattern(path: string, pattern: string): boolean {
  if (pattern === '*' || pattern === path) return true;
  if (path.startsWith(`${pattern}.`)) return true;
  if (pattern.startsWith('*') && pattern.endsWith('*') && pattern.length > 1) {
    return path.includes(pattern.slice(1, -1));
  }
  if (pattern.endsWith('*')) return path.startsWith(pattern.slice(0, -1));
  if (pattern.startsWith('*')) return path.endsWith(pattern.slice(1));
  return false;
}

/**
 * Index of the first pattern selecting a path, or -1.
 *
 * @example
 * ```ts
 * attributeWeight('b.c', ['a', 'b']); // 1
 * ```
 */
export function attributeWeight(path: string, patterns: readonly string[]): number {
  for (let i = 0; i < patterns.length; i++) {
    if (matchesAttributePattern(path, patterns[i] as string)) return i;
  }
  return -1;
}

/**
 * The largest weight {@link attributeWeight} gives for these patterns (0: every attribute ranks alike).
 *
 * @example
 * ```ts
 * maxAttributeWeight(['title', 'overview']); // 1
 * ```
 */
export function maxAttributeWeight(patterns: readonly string[]): number {
  return Math.max(0, patterns.length - 1);
}

/**
 * Values at a dotted path (through arrays and nested objects; a literal dotted key also matches).
 *
 * @example
 * ```ts
 * valuesAtPath({ a: [{ b: 1 }, { b: [2, 3] }] }, 'a.b'); // [1, 2, 3]
 * ```
 */
export function valuesAtPath(doc: Document, path: string): unknown[] {
  const direct = doc[path];
  // Fast path: a top-level scalar (the common case for facets, sort and distinct attributes).
  if (direct !== undefined && (direct === null || typeof direct !== 'object') && !path.includes('.'))
    return [direct];
  const out: unknown[] = [];
  const walk = (value: unknown, rest: string): void => {
    if (Array.isArray(value)) {
      for (const item of value) walk(item, rest);
      return;
    }
    if (rest === '') {
      if (value !== undefined) out.push(value);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const obj = value as Record<string, unknown>;
    for (const key of Object.keys(obj)) {
      if (key === rest) walk(obj[key], '');
      else if (rest.startsWith(`${key}.`)) walk(obj[key], rest.slice(key.length + 1));
    }
  };
  walk(doc, path);
  const flat: unknown[] = [];
  for (const v of out) {
    if (Array.isArray(v)) flat.push(...v.flat(Number.POSITIVE_INFINITY));
    else flat.push(v);
  }
  return flat;
}

/**
 * Keep only the top-level fields (or nested paths) of a document selected by patterns, preserving
 * document order. `['*']` keeps everything.
 *
 * @example
 * ```ts
 * pickAttributes({ id: 1, a: { b: 1, c: 2 } }, ['a.b']); // { a: { b: 1 } }
 * ```
 */
export function pickAttributes(doc: Document, patterns: readonly string[]): Document {
  if (patterns.includes('*')) return { ...doc };
  const mayHaveDescendant = (path: string): boolean =>
    patterns.some((p) => p.startsWith(`${path}.`) || p.includes('*'));
  const pickValue = (value: unknown, path: string): unknown => {
    if (Array.isArray(value)) {
      const items = value.map((item) => pickValue(item, path)).filter((item) => item !== undefined);
      return items.length > 0 ? items : undefined;
    }
    if (value === null || typeof value !== 'object') return undefined;
    const picked = pickObject(value as Record<string, unknown>, path);
    return Object.keys(picked).length > 0 ? picked : undefined;
  };
  const pickObject = (obj: Record<string, unknown>, prefix: string): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(obj)) {
      const path = prefix === '' ? key : `${prefix}.${key}`;
      if (patterns.some((p) => matchesAttributePattern(path, p))) {
        out[key] = inner;
      } else if (inner !== null && typeof inner === 'object' && mayHaveDescendant(path)) {
        const sub = pickValue(inner, path);
        if (sub !== undefined) out[key] = sub;
      }
    }
    return out;
  };
  return pickObject(doc, '');
}
