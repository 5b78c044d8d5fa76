import { occurrenceCounts, type Restriction } from './attribute-restriction.js';
import { exactAttributeRank } from './exactness-rule.js';
import type { FieldRange, StoredDocument } from './index-state.js';
import { markTypos, type TermMatcher } from './match-terms.js';
import { type ProximityLead, proximityKey } from './proximity-lead.js';
import type { QueryTerm } from './query-terms.js';
import { compareSortValues, globalScore } from './ranking-score.js';
import { bucketedPosition, positionCost } from './relevancy-rules.js';
import { type RankingKey, type ScoringContext, sortEntry } from './score-document.js';

/** What the leading keys of one query are computed from. */
export interface LeadContext {
  readonly scoring: ScoringContext;
  readonly terms: readonly QueryTerm[];
  readonly matchers: readonly TermMatcher[];
  readonly maxWeight: number;
  /** Per term, each document's fewest typos. */
  readonly typos: readonly Uint8Array[];
  /**
   * Per term, each document's lightest attribute weight as the attributeRank rule counts it (null: the rule
   * needs a scan).
   */
  readonly weights: readonly Uint16Array[] | null;
  /** The search's attribute switches when some attribute is left out or without typos (else null). */
  readonly restriction: Restriction | null;
  /** Word id of a one-term query's own word (-1 if unknown) and the documents holding it. */
  readonly selfWord: number;
  readonly selfDocs: Uint8Array | null;
  /** The proximity key's plan for a multi-term query (null: proximity needs a scan). */
  readonly proximity: ProximityLead | null;
}

/**
 * wordPosition cost of one term: the cheapest occurrence (restricted to the term's fewest typos once the
 * typo rule ran). Within an attribute positions only grow, and past the term's query position the cost
 * only grows: each attribute is read up to its first such occurrence, or up to where the cost would exceed
 * `budget` (a result above `budget` is then only a lower bound: the caller discards the document).
 */
function positionCostOf(
  doc: StoredDocument,
  matcher: TermMatcher,
  position: number,
  typos: number,
  budget: number,
  restriction: Restriction | null,
): number {
  const marks = matcher.marks as Int8Array;
  const { tokenWords, tokenPositions } = doc;
  const cutoff = budget >= 10 ? Number.POSITIVE_INFINITY : cutoffPosition(position, budget);
  let best = 10;
  const fields = doc.fields;
  for (let f = 0; f < fields.length; f++) {
    const field = fields[f] as FieldRange;
    // A left-out attribute is skipped whole (the per-token check below would skip each of its tokens).
    if (restriction !== null && restriction.searched[field.fid] !== 1) continue;
    for (let j = field.start; j < field.end; j++) {
      const at = tokenPositions[j] as number;
      if (at >= cutoff) break;
      const m = marks[tokenWords[j] as number] ?? 0;
      if (m === 0 || (typos >= 0 && markTypos(m) !== typos)) continue;
      if (restriction !== null && !occurrenceCounts(restriction, field.fid, markTypos(m))) continue;
      const cost = positionCost(Math.abs(bucketedPosition(at) - position));
      if (cost < best) best = cost;
      if (at >= position) break;
    }
  }
  return best;
}

// By `position * 16 + budget` (query positions are small: a query keeps 10 words).
const cutoffs: number[] = [];

/** The first position at or past `position` whose cost exceeds `budget` (every later one does too). */
function cutoffPosition(position: number, budget: number): number {
  const key = position * 16 + budget;
  let at = cutoffs[key];
  if (at === undefined) {
    at = position;
    while (positionCost(bucketedPosition(at) - position) <= budget) at++;
    cutoffs[key] = at;
  }
  return at;
}

/** The largest total wordPosition cost whose key still ties with or beats `bound` (-1: none). */
function costBudget(max: number, bound: number): number {
  let cost = -1;
  while (cost < max && (max - (cost + 1) + 1) / (max + 1) >= bound) cost++;
  return cost;
}

