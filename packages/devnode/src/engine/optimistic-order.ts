import { groupByComposite } from './composite-groups.js';
import type { QueryTerm } from './query-terms.js';
import type { RankingRule } from './ranking-rules.js';
import { positionCostFrom } from './relevancy-rules.js';
import { compareKeyLists, type RankingKey } from './score-document.js';
import { scratchInt32 } from './scratch-arrays.js';
import type { SortedDocuments } from './sorted-documents.js';
import type { TermTable } from './term-table.js';

/** What the optimistic keys of a multi-term query's candidates are read from (arrays by internal id). */
export interface OptimisticInput {
  readonly terms: readonly QueryTerm[];
  readonly rules: readonly RankingRule[];
  /** Number of sort criteria in the query (a sort rule with criteria ends the optimistic prefix). */
  readonly sortCriteria: number;
  /** The query's first sort criterion when it sorts by a field (null: none, or a geo sort). */
  readonly sortFirst: FieldSort | null;
  readonly maxWeight: number;
  /**
   * Per term, each document's lightest attribute weight among the words the attributeRank rule counts
   * (null: the rule's keys are not read from postings).
   */
  readonly weights: readonly Uint16Array[] | null;
  /** Which terms each document holds, with how many typos, and what the words rule keeps. */
  readonly table: TermTable;
  /** Per term, each document's smallest position among the term's words. */
  readonly positions: readonly Int32Array[];
  /** 1 for the documents where some term's multi-word sequence occurs (null: none anywhere). */
  readonly anySequence: Uint8Array | null;
  readonly size: number;
  /** The documents to order (internal ids, ascending). */
  readonly candidates: Int32Array;
  /**
   * When the optimistic rules end at a sort rule whose first criterion is a field: every document in that
   * criterion's order with its sort value (groups are then laid out in that order).
   */
  readonly sorted: ((field: string, ascending: boolean) => SortedDocuments) | null;
}

/** One level's candidates grouped by optimistic leading keys, best group first (each group in internal-id
 * order, or in the sort criterion's order when the optimistic rules end at a sort). */
export interface OptimisticGroups {
  readonly docs: Int32Array;
  /** Group g holds `docs[starts[g]] .. docs[starts[g + 1] - 1]`. */
  readonly starts: Int32Array;
  /** Per group, keys no document of it can beat (compared with `compareKeyLists`). */
  readonly keys: readonly RankingKey[][];
  /**
   * With a sort after the optimistic rules: each laid-out document's first sort key (groups are in sort
   * order, so a document whose key already ranks below the bound ends its group).
   */
  readonly sortKey: ((at: number) => RankingKey) | null;
}

/** The candidates keeping one number of terms under the words rule. */
export interface OptimisticLevel {
  /** Internal ids, ascending. */
  readonly docs: Int32Array;
  /** Keys no candidate of the level can beat: its words rank, then the best of every other digit. */
  readonly keys: readonly RankingKey[];
}

/**
 * Candidates by words-rule level (most kept terms first; the words rule leads, so a level never outranks
 * the one before it). A level is grouped by its optimistic keys only when a walk reaches it: most pages
 * fill from the first level, and the others are then listed without computing anything per document.
 */
export interface OptimisticOrder {
  readonly levels: readonly OptimisticLevel[];
  group(level: OptimisticLevel): OptimisticGroups;
}

type Digit = 'words' | 'typo' | 'proximity' | 'attributeRank' | 'wordPosition';

/** A sort by a document field. */
export interface FieldSort {
  readonly field: string;
  readonly ascending: boolean;
}

/**
 * The leading rules whose keys have an upper bound readable from postings: words and typo exactly,
 * proximity at best 1, attributeRank exactly (at best 1 through a sequence; 1 with a single weight),
 * wordPosition at best what each term's smallest position allows (`positions` and `weights` must count the
 * same words as the rules: fewest-typo ones once the typo rule ran). Null when the words rule does not
 * come first.
 */
