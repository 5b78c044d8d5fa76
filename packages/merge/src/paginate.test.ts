import { describe, expect, it } from 'vitest';
import { describePagination, resolvePageWindow } from './paginate.js';

describe('resolvePageWindow / describePagination', () => {
  it.each([
    [{}, 1000, { isPageMode: false, offset: 0, limit: 20 }],
    [{ offset: 990, limit: 20 }, 1000, { isPageMode: false, offset: 990, limit: 10 }],
    [{ offset: 2000, limit: 20 }, 1000, { isPageMode: false, offset: 1000, limit: 0 }],
    [{ page: 3, hitsPerPage: 10 }, 1000, { isPageMode: true, offset: 20, limit: 10 }],
    [{ page: 0, hitsPerPage: 10 }, 1000, { isPageMode: true, offset: 0, limit: 0 }],
    [{ hitsPerPage: 7 }, 5, { isPageMode: true, offset: 0, limit: 5 }],
    [{ page: 2 }, 1000, { isPageMode: true, offset: 20, limit: 20 }],
  ])('%j with maxTotalHits %i', (request, max, expected) => {
    expect(resolvePageWindow(request, max)).toMatchObject(expected);
  });

  it('caps totals and recomputes totalPages', () => {
    expect(describePagination(resolvePageWindow({ offset: 5, limit: 3 }, 100), 250, 100)).toEqual({
      offset: 5,
      limit: 3,
      estimatedTotalHits: 100,
    });
    expect(describePagination(resolvePageWindow({ page: 2, hitsPerPage: 3 }, 100), 10, 100)).toEqual({
      page: 2,
      hitsPerPage: 3,
      totalPages: 4,
      totalHits: 10,
    });
    expect(describePagination(resolvePageWindow({ hitsPerPage: 0 }, 100), 10, 100).totalPages).toBe(0);
  });
});
