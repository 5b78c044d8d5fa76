import { occurrenceCounts, type Restriction, restrictionOf } from './attribute-restriction.js';
import type { IndexState, StoredDocument } from './index-state.js';
import type { AttributeSwitches } from './keyword-candidates.js';
import { markTypos, scanDocument, type TermMatcher, type TermOccurrences } from './match-terms.js';
import type { QueryTerm } from './query-terms.js';
import {
  MAX_PAIR_COST,
  MAX_PAIRED_OCCURRENCES,
  occurrencesWithTypos,
  proximityRank,
} from './relevancy-rules.js';
import { type TermWordsByDocument, termPostingCount, termWordsByDocument } from './term-occurrences.js';

/** One query-adjacent term pair and the side whose occurrences are walked (the one with fewer postings). */
interface PairPlan {
  readonly left: number;
  readonly right: number;
  readonly pivotIsLeft: boolean;
}

/**
 * What the proximity key of a multi-term query is computed from without scanning documents: per pair of
 * query-adjacent terms, the pivot term's words per document (from postings) and the other term's marks.
 */
export interface ProximityLead {
  readonly terms: readonly QueryTerm[];
  readonly matchers: readonly TermMatcher[];
  /** Per term, each document's fewest typos. */
  readonly typos: readonly Uint8Array[];
  /** Per left term index, its pair with the next term (undefined: the two are not adjacent in the query). */
  readonly pairs: readonly (PairPlan | undefined)[];
  /** Per term, its words per document (built only for pivot terms). */
  readonly byDocument: readonly (TermWordsByDocument | null)[];
  readonly switches: AttributeSwitches;
  /** The switches when some attribute is left out or without typos (else null: every occurrence counts). */
  readonly restriction: Restriction | null;
}

/**
 * Plan the proximity key of a query whose postings are exact (see `rankByPostings`), or null when it
 * cannot be computed from postings (`proximityPrecision: byAttribute`, phrases, one term).
 *
 * @example
 * ```ts
 * const lead = planProximityLead(state, matchers, typos, switches, false);
 * ```
 */
export function planProximityLead(
  state: IndexState,
  matchers: readonly TermMatcher[],
  typos: readonly Uint8Array[],
  switches: AttributeSwitches,
  byAttribute: boolean,
): ProximityLead | null {
  if (byAttribute || matchers.length < 2 || matchers.some((m) => m.marks === null)) return null;
  const terms = matchers.map((m) => m.term);
  const counts = matchers.map((m) => termPostingCount(state, m));
  const pairs: (PairPlan | undefined)[] = terms.map(() => undefined);
  for (let i = 0; i + 1 < terms.length; i++) {
    if ((terms[i] as QueryTerm).endPosition + 1 !== (terms[i + 1] as QueryTerm).position) continue;
    pairs[i] = { left: i, right: i + 1, pivotIsLeft: (counts[i] as number) <= (counts[i + 1] as number) };
  }
  const byDocument: (TermWordsByDocument | null)[] = matchers.map(() => null);
  for (const pair of pairs) {
    if (pair === undefined) continue;
    const pivot = pair.pivotIsLeft ? pair.left : pair.right;
    byDocument[pivot] ??= termWordsByDocument(state, matchers[pivot] as TermMatcher);
  }
  return { terms, matchers, typos, pairs, byDocument, switches, restriction: restrictionOf(switches) };
}

