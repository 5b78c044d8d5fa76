import { describe, expect, it } from 'vitest';
import { mergeIndexStats, mergeStats } from './merge-stats.js';

describe('mergeIndexStats / mergeStats', () => {
  const a = {
    numberOfDocuments: 2,
    rawDocumentDbSize: 200,
    isIndexing: false,
    numberOfEmbeddings: 1,
    numberOfEmbeddedDocuments: 1,
    fieldDistribution: { id: 2, title: 2, _miroir_shard: 2 },
  };
  const b = { numberOfDocuments: 3, rawDocumentDbSize: 100, isIndexing: true, fieldDistribution: { id: 3 } };

  it('sums counts, merges field distributions without reserved fields, ORs isIndexing', () => {
    expect(mergeIndexStats([a, b])).toEqual({
      numberOfDocuments: 5,
      rawDocumentDbSize: 300,
      avgDocumentSize: 60,
      isIndexing: true,
      numberOfEmbeddings: 1,
      numberOfEmbeddedDocuments: 1,
      fieldDistribution: { id: 5, title: 2 },
    });
  });

  it('merges global stats per index and keeps the latest update', () => {
    const merged = mergeStats([
      { databaseSize: 10, usedDatabaseSize: 5, lastUpdate: '2026-01-02T00:00:00Z', indexes: { m: a } },
      { databaseSize: 1, lastUpdate: null, indexes: { m: b, n: b } },
    ]);
    expect(merged.databaseSize).toBe(11);
    expect(merged.lastUpdate).toBe('2026-01-02T00:00:00Z');
    expect(merged.indexes.m!.numberOfDocuments).toBe(5);
    expect(merged.indexes.n!.numberOfDocuments).toBe(3);
  });
});
