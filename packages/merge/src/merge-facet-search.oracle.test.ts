import { createSearchIndex } from '@miroir/devnode';
import { shardOf } from '@miroir/router';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corpusArb, FILTERS, settingsArb, WORDS } from '../test/oracle.js';
import { mergeFacetSearch } from './merge-facet-search.js';
import type { FacetSearchResponse, Hit } from './types.js';

interface FacetEngine {
  addDocuments(documents: Hit[], options: { mode: 'replace' }): unknown;
  facetSearch(query: Record<string, unknown>): FacetSearchResponse;
}
const create = (settings: Record<string, unknown>, documents: Hit[]): FacetEngine => {
  const engine = createSearchIndex({
    uid: 'x',
    primaryKey: 'id',
    settings,
    now: () => 0,
  }) as unknown as FacetEngine;
  if (documents.length > 0) engine.addDocuments(documents, { mode: 'replace' });
  return engine;
};

const seed = Number(globalThis.process?.env.FC_SEED ?? 20261122);
const numRuns = Number(globalThis.process?.env.FC_NUM_RUNS ?? 3000) / 3;

const caseArb = fc.record({
  documents: corpusArb,
  settings: settingsArb,
  nodeCount: fc.integer({ min: 2, max: 6 }),
  isFacetRemedy: fc.boolean(),
  query: fc.record(
    {
      facetName: fc.constantFrom('brand', 'tags', 'sku'),
      facetQuery: fc.constantFrom('', 'a', 'b', 'c', 're', 'gr', 's', 'x'),
      q: fc.constantFrom(...WORDS, ''),
      filter: fc.constantFrom(...FILTERS),
    },
    { requiredKeys: ['facetName'] },
  ),
});

describe('mergeFacetSearch oracle: N devnodes merged === one devnode', () => {
  it(`holds for ${numRuns} generated cases (FC_SEED=${seed})`, () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { faceting } = c.settings;
        const nodeSettings = c.isFacetRemedy
          ? { ...c.settings, faceting: { ...faceting, maxValuesPerFacet: 1000 } }
          : c.settings;
        const perNode: Hit[][] = Array.from({ length: c.nodeCount }, () => []);
        for (const d of c.documents) perNode[shardOf(d.id as number, 16) % c.nodeCount]!.push(d);
        const responses = perNode.map((docs) => create({ ...nodeSettings }, docs).facetSearch(c.query));
        const expected = create({ ...c.settings }, c.documents).facetSearch(c.query);
        const merged = mergeFacetSearch(c.query, responses, faceting);
        expect(merged.facetQuery).toBe(expected.facetQuery);
        const order = faceting.sortFacetValuesBy[c.query.facetName] ?? faceting.sortFacetValuesBy['*'];
        const isTruncated = responses.some((r) => r.facetHits.length >= faceting.maxValuesPerFacet);
        if (order === 'alpha' || c.isFacetRemedy || !isTruncated) {
          expect(merged.facetHits).toEqual(expected.facetHits);
          return;
        }
        // Documented long tail (count order, a node truncated): counts can only be lower.
        const reference = { ...c.settings, faceting: { ...faceting, maxValuesPerFacet: 1000 } };
        const truth = new Map(
          create(reference, c.documents)
            .facetSearch(c.query)
            .facetHits.map((h) => [h.value, h.count]),
        );
        expect(merged.facetHits.length).toBe(expected.facetHits.length);
        for (const hit of merged.facetHits) expect(hit.count).toBeLessThanOrEqual(truth.get(hit.value) ?? 0);
      }),
      { seed, numRuns },
    );
  }, 600_000);
});
