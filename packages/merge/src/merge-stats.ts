import type { GlobalStats, IndexStats } from './types.js';

const RESERVED_PREFIX = '_miroir_';

/**
 * Merges one index's stats from the nodes of a covering set (one copy of each shard): document and
 * embedding counts and sizes summed, `avgDocumentSize` recomputed, `fieldDistribution` summed without
 * `_miroir_*` fields, `isIndexing` true if any node is indexing.
 *
 * @example
 * mergeIndexStats([
 *   { numberOfDocuments: 2, isIndexing: false, fieldDistribution: { id: 2, _miroir_shard: 2 } },
 *   { numberOfDocuments: 3, isIndexing: true, fieldDistribution: { id: 3, title: 1 } },
 * ]);
 * // { numberOfDocuments: 5, isIndexing: true, fieldDistribution: { id: 5, title: 1 }, … }
 */
export function mergeIndexStats(nodeStats: ReadonlyArray<IndexStats>): IndexStats {
  let numberOfDocuments = 0;
  let rawDocumentDbSize = 0;
  let numberOfEmbeddings = 0;
  let numberOfEmbeddedDocuments = 0;
  let isIndexing = false;
  const fieldDistribution: Record<string, number> = {};
  for (const stats of nodeStats) {
    numberOfDocuments += stats.numberOfDocuments;
    rawDocumentDbSize += stats.rawDocumentDbSize ?? 0;
    numberOfEmbeddings += stats.numberOfEmbeddings ?? 0;
    numberOfEmbeddedDocuments += stats.numberOfEmbeddedDocuments ?? 0;
    isIndexing ||= stats.isIndexing;
    for (const field in stats.fieldDistribution) {
      if (field.startsWith(RESERVED_PREFIX)) continue;
      fieldDistribution[field] = (fieldDistribution[field] ?? 0) + stats.fieldDistribution[field]!;
    }
  }
  const avgDocumentSize = numberOfDocuments === 0 ? 0 : Math.round(rawDocumentDbSize / numberOfDocuments);
  return {
    numberOfDocuments,
    rawDocumentDbSize,
    avgDocumentSize,
    isIndexing,
    numberOfEmbeddings,
    numberOfEmbeddedDocuments,
    fieldDistribution,
  };
}

/**
 * Merges `GET /stats` from several nodes: sizes summed, `lastUpdate` the latest, and each index's stats
 * merged with {@link mergeIndexStats}.
 *
 * @example
 * mergeStats([
 *   { databaseSize: 10, lastUpdate: '2026-01-01T00:00:00Z', indexes: {} },
 *   { databaseSize: 5, lastUpdate: '2026-02-01T00:00:00Z', indexes: {} },
 * ]);
 * // { databaseSize: 15, usedDatabaseSize: 0, lastUpdate: '2026-02-01T00:00:00Z', indexes: {} }
 */
export function mergeStats(nodeStats: ReadonlyArray<GlobalStats>): GlobalStats {
  let databaseSize = 0;
  let usedDatabaseSize = 0;
  let lastUpdate: string | null = null;
  const perIndex = new Map<string, IndexStats[]>();
  for (const stats of nodeStats) {
    databaseSize += stats.databaseSize;
    usedDatabaseSize += stats.usedDatabaseSize ?? 0;
    if (
      stats.lastUpdate !== null &&
      (lastUpdate === null || Date.parse(stats.lastUpdate) > Date.parse(lastUpdate))
    ) {
      lastUpdate = stats.lastUpdate;
    }
    for (const uid in stats.indexes) {
      const list = perIndex.get(uid) ?? [];
      list.push(stats.indexes[uid]!);
      perIndex.set(uid, list);
    }
  }
  const indexes: Record<string, IndexStats> = {};
  for (const [uid, list] of perIndex) indexes[uid] = mergeIndexStats(list);
  return { databaseSize, usedDatabaseSize, lastUpdate, indexes };
}
