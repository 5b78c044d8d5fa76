import { countedSummaries, type Restriction, restrictionOf } from './attribute-restriction.js';
import { bestPlacements, type Placements } from './best-placements.js';
import { documentsById } from './documents-by-id.js';
import { maxAttributeWeight } from './field-paths.js';
import type { IdFilter } from './id-filter.js';
import type { IndexState, StoredDocument } from './index-state.js';
import { MAX_SUMMARY_WEIGHT } from './inverted-index.js';
import { type AttributeSwitches, type KeywordCandidate, removalOrder } from './keyword-candidates.js';
import { type LeadContext, leadingKeys, leadingLength } from './leading-keys.js';
import { scanDocument, type TermMatcher, type TermOccurrences, type WordSequence } from './match-terms.js';
import { optimisticOrder, walkGroups } from './optimistic-order.js';
import { planProximityLead } from './proximity-lead.js';
import type { ParsedQuery, QueryTerm } from './query-terms.js';
import type { RankingRule } from './ranking-rules.js';
import { rareTermDocuments } from './rare-term-documents.js';
import {
  compareKeyLists,
  compareScored,
  type RankingKey,
  type ScoredDocument,
  type ScoringContext,
  scoreDocument,
} from './score-document.js';
import { scratchInt32, scratchUint8 } from './scratch-arrays.js';
import { selectTop } from './select-top.js';
import {
  orderSingleTermByPostings,
  rankSingleTermByPostings,
  type SingleTermInput,
  scoreById,
  singleTermPassing,
} from './single-term-ranking.js';
import { sortedDocuments } from './sorted-documents.js';
import { markSequenceDocuments, termPostingCount } from './term-occurrences.js';
import { buildTermTable, MAX_TABLE_TERMS } from './term-table.js';

/**
 * Whether postings decide which documents match single-word terms and with how many typos (under an
 * attribute restriction, through each posting's occurrences): no stale postings, no phrases, no negations.
 */
function isPostingExact(state: IndexState, query: ParsedQuery, matchers: readonly TermMatcher[]): boolean {
  if (state.staleCount !== 0 || query.negativeWords.length > 0 || query.negativePhrases.length > 0)
    return false;
  return matchers.every((m) => m.marks !== null);
}

/**
 * Per document, the fewest typos + 1 of the term's multi-word sequences occurring in it (0: none; postings
 * are exact here), or null without sequences. Under an attribute restriction only occurrences in the
 * attributes that count are kept: each document found is scanned again for them.
 */
function sequenceDocuments(
  state: IndexState,
  matcher: TermMatcher,
  restriction: Restriction | null,
): Uint8Array | null {
  if (matcher.sequences.length === 0) return null;
  const marks = scratchUint8(state.nextInternalId, 0);
  for (const sequence of matcher.sequences) markSequenceDocuments(state, sequence, marks);
  if (restriction === null) return marks;
  const byId = documentsById(state);
  const alone = matcher.sequences.map((sequence) => ({ ...matcher, marks: null, sequences: [sequence] }));
  for (let docId = 0; docId < marks.length; docId++) {
    if (marks[docId] === 0) continue;
    const doc = byId[docId];
    let fewest = 0;
    if (doc !== undefined) {
      const found = scanDocument(doc, alone, restriction.searched, restriction.typoAllowed);
      found.forEach((occurrences, q) => {
        const mark = (matcher.sequences[q] as WordSequence).typos + 1;
        if (occurrences.occurrences.length > 0 && (fewest === 0 || mark < fewest)) fewest = mark;
      });
    }
    marks[docId] = fewest;
  }
  return marks;
}

/** Whether no document can hold the term: none of its words has a posting and it has no sequence. */
function isNowhere(state: IndexState, matcher: TermMatcher): boolean {
  return matcher.sequences.length === 0 && termPostingCount(state, matcher) === 0;
}

/** Documents in the postings of any of the term's seed words (the `frequency` strategy's counts). */
function countSeedDocuments(state: IndexState, matcher: TermMatcher): number {
  const marks = scratchUint8(state.nextInternalId, 0);
  for (const wordId of matcher.seedWords) for (const docId of state.words.postings(wordId)) marks[docId] = 1;
  let count = 0;
  for (const m of marks) count += m;
  return count;
}

/**
 * The words rule's kept terms after a full scan, as {@link findKeywordCandidates} computes them
 * (null when a mandatory term is missing).
 */