function optimisticRules(
  input: OptimisticInput,
  weighted: boolean,
): { digits: Digit[]; endsAtSort: boolean } | null {
  if (input.rules[0]?.kind !== 'words') return null;
  const digits: Digit[] = [];
  let endsAtSort = false;
  for (const rule of input.rules) {
    if (
      rule.kind === 'words' ||
      rule.kind === 'typo' ||
      rule.kind === 'proximity' ||
      rule.kind === 'wordPosition'
    )
      digits.push(rule.kind);
    else if (rule.kind === 'attributeRank' && (input.maxWeight === 0 || weighted)) digits.push(rule.kind);
    else if (rule.kind === 'sort' && input.sortCriteria === 0) continue;
    else {
      endsAtSort = rule.kind === 'sort';
      break;
    }
  }
  return { digits, endsAtSort };
}

/**
 * Order a multi-term query's candidates by optimistic leading keys (an upper bound of their real leading
 * keys, computed without touching documents), so that the best documents are ranked first and every later
 * group whose bound is already below the page can be skipped whole. Null when the rules do not allow it.
 *
 * @example
 * ```ts
 * const groups = optimisticOrder(input);
 * for (let g = 0; g + 1 < groups.starts.length; g++) { ... }
 * ```
 */
export function optimisticOrder(input: OptimisticInput): OptimisticOrder | null {
  const { terms, positions, table, maxWeight } = input;
  const n = terms.length;
  const totalTypos = terms.reduce((sum, term) => sum + term.maxTypoCost, 0);
  const unweighted = (n + 1) * (totalTypos + 1) * (10 * n + 1);
  // An attributeRank digit multiplies the composite values by its radix: past a bound it is left out.
  const weights =
    maxWeight > 0 && input.weights !== null && unweighted * (maxWeight * n + 1) <= MAX_COMPOSITES
      ? input.weights
      : null;
  const plan = optimisticRules(input, weights !== null);
  if (plan === null) return null;
  const { digits } = plan;
  const layout = compositeLayout(digits, n, totalTypos, weights === null ? 0 : maxWeight);
  const { candidates, anySequence } = input;
  const { presence, keptBits, keptBudget, effective } = table;
  // Levels: how many terms the words rule keeps, per presence mask, then a stable counting sort.
  const levelOf = Uint8Array.from(keptBits, (bits) => popcount(bits));
  const perLevel = new Int32Array(n + 1);
  for (let c = 0; c < candidates.length; c++) {
    const level = levelOf[presence[candidates[c] as number] as number] as number;
    perLevel[level] = (perLevel[level] as number) + 1;
  }
  const levelDocs = Array.from(perLevel, (count) => new Int32Array(count));
  const filled = new Int32Array(n + 1);
  for (let c = 0; c < candidates.length; c++) {
    const docId = candidates[c] as number;
    const level = levelOf[presence[docId] as number] as number;
    (levelDocs[level] as Int32Array)[filled[level] as number] = docId;
    filled[level] = (filled[level] as number) + 1;
  }
  const levels: OptimisticLevel[] = [];
  for (let kept = n; kept >= 0; kept--) {
    const docs = levelDocs[kept] as Int32Array;
    if (docs.length === 0) continue;
    levels.push({ docs, keys: digits.map((digit) => (digit === 'words' ? kept / n : 1)) });
  }
  const termPositions = Int32Array.from(terms, (term) => term.position);
  const first = input.sortFirst;
  const sorted =
    plan.endsAtSort && first !== null && input.sorted !== null
      ? input.sorted(first.field, first.ascending)
      : null;
  const group = (level: OptimisticLevel): OptimisticGroups => {
    const composite = scratchInt32(input.size, -1);
    const counts = scratchInt32(layout.size, 0);
    // Per composite, the kept terms' typo budget (the same for every document keeping as many terms:
    // the words rule drops terms in a fixed order). Written for every composite a document has.
    const budgets = scratchInt32(layout.size);
    const { docs: levelIds } = level;
    for (let c = 0; c < levelIds.length; c++) {
      const docId = levelIds[c] as number;
      const mask = presence[docId] as number;
      const kept = keptBits[mask] as number;
      const maxTypos = keptBudget[mask] as number;
      // A sequence's positions are unknown here: no bound on wordPosition.
      const viaSequence = anySequence !== null && anySequence[docId] === 1;
      let keptCount = 0;
      let count = 0;
      let cost = 0;
      let weight = 0;
      for (let i = 0; i < n; i++) {
        // Arithmetic rather than branches: which terms are kept varies from one document to the next.
        const on = (kept >> i) & 1;
        keptCount += on;
        count += on * ((effective[i] as Uint8Array)[docId] as number);
        // A sequence's positions and attributes are unknown here: no bound on those rules.
        if (viaSequence) continue;
        if (weights !== null) weight += on * ((weights[i] as Uint16Array)[docId] as number);
        // Each occurrence sits at or after the smallest position; past the query position the cost only
        // grows with the position.
        const at = (positions[i] as Int32Array)[docId] as number;
        const position = termPositions[i] as number;
        if (on === 1 && at >= position) cost += positionCostFrom(at, position);
      }
      const value =
        keptCount * layout.keptPlace +
        (maxTypos - count) * layout.typoPlace +
        (maxWeight * keptCount - weight) * layout.attributePlace +
        (10 * keptCount - cost) * layout.positionPlace;
      composite[docId] = value;
      budgets[value] = maxTypos;
      counts[value] = (counts[value] as number) + 1;
    }
    // Best composite first; with a sort, each group in the sort criterion's order (else in id order).
    const { docs, starts, values, layoutAt } = groupByComposite(composite, counts, sorted?.ids ?? levelIds);
    const keys = Array.from(values, (value) =>
      groupKeys(digits, value, n, layout, maxWeight, budgets[value] as number),
    );
    if (sorted === null || layoutAt === null) return { docs, starts, keys, sortKey: null };
    const ascending = (first as FieldSort).ascending;
    const sortKey = (slot: number): RankingKey => ({
      kind: 'value',
      ascending,
      value: sorted.values[layoutAt[slot] as number] ?? null,
    });
    return { docs, starts, keys, sortKey };
  };
  return { levels, group };
}

