import { documentsById } from './documents-by-id.js';
import { valuesAtPath } from './field-paths.js';
import type { IndexState } from './index-state.js';
import { scratchInt32 } from './scratch-arrays.js';

/** How one raw value is counted: its key (values sharing it are one), how it is shown, its number. */
export interface ValueSpelling {
  readonly key: string;
  readonly display: string;
  /** NaN when the value is not a number. */
  readonly number: number;
}

/**
 * One attribute's values per document: each document's distinct keys (the first spelling of each kept) as
 * spelling ids, stored by internal id in CSR form. Document `d` holds `spellings[starts[d]..starts[d + 1])`.
 */
export interface SpelledValues {
  readonly starts: Int32Array;
  readonly spellings: Int32Array;
  /** Per spelling: its key id, display form and number (NaN when not numeric). */
  readonly keyOf: Int32Array;
  readonly display: readonly string[];
  readonly numeric: Float64Array;
  /** Per key id: the key. */
  readonly keys: readonly string[];
}

/**
 * Read an attribute of every document into {@link SpelledValues}; `spell` says how a raw value counts
 * (null: it does not).
 *
 * @example
 * ```ts
 * buildSpelledValues(state, 'genre', (v) => typeof v === 'string' ? { key: v.toLowerCase(), display: v, number: NaN } : null);
 * ```
 */
export function buildSpelledValues(
  state: IndexState,
  field: string,
  spell: (value: unknown) => ValueSpelling | null,
): SpelledValues {
  const size = state.nextInternalId;
  const starts = new Int32Array(size + 1);
  const spellings: number[] = [];
  const keyIds = new Map<string, number>();
  const spellingIds = new Map<string, number>();
  const keyOf: number[] = [];
  const display: string[] = [];
  const numeric: number[] = [];
  const keys: string[] = [];
  const docs = documentsById(state);
  for (let id = 0; id < size; id++) {
    starts[id] = spellings.length;
    const stored = docs[id];
    if (stored === undefined) continue;
    const seen = new Set<string>();
    for (const value of valuesAtPath(stored.doc, field)) {
      const spelled = spell(value);
      if (spelled === null || seen.has(spelled.key)) continue;
      seen.add(spelled.key);
      // -0 and 0 share a key and a display but not a value (stats keep the exact number).
      const spellingKey = `${spelled.key}\u0000${spelled.display}\u0000${Object.is(spelled.number, -0) ? '-' : ''}`;
      let spelling = spellingIds.get(spellingKey);
      if (spelling === undefined) {
        let keyId = keyIds.get(spelled.key);
        if (keyId === undefined) {
          keyId = keys.length;
          keyIds.set(spelled.key, keyId);
          keys.push(spelled.key);
        }
        spelling = display.length;
        spellingIds.set(spellingKey, spelling);
        keyOf.push(keyId);
        display.push(spelled.display);
        numeric.push(spelled.number);
      }
      spellings.push(spelling);
    }
  }
  starts[size] = spellings.length;
  return {
    starts,
    spellings: Int32Array.from(spellings),
    keyOf: Int32Array.from(keyOf),
    display,
    numeric: Float64Array.from(numeric),
    keys,
  };
}

/** Per spelling: how many of the documents hold it, and the lowest internal id among them. */
export interface HeldSpellings {
  readonly held: Int32Array;
  readonly lowest: Int32Array;
}

/**
 * Count the spellings held by documents given by internal id (in any order, each once): one increment
 * and one compare per value. The arrays are scratch arrays, valid for the current search only.
 *
 * @example
 * ```ts
 * const { held } = countSpellings(table, Int32Array.of(0, 3));
 * ```
 */
export function countSpellings(table: SpelledValues, ids: ArrayLike<number>): HeldSpellings {
  const { starts, spellings } = table;
  const held = scratchInt32(table.display.length, 0);
  const lowest = scratchInt32(table.display.length, 0x7fffffff);
  for (let k = 0; k < ids.length; k++) {
    const id = ids[k] as number;
    const end = starts[id + 1] as number;
    for (let j = starts[id] as number; j < end; j++) {
      const spelling = spellings[j] as number;
      held[spelling] = (held[spelling] as number) + 1;
      if (id < (lowest[spelling] as number)) lowest[spelling] = id;
    }
  }
  return { held, lowest };
}

/**
 * Fold spelling counts into key counts (a document holds one spelling per key), each key shown as the
 * spelling of its lowest-id holder. `shown` is -1 for keys no document holds.
 *
 * @example
 * ```ts
 * const { counts, shown } = countsByKey(table, countSpellings(table, ids));
 * ```
 */
export function countsByKey(
  table: SpelledValues,
  { held, lowest }: HeldSpellings,
): { counts: Int32Array; shown: Int32Array } {
  const counts = scratchInt32(table.keys.length, 0);
  const shown = scratchInt32(table.keys.length, -1);
  for (let spelling = 0; spelling < table.display.length; spelling++) {
    const count = held[spelling] as number;
    if (count === 0) continue;
    const keyId = table.keyOf[spelling] as number;
    counts[keyId] = (counts[keyId] as number) + count;
    const current = shown[keyId] as number;
    if (current < 0 || (lowest[spelling] as number) < (lowest[current] as number)) shown[keyId] = spelling;
  }
  return { counts, shown };
}

/**
 * {@link countsByKey} over {@link countSpellings}: per key, how many of the documents hold it and its shown
 * spelling.
 *
 * @example
 * ```ts
 * const { counts, shown } = countKeys(table, matches);
 * ```
 */
export function countKeys(
  table: SpelledValues,
  ids: ArrayLike<number>,
): { counts: Int32Array; shown: Int32Array } {
  return countsByKey(table, countSpellings(table, ids));
}
