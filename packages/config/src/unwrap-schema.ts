import type * as v from 'valibot';

type AnySchema = v.GenericSchema;

/** The structural view of a schema that introspection needs (valibot keeps these as public props). */
interface SchemaShape {
  readonly type: string;
  readonly wrapped?: AnySchema;
  readonly entries?: Record<string, AnySchema>;
  readonly item?: AnySchema;
  readonly options?: readonly unknown[];
  readonly default?: unknown;
}

/**
 * Strips optional/nullable wrappers; a piped schema already reports its base `type`.
 *
 * @example
 * unwrapSchema(v.optional(v.number(), 1)).type; // 'number'
 */
export function unwrapSchema(schema: AnySchema): SchemaShape {
  let shape = schema as SchemaShape;
  while (shape.wrapped !== undefined && /optional|nullable|nullish|undefinedable/.test(shape.type)) {
    shape = shape.wrapped as SchemaShape;
  }
  return shape;
}

/**
 * The entries of an object schema (after unwrapping), or undefined when the schema is not an object.
 *
 * @example
 * Object.keys(objectEntriesOf(configSchema) ?? {}); // ['master_key', …]
 */
export function objectEntriesOf(schema: AnySchema): Record<string, AnySchema> | undefined {
  const shape = unwrapSchema(schema);
  return shape.type.endsWith('object') ? shape.entries : undefined;
}

/**
 * The item schema of an array schema (after unwrapping), or undefined.
 *
 * @example
 * arrayItemOf(v.array(v.string()))?.type; // 'string'
 */
export function arrayItemOf(schema: AnySchema): AnySchema | undefined {
  const shape = unwrapSchema(schema);
  return shape.type === 'array' ? shape.item : undefined;
}

/**
 * Formats a path the way users write it: `nodes[2].replica_group`.
 *
 * @example
 * formatConfigPath(['nodes', 2, 'id']); // 'nodes[2].id'
 */
export function formatConfigPath(segments: readonly (string | number)[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out;
}
