// Devnode benchmark: index N synthetic ~1 KB documents over HTTP, then measure search latency at 1 and 8
// concurrent clients against an empty `/health` round-trip measured in the same run.
// Usage: pnpm build && pnpm bench   (env BENCH_DOCS=100000, BENCH_QUERIES=600)
import { EMULATED_MEILISEARCH_VERSION } from '../dist/index.js';
import { startNode } from '../dist/testkit/index.js';

const DOCS = Number(process.env.BENCH_DOCS ?? 100_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 600);
const BATCH = 10_000;
const PHASE_BUDGET_MS = 25_000;

// Deterministic PRNG so runs are comparable: xorshift32 (period 2^32 − 1). A float LCG here once cycled
// after ~10k draws, which made the corpus ~100 distinct documents repeated over and over.
let seed = 42;
const rand = () => {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 4294967296;
};
const pick = (arr) => arr[Math.floor(rand() * arr.length)];

// A Zipf-distributed vocabulary of 4,000 pronounceable synthetic words (a few very common, a long tail).
const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ne',
  'ru',
  'sa',
  'ti',
  'vo',
  'ze',
  'dra',
  'gon',
  'mor',
  'phi',
  'stel',
  'quin',
  'bar',
  'cor',
  'fen',
  'gal',
  'hul',
];
const WORDS = [];
for (let i = 0; WORDS.length < 4000; i++) {
  let n = i;
  let w = '';
  do {
    w += SYLLABLES[n % SYLLABLES.length];
    n = Math.floor(n / SYLLABLES.length);
  } while (n > 0);
  if (w.length >= 3) WORDS.push(w);
}
const CUMULATIVE = [];
let total = 0;
for (let r = 0; r < WORDS.length; r++) {
  total += 1 / (r + 1);
  CUMULATIVE.push(total);
}
function zipfWord() {
  const x = rand() * total;
  let lo = 0;
  let hi = CUMULATIVE.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (CUMULATIVE[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return WORDS[lo];
}
const GENRES = [
  'action',
  'comedy',
  'drama',
  'horror',
  'romance',
  'thriller',
  'sci-fi',
  'fantasy',
  'crime',
  'documentary',
  'animation',
  'family',
  'western',
  'musical',
  'war',
];

function makeDoc(id) {
  const title = Array.from({ length: 2 + Math.floor(rand() * 3) }, zipfWord).join(' ');
  const overview = Array.from({ length: 120 + Math.floor(rand() * 40) }, zipfWord).join(' ');
  const genres = [...new Set(Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(GENRES)))];
  return {
    id,
    title,
    overview,
    genres,
    year: 1950 + Math.floor(rand() * 75),
    price: Math.round(rand() * 5000) / 100,
    rating: Math.round(rand() * 100) / 10,
  };
}

function makeQuery() {
  const words = Array.from({ length: 1 + Math.floor(rand() * 3) }, zipfWord).join(' ');
  const body = { q: words };
  const r = rand();
  if (r < 0.3) body.filter = `genres = ${pick(GENRES)} AND year > ${1960 + Math.floor(rand() * 50)}`;
  if (rand() < 0.3) body.facets = ['genres'];
  if (rand() < 0.25) body.sort = [pick(['price:asc', 'rating:desc', 'year:desc'])];
  return body;
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function measure(label, count, concurrency, send) {
  const latencies = [];
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < count && performance.now() - started < PHASE_BUDGET_MS) {
      const i = next++;
      const t0 = performance.now();
      await send(i);
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = performance.now() - started;
  latencies.sort((a, b) => a - b);
  return {
    label,
    concurrency,
    n: latencies.length,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    rps: (latencies.length / elapsed) * 1000,
  };
}

async function waitTask(url, uid) {
  for (;;) {
    const task = await (await fetch(`${url}/tasks/${uid}`)).json();
    if (task.status === 'succeeded') return task;
    if (task.status === 'failed' || task.status === 'canceled') throw new Error(JSON.stringify(task.error));
    await new Promise((r) => setTimeout(r, 20));
  }
}

// The node runs in its own process (as in tests), so client and server do not share an event loop.
const node = await startNode({ meilisearchBin: null });
const url = node.url;
console.log(`devnode (emulating Meilisearch ${EMULATED_MEILISEARCH_VERSION}) at ${url}`);
const json = { 'Content-Type': 'application/json' };
try {
  const settings = await (
    await fetch(`${url}/indexes/movies/settings`, {
      method: 'PATCH',
      headers: json,
      body: JSON.stringify({
        filterableAttributes: ['genres', 'year', 'price', 'rating'],
        sortableAttributes: ['year', 'price', 'rating'],
      }),
    })
  ).json();
  await waitTask(url, settings.taskUid);

  const docs = Array.from({ length: DOCS }, (_, i) => makeDoc(i));
  const avgBytes = Buffer.byteLength(JSON.stringify(docs.slice(0, 1000))) / 1000;
  const t0 = performance.now();
  let last = null;
  for (let i = 0; i < docs.length; i += BATCH) {
    const res = await fetch(`${url}/indexes/movies/documents`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify(docs.slice(i, i + BATCH)),
    });
    last = await res.json();
  }
  await waitTask(url, last.taskUid);
  const indexSeconds = (performance.now() - t0) / 1000;
  console.log(
    `indexed ${DOCS} docs (avg ${avgBytes.toFixed(0)} B) in ${indexSeconds.toFixed(1)} s → ${(DOCS / indexSeconds).toFixed(0)} docs/s`,
  );

  const queries = Array.from({ length: 200 }, makeQuery);
  const health = (i) => fetch(`${url}/health`).then((r) => r.arrayBuffer(i));
  const search = (i) =>
    fetch(`${url}/indexes/movies/search`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify(queries[i % queries.length]),
    }).then((r) => r.arrayBuffer());
  // Warm-up.
  await measure('warmup', 100, 4, search);
  const rows = [];
  for (const concurrency of [1, 8]) {
    const base = await measure('/health', 2000, concurrency, health);
    const s = await measure('search', QUERIES, concurrency, search);
    rows.push(base, s);
    console.log(
      `c=${concurrency}  /health p50 ${base.p50.toFixed(2)} ms p99 ${base.p99.toFixed(2)} ms | search p50 ${s.p50.toFixed(2)} ms p99 ${s.p99.toFixed(2)} ms (${s.n} queries, ${s.rps.toFixed(0)} q/s) | p50 ratio search/health ${(s.p50 / base.p50).toFixed(1)}x`,
    );
  }
  console.table(
    rows.map((r) => ({ ...r, p50: r.p50.toFixed(2), p99: r.p99.toFixed(2), rps: r.rps.toFixed(0) })),
  );
} finally {
  await node.stop();
}