/** Number of set bits. */
function popcount(bits: number): number {
  let count = 0;
  for (let rest = bits; rest !== 0; rest &= rest - 1) count++;
  return count;
}

/** Largest number of composite values counted per level (two scratch tables of that size per grouping). */
const MAX_COMPOSITES = 1 << 20;

/**
 * How a candidate's optimistic digits pack into one integer: the kept-term count, then the typo,
 * attributeRank and wordPosition ranks in the order their rules come (a rule outside the optimistic ones
 * last), so that a larger composite always means better optimistic keys. Each digit's place value (0: not
 * encoded) and radix.
 */
interface CompositeLayout {
  readonly keptPlace: number;
  readonly typoPlace: number;
  readonly attributePlace: number;
  readonly positionPlace: number;
  readonly typoRadix: number;
  readonly attributeRadix: number;
  readonly positionRadix: number;
  /** Number of composite values. */
  readonly size: number;
}

/** The layout of `digits` for `n` terms (`maxWeight` 0: no attributeRank digit). */
function compositeLayout(
  digits: readonly Digit[],
  n: number,
  totalTypos: number,
  maxWeight: number,
): CompositeLayout {
  const radixOf = { typo: totalTypos + 1, attributeRank: maxWeight * n + 1, wordPosition: 10 * n + 1 };
  type Ranked = keyof typeof radixOf;
  const ranked: Ranked[] = [];
  for (const digit of digits)
    if (digit in radixOf && (digit !== 'attributeRank' || maxWeight > 0)) ranked.push(digit as Ranked);
  for (const digit of ['typo', 'wordPosition'] as const) if (!ranked.includes(digit)) ranked.push(digit);
  const place = { typo: 0, attributeRank: 0, wordPosition: 0 };
  let size = 1;
  for (let d = ranked.length - 1; d >= 0; d--) {
    const digit = ranked[d] as Ranked;
    place[digit] = size;
    size *= radixOf[digit];
  }
  return {
    keptPlace: size,
    typoPlace: place.typo,
    attributePlace: place.attributeRank,
    positionPlace: place.wordPosition,
    typoRadix: radixOf.typo,
    attributeRadix: radixOf.attributeRank,
    positionRadix: radixOf.wordPosition,
    size: size * (n + 1),
  };
}

/** One digit of a composite (its place value 0: not encoded, read as 0). */
function digitAt(value: number, place: number, radix: number): number {
  return place === 0 ? 0 : Math.floor(value / place) % radix;
}

