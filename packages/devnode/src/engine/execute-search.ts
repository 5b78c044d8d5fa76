import { meiliError } from '@miroir/errors';
import { buildHit } from './build-hit.js';
import { filterablePatterns, isFilterable } from './compile-filter.js';
import { keepDistinct, keepDistinctIds, rankDistinct } from './distinct-hits.js';
import type { SearchQuery, SearchResponse } from './engine-contract.js';
import { resolveFacetNames } from './facet-distribution.js';
import {
  computeFacetsById,
  type DistinctKeyTable,
  distinctKeyTable,
  type FacetCounts,
  facetsOfEveryDocument,
} from './facet-index.js';
import { matchesAttributePattern, maxAttributeWeight } from './field-paths.js';
import { compileIdFilter } from './id-filter.js';
import { compactStalePostings, type IndexState, type StoredDocument } from './index-state.js';
import { buildMatchers, findKeywordCandidates, type KeywordCandidate } from './keyword-candidates.js';
import { negatedDocuments, withoutNegated } from './negated-documents.js';
import { rankPlaceholderByInternalId } from './placeholder-id-order.js';
import { rankPlaceholderBySort } from './placeholder-sort.js';
import { type ParsedQuery, parseQuery } from './query-terms.js';
import { parseRankingRules } from './ranking-rules.js';
import { perRevision } from './revision-cache.js';
import { compareScored, type ScoredDocument, type ScoringContext, scoreDocument } from './score-document.js';
import { scratchUint8, withScratch } from './scratch-arrays.js';
import { selectTop } from './select-top.js';
import { assertSortable, parseSortCriterion, type SortCriterion } from './sort-criteria.js';
import {
  orderByPostings,
  type PostingOrder,
  type PostingSearch,
  passingByPostings,
  rankByPostings,
} from './staged-ranking.js';
import { rankAboveThreshold } from './threshold-prefix.js';
import { type RankedResult, runVectorSearch } from './vector-search.js';

function parseSort(query: SearchQuery, state: IndexState, hasSortRule: boolean): SortCriterion[] {
  const sort = query.sort ?? [];
  if (sort.length === 0) return [];
  const criteria = sort.map((s) => parseSortCriterion(s, 'invalid_search_sort'));
  if (!hasSortRule) {
    throw meiliError(
      'invalid_search_sort',
      'You must specify where `sort` is listed in the rankingRules setting to use the sort parameter at search time.',
    );
  }
  for (const criterion of criteria) assertSortable(criterion, state.settings.sortableAttributes);
  return criteria;
}

function checkSearchOn(query: SearchQuery, state: IndexState): readonly string[] | null {
  const on = query.attributesToSearchOn;
  if (on === null || on === undefined) return null;
  const searchable = state.settings.searchableAttributes;
  for (const attribute of on) {
    if (searchable.includes('*') || searchable.some((p) => matchesAttributePattern(attribute, p))) continue;
    throw meiliError(
      'invalid_search_attributes_to_search_on',
      `Attribute \`${attribute}\` is not searchable. Available searchable attributes are: \`${[...searchable].sort().join(', ')}\`.`,
    );
  }
  return on;
}

function resolveDistinct(query: SearchQuery, state: IndexState): string | null {
  if (query.distinct !== undefined && query.distinct !== null) {
    const patterns = filterablePatterns(state.settings.filterableAttributes);
    if (!isFilterable(query.distinct, patterns)) {
      throw meiliError(
        'invalid_search_distinct',
        patterns.length === 0
          ? `Attribute \`${query.distinct}\` is not filterable and thus, cannot be used as distinct attribute. This index does not have configured filterable attributes.`
          : `Attribute \`${query.distinct}\` is not filterable and thus, cannot be used as distinct attribute. Available filterable attributes patterns are: \`${[...new Set(patterns)].sort().join(', ')}\`.`,
      );
    }
    return query.distinct;
  }
  return state.settings.distinctAttribute;
}

