/** The four error types Meilisearch reports. */
export type MeiliErrorType = 'invalid_request' | 'auth' | 'internal' | 'system';

/** What the catalog knows about one code. */
export interface MeiliErrorCodeInfo {
  readonly type: MeiliErrorType;
  readonly status: number;
}

const invalid = (status = 400): MeiliErrorCodeInfo => ({ type: 'invalid_request', status });
const auth = (status: number): MeiliErrorCodeInfo => ({ type: 'auth', status });
const system = (status: number): MeiliErrorCodeInfo => ({ type: 'system', status });
const internal = (status = 500): MeiliErrorCodeInfo => ({ type: 'internal', status });

// Search / facet-search / similar parameters that all map to invalid_request 400.
const SEARCH_PARAMS = [
  'q',
  'vector',
  'offset',
  'limit',
  'page',
  'hits_per_page',
  'attributes_to_retrieve',
  'retrieve_vectors',
  'attributes_to_crop',
  'crop_length',
  'attributes_to_highlight',
  'show_matches_position',
  'filter',
  'sort',
  'distinct',
  'facets',
  'highlight_pre_tag',
  'highlight_post_tag',
  'crop_marker',
  'matching_strategy',
  'ranking_score_threshold',
  'show_ranking_score',
  'show_ranking_score_details',
  'attributes_to_search_on',
  'hybrid_query',
  'embedder',
  'semantic_ratio',
  'locales',
  'use_network',
  'media',
  'personalize',
] as const;

const MULTI_SEARCH_PARAMS = [
  'weight',
  'remote',
  'facets_by_index',
  'merge_facets',
  'query_pagination',
  'query_facets',
  'query_ranking_rules',
  'facet_order',
  'federated',
  'federation_options',
  'max_values_per_facet',
  'query_personalize',
  'query_show_performance_details',
] as const;

const SETTINGS_PARAMS = [
  'displayed_attributes',
  'searchable_attributes',
  'filterable_attributes',
  'sortable_attributes',
  'ranking_rules',
  'stop_words',
  'non_separator_tokens',
  'separator_tokens',
  'dictionary',
  'synonyms',
  'distinct_attribute',
  'proximity_precision',
  'typo_tolerance',
  'faceting',
  'pagination',
  'embedders',
  'search_cutoff_ms',
  'localized_attributes',
  'facet_search',
  'prefix_search',
  'chat',
  'foreign_keys',
] as const;

const TASK_PARAMS = [
  'uids',
  'batch_uids',
  'canceled_by',
  'types',
  'statuses',
  'index_uids',
  'after_enqueued_at',
  'before_enqueued_at',
  'after_started_at',
  'before_started_at',
  'after_finished_at',
  'before_finished_at',
  'limit',
  'from',
  'reverse',
] as const;

const API_KEY_PARAMS = [
  'actions',
  'indexes',
  'expires_at',
  'description',
  'name',
  'uid',
  'offset',
  'limit',
] as const;

const DOCUMENT_PARAMS = [
  'fields',
  'filter',
  'sort',
  'limit',
  'offset',
  'ids',
  'retrieve_vectors',
  'csv_delimiter',
] as const;

// Keeps the literal code names in the type, so `MeiliErrorCode` lists every expanded code.
function expand<P extends string, N extends string>(
  prefix: P,
  names: readonly N[],
): Record<`${P}${N}`, MeiliErrorCodeInfo> {
  return Object.fromEntries(names.map((name) => [`${prefix}${name}`, invalid()])) as Record<
    `${P}${N}`,
    MeiliErrorCodeInfo
  >;
}

/**
 * The error catalog: every code Meilisearch can return, plus Miroir's own `miroir_*` codes, with its
 * error type and HTTP status. Mirrors the `make_error_codes!` table of `meilisearch-types/src/error.rs`.
 *
 * @example
 * ```ts
 * import { MEILI_ERROR_CODES } from '@miroir/errors';
 * MEILI_ERROR_CODES.index_not_found; // { type: 'invalid_request', status: 404 }
 * ```
 */
