import { Meilisearch, type SearchParams } from 'meilisearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NodeHandle, startNode } from './testkit/index.js';

// Documents from a small vocabulary where "batman" and "robinhood" also occur split ("bat man"), so that
// searches take every ranking path: one term and several, split words counted or left out, filters, facets
// and sorts.
const WORDS = ['bat', 'man', 'batman', 'batmen', 'robin', 'hood', 'robinhood', 'gotham', 'knight', 'dark'];
const GENRES = ['action', 'drama', 'crime'];

function documents(
  count: number,
): { id: number; title: string; overview: string; genre: string; year: number }[] {
  let seed = 7;
  // A linear congruential generator; its high bits pick (its low bits cycle too fast).
  const next = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return Math.floor((seed / 2147483648) * n);
  };
  const text = (length: number): string => Array.from({ length }, () => WORDS[next(WORDS.length)]).join(' ');
  return Array.from({ length: count }, (_, id) => ({
    id,
    title: text(1 + next(4)),
    overview: text(3 + next(8)),
    genre: GENRES[next(GENRES.length)] as string,
    year: 1990 + next(30),
  }));
}

const QUERIES: SearchParams[] = [
  {},
  { limit: 3 },
  { facets: ['genre'] },
  { filter: 'genre = drama' },
  { sort: ['year:desc'], limit: 4 },
  { offset: 5, limit: 5, facets: ['genre'] },
  { matchingStrategy: 'all' },
];

describe('staged ranking over HTTP', () => {
  let node: NodeHandle;
  let client: Meilisearch;

  beforeAll(async () => {
    node = await startNode({});
    client = new Meilisearch({ host: node.url });
    const index = client.index('movies');
    await client.createIndex('movies', { primaryKey: 'id' }).waitTask();
    await index
      .updateSettings({
        filterableAttributes: ['genre'],
        sortableAttributes: ['year'],
        // A small cap lets split words go uncounted when nothing shows them (no facets, page settled).
        pagination: { maxTotalHits: 12 },
      })
      .waitTask();
    const split = { id: 1000, title: 'zor ro', overview: 'dark', genre: 'drama', year: 2000 };
    const added = await index.addDocuments([...documents(300), split]).waitTask();
    expect(added.status).toBe('succeeded');
  }, 30_000);

  afterAll(async () => {
    await node?.stop();
  });

  it('answers every query exactly as a full scoring pass does', async () => {
    const index = client.index('movies');
    for (const q of [
      'batman',
      'robinhood',
      'bat',
      'batman gotham',
      'dark robinhood knight',
      'batmn',
      'zorro',
      // A word in no document; a rare word (1 of 301 documents), alone and first of two.
      'quixotic',
      'zor',
      'zor dark',
    ]) {
      for (const params of QUERIES) {
        const query = { ...params, showRankingScore: true, showRankingScoreDetails: true };
        const staged = await index.search(q, query);
        // A threshold of 0 keeps every hit but needs every score: it takes the full scoring path.
        const full = await index.search(q, { ...query, rankingScoreThreshold: 0 });
        expect({ ...staged, processingTimeMs: 0 }, `${q} ${JSON.stringify(params)}`).toEqual({
          ...full,
          processingTimeMs: 0,
        });
      }
    }
    // Split words do match: "zorro" finds "zor ro" (with one typo), over HTTP as in the engine.
    const split = await index.search('zorro', { showRankingScoreDetails: true });
    expect(split.hits.map((hit) => [hit.id, hit._rankingScoreDetails?.typo?.typoCount])).toEqual([[1000, 1]]);
    expect((await index.search('quixotic', { facets: ['genre'] })).estimatedTotalHits).toBe(0);
    expect((await index.search('zor dark', { matchingStrategy: 'all' })).hits.map((hit) => hit.id)).toEqual([
      1000,
    ]);
  });
});