function scanCandidate(
  doc: StoredDocument,
  matchers: readonly TermMatcher[],
  switches: AttributeSwitches,
  terms: readonly QueryTerm[],
  mandatory: readonly number[],
  order: readonly number[],
): KeywordCandidate | null {
  const occurrences = scanDocument(doc, matchers, switches.searched, switches.typoAllowed);
  const has = (i: number): boolean => (occurrences[i] as TermOccurrences).occurrences.length > 0;
  if (!mandatory.every(has)) return null;
  const kept = new Set(terms.map((_, i) => i));
  for (const i of order) {
    if ([...kept].every(has)) break;
    kept.delete(i);
  }
  const keptIndices = [...kept].sort((a, b) => a - b);
  return {
    docId: doc.internalId,
    matchingWords: keptIndices.length,
    maxMatchingWords: terms.length,
    terms: keptIndices.map((i) => terms[i] as QueryTerm),
    occurrences: keptIndices.map((i) => occurrences[i] as TermOccurrences),
  };
}

interface Staged {
  readonly doc: StoredDocument;
  readonly kept: readonly number[];
  readonly keys: RankingKey[];
  /** Set when the document was already fully scored (sequence matches). */
  readonly scored: ScoredDocument | null;
}

/**
 * The head (every document that may reach the page; its first `needed` are the page so far, best first)
 * and the other matches' ids.
 */
export interface StagedRanking {
  readonly head: ScoredDocument[];
  readonly tail: ArrayLike<number>;
}

/** A keyword search as ranking from postings reads it (its query already parsed, its matchers built). */
export interface PostingSearch {
  readonly state: IndexState;
  readonly query: ParsedQuery;
  readonly matchers: readonly TermMatcher[];
  readonly switches: AttributeSwitches;
  readonly allows: IdFilter | null;
  readonly scoring: ScoringContext;
  readonly maxWeight: number;
}

/** What ranking one query from postings reads, computed once whether or not sequences are then counted. */
interface PostingRankContext extends Omit<PostingSearch, 'query'> {
  readonly terms: readonly QueryTerm[];
  readonly needed: number;
  /** Matches past the page are listed up to this many at least (Infinity: all of them). */
  readonly listUpTo: number;
  readonly placements: readonly Placements[];
  readonly typos: readonly Uint8Array[];
  /**
   * Per term, each document's lightest attribute weight among the words the attributeRank rule counts
   * (null: every attribute weighs the same, or no such rule).
   */
  readonly weights: readonly Uint16Array[] | null;
  /** The search's attribute switches when some attribute is left out or without typos (else null). */
  readonly restriction: Restriction | null;
  /** The words rule's term removal order, and the terms it never removes. */
  readonly order: readonly number[];
  readonly mandatory: readonly number[];
  readonly byId: readonly (StoredDocument | undefined)[];
}

/**
 * Rank keyword candidates found through postings only, fully scoring (scanning) just the documents whose
 * leading ranking keys tie with or beat the `needed`-th best: the others cannot reach the page and are
 * only listed by id (they count for totals and facets). Returns null when postings cannot decide matches
 * exactly (the caller then scans every candidate).
 *
 * Multi-word sequences (split words) are looked up only when they can matter: when the caller needs the
 * matches counted up to `countUpTo` at most and the page is settled without them (see
 * {@link settledWithoutSequences}), they are never computed.
 *
 * @example
 * ```ts
 * rankByPostings({ state, query: parsed, matchers, switches, allows: null, scoring, maxWeight: 0 }, 'last', 20, 1000);
 * ```
 */
export function rankByPostings(
  search: PostingSearch,
  strategy: 'last' | 'all' | 'frequency',
  needed: number,
  countUpTo: number,
): StagedRanking | null {
  if (needed <= 0) return null;
  const { state, matchers } = search;
  const context = postingRankContext({ ...search, strategy, needed, listUpTo: countUpTo });
  if (context === 'inexact') return null;
  if (context === 'nothing') return { head: [], tail: new Int32Array(0) };
  const optimistic = sequenceBound(context);
  if (optimistic !== null && Number.isFinite(countUpTo)) {
    const ranked = rankWithSequences(
      context,
      matchers.map(() => null),
    );
    if (ranked !== null && settledWithoutSequences(ranked, optimistic, needed, countUpTo)) return ranked;
  }
  return rankWithSequences(
    context,
    matchers.map((m) => sequenceDocuments(state, m, context.restriction)),
  );
}

