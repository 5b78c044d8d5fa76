import * as v from 'valibot';

/**
 * Attaches a description to a schema; the description reaches the JSON Schema and the reference table.
 *
 * @example
 * const port = described(v.number(), 'TCP port the proxy listens on.');
 */
export function described<TSchema extends v.GenericSchema>(schema: TSchema, text: string) {
  return v.pipe(schema, v.description(text));
}

/**
 * An integer number schema with a lower bound (and an optional upper bound).
 *
 * @example
 * const shards = integerAtLeast(1, 65_535);
 */
export function integerAtLeast(min: number, max?: number) {
  return max === undefined
    ? v.pipe(v.number(), v.integer(), v.minValue(min))
    : v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));
}
