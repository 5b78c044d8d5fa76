// Compare this build of the devnode with another one on the movie corpus: both index the same documents,
// then every query runs on both, alternating which goes first, so that drift in the machine's speed (on
// shared machines ±20 % within minutes) hits both builds alike. Also checks that both builds answer every
// query identically (a speedup must not change a response).
// Usage: pnpm build && node bench/compare-builds.mjs [--base-rev HEAD~1 | --base DIR] [--docs 100000]
//   [--rounds 4] [--http] [--shapes] [--settings '{"searchableAttributes":["title","overview"]}']
//   --base-rev REV  build the devnode of a git revision in a temporary directory (default: HEAD)
//   --base DIR      a devnode package directory whose dist/ is already built
//   --http          search through one devnode process per build instead of in this process
//   --shapes        instead of the bench mix, a few queries of each shape the mix leaves out (distinct,
//                   negations, score thresholds with and without a sort, whole-index facets,
//                   attributesToSearchOn), reported shape by shape
//   --settings JSON settings applied on top of the corpus's own (e.g. attribute weights)
//   --after-write   (in process) replace one document in both builds before each timed query, so that
//                   every query pays what a write costs the next search; the answers are compared too
import { spawnSync } from 'node:child_process';
import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MOVIE_SETTINGS, movieCorpus } from './movie-corpus.mjs';

const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const DOCS = Number(flag('docs', 100_000));
const ROUNDS = Number(flag('rounds', 4));
const OVER_HTTP = args.includes('--http');
const AFTER_WRITE = args.includes('--after-write');
if (AFTER_WRITE && OVER_HTTP) throw new Error('--after-write runs in process only');
const BATCH = 10_000;
const SETTINGS = { ...MOVIE_SETTINGS, ...JSON.parse(flag('settings', '{}')) };
const QUERIES = 200;

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = resolve(packageDir, '../..');

/** Extract `rev`'s devnode sources next to a link to this package's dependencies, and build them. */
function buildRevision(rev) {
  const dir = mkdtempSync(join(tmpdir(), 'devnode-base-'));
  const archive = spawnSync('git', ['archive', rev, 'packages/devnode', 'tsconfig.base.json'], {
    cwd: repoRoot,
    maxBuffer: 1 << 30,
  });
  if (archive.status !== 0) throw new Error(`git archive ${rev} failed: ${archive.stderr}`);
  const untar = spawnSync('tar', ['-x', '-C', dir], { input: archive.stdout });
  if (untar.status !== 0) throw new Error(`tar failed: ${untar.stderr}`);
  const baseDir = join(dir, 'packages/devnode');
  symlinkSync(join(packageDir, 'node_modules'), join(baseDir, 'node_modules'));
  const tsc = spawnSync(join(packageDir, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.build.json'], {
    cwd: baseDir,
    stdio: 'inherit',
  });
  if (tsc.status !== 0) throw new Error(`building ${rev} failed`);
  return baseDir;
}

const baseDir = flag('base', null) ?? buildRevision(flag('base-rev', 'HEAD'));
const builds = [
  { name: `base (${flag('base', null) ?? flag('base-rev', 'HEAD')})`, dir: resolve(baseDir) },
  { name: 'this build', dir: packageDir },
];
const load = (dir, entry) => import(pathToFileURL(join(dir, 'dist', entry)).href);

const corpus = movieCorpus(42);
const docs = Array.from({ length: DOCS }, (_, id) => corpus.makeDoc(id));
// Shapes the bench mix leaves out, each on a common word, a rarer one and a two-word query.
const SHAPES = {
  distinct: (q) => ({ q, distinct: 'year' }),
  distinctFacets: (q) => ({ q, distinct: 'year', facets: ['genres'] }),
  negation: (q) => ({ q: `${q} -ka` }),
  threshold: (q) => ({ q, rankingScoreThreshold: 0.5 }),
  facetsOfAll: () => ({ facets: ['genres', 'year', 'price', 'rating'] }),
  facetsStar: (q) => ({ q, facets: ['*'] }),
  searchOn: (q) => ({ q, attributesToSearchOn: ['overview'] }),
  thresholdSorted: (q) => ({ q, rankingScoreThreshold: 0.99, sort: ['year:asc'] }),
};
const SHAPE_WORDS = ['dra', 'mor', 'gon stel'];
const shaped = args.includes('--shapes')
  ? Object.entries(SHAPES).flatMap(([shape, make]) => SHAPE_WORDS.map((q) => ({ shape, query: make(q) })))
  : null;
const queries = shaped?.map((s) => s.query) ?? Array.from({ length: QUERIES }, corpus.makeQuery);

