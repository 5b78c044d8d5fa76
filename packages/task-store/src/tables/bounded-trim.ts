import type { RecordBackend, RecordTable } from '../record-backend.js';

/**
 * Enforces a row bound on a table without paying for a full trim on every write: the trim runs every
 * ⌈bound/100⌉ writes, so the table exceeds its bound by at most 1% between trims (exact for bounds
 * up to 100). On SQLite a trim walks the score index, which is why it is amortised.
 */
export function createBoundedTrim(
  backend: RecordBackend,
  table: RecordTable,
  bound: number,
): () => Promise<void> {
  const every = Math.max(1, Math.ceil(bound / 100));
  let writes = 0;
  return async () => {
    writes += 1;
    if (writes < every) return;
    writes = 0;
    await backend.trim(table, bound);
  };
}
