import { DEFAULT_MAX_TOTAL_HITS, resolvePageWindow } from './paginate.js';
import type { MergeSettings, SearchRequest, ShardRequestOptions, ShardRequestPlan } from './types.js';

const CUSTOM_RULE = /:(asc|desc)$/;
const DEFAULT_RANKING_RULES = [
  'words',
  'typo',
  'proximity',
  'attributeRank',
  'sort',
  'wordPosition',
  'exactness',
];
const RELEVANCY_RULES = new Set([
  'words',
  'typo',
  'proximity',
  'attribute',
  'attributeRank',
  'wordPosition',
  'exactness',
]);

/**
 * Plans the request to send to every node of the covering set (Vitess LIMIT push-down): the top
 * `offset + limit` hits at offset 0 (page mode: page 1 of `page × hitsPerPage`), times the over-fetch
 * factor for vector/hybrid searches, plus what merging needs: `showRankingScore`, and
 * `showRankingScoreDetails` when `sort` or custom `field:asc|desc` ranking rules decide the order, and
 * the distinct attribute when `attributesToRetrieve` would hide it. The plan remembers what was added so
 * that {@link mergeSearch} strips it.
 *
 * @example
 * shardRequest({ q: 'bat', offset: 40, limit: 10, sort: ['year:desc'] }, { rankingRules: ['words', 'sort'] });
 * // request: { q: 'bat', offset: 0, limit: 50, sort: ['year:desc'],
 * //            showRankingScore: true, showRankingScoreDetails: true }
 */
export function shardRequest(
  clientRequest: SearchRequest,
  indexSettings: MergeSettings,
  options: ShardRequestOptions = {},
): ShardRequestPlan {
  const maxTotalHits = indexSettings.pagination?.maxTotalHits ?? DEFAULT_MAX_TOTAL_HITS;
  const window = resolvePageWindow(clientRequest, maxTotalHits);
  const isVector = clientRequest.vector != null || clientRequest.hybrid != null;
  const factor = isVector ? Math.max(1, options.overFetchFactor ?? 1) : 1;
  const wanted = Math.ceil((window.offset + window.limit) * factor);

  const request: SearchRequest = { ...clientRequest };
  if (window.isPageMode) {
    delete request.offset;
    delete request.limit;
    request.page = 1;
    request.hitsPerPage = wanted;
  } else {
    request.offset = 0;
    request.limit = wanted;
  }

  const isRankingScoreAdded = clientRequest.showRankingScore !== true;
  request.showRankingScore = true;
  const isRankingScoreDetailsAdded =
    clientRequest.showRankingScoreDetails !== true && needsRankingDetails(clientRequest, indexSettings);
  if (isRankingScoreDetailsAdded) request.showRankingScoreDetails = true;

  const distinctAttribute = clientRequest.distinct ?? indexSettings.distinctAttribute ?? null;
  const addedAttributes: string[] = [];
  const retrieve = clientRequest.attributesToRetrieve;
  if (retrieve != null && !retrieve.includes('*')) {
    const needed = [
      ...(distinctAttribute === null ? [] : [distinctAttribute]),
      ...(options.requiredAttributes ?? []),
    ];
    for (const attribute of needed) {
      if (!retrieve.includes(attribute) && !addedAttributes.includes(attribute))
        addedAttributes.push(attribute);
    }
    if (addedAttributes.length > 0) request.attributesToRetrieve = [...retrieve, ...addedAttributes];
  }
  const formatted = [
    ...(clientRequest.attributesToHighlight ?? []),
    ...(clientRequest.attributesToCrop ?? []),
  ]
    // `attributesToCrop` entries may carry a length suffix (`overview:20`).
    .map((attribute) => attribute.replace(/:\d+$/, ''));
  const addedFormattedAttributes = formatted.includes('*')
    ? []
    : addedAttributes.filter((attribute) => !formatted.includes(attribute));
  const repeatedRules = findRepeatedRules(clientRequest.sort ?? [], indexSettings.rankingRules ?? []);
  return {
    request,
    addedAttributes,
    addedFormattedAttributes,
    isRankingScoreAdded,
    isRankingScoreDetailsAdded,
    repeatedRules,
    distinctAttribute,
  };
}

/** Sort expressions that are also custom ranking rules, in the order they first take effect. */
function findRepeatedRules(sort: readonly string[], rankingRules: readonly string[]): string[] {
  const names = sort.map((expression) => expression.replace(/\s+/g, ''));
  const repeated = rankingRules.filter((rule) => CUSTOM_RULE.test(rule) && names.includes(rule));
  if (repeated.length === 0) return repeated;
  const sortAt = rankingRules.indexOf('sort');
  const inSortOrder = names.filter((name) => repeated.includes(name));
  // Whichever block comes first in the ranking rules holds the first occurrence of each repeated name.
  const firstCustomAt = rankingRules.indexOf(repeated[0]!);
  return sortAt !== -1 && sortAt < firstCustomAt ? inSortOrder : repeated;
}

/**
 * `_rankingScore` alone reproduces the order of relevancy rules (it is their lexicographic encoding) and
 * of pure vector searches; `sort` values and custom rules are only visible in the details. The encoding
 * is only lexicographic across documents when every rule has the same maximum rank for all of them,
 * which holds when `words` comes first (documents in one `words` bucket match the same terms); with
 * another rule first (e.g. `typo` before `words`) the maxima differ and the details are needed.
 */
function needsRankingDetails(request: SearchRequest, settings: MergeSettings): boolean {
  if (request.sort != null && request.sort.length > 0) return true;
  // Hybrid: the details tell semantic hits (weighted by `semanticRatio`) from keyword hits.
  if (request.hybrid != null) return true;
  if (request.vector != null) return false;
  const rules = settings.rankingRules ?? DEFAULT_RANKING_RULES;
  if (rules.some((rule) => CUSTOM_RULE.test(rule))) return true;
  const isPlaceholder = (request.q ?? '').trim() === '';
  const firstRelevancy = rules.find((rule) => RELEVANCY_RULES.has(rule));
  return !isPlaceholder && firstRelevancy !== undefined && firstRelevancy !== 'words';
}
