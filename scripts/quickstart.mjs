#!/usr/bin/env node
// Quick start: a local 3-node cluster with sample data, searched the way Miroir's proxy will search it.
// Nodes are `miroir-devnode` processes (or real Meilisearch when MEILISEARCH_BIN is set). Documents are
// placed by @miroir/router (S=64, RF=2), searches are scattered over a covering set and merged by
// @miroir/merge, and every merged page is checked against a reference node that holds everything.
//
//   node scripts/quickstart.mjs          # keep the cluster running until Ctrl-C
//   node scripts/quickstart.mjs --once   # run the demo and exit (used by `pnpm test`)
import { startCluster } from '@miroir/devnode/testkit';
import { mergeSearch, shardRequest } from '@miroir/merge';
import { coveringSet, createTopology, shardOf, writeTargets } from '@miroir/router';

const once = process.argv.includes('--once');
const MASTER_KEY = 'miroir-quickstart-master-key';
const INDEX = 'movies';
const SETTINGS = {
  filterableAttributes: ['genres', 'year', '_miroir_shard'],
  sortableAttributes: ['year', 'rating'],
  faceting: { maxValuesPerFacet: 100, sortFacetValuesBy: { '*': 'alpha' } },
  pagination: { maxTotalHits: 1000 },
};

const cluster = await startCluster({ nodes: 4, masterKey: MASTER_KEY });
const [reference, ...nodeUrls] = cluster.urls;
let stopping = false;
const shutdown = async (code) => {
  if (stopping) return;
  stopping = true;
  await cluster.stop();
  process.exit(code);
};
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));

try {
  const topology = createTopology({
    shards: 64,
    replicationFactor: 2,
    replicaGroups: 1,
    nodes: nodeUrls.map((address, i) => ({ id: `node-${i}`, address, group: 0 })),
  });
  const movies = sampleMovies(2000);

  // Writes: one request per node holding the RF owners' share, `_miroir_shard` injected.
  const perNode = new Map(topology.nodes.map((n) => [n.address, []]));
  for (const movie of movies) {
    const shard = shardOf(movie.id, topology.shards);
    for (const owners of writeTargets(shard, topology)) {
      for (const node of owners) perNode.get(node.address).push({ ...movie, _miroir_shard: shard });
    }
  }
  await Promise.all([
    loadIndex(reference, movies),
    ...[...perNode].map(([url, docs]) => loadIndex(url, docs)),
  ]);
  console.log(`cluster: ${nodeUrls.length} nodes (S=64, RF=2) + 1 reference node, ${movies.length} movies`);
  for (const node of topology.nodes) {
    const owned = perNode.get(node.address).length;
    console.log(`  ${node.id}  ${node.address}  ${owned} document copies`);
  }

  const queries = [
    { q: 'galaxy', limit: 5, showRankingScoreDetails: true },
    {
      q: 'silent river',
      filter: 'year >= 1990',
      sort: ['rating:desc'],
      limit: 5,
      showRankingScoreDetails: true,
    },
    { q: 'night', facets: ['genres'], hitsPerPage: 5, page: 3, showRankingScoreDetails: true },
    { q: '', sort: ['year:asc', 'rating:desc'], offset: 40, limit: 5, showRankingScoreDetails: true },
  ];
  let mismatches = 0;
  for (const query of queries) {
    const merged = await scatterSearch(topology, query);
    const single = await post(reference, `/indexes/${INDEX}/search`, query);
    const same = isSameAnswer(merged, single);
    if (!same) mismatches++;
    console.log(
      `\nsearch ${JSON.stringify(query)}  → ${same ? 'same answer as one node' : 'DIFFERS from one node'}`,
    );
    console.log(`  total ${merged.estimatedTotalHits ?? merged.totalHits}`);
    for (const hit of merged.hits) console.log(`  #${hit.id} ${hit.title} (${hit.year}, ★${hit.rating})`);
    if (merged.facetDistribution) console.log(`  genres: ${JSON.stringify(merged.facetDistribution.genres)}`);
  }
  if (mismatches > 0) throw new Error(`${mismatches} merged searches differ from the reference node`);

  if (once) await shutdown(0);
  console.log(`\nnodes keep running (master key ${MASTER_KEY}); press Ctrl-C to stop.`);
} catch (error) {
  console.error(error);
  await shutdown(1);
}

