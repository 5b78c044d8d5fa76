import { collectEnvOverrides, type EnvVars } from './apply-env-overrides.js';
import { ConfigError, type ConfigIssue } from './config-error.js';
import { findSecretsInFile } from './find-secrets-in-file.js';
import type { MiroirConfig } from './miroir-config.js';
import { parseConfig } from './parse-config.js';

/**
 * Inputs of {@link resolveConfig}: the layers above the built-in defaults.
 *
 * @example
 * resolveConfig({ file: parseConfigYaml(text), env: { MIROIR_SHARDS: '8' }, production: false });
 */
export interface ResolveConfigOptions {
  /** The parsed YAML file (snake_case), if there is one. */
  readonly file?: unknown;
  /** Environment variables; `MIROIR_*` ones override the file. */
  readonly env?: EnvVars;
  /** Defaults to `MIROIR_ENV=production` or `NODE_ENV=production` in `env`. */
  readonly production?: boolean | undefined;
  /** `MIROIR_*` names to leave alone. */
  readonly ignoreEnv?: readonly string[] | undefined;
}

/** Says which variable a bad value came from, since the path alone points at a key the file may not have. */
function withEnvSource(issue: ConfigIssue, sources: ReadonlyMap<string, string>): ConfigIssue {
  for (const [path, name] of sources) {
    if (issue.path === path || issue.path.startsWith(`${path}.`) || issue.path.startsWith(`${path}[`)) {
      return { path: issue.path, message: `${issue.message} (set by ${name})` };
    }
  }
  return issue;
}

/**
 * Whether an environment declares production (`MIROIR_ENV` or `NODE_ENV` equal to `production`).
 *
 * @example
 * isProductionEnv({ NODE_ENV: 'production' }); // true
 */
export function isProductionEnv(env: EnvVars): boolean {
  return env.MIROIR_ENV === 'production' || env.NODE_ENV === 'production';
}

/**
 * Layers defaults → file → environment and validates the result. Pure: `loadConfig` (subpath
 * `@miroir/config/load`) only adds reading the file and `process.env`.
 *
 * @throws ConfigError with the problems of every layer together (secrets in the file in production,
 *   unknown or malformed variables, invalid values, broken cross-field rules).
 * @example
 * const config = resolveConfig({
 *   file: { nodes: [{ id: 'a', address: 'http://a:7700' }] },
 *   env: { MIROIR_SHARDS: '8' },
 * });
 * config.shards; // 8
 */
export function resolveConfig(options: ResolveConfigOptions = {}): MiroirConfig {
  const env = options.env ?? {};
  const production = options.production ?? isProductionEnv(env);
  const file = options.file;
  if (file !== undefined && file !== null && (typeof file !== 'object' || Array.isArray(file))) {
    return parseConfig(file); // throws the one meaningful error: the file is not a mapping
  }
  const issues: ConfigIssue[] = production ? findSecretsInFile(options.file) : [];
  const overridden = collectEnvOverrides(options.file, env, { ignore: options.ignoreEnv ?? [] });
  issues.push(...overridden.issues);
  let config: MiroirConfig | undefined;
  try {
    config = parseConfig(overridden.value, { production });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    issues.push(...error.issues.map((issue) => withEnvSource(issue, overridden.sources)));
  }
  if (issues.length > 0 || config === undefined) throw new ConfigError(issues);
  return config;
}