/** The cheapest cost (0..3) of one pair in one document, walking the pivot term's occurrences. */
function pairCost(lead: ProximityLead, doc: StoredDocument, pair: PairPlan, typoRan: boolean): number {
  const docId = doc.internalId;
  const pivot = pair.pivotIsLeft ? pair.left : pair.right;
  const other = pair.pivotIsLeft ? pair.right : pair.left;
  const pivotMarks = (lead.matchers[pivot] as TermMatcher).marks as Int8Array;
  const otherMarks = (lead.matchers[other] as TermMatcher).marks as Int8Array;
  // Once the typo rule ran, only each term's fewest-typo occurrences are left.
  const pivotTypos = typoRan ? ((lead.typos[pivot] as Uint8Array)[docId] as number) : -1;
  const otherTypos = typoRan ? ((lead.typos[other] as Uint8Array)[docId] as number) : -1;
  const byDocument = lead.byDocument[pivot] as TermWordsByDocument;
  const { restriction } = lead;
  const { tokenWords, tokenFids, tokenPositions, nextSame } = doc;
  const n = tokenWords.length;
  // Positions strictly grow within an attribute: tokens further than this cannot be within 3 positions.
  const before = pair.pivotIsLeft ? 2 : 3;
  const after = pair.pivotIsLeft ? 3 : 2;
  let best = MAX_PAIR_COST;
  for (let e = byDocument.head[docId] as number; e !== -1; e = byDocument.next[e] as number) {
    const mark = pivotMarks[byDocument.word[e] as number] as number;
    if (pivotTypos >= 0 && markTypos(mark) !== pivotTypos) continue;
    for (let k = byDocument.firstToken[e] as number; k !== -1; k = nextSame[k] as number) {
      const fid = tokenFids[k] as number;
      if (restriction !== null && !occurrenceCounts(restriction, fid, markTypos(mark))) continue;
      const from = Math.max(0, k - before);
      const to = Math.min(n - 1, k + after);
      for (let j = from; j <= to; j++) {
        if (tokenFids[j] !== fid) continue;
        const otherMark = otherMarks[tokenWords[j] as number] ?? 0;
        if (otherMark === 0 || (otherTypos >= 0 && markTypos(otherMark) !== otherTypos)) continue;
        if (restriction !== null && !occurrenceCounts(restriction, fid, markTypos(otherMark))) continue;
        const l = pair.pivotIsLeft ? k : j;
        const r = pair.pivotIsLeft ? j : k;
        const lPos = tokenPositions[l] as number;
        const rPos = tokenPositions[r] as number;
        // Right after left: the gap; right before left: one more; one word matching both (an n-gram): 2.
        const distance = r > l ? rPos - lPos : r < l ? lPos - rPos + 1 : 2;
        const cost = Math.min(distance, MAX_PAIR_COST + 1) - 1;
        if (cost < best) {
          best = cost;
          if (best === 0) return 0;
        }
      }
    }
  }
  return best;
}

/** The proximity score from a full scan (documents long enough for the rule's occurrence cap to matter). */
function scannedProximity(
  lead: ProximityLead,
  doc: StoredDocument,
  kept: readonly number[],
  typoRan: boolean,
): number {
  const scanned = scanDocument(doc, lead.matchers, lead.switches.searched, lead.switches.typoAllowed);
  const occurrences = kept.map((i) => {
    const occ = scanned[i] as TermOccurrences;
    return typoRan ? occurrencesWithTypos(occ, (lead.typos[i] as Uint8Array)[doc.internalId] as number) : occ;
  });
  const rank = proximityRank({
    terms: kept.map((i) => lead.terms[i] as QueryTerm),
    occurrences,
    proximityByAttribute: false,
  });
  return rank.rank / rank.maxRank;
}

/**
 * The proximity key (`rank / maxRank`) of a document for the kept terms, equal to what the proximity
 * rule computes from a full scan.
 *
 * @example
 * ```ts
 * proximityKey(lead, stored, [0, 1], true); // 1 when the two words are adjacent
 * ```
 */
export function proximityKey(
  lead: ProximityLead,
  doc: StoredDocument,
  kept: readonly number[],
  typoRan: boolean,
): number {
  if (doc.tokenWords.length > MAX_PAIRED_OCCURRENCES) return scannedProximity(lead, doc, kept, typoRan);
  let cost = 0;
  let max = 0;
  for (let a = 0; a + 1 < kept.length; a++) {
    const left = kept[a] as number;
    const pair = lead.pairs[left];
    if (pair === undefined || pair.right !== kept[a + 1]) continue;
    max += MAX_PAIR_COST;
    cost += pairCost(lead, doc, pair, typoRan);
  }
  return (max - cost + 1) / (max + 1);
}
