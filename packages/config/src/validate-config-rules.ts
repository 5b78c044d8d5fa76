import type * as v from 'valibot';
import { checkAllowedWindow } from './allowed-window.js';
import type { ConfigIssue } from './config-error.js';
import type { configSchema } from './config-schema.js';

type SnakeConfig = v.InferOutput<typeof configSchema>;

/** Minimum master key length Meilisearch enforces in production. */
const MIN_PRODUCTION_KEY_BYTES = 16;

/**
 * Checks the rules that span several fields, on a config that already passed the schema. Returns every
 * violation with a snake_case path; the rules and their messages are listed in the README.
 *
 * @example
 * validateConfigRules(v.parse(configSchema, { nodes: [] }), { production: false });
 * // [{ path: 'nodes', message: 'at least one node is required' }]
 */
export function validateConfigRules(config: SnakeConfig, options: { production: boolean }): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const add = (path: string, message: string) => issues.push({ path, message });
  checkTopology(config, add);
  checkMultiPod(config, add);
  checkCapabilities(config, add);
  if (options.production) checkProductionSecrets(config, add);
  return issues;
}

type Add = (path: string, message: string) => void;

function checkTopology(config: SnakeConfig, add: Add): void {
  const { nodes, replica_groups: groups, replication_factor: rf, shards } = config;
  if (nodes.length === 0) {
    add('nodes', 'at least one node is required');
    return;
  }
  const firstById = new Map<string, number>();
  const firstByAddress = new Map<string, number>();
  const groupSizes = new Array<number>(groups).fill(0);
  nodes.forEach((node, i) => {
    const sameId = firstById.get(node.id);
    if (sameId === undefined) firstById.set(node.id, i);
    else add(`nodes[${i}].id`, `duplicate node id "${node.id}" (already used by nodes[${sameId}])`);
    const address = node.address.replace(/\/+$/, '').toLowerCase();
    const sameAddress = firstByAddress.get(address);
    if (sameAddress === undefined) firstByAddress.set(address, i);
    else
      add(
        `nodes[${i}].address`,
        `duplicate node address "${node.address}" (already used by nodes[${sameAddress}])`,
      );
    if (node.replica_group >= groups) {
      add(
        `nodes[${i}].replica_group`,
        `replica group ${node.replica_group} does not exist: replica_groups is ${groups}, so groups are 0..${groups - 1}`,
      );
    } else {
      groupSizes[node.replica_group] = (groupSizes[node.replica_group] ?? 0) + 1;
    }
  });
  const empty = groupSizes.flatMap((size, group) => (size === 0 ? [group] : []));
  if (empty.length > 0) {
    add(
      'replica_groups',
      `every replica group needs at least one node; group${empty.length > 1 ? 's' : ''} ${empty.join(', ')} ${empty.length > 1 ? 'have' : 'has'} none`,
    );
    return;
  }
  const smallest = Math.min(...groupSizes);
  const largest = Math.max(...groupSizes);
  if (rf > smallest) {
    const group = groupSizes.indexOf(smallest);
    add(
      'replication_factor',
      `replication_factor ${rf} exceeds the ${smallest} node(s) of the smallest replica group (group ${group})`,
    );
  }
  if (shards < largest) {
    const group = groupSizes.indexOf(largest);
    add(
      'shards',
      `shards ${shards} is less than the ${largest} nodes of the largest replica group (group ${group}); some nodes would own no shard`,
    );
  }
}

function checkMultiPod(config: SnakeConfig, add: Add): void {
  const replicas = config.server.replicas;
  if (config.task_store.backend === 'redis' && config.task_store.url === undefined) {
    add(
      'task_store.url',
      'task_store.backend is redis but task_store.url is not set (env MIROIR_TASK_STORE__URL)',
    );
  }
  if (
    config.rate_limit.enabled &&
    config.rate_limit.backend === 'redis' &&
    config.task_store.backend !== 'redis'
  ) {
    add(
      'rate_limit.backend',
      'rate_limit.backend redis uses the task store Redis: set task_store.backend to redis',
    );
  }
  if (replicas <= 1) return;
  if (config.task_store.backend !== 'redis') {
    add(
      'task_store.backend',
      `server.replicas is ${replicas}: more than one proxy replica requires task_store.backend: redis (sqlite is local to one pod)`,
    );
  }
  if (config.rate_limit.enabled && config.rate_limit.backend === 'local') {
    add(
      'rate_limit.backend',
      `server.replicas is ${replicas}: the local rate-limit backend would give each pod its own limit; use backend: redis`,
    );
  }
  if (config.peer_discovery.mode === 'none') {
    add(
      'peer_discovery.mode',
      `server.replicas is ${replicas}: pods must discover each other to share background work; use static or dns`,
    );
  }
}

