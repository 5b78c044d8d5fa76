/**
 * The contract between the devnode engine (`src/engine/**`: documents, settings, search) and the devnode
 * server (`src/server/**`: HTTP routes, task queue, keys, dumps, persistence). The engine is synchronous
 * and does no I/O; every method either returns a result or throws a `MeiliError` from `@miroir/errors`
 * (which the server turns into a failed task or an HTTP error).
 *
 * The engine side implements `SearchIndexEngine` via `createSearchIndex()` in `create-search-index.ts`.
 * Additive changes (new optional fields) are fine; renames need both sides.
 */

/** A stored document: any JSON object. */
export type Document = Record<string, unknown>;

/** A filter as Meilisearch accepts it: a string, or an array of strings / arrays of strings (OR groups). */
export type FilterInput = string | ReadonlyArray<string | ReadonlyArray<string>>;

export interface TypoToleranceSettings {
  enabled: boolean;
  minWordSizeForTypos: { oneTypo: number; twoTypos: number };
  disableOnWords: string[];
  disableOnAttributes: string[];
  disableOnNumbers: boolean;
}

export interface FacetingSettings {
  maxValuesPerFacet: number;
  sortFacetValuesBy: Record<string, 'alpha' | 'count'>;
}

export interface FilterableAttributeRule {
  attributePatterns: string[];
  features: {
    facetSearch: boolean;
    filter: { equality: boolean; comparison: boolean };
  };
}

export interface EmbedderSettings {
  source: 'userProvided' | string;
  dimensions?: number;
  [key: string]: unknown;
}

/** The full settings object with CE defaults filled in (GET /indexes/{uid}/settings). */
export interface IndexSettings {
  displayedAttributes: string[];
  searchableAttributes: string[];
  filterableAttributes: Array<string | FilterableAttributeRule>;
  sortableAttributes: string[];
  rankingRules: string[];
  stopWords: string[];
  nonSeparatorTokens: string[];
  separatorTokens: string[];
  dictionary: string[];
  synonyms: Record<string, string[]>;
  distinctAttribute: string | null;
  proximityPrecision: 'byWord' | 'byAttribute';
  typoTolerance: TypoToleranceSettings;
  faceting: FacetingSettings;
  pagination: { maxTotalHits: number };
  embedders: Record<string, EmbedderSettings>;
  searchCutoffMs: number | null;
  localizedAttributes: Array<{ attributePatterns: string[]; locales: string[] }> | null;
  facetSearch: boolean;
  prefixSearch: 'indexingTime' | 'disabled';
}

/** A validated search request (POST body shape, camelCase, as Meilisearch documents it). */
export interface SearchQuery {
  q?: string | null;
  offset?: number;
  limit?: number;
  page?: number;
  hitsPerPage?: number;
  filter?: FilterInput | null;
  facets?: string[] | null;
  sort?: string[] | null;
  distinct?: string | null;
  attributesToRetrieve?: string[] | null;
  attributesToHighlight?: string[] | null;
  highlightPreTag?: string;
  highlightPostTag?: string;
  attributesToCrop?: string[] | null;
  cropLength?: number;
  cropMarker?: string;
  showMatchesPosition?: boolean;
  showRankingScore?: boolean;
  showRankingScoreDetails?: boolean;
  rankingScoreThreshold?: number | null;
  matchingStrategy?: 'last' | 'all' | 'frequency';
  attributesToSearchOn?: string[] | null;
  vector?: number[] | null;
  hybrid?: { embedder: string; semanticRatio?: number } | null;
  retrieveVectors?: boolean;
  locales?: string[] | null;
}

/** A hit as returned to the client (document fields plus optional `_formatted`, `_rankingScore`, …). */
export type SearchHit = Document;

/** The single-index search response (either offset/limit or page/hitsPerPage pagination fields). */
export interface SearchResponse {
  hits: SearchHit[];
  query: string;
  processingTimeMs: number;
  limit?: number;
  offset?: number;
  estimatedTotalHits?: number;
  hitsPerPage?: number;
  page?: number;
  totalPages?: number;
  totalHits?: number;
  facetDistribution?: Record<string, Record<string, number>>;
  facetStats?: Record<string, { min: number; max: number }>;
  semanticHitCount?: number;
  [key: string]: unknown;
}

export interface FacetSearchQuery {
  facetName: string;
  facetQuery?: string | null;
  q?: string | null;
  filter?: FilterInput | null;
  matchingStrategy?: 'last' | 'all' | 'frequency';
  attributesToSearchOn?: string[] | null;
  exhaustiveFacetCount?: boolean;
}

