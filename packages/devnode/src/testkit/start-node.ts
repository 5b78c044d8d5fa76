import { type ChildProcess, type StdioOptions, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findFreePort } from './find-free-port.js';
import { waitForHealthy } from './wait-for-healthy.js';

/** Options of {@link startNode}. */
export interface StartNodeOptions {
  masterKey?: string;
  /** Fixed port (default: a free one). */
  port?: number;
  /** Data directory (default: a fresh temp dir, removed by `stop()`). */
  dbPath?: string;
  /** Start the devnode with `--enable-fault-injection` (ignored for real Meilisearch). */
  faultInjection?: boolean;
  /** A real `meilisearch` executable; defaults to env `MEILISEARCH_BIN`, else the devnode. */
  meilisearchBin?: string | null;
  /** Extra command-line arguments. */
  args?: string[];
  /** Forward the child's output to this process (debugging). */
  inheritOutput?: boolean;
}

/** A node process started by the testkit. */
export interface NodeHandle {
  readonly url: string;
  readonly port: number;
  readonly dbPath: string;
  readonly masterKey: string | undefined;
  /** Whether this is a real Meilisearch (`MEILISEARCH_BIN`) rather than a devnode. */
  readonly isMeilisearch: boolean;
  /** The current child process (replaced by `restart`). */
  readonly process: ChildProcess;
  /** Send a signal and wait for the process to exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Start the process again on the same port and data directory, and wait until healthy. */
  restart(): Promise<void>;
  /** Terminate (SIGTERM, then SIGKILL after 5 s) and remove the temp data directory. */
  stop(): Promise<void>;
}

/** Path of the devnode CLI (`dist/cli.js`), whether running from `dist/` or from `src/` under vitest. */
function devnodeCli(): string {
  const here = fileURLToPath(new URL('.', import.meta.url));
  const sibling = join(here, '..', 'cli.js');
  if (existsSync(sibling)) return sibling;
  return join(here, '..', '..', 'dist', 'cli.js');
}

function waitForExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  // 'close' (not 'exit') so the stderr tail is complete.
  return new Promise((resolve) => child.once('close', () => resolve()));
}

/**
 * Start one devnode process (`node dist/cli.js`), or a real `meilisearch` when `MEILISEARCH_BIN` is set,
 * on a free port with its own temp data directory; resolves once `/health` answers.
 *
 * @example
 * ```ts
 * const node = await startNode({ masterKey: 'masterKey' });
 * await node.kill('SIGKILL');
 * await node.restart();
 * await node.stop();
 * ```
 */
export async function startNode(options: StartNodeOptions = {}): Promise<NodeHandle> {
  const bin =
    options.meilisearchBin === undefined ? (process.env.MEILISEARCH_BIN ?? null) : options.meilisearchBin;
  const port = options.port ?? (await findFreePort());
  const ownsDir = options.dbPath === undefined;
  const dbPath = options.dbPath ?? mkdtempSync(join(tmpdir(), 'miroir-devnode-'));
  const url = `http://127.0.0.1:${port}`;
  const args = [
    '--http-addr',
    `127.0.0.1:${port}`,
    '--db-path',
    join(dbPath, 'data.ms'),
    '--dump-dir',
    join(dbPath, 'dumps'),
  ];
  if (options.masterKey) args.push('--master-key', options.masterKey);
  if (bin) args.push('--no-analytics');
  else if (options.faultInjection) args.push('--enable-fault-injection');
  args.push(...(options.args ?? []));
  let stderrTail = '';
  const spawnChild = () => {
    const stdio: StdioOptions = options.inheritOutput ? 'inherit' : ['ignore', 'ignore', 'pipe'];
    const child = bin
      ? spawn(bin, args, { stdio })
      : spawn(process.execPath, [devnodeCli(), ...args], { stdio });
    stderrTail = '';
    // Keep the end of stderr so a failed start can say why.
    child.stderr?.on('data', (chunk: Buffer) => {
      stderrTail = (stderrTail + chunk.toString('utf8')).slice(-4000);
    });
    child.on('error', (err) => {
      stderrTail += String(err);
    });
    return child;
  };
  let child = spawnChild();
  const ready = async () => {
    const exited = waitForExit(child).then(() => {
      throw new Error(
        `node on port ${port} exited during start (code ${String(child.exitCode)}): ${stderrTail.trim()}`,
      );
    });
    await Promise.race([waitForHealthy(url), exited]);
  };
  try {
    await ready();
  } catch (err) {
    child.kill('SIGKILL');
    if (ownsDir) rmSync(dbPath, { recursive: true, force: true });
    throw err;
  }
  const handle: NodeHandle = {
    url,
    port,
    dbPath,
    masterKey: options.masterKey,
    isMeilisearch: bin !== null,
    get process() {
      return child;
    },
    async kill(signal: NodeJS.Signals = 'SIGTERM') {
      child.kill(signal);
      await waitForExit(child);
    },
    async restart() {
      if (child.exitCode === null && child.signalCode === null) await handle.kill('SIGTERM');
      child = spawnChild();
      await ready();
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await handle.kill('SIGTERM');
        clearTimeout(timer);
      }
      if (ownsDir) rmSync(dbPath, { recursive: true, force: true });
    },
  };
  return handle;
}
