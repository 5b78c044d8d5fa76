export { createDevnodeApp } from './app.js';
export type {
  BrowseQuery,
  BrowseResponse,
  CreateSearchIndexInit,
  Document,
  EmbedderSettings,
  FacetingSettings,
  FacetSearchQuery,
  FacetSearchResponse,
  FilterableAttributeRule,
  FilterInput,
  IndexSettings,
  IndexSettingsInit,
  IndexStatsView,
  SearchHit,
  SearchIndexEngine,
  SearchQuery,
  SearchResponse,
  TypoToleranceSettings,
} from './engine/index.js';
export {
  createSearchIndex,
  defaultSettings,
  validateFacetSearchQuery,
  validateSearchQuery,
  validateSettings,
} from './engine/index.js';
export type { DevnodeEnv } from './middleware/auth/index.js';
export type { FaultConfig } from './middleware/faults/fault-controller.js';
export { FaultController } from './middleware/faults/fault-controller.js';
export type { ParsedArgs } from './parse-devnode-args.js';
export { parseByteSize, parseDevnodeArgs } from './parse-devnode-args.js';
export type { DevnodeDeps } from './routes/deps.js';
export type { RunningDevnode, StartDevnodeOptions } from './start-devnode.js';
export { EMULATED_MEILISEARCH_VERSION, startDevnode } from './start-devnode.js';
export { DEFAULT_ADMIN_KEY_UID, DEFAULT_SEARCH_KEY_UID, deriveApiKey } from './state/api-key-store.js';
export type { DevnodeState, DevnodeStateOptions } from './state/devnode-state.js';
export { createDevnodeState } from './state/devnode-state.js';
