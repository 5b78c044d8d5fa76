// Devnode benchmark: index N synthetic ~1 KB documents over HTTP, then measure search latency at 1 and 8
// concurrent clients against an empty `/health` round-trip measured in the same run.
// Usage: pnpm build && pnpm bench   (env BENCH_DOCS=100000, BENCH_QUERIES=600)
import { EMULATED_MEILISEARCH_VERSION } from '../dist/index.js';
import { startNode } from '../dist/testkit/index.js';
import { MOVIE_SETTINGS, movieCorpus } from './movie-corpus.mjs';

const DOCS = Number(process.env.BENCH_DOCS ?? 100_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 600);
const BATCH = 10_000;
const PHASE_BUDGET_MS = 25_000;

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
      body: JSON.stringify(MOVIE_SETTINGS),
    })
  ).json();
  await waitTask(url, settings.taskUid);

  const corpus = movieCorpus(42);
  const docs = Array.from({ length: DOCS }, (_, i) => corpus.makeDoc(i));
  const avgBytes = Buffer.byteLength(JSON.stringify(docs.slice(0, 1000))) / 1000;
  // A health checker polling while the node indexes (as Miroir's does): the node must keep answering.
  const healthDuringIndexing = [];
  let indexing = true;
  const healthPoller = (async () => {
    while (indexing) {
      const h0 = performance.now();
      await fetch(`${url}/health`).then((r) => r.arrayBuffer());
      healthDuringIndexing.push(performance.now() - h0);
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
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
  indexing = false;
  await healthPoller;
  healthDuringIndexing.sort((a, b) => a - b);
  console.log(
    `indexed ${DOCS} docs (avg ${avgBytes.toFixed(0)} B) in ${indexSeconds.toFixed(1)} s → ${(DOCS / indexSeconds).toFixed(0)} docs/s`,
  );
  console.log(
    `/health while indexing: ${healthDuringIndexing.length} polls, p50 ${percentile(healthDuringIndexing, 50).toFixed(1)} ms, p99 ${percentile(healthDuringIndexing, 99).toFixed(1)} ms, max ${healthDuringIndexing.at(-1).toFixed(0)} ms`,
  );

  const queries = Array.from({ length: 200 }, corpus.makeQuery);
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
