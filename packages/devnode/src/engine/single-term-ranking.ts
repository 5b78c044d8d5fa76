import { countedSummaries, type Restriction } from './attribute-restriction.js';
import { ABSENT, bestPlacements, type Placements } from './best-placements.js';
import { type CompositeGroups, groupByComposite } from './composite-groups.js';
import { exactAttributeRank } from './exactness-rule.js';
import type { IdFilter } from './id-filter.js';
import type { IndexState, StoredDocument } from './index-state.js';
import { MAX_SUMMARY_WEIGHT, summaryAlone, summaryMinPosition } from './inverted-index.js';
import type { TermMatcher } from './match-terms.js';
import type { QueryTerm } from './query-terms.js';
import { compareSortValues, globalScore } from './ranking-score.js';
import { rareTermDocuments } from './rare-term-documents.js';
import { positionCostFrom } from './relevancy-rules.js';
import {
  compareKeyLists,
  compareScored,
  type ScoredDocument,
  type ScoringContext,
} from './score-document.js';
import { scratchInt32, scratchUint8 } from './scratch-arrays.js';
import { selectTop } from './select-top.js';
import { sortedDocuments } from './sorted-documents.js';

/** What ranking a one-term query from postings alone needs (see `rankByPostings`). */
export interface SingleTermInput {
  readonly state: IndexState;
  readonly matcher: TermMatcher;
  /** Each document's fewest typos for the term (255: absent), and the smallest position among those words. */
  readonly typos: Uint8Array;
  readonly bestPositions: Int32Array;
  /** Each document's smallest attribute weight among those words (null: every attribute weighs the same). */
  readonly bestWeights: Uint16Array | null;
  /** The search's attribute switches when some attribute is left out or without typos (else null). */
  readonly restriction: Restriction | null;
  /**
   * Per document, the fewest typos + 1 of the term's multi-word sequences occurring in it (0: none), or
   * null without sequences. Those documents are scored from a scan when they may reach the page.
   */
  readonly sequenceTypos: Uint8Array | null;
  readonly allows: IdFilter | null;
  readonly scoring: ScoringContext;
  readonly maxWeight: number;
  readonly needed: number;
  /**
   * Matches past the page need only be listed up to this many (the caller counts them up to a cap);
   * Infinity: list them all.
   */
  readonly listUpTo: number;
  readonly docs: readonly (StoredDocument | undefined)[];
  /** Full scoring of one document (a scan), null when it does not match after all. */
  readonly score: (doc: StoredDocument) => ScoredDocument | null;
}

/** One rule's rank per document, as a small integer (higher ranks first). */
type RuleRank = 'typo' | 'attributeRank' | 'wordPosition' | 'exactness';

/** How a one-term query is ranked from postings: integer ranks, then optionally one presorted field. */
interface RankPlan {
  /** Rules ranked by integers, in rule order. */
  readonly ranks: RuleRank[];
  /** Ranks computed after the typo rule (only fewest-typo words count). */
  readonly typoBefore: ReadonlySet<Exclude<RuleRank, 'typo'>>;
  /** The query's first sort criterion, its position among `ranks`, and whether `ranks` from there on
   * settle the ties it leaves (one criterion, nothing but integer ranks after it). */
  readonly sort: {
    readonly field: string;
    readonly ascending: boolean;
    readonly at: number;
    readonly settles: boolean;
  } | null;
}

/**
 * The rules as integer ranks when every relevancy rule of a one-term query before any sort is decided by
 * postings (word kept, fewest typos, lightest attribute, smallest position, exact placement) and the
 * sort, if any, starts with a field; null otherwise (custom rules, geo sorts).
 */
