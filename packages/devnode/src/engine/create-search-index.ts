import { meiliError } from '@miroir/errors';
import { applySettingsPatch } from './apply-settings.js';
import { firstBrowsedBySort } from './browse-order.js';
import { compileFilter } from './compile-filter.js';
import { defaultSettings } from './default-settings.js';
import { documentsById } from './documents-by-id.js';
import type {
  BrowseQuery,
  BrowseResponse,
  Document,
  FilterInput,
  IndexSettings,
  SearchIndexEngine,
} from './engine-contract.js';
import { executeSearch, facetsOfAnyMatch } from './execute-search.js';
import { runFacetSearch } from './facet-search.js';
import { pickAttributes } from './field-paths.js';
import { compileIdFilter } from './id-filter.js';
import {
  createIndexState,
  dropAllDocuments,
  dropDocument,
  type IndexState,
  maybeCompact,
  type StoredDocument,
  unindexWords,
} from './index-state.js';
import { indexStats } from './index-stats.js';
import { normalizeDocumentId, primaryKeyConflict } from './primary-key.js';
import { assertSortable, parseSortCriterion } from './sort-criteria.js';
import { addDocumentsNow, stageDocuments } from './stage-documents.js';
import { stageSettings } from './stage-settings.js';
import { vectorsView } from './vector-store.js';

/**
 * Initial settings: like a settings update, each given key replaces the default, objects
 * (`typoTolerance`, `pagination`, `faceting`) field by field, and `null` or `undefined` keep the default.
 */
export type IndexSettingsInit = {
  readonly [K in keyof IndexSettings]?:
    | (IndexSettings[K] extends readonly unknown[]
        ? IndexSettings[K]
        : IndexSettings[K] extends object
          ? Partial<IndexSettings[K]>
          : IndexSettings[K])
    | null;
};

/** Options of {@link createSearchIndex}. */
export interface CreateSearchIndexInit {
  readonly uid: string;
  readonly primaryKey?: string | null;
  readonly settings?: IndexSettingsInit;
  /** Clock used for `processingTimeMs` (defaults to `Date.now`). */
  readonly now?: () => number;
}

function notFound(id: string): never {
  throw meiliError('document_not_found', `Document \`${id}\` not found.`);
}

function outputDocument(
  stored: StoredDocument,
  fields: readonly string[] | null | undefined,
  vectors: boolean,
): Document {
  let doc: Document = { ...stored.doc };
  delete doc._vectors;
  if (fields !== null && fields !== undefined) doc = pickAttributes(doc, fields);
  if (vectors) doc._vectors = vectorsView(stored);
  return doc;
}

/**
 * Create an in-memory Meilisearch-compatible index: documents, settings, search, facet search, stats.
 * Everything is synchronous; writes are atomic (a thrown `MeiliError` leaves the index unchanged).
 *
 * @example
 * ```ts
 * const index = createSearchIndex({ uid: 'movies' });
 * index.addDocuments([{ id: 1, title: 'Batman' }], { mode: 'replace' });
 * index.search({ q: 'batmn' }).hits; // [{ id: 1, title: 'Batman' }]
 * ```
 */
