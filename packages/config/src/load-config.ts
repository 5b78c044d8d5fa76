import { readFile } from 'node:fs/promises';
import type { EnvVars } from './apply-env-overrides.js';
import { ConfigError } from './config-error.js';
import type { MiroirConfig } from './miroir-config.js';
import { parseConfigYaml } from './parse-config-yaml.js';
import { resolveConfig } from './resolve-config.js';

/**
 * Options of {@link loadConfig}.
 *
 * @example
 * await loadConfig({ path: './miroir.yaml', env: { MIROIR_SHARDS: '8' }, production: false });
 */
export interface LoadConfigOptions {
  /** YAML file to read; defaults to `MIROIR_CONFIG`; with neither, only defaults and env apply. */
  readonly path?: string;
  /** Defaults to `process.env`. */
  readonly env?: EnvVars;
  /** Defaults to `MIROIR_ENV=production` or `NODE_ENV=production`. */
  readonly production?: boolean;
  /** `MIROIR_*` names to leave alone. */
  readonly ignoreEnv?: readonly string[];
}

/**
 * Loads the configuration: built-in defaults → YAML file → `MIROIR_*` environment, then validates.
 * This is the only I/O in the package (the file and `process.env`).
 *
 * @throws ConfigError listing every problem, including an unreadable file or YAML syntax errors.
 * @example
 * import { loadConfig } from '@miroir/config/load';
 * const config = await loadConfig({ path: '/etc/miroir/miroir.yaml' });
 * console.log(config.server.port);
 */
export async function loadConfig(options: LoadConfigOptions = {}): Promise<MiroirConfig> {
  const env = options.env ?? process.env;
  const path = options.path ?? (env.MIROIR_CONFIG === '' ? undefined : env.MIROIR_CONFIG);
  let file: unknown;
  if (path !== undefined) {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new ConfigError([{ path: '', message: `cannot read config file ${path}: ${reason}` }]);
    }
    file = parseConfigYaml(text, path);
  }
  return resolveConfig({ file, env, production: options.production, ignoreEnv: options.ignoreEnv });
}
