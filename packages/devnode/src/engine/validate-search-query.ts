import { type MeiliErrorCode, meiliError } from '@miroir/errors';
import {
  expectPositiveInteger,
  expectStringArray,
  isPlainObject,
  typeError,
  unknownField,
} from './describe-value.js';
import type { FacetSearchQuery, FilterInput, SearchQuery } from './engine-contract.js';

const SEARCH_FIELDS = [
  'q',
  'vector',
  'hybrid',
  'offset',
  'limit',
  'page',
  'hitsPerPage',
  'attributesToRetrieve',
  'retrieveVectors',
  'attributesToCrop',
  'cropLength',
  'attributesToHighlight',
  'showMatchesPosition',
  'showRankingScore',
  'showRankingScoreDetails',
  'filter',
  'sort',
  'distinct',
  'facets',
  'highlightPreTag',
  'highlightPostTag',
  'cropMarker',
  'matchingStrategy',
  'attributesToSearchOn',
  'rankingScoreThreshold',
  'locales',
] as const;

const FACET_SEARCH_FIELDS = [
  'facetQuery',
  'facetName',
  'q',
  'vector',
  'hybrid',
  'filter',
  'matchingStrategy',
  'attributesToSearchOn',
  'rankingScoreThreshold',
  'locales',
  'exhaustiveFacetCount',
] as const;

const CODES: Record<string, MeiliErrorCode> = {
  q: 'invalid_search_q',
  vector: 'invalid_search_vector',
  hybrid: 'invalid_search_hybrid_query',
  offset: 'invalid_search_offset',
  limit: 'invalid_search_limit',
  page: 'invalid_search_page',
  hitsPerPage: 'invalid_search_hits_per_page',
  attributesToRetrieve: 'invalid_search_attributes_to_retrieve',
  retrieveVectors: 'invalid_search_retrieve_vectors',
  attributesToCrop: 'invalid_search_attributes_to_crop',
  cropLength: 'invalid_search_crop_length',
  attributesToHighlight: 'invalid_search_attributes_to_highlight',
  showMatchesPosition: 'invalid_search_show_matches_position',
  showRankingScore: 'invalid_search_show_ranking_score',
  showRankingScoreDetails: 'invalid_search_show_ranking_score_details',
  filter: 'invalid_search_filter',
  sort: 'invalid_search_sort',
  distinct: 'invalid_search_distinct',
  facets: 'invalid_search_facets',
  highlightPreTag: 'invalid_search_highlight_pre_tag',
  highlightPostTag: 'invalid_search_highlight_post_tag',
  cropMarker: 'invalid_search_crop_marker',
  matchingStrategy: 'invalid_search_matching_strategy',
  attributesToSearchOn: 'invalid_search_attributes_to_search_on',
  rankingScoreThreshold: 'invalid_search_ranking_score_threshold',
  locales: 'invalid_search_locales',
  facetQuery: 'invalid_facet_search_query',
  facetName: 'invalid_facet_search_facet_name',
  exhaustiveFacetCount: 'invalid_facet_search_exhaustive_facet_count',
};

function codeOf(field: string): MeiliErrorCode {
  return CODES[field] ?? 'bad_request';
}

function validateFilter(value: unknown): FilterInput | null {
  if (value === null) return null;
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    for (const item of value) {
      if (typeof item === 'string') continue;
      if (Array.isArray(item) && item.every((inner) => typeof inner === 'string')) continue;
      throw meiliError(
        'invalid_search_filter',
        `Invalid syntax for the filter parameter: \`expected String, Array, found: ${JSON.stringify(item)}\`.`,
      );
    }
    return value as FilterInput;
  }
  throw meiliError(
    'invalid_search_filter',
    `Invalid syntax for the filter parameter: \`expected String, Array, found: ${JSON.stringify(value)}\`.`,
  );
}

function validateHybrid(value: unknown): SearchQuery['hybrid'] {
  if (value === null) return null;
  if (!isPlainObject(value)) typeError('invalid_search_hybrid_query', '.hybrid', 'an object', value);
  for (const key of Object.keys(value)) {
    if (key !== 'embedder' && key !== 'semanticRatio') {
      unknownField(key, ['semanticRatio', 'embedder'], 'invalid_search_hybrid_query');
    }
  }
  const embedder = value.embedder;
  if (embedder === undefined) {
    throw meiliError('invalid_search_hybrid_query', 'Missing field `embedder` inside `.hybrid`');
  }
  if (typeof embedder !== 'string')
    typeError('invalid_search_embedder', '.hybrid.embedder', 'a string', embedder);
  const ratio = value.semanticRatio;
  if (ratio !== undefined) {
    if (typeof ratio !== 'number' || ratio < 0 || ratio > 1) {
      throw meiliError(
        'invalid_search_semantic_ratio',
        'Invalid value at `.hybrid.semanticRatio`: the value of `semanticRatio` is invalid, expected a float between `0.0` and `1.0`.',
      );
    }
    return { embedder, semanticRatio: ratio };
  }
  return { embedder };
}

