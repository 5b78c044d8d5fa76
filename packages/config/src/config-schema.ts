import * as v from 'valibot';
import { capabilityBlocks } from './schema/capability-blocks.js';
import {
  adminBlock,
  healthBlock,
  logBlock,
  nodeEntry,
  rateLimitBlock,
  rebalancerBlock,
  scatterBlock,
  serverBlock,
  taskRegistryBlock,
  taskStoreBlock,
} from './schema/core-blocks.js';
import { described, integerAtLeast } from './schema/described.js';

const block = <TSchema extends v.GenericSchema>(schema: TSchema, text: string) =>
  v.optional(described(schema, text), {});

const cap = capabilityBlocks;

/**
 * The valibot schema of the whole configuration, in the snake_case shape users write in YAML.
 * Every key is optional and has a default except the secrets; objects reject unknown keys.
 *
 * @example
 * import * as v from 'valibot';
 * v.parse(configSchema, { nodes: [{ id: 'a', address: 'http://a:7700' }] }).shards; // 64
 */
export const configSchema = v.strictObject({
  master_key: v.optional(
    described(
      v.pipe(v.string(), v.minLength(1)),
      'Key clients use, as on Meilisearch; >= 16 bytes in production (secret; env MIROIR_MASTER_KEY).',
    ),
  ),
  node_master_key: v.optional(
    described(
      v.pipe(v.string(), v.minLength(1)),
      'Master key of the Meilisearch nodes, never revealed to clients (secret; env MIROIR_NODE_MASTER_KEY).',
    ),
  ),
  admin: block(adminBlock, 'Admin API credentials.'),
  shards: v.optional(
    described(integerAtLeast(1, 65_535), 'Default logical shards per new index (fixed per index).'),
    64,
  ),
  replication_factor: v.optional(
    described(
      integerAtLeast(1),
      'Copies of each shard inside a replica group; <= nodes of the smallest group.',
    ),
    1,
  ),
  replica_groups: v.optional(
    described(integerAtLeast(1), 'Replica groups; each holds every shard and serves whole queries.'),
    1,
  ),
  nodes: v.optional(described(v.array(nodeEntry), 'The Meilisearch nodes (at least one).'), []),
  task_store: block(taskStoreBlock, 'Durable state: Miroir tasks, aliases, sessions, leases.'),
  health: block(healthBlock, 'Node health probing.'),
  scatter: block(scatterBlock, 'Query fan-out to nodes.'),
  rebalancer: block(rebalancerBlock, 'Shard movement after topology changes.'),
  server: block(serverBlock, 'HTTP listener and proxy pod count.'),
  connection_pool_per_node: v.optional(
    described(integerAtLeast(1, 10_000), 'Keep-alive HTTP connections per node per proxy pod.'),
    32,
  ),
  task_registry: block(taskRegistryBlock, 'Miroir task bookkeeping and pruning.'),
  rate_limit: block(rateLimitBlock, 'Request rate limiting.'),
  log: block(logBlock, 'Logging.'),
  resharding: block(cap.resharding, 'Changing the shard count of an index.'),
  hedging: block(cap.hedging, 'Hedged requests against slow replicas.'),
  replica_selection: block(cap.replica_selection, 'Replica choice inside a group.'),
  query_planner: block(cap.query_planner, 'Search planning optimisations.'),
  settings_broadcast: block(cap.settings_broadcast, 'How index settings reach every node.'),
  settings_drift_check: block(cap.settings_drift_check, 'Periodic settings verification.'),
  session_pinning: block(cap.session_pinning, 'Session to replica group pinning.'),
  aliases: block(cap.aliases, 'Index aliases.'),
  anti_entropy: block(cap.anti_entropy, 'Background replica repair.'),
  dump_import: block(cap.dump_import, 'Meilisearch dump import.'),
  idempotency: block(cap.idempotency, 'Idempotent writes.'),
  query_coalescing: block(cap.query_coalescing, 'Coalescing of identical concurrent searches.'),
  multi_search: block(cap.multi_search, 'Multi-search and federated search.'),
  vector_search: block(cap.vector_search, 'Vector and hybrid search.'),
  cdc: block(cap.cdc, 'Change data capture.'),
  ttl: block(cap.ttl, 'Document expiry.'),
  tenant_affinity: block(cap.tenant_affinity, 'Tenant to replica group affinity.'),
  shadow: block(cap.shadow, 'Shadow traffic.'),
  ilm: block(cap.ilm, 'Index lifecycle management.'),
  canary_runner: block(cap.canary_runner, 'Canary queries.'),
  admin_ui: block(cap.admin_ui, 'Operator web UI.'),
  explain: block(cap.explain, 'Search plan explanation.'),
  search_ui: block(cap.search_ui, 'Hosted search UI.'),
  peer_discovery: block(cap.peer_discovery, 'Discovery of the other proxy pods.'),
  leader_election: block(cap.leader_election, 'Leases for singleton background work.'),
});
