import { type DocumentsSnapshot, documentsSnapshot } from './documents-by-id.js';
import type { Document } from './engine-contract.js';
import { valuesAtPath } from './field-paths.js';
import type { IndexState, StoredDocument } from './index-state.js';
import { remember } from './revision-cache.js';
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

/** How one attribute's values are spelled. */
type Speller = (value: unknown) => ValueSpelling | null;

/**
 * One attribute's spellings and keys, kept across revisions (ids never change; entries no document holds
 * any more count 0 wherever they are read), and the last table built with them: a write replaces the
 * stored documents it touches, so the next table copies every other document's ids from the last one
 * instead of reading its values again.
 */
interface SpellingDictionary {
  readonly keyIds: Map<string, number>;
  readonly spellingIds: Map<string, number>;
  readonly keyOf: number[];
  readonly display: string[];
  readonly numeric: number[];
  readonly keys: string[];
  last: {
    readonly snapshot: DocumentsSnapshot;
    readonly starts: Int32Array;
    readonly spellings: Int32Array;
  } | null;
}

const dictionaries = new WeakMap<IndexState, Map<Speller, Map<string, SpellingDictionary>>>();

/** Spellings left over from replaced documents past this share of the live ones: start a fresh dictionary. */
const STALE_SPELLINGS_FACTOR = 2;

function newDictionary(): SpellingDictionary {
  return {
    keyIds: new Map(),
    spellingIds: new Map(),
    keyOf: [],
    display: [],
    numeric: [],
    keys: [],
    last: null,
  };
}

function dictionaryOf(state: IndexState, field: string, spell: Speller): SpellingDictionary {
  let bySpeller = dictionaries.get(state);
  if (bySpeller === undefined) {
    bySpeller = new Map();
    dictionaries.set(state, bySpeller);
  }
  const byField = remember(bySpeller, spell, Number.POSITIVE_INFINITY, () => new Map());
  return remember(byField, field, Number.POSITIVE_INFINITY, newDictionary);
}

/** A document's distinct spellings (the first spelling of each key kept) as dictionary ids. */
function spellDocument(
  dictionary: SpellingDictionary,
  doc: Document,
  field: string,
  spell: Speller,
): Int32Array {
  const ids: number[] = [];
  const seen = new Set<string>();
  for (const value of valuesAtPath(doc, field)) {
    const spelled = spell(value);
    if (spelled === null || seen.has(spelled.key)) continue;
    seen.add(spelled.key);
    // -0 and 0 share a key and a display but not a value (stats keep the exact number).
    const spellingKey = `${spelled.key}\u0000${spelled.display}\u0000${Object.is(spelled.number, -0) ? '-' : ''}`;
    let spelling = dictionary.spellingIds.get(spellingKey);
    if (spelling === undefined) {
      let keyId = dictionary.keyIds.get(spelled.key);
      if (keyId === undefined) {
        keyId = dictionary.keys.length;
        dictionary.keyIds.set(spelled.key, keyId);
        dictionary.keys.push(spelled.key);
      }
      spelling = dictionary.display.length;
      dictionary.spellingIds.set(spellingKey, spelling);
      dictionary.keyOf.push(keyId);
      dictionary.display.push(spelled.display);
      dictionary.numeric.push(spelled.number);
    }
    ids.push(spelling);
  }
  return Int32Array.from(ids);
}

/**
 * Read an attribute of every document into {@link SpelledValues}; `spell` says how a raw value counts
 * (null: it does not). Documents unchanged since an earlier table are not read again.
 *
 * @example
 * ```ts
 * buildSpelledValues(state, 'genre', (v) => typeof v === 'string' ? { key: v.toLowerCase(), display: v, number: NaN } : null);
 * ```
 */
export function buildSpelledValues(state: IndexState, field: string, spell: Speller): SpelledValues {
  let dictionary = dictionaryOf(state, field, spell);
  const size = state.nextInternalId;
  const snapshot = documentsSnapshot(state);
  const { docs, serials } = snapshot;
  const table = (): { starts: Int32Array; spellings: Int32Array; live: number } => {
    const { last } = dictionary;
    // Same serial: the same stored document (compared without reading any document).
    const lastSerials = last?.snapshot.serials ?? new Int32Array(0);
    // Documents written since the last table are read again (usually a few): their ids, by internal id.
    const respelled = new Map<number, Int32Array>();
    const copied = new Uint8Array(size);
    const starts = new Int32Array(size + 1);
    for (let id = 0; id < size; id++) {
      const serial = serials[id] as number;
      let count = 0;
      if (serial !== 0 && last !== null && id < lastSerials.length && lastSerials[id] === serial) {
        count = (last.starts[id + 1] as number) - (last.starts[id] as number);
        copied[id] = 1;
      } else if (serial !== 0) {
        const ids = spellDocument(dictionary, (docs[id] as StoredDocument).doc, field, spell);
        respelled.set(id, ids);
        count = ids.length;
      }
      starts[id + 1] = (starts[id] as number) + count;
    }
    const spellings = new Int32Array(starts[size] as number);
    for (let id = 0; id < size; id++) {
      const at = starts[id] as number;
      const end = starts[id + 1] as number;
      if (at === end) continue;
      if (copied[id] === 0) {
        spellings.set(respelled.get(id) as Int32Array, at);
        continue;
      }
      // A plain copy: a view per document would cost an allocation each.
      const from = (last as NonNullable<typeof last>).starts[id] as number;
      const previous = (last as NonNullable<typeof last>).spellings;
      for (let k = 0; k < end - at; k++) spellings[at + k] = previous[from + k] as number;
    }
    const used = new Uint8Array(dictionary.display.length);
    let live = 0;
    for (const spelling of spellings) {
      live += used[spelling] === 0 ? 1 : 0;
      used[spelling] = 1;
    }
    dictionary.last = { snapshot, starts, spellings };
    return { starts, spellings, live };
  };
  let built = table();
  // Values replaced over many writes pile up in the dictionary: past a bound, read every document afresh.
  if (dictionary.display.length > STALE_SPELLINGS_FACTOR * built.live + 1024) {
    const bySpeller = dictionaries.get(state)?.get(spell);
    dictionary = newDictionary();
    bySpeller?.set(field, dictionary);
    built = table();
  }
  return {
    starts: built.starts,
    spellings: built.spellings,
    keyOf: Int32Array.from(dictionary.keyOf),
    display: dictionary.display.slice(),
    numeric: Float64Array.from(dictionary.numeric),
    keys: dictionary.keys.slice(),
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