export interface FacetSearchResponse {
  facetHits: Array<{ value: string; count: number }>;
  facetQuery: string | null;
  processingTimeMs: number;
}

export interface BrowseQuery {
  offset?: number;
  limit?: number;
  fields?: string[] | null;
  filter?: FilterInput | null;
  ids?: Array<string | number> | null;
  retrieveVectors?: boolean;
  /** Sort criteria (`field:asc`, `_geoPoint(lat, lng):desc`) over sortable attributes; null: insertion order. */
  sort?: string[] | null;
}

export interface BrowseResponse {
  results: Document[];
  offset: number;
  limit: number;
  total: number;
}

export interface IndexStatsView {
  numberOfDocuments: number;
  rawDocumentDbSize: number;
  avgDocumentSize: number;
  isIndexing: boolean;
  numberOfEmbeddings: number;
  numberOfEmbeddedDocuments: number;
  fieldDistribution: Record<string, number>;
}

/** How a batch of documents is written: replaced whole or merged into the stored ones. */
export interface AddDocumentsOptions {
  readonly mode: 'replace' | 'update';
  /** The `primaryKey` query parameter, if given. */
  readonly primaryKey?: string | null;
}

/** What a document addition reports in its task `details`. */
export interface AddDocumentsResult {
  receivedDocuments: number;
  indexedDocuments: number;
}

/**
 * A write being prepared a slice at a time (a document addition validated and tokenised, or every
 * document re-tokenised for new settings), so a node can keep answering meanwhile; the index changes
 * only at `commit`, all at once. No other write may reach the index in between.
 */
export interface StagedWrite<Result> {
  /**
   * Prepare about `count` more documents; true once all are ready. Throws the write's first error (a bad
   * id, `_geo` or `_vectors`), after which the index is still unchanged.
   */
  advance(count: number): boolean;
  /** Apply the whole write. Only once `advance` has returned true. */
  commit(): Result;
}

/** One index held by the engine. All writes are applied atomically: on a thrown error nothing changed. */
export interface SearchIndexEngine {
  readonly uid: string;
  /** Give the index another uid (an index swap or rename moves the index, documents and all). */
  rename(uid: string): void;
  readonly primaryKey: string | null;
  /** Set the primary key (index update). Throws `index_primary_key_already_exists` if documents exist. */
  setPrimaryKey(primaryKey: string): void;

  /**
   * Add or replace (`replace`) / add or update (`update`) documents. Infers the primary key from the first
   * document when none is set (Meilisearch rules) and validates every document id first: one bad
   * document fails the whole batch. Returns what goes into the task `details`.
   */
  addDocuments(documents: readonly Document[], options: AddDocumentsOptions): AddDocumentsResult;
  /** The same addition prepared in slices (see {@link StagedWrite}): the index answers as before until `commit`. */
  stageDocuments(
    documents: readonly Document[],
    options: AddDocumentsOptions,
  ): StagedWrite<AddDocumentsResult>;
  deleteDocuments(ids: Array<string | number>): { providedIds: number; deletedDocuments: number };
  deleteDocumentsByFilter(filter: FilterInput): { deletedDocuments: number; originalFilter: string };
  clearDocuments(): { deletedDocuments: number };

  getDocument(id: string | number, fields?: string[] | null, retrieveVectors?: boolean): Document;
  browseDocuments(query: BrowseQuery): BrowseResponse;
  /** Every stored document in internal id order (for dumps and persistence). */
  allDocuments(): Document[];

  getSettings(): IndexSettings;
  /** Apply a validated partial settings object (`null` on a key resets it to its default). */
  updateSettings(patch: Partial<Record<keyof IndexSettings, unknown>>): void;
  /**
   * The same update prepared in slices (see {@link StagedWrite}): when it changes how documents are
   * tokenised, they are re-tokenised beside the live index, which answers as before until `commit`.
   */
  stageSettings(patch: Partial<Record<keyof IndexSettings, unknown>>): StagedWrite<void>;

  search(query: SearchQuery): SearchResponse;
  /** Facets over the documents matching any of the queries (federated `facetsByIndex`), each counted once. */
  facetsOfAnyMatch(
    queries: readonly SearchQuery[],
    facets: readonly string[],
  ): Required<Pick<SearchResponse, 'facetDistribution' | 'facetStats'>>;
  facetSearch(query: FacetSearchQuery): FacetSearchResponse;
  stats(): IndexStatsView;
}