export const MEILI_ERROR_CODES = {
  // Generic request errors
  bad_request: invalid(),
  missing_payload: invalid(),
  malformed_payload: invalid(),
  payload_too_large: invalid(413),
  missing_content_type: invalid(415),
  invalid_content_type: invalid(415),
  invalid_state: internal(),
  not_found: invalid(404),
  unretrievable_document: internal(),
  bad_parameter: invalid(),
  feature_not_enabled: invalid(),
  requires_enterprise_edition: invalid(451),
  max_fields_limit_exceeded: invalid(),
  immutable_field: invalid(),
  // Indexes
  index_not_found: invalid(404),
  index_already_exists: invalid(409),
  index_creation_failed: internal(),
  index_primary_key_already_exists: invalid(),
  index_primary_key_multiple_candidates_found: invalid(),
  index_primary_key_no_candidate_found: invalid(),
  invalid_index_uid: invalid(),
  invalid_index_primary_key: invalid(),
  invalid_index_offset: invalid(),
  invalid_index_limit: invalid(),
  missing_index_uid: invalid(),
  invalid_swap_indexes: invalid(),
  invalid_swap_duplicate_index_found: invalid(),
  invalid_swap_rename: invalid(),
  missing_swap_indexes: invalid(),
  duplicate_index_found: invalid(),
  immutable_index_uid: invalid(),
  immutable_index_created_at: invalid(),
  immutable_index_updated_at: invalid(),
  // Documents
  document_not_found: invalid(404),
  missing_document_id: invalid(),
  invalid_document_id: invalid(),
  invalid_document_geo_field: invalid(),
  invalid_vector_dimensions: invalid(),
  invalid_vectors_type: invalid(),
  missing_document_filter: invalid(),
  missing_document_edition_function: invalid(),
  document_fields_limit_reached: invalid(),
  ...expand('invalid_document_', DOCUMENT_PARAMS),
  // Search
  ...expand('invalid_search_', SEARCH_PARAMS),
  invalid_search_facet_query: invalid(),
  invalid_facet_search_facet_name: invalid(),
  facet_search_disabled: invalid(),
  missing_facet_search_facet_name: invalid(),
  invalid_facet_search_query: invalid(),
  invalid_multi_search_facets: invalid(),
  invalid_multi_search_query_position: invalid(),
  invalid_facet_search_facet_query: invalid(),
  invalid_facet_search_name: invalid(),
  invalid_facet_search_exhaustive_facet_count: invalid(),
  invalid_similar_id: invalid(),
  not_found_similar_id: invalid(),
  invalid_similar_filter: invalid(),
  invalid_similar_embedder: invalid(),
  invalid_similar_offset: invalid(),
  invalid_similar_limit: invalid(),
  invalid_similar_attributes_to_retrieve: invalid(),
  invalid_similar_retrieve_vectors: invalid(),
  invalid_similar_show_ranking_score: invalid(),
  invalid_similar_show_ranking_score_details: invalid(),
  invalid_similar_ranking_score_threshold: invalid(),
  vector_embedding_error: invalid(),
  invalid_embedder: invalid(),
  too_many_vectors: invalid(),
  ...expand('invalid_multi_search_', MULTI_SEARCH_PARAMS),
  missing_search_hybrid: invalid(),
  too_many_search_requests: system(503),
  // Settings
  ...expand('invalid_settings_', SETTINGS_PARAMS),
  // Tasks / batches
  ...expand('invalid_task_', TASK_PARAMS),
  ...expand('invalid_batch_', TASK_PARAMS),
  missing_task_filters: invalid(),
  task_not_found: invalid(404),
  batch_not_found: invalid(404),
  task_file_not_found: invalid(404),
  // Keys and auth
  missing_authorization_header: auth(401),
  missing_master_key: auth(401),
  invalid_api_key: auth(403),
  api_key_not_found: invalid(404),
  api_key_already_exists: invalid(409),
  missing_api_key_actions: invalid(),
  missing_api_key_indexes: invalid(),
  missing_api_key_expires_at: invalid(),
  ...expand('invalid_api_key_', API_KEY_PARAMS),
  immutable_api_key_actions: invalid(),
  immutable_api_key_indexes: invalid(),
  immutable_api_key_expires_at: invalid(),
  immutable_api_key_created_at: invalid(),
  immutable_api_key_updated_at: invalid(),
  immutable_api_key_uid: invalid(),
  immutable_api_key_key: invalid(),
  // Dumps / snapshots / system
  dump_already_processing: invalid(409),
  dump_process_failed: internal(),
  dump_not_found: invalid(404),
  invalid_dump_file: invalid(),
  snapshot_already_processing: invalid(409),
  database_size_limit_reached: internal(),
  no_space_left_on_device: system(422),
  io_error: system(422),
  too_many_open_files: system(422),
  internal: internal(),
  invalid_store_file: internal(),
  unretrievable_error_code: internal(),
  unsupported_media_type: invalid(415),
  // Network / remotes
  remote_bad_response: system(502),
  remote_could_not_send_request: system(502),
  remote_remote_error: system(502),
  remote_timeout: system(502),
  remote_bad_request: invalid(),
  remote_invalid_api_key: auth(403),
  not_leader: invalid(),
  network_version_mismatch: invalid(412),
  // Miroir's own codes
  miroir_primary_key_required: invalid(),
  miroir_reserved_field: invalid(),
  miroir_no_quorum: system(503),
  miroir_shard_unavailable: system(503),
  miroir_idempotency_key_reused: invalid(409),
  miroir_invalid_auth: auth(401),
  miroir_invalid_config: invalid(),
  miroir_node_unreachable: system(502),
  miroir_topology_change_in_progress: system(503),
  miroir_settings_divergence: system(503),
  miroir_alias_conflict: invalid(409),
  miroir_rate_limited: invalid(429),
  miroir_not_leader: system(503),
} as const satisfies Record<string, MeiliErrorCodeInfo>;

/** Every code the catalog knows. */
export type MeiliErrorCode = keyof typeof MEILI_ERROR_CODES;

/**
 * Whether `code` is in the catalog.
 *
 * @example
 * ```ts
 * isMeiliErrorCode('index_not_found'); // true
 * ```
 */
export function isMeiliErrorCode(code: string): code is MeiliErrorCode {
  return Object.hasOwn(MEILI_ERROR_CODES, code);
}
