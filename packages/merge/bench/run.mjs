// Merge cost vs JSON.parse of the same node payloads. Run `pnpm build` first.
import { mergeSearch } from '../dist/index.js';

const FACETS = 10;
const FACET_VALUES = 100;

/** A small deterministic PRNG so every run merges the same payloads. */
function createRandom(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * A node answers facets sorted in the requested order (`alpha` by default). With `pool` > FACET_VALUES each
 * node holds a different random subset of the pool's values (high-cardinality facets spread over shards).
 */
function buildFacetValues(f, pool, random) {
  const picked = new Set();
  while (picked.size < FACET_VALUES)
    picked.add(pool === FACET_VALUES ? picked.size : Math.floor(random() * pool));
  const names = [...picked].map((v) => `value-${f}-${v}`).sort();
  const values = {};
  for (const name of names) values[name] = 1 + Math.floor(random() * 1000);
  return values;
}

function buildNodePayload(node, hitCount, withDetails, random, pool) {
  const hits = [];
  let score = 1;
  let year = 2025;
  for (let i = 0; i < hitCount; i++) {
    score -= random() / hitCount / 2;
    year -= random() < 0.3 ? 1 : 0;
    const hit = {
      id: `${node}-${i}`,
      title: `Document ${i} from node ${node} about search engines`,
      overview: 'A fairly typical overview text that takes a few dozen bytes of JSON to encode.',
      year,
      genres: ['drama', 'action'],
      _miroir_shard: node * 7,
      _rankingScore: score,
    };
    if (withDetails) {
      hit._rankingScoreDetails = {
        words: { order: 0, matchingWords: 2, maxMatchingWords: 2, score: 1 },
        typo: { order: 1, typoCount: 0, maxTypoCount: 2, score: 1 },
        'year:desc': { order: 2, value: year },
        proximity: { order: 3, score: score },
        attribute: { order: 4, attributeRankingOrderScore: 1, queryWordDistanceScore: 0.8, score: 0.9 },
        exactness: { order: 5, matchType: 'noExactMatch', matchingWords: 2, maxMatchingWords: 2, score: 0.5 },
      };
    }
    hits.push(hit);
  }
  const facetDistribution = {};
  const facetStats = {};
  for (let f = 0; f < FACETS; f++) {
    facetDistribution[`facet${f}`] = buildFacetValues(f, pool, random);
    facetStats[`facet${f}`] = { min: random() * 10, max: 10 + random() * 10 };
  }
  return JSON.stringify({
    hits,
    query: 'search engine',
    processingTimeMs: 3,
    limit: hitCount,
    offset: 0,
    estimatedTotalHits: hitCount * 3,
    facetDistribution,
    facetStats,
  });
}

/** µs per call: the best of several short rounds (the machine is shared; the minimum is the least noisy). */
function measureRound(fn, minMs) {
  let iterations = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < minMs) {
    fn();
    iterations++;
    elapsed = performance.now() - start;
  }
  return (elapsed * 1000) / iterations;
}

/** Alternates rounds of the two functions so both see the same machine load; returns the best of each. */
function measurePair(a, b, rounds = 9, minMs = 60) {
  for (let i = 0; i < 5; i++) {
    a();
    b();
  }
  let bestA = Number.POSITIVE_INFINITY;
  let bestB = Number.POSITIVE_INFINITY;
  for (let r = 0; r < rounds; r++) {
    bestA = Math.min(bestA, measureRound(a, minMs));
    bestB = Math.min(bestB, measureRound(b, minMs));
  }
  return [bestA, bestB];
}

const scenarios = [
  { nodes: 3, hits: 1000 },
  { nodes: 8, hits: 20 },
  { nodes: 32, hits: 50 },
];
const facets = Array.from({ length: FACETS }, (_, f) => `facet${f}`);
const settings = { rankingRules: ['words', 'typo', 'sort', 'proximity', 'attribute', 'exactness'] };

console.log('scenario                                   parse µs   merge µs   merge/parse');
for (const { nodes, hits } of scenarios) {
  for (const withDetails of [false, true]) {
    for (const pool of [0, FACET_VALUES, 4 * FACET_VALUES]) {
      const withFacets = pool > 0;
      const random = createRandom(nodes * 1000 + hits);
      const payloads = Array.from({ length: nodes }, (_, n) =>
        buildNodePayload(n, hits, withDetails, random, pool || FACET_VALUES),
      );
      const parsed = payloads.map((p) => JSON.parse(p));
      if (!withFacets)
        for (const r of parsed) {
          delete r.facetDistribution;
          delete r.facetStats;
        }
      const baselinePayloads = parsed.map((r) => JSON.stringify(r));
      const client = {
        q: 'search engine',
        limit: hits,
        ...(withDetails ? { sort: ['year:desc'] } : {}),
        ...(withFacets ? { facets } : {}),
      };
      let sink = 0;
      const [parseUs, mergeUs] = measurePair(
        () => {
          for (const p of baselinePayloads) sink += JSON.parse(p).hits.length;
        },
        () => {
          sink += mergeSearch(client, parsed, settings).hits.length;
        },
      );
      if (sink === 0) throw new Error('merge returned nothing');
      const facetLabel = pool === 0 ? '' : pool === FACET_VALUES ? ' +facets' : ' +facets(mixed)';
      const name = `${nodes}×${hits}${withDetails ? ' +details' : ''}${facetLabel}`;
      console.log(
        `${name.padEnd(42)} ${parseUs.toFixed(1).padStart(8)}   ${mergeUs.toFixed(1).padStart(8)}   ${(
          (100 * mergeUs) / parseUs
        ).toFixed(1)}%`,
      );
    }
  }
}
