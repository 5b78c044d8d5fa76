import type { QueryTerm } from './query-terms.js';
import { scratchUint8, scratchUint16 } from './scratch-arrays.js';

/**
 * Which query terms each document holds and with how many typos, and what the words rule keeps of them:
 * computed once per multi-term query, in typed passes over each term's per-document arrays.
 */
export interface TermTable {
  /** Per document, bit i set when it holds term i (through one of its words or sequences). */
  readonly presence: Uint16Array;
  /** Per term, each document's fewest typos over the term's words and sequences (255: absent). */
  readonly effective: readonly Uint8Array[];
  /** Per presence mask, the terms the words rule keeps, as a bit mask. */
  readonly keptBits: Int32Array;
  /** Per presence mask, the kept terms' summed typo budget. */
  readonly keptBudget: Int32Array;
  /** The kept terms of a presence mask, ascending (one shared array per mask). */
  keptTerms(mask: number): readonly number[];
}

/** Terms a table can hold (presence is 16 bits per document; queries keep at most 10 words). */
export const MAX_TABLE_TERMS = 16;

/**
 * Build the table from each term's word typos (255: absent) and sequence marks (fewest typos + 1, 0:
 * none), dropping terms in `removal` order until the kept ones are all held (the words rule). With
 * `listed`, presence is computed for those documents only (the only ones the caller reads it for).
 *
 * @example
 * ```ts
 * const table = buildTermTable(terms, typos, sequences, [2, 1], state.nextInternalId);
 * table.keptTerms(table.presence[docId]); // e.g. [0, 1]
 * ```
 */
export function buildTermTable(
  terms: readonly QueryTerm[],
  typos: readonly Uint8Array[],
  sequences: readonly (Uint8Array | null)[],
  removal: readonly number[],
  size: number,
  listed: Int32Array | null = null,
): TermTable {
  const effective = typos.map((words, i) => {
    const marks = sequences[i] ?? null;
    if (marks === null) return words;
    const best = scratchUint8(size);
    best.set(words);
    for (let docId = 0; docId < size; docId++) {
      const mark = marks[docId] as number;
      if (mark !== 0 && mark - 1 < (best[docId] as number)) best[docId] = mark - 1;
    }
    return best;
  });
  const presence = listed === null ? presenceOf(effective, size) : listedPresence(effective, size, listed);
  const masks = 1 << terms.length;
  const keptBits = new Int32Array(masks);
  const keptBudget = new Int32Array(masks);
  for (let mask = 0; mask < masks; mask++) {
    let kept = masks - 1;
    for (const i of removal) {
      if ((kept & mask) === kept) break;
      kept &= ~(1 << i);
    }
    keptBits[mask] = kept;
    terms.forEach((term, i) => {
      if ((kept & (1 << i)) !== 0) keptBudget[mask] = (keptBudget[mask] as number) + term.maxTypoCost;
    });
  }
  const lists = new Array<readonly number[] | undefined>(masks);
  const keptTerms = (mask: number): readonly number[] => {
    let list = lists[mask];
    if (list === undefined) {
      const bits = keptBits[mask] as number;
      list = terms.map((_, i) => i).filter((i) => (bits & (1 << i)) !== 0);
      lists[mask] = list;
    }
    return list;
  };
  return { presence, effective, keptBits, keptBudget, keptTerms };
}

/** {@link presenceOf} for the listed documents only (the others' masks are left unset). */
function listedPresence(typos: readonly Uint8Array[], size: number, listed: Int32Array): Uint16Array {
  const presence = scratchUint16(size);
  for (let k = 0; k < listed.length; k++) {
    const docId = listed[k] as number;
    let mask = 0;
    for (let i = 0; i < typos.length; i++)
      mask |= (((((typos[i] as Uint8Array)[docId] as number) + 1) >> 8) ^ 1) << i;
    presence[docId] = mask;
  }
  return presence;
}

/** Bit i of each document's mask: it holds term i. (255 + 1) >> 8 is 1 only for an absent term. */
function presenceOf(typos: readonly Uint8Array[], size: number): Uint16Array {
  // Written whole by the two- and three-term passes; the general one ORs each term in.
  const presence = scratchUint16(size, typos.length === 2 || typos.length === 3 ? undefined : 0);
  const [first, second, third] = typos;
  // Two or three terms (most queries): one pass reading every term, which is faster than one pass each.
  if (typos.length === 2 && first !== undefined && second !== undefined) {
    for (let docId = 0; docId < size; docId++)
      presence[docId] =
        ((((first[docId] as number) + 1) >> 8) ^ 1) | (((((second[docId] as number) + 1) >> 8) ^ 1) << 1);
    return presence;
  }
  if (typos.length === 3 && first !== undefined && second !== undefined && third !== undefined) {
    for (let docId = 0; docId < size; docId++)
      presence[docId] =
        ((((first[docId] as number) + 1) >> 8) ^ 1) |
        (((((second[docId] as number) + 1) >> 8) ^ 1) << 1) |
        (((((third[docId] as number) + 1) >> 8) ^ 1) << 2);
    return presence;
  }
  typos.forEach((term, i) => {
    for (let docId = 0; docId < size; docId++)
      presence[docId] = (presence[docId] as number) | (((((term[docId] as number) + 1) >> 8) ^ 1) << i);
  });
  return presence;
}