function planRanks(input: SingleTermInput): RankPlan | null {
  const term = input.matcher.term;
  const { scoring } = input;
  if (input.matcher.marks === null || term.position !== 0) return null;
  if (scoring.rules.some((r) => r.kind === 'custom')) return null;
  const ranks: RuleRank[] = [];
  const typoBefore = new Set<Exclude<RuleRank, 'typo'>>();
  let typoSeen = false;
  let sortAt = -1;
  let settles = scoring.sort.length === 1;
  for (const rule of scoring.rules) {
    switch (rule.kind) {
      // One term: the words and proximity rules rank every document alike.
      case 'words':
      case 'proximity':
        break;
      // With one weight (`['*']`) every document ranks alike.
      case 'attributeRank':
        if (input.maxWeight === 0) break;
        if (input.maxWeight > MAX_SUMMARY_WEIGHT) return null;
        ranks.push('attributeRank');
        if (typoSeen) typoBefore.add('attributeRank');
        break;
      case 'sort':
        if (scoring.sort.length === 0) break;
        if (scoring.sort[0]?.kind !== 'field') return null;
        sortAt = ranks.length;
        break;
      case 'typo':
        ranks.push('typo');
        typoSeen = true;
        break;
      case 'wordPosition':
      case 'exactness':
        ranks.push(rule.kind);
        if (typoSeen) typoBefore.add(rule.kind);
        break;
      default:
        if (sortAt < 0) return null;
        settles = false;
    }
  }
  const first = scoring.sort[0];
  const sort =
    sortAt < 0 || first === undefined || first.kind !== 'field'
      ? null
      : { field: first.field, ascending: first.ascending, at: sortAt, settles };
  return { ranks, typoBefore, sort };
}

// wordPosition rank (10 − cost) by smallest position; every position past the table's end costs the most.
const POSITION_RANKS = Int32Array.from({ length: 1026 }, (_, at) => 10 - positionCostFrom(at, 0));

/** Largest number of composite values counted (a scratch table of that many entries is cleared per search). */
const MAX_COMPOSITES = 1 << 20;

/** Added to an absent term's composite: the sum stays negative whatever the digits (composites are far below 2^30). */
const UNRANKED = -(1 << 30);

/**
 * One rule's digit per document, read through a table: `table[min(values[docId], table.length − 1)]`
 * (the wordPosition rank by smallest position, the typo digit by typo count, the exactness level).
 */
interface DigitSource {
  readonly values: Uint8Array | Uint16Array | Int32Array;
  readonly table: Int32Array;
}

function digitOf(source: DigitSource, docId: number): number {
  const { values, table } = source;
  return table[Math.min(values[docId] as number, table.length - 1)] as number;
}

/** The source scaled by `weight` (its digit's place value in the composite; 0: not part of it). */
function weighted(source: DigitSource, weight: number): DigitSource {
  return { values: source.values, table: source.table.map((digit) => digit * weight) };
}

/**
 * How a composite is summed: one table by typo count (an absent term's sum no digits can lift back to 0
 * or above, plus the typo digit when it is part of the composite), and at most three other integer ranks
 * (attributeRank, wordPosition, exactness), padded with zero digits.
 */
interface Places {
  readonly byTypos: Int32Array;
  readonly others: readonly [DigitSource, DigitSource, DigitSource];
}

/**
 * The sources of the ranks before `split`, each scaled by its place value in the composite: the one read
 * by typo count (`typos`) folded into the per-count table, the others padded with zero digits to three.
 */
function placeValues(
  sources: readonly DigitSource[],
  radix: readonly number[],
  split: number,
  typos: Uint8Array,
): Places {
  const byTypos = Int32Array.from({ length: 256 }, (_, count) => (count === ABSENT ? UNRANKED : 0));
  const others: DigitSource[] = [];
  let weight = 1;
  for (let r = split - 1; r >= 0; r--) {
    const place = weighted(sources[r] as DigitSource, weight);
    weight *= radix[r] as number;
    if (place.values !== typos) {
      others.unshift(place);
      continue;
    }
    const last = place.table.length - 1;
    for (let count = 0; count < ABSENT; count++)
      byTypos[count] = (byTypos[count] as number) + (place.table[Math.min(count, last)] as number);
  }
  const zero: DigitSource = { values: typos, table: new Int32Array(1) };
  while (others.length < 3) others.push(zero);
  return { byTypos, others: others as unknown as Places['others'] };
}

