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
 * Interned vocabulary with per-word document lists. Postings may hold stale or duplicate ids after
 * deletions/replacements: callers verify candidates against the stored document (which is exact), and
 * lists are compacted when they grow too stale.
 *
 * @example
 * ```ts
 * const index = createInvertedIndex();
 * index.add(index.intern('batman'), 0);
 * index.wordsWithPrefix('bat'); // [id of 'batman']
 * ```
 */
export interface InvertedIndex {
  /** Word id of a word, creating it if needed. */
  intern(word: string): number;
  /** Word id of a known word, or -1. */
  lookup(word: string): number;
  word(id: number): string;
  readonly size: number;
  add(wordId: number, docId: number): void;
  /** Record that a document no longer contains a word (lazy removal). */
  remove(wordId: number, docId: number): void;
  /** Document ids possibly containing the word (may include stale ids). */
  postings(wordId: number): readonly number[];
  /** Word ids starting with a prefix. */
  wordsWithPrefix(prefix: string): number[];
  /** Visit words within `budget` edits of `query` (see {@link createInvertedIndex}). */
  visitTypoCandidates(
    query: string,
    budget: number,
    isPrefix: boolean,
    firstChar: 'same' | 'different',
    visit: (wordId: number, distance: number) => void,
  ): void;
  /** Empty every posting list (the vocabulary is kept); callers then re-add live documents. */
  resetPostings(): void;
  clear(): void;
}

/** Create an empty inverted index. */
export function createInvertedIndex(): InvertedIndex {
  let ids = new Map<string, number>();
  let words: string[] = [];
  let lists: number[][] = [];
  let stale: number[] = [];
  let sorted: number[] | null = null;
  const vocabulary = (): number[] => {
    if (sorted === null) {
      sorted = words.map((_, i) => i).sort((a, b) => ((words[a] as string) < (words[b] as string) ? -1 : 1));
    }
    return sorted;
  };
  const lowerBound = (vocab: number[], key: string, from = 0): number => {
    let lo = from;
    let hi = vocab.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((words[vocab[mid] as number] as string) < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const index: InvertedIndex = {
    intern(word) {
      let id = ids.get(word);
      if (id === undefined) {
        id = words.length;
        ids.set(word, id);
        words.push(word);
        lists.push([]);
        stale.push(0);
        sorted = null;
      }
      return id;
    },
    lookup: (word) => ids.get(word) ?? -1,
    word: (id) => words[id] as string,
    get size() {
      return words.length;
    },
    add(wordId, docId) {
      (lists[wordId] as number[]).push(docId);
    },
    remove(wordId) {
      stale[wordId] = (stale[wordId] ?? 0) + 1;
    },
    postings: (wordId) => lists[wordId] ?? [],
    wordsWithPrefix(prefix) {
      const vocab = vocabulary();
      const out: number[] = [];
      for (let i = lowerBound(vocab, prefix); i < vocab.length; i++) {
        const id = vocab[i] as number;
        if (!(words[id] as string).startsWith(prefix)) break;
        out.push(id);
      }
      return out;
    },
    visitTypoCandidates(query, budget, isPrefix, firstChar, visit) {
      const vocab = vocabulary();
      const q = Array.from(query);
      const first = q[0] ?? '';
      // Sorted words form an implicit trie: DP rows are shared along common prefixes and a whole
      // prefix range is skipped as soon as its row minimum exceeds the budget.
      const n = q.length;
      const rows: Int32Array[] = [Int32Array.from({ length: n + 1 }, (_, i) => i)];
      let prevChars: string[] = [];
      let i = 0;
      let end = vocab.length;
      if (firstChar === 'same') {
        i = lowerBound(vocab, first);
        end = lowerBound(vocab, String.fromCodePoint((first.codePointAt(0) ?? 0) + 1));
      }
      while (i < end) {
        const id = vocab[i] as number;
        const word = words[id] as string;
        const chars = Array.from(word);
        if (firstChar === 'different' && chars[0] === first) {
          // Skip the whole same-first-letter block.
          i = lowerBound(vocab, String.fromCodePoint((first.codePointAt(0) ?? 0) + 1), i);
          prevChars = [];
          rows.length = 1;
          continue;
        }
        let common = 0;
        while (common < chars.length && common < prevChars.length && chars[common] === prevChars[common])
          common++;
        common = Math.min(common, rows.length - 1);
        rows.length = common + 1;
        let pruneAt = -1;
        let prefixMatched = false;
        if (isPrefix)
          for (let k = 0; k <= common; k++)
            if (((rows[k] as Int32Array)[n] as number) <= budget) prefixMatched = true;
        const limit = isPrefix ? Math.min(chars.length, n + budget) : chars.length;
        for (let k = common + 1; k <= limit; k++) {
          const prev = rows[k - 1] as Int32Array;
          const row = new Int32Array(n + 1);
          row[0] = k;
          let min = k;
          const c = chars[k - 1];
          for (let j = 1; j <= n; j++) {
            const cost = q[j - 1] === c ? 0 : 1;
            let v = Math.min(
              (prev[j] as number) + 1,
              (row[j - 1] as number) + 1,
              (prev[j - 1] as number) + cost,
            );
            if (k > 1 && j > 1 && q[j - 1] === chars[k - 2] && q[j - 2] === c) {
              v = Math.min(v, ((rows[k - 2] as Int32Array)[j - 2] as number) + 1);
            }
            row[j] = v;
            if (v < min) min = v;
          }
          rows.push(row);
          if (isPrefix && (row[n] as number) <= budget) prefixMatched = true;
          if (min > budget && !prefixMatched) {
            pruneAt = k;
            break;
          }
        }
        if (pruneAt >= 0) {
          // No word extending chars[0..pruneAt) can match: jump past that prefix range.
          const prefix = chars.slice(0, pruneAt).join('');
          let j = i + 1;
          while (j < end && (words[vocab[j] as number] as string).startsWith(prefix)) j++;
          i = j;
          prevChars = chars.slice(0, pruneAt - 1);
          rows.length = Math.min(rows.length, pruneAt);
          continue;
        }
        let distance: number;
        if (isPrefix) {
          distance = Number.POSITIVE_INFINITY;
          for (let k = 0; k < rows.length; k++)
            distance = Math.min(distance, (rows[k] as Int32Array)[n] as number);
        } else {
          distance = (rows[chars.length] as Int32Array | undefined)?.[n] ?? Number.POSITIVE_INFINITY;
        }
        if (distance <= budget) visit(id, distance);
        prevChars = chars;
        i++;
      }
    },
    resetPostings() {
      lists = lists.map(() => []);
      stale = stale.map(() => 0);
    },
    clear() {
      ids = new Map();
      words = [];
      lists = [];
      stale = [];
      sorted = null;
    },
  };
  return index;
}
