import type { Document } from './engine-contract.js';
import { exactAttributeRank, exactnessRank } from './exactness-rule.js';
import type { KeywordCandidate } from './keyword-candidates.js';
import type { RankingRule } from './ranking-rules.js';
import { compareSortValues, globalScore, type Rank, type RankingScoreDetails } from './ranking-score.js';
import {
  attributeRank,
  proximityRank,
  type RuleInput,
  restrictToBestTypos,
  typoRank,
  wordPositionRank,
} from './relevancy-rules.js';
import { geoDistance, geoPoint, type SortCriterion, sortValue } from './sort-criteria.js';

/** A sort key: a relevancy score (a plain number, higher first) or a sort value with its direction. */
export type RankingKey =
  | number
  | { readonly kind: 'value'; readonly ascending: boolean; readonly value: number | string | null };

/** A scored document: details, `_rankingScore`, comparison keys and optional geo distance. */
export interface ScoredDocument {
  readonly docId: number;
  readonly details: RankingScoreDetails;
  readonly score: number;
  readonly keys: RankingKey[];
  readonly geoDistance: number | null;
  /** The keyword match the score came from (to recompute details for returned hits). */
  readonly candidate: KeywordCandidate | null;
}

/** What a scoring pass needs besides the document. */
export interface ScoringContext {
  readonly rules: readonly RankingRule[];
  readonly sort: readonly SortCriterion[];
  /** null for a placeholder search (relevancy rules are skipped). */
  readonly ruleInput: ((candidate: KeywordCandidate) => RuleInput) | null;
  /** Build `_rankingScoreDetails` (skipped while ranking every candidate, done for returned hits). */
  readonly detailed: boolean;
}

/** Push a sort criterion's comparison key (and detail when `details` is set); returns a geo distance. */
export function sortEntry(
  criterion: SortCriterion,
  doc: Document,
  order: number,
  details: RankingScoreDetails | null,
  keys: { push(key: RankingKey): unknown },
): number | null {
  if (criterion.kind === 'geo') {
    const point = geoPoint(doc);
    const distance = point === null ? null : geoDistance(criterion.lat, criterion.lng, point.lat, point.lng);
    // A criterion repeated (custom rule and sort parameter) keeps its first, dominant position.
    if (details !== null && details[criterion.key] === undefined)
      details[criterion.key] = { order, value: point, distance };
    keys.push({ kind: 'value', ascending: criterion.ascending, value: distance });
    return distance;
  }
  const value = sortValue(doc, criterion.field, criterion.ascending);
  if (details !== null && details[criterion.key] === undefined) details[criterion.key] = { order, value };
  keys.push({ kind: 'value', ascending: criterion.ascending, value });
  return null;
}

/**
 * Compute `_rankingScoreDetails`, `_rankingScore` and comparison keys for one document. The result
 * depends only on the document, the query and the settings.
 */
export function scoreDocument(
  ctx: ScoringContext,
  doc: Document,
  docId: number,
  candidate: KeywordCandidate | null,
): ScoredDocument {
  const details: RankingScoreDetails = {};
  const sink = ctx.detailed ? details : null;
  const keys: RankingKey[] = [];
  const ranks: Rank[] = [];
  let order = 0;
  let distance: number | null = null;
  let input = candidate !== null && ctx.ruleInput !== null ? ctx.ruleInput(candidate) : null;
  let attributeHalf: Rank | null = null;
  const pushRank = (name: string, rank: Rank, extra: Record<string, unknown> = {}): void => {
    const score = rank.rank / rank.maxRank;
    if (sink !== null) sink[name] = { order, ...extra, score };
    order++;
    keys.push(score);
    ranks.push(rank);
  };
  for (const rule of ctx.rules) {
    if (rule.kind === 'sort') {
      for (const criterion of ctx.sort) {
        const d = sortEntry(criterion, doc, order++, sink, keys);
        if (criterion.kind === 'geo' && distance === null) distance = d;
      }
      continue;
    }
    if (rule.kind === 'custom') {
      sortEntry(rule.criterion, doc, order++, sink, keys);
      continue;
    }
    if (input === null || candidate === null) continue;
    switch (rule.kind) {
      case 'words':
        pushRank(
          'words',
          { rank: candidate.matchingWords, maxRank: candidate.maxMatchingWords },
          { matchingWords: candidate.matchingWords, maxMatchingWords: candidate.maxMatchingWords },
        );
        break;
      case 'typo': {
        const { typoCount, maxTypoCount } = typoRank(input);
        pushRank(
          'typo',
          { rank: maxTypoCount + 1 - typoCount, maxRank: maxTypoCount + 1 },
          { typoCount, maxTypoCount },
        );
        input = restrictToBestTypos(input);
        break;
      }
      case 'proximity':
        pushRank('proximity', proximityRank(input));
        break;
      case 'attributeRank':
        if (rule.ofAttribute === true) {
          // The first half of the legacy `attribute` rule: its detail comes with the second half.
          attributeHalf = attributeRank(input);
          keys.push(attributeHalf.rank / attributeHalf.maxRank);
          ranks.push(attributeHalf);
        } else {
          pushRank('attributeRank', attributeRank(input));
        }
        break;
      case 'wordPosition': {
        const position = wordPositionRank(input);
        if (rule.ofAttribute !== true || attributeHalf === null) {
          pushRank('wordPosition', position);
          break;
        }
        if (sink !== null)
          sink.attribute = {
            order,
            attributeRankingOrderScore: attributeHalf.rank / attributeHalf.maxRank,
            queryWordDistanceScore: position.rank / position.maxRank,
            score: globalScore([attributeHalf, position]),
          };
        order++;
        keys.push(position.rank / position.maxRank);
        ranks.push(position);
        break;
      }
      case 'exactness': {
        const outcome = exactnessRank(input);
        const attr = exactAttributeRank(outcome.matchType);
        const words: Rank = { rank: outcome.matchingWords + 1, maxRank: outcome.maxMatchingWords + 1 };
        const score = globalScore([attr, words]);
        if (sink !== null)
          sink.exactness =
            outcome.matchType === 'noExactMatch'
              ? {
                  order,
                  matchType: outcome.matchType,
                  matchingWords: outcome.matchingWords,
                  maxMatchingWords: outcome.maxMatchingWords,
                  score,
                }
              : { order, matchType: outcome.matchType, score: attr.rank / attr.maxRank };
        order++;
        keys.push(score);
        ranks.push(attr, words);
        break;
      }
    }
  }
  return { docId, details, score: globalScore(ranks), keys, geoDistance: distance, candidate };
}

/**
 * Compare two scored documents (negative: `a` first): keys in rule order, then internal id.
 *
 * @example
 * ```ts
 * [b, a].sort(compareScored); // best first
 * ```
 */
export function compareScored(a: ScoredDocument, b: ScoredDocument): number {
  return compareKeyLists(a.keys, b.keys) || a.docId - b.docId;
}

/**
 * Compare two key lists over their common length (negative: `a` first; 0: tied).
 *
 * @example
 * ```ts
 * compareKeyLists([1, 0.5], [1, 0.25]); // < 0
 * ```
 */
export function compareKeyLists(a: readonly RankingKey[], b: readonly RankingKey[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i] as RankingKey;
    const y = b[i] as RankingKey;
    if (typeof x === 'number' && typeof y === 'number') {
      if (x !== y) return y - x;
    } else if (typeof x !== 'number' && typeof y !== 'number') {
      const c = compareSortValues(x.ascending, x.value, y.value);
      if (c !== 0) return c;
    }
  }
  return 0;
}
