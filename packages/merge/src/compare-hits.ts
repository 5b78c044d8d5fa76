import type { Hit } from './types.js';

/**
 * One step of Meilisearch's lexicographic order, as read from `_rankingScoreDetails`:
 * - `relevancy`: consecutive relevancy rules (words, typo, proximity, …), compared rule by rule, higher first;
 * - `sort`: a `sort` value or a custom `field:asc|desc` ranking rule;
 * - `geo`: a `_geoPoint(…)` sort, by distance;
 * - `vector`: a vector-sort step (semantic/hybrid), by similarity, higher first.
 *
 * @example
 * const step: RankingStep = { kind: 'sort', isAscending: false, value: 1999 };
 */
export type RankingStep =
  | { kind: 'relevancy'; scores: number[] }
  | { kind: 'sort'; isAscending: boolean; value: unknown }
  | { kind: 'geo'; isAscending: boolean; distance: number | undefined }
  | { kind: 'vector'; similarity: number };

/**
 * A hit's position in Meilisearch's order: its steps, plus the (weighted) global score used as fallback.
 *
 * @example
 * const key: RankingKey = { steps: [{ kind: 'relevancy', scores: [1, 0.5] }], score: 0.9 };
 */
export interface RankingKey {
  steps: RankingStep[];
  score: number;
  /** Federated (weighted) keys compare scores within `f64::EPSILON`, like Meilisearch; others exactly. */
  isWeighted?: boolean;
}

interface DetailEntry {
  name: string;
  order: number;
  body: Record<string, unknown>;
}

const EPSILON = Number.EPSILON;

/**
 * Reads a hit's ranking key from `_rankingScoreDetails` (falling back to `_rankingScore` alone when the
 * hit has no details). `weight` is a federated query's weight; pass it only in federated merges, where
 * a relevancy run is then compared as `weight × score` like Meilisearch does.
 *
 * @example
 * const key = extractRankingKey({ id: 1, _rankingScore: 0.5, _rankingScoreDetails: {
 *   words: { order: 0, score: 1 }, 'year:desc': { order: 1, value: 1999 } } });
 * // key.steps = [{ kind: 'relevancy', scores: [1] }, { kind: 'sort', isAscending: false, value: 1999 }]
 */
export function extractRankingKey(hit: Hit, weight?: number, repeatedRules?: readonly string[]): RankingKey {
  const rawScore = hit._rankingScore;
  const baseScore = typeof rawScore === 'number' ? rawScore : 0;
  const score = weight === undefined ? baseScore : baseScore * weight;
  const details = hit._rankingScoreDetails;
  if (details === null || typeof details !== 'object') {
    const steps: RankingStep[] = [{ kind: 'relevancy', scores: [score] }];
    return weight === undefined ? { steps, score } : { steps, score, isWeighted: true };
  }
  const entries = readEntries(details as Record<string, unknown>, repeatedRules);
  const steps: RankingStep[] = [];
  let run: number[] | undefined;
  for (const entry of entries) {
    const step = toStep(entry);
    if (step === undefined) {
      const local = typeof entry.body.score === 'number' ? entry.body.score : 0;
      if (run === undefined) {
        run = [local];
        steps.push({ kind: 'relevancy', scores: run });
      } else {
        run.push(local);
      }
      continue;
    }
    run = undefined;
    steps.push(step);
  }
  if (weight !== undefined) weighSteps(steps, weight, baseScore);
  return weight === undefined ? { steps, score } : { steps, score, isWeighted: true };
}

/**
 * The ranking key of a vector or hybrid search hit. Meilisearch orders those by score, a semantic hit
 * (one whose details hold `vectorSort`) weighted by `semanticRatio` and a keyword hit by
 * `1 − semanticRatio`; on equal weighted scores semantic hits come first, and keyword hits keep the
 * keyword ranking's own order, so they then compare by their ranking details.
 *
 * @example
 * extractSemanticKey({ _rankingScore: 0.8, _rankingScoreDetails: { vectorSort: { order: 0, similarity: 0.8 } } }, 0.25);
 * // { steps: [{ kind: 'relevancy', scores: [0.2, 1] }], score: 0.2 }
 */
