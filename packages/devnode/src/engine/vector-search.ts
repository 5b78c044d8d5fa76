import { meiliError } from '@miroir/errors';
import { embedderVectors } from './embedder-vectors.js';
import type { SearchQuery } from './engine-contract.js';
import type { KeywordRanking } from './execute-search.js';
import { compileIdFilter } from './id-filter.js';
import type { IndexState } from './index-state.js';
import { type ParsedQuery, parseQuery } from './query-terms.js';
import type { ScoredDocument } from './score-document.js';
import { scratchFloat64, scratchInt32, scratchUint8 } from './scratch-arrays.js';
import { cosineSimilarity, similarityOf } from './vector-store.js';

/** Result of the keyword/semantic stage: ranked documents and which came from the vector side. */
export interface RankedResult {
  readonly ranked: ScoredDocument[];
  readonly parsed: ParsedQuery;
  /** null when the request was not a vector/hybrid search. */
  readonly semanticHitCount: number | null;
  readonly semanticIds: Set<number>;
  /** Further matches past `ranked`, by internal id only (unordered). */
  readonly tail?: ArrayLike<number>;
  /** Recompute a hit with its full `_rankingScoreDetails`. */
  readonly withDetails: (hit: ScoredDocument) => ScoredDocument;
}

/** The semantic side: its best hits in order, and the other documents with a vector, by id. */
interface SemanticRanking {
  readonly head: ScoredDocument[];
  readonly rest: Int32Array;
}

function semanticHit(docId: number, similarity: number): ScoredDocument {
  return {
    docId,
    details: { vectorSort: { order: 0, similarity } },
    score: similarity,
    keys: [similarity],
    geoDistance: null,
    candidate: null,
  };
}

/** Whether id `a` ranks before id `b`: higher similarity, then lower id. */
function ranksBefore(similarity: Float64Array, a: number, b: number): boolean {
  const sa = similarity[a] as number;
  const sb = similarity[b] as number;
  return sa > sb || (sa === sb && a < b);
}

/**
 * The `k` best of `ids` by similarity, best first (one comparison for most ids when `k` is small). Not
 * `selectTop`: it copies every rejected item twice, ~8 ms more per search at 100k vectors here.
 */
function bestIds(ids: Int32Array, similarity: Float64Array, k: number): number[] {
  if (k >= ids.length) return Array.from(ids).sort((a, b) => (ranksBefore(similarity, a, b) ? -1 : 1));
  const top: number[] = [];
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as number;
    if (top.length === k && !ranksBefore(similarity, id, top[k - 1] as number)) continue;
    let lo = 0;
    let hi = top.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ranksBefore(similarity, top[mid] as number, id)) lo = mid + 1;
      else hi = mid;
    }
    top.splice(lo, 0, id);
    if (top.length > k) top.pop();
  }
  return top;
}

/**
 * Every document with a vector for the embedder (and passing the filter and threshold), ranked by its best
 * vector's similarity: the first `needed` in order as hits, the others by id only.
 */
function semanticRanking(
  state: IndexState,
  query: SearchQuery,
  embedder: string,
  vector: readonly number[],
  needed: number,
): SemanticRanking {
  const allows = compileIdFilter(state, query.filter);
  const allowed = allows === null ? null : allows.bitmap(state.nextInternalId);
  const threshold = query.rankingScoreThreshold ?? null;
  const { owners, vectors, squaredNorms } = embedderVectors(state, embedder);
  let queryNorm = 0;
  for (const x of vector) queryNorm += x * x;
  // A document's similarity is its best vector's.
  const similarity = scratchFloat64(state.nextInternalId);
  const ids = scratchInt32(owners.length);
  let count = 0;
  for (let i = 0; i < owners.length; i++) {
    const id = owners[i] as number;
    if (allowed !== null && allowed[id] !== 1) continue;
    const v = vectors[i] as readonly number[];
    let s: number;
    if (v.length === vector.length) {
      let dot = 0;
      for (let j = 0; j < v.length; j++) dot += (vector[j] as number) * (v[j] as number);
      s = similarityOf(dot, queryNorm, squaredNorms[i] as number);
    } else {
      s = cosineSimilarity(vector, v);
    }
    if (count > 0 && ids[count - 1] === id) similarity[id] = Math.max(similarity[id] as number, s);
    else {
      similarity[id] = s;
      ids[count++] = id;
    }
  }
  if (threshold !== null) {
    let kept = 0;
    for (let i = 0; i < count; i++) {
      const id = ids[i] as number;
      if ((similarity[id] as number) >= threshold) ids[kept++] = id;
    }
    count = kept;
  }
  const listed = ids.subarray(0, count);
  const top = bestIds(listed, similarity, needed);
  const head = top.map((id) => semanticHit(id, similarity[id] as number));
  if (top.length === count) return { head, rest: new Int32Array(0) };
  const inHead = new Set(top);
  const rest = scratchInt32(count - top.length);
  let at = 0;
  for (let i = 0; i < count; i++) if (!inHead.has(listed[i] as number)) rest[at++] = listed[i] as number;
  return { head, rest };
}

