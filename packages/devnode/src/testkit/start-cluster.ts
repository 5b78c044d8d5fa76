import { type NodeHandle, type StartNodeOptions, startNode } from './start-node.js';

/** Options of {@link startCluster}. */
export interface StartClusterOptions extends Omit<StartNodeOptions, 'port' | 'dbPath'> {
  /** Number of nodes (processes) to start. */
  nodes: number;
}

/** N node processes started together. */
export interface Cluster {
  readonly nodes: readonly NodeHandle[];
  /** Base URLs, in node order. */
  readonly urls: readonly string[];
  kill(i: number, signal?: NodeJS.Signals): Promise<void>;
  restart(i: number): Promise<void>;
  /** Stop every node and remove their temp directories. */
  stop(): Promise<void>;
}

/**
 * Start `nodes` devnode processes (or real Meilisearch ones when `MEILISEARCH_BIN` is set) on free
 * ports, each with its own temp data directory.
 *
 * @example
 * ```ts
 * const cluster = await startCluster({ nodes: 3, masterKey: 'masterKey' });
 * await cluster.kill(1, 'SIGKILL');
 * await cluster.restart(1);
 * await cluster.stop();
 * ```
 */
export async function startCluster(options: StartClusterOptions): Promise<Cluster> {
  const { nodes: count, ...nodeOptions } = options;
  const settled = await Promise.allSettled(Array.from({ length: count }, () => startNode(nodeOptions)));
  const nodes = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failure = settled.find((s) => s.status === 'rejected');
  if (failure) {
    await Promise.all(nodes.map((n) => n.stop()));
    throw (failure as PromiseRejectedResult).reason;
  }
  const at = (i: number) => {
    const node = nodes[i];
    if (!node) throw new RangeError(`No node ${i} in a cluster of ${count}`);
    return node;
  };
  return {
    nodes,
    urls: nodes.map((n) => n.url),
    kill: (i, signal = 'SIGTERM') => at(i).kill(signal),
    restart: (i) => at(i).restart(),
    stop: async () => {
      await Promise.all(nodes.map((n) => n.stop()));
    },
  };
}
