import { createDevnodeApp } from './app.js';
import { EMULATED_MEILISEARCH_VERSION } from './emulated-version.js';
import { FaultController } from './middleware/faults/fault-controller.js';
import { listen } from './server.js';
import { createDevnodeState } from './state/devnode-state.js';

/** The Meilisearch version the devnode emulates (`GET /version` → `pkgVersion`). */
export { EMULATED_MEILISEARCH_VERSION } from './emulated-version.js';

/** Options of {@link startDevnode}. */
export interface StartDevnodeOptions {
  /** TCP port; 0 (default) picks a free one. */
  port?: number;
  /** Interface to bind (default 127.0.0.1). */
  host?: string;
  /** Enables auth when set. */
  masterKey?: string | null;
  /** Persist to this directory (journal + snapshot); in-memory when absent. */
  dbPath?: string | null;
  /** Where `POST /dumps` writes (default `dumps/`). */
  dumpDir?: string;
  /** Load this `.dump` at start when the database is empty. */
  importDump?: string | null;
  /** Enable `/_devnode/faults` (off by default). */
  faultInjection?: boolean;
  /** Max request body in bytes (default 100 MB). */
  payloadSizeLimit?: number;
}

/** A running devnode. */
export interface RunningDevnode {
  url: string;
  port: number;
  /** Stop listening, stop the task worker, write a final snapshot. */
  close(): Promise<void>;
}

/**
 * Start a devnode HTTP server in this process.
 *
 * @example
 * ```ts
 * const node = await startDevnode({ masterKey: 'masterKey' });
 * await fetch(`${node.url}/health`); // {"status":"available"}
 * await node.close();
 * ```
 */
export async function startDevnode(options: StartDevnodeOptions = {}): Promise<RunningDevnode> {
  const host = options.host ?? '127.0.0.1';
  const state = createDevnodeState({
    masterKey: options.masterKey ?? null,
    dbPath: options.dbPath ?? null,
    dumpDir: options.dumpDir ?? 'dumps/',
    importDump: options.importDump ?? null,
  });
  const faults = options.faultInjection ? new FaultController() : null;
  const app = createDevnodeApp({
    state,
    payloadSizeLimit: options.payloadSizeLimit ?? 100_000_000,
    faults,
    pkgVersion: EMULATED_MEILISEARCH_VERSION,
  });
  let server: Awaited<ReturnType<typeof listen>>;
  try {
    server = await listen(app, host, options.port ?? 0);
  } catch (err) {
    state.close();
    throw err;
  }
  const urlHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  let closed = false;
  return {
    url: `http://${urlHost}:${server.port}`,
    port: server.port,
    close: async () => {
      if (closed) return;
      closed = true;
      faults?.clear();
      await server.close();
      state.close();
    },
  };
}