/**
 * For a one-term query ranked by relevancy rules alone, the documents whose score reaches `threshold`
 * (1 per passing document; see {@link singleTermPassing}), or null when postings cannot tell (several
 * terms, rules needing document values): the caller then scores every match.
 *
 * @example
 * ```ts
 * passingByPostings({ state, query: parsed, matchers, switches, allows: null, scoring, maxWeight: 0 }, 0.9);
 * ```
 */
export function passingByPostings(search: PostingSearch, threshold: number): Uint8Array | null {
  if (search.scoring.sort.length > 0) return null;
  const input = oneTermInput(search);
  if (input === 'inexact') return null;
  // Nothing matches, so nothing passes.
  if (input === 'nothing') return scratchUint8(search.state.nextInternalId, 0);
  return singleTermPassing(input, threshold);
}

/** Every match of a one-term query in ranking order, and a full scoring of any of them. */
export interface PostingOrder {
  readonly ids: Int32Array;
  /** The document's scored hit (null: it does not match after all, which exact postings rule out). */
  readonly score: (docId: number) => ScoredDocument | null;
}

/**
 * Every match of a one-term query in ranking order, from postings (see {@link orderSingleTermByPostings}),
 * or null when postings cannot give it (several terms, split words, rules needing document values).
 *
 * @example
 * ```ts
 * orderByPostings({ state, query: parsed, matchers, switches, allows: null, scoring, maxWeight: 0 })?.ids[0];
 * ```
 */
export function orderByPostings(search: PostingSearch): PostingOrder | null {
  const input = oneTermInput(search);
  if (input === 'inexact') return null;
  if (input === 'nothing') return { ids: new Int32Array(0), score: () => null };
  const ids = orderSingleTermByPostings(input);
  if (ids === null) return null;
  return { ids, score: (docId) => scoreById(input, docId) };
}

/** The one-term ranking's input with its split words looked up (`inexact` also for several terms). */
function oneTermInput(search: PostingSearch): SingleTermInput | 'inexact' | 'nothing' {
  const { state, query, matchers } = search;
  if (query.terms.length !== 1) return 'inexact';
  // One term: no term removal, and the page size plays no part here.
  const context = postingRankContext({
    ...search,
    strategy: 'last',
    needed: 1,
    listUpTo: Number.POSITIVE_INFINITY,
  });
  if (typeof context === 'string') return context;
  const sequences = sequenceDocuments(state, matchers[0] as TermMatcher, context.restriction);
  return singleTermInput(context, sequences);
}

/** A keyword search with how it is to be ranked from postings. */
interface PostingRankRequest extends PostingSearch {
  readonly strategy: 'last' | 'all' | 'frequency';
  readonly needed: number;
  readonly listUpTo: number;
}

/**
 * What ranking from postings reads; `inexact` when postings cannot decide matches, `nothing` when a term
 * the words rule keeps in every match has no posting and no sequence (then nothing matches, and the passes
 * over every document that placements take are skipped).
 */
function postingRankContext(request: PostingRankRequest): PostingRankContext | 'inexact' | 'nothing' {
  const { state, query, matchers, strategy, switches, allows, scoring, maxWeight, needed, listUpTo } =
    request;
  const { terms } = query;
  if (terms.length > MAX_TABLE_TERMS || !isPostingExact(state, query, matchers)) return 'inexact';
  const restriction = restrictionOf(switches);
  // Each term's fewest typos and smallest positions (counting only fewest-typo words once the typo rule
  // ran, as the wordPosition rule does) come from one pass over its postings.
  const ruleAt = (kind: RankingRule['kind']): number => scoring.rules.findIndex((rule) => rule.kind === kind);
  const typoFirst = ruleAt('typo') >= 0 && ruleAt('typo') < ruleAt('wordPosition');
  const order = removalOrder(terms, strategy, () => matchers.map((m) => countSeedDocuments(state, m)));
  const removable = new Set(order);
  const mandatory = terms.map((_, i) => i).filter((i) => !removable.has(i));
  if (mandatory.some((i) => isNowhere(state, matchers[i] as TermMatcher))) return 'nothing';
  const placementsBestOnly = terms.length === 1 || typoFirst;
  const placements = matchers.map((m) => bestPlacements(state, m, placementsBestOnly, restriction));
  return {
    state,
    terms,
    matchers,
    switches,
    allows,
    scoring,
    maxWeight,
    needed,
    listUpTo,
    placements,
    typos: placements.map((p) => p.typos),
    weights: attributeWeights(state, matchers, scoring, placements, placementsBestOnly, restriction),
    restriction,
    order,
    mandatory,
    byId: documentsById(state),
  };
}

