import type { SearchRequest } from './types.js';

/**
 * Meilisearch's default `pagination.maxTotalHits`.
 *
 * @example
 * resolvePageWindow({ offset: 990, limit: 20 }, DEFAULT_MAX_TOTAL_HITS); // limit clamped to 10
 */
export const DEFAULT_MAX_TOTAL_HITS = 1000;

/**
 * The window of the global ranking a request asks for, clamped like a single Meilisearch node clamps it.
 *
 * @example
 * const window: PageWindow = resolvePageWindow({ page: 2, hitsPerPage: 10 }, 1000); // offset 10, limit 10
 */
export interface PageWindow {
  /** True when the request uses `page`/`hitsPerPage` (finite pagination). */
  isPageMode: boolean;
  /** First global position returned (after clamping to `maxTotalHits`). */
  offset: number;
  /** Number of hits returned at most (after clamping so that `offset + limit <= maxTotalHits`). */
  limit: number;
  /** The values echoed in the response, as the client sent them (defaults filled in). */
  echo: { offset: number; limit: number; page: number; hitsPerPage: number };
}

/**
 * Resolves a request's pagination like Meilisearch: `limit` 20 / `offset` 0 by default; page mode when
 * `page` or `hitsPerPage` is present (`page` 1 / `hitsPerPage` 20 by default, `page: 0` returns no hits);
 * `offset` and `limit` clamped so that `offset + limit <= maxTotalHits`.
 *
 * @example
 * resolvePageWindow({ page: 3, hitsPerPage: 10 }, 1000); // { isPageMode: true, offset: 20, limit: 10, … }
 */
export function resolvePageWindow(request: SearchRequest, maxTotalHits: number): PageWindow {
  const isPageMode = request.page != null || request.hitsPerPage != null;
  const echo = {
    offset: request.offset ?? 0,
    limit: request.limit ?? 20,
    page: request.page ?? 1,
    hitsPerPage: request.hitsPerPage ?? 20,
  };
  let offset: number;
  let limit: number;
  if (isPageMode) {
    offset = echo.page === 0 ? 0 : (echo.page - 1) * echo.hitsPerPage;
    limit = echo.page === 0 ? 0 : echo.hitsPerPage;
  } else {
    offset = echo.offset;
    limit = echo.limit;
  }
  offset = Math.min(offset, maxTotalHits);
  limit = Math.min(limit, maxTotalHits - offset);
  return { isPageMode, offset, limit, echo };
}

/**
 * The pagination fields of a response for `totalHits` matching documents: `limit, offset,
 * estimatedTotalHits` or `hitsPerPage, page, totalPages, totalHits`, totals capped at `maxTotalHits`.
 *
 * @example
 * describePagination(resolvePageWindow({ hitsPerPage: 10 }, 1000), 2500, 1000);
 * // { hitsPerPage: 10, page: 1, totalPages: 100, totalHits: 1000 }
 */
export function describePagination(
  window: PageWindow,
  totalHits: number,
  maxTotalHits: number,
): Record<string, number> {
  const total = Math.min(totalHits, maxTotalHits);
  if (!window.isPageMode) {
    return { limit: window.echo.limit, offset: window.echo.offset, estimatedTotalHits: total };
  }
  const { hitsPerPage, page } = window.echo;
  const totalPages = hitsPerPage === 0 ? 0 : Math.ceil(total / hitsPerPage);
  return { hitsPerPage, page, totalPages, totalHits: total };
}
