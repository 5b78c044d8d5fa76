import { ABSENT } from './best-placements.js';

/**
 * Write into `out` a document's fewest typos per query term, counting the term's words (`typos`, 255:
 * absent) and its multi-word sequences (`sequences`: fewest typos + 1, 0: none), and return which terms
 * it holds as a bit mask (bit i: term i).
 *
 * @example
 * ```ts
 * const out = new Uint8Array(terms.length);
 * const present = termPresence(typos, sequences, docId, out); // e.g. 0b11: both terms held
 * ```
 */
export function termPresence(
  typos: readonly Uint8Array[],
  sequences: readonly (Uint8Array | null)[],
  docId: number,
  out: Uint8Array,
): number {
  let present = 0;
  for (let i = 0; i < typos.length; i++) {
    const word = (typos[i] as Uint8Array)[docId] as number;
    const sequence = sequences[i]?.[docId] ?? 0;
    const best = sequence !== 0 ? Math.min(word, sequence - 1) : word;
    out[i] = best;
    if (best !== ABSENT) present |= 1 << i;
  }
  return present;
}
