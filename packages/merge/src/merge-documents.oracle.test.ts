import { createSearchIndex } from '@miroir/devnode';
import { shardOf } from '@miroir/router';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corpusArb } from '../test/oracle.js';
import { documentsShardRequest, mergeDocuments, planDocumentsWindows } from './merge-documents.js';
import { mergeIndexStats } from './merge-stats.js';
import type { DocumentsResponse, Hit, IndexStats } from './types.js';

interface BrowseEngine {
  addDocuments(documents: Hit[], options: { mode: 'replace' }): unknown;
  browseDocuments(query: { offset: number; limit: number }): DocumentsResponse;
  stats(): IndexStats;
}
const create = (documents: Hit[]): BrowseEngine => {
  const settings = { embedders: { default: { source: 'userProvided', dimensions: 2 } } };
  const engine = createSearchIndex({ uid: 'x', primaryKey: 'id', settings }) as unknown as BrowseEngine;
  if (documents.length > 0) engine.addDocuments(documents, { mode: 'replace' });
  return engine;
};

const seed = Number(globalThis.process?.env.FC_SEED ?? 20261122);
const numRuns = Number(globalThis.process?.env.FC_NUM_RUNS ?? 3000) / 10;

function split(documents: Hit[], nodeCount: number): BrowseEngine[] {
  const perNode: Hit[][] = Array.from({ length: nodeCount }, () => []);
  for (const d of documents) {
    const shard = shardOf(d.id as number, 16);
    perNode[shard % nodeCount]!.push({ ...d, _miroir_shard: shard });
  }
  return perNode.map(create);
}

describe('mergeDocuments / mergeIndexStats against devnodes', () => {
  it(`pages every document exactly once, in both plans (${numRuns} cases, FC_SEED=${seed})`, () => {
    fc.assert(
      fc.property(
        corpusArb,
        fc.integer({ min: 2, max: 6 }),
        fc.integer({ min: 1, max: 9 }),
        (docs, n, limit) => {
          const nodes = split(docs, n);
          const seenOne: Hit[] = [];
          const seenTwo: Hit[] = [];
          for (let offset = 0; offset < docs.length + limit; offset += limit) {
            const ask = documentsShardRequest({ offset, limit });
            const one = mergeDocuments(
              { offset, limit },
              nodes.map((node) => node.browseDocuments(ask)),
            );
            expect(one.total).toBe(docs.length);
            seenOne.push(...one.results);
            const totals = nodes.map((node) => node.browseDocuments({ offset: 0, limit: 0 }).total);
            const windows = planDocumentsWindows({ offset, limit }, totals);
            const two = mergeDocuments(
              { offset, limit },
              nodes.map((node, i) => node.browseDocuments(windows[i]!)),
            );
            expect(two).toEqual(one);
            seenTwo.push(...two.results);
          }
          const expected = create(docs).browseDocuments({ offset: 0, limit: 1000 }).results;
          const byId = (a: Hit, b: Hit) => (a.id as number) - (b.id as number);
          expect([...seenOne].sort(byId)).toEqual([...expected].sort(byId));
          expect(seenTwo).toEqual(seenOne);
        },
      ),
      { seed, numRuns },
    );
  });

  it(`merges index stats like one node (${numRuns} cases)`, () => {
    fc.assert(
      fc.property(corpusArb, fc.integer({ min: 2, max: 6 }), (docs, n) => {
        const merged = mergeIndexStats(split(docs, n).map((node) => node.stats()));
        const single = create(docs).stats();
        expect(merged.numberOfDocuments).toBe(single.numberOfDocuments);
        expect(merged.fieldDistribution).toEqual(single.fieldDistribution);
        expect(merged.isIndexing).toBe(single.isIndexing);
        expect(merged.numberOfEmbeddings).toBe(single.numberOfEmbeddings);
        expect(merged.numberOfEmbeddedDocuments).toBe(single.numberOfEmbeddedDocuments);
      }),
      { seed, numRuns },
    );
  });
});