/**
 * Same totals, same facets, and hit for hit the same ranking (every rule's rank and every sort value).
 * Documents that tie exactly on every rule may be listed in another order or, at a page edge, be other
 * equally ranked documents: one node breaks such ties by its insertion order, which shards cannot share.
 */
function isSameAnswer(merged, single) {
  const ranking = (response) => JSON.stringify(response.hits.map((h) => h._rankingScoreDetails));
  return (
    ranking(merged) === ranking(single) &&
    (merged.estimatedTotalHits ?? merged.totalHits) === (single.estimatedTotalHits ?? single.totalHits) &&
    JSON.stringify(merged.facetDistribution) === JSON.stringify(single.facetDistribution)
  );
}

/** Scatter one search over a covering set of group 0 and merge, as the proxy does. */
async function scatterSearch(topology, clientRequest) {
  const plan = shardRequest(clientRequest, SETTINGS);
  const cover = coveringSet(topology, 0);
  const responses = await Promise.all(
    [...cover.byNode].map(([nodeId, shards]) => {
      // A node may hold replicas it is not asked for here: restrict it to the shards it covers.
      const shardFilter = `_miroir_shard IN [${shards.join(', ')}]`;
      const clientFilter = plan.request.filter;
      const filter = clientFilter
        ? [shardFilter, ...(Array.isArray(clientFilter) ? clientFilter : [clientFilter])]
        : shardFilter;
      return post(topology.nodesById[nodeId].address, `/indexes/${INDEX}/search`, {
        ...plan.request,
        filter,
      });
    }),
  );
  return mergeSearch(clientRequest, responses, SETTINGS);
}

async function loadIndex(url, documents) {
  await waitTask(url, await post(url, '/indexes', { uid: INDEX, primaryKey: 'id' }));
  await waitTask(url, await patch(url, `/indexes/${INDEX}/settings`, SETTINGS));
  await waitTask(url, await post(url, `/indexes/${INDEX}/documents`, documents));
}

async function waitTask(url, { taskUid }) {
  for (let i = 0; i < 600; i++) {
    const task = await request(url, 'GET', `/tasks/${taskUid}`);
    if (task.status === 'succeeded') return task;
    if (task.status === 'failed' || task.status === 'canceled') throw new Error(JSON.stringify(task.error));
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`task ${taskUid} on ${url} did not finish`);
}

function post(url, path, body) {
  return request(url, 'POST', path, body);
}
function patch(url, path, body) {
  return request(url, 'PATCH', path, body);
}
async function request(url, method, path, body) {
  const res = await fetch(url + path, {
    method,
    headers: { authorization: `Bearer ${MASTER_KEY}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** A deterministic sample catalogue (no download): titles from word lists, genres, years, ratings. */
function sampleMovies(count) {
  const adjectives = [
    'Silent',
    'Crimson',
    'Last',
    'Hidden',
    'Golden',
    'Broken',
    'Electric',
    'Distant',
    'Wild',
    'Quiet',
  ];
  const nouns = [
    'River',
    'Galaxy',
    'Night',
    'Garden',
    'Empire',
    'Harbor',
    'Machine',
    'Mountain',
    'Letter',
    'Storm',
  ];
  const extras = ['of Dreams', 'Returns', 'in Winter', 'at Dawn', 'Forever', 'of the North', 'Rising', ''];
  const genres = ['action', 'comedy', 'drama', 'documentary', 'horror', 'romance', 'sci-fi', 'thriller'];
  // mulberry32: a tiny, well-mixed PRNG so the catalogue is the same on every run.
  let seed = 42;
  const next = (n) => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) % n;
  };
  return Array.from({ length: count }, (_, i) => ({
    id: i + 1,
    title: `The ${adjectives[next(10)]} ${nouns[next(10)]} ${extras[next(8)]}`.trim(),
    genres: [genres[next(8)], genres[next(8)]].filter((g, j, all) => all.indexOf(g) === j),
    year: 1950 + next(75),
    rating: next(50) / 10,
  }));
}