export function extractSemanticKey(
  hit: Hit,
  semanticRatio: number,
  repeatedRules?: readonly string[],
): RankingKey {
  const rawScore = hit._rankingScore;
  const baseScore = typeof rawScore === 'number' ? rawScore : 0;
  const isSemantic = isSemanticHit(hit);
  const score = baseScore * (isSemantic ? semanticRatio : 1 - semanticRatio);
  // On equal weighted scores the semantic hit comes first, as in Meilisearch's hybrid merge.
  const steps: RankingStep[] = [{ kind: 'relevancy', scores: [score, isSemantic ? 1 : 0] }];
  if (!isSemantic && hit._rankingScoreDetails != null) {
    steps.push(...extractRankingKey(hit, undefined, repeatedRules).steps);
  }
  return { steps, score };
}

/**
 * Whether a hit came from the semantic side of a vector/hybrid search (its details hold `vectorSort`).
 *
 * @example
 * isSemanticHit({ _rankingScoreDetails: { vectorSort: { order: 0, similarity: 0.9 } } }); // true
 */
export function isSemanticHit(hit: Hit): boolean {
  const details = hit._rankingScoreDetails;
  return details !== null && typeof details === 'object' && 'vectorSort' in details;
}

/**
 * Orders two ranking keys like Meilisearch: step by step; when two steps are of different kinds the
 * comparison falls back to the global score. Negative when `a` ranks first, 0 for an exact tie.
 *
 * @example
 * compareRankingKeys(extractRankingKey({ _rankingScore: 0.9 }), extractRankingKey({ _rankingScore: 0.5 })); // < 0
 */
export function compareRankingKeys(a: RankingKey, b: RankingKey): number {
  const tolerance = a.isWeighted === true || b.isWeighted === true ? EPSILON : 0;
  const n = Math.min(a.steps.length, b.steps.length);
  for (let i = 0; i < n; i++) {
    const x = a.steps[i]!;
    const y = b.steps[i]!;
    if (x.kind !== y.kind) return compareDescending(a.score, b.score, tolerance);
    const c = compareSteps(x, y, tolerance);
    if (c !== 0) return c;
  }
  return 0;
}

function compareSteps(x: RankingStep, y: RankingStep, tolerance: number): number {
  switch (x.kind) {
    case 'relevancy': {
      const ys = (y as typeof x).scores;
      const m = Math.min(x.scores.length, ys.length);
      for (let i = 0; i < m; i++) {
        const c = compareDescending(x.scores[i]!, ys[i]!, tolerance);
        if (c !== 0) return c;
      }
      return 0;
    }
    case 'sort':
      return compareSortValues(x.value, (y as typeof x).value, x.isAscending);
    case 'geo':
      return compareSortValues(x.distance, (y as typeof x).distance, x.isAscending);
    case 'vector':
      return compareDescending(x.similarity, (y as typeof x).similarity, tolerance);
  }
}

function compareDescending(a: number, b: number, tolerance: number): number {
  if (a === b || Math.abs(a - b) <= tolerance) return 0;
  return a > b ? -1 : 1;
}

/** Numbers first, then strings, then missing values (in both directions), as Meilisearch's sort does. */
function compareSortValues(a: unknown, b: unknown, isAscending: boolean): number {
  const ta = sortTypeRank(a);
  const tb = sortTypeRank(b);
  if (ta !== tb) return ta - tb;
  if (ta === 2) return 0;
  let c: number;
  if (ta === 0) c = (a as number) - (b as number);
  else c = compareFacetStrings(a as string, b as string);
  if (c === 0) return 0;
  return isAscending ? Math.sign(c) : -Math.sign(c);
}

function sortTypeRank(value: unknown): number {
  if (typeof value === 'number' && Number.isFinite(value)) return 0;
  if (typeof value === 'string') return 1;
  return 2;
}

