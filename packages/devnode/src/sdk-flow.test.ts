import { Meilisearch, MeilisearchApiError } from 'meilisearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NodeHandle, startNode } from './testkit/index.js';

const MASTER_KEY = 'sdk-flow-master-key';

interface Movie {
  id: number;
  title: string;
  genres: string[];
  year: number;
  rating: number;
}

const MOVIES: Movie[] = [
  { id: 1, title: 'Batman Begins', genres: ['action', 'crime'], year: 2005, rating: 8.2 },
  { id: 2, title: 'The Dark Knight', genres: ['action', 'crime', 'drama'], year: 2008, rating: 9.0 },
  { id: 3, title: 'Batman Returns', genres: ['action', 'fantasy'], year: 1992, rating: 7.0 },
  { id: 4, title: 'Carol', genres: ['drama', 'romance'], year: 2015, rating: 7.2 },
  { id: 5, title: 'The Batman', genres: ['action', 'crime', 'drama'], year: 2022, rating: 7.8 },
  { id: 6, title: 'Little Women', genres: ['drama', 'romance'], year: 2019, rating: 7.8 },
];

describe('official meilisearch SDK against a devnode process', () => {
  let node: NodeHandle;
  let client: Meilisearch;

  beforeAll(async () => {
    node = await startNode({ masterKey: MASTER_KEY });
    client = new Meilisearch({ host: node.url, apiKey: MASTER_KEY });
  }, 30_000);

  afterAll(async () => {
    await node?.stop();
  });

  it('runs a realistic app flow: index, settings, documents, search, facets, multi-search', async () => {
    expect((await client.health()).status).toBe('available');
    const created = await client.createIndex('movies', { primaryKey: 'id' }).waitTask();
    expect(created.status).toBe('succeeded');
    const index = client.index<Movie>('movies');
    const settings = await index
      .updateSettings({
        filterableAttributes: ['genres', 'year', 'rating'],
        sortableAttributes: ['year', 'rating'],
      })
      .waitTask();
    expect(settings.status).toBe('succeeded');
    const added = await index.addDocuments(MOVIES).waitTask();
    expect(added).toMatchObject({
      status: 'succeeded',
      details: { receivedDocuments: 6, indexedDocuments: 6 },
    });

    const res = await index.search('batman', {
      filter: ['genres = action', 'year > 2000'],
      facets: ['genres'],
      sort: ['year:desc'],
    });
    expect(res.hits.map((h) => h.title)).toEqual(['The Batman', 'Batman Begins']);
    expect(res.estimatedTotalHits).toBe(2);
    expect(res.facetDistribution?.genres).toEqual({ action: 2, crime: 2, drama: 1 });

    const typo = await index.search('batmn', { attributesToRetrieve: ['id'] });
    expect(typo.hits.length).toBe(3);

    const facets = await index.searchForFacetValues({ facetName: 'genres', facetQuery: 'dra' });
    expect(facets.facetHits).toEqual([{ value: 'drama', count: 4 }]);

    const multi = await client.multiSearch({
      queries: [
        { indexUid: 'movies', q: 'carol' },
        { indexUid: 'movies', q: '', filter: 'rating >= 9', limit: 1 },
      ],
    });
    expect(multi.results[0]?.hits[0]?.title).toBe('Carol');
    expect(multi.results[1]?.hits[0]?.title).toBe('The Dark Knight');

    const updated = await index.updateDocuments([{ id: 4, rating: 7.5 }]).waitTask();
    expect(updated.status).toBe('succeeded');
    expect((await index.getDocument(4)).rating).toBe(7.5);
    expect((await index.getStats()).numberOfDocuments).toBe(6);
  });

  it('serves distinct, negations, thresholds, facet search, stats and browsing over HTTP', async () => {
    const shop = client.index('shop');
    await client.createIndex('shop', { primaryKey: 'sku' }).waitTask();
    await shop.updateSettings({ filterableAttributes: ['model', 'color'] }).waitTask();
    await shop
      .addDocuments([
        { sku: 'a1', model: 'boot', color: 'Red', name: 'leather boot' },
        { sku: 'a2', model: 'boot', color: 'red', name: 'leather boot tall' },
        { sku: 'b1', model: 'shoe', color: 'red', name: 'canvas shoe' },
        { sku: 'c1', color: 'Blue', name: 'leather bag' },
      ])
      .waitTask();

    const distinct = await shop.search('leather', { distinct: 'model', facets: ['color'] });
    expect(distinct.hits.map((h) => h.sku)).toEqual(['a1', 'c1']);
    expect(distinct.estimatedTotalHits).toBe(2);
    expect(distinct.facetDistribution?.color).toEqual({ Blue: 1, Red: 1 });

    const negated = await shop.search('leather -tall');
    expect(negated.hits.map((h) => h.sku)).toEqual(['a1', 'c1']);

    const strict = await shop.search('leather boot', { rankingScoreThreshold: 0.9995 });
    // Scores: a1 1 (the whole name), a2 0.99934 (not the whole name), c1 0.49.
    expect(strict.hits.map((h) => h.sku)).toEqual(['a1']);
    expect(strict.estimatedTotalHits).toBe(1);
    const loose = await shop.search('leather boot', { rankingScoreThreshold: 0.5 });
    expect(loose.hits.map((h) => h.sku)).toEqual(['a1', 'a2']);

    // Spelled as the lowest-id matching document spells it: "red" once "Red" (a1) no longer matches.
    const colors = await shop.searchForFacetValues({ facetName: 'color', facetQuery: 're', q: 'canvas' });
    expect(colors.facetHits).toEqual([{ value: 'red', count: 1 }]);

    const browsed = await shop.getDocuments({ filter: 'color = red', fields: ['sku'], limit: 2, offset: 1 });
    expect(browsed).toMatchObject({ results: [{ sku: 'a2' }, { sku: 'b1' }], total: 3 });
    const byIds = await shop.getDocuments({ ids: ['c1', 'a1', 'zz'], fields: ['sku'] });
    expect(byIds.results).toEqual([{ sku: 'a1' }, { sku: 'c1' }]);

    expect((await shop.getStats()).fieldDistribution).toEqual({ color: 4, model: 3, name: 4, sku: 4 });
    await shop.deleteDocument('b1').waitTask();
    expect((await shop.getStats()).fieldDistribution).toEqual({ color: 3, model: 2, name: 3, sku: 3 });
  });

  it('ranks by attribute weights and honours attribute restrictions over HTTP', async () => {
    const films = client.index<{ id: number; title: string; tagline: string; overview: string }>('films');
    await client.createIndex('films', { primaryKey: 'id' }).waitTask();
    const configured = await films
      .updateSettings({
        searchableAttributes: ['title', 'tagline', 'overview'],
        typoTolerance: { disableOnAttributes: ['tagline'] },
        sortableAttributes: ['id'],
      })
      .waitTask();
    expect(configured.status).toBe('succeeded');
    await films
      .addDocuments([
        { id: 1, title: 'Gotham nights', tagline: 'a city', overview: 'batman returns to the city' },
        { id: 2, title: 'City lights', tagline: 'batman rises', overview: 'a quiet city' },
        { id: 3, title: 'Batman forever', tagline: 'masks', overview: 'robin joins' },
        { id: 4, title: 'Robin', tagline: 'batmen everywhere', overview: 'no one else' },
      ])
      .waitTask();
    const ids = (hits: { id: number }[]) => hits.map((hit) => hit.id);
    // The title weighs most, then the tagline, then the overview.
    expect(ids((await films.search('batman')).hits)).toEqual([3, 2, 1]);
    const inOverview = await films.search('batman', { attributesToSearchOn: ['overview'] });
    expect(ids(inOverview.hits)).toEqual([1]);
    // "batmen" is a typo of "batman": not in the tagline, where typos are off.
    const typo = await films.search('batmen', { attributesToSearchOn: ['tagline'] });
    expect(ids(typo.hits)).toEqual([4]);
    const loose = await films.search('batmn', { showRankingScoreDetails: true });
    expect(ids(loose.hits)).toEqual([3, 1]);
    expect(loose.hits[0]?._rankingScoreDetails?.attributeRank?.score).toBe(1);
    // A threshold with a sort keeps the passing hits (the sort does not count in a score), in sort order.
    const scored = await films.search('batman', { showRankingScore: true });
    const second = scored.hits[1]?._rankingScore as number;
    const passing = await films.search('batman', { rankingScoreThreshold: second, sort: ['id:asc'] });
    // The sort rule comes after attributeRank by default: the title still ranks first.
    expect(ids(passing.hits)).toEqual([3, 2]);
    expect(passing.estimatedTotalHits).toBe(2);
    const sortFirst = ['sort', 'words', 'typo', 'proximity', 'attributeRank', 'wordPosition', 'exactness'];
    await films.updateSettings({ rankingRules: sortFirst }).waitTask();
    const sorted = await films.search('batman', { rankingScoreThreshold: second, sort: ['id:asc'] });
    expect(ids(sorted.hits)).toEqual([2, 3]);
    expect(sorted.estimatedTotalHits).toBe(2);
  });

  it('manages keys; a tenant key with limited actions is refused elsewhere', async () => {
    const key = await client.createKey({
      name: 'tenant-search',
      actions: ['search'],
      indexes: ['movies'],
      expiresAt: null,
    });
    expect((await client.getKeys()).results.some((k) => k.uid === key.uid)).toBe(true);
    const tenant = new Meilisearch({ host: node.url, apiKey: key.key });
    const found = await tenant.index('movies').search('carol');
    expect(found.hits).toHaveLength(1);
    const refused = await tenant
      .index('movies')
      .addDocuments([{ id: 99, title: 'nope' }])
      .then(
        () => null,
        (err: unknown) => err,
      );
    expect(refused).toBeInstanceOf(MeilisearchApiError);
    expect((refused as MeilisearchApiError).cause?.code).toBe('invalid_api_key');
    const otherIndex = await tenant
      .index('secret')
      .search('x')
      .catch((err: unknown) => err);
    expect((otherIndex as MeilisearchApiError).cause?.code).toBe('invalid_api_key');
    await client.updateKey(key.uid, { description: 'search only' });
    expect((await client.getKey(key.uid)).description).toBe('search only');
  });

  it('keeps data, tasks and keys across kill -9 and restart', async () => {
    const index = client.index<Movie>('movies');
    const before = await client.tasks.getTasks({ limit: 1000 });
    const keysBefore = (await client.getKeys()).results.map((k) => k.uid).sort();
    // Acknowledged (202) but possibly not yet processed when the process dies.
    const pending = await index.addDocuments([
      { id: 7, title: 'Heat', genres: ['crime'], year: 1995, rating: 8.3 },
    ]);
    await node.kill('SIGKILL');
    await node.restart();
    const done = await client.tasks.waitForTask(pending.taskUid);
    expect(done.status).toBe('succeeded');
    expect((await index.getStats()).numberOfDocuments).toBe(7);
    expect((await index.getDocument(4)).rating).toBe(7.5);
    const after = await client.tasks.getTasks({ limit: 1000 });
    expect(after.results.length).toBe(before.results.length + 1);
    for (const task of before.results) {
      const again = after.results.find((t) => t.uid === task.uid);
      expect(again?.status).toBe(task.status);
      expect(again?.finishedAt).toBe(task.finishedAt);
    }
    expect((await client.getKeys()).results.map((k) => k.uid).sort()).toEqual(keysBefore);
    expect([...((await index.getSettings()).sortableAttributes ?? [])].sort()).toEqual(['rating', 'year']);
    const res = await index.search('heat');
    expect(res.hits[0]?.id).toBe(7);
    // New tasks continue the uid sequence.
    const next = await index.deleteDocument(7).waitTask();
    expect(next.uid).toBe(pending.taskUid + 1);
  }, 30_000);
});
