// The synthetic movie corpus of the HTTP benchmark, shared by `run.mjs` and `compare-builds.mjs`: ~1 KB
// documents over a Zipf-distributed vocabulary, and a mixed query set (1–3 words, some filtered, faceted
// or sorted). Deterministic: the same seed gives the same documents and queries.

/** Index settings the corpus is searched with. */
export const MOVIE_SETTINGS = {
  filterableAttributes: ['genres', 'year', 'price', 'rating'],
  sortableAttributes: ['year', 'price', 'rating'],
};

// A Zipf-distributed vocabulary of 4,000 pronounceable synthetic words (a few very common, a long tail).
const SYLLABLES = 'ka lo mi ne ru sa ti vo ze dra gon mor phi stel quin bar cor fen gal hul'.split(' ');
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
const GENRES =
  'action comedy drama horror romance thriller sci-fi fantasy crime documentary animation family western musical war'.split(
    ' ',
  );

/**
 * Document and query generators drawing from one deterministic PRNG (xorshift32, period 2^32 − 1: a float
 * LCG here once cycled after ~10k draws, which made the corpus ~100 distinct documents repeated).
 *
 * @example
 * ```js
 * const corpus = movieCorpus(42);
 * const docs = Array.from({ length: 1000 }, (_, id) => corpus.makeDoc(id));
 * const queries = Array.from({ length: 200 }, corpus.makeQuery);
 * ```
 */
export function movieCorpus(seed) {
  let state = seed;
  const rand = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  const pick = (arr) => arr[Math.floor(rand() * arr.length)];
  const zipfWord = () => {
    const x = rand() * total;
    let lo = 0;
    let hi = CUMULATIVE.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (CUMULATIVE[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return WORDS[lo];
  };
  const makeDoc = (id) => {
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
  };
  const makeQuery = () => {
    const words = Array.from({ length: 1 + Math.floor(rand() * 3) }, zipfWord).join(' ');
    const body = { q: words };
    if (rand() < 0.3) body.filter = `genres = ${pick(GENRES)} AND year > ${1960 + Math.floor(rand() * 50)}`;
    if (rand() < 0.3) body.facets = ['genres'];
    if (rand() < 0.25) body.sort = [pick(['price:asc', 'rating:desc', 'year:desc'])];
    return body;
  };
  return { makeDoc, makeQuery };
}
