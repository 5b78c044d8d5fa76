import type { StartDevnodeOptions } from './start-devnode.js';

/** Result of parsing the command line and `MEILI_*` environment. */
export type ParsedArgs = { kind: 'help' } | { kind: 'run'; options: StartDevnodeOptions & { env: string } };

const UNITS: Record<string, number> = {
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
  tib: 1024 ** 4,
};

/**
 * Parse a byte size as Meilisearch accepts it (`100 MB`, `100Mb`, `1GiB`, `52428800`).
 *
 * @example
 * ```ts
 * parseByteSize('100 MB'); // 100000000
 * ```
 */
export function parseByteSize(raw: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*$/.exec(raw);
  const unit = UNITS[(match?.[2] ?? '').toLowerCase() || 'b'];
  if (!match || unit === undefined) throw new Error(`Invalid byte size \`${raw}\``);
  return Math.floor(Number(match[1]) * unit);
}

/** The `--help` text. */
export const USAGE = `Usage: miroir-devnode [options]

A Meilisearch-compatible node for development and tests.

Options (environment variable in brackets):
  --http-addr <host:port>            Address to listen on [MEILI_HTTP_ADDR] (default 127.0.0.1:7700)
  --master-key <key>                 Enables authentication [MEILI_MASTER_KEY]
  --db-path <dir>                    Persist data in this directory [MEILI_DB_PATH] (default: in memory)
  --dump-dir <dir>                   Where POST /dumps writes [MEILI_DUMP_DIR] (default dumps/)
  --import-dump <file>               Load a .dump at start [MEILI_IMPORT_DUMP]
  --http-payload-size-limit <size>   Max request body [MEILI_HTTP_PAYLOAD_SIZE_LIMIT] (default 100 MB)
  --env <development|production>     Accepted for compatibility [MEILI_ENV]
  --no-analytics                     Accepted and ignored [MEILI_NO_ANALYTICS]
  --enable-fault-injection           Enable /_devnode/faults (chaos tests) [MIROIR_DEVNODE_FAULT_INJECTION]
  -h, --help                         Show this help
`;

/**
 * Parse `miroir-devnode` flags; flags win over `MEILI_*` environment variables.
 *
 * @example
 * ```ts
 * parseDevnodeArgs(['--http-addr', '127.0.0.1:7701', '--master-key', 'K'], {});
 * // { kind: 'run', options: { host: '127.0.0.1', port: 7701, masterKey: 'K', … } }
 * ```
 */
export function parseDevnodeArgs(
  argv: readonly string[],
  env: Record<string, string | undefined>,
): ParsedArgs {
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-h' || arg === '--help') return { kind: 'help' };
    if (!arg.startsWith('--')) throw new Error(`Unexpected argument \`${arg}\``);
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    if (name === 'no-analytics' || name === 'enable-fault-injection') {
      flags.set(name, true);
      continue;
    }
    const known = [
      'http-addr',
      'master-key',
      'db-path',
      'dump-dir',
      'import-dump',
      'http-payload-size-limit',
      'env',
    ];
    if (!known.includes(name)) throw new Error(`Unknown option \`--${name}\`\n\n${USAGE}`);
    const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
    if (value === undefined) throw new Error(`Option \`--${name}\` needs a value`);
    flags.set(name, value);
  }
  const pick = (flag: string, envName: string): string | undefined => {
    const v = flags.get(flag);
    return typeof v === 'string' ? v : env[envName];
  };
  const addr = pick('http-addr', 'MEILI_HTTP_ADDR') ?? '127.0.0.1:7700';
  const colon = addr.lastIndexOf(':');
  const host = (colon === -1 ? addr : addr.slice(0, colon)).replace(/^\[|\]$/g, '') || '127.0.0.1';
  const port = colon === -1 ? 7700 : Number(addr.slice(colon + 1));
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid --http-addr \`${addr}\``);
  const limit = pick('http-payload-size-limit', 'MEILI_HTTP_PAYLOAD_SIZE_LIMIT');
  const envName = pick('env', 'MEILI_ENV') ?? 'development';
  if (envName !== 'development' && envName !== 'production') {
    throw new Error(`Invalid --env \`${envName}\`: expected development or production`);
  }
  const masterKey = pick('master-key', 'MEILI_MASTER_KEY') ?? null;
  if (envName === 'production' && (masterKey === null || masterKey.length < 16)) {
    throw new Error('In production a master key of at least 16 bytes is required (--master-key).');
  }
  const faultEnv = env.MIROIR_DEVNODE_FAULT_INJECTION;
  return {
    kind: 'run',
    options: {
      host,
      port,
      masterKey,
      dbPath: pick('db-path', 'MEILI_DB_PATH') ?? null,
      dumpDir: pick('dump-dir', 'MEILI_DUMP_DIR') ?? 'dumps/',
      importDump: pick('import-dump', 'MEILI_IMPORT_DUMP') ?? null,
      payloadSizeLimit: limit === undefined ? 100_000_000 : parseByteSize(limit),
      faultInjection: flags.get('enable-fault-injection') === true || faultEnv === 'true' || faultEnv === '1',
      env: envName,
    },
  };
}