function validateField(field: string, value: unknown, out: Record<string, unknown>): void {
  const code = codeOf(field);
  const path = `.${field}`;
  switch (field) {
    case 'q':
    case 'distinct':
    case 'facetQuery':
      if (value !== null && typeof value !== 'string') typeError(code, path, 'a string', value);
      out[field] = value;
      return;
    case 'facetName':
    case 'highlightPreTag':
    case 'highlightPostTag':
    case 'cropMarker':
      if (typeof value !== 'string') typeError(code, path, 'a string', value);
      out[field] = value;
      return;
    case 'offset':
    case 'limit':
    case 'page':
    case 'hitsPerPage':
    case 'cropLength':
      out[field] = expectPositiveInteger(code, path, value);
      return;
    case 'retrieveVectors':
    case 'showMatchesPosition':
    case 'showRankingScore':
    case 'showRankingScoreDetails':
    case 'exhaustiveFacetCount':
      if (typeof value !== 'boolean') typeError(code, path, 'a boolean', value);
      out[field] = value;
      return;
    case 'attributesToRetrieve':
    case 'attributesToCrop':
    case 'attributesToHighlight':
    case 'facets':
    case 'sort':
    case 'attributesToSearchOn':
    case 'locales':
      out[field] = value === null ? null : expectStringArray(code, path, value);
      return;
    case 'filter':
      out[field] = validateFilter(value);
      return;
    case 'matchingStrategy':
      if (value !== 'last' && value !== 'all' && value !== 'frequency') {
        if (typeof value !== 'string') typeError(code, path, 'a string', value);
        throw meiliError(
          code,
          `Unknown value \`${value}\` at \`.matchingStrategy\`: expected one of \`last\`, \`all\`, \`frequency\``,
        );
      }
      out[field] = value;
      return;
    case 'rankingScoreThreshold':
      if (value === null) {
        out[field] = null;
        return;
      }
      if (typeof value !== 'number') typeError(code, path, 'a number', value);
      if (value < 0 || value > 1) {
        throw meiliError(
          code,
          'Invalid value at `.rankingScoreThreshold`: the value of `rankingScoreThreshold` is invalid, expected a float between `0.0` and `1.0`.',
        );
      }
      out[field] = value;
      return;
    case 'vector':
      if (value === null) {
        out[field] = null;
        return;
      }
      if (!Array.isArray(value)) typeError(code, path, 'an array', value);
      value.forEach((v, i) => {
        if (typeof v !== 'number') typeError(code, `${path}[${i}]`, 'a number', v);
      });
      out[field] = value;
      return;
    case 'hybrid':
      out[field] = validateHybrid(value);
      return;
  }
}

function validateBody(body: unknown, fields: readonly string[]): Record<string, unknown> {
  if (body === null || body === undefined) return {};
  if (!isPlainObject(body)) typeError('bad_request', '', 'an object', body);
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(body)) {
    if (!fields.includes(field)) unknownField(field, fields);
    if (value === undefined) continue;
    validateField(field, value, out);
  }
  return out;
}

/**
 * Validate a search request body (POST shape; the server converts GET parameters to it first).
 * Throws `bad_request` for unknown fields and `invalid_search_*` for bad values.
 *
 * @example
 * ```ts
 * validateSearchQuery({ q: 'batman', limit: 5 }); // { q: 'batman', limit: 5 }
 * validateSearchQuery({ limit: -1 }); // throws invalid_search_limit
 * ```
 */
export function validateSearchQuery(body: unknown): SearchQuery {
  return validateBody(body, SEARCH_FIELDS) as SearchQuery;
}

/**
 * Validate a facet-search request body. `facetName` is required.
 *
 * @example
 * ```ts
 * validateFacetSearchQuery({ facetName: 'genre', facetQuery: 'act' });
 * ```
 */
export function validateFacetSearchQuery(body: unknown): FacetSearchQuery {
  const out = validateBody(body, FACET_SEARCH_FIELDS);
  if (out.facetName === undefined) {
    throw meiliError('missing_facet_search_facet_name', 'Missing field `facetName`');
  }
  return out as unknown as FacetSearchQuery;
}
