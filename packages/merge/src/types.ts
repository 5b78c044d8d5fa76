/**
 * Meilisearch-shaped JSON types used by the merger. They are structural: any object that has the same
 * JSON shape as a Meilisearch request or response fits, so callers never need to import anything but
 * these names.
 */

/**
 * A hit or a document: any JSON object.
 *
 * @example
 * const hit: Hit = { id: 1, title: 'Batman', _rankingScore: 0.98 };
 */
export type Hit = Record<string, unknown>;

/**
 * A filter as Meilisearch accepts it.
 *
 * @example
 * const filter: SearchFilter = ['genre = action', ['year > 2000', 'year < 1990']];
 */
export type SearchFilter = string | ReadonlyArray<string | ReadonlyArray<string>>;

/**
 * A single-index search request (POST /indexes/{uid}/search body). Unknown keys are passed through.
 *
 * @example
 * const request: SearchRequest = { q: 'batman', sort: ['year:desc'], limit: 10 };
 */
export interface SearchRequest {
  q?: string | null;
  offset?: number;
  limit?: number;
  page?: number;
  hitsPerPage?: number;
  filter?: SearchFilter | null;
  facets?: string[] | null;
  sort?: string[] | null;
  distinct?: string | null;
  attributesToRetrieve?: string[] | null;
  attributesToHighlight?: string[] | null;
  attributesToCrop?: string[] | null;
  showMatchesPosition?: boolean;
  showRankingScore?: boolean;
  showRankingScoreDetails?: boolean;
  rankingScoreThreshold?: number | null;
  vector?: number[] | null;
  hybrid?: { embedder: string; semanticRatio?: number } | null;
  retrieveVectors?: boolean;
  [key: string]: unknown;
}

/**
 * Facet value → count, per facet name.
 *
 * @example
 * const distribution: FacetDistribution = { genre: { action: 10, drama: 3 } };
 */
export type FacetDistribution = Record<string, Record<string, number>>;

/**
 * Numeric facet bounds, per facet name.
 *
 * @example
 * const stats: FacetStats = { year: { min: 1989, max: 2022 } };
 */
export type FacetStats = Record<string, { min: number; max: number }>;

/**
 * A single-index search response, in either pagination mode.
 *
 * @example
 * const response: SearchResponse = { hits: [], query: 'batman', processingTimeMs: 1, limit: 20, offset: 0, estimatedTotalHits: 0 };
 */
export interface SearchResponse {
  hits: Hit[];
  query: string;
  processingTimeMs: number;
  limit?: number;
  offset?: number;
  estimatedTotalHits?: number;
  hitsPerPage?: number;
  page?: number;
  totalPages?: number;
  totalHits?: number;
  facetDistribution?: FacetDistribution;
  facetStats?: FacetStats;
  semanticHitCount?: number;
  [key: string]: unknown;
}

/**
 * The subset of an index's settings (GET /indexes/{uid}/settings) that merging depends on.
 *
 * @example
 * const settings: MergeSettings = { rankingRules: ['words', 'sort'], pagination: { maxTotalHits: 1000 } };
 */
export interface MergeSettings {
  rankingRules?: string[];
  distinctAttribute?: string | null;
  faceting?: { maxValuesPerFacet?: number; sortFacetValuesBy?: Record<string, 'alpha' | 'count'> };
  pagination?: { maxTotalHits?: number };
  /**
   * The index's primary key (index metadata rather than a setting). Federated search uses it to return a
   * document matched by several queries on the same index once.
   */
  primaryKey?: string | null;
}

/**
 * Options of {@link shardRequest} and {@link mergeSearch}.
 *
 * @example
 * shardRequest({ vector: [0.1, 0.2], hybrid: { embedder: 'default' } }, {}, { overFetchFactor: 2 });
 */
export interface ShardRequestOptions {
  /**
   * Multiplier applied to the per-node hit count of vector and hybrid searches (config
   * `vector_search.over_fetch_factor`, header `X-Miroir-Over-Fetch`). Default 1.
   */
  overFetchFactor?: number;
  /** Attributes the caller needs on every hit; added to a restricted `attributesToRetrieve`, then stripped. */
  requiredAttributes?: string[];
}

/**
 * What {@link shardRequest} returns: the node request plus what the merge added to it.
 *
 * @example
 * const { request, addedAttributes } = shardRequest({ q: 'batman' }, {});
 */
export interface ShardRequestPlan {
  /** The body to send to every node of the covering set. */
  request: SearchRequest;
  /** Hit fields added to `attributesToRetrieve` only for merging; stripped from every returned hit. */
  addedAttributes: string[];
  /**
   * The added attributes to strip from `_formatted` and `_matchesPosition`: those the client's
   * `attributesToHighlight`/`attributesToCrop` would not have put there anyway.
   */
  addedFormattedAttributes: string[];
  /** Whether `_rankingScore` must be stripped (the client did not ask for it). */
  isRankingScoreAdded: boolean;
  /** Whether `_rankingScoreDetails` must be stripped (the client did not ask for it). */
  isRankingScoreDetailsAdded: boolean;
  /**
   * `field:asc|desc` rules that are both a client `sort` and a custom ranking rule, in the order of their
   * first occurrence: their details entry is overwritten by the second one, see {@link extractRankingKey}.
   */
  repeatedRules: string[];
  /** The distinct attribute in force (request `distinct`, else the index setting), or null. */
  distinctAttribute: string | null;
}

/**
 * A facet-search response (POST /indexes/{uid}/facet-search).
 *
 * @example
 * const response: FacetSearchResponse = { facetHits: [{ value: 'action', count: 3 }], facetQuery: 'a', processingTimeMs: 0 };
 */
export interface FacetSearchResponse {
  facetHits: Array<{ value: string; count: number }>;
  facetQuery: string | null;
  processingTimeMs: number;
  [key: string]: unknown;
}

/**
 * A browse response (GET /indexes/{uid}/documents, POST …/documents/fetch).
 *
 * @example
 * const page: DocumentsResponse = { results: [{ id: 1 }], offset: 0, limit: 20, total: 1 };
 */
export interface DocumentsResponse {
  results: Hit[];
  offset: number;
  limit: number;
  total: number;
}

/**
 * Per-index statistics (GET /indexes/{uid}/stats).
 *
 * @example
 * const stats: IndexStats = { numberOfDocuments: 2, isIndexing: false, fieldDistribution: { id: 2 } };
 */
export interface IndexStats {
  numberOfDocuments: number;
  rawDocumentDbSize?: number;
  avgDocumentSize?: number;
  isIndexing: boolean;
  numberOfEmbeddings?: number;
  numberOfEmbeddedDocuments?: number;
  fieldDistribution: Record<string, number>;
  [key: string]: unknown;
}

/**
 * Global statistics (GET /stats).
 *
 * @example
 * const stats: GlobalStats = { databaseSize: 4096, lastUpdate: null, indexes: {} };
 */
export interface GlobalStats {
  databaseSize: number;
  usedDatabaseSize?: number;
  lastUpdate: string | null;
  indexes: Record<string, IndexStats>;
  [key: string]: unknown;
}