/** A group's optimistic keys, computed exactly as the leading keys compute the real ones. */
function groupKeys(
  digits: readonly Digit[],
  value: number,
  n: number,
  layout: CompositeLayout,
  maxWeight: number,
  maxTypos: number,
): RankingKey[] {
  const length = Math.floor(value / layout.keptPlace);
  const keys: RankingKey[] = [];
  for (const digit of digits) {
    if (digit === 'words') keys.push(length / n);
    else if (digit === 'typo') {
      const count = maxTypos - digitAt(value, layout.typoPlace, layout.typoRadix);
      keys.push((maxTypos + 1 - count) / (maxTypos + 1));
    } else if (digit === 'attributeRank' && maxWeight > 0) {
      const max = maxWeight * length;
      const cost = max - digitAt(value, layout.attributePlace, layout.attributeRadix);
      keys.push((max - cost + 1) / (max + 1));
    } else if (digit === 'wordPosition') {
      const max = 10 * length;
      const cost = max - digitAt(value, layout.positionPlace, layout.positionRadix);
      keys.push((max - cost + 1) / (max + 1));
    } else keys.push(1);
  }
  return keys;
}

/** How {@link walkGroups} ranks documents and reads the running bound. */
export interface GroupWalker {
  /** The leading keys a document must tie or beat to reach the page (null until the page is full). */
  bound(): readonly RankingKey[] | null;
  /** Rank one document; false aborts the walk. */
  visit(docId: number): boolean;
  /** List documents that cannot reach the page. */
  skip(docIds: Int32Array): void;
}

/**
 * Visit the levels best first, each grouped when reached, and skip without visiting every document whose
 * optimistic keys already rank below the bound: whole levels, the rest of the groups once a group's keys
 * do (and every lower level), and in a sorted group the rest of it once a document's keys (the group's,
 * then its sort value) do. False when a visit aborted.
 *
 * @example
 * ```ts
 * walkGroups(order, { bound: () => null, visit: (id) => rank(id), skip: (ids) => tail.push(...ids) });
 * ```
 */
export function walkGroups(order: OptimisticOrder, walker: GroupWalker): boolean {
  const { levels } = order;
  const skipFrom = (first: number): void => {
    for (let rest = first; rest < levels.length; rest++) walker.skip((levels[rest] as OptimisticLevel).docs);
  };
  for (let l = 0; l < levels.length; l++) {
    const level = levels[l] as OptimisticLevel;
    const bound = walker.bound();
    if (bound !== null && compareKeyLists(level.keys, bound) > 0) {
      // This level, and every lower one, ranks below the bound.
      skipFrom(l);
      return true;
    }
    const outcome = walkLevel(order.group(level), walker);
    if (outcome === 'aborted') return false;
    if (outcome === 'ended') {
      // A group fell below the bound (the rest of its level was skipped): so does every lower level.
      skipFrom(l + 1);
      return true;
    }
  }
  return true;
}

/** Walk one level's groups: 'ended' once the rest fell below the bound (and was skipped). */
function walkLevel(groups: OptimisticGroups, walker: GroupWalker): 'walked' | 'ended' | 'aborted' {
  const { docs, starts, sortKey } = groups;
  for (let g = 0; g + 1 < starts.length; g++) {
    const groupKeys = groups.keys[g] as RankingKey[];
    const atStart = walker.bound();
    if (atStart !== null && compareKeyLists(groupKeys, atStart) > 0) {
      walker.skip(docs.subarray(starts[g] as number));
      return 'ended';
    }
    const end = starts[g + 1] as number;
    for (let k = starts[g] as number; k < end; k++) {
      // The bound tightens as documents are ranked: re-check before each one.
      const bound = walker.bound();
      if (bound !== null) {
        const versus = compareKeyLists(groupKeys, bound);
        if (
          versus > 0 ||
          (versus === 0 &&
            sortKey !== null &&
            compareKeyLists([sortKey(k)], bound.slice(groupKeys.length, groupKeys.length + 1)) > 0)
        ) {
          walker.skip(docs.subarray(k, end));
          break;
        }
      }
      if (!walker.visit(docs[k] as number)) return 'aborted';
    }
  }
  return 'walked';
}
