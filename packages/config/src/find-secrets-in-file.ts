import { envVarName } from './config-env-vars.js';
import type { ConfigIssue } from './config-error.js';

/**
 * Paths whose value is a secret, with the environment variable that must carry it in production.
 *
 * @example
 * SECRET_KEYS.map((s) => s.env); // ['MIROIR_MASTER_KEY', 'MIROIR_NODE_MASTER_KEY', …]
 */
export const SECRET_KEYS: readonly { readonly path: readonly string[]; readonly env: string }[] = [
  { path: ['master_key'], env: 'MIROIR_MASTER_KEY' },
  { path: ['node_master_key'], env: 'MIROIR_NODE_MASTER_KEY' },
  { path: ['admin', 'api_key'], env: 'MIROIR_ADMIN_API_KEY' },
  { path: ['cdc', 'webhook_secret'], env: envVarName(['cdc', 'webhook_secret']) },
];

/**
 * Lists the secrets a configuration file contains. In production secrets must come only from the
 * environment, so the loader refuses a file for which this returns anything. A Redis URL counts as a
 * secret when it carries a password.
 *
 * @example
 * findSecretsInFile({ master_key: 'abc' });
 * // [{ path: 'master_key', message: 'secrets are not accepted from the config file in production: remove it and set MIROIR_MASTER_KEY' }]
 */
export function findSecretsInFile(fileInput: unknown): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  for (const { path, env } of SECRET_KEYS) {
    if (valueAt(fileInput, path) !== undefined) issues.push({ path: path.join('.'), message: refuse(env) });
  }
  const url = valueAt(fileInput, ['task_store', 'url']);
  if (typeof url === 'string' && hasPassword(url)) {
    issues.push({ path: 'task_store.url', message: refuse(envVarName(['task_store', 'url'])) });
  }
  return issues;
}

function refuse(env: string): string {
  return `secrets are not accepted from the config file in production: remove it and set ${env}`;
}

function hasPassword(url: string): boolean {
  try {
    return new URL(url).password !== '';
  } catch {
    // Not a URL at all: the schema reports it; only a recognisable password is a secret here.
    return false;
  }
}

function valueAt(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
