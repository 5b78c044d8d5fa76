import { compareNodeIds } from './compare-node-ids.js';
import { TopologyError } from './topology-error.js';

/**
 * What a node's state means for routing. Every state still *owns* its HRW shards, so placement stays a
 * pure function of the node list and a flapping node never moves data:
 * - `active`: serves reads and writes.
 * - `joining`: owns its shards and receives writes, but may not hold their data yet; replica selection
 *   skips it for reads (read from the previous topology until the move plan is done).
 * - `draining`: about to leave; still serves reads and writes until a topology without it takes over.
 * - `down`: unreachable; writes to it count as failed for quorum, reads skip it.
 */
export type NodeState = 'active' | 'joining' | 'draining' | 'down';

/** One node of a topology, as given to `createTopology` (`state` defaults to `'active'`). */
export interface TopologyNodeInput {
  readonly id: string;
  readonly address: string;
  readonly group: number;
  readonly state?: NodeState;
}

/** A validated, frozen node. */
export interface TopologyNode {
  readonly id: string;
  readonly address: string;
  readonly group: number;
  readonly state: NodeState;
}

/** Input of `createTopology`. */
export interface TopologyInput {
  /** S: logical shards per index, integer 1..65536. */
  readonly shards: number;
  /** RF: owners of each shard inside every group, 1..(nodes in the smallest group). */
  readonly replicationFactor: number;
  /** RG: replica groups, numbered 0..RG-1, each holding a full copy. */
  readonly replicaGroups: number;
  readonly nodes: readonly TopologyNodeInput[];
}

/** A validated, deeply frozen topology. Routing depends only on ids, groups, S and RF. */
export interface Topology {
  readonly shards: number;
  readonly replicationFactor: number;
  readonly replicaGroups: number;
  /** All nodes, sorted by id (UTF-8 byte order). */
  readonly nodes: readonly TopologyNode[];
  /** `groups[g]`: the nodes of group g, sorted by id. */
  readonly groups: readonly (readonly TopologyNode[])[];
  /** Node by id (a null-prototype record). */
  readonly nodesById: Readonly<Record<string, TopologyNode>>;
}

/** Upper bound on S: it bounds the per-topology owner table (S × RG entries). */
export const MAX_TOPOLOGY_SHARDS = 65536;
const LONE_SURROGATE = /\p{Cs}/u;
const NODE_STATES: readonly string[] = ['active', 'joining', 'draining', 'down'];

/**
 * Validates a topology description and returns it as a frozen value with nodes in canonical order.
 * The input order of nodes does not matter.
 *
 * Checks: S, RF, RG are positive integers (S ≤ 65536); node ids are unique non-empty strings; addresses
 * are non-empty strings (ids well-formed Unicode); every group is an integer in 0..RG-1; every group has at least RF nodes
 * (so none is empty); states are valid.
 *
 * @throws {TopologyError} with the path of the first invalid field.
 * @example
 * ```ts
 * import { createTopology } from '@miroir/router';
 * const topology = createTopology({
 *   shards: 64,
 *   replicationFactor: 1,
 *   replicaGroups: 1,
 *   nodes: [
 *     { id: 'node-a', address: 'http://10.0.0.1:7700', group: 0 },
 *     { id: 'node-b', address: 'http://10.0.0.2:7700', group: 0, state: 'draining' },
 *   ],
 * });
 * topology.groups[0]?.length; // 2
 * ```
 */
export function createTopology(input: TopologyInput): Topology {
  if (typeof input !== 'object' || input === null) throw new TopologyError('', 'topology must be an object');
  const shards = requireInteger(input.shards, 'shards', 1, MAX_TOPOLOGY_SHARDS);
  const replicaGroups = requireInteger(input.replicaGroups, 'replicaGroups', 1, 2 ** 16);
  const replicationFactor = requireInteger(input.replicationFactor, 'replicationFactor', 1, 2 ** 16);
  if (!Array.isArray(input.nodes)) throw new TopologyError('nodes', 'must be an array');

  const nodes = (input.nodes as readonly unknown[]).map((raw, i) =>
    createNode(raw, `nodes[${i}]`, replicaGroups),
  );
  const seen = new Map<string, number>();
  nodes.forEach((node, i) => {
    const first = seen.get(node.id);
    if (first !== undefined) {
      throw new TopologyError(
        `nodes[${i}].id`,
        `duplicate node id ${JSON.stringify(node.id)} (also nodes[${first}])`,
      );
    }
    seen.set(node.id, i);
  });
  nodes.sort((a, b) => compareNodeIds(a.id, b.id));

  const groups: TopologyNode[][] = Array.from({ length: replicaGroups }, () => []);
  for (const node of nodes) groups[node.group]!.push(node);
  groups.forEach((members, g) => {
    if (members.length < replicationFactor) {
      const message =
        members.length === 0
          ? `group ${g} has no nodes; every group 0..${replicaGroups - 1} needs at least replicationFactor nodes`
          : `replicationFactor ${replicationFactor} exceeds the ${members.length} node(s) of group ${g}`;
      throw new TopologyError('replicationFactor', message);
    }
    Object.freeze(members);
  });

  const nodesById: Record<string, TopologyNode> = Object.create(null);
  for (const node of nodes) nodesById[node.id] = node;

  return Object.freeze({
    shards,
    replicationFactor,
    replicaGroups,
    nodes: Object.freeze(nodes),
    groups: Object.freeze(groups),
    nodesById: Object.freeze(nodesById),
  });
}

function createNode(raw: unknown, path: string, replicaGroups: number): TopologyNode {
  if (typeof raw !== 'object' || raw === null) throw new TopologyError(path, 'node must be an object');
  const { id, address, group, state = 'active' } = raw as Record<string, unknown>;
  if (typeof id !== 'string' || id.length === 0) {
    throw new TopologyError(`${path}.id`, 'must be a non-empty string');
  }
  // A lone surrogate has no UTF-8 form, so two such ids could hash identically.
  if (LONE_SURROGATE.test(id)) throw new TopologyError(`${path}.id`, 'must be well-formed Unicode');
  if (typeof address !== 'string' || address.length === 0) {
    throw new TopologyError(`${path}.address`, 'must be a non-empty string');
  }
  const checkedGroup = requireInteger(group, `${path}.group`, 0, replicaGroups - 1);
  if (typeof state !== 'string' || !NODE_STATES.includes(state)) {
    throw new TopologyError(`${path}.state`, `must be one of ${NODE_STATES.join(', ')}`);
  }
  return Object.freeze({ id, address, group: checkedGroup, state: state as NodeState });
}

function requireInteger(value: unknown, path: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new TopologyError(path, `must be an integer in ${min}..${max}, got ${String(value)}`);
  }
  return value;
}
