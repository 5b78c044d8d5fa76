import { toJsonSchema } from '@valibot/to-json-schema';
import { configSchema } from './config-schema.js';

/**
 * A JSON Schema document (draft-07), as plain JSON data.
 *
 * @example
 * const schema: JsonSchemaDocument = configJsonSchema();
 */
export type JsonSchemaDocument = Record<string, unknown>;

/**
 * The JSON Schema (draft-07) of the YAML configuration, with descriptions and defaults, for editors and
 * the Helm chart. Cross-field rules are not expressible here; `parseConfig` enforces them.
 *
 * @example
 * const schema = configJsonSchema();
 * schema.title; // 'Miroir configuration'
 */
export function configJsonSchema(): JsonSchemaDocument {
  const converted = toJsonSchema(configSchema, { target: 'draft-07' }) as JsonSchemaDocument;
  const { $schema, ...rest } = converted;
  return {
    $schema,
    title: 'Miroir configuration',
    description:
      'Configuration of Miroir, the orchestrator that makes a fleet of Meilisearch CE nodes look like one server.',
    ...rest,
  };
}

/**
 * The exact text of the committed `schema/miroir.config.schema.json` (2-space JSON, trailing newline).
 *
 * @example
 * configJsonSchemaText().endsWith('}\n'); // true
 */
export function configJsonSchemaText(): string {
  return `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
}
