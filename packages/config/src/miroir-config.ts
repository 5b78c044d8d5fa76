import type * as v from 'valibot';
import type { CamelCasedKeys } from './camel-case-keys.js';
import type { configSchema } from './config-schema.js';

/**
 * What a user may write (YAML / JSON), snake_case, every key optional except node fields.
 *
 * @example
 * const input: MiroirConfigInput = { shards: 8, nodes: [{ id: 'a', address: 'http://a:7700' }] };
 */
export type MiroirConfigInput = v.InferInput<typeof configSchema>;

/**
 * The validated configuration the application uses: camelCase, defaults applied, deeply frozen.
 *
 * @example
 * const timeout: number = parseConfig(input).scatter.nodeTimeoutMs;
 */
export type MiroirConfig = CamelCasedKeys<v.InferOutput<typeof configSchema>>;

/**
 * One node of {@link MiroirConfig}.
 *
 * @example
 * const node: MiroirNodeConfig = { id: 'a', address: 'http://a:7700', replicaGroup: 0 };
 */
export type MiroirNodeConfig = MiroirConfig['nodes'][number];
