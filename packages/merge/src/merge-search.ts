import { isSemanticHit } from './compare-hits.js';
import { mergeFacetStats } from './merge-facet-stats.js';
import { mergeFacetDistributions } from './merge-facets.js';
import { mergeHits } from './merge-hits.js';
import { DEFAULT_MAX_TOTAL_HITS, describePagination, resolvePageWindow } from './paginate.js';
import { shardRequest } from './shard-request.js';
import { stripHit } from './strip-hit.js';
import type { MergeSettings, SearchRequest, SearchResponse, ShardRequestOptions } from './types.js';

/**
 * Merges the responses of the nodes of a covering set (each holding disjoint shards, each queried with
 * {@link shardRequest}) into the response one Meilisearch node holding every document would return:
 * hits in Meilisearch's lexicographic ranking order (k-way merge), `distinct` re-applied, the client's
 * page cut, totals summed and capped at `maxTotalHits`, facet counts summed then sorted and truncated
 * with the index's `faceting` settings, facet stats min/max, `processingTimeMs` the max, and every
 * field the client did not ask for stripped.
 *
 * Responses of failed nodes are simply left out by the caller (the proxy decides the policy).
 *
 * @example
 * const client = { q: 'batman', limit: 2 };
 * mergeSearch(client, [
 *   { hits: [{ id: 1, _rankingScore: 0.9 }], query: 'batman', processingTimeMs: 3, estimatedTotalHits: 1 },
 *   { hits: [{ id: 7, _rankingScore: 0.95 }], query: 'batman', processingTimeMs: 5, estimatedTotalHits: 1 },
 * ], {});
 * // { hits: [{ id: 7 }, { id: 1 }], query: 'batman', processingTimeMs: 5, limit: 2, offset: 0,
 * //   estimatedTotalHits: 2 }
 */
export function mergeSearch(
  clientRequest: SearchRequest,
  nodeResponses: ReadonlyArray<SearchResponse>,
  indexSettings: MergeSettings,
  options: ShardRequestOptions = {},
): SearchResponse {
  const plan = shardRequest(clientRequest, indexSettings, options);
  const maxTotalHits = indexSettings.pagination?.maxTotalHits ?? DEFAULT_MAX_TOTAL_HITS;
  const window = resolvePageWindow(clientRequest, maxTotalHits);

  const hasSort = clientRequest.sort != null && clientRequest.sort.length > 0;
  const isSemantic = (clientRequest.vector != null || clientRequest.hybrid != null) && !hasSort;
  const merged = mergeHits(
    nodeResponses.map((r) => r.hits),
    {
      offset: window.offset,
      limit: window.limit,
      distinctAttribute: plan.distinctAttribute,
      repeatedRules: nodeResponses.map(() => plan.repeatedRules),
      ...(isSemantic ? { semanticRatio: clientRequest.hybrid?.semanticRatio ?? 0.5 } : {}),
    },
  );

  let total = 0;
  let processingTimeMs = 0;
  let semanticHitCount: number | undefined;
  for (const response of nodeResponses) {
    total += response.estimatedTotalHits ?? response.totalHits ?? 0;
    processingTimeMs = Math.max(processingTimeMs, response.processingTimeMs ?? 0);
    if (typeof response.semanticHitCount === 'number') {
      semanticHitCount = (semanticHitCount ?? 0) + response.semanticHitCount;
    }
  }

  const result: SearchResponse = {
    hits: merged.map((m) => stripHit(m.hit, plan)),
    query: clientRequest.q ?? '',
    processingTimeMs,
    ...describePagination(window, total, maxTotalHits),
  };
  if (clientRequest.facets != null) {
    result.facetDistribution = mergeFacetDistributions(
      nodeResponses.map((r) => r.facetDistribution),
      indexSettings.faceting,
    );
    result.facetStats = mergeFacetStats(nodeResponses.map((r) => r.facetStats));
  }
  if (semanticHitCount !== undefined) {
    // Nodes count their over-fetched hits; with details the page's own semantic hits can be counted.
    const hasDetails = merged.every((m) => m.hit._rankingScoreDetails != null);
    result.semanticHitCount = hasDetails
      ? merged.filter((m) => isSemanticHit(m.hit)).length
      : semanticHitCount;
  }
  return result;
}
