import { type MeiliErrorCode, meiliError } from '@miroir/errors';
import { splitSortParameter } from './split-sort-parameter.js';

type Kind = 'string' | 'csv' | 'sort' | 'int' | 'float' | 'bool' | 'floats';

const PARAMS: Record<string, Kind> = {
  q: 'string',
  vector: 'floats',
  offset: 'int',
  limit: 'int',
  page: 'int',
  hitsPerPage: 'int',
  attributesToRetrieve: 'csv',
  retrieveVectors: 'bool',
  attributesToCrop: 'csv',
  cropLength: 'int',
  attributesToHighlight: 'csv',
  filter: 'string',
  sort: 'sort',
  distinct: 'string',
  showMatchesPosition: 'bool',
  showRankingScore: 'bool',
  showRankingScoreDetails: 'bool',
  rankingScoreThreshold: 'float',
  facets: 'csv',
  highlightPreTag: 'string',
  highlightPostTag: 'string',
  cropMarker: 'string',
  matchingStrategy: 'string',
  attributesToSearchOn: 'csv',
  hybridEmbedder: 'string',
  hybridSemanticRatio: 'float',
  locales: 'csv',
};

function codeFor(param: string): MeiliErrorCode {
  if (param === 'hybridEmbedder') return 'invalid_search_embedder';
  if (param === 'hybridSemanticRatio') return 'invalid_search_semantic_ratio';
  return `invalid_search_${param.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`)}` as MeiliErrorCode;
}

/**
 * Convert `GET /indexes/{uid}/search` query-string parameters into a POST-style body (comma lists,
 * numbers, booleans; `hybridEmbedder`/`hybridSemanticRatio` → `hybrid`), ready for `validateSearchQuery`.
 *
 * @example
 * ```ts
 * searchParamsToBody(new URLSearchParams('q=a&limit=5&facets=genre,year')); // { q: 'a', limit: 5, facets: ['genre', 'year'] }
 * ```
 */
export function searchParamsToBody(params: URLSearchParams): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [key, raw] of params) {
    const kind = PARAMS[key];
    if (kind === undefined) {
      throw meiliError(
        'bad_request',
        `Unknown parameter \`${key}\`: expected one of ${Object.keys(PARAMS)
          .map((p) => `\`${p}\``)
          .join(', ')}`,
      );
    }
    switch (kind) {
      case 'string':
        body[key] = raw;
        break;
      case 'sort':
        body[key] = splitSortParameter(raw);
        break;
      case 'csv':
        body[key] = raw
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s !== '');
        break;
      case 'int':
        if (!/^\d+$/.test(raw)) {
          throw meiliError(
            codeFor(key),
            `Invalid value in parameter \`${key}\`: could not parse \`${raw}\` as a positive integer`,
          );
        }
        body[key] = Number(raw);
        break;
      case 'float': {
        const n = Number(raw);
        if (raw.trim() === '' || Number.isNaN(n)) {
          throw meiliError(
            codeFor(key),
            `Invalid value in parameter \`${key}\`: could not parse \`${raw}\` as a float`,
          );
        }
        body[key] = n;
        break;
      }
      case 'floats':
        body[key] = raw.split(',').map((s) => {
          const n = Number(s);
          if (s.trim() === '' || Number.isNaN(n)) {
            throw meiliError(
              codeFor(key),
              `Invalid value in parameter \`${key}\`: could not parse \`${s}\` as a float`,
            );
          }
          return n;
        });
        break;
      case 'bool':
        if (raw !== 'true' && raw !== 'false') {
          throw meiliError(
            codeFor(key),
            `Invalid value in parameter \`${key}\`: could not parse \`${raw}\` as a boolean, expected either \`true\` or \`false\``,
          );
        }
        body[key] = raw === 'true';
        break;
    }
  }
  const embedder = body.hybridEmbedder;
  const ratio = body.hybridSemanticRatio;
  delete body.hybridEmbedder;
  delete body.hybridSemanticRatio;
  if (embedder !== undefined || ratio !== undefined) {
    body.hybrid = {
      ...(embedder !== undefined ? { embedder } : {}),
      ...(ratio !== undefined ? { semanticRatio: ratio } : {}),
    };
  }
  return body;
}