/**
 * Meilisearch sorts string values by their normalised facet form (trimmed, compatibility-decomposed,
 * lower-cased), so `Bolt` sorts between `acme` and `core`, and `Acme`/`acme` tie.
 */
function compareFacetStrings(a: string, b: string): number {
  if (a === b) return 0;
  return compareCodePoints(foldFacetString(a), foldFacetString(b));
}

function foldFacetString(value: string): string {
  return value.trim().normalize('NFKD').toLowerCase();
}

/** Byte order of the UTF-8 encodings (what Meilisearch's facet keys use), not UTF-16 order. */
function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const isSurrogateX = x >= 0xd800 && x <= 0xdfff;
    const isSurrogateY = y >= 0xd800 && y <= 0xdfff;
    if (isSurrogateX !== isSurrogateY) return isSurrogateX ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

function readEntries(details: Record<string, unknown>, repeatedRules?: readonly string[]): DetailEntry[] {
  const entries: DetailEntry[] = [];
  let isSorted = true;
  let previous = Number.NEGATIVE_INFINITY;
  for (const name in details) {
    const body = details[name];
    if (body === null || typeof body !== 'object') continue;
    const rawOrder = (body as Record<string, unknown>).order;
    const order = typeof rawOrder === 'number' ? rawOrder : entries.length;
    if (order < previous) isSorted = false;
    previous = order;
    entries.push({ name, order, body: body as Record<string, unknown> });
  }
  if (!isSorted) entries.sort((x, y) => x.order - y.order);
  if (repeatedRules !== undefined && repeatedRules.length > 0) restoreRepeatedRules(entries, repeatedRules);
  return entries;
}

/**
 * `_rankingScoreDetails` is keyed by rule name, so when the same `field:dir` is both a client `sort` and
 * a custom ranking rule only one entry survives and the other's `order` leaves a gap. The value is the
 * same and only the first occurrence matters for the order, so a surviving entry that sits after its gap
 * (the later occurrence overwrote the first) is moved back into it (gaps ascending ↔ repeated names in
 * first-occurrence order).
 */
function restoreRepeatedRules(entries: DetailEntry[], repeatedRules: readonly string[]): void {
  const gaps: number[] = [];
  let expected = 0;
  for (const entry of entries) {
    while (expected < entry.order) gaps.push(expected++);
    expected = entry.order + 1;
  }
  if (gaps.length === 0) return;
  let moved = false;
  for (let i = 0; i < Math.min(gaps.length, repeatedRules.length); i++) {
    const entry = entries.find((e) => e.name === repeatedRules[i]);
    // An entry already before its gap is the first occurrence (the engine kept it); the gap is the redundant one.
    if (entry === undefined || entry.order < gaps[i]!) continue;
    entry.order = gaps[i]!;
    moved = true;
  }
  if (moved) entries.sort((x, y) => x.order - y.order);
}

function toStep(entry: DetailEntry): RankingStep | undefined {
  const { name, body } = entry;
  if (name === 'vectorSort') {
    return { kind: 'vector', similarity: typeof body.similarity === 'number' ? body.similarity : 0 };
  }
  const isAscending = name.endsWith(':asc');
  if (!isAscending && !name.endsWith(':desc')) return undefined;
  if (name.startsWith('_geoPoint(')) {
    const distance = typeof body.distance === 'number' ? body.distance : undefined;
    return { kind: 'geo', isAscending, distance };
  }
  return { kind: 'sort', isAscending, value: body.value };
}

/** Federated merges compare a relevancy run as `weight × score`; a lone run uses the global score exactly. */
function weighSteps(steps: RankingStep[], weight: number, baseScore: number): void {
  let runs = 0;
  for (const step of steps) if (step.kind === 'relevancy') runs++;
  for (const step of steps) {
    if (step.kind === 'vector') step.similarity *= weight;
    if (step.kind !== 'relevancy') continue;
    if (runs === 1) step.scores = [baseScore * weight];
    else step.scores = step.scores.map((s) => s * weight);
  }
}
