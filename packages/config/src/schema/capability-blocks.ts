import * as v from 'valibot';
import { described, integerAtLeast } from './described.js';

// Every block here belongs to a capability added after the core. Anything that changes what a client
// observes defaults to disabled, so upgrading Miroir never changes behaviour by itself.

const enabled = (text: string) => v.optional(described(v.boolean(), text), false);
const ms = (text: string, def: number, min = 1) => v.optional(described(integerAtLeast(min), text), def);
const count = (text: string, def: number, min = 1) => v.optional(described(integerAtLeast(min), text), def);
const text = (description: string, def: string) =>
  v.optional(described(v.pipe(v.string(), v.minLength(1)), description), def);
const optionalUrl = (description: string) =>
  v.optional(
    described(v.pipe(v.string(), v.url('must be an absolute URL'), v.regex(/^https?:\/\//)), description),
  );
const ratio = (description: string, def: number) =>
  v.optional(described(v.pipe(v.number(), v.minValue(0), v.maxValue(1)), description), def);

/** Capability blocks by YAML key. */
export const capabilityBlocks = {
  resharding: v.strictObject({
    enabled: enabled('Allow changing the shard count of an index (shadow index + alias swap).'),
    allowed_windows: v.optional(
      described(
        v.array(v.string()),
        'Time windows when reshard backfill may run, e.g. "02:00-06:00 UTC" (may cross midnight); empty = any time.',
      ),
      [],
    ),
    backfill_batch_size: count('Documents copied per request during backfill.', 1000),
    max_concurrent_jobs: count('Reshard jobs running at the same time.', 1),
  }),
  hedging: v.strictObject({
    enabled: enabled('Send a second request to another replica when a node is slow.'),
    delay_ms: ms('Wait before hedging; must be below scatter.node_timeout_ms.', 100),
    max_extra_requests: count('Extra requests per shard per query.', 1),
  }),
  replica_selection: v.strictObject({
    policy: v.optional(
      described(
        v.picklist(['round_robin', 'random', 'least_inflight', 'latency_ewma']),
        'How the replica serving a shard is chosen inside a group.',
      ),
      'round_robin',
    ),
  }),
  query_planner: v.strictObject({
    primary_key_narrowing: v.optional(
      described(v.boolean(), 'Send a query whose filter pins the primary key only to the owning shards.'),
      false,
    ),
    max_narrowed_shards: count('Narrow only when the filter names at most this many shards.', 16),
  }),
  settings_broadcast: v.strictObject({
    strategy: v.optional(
      described(
        v.picklist(['two_phase', 'direct']),
        'two_phase: propose, verify hashes, commit a version; direct: PATCH every node and return.',
      ),
      'two_phase',
    ),
    verify_timeout_ms: ms('Time allowed for node settings tasks before verification.', 60_000),
    max_repair_attempts: count('Retries to repair a node whose settings diverge.', 3, 0),
  }),
  settings_drift_check: v.strictObject({
    enabled: enabled('Periodically re-verify settings hashes on every node.'),
    interval_ms: ms('Milliseconds between drift checks.', 300_000, 1000),
    repair: v.optional(described(v.boolean(), 'Re-apply committed settings to a drifted node.'), true),
  }),
  session_pinning: v.strictObject({
    enabled: enabled('Pin a client session to one replica group (read-your-writes).'),
    header: text('Request header carrying the session id.', 'X-Miroir-Session'),
    ttl_ms: ms('Idle time after which a pin is forgotten.', 600_000),
  }),
  aliases: v.strictObject({
    enabled: enabled('Serve index aliases that can be flipped atomically.'),
    max_aliases: count('Maximum number of aliases.', 1000),
  }),
  anti_entropy: v.strictObject({
    enabled: enabled('Compare replicas in the background and repair missing or stale documents.'),
    interval_ms: ms('Milliseconds between anti-entropy passes over a shard.', 3_600_000, 1000),
    batch_size: count('Documents compared per request.', 1000),
    repair: v.optional(described(v.boolean(), 'Repair differences (else only report them).'), false),
  }),
  dump_import: v.strictObject({
    enabled: enabled('Accept Meilisearch dumps and import them as sharded indexes.'),
    chunk_size: count('Documents per import chunk job.', 5000),
    max_concurrent_chunks: count('Chunk jobs processed at the same time per pod.', 2),
    job_lease_ms: ms('Lease of a claimed chunk job; a dead claimant loses it after this.', 30_000),
    job_heartbeat_ms: ms('Heartbeat of a claimed job; must be below job_lease_ms.', 10_000),
  }),
  idempotency: v.strictObject({
    enabled: enabled('Honour an idempotency key on writes (409 miroir_idempotency_key_reused).'),
    header: text('Request header carrying the idempotency key.', 'Idempotency-Key'),
    ttl_ms: ms('How long a key and its response are remembered.', 86_400_000),
  }),
  query_coalescing: v.strictObject({
    enabled: enabled('Serve identical concurrent searches with one scatter.'),
    max_wait_ms: ms('Longest a search waits to join an identical in-flight one.', 5, 0),
  }),
  multi_search: v.strictObject({
    enabled: enabled('Serve /multi-search (including federated search) across shards.'),
    max_queries: count('Queries accepted in one multi-search request.', 100),
    max_concurrent_queries: count('Queries of one request scattered at the same time.', 8),
  }),
  vector_search: v.strictObject({
    enabled: enabled('Serve vector and hybrid search across shards.'),
    over_fetch_factor: v.optional(
      described(
        v.pipe(v.number(), v.minValue(1), v.maxValue(10)),
        'Vector and hybrid queries fetch offset+limit times this factor from each shard (a request may override it with the X-Miroir-Over-Fetch header).',
      ),
      1,
    ),
  }),
  cdc: v.strictObject({
    enabled: enabled('Publish document change events (change data capture).'),
    webhook_url: optionalUrl('Where change events are POSTed; required when enabled.'),
    webhook_secret: v.optional(
      described(v.pipe(v.string(), v.minLength(1)), 'HMAC secret signing events (secret; env only).'),
    ),
    batch_size: count('Events per delivery.', 100),
    flush_interval_ms: ms('Longest an event waits before delivery.', 1000),
    max_buffered_events: count('Events buffered before overflow is recorded.', 10_000),
  }),
  ttl: v.strictObject({
    enabled: enabled('Expire documents whose _miroir_expires_at has passed.'),
    sweep_interval_ms: ms('Milliseconds between expiry sweeps of a shard.', 60_000, 1000),
    batch_size: count('Documents deleted per sweep request.', 1000),
  }),
  tenant_affinity: v.strictObject({
    enabled: enabled('Route all queries of a tenant to one replica group.'),
    header: text('Request header naming the tenant.', 'X-Miroir-Tenant'),
  }),
  shadow: v.strictObject({
    enabled: enabled('Mirror a sample of searches to another Meilisearch and compare results.'),
    target_url: optionalUrl('Base URL of the shadow target; required when enabled.'),
    sample_rate: ratio('Fraction of searches mirrored (0..1).', 0.01),
  }),
  ilm: v.strictObject({
    enabled: enabled('Apply index lifecycle (rollover) policies.'),
    check_interval_ms: ms('Milliseconds between policy evaluations.', 3_600_000, 1000),
  }),
  canary_runner: v.strictObject({
    enabled: enabled('Run stored canary queries and record their results.'),
    interval_ms: ms('Milliseconds between canary runs.', 60_000, 1000),
    timeout_ms: ms('Timeout of one canary query; must be below interval_ms.', 5000),
  }),
  admin_ui: v.strictObject({
    enabled: enabled('Serve the operator web UI (requires admin.api_key).'),
    path: text('URL path of the admin UI.', '/_miroir/ui'),
    session_ttl_ms: ms('Lifetime of an admin UI session.', 28_800_000),
  }),
  explain: v.strictObject({
    enabled: enabled('Answer /_miroir/explain with the search plan of a query.'),
  }),
  search_ui: v.strictObject({
    enabled: enabled('Serve the hosted search UI backed by scoped keys.'),
    path: text('URL path of the search UI.', '/_miroir/search'),
    scoped_key_max_age_days: count('Lifetime of a scoped search key.', 30),
    scoped_key_rotate_before_expiry_days: count(
      'Rotate a scoped key this many days before it expires; must be below scoped_key_max_age_days.',
      7,
      0,
    ),
  }),
  peer_discovery: v.strictObject({
    mode: v.optional(
      described(v.picklist(['none', 'static', 'dns']), 'none (one pod), static list, or DNS SRV records.'),
      'none',
    ),
    static_peers: v.optional(described(v.array(v.string()), 'Peer pod addresses (mode static).'), []),
    dns_name: v.optional(
      described(v.pipe(v.string(), v.minLength(1)), 'Headless Service name to resolve (mode dns).'),
    ),
    refresh_interval_ms: ms('Milliseconds between peer list refreshes.', 10_000, 100),
  }),
  leader_election: v.strictObject({
    lease_ms: ms('Lease of a leader scope; a silent leader loses it after this.', 15_000, 100),
    renew_interval_ms: ms('How often the leader renews; must be below lease_ms.', 5000, 10),
  }),
};
