import { compareNodeIds } from './compare-node-ids.js';
import { rendezvousScore } from './rendezvous-score.js';

/**
 * The RF owners of `shard` among the nodes of one replica group: the `replicationFactor` nodes with the
 * highest `rendezvousScore(shard, node.id)`, highest first (ties: smaller node id by UTF-8 bytes first).
 * The result does not depend on the order of `groupNodes`.
 *
 * This computes from scratch; `writeTargets` and `coveringSet` use a per-topology table built from it.
 *
 * @param shard shard number, integer in 0..2^32-1.
 * @param groupNodes the nodes of one group (anything with a string `id`; ids must be unique).
 * @param replicationFactor RF, integer in 1..groupNodes.length.
 * @throws {RangeError} on a bad RF, a bad shard number or duplicate node ids.
 * @example
 * ```ts
 * import { ownersInGroup } from '@miroir/router';
 * ownersInGroup(7, [{ id: 'a' }, { id: 'b' }, { id: 'c' }], 2); // the two best-scoring nodes, best first
 * ```
 */
export function ownersInGroup<N extends { readonly id: string }>(
  shard: number,
  groupNodes: readonly N[],
  replicationFactor: number,
): N[] {
  if (
    !Number.isInteger(replicationFactor) ||
    replicationFactor < 1 ||
    replicationFactor > groupNodes.length
  ) {
    throw new RangeError(
      `replicationFactor must be an integer in 1..${groupNodes.length} (nodes in the group), got ${replicationFactor}`,
    );
  }
  const ids = new Set<string>();
  for (const node of groupNodes) {
    if (ids.has(node.id)) throw new RangeError(`duplicate node id ${JSON.stringify(node.id)}`);
    ids.add(node.id);
  }
  const ranked = groupNodes.map((node) => ({ node, score: rendezvousScore(shard, node.id) }));
  ranked.sort((a, b) => {
    if (a.score !== b.score) return a.score > b.score ? -1 : 1;
    return compareNodeIds(a.node.id, b.node.id);
  });
  return ranked.slice(0, replicationFactor).map((entry) => entry.node);
}