function checkCapabilities(config: SnakeConfig, add: Add): void {
  config.resharding.allowed_windows.forEach((text, i) => {
    const result = checkAllowedWindow(text);
    if ('message' in result) add(`resharding.allowed_windows[${i}]`, result.message);
  });
  const searchUi = config.search_ui;
  if (searchUi.scoped_key_rotate_before_expiry_days >= searchUi.scoped_key_max_age_days) {
    add(
      'search_ui.scoped_key_rotate_before_expiry_days',
      `must be strictly less than search_ui.scoped_key_max_age_days (${searchUi.scoped_key_rotate_before_expiry_days} >= ${searchUi.scoped_key_max_age_days})`,
    );
  }
  const below = (path: string, value: number, limitPath: string, limit: number) => {
    if (value >= limit) add(path, `must be less than ${limitPath} (${value} >= ${limit})`);
  };
  if (config.health.timeout_ms > config.health.interval_ms) {
    add(
      'health.timeout_ms',
      `must not exceed health.interval_ms (${config.health.timeout_ms} > ${config.health.interval_ms})`,
    );
  }
  if (config.hedging.enabled) {
    below(
      'hedging.delay_ms',
      config.hedging.delay_ms,
      'scatter.node_timeout_ms',
      config.scatter.node_timeout_ms,
    );
  }
  below(
    'dump_import.job_heartbeat_ms',
    config.dump_import.job_heartbeat_ms,
    'dump_import.job_lease_ms',
    config.dump_import.job_lease_ms,
  );
  below(
    'leader_election.renew_interval_ms',
    config.leader_election.renew_interval_ms,
    'leader_election.lease_ms',
    config.leader_election.lease_ms,
  );
  below(
    'canary_runner.timeout_ms',
    config.canary_runner.timeout_ms,
    'canary_runner.interval_ms',
    config.canary_runner.interval_ms,
  );
  if (config.cdc.enabled && config.cdc.webhook_url === undefined) {
    add('cdc.webhook_url', 'cdc is enabled but cdc.webhook_url is not set');
  }
  if (config.shadow.enabled && config.shadow.target_url === undefined) {
    add('shadow.target_url', 'shadow is enabled but shadow.target_url is not set');
  }
  if (config.admin_ui.enabled && config.admin.api_key === undefined) {
    add('admin.api_key', 'admin_ui is enabled but admin.api_key is not set (env MIROIR_ADMIN_API_KEY)');
  }
  const discovery = config.peer_discovery;
  if (discovery.mode === 'dns' && discovery.dns_name === undefined) {
    add('peer_discovery.dns_name', 'peer_discovery.mode is dns but peer_discovery.dns_name is not set');
  }
  if (discovery.mode === 'static' && discovery.static_peers.length === 0) {
    add(
      'peer_discovery.static_peers',
      'peer_discovery.mode is static but peer_discovery.static_peers is empty',
    );
  }
}

function checkProductionSecrets(config: SnakeConfig, add: Add): void {
  const required: [string, string | undefined, string][] = [
    ['master_key', config.master_key, 'MIROIR_MASTER_KEY'],
    ['node_master_key', config.node_master_key, 'MIROIR_NODE_MASTER_KEY'],
    ['admin.api_key', config.admin.api_key, 'MIROIR_ADMIN_API_KEY'],
  ];
  for (const [path, value, env] of required) {
    if (value === undefined) add(path, `required in production: set ${env}`);
    else if (path === 'master_key' && new TextEncoder().encode(value).length < MIN_PRODUCTION_KEY_BYTES) {
      add(path, `must be at least ${MIN_PRODUCTION_KEY_BYTES} bytes in production, as Meilisearch requires`);
    }
  }
}
