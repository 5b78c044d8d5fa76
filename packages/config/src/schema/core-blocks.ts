import * as v from 'valibot';
import { described, integerAtLeast } from './described.js';

/** Node ids are stable names: HRW scores hash them, so renaming a node moves its shards. */
export const NODE_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

const secret = (text: string) => v.optional(described(v.pipe(v.string(), v.minLength(1)), text));

/** The `admin` block: credentials for the `/_miroir/*` admin API. */
export const adminBlock = v.strictObject({
  api_key: secret('Key operators send on `/_miroir/*` (secret; env `MIROIR_ADMIN_API_KEY`).'),
});

/** One Meilisearch node of the fleet. */
export const nodeEntry = v.strictObject({
  id: described(
    v.pipe(v.string(), v.regex(NODE_ID_PATTERN, 'must be 1-64 characters of A-Z, a-z, 0-9, "_" or "-"')),
    'Stable node id (1-64 of A-Z a-z 0-9 _ -). Shard placement hashes it: never rename a node.',
  ),
  address: described(
    v.pipe(
      v.string(),
      v.url('must be an absolute URL'),
      v.regex(/^https?:\/\//, 'must be an http:// or https:// URL'),
    ),
    'Base URL of the node, e.g. http://meili-0.meili:7700.',
  ),
  replica_group: v.optional(
    described(integerAtLeast(0), 'Replica group of the node, 0..replica_groups-1.'),
    0,
  ),
});

/** The `task_store` block: where Miroir tasks and other durable state live. */
export const taskStoreBlock = v.strictObject({
  backend: v.optional(
    described(
      v.picklist(['sqlite', 'redis']),
      'sqlite (one proxy pod, embedded) or redis (required for two or more proxy pods).',
    ),
    'sqlite',
  ),
  path: v.optional(
    described(v.pipe(v.string(), v.minLength(1)), 'SQLite file path (backend sqlite).'),
    './miroir-data/tasks.sqlite',
  ),
  url: v.optional(
    described(
      v.pipe(v.string(), v.regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')),
      'Redis URL (backend redis). A password in it is a secret: set it via MIROIR_TASK_STORE__URL.',
    ),
  ),
  key_prefix: v.optional(
    described(v.pipe(v.string(), v.minLength(1)), 'Prefix of every Redis key Miroir writes.'),
    'miroir:',
  ),
});

/** The `health` block: node health probing. */
export const healthBlock = v.strictObject({
  interval_ms: v.optional(
    described(integerAtLeast(100), 'Milliseconds between health probes of a node.'),
    2000,
  ),
  timeout_ms: v.optional(
    described(integerAtLeast(1), 'Timeout of one health probe; must not exceed interval_ms.'),
    1000,
  ),
  unhealthy_threshold: v.optional(
    described(integerAtLeast(1), 'Consecutive failed probes before a node is marked down.'),
    3,
  ),
  healthy_threshold: v.optional(
    described(integerAtLeast(1), 'Consecutive good probes before a down node is marked up again.'),
    2,
  ),
});

/** The `scatter` block: how a query fans out to nodes. */
export const scatterBlock = v.strictObject({
  node_timeout_ms: v.optional(
    described(integerAtLeast(1), 'Per-node timeout of a scattered search request.'),
    5000,
  ),
  retry_on_timeout: v.optional(
    described(v.boolean(), 'Retry a timed-out shard on another replica, then another group.'),
    true,
  ),
  unavailable_shard_policy: v.optional(
    described(
      v.picklist(['partial', 'error']),
      'partial: answer with the shards that replied (X-Miroir-Degraded); error: 503 miroir_shard_unavailable.',
    ),
    'partial',
  ),
});

/** The `rebalancer` block: data movement when nodes join or leave. */
export const rebalancerBlock = v.strictObject({
  enabled: v.optional(
    described(v.boolean(), 'Move shards automatically after a topology change (else only via miroir-ctl).'),
    true,
  ),
  batch_size: v.optional(
    described(integerAtLeast(1, 100_000), 'Documents copied per request while moving a shard.'),
    1000,
  ),
  max_concurrent_moves: v.optional(described(integerAtLeast(1), 'Shards moved at the same time.'), 2),
  delete_after_copy: v.optional(
    described(v.boolean(), 'Delete a moved shard from its old owner once the new owner has it.'),
    true,
  ),
});

/** The `server` block: the proxy's HTTP listener and pod count. */
export const serverBlock = v.strictObject({
  port: v.optional(described(integerAtLeast(1, 65_535), 'TCP port of the proxy.'), 7700),
  bind: v.optional(described(v.pipe(v.string(), v.minLength(1)), 'Address the proxy binds to.'), '0.0.0.0'),
  max_body_bytes: v.optional(
    described(integerAtLeast(1), 'Largest accepted request body (Meilisearch default: 100 MB).'),
    100_000_000,
  ),
  replicas: v.optional(
    described(
      integerAtLeast(1),
      'Number of proxy pods. More than 1 requires the redis task store, a shared rate-limit backend and peer discovery.',
    ),
    1,
  ),
});

/** The `task_registry` block: Miroir task bookkeeping. */
export const taskRegistryBlock = v.strictObject({
  poll_interval_ms: v.optional(
    described(integerAtLeast(10), 'How often unfinished node tasks are polled to update Miroir tasks.'),
    250,
  ),
  retention_days: v.optional(described(integerAtLeast(1), 'Finished tasks older than this are pruned.'), 30),
  max_tasks: v.optional(
    described(integerAtLeast(1), 'Oldest finished tasks are pruned beyond this count.'),
    1_000_000,
  ),
});

/** The `rate_limit` block: per-key request limits. */
export const rateLimitBlock = v.strictObject({
  enabled: v.optional(
    described(v.boolean(), 'Enforce request rate limits (429 miroir_rate_limited).'),
    false,
  ),
  backend: v.optional(
    described(
      v.picklist(['local', 'redis']),
      'local (per pod, only valid with one pod) or redis (shared counters; needs the redis task store).',
    ),
    'local',
  ),
  requests_per_second: v.optional(
    described(integerAtLeast(1), 'Sustained requests per second per API key.'),
    100,
  ),
  burst: v.optional(
    described(integerAtLeast(1), 'Requests allowed above the sustained rate in a burst.'),
    200,
  ),
});

/** The `log` block. */
export const logBlock = v.strictObject({
  level: v.optional(described(v.picklist(['debug', 'info', 'warn', 'error']), 'Minimum log level.'), 'info'),
  format: v.optional(described(v.picklist(['json', 'pretty']), 'json lines or human-readable.'), 'json'),
});