/** Keyword ranking: every matching document best first, and how to compute a hit's full details. */
export interface KeywordRanking {
  readonly ranked: ScoredDocument[];
  /**
   * Further matches past `ranked`, by internal id only (unordered; staged ranking). Complete only up to
   * the `countUpTo` given to {@link rankKeyword}: past it, matches may be missing.
   */
  readonly tail?: ArrayLike<number>;
  readonly parsed: ParsedQuery;
  readonly withDetails: (hit: ScoredDocument) => ScoredDocument;
  /** Set when the distinct rule was applied (see {@link KeywordVariant.distinct}): `tail` lists the other kept documents. */
  readonly distinctApplied?: true;
}

/** How {@link rankKeyword} departs from the query for the rankings a score threshold is built from. */
export interface KeywordVariant {
  /** Rank by the relevancy rules alone (no sort, no custom rule: none of them counts in a score). */
  readonly relevancyOnly?: boolean;
  /** 1 for the documents left out whatever they match (null: none). */
  readonly outside?: Uint8Array | null;
  /**
   * Apply the distinct rule over the whole ranking when postings give its order (one-term queries): the
   * result then holds only kept documents (`distinctApplied`), `ranked` the first `needed` of them.
   */
  readonly distinct?: DistinctKeyTable;
}

/**
 * The keyword (full-text or placeholder) ranking of every matching document, best first. With `staged`,
 * only the first `needed` are ordered and scored, and matches need only be counted up to `countUpTo`.
 */
