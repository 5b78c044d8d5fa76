import { documentsById } from './documents-by-id.js';
import type { IndexState, StoredDocument } from './index-state.js';
import { attributeBit, LATER_ATTRIBUTES, summarizeOccurrences } from './inverted-index.js';
import type { AttributeSwitches } from './keyword-candidates.js';

/**
 * The switches of a search that leaves some attribute out (`attributesToSearchOn`) or some attribute
 * without typos (`typoTolerance.disableOnAttributes`), with the attribute masks (see `attributeBit`) whose
 * occurrences count: for words matched without typos, and with typos.
 */
export interface Restriction extends AttributeSwitches {
  readonly countedWithoutTypos: number;
  readonly countedWithTypos: number;
}

/**
 * The search's restriction, or null when every attribute is searched with typos (each posting's summary
 * then already describes the occurrences that count).
 *
 * @example
 * ```ts
 * restrictionOf({ searched: Uint8Array.of(1, 0), typoAllowed: Uint8Array.of(1, 1) })?.countedWithTypos; // 1
 * ```
 */
export function restrictionOf(switches: AttributeSwitches): Restriction | null {
  let countedWithoutTypos = 0;
  let countedWithTypos = 0;
  let restricted = false;
  // Attributes from id 31 on share one mask bit: it never counts for sure (their postings are walked).
  for (let fid = 0; fid < switches.searched.length; fid++) {
    if (switches.searched[fid] !== 1 || switches.typoAllowed[fid] !== 1) restricted = true;
    if (fid >= 31 || switches.searched[fid] !== 1) continue;
    countedWithoutTypos |= attributeBit(fid);
    if (switches.typoAllowed[fid] === 1) countedWithTypos |= attributeBit(fid);
  }
  return restricted ? { ...switches, countedWithoutTypos, countedWithTypos } : null;
}

/** Whether an occurrence in attribute `fid` of a word matched with `typos` typos counts for the search. */
export function occurrenceCounts(switches: AttributeSwitches, fid: number, typos: number): boolean {
  return switches.searched[fid] === 1 && (typos === 0 || switches.typoAllowed[fid] === 1);
}

/**
 * A posting's summary (see `summarizeOccurrences`) over the word's occurrences that count under the
 * restriction, or -1 when none counts (the document does not hold the word for this search). The mask of
 * the attributes holding the word usually decides: all of them count (the posting's own summary), or none
 * does. Otherwise the occurrences are walked from the first token along the document's same-word chain.
 */
function countedSummary(
  restriction: Restriction,
  summary: number,
  attributes: number,
  doc: StoredDocument | undefined,
  firstToken: number,
  typos: number,
  fidWeights: readonly number[],
): number {
  const counted = typos === 0 ? restriction.countedWithoutTypos : restriction.countedWithTypos;
  if ((attributes & ~counted) === 0) return summary;
  if ((attributes & (counted | LATER_ATTRIBUTES)) === 0 || doc === undefined) return -1;
  const { tokenFids, tokenPositions, nextSame } = doc;
  const last = tokenFids.length - 1;
  let position = -1;
  let weight = Number.POSITIVE_INFINITY;
  let alone = false;
  for (let at = firstToken; at !== -1; at = nextSame[at] as number) {
    const fid = tokenFids[at] as number;
    if (!occurrenceCounts(restriction, fid, typos)) continue;
    const here = tokenPositions[at] as number;
    if (position < 0 || here < position) position = here;
    weight = Math.min(weight, fidWeights[fid] as number);
    // An attribute's tokens are contiguous: a token whose neighbours belong elsewhere is its attribute alone.
    if ((at === 0 || tokenFids[at - 1] !== fid) && (at === last || tokenFids[at + 1] !== fid)) alone = true;
  }
  return position < 0 ? -1 : summarizeOccurrences(position, alone, weight);
}

/**
 * Per posting of a word (in posting order), its summary over the occurrences that count for a search
 * whose words carry `typos` typos, -1 where none counts: the stored summaries themselves when nothing is
 * restricted.
 *
 * @example
 * ```ts
 * const summaries = countedSummaries(state, wordId, 0, restrictionOf(switches));
 * ```
 */
export function countedSummaries(
  state: IndexState,
  wordId: number,
  typos: number,
  restriction: Restriction | null,
): Int32Array {
  const summaries = state.words.summaries(wordId);
  if (restriction === null) return summaries;
  const docs = state.words.postings(wordId);
  const masks = state.words.attributeMasks(wordId);
  const firsts = state.words.firstTokens(wordId);
  const byId = documentsById(state);
  const counted = new Int32Array(summaries.length);
  for (let k = 0; k < summaries.length; k++) {
    const doc = byId[docs[k] as number];
    const first = firsts[k] as number;
    counted[k] = countedSummary(
      restriction,
      summaries[k] as number,
      masks[k] as number,
      doc,
      first,
      typos,
      state.fidWeights,
    );
  }
  return counted;
}