/**
 * Every document's composite (−1: absent or filtered out) and `shifted[composite + 1]` counts, in one
 * pass without a per-document branch. Returns whether some typo count is over the budget.
 */
function compositePass(
  composite: Int32Array,
  shifted: Int32Array,
  typos: Uint8Array,
  overBudget: Int32Array,
  places: Places,
  allowed: Uint8Array | null,
  listed: Int32Array | null,
): boolean {
  const [a, b, c] = places.others;
  const { byTypos } = places;
  const aValues = a.values;
  const aTable = a.table;
  const aLast = aTable.length - 1;
  const bValues = b.values;
  const bTable = b.table;
  const bLast = bTable.length - 1;
  const cValues = c.values;
  const cTable = c.table;
  const cLast = cTable.length - 1;
  let over = 0;
  const visits = listed === null ? composite.length : listed.length;
  for (let k = 0; k < visits; k++) {
    const docId = listed === null ? k : (listed[k] as number);
    const count = typos[docId] as number;
    let value =
      (byTypos[count] as number) +
      (aTable[Math.min(aValues[docId] as number, aLast)] as number) +
      (bTable[Math.min(bValues[docId] as number, bLast)] as number) +
      (cTable[Math.min(cValues[docId] as number, cLast)] as number);
    value |= value >> 31;
    if (allowed !== null) value |= (allowed[docId] as number) - 1;
    composite[docId] = value;
    shifted[value + 1] = (shifted[value + 1] as number) + 1;
    over |= overBudget[count] as number;
  }
  // Documents left out of the list are not ranked here.
  if (listed !== null) shifted[0] = (shifted[0] as number) + composite.length - listed.length;
  return over !== 0;
}

/**
 * Exactness level per document, as an index into the rule's possible keys sorted worst first: the query
 * word itself held at all, at position 0 of an attribute, or as a whole attribute on its own.
 */
function exactnessLevels(input: SingleTermInput, bestOnly: boolean): { levels: Uint8Array; count: number } {
  const { state, matcher, typos } = input;
  const levels = scratchUint8(state.nextInternalId);
  // Keys exactly as the exactness rule folds them: (match type, query word held) → score.
  const key = (matchType: 'exactMatch' | 'matchesStart' | 'noExactMatch', held: boolean): number =>
    globalScore([exactAttributeRank(matchType), { rank: held ? 2 : 1, maxRank: 2 }]);
  const outcomes = [
    key('noExactMatch', false),
    key('noExactMatch', true),
    key('matchesStart', true),
    key('exactMatch', true),
  ];
  const order = [...new Set(outcomes)].sort((a, b) => a - b);
  const level = outcomes.map((k) => order.indexOf(k));
  levels.fill(level[0] as number);
  const self = state.words.lookup(matcher.term.word);
  if (self < 0) return { levels, count: order.length };
  const docs = state.words.postings(self);
  // Under a restriction, -1 where the document holds the word only in attributes that do not count.
  const summaries = countedSummaries(state, self, 0, input.restriction);
  for (let k = 0; k < docs.length; k++) {
    const docId = docs[k] as number;
    const summary = summaries[k] as number;
    if (summary < 0) continue;
    // Once the typo rule ran, a document whose best match has typos keeps no exact word.
    const eligible = !(bestOnly && typos[docId] !== 0);
    const atStart = eligible && summaryMinPosition(summary) === 0;
    const outcome = !atStart ? 1 : summaryAlone(summary) ? 3 : 2;
    levels[docId] = level[outcome] as number;
  }
  return { levels, count: order.length };
}

/**
 * A document's full scoring by internal id (a scan), null when it holds no document or does not match
 * after all (exact postings rule that out).
 *
 * @example
 * ```ts
 * scoreById(input, 7)?.score;
 * ```
 */
