// Engine-level search benchmark (no HTTP): index N synthetic ~1 KB documents with Zipf-like word
// frequencies, then time a mixed query set per category (p50/p99) and report indexing throughput.
// Usage: pnpm build && node bench/engine-search.mjs [--docs 100000] [--budget-ms 6000] [--check out.json]
//   [--only common,sorted] [--searchable title,overview]
// `--check FILE` writes every response (minus processingTimeMs) so two builds can be diffed for exactness.
// `--searchable` sets `searchableAttributes` (attribute weights then rank hits: the attributeRank rule).
import { writeFileSync } from 'node:fs';
import { createSearchIndex } from '../dist/index.js';

const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const DOCS = Number(flag('docs', 100_000));
const CATEGORY_BUDGET_MS = Number(flag('budget-ms', 6_000));
const CHECK = flag('check', null);
const ONLY = flag('only', null)?.split(',') ?? null;
const SEARCHABLE = flag('searchable', null)?.split(',') ?? null;
const BATCH = 5_000;

// Deterministic PRNG so runs are comparable: xorshift32 (period 2^32 − 1). A float LCG here once cycled
// after ~10k draws, which made the corpus ~100 distinct documents repeated over and over.
let seed = 7;
const rand = () => {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 4294967296;
};
const pick = (arr) => arr[Math.floor(rand() * arr.length)];

// 20,000 pronounceable words; rank r is drawn with probability ∝ 1/(r+1).
const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'ti', 'vo', 'ze', 'dra', 'gon', 'mor', 'phi', 'stel'];
const WORDS = [];
for (let i = 0; WORDS.length < 20_000; i++) {
  let n = i;
  let w = '';
  do {
    w += SYLLABLES[n % SYLLABLES.length];
    n = Math.floor(n / SYLLABLES.length);
  } while (n > 0);
  if (w.length >= 4) WORDS.push(w);
}
const CUMULATIVE = new Float64Array(WORDS.length);
let mass = 0;
for (let r = 0; r < WORDS.length; r++) {
  mass += 1 / (r + 1);
  CUMULATIVE[r] = mass;
}
const zipfWord = () => {
  const x = rand() * mass;
  let lo = 0;
  let hi = WORDS.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (CUMULATIVE[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return WORDS[lo];
};
const sentence = (n) => Array.from({ length: n }, zipfWord).join(' ');
const GENRES = ['action', 'drama', 'comedy', 'horror', 'sci-fi', 'romance', 'thriller', 'animation'];

function makeDocument(id) {
  return {
    id,
    title: sentence(2 + Math.floor(rand() * 4)),
    overview: sentence(130 + Math.floor(rand() * 30)),
    genres: [pick(GENRES), pick(GENRES)],
    year: 1950 + Math.floor(rand() * 75),
    price: Math.round(rand() * 10_000) / 100,
    rating: Math.round(rand() * 100) / 10,
  };
}

const index = createSearchIndex({
  uid: 'bench',
  primaryKey: 'id',
  settings: {
    filterableAttributes: ['genres', 'year', 'price', 'rating'],
    sortableAttributes: ['price', 'year', 'rating'],
    ...(SEARCHABLE === null ? {} : { searchableAttributes: SEARCHABLE }),
  },
});

let bytes = 0;
const indexStart = performance.now();
for (let start = 0; start < DOCS; start += BATCH) {
  const batch = [];
  for (let id = start; id < Math.min(DOCS, start + BATCH); id++) batch.push(makeDocument(id));
  bytes += JSON.stringify(batch).length;
  index.addDocuments(batch, { mode: 'replace' });
}
const indexMs = performance.now() - indexStart;
console.log(
  `indexed ${DOCS} docs (avg ${Math.round(bytes / DOCS)} B) in ${(indexMs / 1000).toFixed(1)} s → ` +
    `${Math.round(DOCS / (indexMs / 1000))} docs/s`,
);

// Query categories. Word ranks: common = top 10, rare = rank 3,000–15,000.
const rareWord = () => WORDS[3_000 + Math.floor(rand() * 12_000)];
const commonWord = () => WORDS[Math.floor(rand() * 10)];
const midWord = () => WORDS[50 + Math.floor(rand() * 500)];
const prefixOf = (len) => WORDS[Math.floor(rand() * 200)].slice(0, len);
const FILTERS = ['year > 1990', 'genres = drama', 'price < 20 AND rating > 5'];
const SORTS = [['price:asc'], ['year:desc'], ['rating:desc', 'price:asc']];
const CATEGORIES = {
  rare: () => ({ q: rareWord() }),
  common: () => ({ q: commonWord() }),
  prefix1to3: () => ({ q: prefixOf(1 + Math.floor(rand() * 3)) }),
  multiWord: () => ({
    q: [midWord(), commonWord(), rareWord()].slice(0, 2 + Math.floor(rand() * 2)).join(' '),
  }),
  filtered: () => ({ q: pick([midWord(), commonWord()]), filter: pick(FILTERS) }),
  sorted: () => ({ q: pick([midWord(), commonWord()]), sort: pick(SORTS) }),
  faceted: () => ({ q: pick([midWord(), rareWord()]), facets: ['genres', 'year', 'rating'] }),
  placeholderSort: () => ({ q: '', sort: pick(SORTS), filter: rand() < 0.5 ? pick(FILTERS) : null }),
  typo: () => {
    const w = midWord();
    const i = 1 + Math.floor(rand() * (w.length - 2));
    return { q: `${w.slice(0, i)}${w.slice(i + 1)}` };
  },
  // One document per year (75 keys), sometimes with facets over the kept documents.
  distinct: () => ({
    q: pick([midWord(), commonWord(), '']),
    distinct: 'year',
    ...(rand() < 0.3 ? { facets: ['genres'] } : {}),
  }),
};
const QUERIES_PER_CATEGORY = 40;

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
const all = [];
const checks = [];
const rows = [];
for (const [name, make] of Object.entries(CATEGORIES)) {
  if (ONLY !== null && !ONLY.includes(name)) continue;
  const times = [];
  const begin = performance.now();
  for (let i = 0; i < QUERIES_PER_CATEGORY; i++) {
    const query = { ...make(), showRankingScore: true };
    if (CHECK !== null) query.showRankingScoreDetails = true;
    const t = performance.now();
    const response = index.search(query);
    times.push(performance.now() - t);
    if (CHECK !== null) checks.push({ query, response: { ...response, processingTimeMs: 0 } });
    if (CHECK === null && performance.now() - begin > CATEGORY_BUDGET_MS) break;
  }
  times.sort((a, b) => a - b);
  all.push(...times);
  rows.push({ name, n: times.length, p50: quantile(times, 0.5), p99: quantile(times, 0.99) });
}
all.sort((a, b) => a - b);
rows.push({ name: 'overall', n: all.length, p50: quantile(all, 0.5), p99: quantile(all, 0.99) });
console.log('category           n    p50 ms    p99 ms');
for (const r of rows)
  console.log(
    `${r.name.padEnd(16)} ${String(r.n).padStart(3)} ${r.p50.toFixed(2).padStart(9)} ${r.p99.toFixed(2).padStart(9)}`,
  );
if (CHECK !== null) writeFileSync(CHECK, JSON.stringify(checks));
