/**
 * Thrown by `createTopology` (and `planMove`) on invalid input. `path` points at the offending field,
 * e.g. `nodes[2].group` or `replicationFactor`.
 *
 * @example
 * ```ts
 * import { TopologyError, createTopology } from '@miroir/router';
 * try {
 *   createTopology({ shards: 64, replicationFactor: 2, replicaGroups: 1, nodes: [{ id: 'a', address: 'http://a:7700', group: 0 }] });
 * } catch (err) {
 *   if (err instanceof TopologyError) console.log(err.path); // 'replicationFactor'
 * }
 * ```
 */
export class TopologyError extends Error {
  override readonly name = 'TopologyError';
  /** Where the problem is, in JS property-path notation (`''` for the whole value). */
  readonly path: string;

  constructor(path: string, message: string) {
    super(path === '' ? message : `${path}: ${message}`);
    this.path = path;
  }
}