export function scoreById(input: SingleTermInput, docId: number): ScoredDocument | null {
  const doc = input.docs[docId];
  return doc === undefined ? null : input.score(doc);
}

/** Every document's composite of a one-term query, counted per value, and what ranking them further needs. */
interface TermComposites {
  readonly plan: RankPlan;
  readonly sources: readonly DigitSource[];
  readonly radix: readonly number[];
  /** How many ranks (from the first) the composite holds: those before the sort, or all of them. */
  readonly split: number;
  /** Number of composite values (each below it). */
  readonly size: number;
  /** Per document: its composite, or −1 when not ranked here (absent, filtered out, a sequence match). */
  readonly composite: Int32Array;
  /** `shifted[value + 1]`: documents per composite; `shifted[0]`: documents not ranked here. */
  readonly shifted: Int32Array;
  /** The documents visited (a rare term's), or null when every document was. */
  readonly listed: Int32Array | null;
  /** Documents a multi-word sequence may lift, with the best composite each may reach. */
  readonly sequenceMatches: readonly number[];
  readonly sequenceBest: readonly number[];
}

/**
 * The composites of a one-term query (see {@link rankSingleTermByPostings}); null when its rules need
 * other document values or a typo count is past the term's budget.
 */
function termComposites(input: SingleTermInput): TermComposites | null {
  const plan = planRanks(input);
  if (plan === null) return null;
  const { state, typos, sequenceTypos, allows } = input;
  const term: QueryTerm = input.matcher.term;
  const maxTypos = term.maxTypoCost;
  // Per rule, each document's rank digit and how many values it takes (mixed-radix digits, rule order).
  const sources: DigitSource[] = [];
  // Placements over every word of the term (ranks before the typo rule), computed once if two ranks need them.
  let everyWord: Placements | undefined;
  const everyWordPlacements = (): Placements =>
    (everyWord ??= bestPlacements(state, input.matcher, false, input.restriction));
  const radix: number[] = [];
  // A typo count past the term's budget cannot be a digit: leave such a query to the general path.
  const overBudget = new Int32Array(256);
  for (const rank of plan.ranks) {
    if (rank === 'typo') {
      const table = Int32Array.from({ length: 256 }, (_, count) =>
        count <= maxTypos ? maxTypos - count : 0,
      );
      for (let count = maxTypos + 1; count < ABSENT; count++) overBudget[count] = 1;
      sources.push({ values: typos, table });
      radix.push(maxTypos + 1);
    } else if (rank === 'attributeRank') {
      // Digit maxWeight − weight: the lightest attribute ranks highest.
      const values = plan.typoBefore.has('attributeRank') ? input.bestWeights : everyWordPlacements().weights;
      if (values === null) return null;
      const table = Int32Array.from({ length: input.maxWeight + 1 }, (_, weight) => input.maxWeight - weight);
      sources.push({ values, table });
      radix.push(input.maxWeight + 1);
    } else if (rank === 'wordPosition') {
      const values = plan.typoBefore.has('wordPosition')
        ? input.bestPositions
        : everyWordPlacements().positions;
      sources.push({ values, table: POSITION_RANKS });
      radix.push(11);
    } else {
      const exactness = exactnessLevels(input, plan.typoBefore.has('exactness'));
      sources.push({
        values: exactness.levels,
        table: Int32Array.from({ length: exactness.count }, (_, l) => l),
      });
      radix.push(exactness.count);
    }
  }
  // Ranks before the sort (all of them without one) order documents first; those after it break its ties.
  const split = plan.sort === null ? sources.length : plan.sort.at;
  const size = radix.slice(0, split).reduce((a, b) => a * b, 1);
  // One count per composite value: thousands of attribute weights would make that table too big to clear.
  if (size > MAX_COMPOSITES) return null;
  // Once the typo rule ran, the later ranks count only fewest-typo words: a sequence costing more typos
  // than the document's own words changes nothing there.
  const typoDecidesSequences =
    plan.ranks.includes('typo') && plan.ranks.every((r) => r === 'typo' || plan.typoBefore.has(r));
  // The best composite a sequence document may reach: its typo digit is known, the others are assumed best.
  const optimisticOf = (docId: number, sequenceCost: number): number => {
    // An absent term's 255 typos never win the minimum.
    const fewest = Math.min(typos[docId] as number, sequenceCost);
    let value = 0;
    for (let r = 0; r < split; r++) {
      const base = radix[r] as number;
      value = value * base + (plan.ranks[r] === 'typo' ? Math.max(0, maxTypos - fewest) : base - 1);
    }
    return value;
  };
  // Every document's composite in one typed pass (no per-document branch), counted per value; −1: not
  // ranked here (absent, filtered out, or left to a scan because a sequence may lift it).
  const n = state.nextInternalId;
  // A rare term's documents (without sequences, which may reach others): the only ones visited.
  const listed = sequenceTypos === null ? rareTermDocuments(state, input.matcher) : null;
  // The pass writes every composite, or (with a list) the listed ones: the others stay unranked.
  const composite = listed === null ? scratchInt32(n) : scratchInt32(n, -1);
  const shifted = scratchInt32(size + 1, 0);
  const allowed = allows === null ? null : allows.bitmap(n);
  const over = compositePass(
    composite,
    shifted,
    typos,
    overBudget,
    placeValues(sources, radix, split, typos),
    allowed,
    listed,
  );
  if (over) return null;
  // Documents a sequence may lift, with the best composite each may reach (scored only if that can tie).
  const sequenceMatches: number[] = [];
  const sequenceBest: number[] = [];
  if (sequenceTypos !== null) {
    for (let docId = 0; docId < n; docId++) {
      const mark = sequenceTypos[docId] as number;
      if (mark === 0 || (allowed !== null && allowed[docId] === 0)) continue;
      const own = typos[docId] as number;
      const cost = mark - 1;
      if (typoDecidesSequences && own !== ABSENT && own < cost) continue;
      sequenceMatches.push(docId);
      sequenceBest.push(cost > maxTypos ? size : optimisticOf(docId, cost));
      const slot = (composite[docId] as number) + 1;
      shifted[slot] = (shifted[slot] as number) - 1;
      shifted[0] = (shifted[0] as number) + 1;
      composite[docId] = -1;
    }
  }
  return { plan, sources, radix, split, size, composite, shifted, listed, sequenceMatches, sequenceBest };
}