/** A build's search function (query → response text without `processingTimeMs`), and its teardown. */
async function openEngine(dir) {
  const { createSearchIndex } = await load(dir, 'index.js');
  const index = createSearchIndex({ uid: 'movies', primaryKey: 'id', settings: SETTINGS });
  for (let i = 0; i < docs.length; i += BATCH)
    index.addDocuments(docs.slice(i, i + BATCH), { mode: 'replace' });
  return {
    search: async (query) => JSON.stringify({ ...index.search(query), processingTimeMs: 0 }),
    write: (doc) => index.addDocuments([doc], { mode: 'replace' }),
    close: async () => {},
  };
}

async function openNode(dir) {
  const { startNode } = await load(dir, 'testkit/index.js');
  const node = await startNode({ meilisearchBin: null });
  const json = { 'Content-Type': 'application/json' };
  const call = async (method, path, body) =>
    (await fetch(`${node.url}${path}`, { method, headers: json, body: JSON.stringify(body) })).json();
  const settled = async ({ taskUid }) => {
    for (;;) {
      const task = await (await fetch(`${node.url}/tasks/${taskUid}`)).json();
      if (task.status === 'succeeded') return;
      if (task.status === 'failed' || task.status === 'canceled') throw new Error(JSON.stringify(task.error));
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  await settled(await call('PATCH', '/indexes/movies/settings', SETTINGS));
  let last = null;
  for (let i = 0; i < docs.length; i += BATCH)
    last = await call('POST', '/indexes/movies/documents', docs.slice(i, i + BATCH));
  await settled(last);
  return {
    search: async (query) =>
      JSON.stringify({ ...(await call('POST', '/indexes/movies/search', query)), processingTimeMs: 0 }),
    close: () => node.stop(),
  };
}

const open = OVER_HTTP ? openNode : openEngine;
const engines = [];
for (const build of builds) engines.push(await open(build.dir));
try {
  // Warm-up on every query (first-time costs such as per-revision caches are not what is compared), and
  // the exactness check, scores and their details included.
  const differing = [];
  for (const plain of queries) {
    for (const query of [plain, { ...plain, showRankingScore: true, showRankingScoreDetails: true }]) {
      const [a, b] = [await engines[0].search(query), await engines[1].search(query)];
      if (a !== b) differing.push(query);
    }
  }
  const times = [[], []];
  // With --after-write: one replacement document per timed query, the same for both builds.
  const rewrites = AFTER_WRITE
    ? Array.from({ length: ROUNDS * queries.length }, (_, n) => corpus.makeDoc((n * 7919) % DOCS))
    : null;
  // Per shape (with --shapes), each build's times.
  const byShape = new Map();
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < queries.length; i++) {
      const answers = [];
      for (const k of (i + round) % 2 === 0 ? [0, 1] : [1, 0]) {
        if (rewrites !== null) engines[k].write(rewrites[round * queries.length + i]);
        const started = performance.now();
        answers[k] = await engines[k].search(queries[i]);
        const ms = performance.now() - started;
        times[k].push(ms);
        const shape = shaped?.[i]?.shape;
        if (shape === undefined) continue;
        if (!byShape.has(shape)) byShape.set(shape, [[], []]);
        byShape.get(shape)[k].push(ms);
      }
      if (rewrites !== null && answers[0] !== answers[1]) differing.push(queries[i]);
    }
  }
  const summary = (list) => {
    const sorted = [...list].sort((x, y) => x - y);
    const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    return {
      p50: at(0.5),
      p90: at(0.9),
      p99: at(0.99),
      mean: sorted.reduce((x, y) => x + y, 0) / sorted.length,
    };
  };
  const [base, current] = times.map(summary);
  if (byShape.size > 0)
    console.table(
      [...byShape].map(([shape, [a, b]]) => ({
        shape,
        'base p50 ms': summary(a).p50.toFixed(2),
        'this p50 ms': summary(b).p50.toFixed(2),
        'this / base': (summary(b).p50 / summary(a).p50).toFixed(3),
      })),
    );
  console.log(
    `${DOCS} documents, ${queries.length} queries × ${ROUNDS} rounds, ${OVER_HTTP ? 'over HTTP' : 'in process'}${AFTER_WRITE ? ', each after a one-document write' : ''}`,
  );
  console.table(
    builds.map((build, k) =>
      Object.fromEntries([
        ['build', build.name],
        ...Object.entries(k === 0 ? base : current).map(([key, ms]) => [`${key} ms`, ms.toFixed(2)]),
      ]),
    ),
  );
  console.log(
    `this build / base: p50 ${(current.p50 / base.p50).toFixed(3)}, mean ${(current.mean / base.mean).toFixed(3)}`,
  );
  if (differing.length > 0) {
    console.error(`responses differ on ${differing.length} queries, first: ${JSON.stringify(differing[0])}`);
    process.exitCode = 1;
  } else {
    console.log(
      `responses identical on all ${queries.length} queries, with and without ranking score details`,
    );
  }
} finally {
  for (const engine of engines) await engine.close();
}
