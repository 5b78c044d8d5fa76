export { createDistinctFilter } from './apply-distinct.js';
export type { RankingKey, RankingStep } from './compare-hits.js';
export { compareRankingKeys, extractRankingKey, extractSemanticKey, isSemanticHit } from './compare-hits.js';
export { kWayMerge } from './k-way-merge.js';
export type { DocumentsPage } from './merge-documents.js';
export { documentsShardRequest, mergeDocuments, planDocumentsWindows } from './merge-documents.js';
export { mergeFacetSearch } from './merge-facet-search.js';
export { mergeFacetStats } from './merge-facet-stats.js';
export type { FacetingOptions } from './merge-facets.js';
export { DEFAULT_MAX_VALUES_PER_FACET, mergeFacetDistributions } from './merge-facets.js';
export type { MergedHit, MergeHitsOptions } from './merge-hits.js';
export { mergeHits } from './merge-hits.js';
export type {
  Federation,
  MultiSearchQuery,
  MultiSearchRequest,
  MultiSearchResponse,
} from './merge-multi-search.js';
export { mergeMultiSearch, multiSearchShardRequest } from './merge-multi-search.js';
export { mergeSearch } from './merge-search.js';
export { mergeIndexStats, mergeStats } from './merge-stats.js';
export type { PageWindow } from './paginate.js';
export { DEFAULT_MAX_TOTAL_HITS, describePagination, resolvePageWindow } from './paginate.js';
export { shardRequest } from './shard-request.js';
export { stripHit } from './strip-hit.js';
export type {
  DocumentsResponse,
  FacetDistribution,
  FacetSearchResponse,
  FacetStats,
  GlobalStats,
  Hit,
  IndexStats,
  MergeSettings,
  SearchFilter,
  SearchRequest,
  SearchResponse,
  ShardRequestOptions,
  ShardRequestPlan,
} from './types.js';