/** A document's ranks after the sort as one number (higher first): they break the sort's ties. */
function ranksAfterSort(composites: TermComposites, docId: number): number {
  const { sources, radix, split } = composites;
  let value = 0;
  for (let r = split; r < sources.length; r++)
    value = value * (radix[r] as number) + digitOf(sources[r] as DigitSource, docId);
  return value;
}

/**
 * Rank a one-term query from postings alone when its rules allow it (see {@link planRanks}): every
 * document's relevancy keys are small integers read from postings; the best `needed` are picked by a
 * counting pass (with a field sort: by walking the presorted order, best composite first), and only those
 * (plus documents matching a multi-word sequence) are scanned and scored. Returns null when the rules
 * need other document values (custom rules, geo sorts, attribute weights before the sort).
 *
 * @example
 * ```ts
 * rankSingleTermByPostings(input)?.head.length; // ≤ needed + sequence matches
 * ```
 */
export function rankSingleTermByPostings(
  input: SingleTermInput,
): { head: ScoredDocument[]; tail: Int32Array } | null {
  const composites = termComposites(input);
  if (composites === null) return null;
  const { plan, size, composite, shifted, listed, sequenceMatches, sequenceBest } = composites;
  const { state, needed } = input;
  const n = state.nextInternalId;
  const counts = shifted.subarray(1);
  const matches = n - (shifted[0] as number);
  const contenders: ScoredDocument[] = [];
  // One spare slot: the branch-free listing below writes one past the last entry it keeps.
  const tail = scratchInt32(matches + sequenceMatches.length + 1);
  let tailLength = 0;
  // The lowest composite a document must reach to possibly make the page.
  let reachable = 0;
  const contend = (docId: number): void => {
    const scored = scoreById(input, docId);
    if (scored !== null) contenders.push(scored);
  };
  if (plan.sort === null) {
    // The lowest composite that still reaches the page, and how many of its documents (by id) do.
    let cutoff = size - 1;
    let better = 0;
    while (cutoff > 0 && better + (counts[cutoff] as number) < needed) {
      better += counts[cutoff] as number;
      cutoff--;
    }
    reachable = better + (counts[cutoff] as number) >= needed ? cutoff : 0;
    let admitted = needed - better;
    const visit = (docId: number, value: number): void => {
      if (value > cutoff || admitted > 0) {
        if (value === cutoff) admitted--;
        contend(docId);
      } else {
        tail[tailLength++] = docId;
      }
    };
    const visits = listed === null ? n : listed.length;
    let k = 0;
    for (; k < visits && tailLength < input.listUpTo; k++) {
      const docId = listed === null ? k : (listed[k] as number);
      const value = composite[docId] as number;
      // Below the cutoff: past the page, listed without a branch (the one below is rarely taken).
      tail[tailLength] = docId;
      tailLength += ((value >>> 31) ^ 1) & ((value - cutoff) >>> 31);
      if (value >= cutoff) visit(docId, value);
    }
    // Enough listed: the rest is only searched for documents that may reach the page.
    for (; k < visits; k++) {
      const docId = listed === null ? k : (listed[k] as number);
      const value = composite[docId] as number;
      if (value >= cutoff) visit(docId, value);
    }
  } else {
    // Best composite first, each in the field's presorted order: the first `needed` documents and every
    // document tied with the last of them on (composite, first sort value) may reach the page.
    const { ids, values } = sortedDocuments(state, plan.sort.field, plan.sort.ascending);
    const groups = groupByComposite(composite, counts, ids);
    const layoutAt = groups.layoutAt as Int32Array;
    const chosen: number[] = [];
    let groupStart = 0;
    let boundaryGroup = -1;
    let boundary: number | string | null | undefined;
    for (let g = 0; g + 1 < groups.starts.length; g++) {
      const end = groups.starts[g + 1] as number;
      let previous: number | string | null | undefined;
      for (let slot = groups.starts[g] as number; slot < end; slot++) {
        const docId = groups.docs[slot] as number;
        const sortValue = values[layoutAt[slot] as number] ?? null;
        if (boundary !== undefined && compareSortValues(plan.sort.ascending, sortValue, boundary) !== 0) {
          for (; slot < end; slot++) tail[tailLength++] = groups.docs[slot] as number;
          break;
        }
        if (previous === undefined || compareSortValues(plan.sort.ascending, sortValue, previous) !== 0)
          groupStart = chosen.length;
        previous = sortValue;
        chosen.push(docId);
        if (chosen.length === needed) {
          boundary = sortValue;
          boundaryGroup = groupStart;
          reachable = composite[docId] as number;
        }
      }
      // A lower composite cannot tie with the boundary document: the rest all fall past the page.
      if (boundary !== undefined) {
        for (let slot = end; slot < groups.docs.length; slot++)
          tail[tailLength++] = groups.docs[slot] as number;
        break;
      }
    }
    if (boundaryGroup < 0 || !plan.sort.settles) {
      for (const docId of chosen) contend(docId);
    } else {
      // Within the boundary's tie group the ranks after the sort decide, then internal ids.
      for (let i = 0; i < boundaryGroup; i++) contend(chosen[i] as number);
      const group = chosen
        .slice(boundaryGroup)
        .map((docId) => ({ docId, rank: ranksAfterSort(composites, docId) }));
      group.sort((x, y) => y.rank - x.rank || x.docId - y.docId);
      group.forEach((entry, i) => {
        if (i < needed - boundaryGroup) contend(entry.docId);
        else tail[tailLength++] = entry.docId;
      });
    }
  }
  sequenceMatches.forEach((docId, i) => {
    if ((sequenceBest[i] as number) < reachable) tail[tailLength++] = docId;
    else contend(docId);
  });
  // Sequence matches may outrank postings-ranked documents: those past the page join the tail.
  selectTop(contenders, Math.min(needed, contenders.length), compareScored);
  for (const extra of contenders.splice(needed)) tail[tailLength++] = extra.docId;
  return { head: contenders, tail: tail.subarray(0, tailLength) };
}

