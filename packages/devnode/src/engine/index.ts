export type { CreateSearchIndexInit, IndexSettingsInit } from './create-search-index.js';
export { createSearchIndex } from './create-search-index.js';
export { DEFAULT_RANKING_RULES, defaultSettings } from './default-settings.js';
export type {
  BrowseQuery,
  BrowseResponse,
  Document,
  EmbedderSettings,
  FacetingSettings,
  FacetSearchQuery,
  FacetSearchResponse,
  FilterableAttributeRule,
  FilterInput,
  IndexSettings,
  IndexStatsView,
  SearchHit,
  SearchIndexEngine,
  SearchQuery,
  SearchResponse,
  TypoToleranceSettings,
} from './engine-contract.js';
export type { Rank, RankingScoreDetails, RuleDetail } from './ranking-score.js';
export { compareRankingDetails, compareSortValues, globalScore } from './ranking-score.js';
export type { Token, TokenizerOptions } from './tokenize.js';
export { normalizeWord, tokenize } from './tokenize.js';
export { typoDistance } from './typo-distance.js';
export { validateFacetSearchQuery, validateSearchQuery } from './validate-search-query.js';
export { validateSettings } from './validate-settings.js';
