import type { DocumentsResponse, Hit } from './types.js';

/**
 * A browse request's pagination (GET /indexes/{uid}/documents `offset`/`limit`, default 0/20).
 *
 * @example
 * const page: DocumentsPage = { offset: 40, limit: 20 };
 */
export interface DocumentsPage {
  offset?: number;
  limit?: number;
}

const RESERVED_PREFIX = '_miroir_';

/**
 * Plans a browse. The global order is the concatenation of the nodes' own orders, in the order of the
 * covering set (node 0's documents, then node 1's, …): Meilisearch browses in internal-id order, which
 * a sharded system cannot reproduce, but concatenation is stable and, as long as the covering set and
 * the data do not change between calls, repeated paging is gap-free and duplicate-free. Without knowing
 * the nodes' totals yet, the window lies within every node's first `offset + limit` documents, so that
 * is what each node is asked for (one round trip; use {@link planDocumentsWindows} for a second, exact
 * round when totals are known).
 *
 * @example
 * documentsShardRequest({ offset: 40, limit: 20 }); // { offset: 0, limit: 60 }
 */
export function documentsShardRequest(page: DocumentsPage): { offset: number; limit: number } {
  return { offset: 0, limit: (page.offset ?? 0) + (page.limit ?? 20) };
}

/**
 * Given each node's total (in covering-set order), the exact `{offset, limit}` to ask each node for
 * (`limit: 0` for nodes outside the window), so a deep page costs only `limit` documents per node.
 *
 * @example
 * planDocumentsWindows({ offset: 8, limit: 5 }, [10, 10]); // [{ offset: 8, limit: 2 }, { offset: 0, limit: 3 }]
 */
export function planDocumentsWindows(
  page: DocumentsPage,
  totals: ReadonlyArray<number>,
): Array<{ offset: number; limit: number }> {
  let start = page.offset ?? 0;
  let remaining = page.limit ?? 20;
  return totals.map((total) => {
    const offset = Math.min(start, total);
    const limit = Math.min(remaining, total - offset);
    start -= offset;
    remaining -= limit;
    return { offset, limit };
  });
}

/**
 * Merges browse responses (in covering-set order) into one page of the concatenated global order. Each
 * response's `offset` says where its `results` start in that node's order, so both the one-round and the
 * two-round plans work. `total` is the sum of node totals; `_miroir_*` fields are stripped.
 *
 * @example
 * mergeDocuments({ offset: 1, limit: 2 }, [
 *   { results: [{ id: 1 }, { id: 2 }], offset: 0, limit: 3, total: 2 },
 *   { results: [{ id: 9 }], offset: 0, limit: 3, total: 1 },
 * ]);
 * // { results: [{ id: 2 }, { id: 9 }], offset: 1, limit: 2, total: 3 }
 */
export function mergeDocuments(
  page: DocumentsPage,
  nodeResponses: ReadonlyArray<DocumentsResponse>,
): DocumentsResponse {
  const offset = page.offset ?? 0;
  const limit = page.limit ?? 20;
  const results: Hit[] = [];
  let base = 0;
  for (const response of nodeResponses) {
    response.results.forEach((document, i) => {
      const position = base + response.offset + i;
      if (position >= offset && position < offset + limit) results.push(stripReserved(document));
    });
    base += response.total;
  }
  return { results, offset, limit, total: base };
}

function stripReserved(document: Hit): Hit {
  const out: Hit = {};
  for (const key in document) if (!key.startsWith(RESERVED_PREFIX)) out[key] = document[key];
  return out;
}