/**
 * The documents whose `_rankingScore` reaches `threshold` (1 per passing document) for a one-term query
 * ranked by relevancy rules alone (no sort), without scoring every match: a document's relevancy keys, so
 * its score, depend only on its composite, and a higher composite never scores lower (both fold the same
 * ranks in rule order). The lowest passing composite is found by scoring one document per composite value
 * (a binary search over the values present); every document at or above it passes. A document a sequence
 * may lift is scored unless the best composite it can reach is known to fail. Returns null when the rules
 * need other document values (the caller then scores every match).
 *
 * @example
 * ```ts
 * singleTermPassing(input, 0.9)?.[docId]; // 1 when that document scores at least 0.9
 * ```
 */
export function singleTermPassing(input: SingleTermInput, threshold: number): Uint8Array | null {
  const composites = termComposites(input);
  if (composites === null || composites.plan.sort !== null) return null;
  const { composite, shifted, size, sequenceMatches, sequenceBest } = composites;
  const n = input.state.nextInternalId;
  const scoreOf = (docId: number): number | null => scoreById(input, docId)?.score ?? null;
  // The values present, ascending, and the first document holding each.
  const values: number[] = [];
  for (let value = 0; value < size; value++) if ((shifted[value + 1] as number) > 0) values.push(value);
  const holder = scratchInt32(size, -1);
  for (let docId = 0; docId < n; docId++) {
    const value = composite[docId] as number;
    if (value >= 0 && (holder[value] as number) < 0) holder[value] = docId;
  }
  // Lowest index into `values` whose composite passes (values.length: none does).
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const score = scoreOf(holder[values[mid] as number] as number);
    if (score === null) return null;
    if (score >= threshold) hi = mid;
    else lo = mid + 1;
  }
  const cut = lo < values.length ? (values[lo] as number) : size;
  // The highest composite known to fail (−1: none); values between it and the cut held no document.
  const failing = lo > 0 ? (values[lo - 1] as number) : -1;
  const passing = scratchUint8(n, 0);
  // Branch-free: 1 exactly when composite ≥ cut (unranked documents hold −1, below any cut).
  for (let docId = 0; docId < n; docId++) passing[docId] = (cut - 1 - (composite[docId] as number)) >>> 31;
  for (let i = 0; i < sequenceMatches.length; i++) {
    if ((sequenceBest[i] as number) <= failing) continue;
    const docId = sequenceMatches[i] as number;
    const score = scoreOf(docId);
    passing[docId] = score !== null && score >= threshold ? 1 : 0;
  }
  return passing;
}

