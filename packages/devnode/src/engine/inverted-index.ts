/** Postings of one word: internal doc id → encoded occurrences (`fid * 65536 + position`). */
export type Postings = Map<number, number[]>;

/** Largest word position kept per attribute (Meilisearch keeps 65,536 positions per attribute). */
export const MAX_POSITION = 65535;

/** Encode an attribute id and a word position into one occurrence number. */
export function encodeOccurrence(fid: number, position: number): number {
  return fid * 65536 + Math.min(position, MAX_POSITION);
}

/** Attribute id of an encoded occurrence. */
export function occurrenceFid(occurrence: number): number {
  return Math.floor(occurrence / 65536);
}

/** Word position of an encoded occurrence. */
export function occurrencePosition(occurrence: number): number {
  return occurrence % 65536;
}

/**
 * word → postings, with a lazily sorted vocabulary for prefix and typo enumeration.
 *
 * @example
 * ```ts
 * const index = createInvertedIndex();
 * index.add('batman', 0, [encodeOccurrence(0, 0)]);
 * index.wordsWithPrefix('bat'); // ['batman']
 * ```
 */
export interface InvertedIndex {
  add(word: string, docId: number, occurrences: number[]): void;
  remove(word: string, docId: number): void;
  postings(word: string): Postings | undefined;
  has(word: string): boolean;
  wordsWithPrefix(prefix: string): string[];
  /** Every word starting with `first` (code point), or every word when `first` is undefined. */
  wordsStartingWith(first: string | undefined): readonly string[];
  clear(): void;
}

/** Create an empty inverted index. */
export function createInvertedIndex(): InvertedIndex {
  const words = new Map<string, Postings>();
  let sorted: string[] | null = null;
  let byFirst: Map<string, string[]> | null = null;
  const vocabulary = (): string[] => {
    if (sorted === null) {
      sorted = [...words.keys()].sort();
      byFirst = new Map();
      for (const word of sorted) {
        const first = String.fromCodePoint(word.codePointAt(0) ?? 0);
        let bucket = byFirst.get(first);
        if (bucket === undefined) {
          bucket = [];
          byFirst.set(first, bucket);
        }
        bucket.push(word);
      }
    }
    return sorted;
  };
  return {
    add(word, docId, occurrences) {
      let postings = words.get(word);
      if (postings === undefined) {
        postings = new Map();
        words.set(word, postings);
        sorted = null;
        byFirst = null;
      }
      postings.set(docId, occurrences);
    },
    remove(word, docId) {
      const postings = words.get(word);
      if (postings === undefined) return;
      postings.delete(docId);
      if (postings.size === 0) {
        words.delete(word);
        sorted = null;
        byFirst = null;
      }
    },
    postings: (word) => words.get(word),
    has: (word) => words.has(word),
    wordsWithPrefix(prefix) {
      const vocab = vocabulary();
      let lo = 0;
      let hi = vocab.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((vocab[mid] as string) < prefix) lo = mid + 1;
        else hi = mid;
      }
      const out: string[] = [];
      for (let i = lo; i < vocab.length && (vocab[i] as string).startsWith(prefix); i++) {
        out.push(vocab[i] as string);
      }
      return out;
    },
    wordsStartingWith(first) {
      const vocab = vocabulary();
      if (first === undefined) return vocab;
      return byFirst?.get(first) ?? [];
    },
    clear() {
      words.clear();
      sorted = null;
      byFirst = null;
    },
  };
}
