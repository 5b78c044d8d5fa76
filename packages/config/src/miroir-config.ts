import type * as v from 'valibot';
import type { CamelCasedKeys } from './camel-case-keys.js';
import type { configSchema } from './config-schema.js';

/** What a user may write (YAML / JSON), snake_case, every key optional except node fields. */
export type MiroirConfigInput = v.InferInput<typeof configSchema>;

/** The validated configuration the application uses: camelCase, defaults applied, deeply frozen. */
export type MiroirConfig = CamelCasedKeys<v.InferOutput<typeof configSchema>>;

/** One node of {@link MiroirConfig}. */
export type MiroirNodeConfig = MiroirConfig['nodes'][number];