/**
 * Every match of a one-term query in ranking order, from postings (internal ids, best first): by composite,
 * then (with a field sort) by the sort value, the ranks after the sort and the internal id; without one by
 * internal id. Documents a multi-word sequence may lift are scored and placed among the composites (without
 * a sort). Null when that order needs more than postings: sequence documents with a sort, several sort
 * criteria or rules after the sort that are not integer ranks, or rules needing document values.
 *
 * @example
 * ```ts
 * orderSingleTermByPostings(input)?.[0]; // the best match's internal id
 * ```
 */
export function orderSingleTermByPostings(input: SingleTermInput): Int32Array | null {
  const composites = termComposites(input);
  if (composites === null) return null;
  const { plan, composite, shifted, split, sources } = composites;
  const counts = shifted.subarray(1);
  if (plan.sort === null) {
    const groups = groupByComposite(composite, counts, null);
    return composites.sequenceMatches.length === 0
      ? groups.docs
      : withSequenceMatches(input, composites, groups);
  }
  if (!plan.sort.settles || composites.sequenceMatches.length > 0) return null;
  const { ascending } = plan.sort;
  const { ids, values } = sortedDocuments(input.state, plan.sort.field, ascending);
  const groups = groupByComposite(composite, counts, ids);
  const order = groups.docs;
  if (split === sources.length) return order;
  // Within a composite, the documents of one sort value are ordered by the ranks after the sort.
  const layoutAt = groups.layoutAt as Int32Array;
  const valueAt = (slot: number): number | string | null => values[layoutAt[slot] as number] ?? null;
  for (let g = 0; g + 1 < groups.starts.length; g++) {
    const end = groups.starts[g + 1] as number;
    let from = groups.starts[g] as number;
    while (from < end) {
      let to = from + 1;
      while (to < end && compareSortValues(ascending, valueAt(to), valueAt(from)) === 0) to++;
      if (to - from > 1) {
        const run = Array.from(order.subarray(from, to), (docId) => ({
          docId,
          rank: ranksAfterSort(composites, docId),
        }));
        run.sort((x, y) => y.rank - x.rank || x.docId - y.docId);
        run.forEach((entry, i) => {
          order[from + i] = entry.docId;
        });
      }
      from = to;
    }
  }
  return order;
}

