import { meiliError } from '@miroir/errors';
import type { SearchQuery } from './engine-contract.js';
import type { KeywordRanking } from './execute-search.js';
import { compileIdFilter } from './id-filter.js';
import type { IndexState } from './index-state.js';
import { type ParsedQuery, parseQuery } from './query-terms.js';
import type { ScoredDocument } from './score-document.js';
import { cosineSimilarity } from './vector-store.js';

/** Result of the keyword/semantic stage: ranked documents and which came from the vector side. */
export interface RankedResult {
  readonly ranked: ScoredDocument[];
  readonly parsed: ParsedQuery;
  /** null when the request was not a vector/hybrid search. */
  readonly semanticHitCount: number | null;
  readonly semanticIds: Set<number>;
  /** Recompute a hit with its full `_rankingScoreDetails`. */
  readonly withDetails: (hit: ScoredDocument) => ScoredDocument;
}

function semanticRanking(
  state: IndexState,
  query: SearchQuery,
  embedder: string,
  vector: readonly number[],
): ScoredDocument[] {
  const allows = compileIdFilter(state, query.filter);
  const out: ScoredDocument[] = [];
  for (const stored of state.documents.values()) {
    const vectors = stored.vectors.get(embedder);
    if (vectors === undefined || vectors.length === 0) continue;
    if (allows !== null && !allows.test(stored.internalId)) continue;
    let similarity = 0;
    for (const v of vectors) similarity = Math.max(similarity, cosineSimilarity(vector, v));
    out.push({
      docId: stored.internalId,
      details: { vectorSort: { order: 0, similarity } },
      score: similarity,
      keys: [similarity],
      geoDistance: null,
      candidate: null,
    });
  }
  const threshold = query.rankingScoreThreshold;
  const kept = threshold === null || threshold === undefined ? out : out.filter((s) => s.score >= threshold);
  kept.sort((a, b) => b.score - a.score || a.docId - b.docId);
  return kept;
}

/**
 * Run the keyword ranking, a pure vector ranking (`semanticRatio` 1) or a hybrid merge of both where each
 * side's score is weighted by `1 − semanticRatio` / `semanticRatio` and the best weighted entry wins.
 */
export function runVectorSearch(
  state: IndexState,
  query: SearchQuery,
  keyword: (query: SearchQuery) => KeywordRanking,
): RankedResult {
  const hybrid = query.hybrid ?? null;
  const vector = query.vector ?? null;
  if (hybrid === null && vector === null) {
    return { ...keyword(query), semanticHitCount: null, semanticIds: new Set() };
  }
  const identity = (hit: ScoredDocument): ScoredDocument => hit;
  if (hybrid === null) {
    throw meiliError(
      'missing_search_hybrid',
      'Passing `vector` as a parameter requires `hybrid.embedder` to be specified.',
    );
  }
  const embedder = state.settings.embedders[hybrid.embedder];
  if (embedder === undefined) {
    throw meiliError('invalid_search_embedder', `Cannot find embedder with name \`${hybrid.embedder}\`.`);
  }
  const ratio = hybrid.semanticRatio ?? 0.5;
  if (vector !== null && embedder.dimensions !== undefined && vector.length !== embedder.dimensions) {
    throw meiliError(
      'invalid_vector_dimensions',
      `Invalid vector dimensions: expected: \`${embedder.dimensions}\`, found: \`${vector.length}\`.`,
    );
  }
  if (vector === null) {
    if (ratio === 0) return { ...keyword(query), semanticHitCount: 0, semanticIds: new Set() };
    throw meiliError(
      'vector_embedding_error',
      'Error while generating embeddings: user error: attempt to embed the following text in a configuration where embeddings must be user provided.',
    );
  }
  const semantic = semanticRanking(state, query, hybrid.embedder, vector);
  if (ratio >= 1) {
    return {
      ranked: semantic,
      parsed: parseQuery(query.q ?? '', state.settings),
      semanticHitCount: semantic.length,
      semanticIds: new Set(semantic.map((s) => s.docId)),
      withDetails: identity,
    };
  }
  const keywordResult = keyword(query);
  // Meilisearch merges the two ranked lists by weighted score without re-sorting either one: the keyword
  // list keeps its own order (sort and custom rules, which the score leaves out), and so does the
  // semantic list. On equal weighted scores the semantic hit goes first; a document keeps its first place.
  const keywordHits = keywordResult.ranked;
  const seen = new Set<number>();
  const ranked: ScoredDocument[] = [];
  const semanticIds = new Set<number>();
  let k = 0;
  let v = 0;
  while (k < keywordHits.length || v < semantic.length) {
    const keywordHit = keywordHits[k];
    const semanticHit = semantic[v];
    const takeSemantic =
      semanticHit !== undefined &&
      (keywordHit === undefined || semanticHit.score * ratio >= keywordHit.score * (1 - ratio));
    const hit = takeSemantic ? semanticHit : keywordHit!;
    if (takeSemantic) v++;
    else k++;
    if (seen.has(hit.docId)) continue;
    seen.add(hit.docId);
    ranked.push(hit);
    if (takeSemantic) semanticIds.add(hit.docId);
  }
  return {
    ranked,
    parsed: keywordResult.parsed,
    semanticHitCount: semanticIds.size,
    semanticIds,
    withDetails: (hit) => (semanticIds.has(hit.docId) ? hit : keywordResult.withDetails(hit)),
  };
}