export function rankKeyword(
  state: IndexState,
  query: SearchQuery,
  needed?: number,
  staged = false,
  countUpTo = Number.POSITIVE_INFINITY,
  variant: KeywordVariant = {},
): KeywordRanking {
  const settings = state.settings;
  const allRules = parseRankingRules(settings.rankingRules);
  const rules = variant.relevancyOnly
    ? allRules.filter((rule) => rule.kind !== 'sort' && rule.kind !== 'custom')
    : allRules;
  const sort = parseSort(
    query,
    state,
    rules.some((r) => r.kind === 'sort'),
  );
  const filter = compileIdFilter(state, query.filter);
  const searchOn = checkSearchOn(query, state);
  const written = parseQuery(query.q ?? '', settings);
  // Negated words and phrases act as a filter: every ranking path below sees only the positive terms.
  const negated = negatedDocuments(state, written);
  const excluded = unionOfMarks(negated, variant.outside ?? null);
  const allows = excluded === null ? filter : withoutNegated(state, filter, excluded);
  const parsed: ParsedQuery =
    negated === null ? written : { ...written, negativeWords: [], negativePhrases: [] };
  const fidCount = state.fidPaths.length;
  const searched = new Uint8Array(fidCount);
  const typoAllowed = new Uint8Array(fidCount);
  const disabled = settings.typoTolerance.disableOnAttributes;
  for (let fid = 0; fid < fidCount; fid++) {
    const path = state.fidPaths[fid] as string;
    const on =
      (state.fidWeights[fid] ?? -1) >= 0 &&
      (searchOn === null || searchOn.some((p) => matchesAttributePattern(path, p)));
    searched[fid] = on ? 1 : 0;
    typoAllowed[fid] = disabled.some((p) => matchesAttributePattern(path, p)) ? 0 : 1;
  }
  const isSearched = (fid: number): boolean => searched[fid] === 1;
  const maxWeight = maxAttributeWeight(settings.searchableAttributes);
  const scoring: ScoringContext = {
    rules,
    sort,
    detailed: false,
    ruleInput:
      parsed.terms.length === 0
        ? null
        : (candidate: KeywordCandidate) => ({
            terms: candidate.terms,
            occurrences: candidate.occurrences,
            fidWeights: state.fidWeights,
            maxWeight,
            stored: state.documents.get(candidate.docId) as StoredDocument,
            wordId: (word: string) => state.words.lookup(word),
            isSearched,
            proximityByAttribute: settings.proximityPrecision === 'byAttribute',
          }),
  };
  const threshold = query.rankingScoreThreshold;
  const hasThreshold = threshold !== null && threshold !== undefined;
  let scored: ScoredDocument[] = [];
  const unsorted = sort.length === 0 && !rules.some((r) => r.kind === 'custom');
  // A threshold of 0 keeps every hit: it still scores them all (tests compare staged ranking with it).
  if (staged && needed !== undefined && hasThreshold && threshold > 0) {
    // The hits at or above the threshold lead the relevancy ranking (sort criteria and custom rules do not
    // count in a score): rank prefixes of it without the threshold.
    const unfiltered: SearchQuery = { ...query, rankingScoreThreshold: null };
    // One term: when the first prefix leaves it open, its postings tell which documents pass (below).
    const oneTerm = parsed.terms.length === 1;
    const longestPrefix = oneTerm ? Math.max(needed, 1) * 4 : Number.POSITIVE_INFINITY;
    // The ranking of the passing documents only: the others are left out like filtered ones.
    const rankPassing = (outside: Uint8Array): KeywordRanking =>
      rankKeyword(state, unfiltered, needed, true, countUpTo, { outside });
    if (unsorted) {
      const above = rankAboveThreshold(
        threshold,
        needed,
        countUpTo,
        (n) => rankKeyword(state, unfiltered, n, true),
        longestPrefix,
      );
      if (above !== null) return above;
    } else {
      // Sorted: every passing hit must be known, then only they are ranked with the sort.
      const relevancy: SearchQuery = { ...unfiltered, sort: null };
      const above = rankAboveThreshold(
        threshold,
        needed,
        Number.POSITIVE_INFINITY,
        (n) => rankKeyword(state, relevancy, n, true, Number.POSITIVE_INFINITY, { relevancyOnly: true }),
        longestPrefix,
      );
      if (above !== null) {
        const outside = scratchUint8(state.nextInternalId, 1);
        for (const hit of above.ranked) outside[hit.docId] = 0;
        return rankPassing(outside);
      }
    }
    const passing = oneTerm
      ? passingByPostings(
          {
            state,
            query: parsed,
            matchers: buildMatchers(state, parsed),
            switches: { searched, typoAllowed },
            allows,
            scoring: {
              ...scoring,
              rules: rules.filter((r) => r.kind !== 'sort' && r.kind !== 'custom'),
              sort: [],
            },
            maxWeight,
          },
          threshold,
        )
      : null;
    if (passing !== null) {
      const outside = scratchUint8(passing.length, 0);
      for (let id = 0; id < passing.length; id++) outside[id] = 1 - (passing[id] as number);
      return rankPassing(outside);
    }
  }
  if (parsed.terms.length === 0) {
    // A query made only of negations (`-word`) is a placeholder search without those documents.
    // Sorted with only the page needed: walk a presorted order instead of scoring every document.
    const bySort =
      staged && needed !== undefined && !hasThreshold && !unsorted
        ? rankPlaceholderBySort(state, scoring, allows, needed)
        : null;
    if (bySort !== null) {
      const detailedScoring: ScoringContext = { ...scoring, detailed: true };
      return {
        ranked: bySort.head,
        tail: bySort.tail,
        parsed,
        withDetails: detailsOf(state, detailedScoring),
      };
    }
    if (staged && needed !== undefined && !hasThreshold && unsorted) {
      const byId = rankPlaceholderByInternalId(state, allows, needed);
      const detailedScoring: ScoringContext = { ...scoring, detailed: true };
      return { ranked: byId.head, tail: byId.tail, parsed, withDetails: detailsOf(state, detailedScoring) };
    }
    for (const stored of state.documents.values()) {
      if (allows !== null && !allows.test(stored.internalId)) continue;
      // Without sort criteria every placeholder hit scores 1 with empty details: skip the scoring pass.
      scored.push(
        unsorted
          ? { docId: stored.internalId, details: {}, score: 1, keys: [], geoDistance: null, candidate: null }
          : scoreDocument(scoring, stored.doc, stored.internalId, null),
      );
    }
  } else {
    const strategy = query.matchingStrategy ?? 'last';
    const switches = { searched, typoAllowed };
    const matchers = buildMatchers(state, parsed);
    const search: PostingSearch = { state, query: parsed, matchers, switches, allows, scoring, maxWeight };
    const distinctRanking =
      variant.distinct !== undefined && staged && needed !== undefined && !hasThreshold
        ? distinctByPostings(variant.distinct, needed, () => orderByPostings(search))
        : null;
    if (distinctRanking !== null) {
      const detailedScoring: ScoringContext = { ...scoring, detailed: true };
      return {
        ...distinctRanking,
        parsed,
        withDetails: detailsOf(state, detailedScoring),
        distinctApplied: true,
      };
    }
    // Staged ranking leaves documents past the page unscored: only when nothing reads their scores.
    const head =
      staged && needed !== undefined && !hasThreshold
        ? rankByPostings(search, strategy, needed, countUpTo)
        : null;
    if (head !== null) {
      const detailedScoring: ScoringContext = { ...scoring, detailed: true };
      return { ranked: head.head, tail: head.tail, parsed, withDetails: detailsOf(state, detailedScoring) };
    }
    const candidates = findKeywordCandidates(state, parsed, strategy, switches, matchers);
    for (const candidate of candidates) {
      const stored = state.documents.get(candidate.docId) as StoredDocument;
      if (allows !== null && !allows.test(stored.internalId)) continue;
      scored.push(scoreDocument(scoring, stored.doc, stored.internalId, candidate));
    }
  }
  if (hasThreshold) scored = scored.filter((s) => s.score >= threshold);
  const kept = scored;
  // Only the first `needed` hits must be in order (the rest only count for totals and facets).
  if (needed === undefined) kept.sort(compareScored);
  else selectTop(kept, needed, compareScored);
  const detailedScoring: ScoringContext = { ...scoring, detailed: true };
  return { ranked: kept, parsed, withDetails: detailsOf(state, detailedScoring) };
}