export function createSearchIndex(init: CreateSearchIndexInit): SearchIndexEngine {
  const now = init.now ?? Date.now;
  const state: IndexState = createIndexState(
    applySettingsPatch(defaultSettings(), init.settings ?? {}).settings,
  );
  let primaryKey: string | null = init.primaryKey ?? null;

  const remove = (internalId: number): void => {
    const stored = state.documents.get(internalId);
    if (stored === undefined) return;
    state.revision++;
    unindexWords(state, stored);
    dropDocument(state, internalId);
    state.byExternalId.delete(stored.externalId);
  };

  let uid = init.uid;
  const engine: SearchIndexEngine = {
    get uid() {
      return uid;
    },
    rename(newUid) {
      uid = newUid;
    },
    get primaryKey() {
      return primaryKey;
    },
    setPrimaryKey(key) {
      if (state.documents.size > 0 && primaryKey !== null && key !== primaryKey)
        primaryKeyConflict(primaryKey);
      primaryKey = key;
    },
    addDocuments(documents, options) {
      return addDocumentsNow(state, documents, options, primaryKey, (key) => {
        primaryKey = key;
      });
    },
    stageDocuments(documents, options) {
      return stageDocuments(state, documents, options, primaryKey, (key) => {
        primaryKey = key;
      });
    },
    deleteDocuments(ids) {
      let deleted = 0;
      for (const raw of ids) {
        const internalId = state.byExternalId.get(String(raw));
        if (internalId === undefined) continue;
        remove(internalId);
        deleted++;
      }
      maybeCompact(state);
      return { providedIds: ids.length, deletedDocuments: deleted };
    },
    deleteDocumentsByFilter(filter: FilterInput) {
      const predicate = compileFilter(filter, state.settings.filterableAttributes, 'invalid_document_filter');
      if (predicate === null)
        throw meiliError('invalid_document_filter', 'Sending an empty filter is forbidden.');
      const doomed = [...state.documents.values()].filter((s) => predicate(s.doc));
      for (const stored of doomed) remove(stored.internalId);
      maybeCompact(state);
      return { deletedDocuments: doomed.length, originalFilter: JSON.stringify(filter) };
    },
    clearDocuments() {
      const count = state.documents.size;
      state.revision++;
      dropAllDocuments(state);
      state.byExternalId.clear();
      state.words.clear();
      state.staleCount = 0;
      state.postingCount = 0;
      return { deletedDocuments: count };
    },
    getDocument(id, fields, retrieveVectors) {
      const key = typeof id === 'number' ? String(id) : id;
      const internalId = state.byExternalId.get(key);
      if (internalId === undefined) notFound(key);
      return outputDocument(
        state.documents.get(internalId) as StoredDocument,
        fields,
        retrieveVectors === true,
      );
    },
    browseDocuments(query: BrowseQuery): BrowseResponse {
      const offset = query.offset ?? 0;
      const limit = query.limit ?? 20;
      const allows = compileIdFilter(state, query.filter, 'invalid_document_filter');
      const byId = documentsById(state);
      // Internal-id order (insertion order): the requested ids when given, else every live document.
      let pool: number[] | null = null;
      if (query.ids !== null && query.ids !== undefined) {
        const wanted = new Set<number>();
        for (const id of query.ids) {
          const internalId = state.byExternalId.get(normalizeDocumentIdLoose(id));
          if (internalId !== undefined) wanted.add(internalId);
        }
        pool = [...wanted].sort((a, b) => a - b);
      }
      const criteria = (query.sort ?? []).map((expression) => {
        const criterion = parseSortCriterion(expression, 'invalid_document_sort');
        assertSortable(criterion, state.settings.sortableAttributes, 'invalid_document_sort');
        return criterion;
      });
      // With sort criteria every browsed document is marked, then the page is taken in their order.
      const browsed = criteria.length === 0 ? null : new Uint8Array(byId.length);
      let page: StoredDocument[] = [];
      let total = 0;
      const count = pool === null ? byId.length : pool.length;
      for (let i = 0; i < count; i++) {
        const id = pool === null ? i : (pool[i] as number);
        const stored = byId[id];
        if (stored === undefined || (allows !== null && !allows.test(id))) continue;
        if (browsed !== null) browsed[id] = 1;
        else if (total >= offset && page.length < limit) page.push(stored);
        total++;
      }
      if (browsed !== null && offset < total) {
        const first = firstBrowsedBySort(state, criteria, browsed, offset + limit);
        page = first.slice(offset).map((id) => byId[id] as StoredDocument);
      }
      const results = page.map((s) => outputDocument(s, query.fields, query.retrieveVectors === true));
      return { results, offset, limit, total };
    },
    allDocuments() {
      return [...state.documents.values()].sort((a, b) => a.internalId - b.internalId).map((s) => s.doc);
    },
    getSettings() {
      return structuredClone(state.settings);
    },
    updateSettings(patch) {
      const staged = stageSettings(state, patch);
      while (!staged.advance(Number.MAX_SAFE_INTEGER));
      staged.commit();
    },
    stageSettings: (patch) => stageSettings(state, patch),
    search: (query) => executeSearch(state, query, now),
    facetsOfAnyMatch: (queries, facets) => facetsOfAnyMatch(state, queries, facets),
    facetSearch: (query) => runFacetSearch(state, query, now),
    stats: () => indexStats(state),
  };
  return engine;
}

function normalizeDocumentIdLoose(id: string | number): string {
  try {
    return normalizeDocumentId(id);
  } catch {
    return String(id);
  }
}