/** 1 for the documents holding the word itself (under a restriction, in an attribute that counts). */
function documentsHolding(state: IndexState, wordId: number, restriction: Restriction | null): Uint8Array {
  const held = scratchUint8(state.nextInternalId, 0);
  const docs = state.words.postings(wordId);
  const summaries = countedSummaries(state, wordId, 0, restriction);
  for (let k = 0; k < docs.length; k++) if ((summaries[k] as number) >= 0) held[docs[k] as number] = 1;
  return held;
}

/**
 * Per term, each document's lightest attribute weight as the attributeRank rule counts it: among every
 * word of the term, or once the typo rule ran among its fewest-typo words (null: no such rule, or every
 * attribute weighs the same).
 */
function attributeWeights(
  state: IndexState,
  matchers: readonly TermMatcher[],
  scoring: ScoringContext,
  placements: readonly Placements[],
  placementsBestOnly: boolean,
  restriction: Restriction | null,
): Uint16Array[] | null {
  const at = scoring.rules.findIndex((rule) => rule.kind === 'attributeRank');
  // Postings hold weights up to a bound: heavier ones are read from documents.
  if (at < 0 || maxAttributeWeight(state.settings.searchableAttributes) > MAX_SUMMARY_WEIGHT) return null;
  const bestOnly = scoring.rules.slice(0, at).some((rule) => rule.kind === 'typo');
  const weights: Uint16Array[] = [];
  for (const [i, matcher] of matchers.entries()) {
    const source =
      bestOnly === placementsBestOnly
        ? (placements[i] as Placements)
        : bestPlacements(state, matcher, bestOnly, restriction);
    if (source.weights === null) return null;
    weights.push(source.weights);
  }
  return weights;
}

/**
 * The best leading words/typo keys a document can reach through a multi-word sequence, or null when
 * sequences may decide more than those keys (no typo rule among the leading rules, or a sequence costing
 * no typo, like a multi-word synonym). Once the typo rule ran only each term's fewest-typo matches count,
 * so a sequence changes a document's ranking only if it is that term's cheapest match: then the document
 * has at least one typo.
 */
function sequenceBound(context: PostingRankContext): RankingKey[] | null {
  const { matchers, terms, scoring } = context;
  if (!matchers.some((m) => m.sequences.length > 0)) return null;
  if (matchers.some((m) => m.sequences.some((sequence) => sequence.typos === 0))) return null;
  const keys: RankingKey[] = [];
  for (const rule of scoring.rules) {
    if (rule.kind === 'words') keys.push(1);
    else if (rule.kind === 'typo') {
      const budget = terms.reduce((sum, term) => sum + term.maxTypoCost, 0);
      keys.push(budget / (budget + 1));
    } else break;
  }
  return keys.length === 0 || !scoring.rules.slice(0, keys.length).some((r) => r.kind === 'typo')
    ? null
    : keys;
}

/**
 * Whether a ranking made without sequences is the real one: a full page whose last hit beats, on the
 * leading words/typo keys, anything a sequence can reach, and at least `countUpTo` matches already (the
 * ones a sequence alone would add change neither the page nor the capped count).
 */
function settledWithoutSequences(
  ranked: StagedRanking,
  bound: readonly RankingKey[],
  needed: number,
  countUpTo: number,
): boolean {
  if (ranked.head.length + ranked.tail.length < countUpTo || ranked.head.length < needed) return false;
  const last = ranked.head[needed - 1] as ScoredDocument;
  return compareKeyLists(last.keys.slice(0, bound.length), bound) < 0;
}

/** The one-term ranking's input from a posting context (its only term's placements and sequence marks). */
function singleTermInput(context: PostingRankContext, sequenceTypos: Uint8Array | null): SingleTermInput {
  const { state, terms, matchers, switches, scoring, order, mandatory } = context;
  const placements = context.placements[0] as Placements;
  return {
    state,
    matcher: matchers[0] as TermMatcher,
    typos: placements.typos,
    bestPositions: placements.positions,
    bestWeights: placements.weights,
    restriction: context.restriction,
    sequenceTypos,
    allows: context.allows,
    scoring,
    maxWeight: context.maxWeight,
    needed: context.needed,
    listUpTo: context.listUpTo,
    docs: context.byId,
    score: (doc) => {
      const candidate = scanCandidate(doc, matchers, switches, terms, mandatory, order);
      return candidate === null ? null : scoreDocument(scoring, doc.doc, doc.internalId, candidate);
    },
  };
}

