import { type ConfigEnvVar, configEnvVars, ENV_PREFIX, LOADER_ENV_VARS } from './config-env-vars.js';
import { ConfigError, type ConfigIssue } from './config-error.js';
import { suggestKey } from './suggest-key.js';
import { arrayItemOf, unwrapSchema } from './unwrap-schema.js';

/**
 * Environment variables as `process.env` holds them.
 *
 * @example
 * const env: EnvVars = { MIROIR_SHARDS: '8', HOME: undefined };
 */
export type EnvVars = Readonly<Record<string, string | undefined>>;

/**
 * Result of {@link collectEnvOverrides}.
 *
 * @example
 * const { value, issues, sources } = collectEnvOverrides({}, { MIROIR_SHARDS: '8' });
 */
export interface EnvOverrides {
  /** The input with the overrides applied. */
  readonly value: Record<string, unknown>;
  /** Unknown variables and malformed values. */
  readonly issues: ConfigIssue[];
  /** Which variable set which dotted config path (`scatter.node_timeout_ms` → `MIROIR_SCATTER__NODE_TIMEOUT_MS`). */
  readonly sources: ReadonlyMap<string, string>;
}

/**
 * Options of {@link applyEnvOverrides}.
 *
 * @example
 * applyEnvOverrides({}, process.env, { ignore: ['MIROIR_TEST_SEED'] });
 */
export interface EnvOverrideOptions {
  /** Extra `MIROIR_*` names to leave alone (read by something other than the config). */
  readonly ignore?: readonly string[];
}

/**
 * Lays `MIROIR_*` variables over a snake_case input and returns the merged input (the argument is not
 * modified). Values are coerced by the schema type of their key: numbers, booleans (true/false/1/0/
 * yes/no/on/off), strings, and JSON for lists and objects (a list of strings also accepts `a,b,c`).
 * Empty values are ignored. Pure: the environment is passed in.
 *
 * @throws ConfigError listing every unknown variable (with "did you mean") and every bad value.
 * @example
 * applyEnvOverrides({ scatter: { node_timeout_ms: 100 } }, { MIROIR_SCATTER__NODE_TIMEOUT_MS: '500' });
 * // { scatter: { node_timeout_ms: 500 } }
 */
export function applyEnvOverrides(
  input: unknown,
  env: EnvVars,
  options: EnvOverrideOptions = {},
): Record<string, unknown> {
  const { value, issues } = collectEnvOverrides(input, env, options);
  if (issues.length > 0) throw new ConfigError(issues);
  return value;
}

/**
 * {@link applyEnvOverrides} that returns its problems instead of throwing, so that callers can report
 * them together with other layers' problems.
 *
 * @example
 * collectEnvOverrides({}, { MIROIR_SHARDS: 'x' }).issues; // [{ path: 'MIROIR_SHARDS', message: 'expected a number, got "x"' }]
 */
export function collectEnvOverrides(
  input: unknown,
  env: EnvVars,
  options: EnvOverrideOptions = {},
): EnvOverrides {
  const known = configEnvVars();
  const byName = new Map(known.map((entry) => [entry.name, entry]));
  const ignored = new Set([...LOADER_ENV_VARS, ...(options.ignore ?? [])]);
  const issues: ConfigIssue[] = [];
  const applied = new Map<string, string>();
  const sources = new Map<string, string>();
  if (input !== undefined && input !== null && !isRecord(input)) {
    issues.push({ path: '', message: 'the configuration must be a mapping to apply environment overrides' });
  }
  let value: Record<string, unknown> = isRecord(input) ? input : {};
  const names = Object.keys(env)
    .filter((name) => name.startsWith(ENV_PREFIX) && !ignored.has(name))
    .filter((name) => env[name] !== undefined && env[name] !== '')
    .sort((a, b) => depthOf(byName.get(a)) - depthOf(byName.get(b)) || (a < b ? -1 : a > b ? 1 : 0));
  for (const name of names) {
    const raw = env[name] ?? '';
    const target = byName.get(name);
    if (target === undefined) {
      const hint = suggestKey(name, [...byName.keys()]);
      const suffix = hint === undefined ? '' : `; did you mean ${hint}?`;
      issues.push({ path: name, message: `unknown Miroir environment variable${suffix}` });
      continue;
    }
    const key = target.path.join('.');
    const previous = applied.get(key);
    if (previous !== undefined && env[previous] !== raw) {
      issues.push({ path: name, message: `conflicts with ${previous}, which sets ${key} to another value` });
      continue;
    }
    applied.set(key, name);
    const coerced = coerce(raw, target);
    if ('message' in coerced) issues.push({ path: name, message: coerced.message });
    else {
      value = setAtPath(value, target.path, coerced.value);
      sources.set(key, name);
    }
  }
  return { value, issues, sources };
}

function coerce(raw: string, target: ConfigEnvVar): { value: unknown } | { message: string } {
  const type = unwrapSchema(target.schema).type;
  if (type === 'number') {
    const number = Number(raw.trim());
    return raw.trim() === '' || Number.isNaN(number)
      ? { message: `expected a number, got ${JSON.stringify(raw)}` }
      : { value: number };
  }
  if (type === 'boolean') {
    const lowered = raw.trim().toLowerCase();
    if (['true', '1', 'yes', 'on'].includes(lowered)) return { value: true };
    if (['false', '0', 'no', 'off'].includes(lowered)) return { value: false };
    return { message: `expected true or false, got ${JSON.stringify(raw)}` };
  }
  if (type !== 'array' && !type.endsWith('object')) return { value: raw };
  const trimmed = raw.trim();
  const item = arrayItemOf(target.schema);
  if (item !== undefined && unwrapSchema(item).type === 'string' && !trimmed.startsWith('[')) {
    return {
      value: trimmed
        .split(',')
        .map((part) => part.trim())
        .filter((part) => part !== ''),
    };
  }
  try {
    return { value: JSON.parse(trimmed) as unknown };
  } catch {
    const what = type === 'array' ? 'a JSON list' : 'a JSON object';
    return { message: `expected ${what}, got ${JSON.stringify(raw)}` };
  }
}

function setAtPath(
  target: Record<string, unknown>,
  path: readonly string[],
  value: unknown,
): Record<string, unknown> {
  const [head, ...rest] = path;
  if (head === undefined) return target;
  const child = target[head];
  return {
    ...target,
    [head]: rest.length === 0 ? value : setAtPath(isRecord(child) ? child : {}, rest, value),
  };
}

function depthOf(entry: ConfigEnvVar | undefined): number {
  return entry?.path.length ?? 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
