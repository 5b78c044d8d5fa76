/** The Meilisearch version the devnode emulates: reported by `/version` and written into dumps. */
export const EMULATED_MEILISEARCH_VERSION = '1.37.0';
