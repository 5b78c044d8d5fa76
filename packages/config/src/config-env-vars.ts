import type * as v from 'valibot';
import { configSchema } from './config-schema.js';
import { objectEntriesOf } from './unwrap-schema.js';

/**
 * Prefix of every environment variable Miroir reads.
 *
 * @example
 * Object.keys(env).filter((name) => name.startsWith(ENV_PREFIX));
 */
export const ENV_PREFIX = 'MIROIR_';

/**
 * Variables that steer loading itself rather than set a key: the file path and the environment name.
 *
 * @example
 * LOADER_ENV_VARS.includes('MIROIR_CONFIG'); // true
 */
export const LOADER_ENV_VARS: readonly string[] = ['MIROIR_CONFIG', 'MIROIR_ENV'];

/**
 * Conventional short names for secrets, on top of the generic `MIROIR_A__B` form.
 *
 * @example
 * ENV_SHORTCUTS.MIROIR_ADMIN_API_KEY; // ['admin', 'api_key']
 */
export const ENV_SHORTCUTS: Readonly<Record<string, readonly string[]>> = {
  MIROIR_ADMIN_API_KEY: ['admin', 'api_key'],
};

/**
 * One settable environment variable and the config path it sets.
 *
 * @example
 * const shards: ConfigEnvVar | undefined = configEnvVars().find((e) => e.name === 'MIROIR_SHARDS');
 */
export interface ConfigEnvVar {
  readonly name: string;
  readonly path: readonly string[];
  readonly schema: v.GenericSchema;
}

/**
 * The environment variable for a config path: `MIROIR_` + the upper-cased path joined with `__`.
 *
 * @example
 * envVarName(['scatter', 'node_timeout_ms']); // 'MIROIR_SCATTER__NODE_TIMEOUT_MS'
 */
export function envVarName(path: readonly string[]): string {
  return ENV_PREFIX + path.map((segment) => segment.toUpperCase()).join('__');
}

/**
 * Every environment variable that can set a key: one per object and per leaf key (lists are set whole,
 * as JSON), plus the shortcuts.
 *
 * @example
 * configEnvVars().some((e) => e.name === 'MIROIR_TASK_STORE__BACKEND'); // true
 */
export function configEnvVars(): ConfigEnvVar[] {
  envVarsCache ??= listEnvVars();
  return [...envVarsCache];
}

// Derived from the immutable schema only, so caching it changes no result.
let envVarsCache: readonly ConfigEnvVar[] | undefined;

function listEnvVars(): ConfigEnvVar[] {
  const out: ConfigEnvVar[] = [];
  const visit = (schema: v.GenericSchema, path: string[]) => {
    const entries = objectEntriesOf(schema);
    if (entries === undefined) return;
    for (const [key, entry] of Object.entries(entries)) {
      const entryPath = [...path, key];
      out.push({ name: envVarName(entryPath), path: entryPath, schema: entry });
      visit(entry, entryPath);
    }
  };
  visit(configSchema, []);
  for (const [name, path] of Object.entries(ENV_SHORTCUTS)) {
    const target = out.find((candidate) => candidate.path.join('.') === path.join('.'));
    if (target !== undefined) out.push({ name, path, schema: target.schema });
  }
  return out;
}