/**
 * exactness key of a one-term query, as {@link exactnessRank} computes it: the term's own word must sit at
 * its query position in an attribute (`matchesStart`), an attribute made of that word alone is an
 * `exactMatch`; the word counts as exactly matched when the document holds it (postings say so).
 */
function singleTermExactness(lead: LeadContext, doc: StoredDocument, typoRan: boolean): number {
  const term = lead.terms[0] as QueryTerm;
  const self = lead.selfWord;
  const hasSelf = self >= 0 && lead.selfDocs?.[doc.internalId] === 1;
  let matchType: 'exactMatch' | 'matchesStart' | 'noExactMatch' = 'noExactMatch';
  // Once the typo rule ran, a document whose best match has typos has no exact term left.
  const eligible = hasSelf && !(typoRan && (lead.typos[0] as Uint8Array)[doc.internalId] !== 0);
  if (eligible) {
    const target = bucketedPosition(term.position);
    const { tokenWords, tokenPositions } = doc;
    let found = false;
    // The query word itself has no typo: only left-out attributes do not count.
    const fields = lead.restriction === null ? doc.fields : doc.fields.filter((f) => searchedIn(lead, f));
    for (const field of fields) {
      for (let i = field.start; i < field.end && !found; i++) {
        const position = bucketedPosition(tokenPositions[i] as number);
        if (position > target) break;
        found = tokenWords[i] === self && position === target;
      }
      if (found) break;
    }
    if (found) {
      matchType = 'matchesStart';
      for (const field of fields)
        if (field.end - field.start === 1 && tokenWords[field.start] === self) matchType = 'exactMatch';
    }
  }
  return globalScore([exactAttributeRank(matchType), { rank: hasSelf ? 2 : 1, maxRank: 2 }]);
}

/** Whether the search looks in this attribute. */
function searchedIn(lead: LeadContext, field: FieldRange): boolean {
  return lead.restriction === null || lead.restriction.searched[field.fid] === 1;
}

/** A document's keys written in place: a fixed backing array and a length (no allocation per document). */
class KeyBuffer {
  readonly items: RankingKey[] = [];
  length = 0;

  push(key: RankingKey): void {
    this.items[this.length++] = key;
  }

  copy(): RankingKey[] {
    return this.items.slice(0, this.length);
  }
}

const scratch = new KeyBuffer();

/** One key against another (negative: `x` ranks first). */
function compareKey(x: RankingKey, y: RankingKey): number {
  if (typeof x === 'number' && typeof y === 'number') return y - x;
  if (typeof x !== 'number' && typeof y !== 'number') return compareSortValues(x.ascending, x.value, y.value);
  return 0;
}

/**
 * The leading ranking keys computable without scanning documents (stops at the first other rule), or
 * null as soon as they rank strictly below `bound` (the document then cannot reach the page).
 *
 * @example
 * ```ts
 * leadingKeys(lead, stored, [0], null); // e.g. [1, 1, 1, 1, 0.9090909090909091, 0.6666666666666666]
 * ```
 */
