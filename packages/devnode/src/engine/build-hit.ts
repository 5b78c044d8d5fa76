import type { Document, SearchHit, SearchQuery } from './engine-contract.js';
import { pickAttributes } from './field-paths.js';
import { formatDocument, matchesPosition } from './format-hit.js';
import type { IndexState, StoredDocument } from './index-state.js';
import type { QueryTerm } from './query-terms.js';
import type { ScoredDocument } from './score-document.js';
import { vectorsView } from './vector-store.js';

/** Document fields visible in a hit: displayed ∩ attributesToRetrieve, `_vectors` only on request. */
export function visibleDocument(state: IndexState, stored: StoredDocument, query: SearchQuery): Document {
  let doc = pickAttributes(stored.doc, state.settings.displayedAttributes);
  if (query.attributesToRetrieve !== null && query.attributesToRetrieve !== undefined) {
    doc = pickAttributes(doc, query.attributesToRetrieve);
  }
  delete doc._vectors;
  if (query.retrieveVectors === true) doc._vectors = vectorsView(stored);
  return doc;
}

function expandPatterns(list: readonly string[] | null | undefined, displayed: readonly string[]): string[] {
  if (list === null || list === undefined) return [];
  return list.flatMap((p) => (p === '*' ? [...displayed] : [p]));
}

/**
 * Build one search hit: visible fields plus `_geoDistance`, `_formatted`, `_matchesPosition`,
 * `_rankingScore` and `_rankingScoreDetails` as requested.
 */
export function buildHit(
  state: IndexState,
  stored: StoredDocument,
  scored: ScoredDocument,
  terms: readonly QueryTerm[],
  query: SearchQuery,
): SearchHit {
  const hit: SearchHit = visibleDocument(state, stored, query);
  if (scored.geoDistance !== null) hit._geoDistance = Math.round(scored.geoDistance);
  const displayed = state.settings.displayedAttributes;
  const highlight = expandPatterns(query.attributesToHighlight, displayed);
  const defaultCrop = query.cropLength ?? 10;
  const crop = expandPatterns(query.attributesToCrop, displayed).map((entry) => {
    const colon = entry.lastIndexOf(':');
    const length = colon > 0 ? Number(entry.slice(colon + 1)) : Number.NaN;
    return Number.isInteger(length) && length >= 0
      ? { pattern: entry.slice(0, colon), length }
      : { pattern: entry, length: defaultCrop };
  });
  if (query.attributesToHighlight != null || query.attributesToCrop != null) {
    // _formatted holds the retrieved attributes plus the highlighted / cropped ones (all displayed).
    let source = pickAttributes(stored.doc, displayed);
    const retrieve = query.attributesToRetrieve;
    if (retrieve !== null && retrieve !== undefined) {
      source = pickAttributes(source, [...retrieve, ...highlight, ...crop.map((c) => c.pattern)]);
    }
    delete source._vectors;
    hit._formatted = formatDocument(source, terms, state.settings, {
      highlight,
      crop,
      preTag: query.highlightPreTag ?? '<em>',
      postTag: query.highlightPostTag ?? '</em>',
      cropMarker: query.cropMarker ?? '…',
      searchable: state.settings.searchableAttributes,
    });
  }
  if (query.showMatchesPosition === true) {
    hit._matchesPosition = matchesPosition(
      stored.doc,
      terms,
      state.settings,
      state.settings.searchableAttributes,
    );
  }
  if (query.showRankingScore === true) hit._rankingScore = scored.score;
  if (query.showRankingScoreDetails === true) hit._rankingScoreDetails = scored.details;
  return hit;
}