/** Rank with each term's sequence marks (fewest typos + 1 per document; null: none counted). */
function rankWithSequences(
  context: PostingRankContext,
  sequences: readonly (Uint8Array | null)[],
): StagedRanking | null {
  const { state, terms, matchers, switches, allows, scoring, maxWeight, needed } = context;
  const { placements, typos, order, mandatory, byId, restriction } = context;
  if (terms.length === 1) {
    const single = rankSingleTermByPostings(singleTermInput(context, sequences[0] ?? null));
    if (single !== null) return single;
  }
  let anySequence: Uint8Array | null = null;
  for (const marks of sequences) {
    if (marks === null) continue;
    anySequence ??= scratchUint8(marks.length, 0);
    for (let d = 0; d < marks.length; d++) if (marks[d] !== 0) anySequence[d] = 1;
  }
  const seed = mandatory[0] ?? 0;
  // Every candidate holds the seed term: when no sequence can add documents and that term is rare, only
  // its documents are visited.
  const listed = sequences.every((marks) => marks === null)
    ? rareTermDocuments(state, matchers[seed] as TermMatcher)
    : null;
  const table = buildTermTable(terms, typos, sequences, order, state.nextInternalId, listed);
  const selfWord = terms.length === 1 ? state.words.lookup((terms[0] as QueryTerm).word) : -1;
  const selfDocs = selfWord >= 0 ? documentsHolding(state, selfWord, restriction) : null;
  const proximity = scoring.rules.some((rule) => rule.kind === 'proximity')
    ? planProximityLead(state, matchers, typos, switches, state.settings.proximityPrecision === 'byAttribute')
    : null;
  const lead: LeadContext = {
    scoring,
    terms,
    matchers,
    maxWeight,
    typos,
    weights: context.weights,
    restriction,
    selfWord,
    selfDocs,
    proximity,
  };
  const leadLength = leadingLength(lead);
  // When leading keys cover every rule they are the full keys: ties are then decided by internal id.
  const complete =
    leadLength === scoring.rules.reduce((n, rule) => n + (rule.kind === 'sort' ? scoring.sort.length : 1), 0);
  const byLead = (x: Staged, y: Staged): number =>
    compareKeyLists(x.keys, y.keys) || x.doc.internalId - y.doc.internalId;
  // Documents that may reach the page, the running best `needed` of them, and the rest (ids only).
  const pending: Staged[] = [];
  const top: Staged[] = [];
  // Every candidate lands in the tail at most once: one array sized for the index, no regrowth.
  const tailIds = scratchInt32(state.nextInternalId);
  let tailLength = 0;
  const tail = {
    push(docId: number): void {
      tailIds[tailLength++] = docId;
    },
  };
  const admit = (entry: Staged): void => {
    pending.push(entry);
    if (top.length === needed && byLead(entry, top[needed - 1] as Staged) >= 0) return;
    let lo = 0;
    let hi = top.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (byLead(top[mid] as Staged, entry) <= 0) lo = mid + 1;
      else hi = mid;
    }
    top.splice(lo, 0, entry);
    if (top.length > needed) top.pop();
  };
  // The words and typo rules leading the ranking rules, and whether a sequence document is below `bound`
  // on them (each term's typos: the fewest over its words and its sequences).
  const prefixRules: RankingRule[] = [];
  for (const rule of scoring.rules) {
    if (rule.kind !== 'words' && rule.kind !== 'typo') break;
    prefixRules.push(rule);
  }
  const prefixKeys = (docId: number, bound: readonly RankingKey[]): boolean => {
    const mask = table.presence[docId] as number;
    const kept = table.keptTerms(mask);
    const keys: RankingKey[] = [];
    for (const rule of prefixRules) {
      if (rule.kind === 'words') {
        keys.push(kept.length / terms.length);
        continue;
      }
      const max = table.keptBudget[mask] as number;
      let count = 0;
      for (const i of kept) count += (table.effective[i] as Uint8Array)[docId] as number;
      keys.push((max + 1 - count) / (max + 1));
    }
    return compareKeyLists(keys, bound) > 0;
  };
  // Candidates: documents holding every required term (through its words or a sequence) and passing the
  // filter, in internal-id order.
  let required = 1 << seed;
  for (const i of mandatory) required |= 1 << i;
  const { presence } = table;
  const candidates = scratchInt32(presence.length + 1);
  const allowed = allows === null ? null : allows.bitmap(presence.length);
  let candidateCount = 0;
  // Branch-free: the id is written, then kept only when every required term is held (and it passes).
  const visits = listed === null ? presence.length : listed.length;
  for (let k = 0; k < visits; k++) {
    const docId = listed === null ? k : (listed[k] as number);
    candidates[candidateCount] = docId;
    const missing = ((presence[docId] as number) & required) ^ required;
    candidateCount += (missing - 1) >>> 31;
  }
  if (allowed !== null) {
    let kept = 0;
    for (let c = 0; c < candidateCount; c++) {
      const docId = candidates[c] as number;
      candidates[kept] = docId;
      kept += allowed[docId] as number;
    }
    candidateCount = kept;
  }
  const candidateIds = candidates.subarray(0, candidateCount);
  // Rank one candidate: its leading keys against the running bound (false: postings are not exact).
  const visit = (docId: number): boolean => {
    const doc = byId[docId];
    if (doc === undefined) return false;
    const bound = top.length === needed ? (top[needed - 1] as Staged).keys : null;
    if (anySequence?.[docId] === 1) {
      // Leading words/typo keys count sequences too: a document already strictly below the bound on them
      // (typically a split-word match costing a typo) falls past the page without a scan.
      if (bound !== null && prefixRules.length > 0 && prefixKeys(docId, bound)) {
        tail.push(docId);
        return true;
      }
      // A multi-word sequence may match (or lower the typos): score this document from a full scan.
      const candidate = scanCandidate(doc, matchers, switches, terms, mandatory, order);
      if (candidate === null) return true;
      const scored = scoreDocument(scoring, doc.doc, docId, candidate);
      const keys = scored.keys.slice(0, leadLength);
      const versus = bound === null ? -1 : compareKeyLists(keys, bound);
      if (versus > 0 || (complete && versus === 0)) tail.push(docId);
      else admit({ doc, kept: [], keys, scored });
      return true;
    }
    // Without a sequence, the terms held are the ones whose words the document holds.
    const kept = table.keptTerms(presence[docId] as number);
    const keys = leadingKeys(lead, doc, kept, bound);
    if (keys === null) tail.push(docId);
    else admit({ doc, kept, keys, scored: null });
    return true;
  };
  // Several terms: best optimistic keys first, so the bound tightens early and whole groups whose keys
  // cannot reach it are listed without touching their documents. (A complete lead breaks full ties by
  // internal id, which needs id order.)
  const groups =
    terms.length > 1 && !complete
      ? optimisticOrder({
          terms,
          rules: scoring.rules,
          sortCriteria: scoring.sort.length,
          sortFirst: scoring.sort[0]?.kind === 'field' ? scoring.sort[0] : null,
          sorted: (field, ascending) => sortedDocuments(state, field, ascending),
          maxWeight,
          weights: context.weights,
          table,
          positions: placements.map((p) => p.positions),
          anySequence,
          size: state.nextInternalId,
          candidates: candidateIds,
        })
      : null;
  if (groups === null) {
    for (const docId of candidateIds) if (!visit(docId)) return null;
  } else {
    const walked = walkGroups(groups, {
      bound: () => (top.length === needed ? (top[needed - 1] as Staged).keys : null),
      visit,
      skip: (docIds) => {
        tailIds.set(docIds, tailLength);
        tailLength += docIds.length;
      },
    });
    if (!walked) return null;
  }
  const boundary = top[top.length - 1];
  const contenders: ScoredDocument[] = [];
  for (const entry of pending) {
    if (
      boundary !== undefined &&
      (complete ? byLead(entry, boundary) : compareKeyLists(entry.keys, boundary.keys)) > 0
    ) {
      tail.push(entry.doc.internalId);
      continue;
    }
    if (entry.scored !== null) {
      contenders.push(entry.scored);
      continue;
    }
    const occurrences = scanDocument(entry.doc, matchers, switches.searched, switches.typoAllowed);
    const candidate: KeywordCandidate = {
      docId: entry.doc.internalId,
      matchingWords: entry.kept.length,
      maxMatchingWords: terms.length,
      terms: entry.kept.map((i) => terms[i] as QueryTerm),
      occurrences: entry.kept.map((i) => occurrences[i] as TermOccurrences),
    };
    contenders.push(scoreDocument(scoring, entry.doc.doc, entry.doc.internalId, candidate));
  }
  selectTop(contenders, Math.min(needed, contenders.length), compareScored);
  return { head: contenders, tail: tailIds.subarray(0, tailLength) };
}