/**
 * The distinct rule over every match in ranking order from postings: the first `needed` kept documents
 * scored, the other kept ones by id. Null when postings do not give the order.
 */
function distinctByPostings(
  table: DistinctKeyTable,
  needed: number,
  order: () => PostingOrder | null,
): { ranked: ScoredDocument[]; tail: Int32Array } | null {
  const whole = order();
  if (whole === null) return null;
  const kept = keepDistinctIds(table, whole.ids);
  const ranked: ScoredDocument[] = [];
  for (let i = 0; i < Math.min(needed, kept.length); i++) {
    const hit = whole.score(kept[i] as number);
    if (hit === null) return null;
    ranked.push(hit);
  }
  return { ranked, tail: kept.subarray(ranked.length) };
}

/** Documents marked (1) in either array; null when both are. */
function unionOfMarks(a: Uint8Array | null, b: Uint8Array | null): Uint8Array | null {
  if (a === null || b === null) return a ?? b;
  const union = scratchUint8(Math.max(a.length, b.length), 0);
  union.set(a);
  for (let id = 0; id < b.length; id++) union[id] = (union[id] as number) | (b[id] as number);
  return union;
}

/** Recompute a returned hit's score with `_rankingScoreDetails`. */
function detailsOf(state: IndexState, detailed: ScoringContext): (hit: ScoredDocument) => ScoredDocument {
  return (hit) =>
    scoreDocument(detailed, (state.documents.get(hit.docId) as StoredDocument).doc, hit.docId, hit.candidate);
}

/**
 * Run a search request against an index state.
 *
 * @example
 * ```ts
 * executeSearch(state, { q: 'batman', limit: 5 }, () => Date.now());
 * ```
 */
export function executeSearch(state: IndexState, query: SearchQuery, now: () => number): SearchResponse {
  // The ranking's per-document temporaries are reused from search to search (nothing of them is returned).
  return withScratch(() => searchWithScratch(state, query, now));
}

/** Every match of a search, its leading hits ranked: what a response and its facets are built from. */
interface RankedMatches {
  readonly vector: RankedResult;
  /** The leading hits in order (the distinct rule applied). */
  readonly ranked: readonly ScoredDocument[];
  /** The other matches by internal id (the distinct rule applied; complete with facets). */
  readonly tail: ArrayLike<number>;
  /** How many hits the distinct rule keeps, when counted without listing them all (null otherwise). */
  readonly distinctTotal: number | null;
}