/**
 * Merge the keyword and semantic rankings as Meilisearch does, by weighted score without re-sorting either
 * list: the keyword list keeps its own order (sort and custom rules, which the score leaves out), and so
 * does the semantic list. On equal weighted scores the semantic hit goes first; a document keeps its first
 * place. Only the first `needed` merged hits are ordered: each takes one entry of one side, or skips one
 * already taken from the other side, so neither side is read past its first `needed` (ordered) entries.
 * The other matches follow unordered (hits, then ids in `tail`): they count for totals and facets.
 */
function mergeHybrid(
  state: IndexState,
  keyword: KeywordRanking,
  semantic: SemanticRanking,
  ratio: number,
  needed: number,
): RankedResult {
  const keywordHits = keyword.ranked;
  const semanticHits = semantic.head;
  const taken = scratchUint8(state.nextInternalId, 0);
  const ranked: ScoredDocument[] = [];
  const semanticIds = new Set<number>();
  let k = 0;
  let v = 0;
  while (ranked.length < needed && (k < keywordHits.length || v < semanticHits.length)) {
    const keywordHit = keywordHits[k];
    const semanticHit = semanticHits[v];
    const takeSemantic =
      semanticHit !== undefined &&
      (keywordHit === undefined || semanticHit.score * ratio >= keywordHit.score * (1 - ratio));
    const hit = (takeSemantic ? semanticHit : keywordHit) as ScoredDocument;
    if (takeSemantic) v++;
    else k++;
    if (taken[hit.docId] === 1) continue;
    taken[hit.docId] = 1;
    ranked.push(hit);
    if (takeSemantic) semanticIds.add(hit.docId);
  }
  const addHits = (hits: readonly ScoredDocument[], from: number): void => {
    for (let i = from; i < hits.length; i++) {
      const hit = hits[i] as ScoredDocument;
      if (taken[hit.docId] === 1) continue;
      taken[hit.docId] = 1;
      ranked.push(hit);
    }
  };
  addHits(keywordHits, k);
  addHits(semanticHits, v);
  const others = [keyword.tail ?? [], semantic.rest];
  const tail = scratchInt32(others.reduce((sum, ids) => sum + ids.length, 0));
  let tailLength = 0;
  for (const ids of others) {
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i] as number;
      if (taken[id] === 1) continue;
      taken[id] = 1;
      tail[tailLength++] = id;
    }
  }
  return {
    ranked,
    tail: tail.subarray(0, tailLength),
    parsed: keyword.parsed,
    semanticHitCount: semanticIds.size,
    semanticIds,
    withDetails: (hit) => (semanticIds.has(hit.docId) ? hit : keyword.withDetails(hit)),
  };
}

/**
 * Run the keyword ranking, a pure vector ranking (`semanticRatio` 1) or a hybrid merge of both where each
 * side's score is weighted by `1 − semanticRatio` / `semanticRatio` and the best weighted entry wins. The
 * first `needed` hits are ordered (the keyword ranking must order at least as many); the other matches
 * follow unordered, as hits or as ids in `tail`.
 */
export function runVectorSearch(
  state: IndexState,
  query: SearchQuery,
  keyword: (query: SearchQuery) => KeywordRanking,
  needed = Number.POSITIVE_INFINITY,
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
  const semantic = semanticRanking(state, query, hybrid.embedder, vector, needed);
  if (ratio >= 1) {
    return {
      ranked: semantic.head,
      tail: semantic.rest,
      parsed: parseQuery(query.q ?? '', state.settings),
      semanticHitCount: semantic.head.length,
      semanticIds: new Set(semantic.head.map((s) => s.docId)),
      withDetails: identity,
    };
  }
  return mergeHybrid(state, keyword(query), semantic, ratio, needed);
}