export function leadingKeys(
  lead: LeadContext,
  doc: StoredDocument,
  kept: readonly number[],
  bound: readonly RankingKey[] | null,
): RankingKey[] | null {
  const { terms, maxWeight, typos } = lead;
  const ctx = lead.scoring;
  // Most documents are discarded: keys are written into a reused buffer and copied only when kept.
  const keys = scratch;
  keys.length = 0;
  let typoRan = false;
  let against = bound;
  let checked = 0;
  for (const rule of ctx.rules) {
    if (against !== null) {
      for (; checked < keys.length; checked++) {
        const c = compareKey(keys.items[checked] as RankingKey, against[checked] as RankingKey);
        if (c > 0) return null;
        if (c < 0) {
          against = null;
          break;
        }
      }
    }
    switch (rule.kind) {
      case 'words':
        keys.push(kept.length / terms.length);
        break;
      case 'typo': {
        let count = 0;
        let max = 0;
        for (const i of kept) {
          max += (terms[i] as QueryTerm).maxTypoCost;
          count += (typos[i] as Uint8Array)[doc.internalId] as number;
        }
        keys.push((max + 1 - count) / (max + 1));
        typoRan = true;
        break;
      }
      case 'wordPosition': {
        const max = 10 * kept.length;
        // Tied so far with the bound: a total cost past the bound's cannot reach the page, stop reading there.
        const boundKey = against === null ? null : against[keys.length];
        const budget = typeof boundKey === 'number' ? costBudget(max, boundKey) : max;
        let cost = 0;
        for (const i of kept) {
          const best = typoRan ? ((typos[i] as Uint8Array)[doc.internalId] as number) : -1;
          cost += positionCostOf(
            doc,
            lead.matchers[i] as TermMatcher,
            (terms[i] as QueryTerm).position,
            best,
            budget - cost,
            lead.restriction,
          );
          if (cost > budget) return null;
        }
        keys.push((max - cost + 1) / (max + 1));
        break;
      }
      case 'proximity':
        // A single-term query ranks 1/1 on proximity for every document (decided per query so that every
        // document gets the same number of leading keys).
        if (terms.length === 1) keys.push(1);
        else if (lead.proximity !== null) keys.push(proximityKey(lead.proximity, doc, kept, typoRan));
        else return isBelow(keys, against, checked) ? null : keys.copy();
        break;
      case 'attributeRank': {
        // With a single attribute weight (`['*']`) every document ranks 1/1.
        if (maxWeight === 0) {
          keys.push(1);
          break;
        }
        const { weights } = lead;
        if (weights === null) return isBelow(keys, against, checked) ? null : keys.copy();
        const max = maxWeight * kept.length;
        let cost = 0;
        for (const i of kept) cost += (weights[i] as Uint16Array)[doc.internalId] as number;
        keys.push((max - cost + 1) / (max + 1));
        break;
      }
      case 'sort':
        for (const criterion of ctx.sort) sortEntry(criterion, doc.doc, 0, null, keys);
        break;
      case 'custom':
        sortEntry(rule.criterion, doc.doc, 0, null, keys);
        break;
      case 'exactness':
        if (terms.length > 1) return isBelow(keys, against, checked) ? null : keys.copy();
        keys.push(singleTermExactness(lead, doc, typoRan));
        break;
      default:
        return isBelow(keys, against, checked) ? null : keys.copy();
    }
  }
  // Every rule has a key: a full tie loses to the bound's document (lower internal ids come first).
  if (against === null) return keys.copy();
  for (let i = checked; i < keys.length; i++) {
    const c = compareKey(keys.items[i] as RankingKey, against[i] as RankingKey);
    if (c !== 0) return c > 0 ? null : keys.copy();
  }
  return null;
}

/** Whether keys tied with `bound` before `from` rank strictly below it from there on. */
function isBelow(keys: KeyBuffer, bound: readonly RankingKey[] | null, from: number): boolean {
  if (bound === null) return false;
  for (let i = from; i < keys.length; i++) {
    const c = compareKey(keys.items[i] as RankingKey, bound[i] as RankingKey);
    if (c !== 0) return c > 0;
  }
  return false;
}

/**
 * How many leading keys {@link leadingKeys} yields for this query (the same for every document).
 *
 * @example
 * ```ts
 * leadingLength(lead); // 6 for a one-term query under the default ranking rules
 * ```
 */
export function leadingLength(lead: LeadContext): number {
  let length = 0;
  for (const rule of lead.scoring.rules) {
    if (rule.kind === 'sort') length += lead.scoring.sort.length;
    else if (
      rule.kind === 'words' ||
      rule.kind === 'typo' ||
      rule.kind === 'wordPosition' ||
      rule.kind === 'custom'
    )
      length++;
    else if (rule.kind === 'proximity' && (lead.terms.length === 1 || lead.proximity !== null)) length++;
    else if (rule.kind === 'exactness' && lead.terms.length === 1) length++;
    else if (rule.kind === 'attributeRank' && (lead.maxWeight === 0 || lead.weights !== null)) length++;
    else return length;
  }
  return length;
}