/**
 * The unsorted order of every match with the documents a multi-word sequence may lift placed in it: each is
 * scored, and its keys are compared with one scored document per composite group (every document of a
 * group has the same keys), a binary search over the groups; tied with a group, it goes among its
 * documents by internal id. Null when one of them turns out not to match (postings said they all do).
 */
function withSequenceMatches(
  input: SingleTermInput,
  composites: TermComposites,
  groups: CompositeGroups,
): Int32Array | null {
  const groupCount = groups.starts.length - 1;
  const scoreOf = (docId: number): ScoredDocument | null => scoreById(input, docId);
  const groupKeys = new Map<number, ScoredDocument['keys']>();
  const keysOfGroup = (g: number): ScoredDocument['keys'] | null => {
    let keys = groupKeys.get(g);
    if (keys === undefined) {
      const scored = scoreOf(groups.docs[groups.starts[g] as number] as number);
      if (scored === null) return null;
      keys = scored.keys;
      groupKeys.set(g, keys);
    }
    return keys;
  };
  // Each sequence document with the slot of `groups.docs` it goes before.
  const placed: { slot: number; hit: ScoredDocument }[] = [];
  for (const docId of composites.sequenceMatches) {
    const hit = scoreOf(docId);
    if (hit === null) continue;
    let lo = 0;
    let hi = groupCount;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const keys = keysOfGroup(mid);
      if (keys === null) return null;
      if (compareKeyLists(hit.keys, keys) > 0) lo = mid + 1;
      else hi = mid;
    }
    let slot = groups.starts[lo] as number;
    const tied = lo < groupCount && compareKeyLists(hit.keys, keysOfGroup(lo) ?? []) === 0;
    if (tied) {
      const end = groups.starts[lo + 1] as number;
      while (slot < end && (groups.docs[slot] as number) < docId) slot++;
    }
    placed.push({ slot, hit });
  }
  placed.sort((x, y) => x.slot - y.slot || compareScored(x.hit, y.hit));
  const order = new Int32Array(groups.docs.length + placed.length);
  let at = 0;
  let next = 0;
  for (let slot = 0; slot <= groups.docs.length; slot++) {
    while (next < placed.length && (placed[next] as { slot: number }).slot === slot)
      order[at++] = (placed[next++] as { hit: ScoredDocument }).hit.docId;
    if (slot < groups.docs.length) order[at++] = groups.docs[slot] as number;
  }
  return order.subarray(0, at);
}
