import type * as v from 'valibot';
import type { ConfigIssue } from './config-error.js';
import { suggestKey } from './suggest-key.js';
import { arrayItemOf, formatConfigPath, objectEntriesOf } from './unwrap-schema.js';

// Derived from immutable schemas only, so caching it changes no result; it halves parse time.
const keyPathsBySchema = new WeakMap<v.GenericSchema, string[][]>();

/**
 * Lists every key of `input` that the schema does not know, each with a "did you mean" hint when a
 * sibling key is close. Values of the wrong type are left to the schema's own validation.
 *
 * @example
 * findUnknownKeys(configSchema, { scatter: { node_timeout: 10 } });
 * // [{ path: 'scatter.node_timeout', message: 'unknown key "node_timeout"; did you mean "node_timeout_ms"?' }]
 */
export function findUnknownKeys(schema: v.GenericSchema, input: unknown): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  let everywhere = keyPathsBySchema.get(schema);
  if (everywhere === undefined) {
    everywhere = allKeyPaths(schema);
    keyPathsBySchema.set(schema, everywhere);
  }
  walk(schema, input, [], issues, everywhere);
  return issues;
}

function walk(
  schema: v.GenericSchema,
  value: unknown,
  path: (string | number)[],
  issues: ConfigIssue[],
  everywhere: readonly string[][],
): void {
  const entries = objectEntriesOf(schema);
  if (entries !== undefined && isPlainObject(value)) {
    const known = Object.keys(entries);
    for (const [key, item] of Object.entries(value)) {
      const entry = entries[key];
      if (entry === undefined) {
        issues.push({
          path: formatConfigPath([...path, key]),
          message: unknownKeyMessage(key, known, everywhere),
        });
      } else {
        walk(entry, item, [...path, key], issues, everywhere);
      }
    }
    return;
  }
  const item = arrayItemOf(schema);
  if (item !== undefined && Array.isArray(value)) {
    value.forEach((element, index) => {
      walk(item, element, [...path, index], issues, everywhere);
    });
  }
}

function unknownKeyMessage(key: string, known: readonly string[], everywhere: readonly string[][]): string {
  const hint = suggestKey(key, known);
  if (hint !== undefined) return `unknown key "${key}"; did you mean "${hint}"?`;
  // A key put at the wrong level (`port:` at the top instead of under `server:`) is found by name.
  const elsewhere = everywhere.filter((path) => path[path.length - 1] === key).map((path) => path.join('.'));
  if (elsewhere.length > 0) return `unknown key "${key}" here; did you mean "${elsewhere.join('" or "')}"?`;
  return `unknown key "${key}"`;
}

function allKeyPaths(schema: v.GenericSchema, prefix: string[] = []): string[][] {
  const entries = objectEntriesOf(schema);
  if (entries === undefined) return [];
  return Object.entries(entries).flatMap(([key, entry]) => [
    [...prefix, key],
    ...allKeyPaths(entry, [...prefix, key]),
  ]);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