/** Rank a search's matches; with `facetNames` every match is listed (facets count them all). */
function rankMatches(
  state: IndexState,
  query: SearchQuery,
  facetNames: readonly string[] | null,
): RankedMatches {
  const settings = state.settings;
  const distinct = resolveDistinct(query, state);
  const wanted = neededHits(query, settings.pagination.maxTotalHits);
  const keywordOnly = (query.hybrid ?? null) === null && (query.vector ?? null) === null;
  const distinctKeys = distinct === null ? null : distinctKeyTable(state, distinct);
  let distinctTotal: number | null = null;
  const keywordRanking = (q: SearchQuery): KeywordRanking => {
    if (distinctKeys !== null) {
      // A threshold needs every score: it ranks everything.
      const prefixes =
        keywordOnly && (q.rankingScoreThreshold ?? null) === null
          ? rankDistinct(distinctKeys, wanted, (n) => rankKeyword(state, q, n, true), facetNames !== null)
          : null;
      if (prefixes !== null) {
        distinctTotal = prefixes.total;
        return prefixes.ranking;
      }
      // Every match must be ordered: for one term, postings give the order without scoring them all.
      const whole =
        keywordOnly && (q.rankingScoreThreshold ?? null) === null
          ? rankKeyword(state, q, wanted, true, Number.POSITIVE_INFINITY, { distinct: distinctKeys })
          : null;
      if (whole?.distinctApplied === true) {
        distinctTotal = whole.ranked.length + (whole.tail?.length ?? 0);
        return whole;
      }
      return rankKeyword(state, q);
    }
    // Without facets only the count capped at maxTotalHits is shown: matches past it need not be found
    // (a hybrid search's union of both sides then holds at least as many).
    const countUpTo = facetNames === null ? settings.pagination.maxTotalHits : Number.POSITIVE_INFINITY;
    return rankKeyword(state, q, wanted, true, countUpTo);
  };
  // Distinct over a hybrid merge keeps hits in the merged order: then the whole merge is ordered.
  const vector = runVectorSearch(state, query, keywordRanking, distinct === null ? wanted : undefined);
  const ranked =
    distinctKeys === null || distinctTotal !== null
      ? vector.ranked
      : keepDistinct(distinctKeys, vector.ranked);
  const tail = vector.tail ?? [];
  return { vector, ranked, tail, distinctTotal };
}

/** The facets named by a query (`*` expands to every attribute seen), validated; null without facets. */
function facetNamesOf(state: IndexState, facets: readonly string[] | null | undefined): string[] | null {
  if (facets === null || facets === undefined) return null;
  return resolveFacetNames(facets, state.settings, facets.includes('*') ? knownPaths(state) : []);
}

function searchWithScratch(state: IndexState, query: SearchQuery, now: () => number): SearchResponse {
  const started = now();
  // Ranking from postings needs them exact: drop what writes since the last search left stale.
  compactStalePostings(state);
  const settings = state.settings;
  const facetNames = facetNamesOf(state, query.facets);
  const { vector, ranked, tail, distinctTotal } = rankMatches(state, query, facetNames);
  const parsed = vector.parsed;
  const total = distinctTotal ?? ranked.length + tail.length;
  const maxTotalHits = settings.pagination.maxTotalHits;
  const capped = Math.min(total, maxTotalHits);
  const pageMode = query.page !== undefined || query.hitsPerPage !== undefined;
  let offset: number;
  let limit: number;
  if (pageMode) {
    const hitsPerPage = query.hitsPerPage ?? 20;
    const page = query.page ?? 1;
    offset = page === 0 ? 0 : (page - 1) * hitsPerPage;
    limit = page === 0 ? 0 : hitsPerPage;
  } else {
    offset = query.offset ?? 0;
    limit = query.limit ?? 20;
  }
  const start = Math.min(offset, maxTotalHits);
  const end = Math.min(start + limit, maxTotalHits);
  const page = ranked.slice(start, end);
  // Ranking scored the page without details (its scores and geo distances are final): rebuild them only
  // when they are shown.
  const detailed = query.showRankingScoreDetails === true;
  const hits = page.map((hit) =>
    buildHit(
      state,
      state.documents.get(hit.docId) as StoredDocument,
      detailed ? vector.withDetails(hit) : hit,
      parsed.terms,
      query,
    ),
  );
  const response: SearchResponse = { hits, query: query.q ?? '', processingTimeMs: 0 };
  if (pageMode) {
    const hitsPerPage = query.hitsPerPage ?? 20;
    response.hitsPerPage = hitsPerPage;
    response.page = query.page ?? 1;
    response.totalPages = hitsPerPage === 0 ? 0 : Math.ceil(capped / hitsPerPage);
    response.totalHits = capped;
  } else {
    response.limit = query.limit ?? 20;
    response.offset = query.offset ?? 0;
    response.estimatedTotalHits = capped;
  }
  if (facetNames !== null) {
    const { facetDistribution, facetStats } =
      ranked.length + tail.length === state.documents.size
        ? // Every document matches (matches are distinct live documents): the facets are the whole index's.
          facetsOfEveryDocument(state, facetNames, settings)
        : computeFacetsById(state, matchIds(ranked, tail), facetNames, settings);
    response.facetDistribution = facetDistribution;
    response.facetStats = facetStats;
  }
  if (vector.semanticHitCount !== null)
    response.semanticHitCount = page.filter((h) => vector.semanticIds.has(h.docId)).length;
  response.processingTimeMs = Math.max(0, Math.round(now() - started));
  return response;
}

