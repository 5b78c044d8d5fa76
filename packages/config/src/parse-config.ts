import * as v from 'valibot';
import { camelCaseKey, renameKeysDeep, snakeCaseKey } from './camel-case-keys.js';
import { ConfigError, type ConfigIssue } from './config-error.js';
import { configSchema } from './config-schema.js';
import { findUnknownKeys } from './find-unknown-keys.js';
import type { MiroirConfig, MiroirConfigInput } from './miroir-config.js';
import { formatConfigPath } from './unwrap-schema.js';
import { validateConfigRules } from './validate-config-rules.js';

/**
 * Options of {@link parseConfig}.
 *
 * @example
 * parseConfig(input, { production: true });
 */
export interface ParseConfigOptions {
  /** Production mode: the three secrets become required and the master key must be >= 16 bytes. */
  readonly production?: boolean;
}

/**
 * Validates a snake_case configuration object (as parsed from YAML), applies defaults and returns the
 * camelCase, deeply frozen config. Pure: no file or environment access.
 *
 * @throws ConfigError listing every problem: unknown keys (with "did you mean"), type and range errors,
 *   then, when those pass, the cross-field rules.
 * @example
 * const config = parseConfig({ nodes: [{ id: 'meili-0', address: 'http://meili-0:7700' }] });
 * config.scatter.nodeTimeoutMs; // 5000
 */
export function parseConfig(input: unknown, options: ParseConfigOptions = {}): MiroirConfig {
  const value = input ?? {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new ConfigError([
      { path: '', message: `the configuration must be a mapping, got ${describe(value)}` },
    ]);
  }
  const issues: ConfigIssue[] = findUnknownKeys(configSchema, value);
  const result = v.safeParse(configSchema, value);
  if (result.success) {
    if (issues.length === 0) {
      issues.push(...validateConfigRules(result.output, { production: options.production === true }));
    }
  } else {
    for (const issue of result.issues) {
      const converted = convertIssue(issue);
      if (converted !== undefined) issues.push(converted);
    }
  }
  if (issues.length > 0 || !result.success) throw new ConfigError(issues);
  return deepFreeze(renameKeysDeep(result.output, camelCaseKey)) as MiroirConfig;
}

/**
 * The configuration with nothing set: every default, no nodes, no secrets. It is the bottom layer of
 * loading and is not itself a valid configuration (a config needs at least one node).
 *
 * @example
 * defaultConfig().server.port; // 7700
 */
export function defaultConfig(): MiroirConfig {
  return deepFreeze(renameKeysDeep(v.parse(configSchema, {}), camelCaseKey)) as MiroirConfig;
}

/**
 * Turns a parsed config back into the snake_case input shape (e.g. to print it as YAML);
 * `parseConfig(configToInput(c))` equals `c`.
 *
 * @example
 * configToInput(defaultConfig()).task_store?.backend; // 'sqlite'
 */
export function configToInput(config: MiroirConfig): MiroirConfigInput {
  return renameKeysDeep(config, snakeCaseKey) as MiroirConfigInput;
}

function convertIssue(issue: v.BaseIssue<unknown>): ConfigIssue | undefined {
  const path = formatConfigPath((issue.path ?? []).map((item) => item.key as string | number));
  if (issue.type.endsWith('object') && issue.expected === 'never') return undefined; // reported with a hint
  if (issue.type.endsWith('object') && issue.input === undefined && issue.expected?.startsWith('"')) {
    return { path, message: 'required key is missing' };
  }
  return { path, message: issue.message };
}

function describe(value: unknown): string {
  return Array.isArray(value) ? 'a list' : `${typeof value} ${JSON.stringify(value)}`;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) deepFreeze(item);
    Object.freeze(value);
  }
  return value;
}