/**
 * Facet counts and stats over the documents matching any of `queries`: a federated search's
 * `facetsByIndex` counts every query on that index, each document once.
 *
 * @example
 * ```ts
 * facetsOfAnyMatch(state, [{ q: 'batman' }, { q: 'joker' }], ['genres']).facetDistribution.genres;
 * ```
 */
export function facetsOfAnyMatch(
  state: IndexState,
  queries: readonly SearchQuery[],
  facets: readonly string[],
): FacetCounts {
  return withScratch(() => {
    compactStalePostings(state);
    const facetNames = facetNamesOf(state, facets) ?? [];
    const matched = new Uint8Array(state.nextInternalId);
    for (const query of queries) {
      const { ranked, tail } = rankMatches(state, { ...query, facets: [...facets] }, facetNames);
      for (const hit of ranked) matched[hit.docId] = 1;
      for (let i = 0; i < tail.length; i++) matched[tail[i] as number] = 1;
    }
    const ids: number[] = [];
    for (let id = 0; id < matched.length; id++) if (matched[id] === 1) ids.push(id);
    return ids.length === state.documents.size
      ? facetsOfEveryDocument(state, facetNames, state.settings)
      : computeFacetsById(state, Int32Array.from(ids), facetNames, state.settings);
  });
}

/** The matches' internal ids, in any order (a facet value is displayed as its lowest holder's spelling). */
function matchIds(ranked: readonly ScoredDocument[], tail: ArrayLike<number>): Int32Array {
  const ids = new Int32Array(ranked.length + tail.length);
  for (let i = 0; i < ranked.length; i++) ids[i] = (ranked[i] as ScoredDocument).docId;
  ids.set(tail, ranked.length);
  return ids;
}

/** How many leading hits must be ordered to serve the requested page. */
function neededHits(query: SearchQuery, maxTotalHits: number): number {
  const pageMode = query.page !== undefined || query.hitsPerPage !== undefined;
  const end = pageMode
    ? (query.page ?? 1) * (query.hitsPerPage ?? 20)
    : (query.offset ?? 0) + (query.limit ?? 20);
  return Math.min(end, maxTotalHits);
}

/** Every attribute path seen in the documents (for `facets: ['*']`), sorted; kept until the next write. */
const knownPaths = perRevision((state: IndexState): string[] => {
  const paths = new Set<string>();
  const walk = (value: unknown, path: string): void => {
    if (Array.isArray(value)) {
      for (const v of value) walk(v, path);
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value as Record<string, unknown>))
        walk(v, path === '' ? k : `${path}.${k}`);
    } else if (path !== '') {
      paths.add(path);
    }
  };
  for (const stored of state.documents.values()) walk(stored.doc, '');
  return [...paths].sort();
});
