import { mergeSorted } from './merge-sorted.js';

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

/** Largest attribute weight a posting's summary holds exactly (heavier ones are not ranked from postings). */
export const MAX_SUMMARY_WEIGHT = 16383;

/**
 * One number per posting for rules that only need a word's best placement in a document: the smallest
 * weight (rank in `searchableAttributes`) of an attribute holding it, its smallest word position over every
 * attribute, and whether some attribute holds that word alone. Bits: 14 of weight, 16 of position, 1 flag.
 */
export function summarizeOccurrences(minPosition: number, alone: boolean, minWeight: number): number {
  const weight = Math.min(minWeight, MAX_SUMMARY_WEIGHT);
  return ((weight * 65536 + Math.min(minPosition, MAX_POSITION)) << 1) | (alone ? 1 : 0);
}

/** Smallest word position of a posting's summary. */
export function summaryMinPosition(summary: number): number {
  return (summary >> 1) & 0xffff;
}

/** Smallest attribute weight of a posting's summary. */
export function summaryMinWeight(summary: number): number {
  return summary >>> 17;
}

/** Bit of a posting's attribute mask standing for every attribute id from 31 on. */
export const LATER_ATTRIBUTES = 1 << 31;

/**
 * The bit of attribute `fid` in a posting's attribute mask (the attributes holding the word): one bit per
 * attribute id below 31, {@link LATER_ATTRIBUTES} for the others.
 */
export function attributeBit(fid: number): number {
  return fid < 31 ? 1 << fid : LATER_ATTRIBUTES;
}

/** Whether a posting's summary says some attribute holds the word alone. */
export function summaryAlone(summary: number): boolean {
  return (summary & 1) === 1;
}

/**
 * Interned vocabulary with per-word document lists. Postings may hold stale or duplicate ids after
 * deletions/replacements: callers verify candidates against the stored document (which is exact), and
 * lists are compacted when they grow too stale.
 *
 * @example
 * ```ts
 * const index = createInvertedIndex();
 * index.add(index.intern('batman'), 0, 0, summarizeOccurrences(0, false, 0), attributeBit(0));
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
  /**
   * Record that a document contains a word, first at token index `firstToken` of its token arrays;
   * `summary` is {@link summarizeOccurrences} of the word in that document, `attributes` the mask of the
   * attributes holding it (see {@link attributeBit}).
   */
  add(wordId: number, docId: number, firstToken: number, summary: number, attributes: number): void;
  /**
   * Record several documents containing a word, like {@link add} on each in order: a batch grouped by
   * word appends each list once instead of hopping between lists per document.
   */
  addMany(
    wordId: number,
    docIds: Int32Array,
    firstTokens: Int32Array,
    summaries: Int32Array,
    attributes: Int32Array,
  ): void;
  /** Record that a document no longer contains a word (lazy removal: see {@link compactStale}). */
  remove(wordId: number, docId: number): void;
  /**
   * Drop the postings recorded stale by {@link remove} (for each, the document's oldest entry of that
   * word: a re-indexed document's fresh entry comes after it). Returns how many were dropped.
   */
  compactStale(): number;
  /** Document ids possibly containing the word (may include stale ids). A view: do not modify it. */
  postings(wordId: number): Int32Array;
  /** Per posting (same order as {@link postings}), the word's first token index in that document. */
  firstTokens(wordId: number): Int32Array;
  /** Per posting (same order as {@link postings}), the word's occurrence summary in that document. */
  summaries(wordId: number): Int32Array;
  /** Per posting (same order as {@link postings}), the mask of the attributes holding the word. */
  attributeMasks(wordId: number): Int32Array;
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

const EMPTY = new Int32Array(0);

/**
 * Up to this many stale postings in one word's list, each is found by its own scan; past it, one pass
 * over the list drops them all (a scan per posting would then cost more).
 */
const FEW_STALE_POSTINGS = 16;

/**
 * One word's postings in parallel typed arrays (document id, first token, summary, attribute mask), grown
 * by doubling: about half the memory of JS number arrays, and cheaper to scan.
 */
class PostingList {
  #docs = new Int32Array(2);
  #firsts = new Int32Array(2);
  #summaries = new Int32Array(2);
  #masks = new Int32Array(2);
  #length = 0;

  push(docId: number, firstToken: number, summary: number, attributes: number): void {
    if (this.#length === this.#docs.length) {
      const capacity = this.#length * 2;
      this.#docs = grown(this.#docs, capacity);
      this.#firsts = grown(this.#firsts, capacity);
      this.#summaries = grown(this.#summaries, capacity);
      this.#masks = grown(this.#masks, capacity);
    }
    this.#docs[this.#length] = docId;
    this.#firsts[this.#length] = firstToken;
    this.#summaries[this.#length] = summary;
    this.#masks[this.#length] = attributes;
    this.#length++;
  }

  pushMany(docIds: Int32Array, firstTokens: Int32Array, summaries: Int32Array, attributes: Int32Array): void {
    const needed = this.#length + docIds.length;
    if (needed > this.#docs.length) {
      const capacity = Math.max(needed, this.#docs.length * 2);
      this.#docs = grown(this.#docs, capacity);
      this.#firsts = grown(this.#firsts, capacity);
      this.#summaries = grown(this.#summaries, capacity);
      this.#masks = grown(this.#masks, capacity);
    }
    this.#docs.set(docIds, this.#length);
    this.#firsts.set(firstTokens, this.#length);
    this.#summaries.set(summaries, this.#length);
    this.#masks.set(attributes, this.#length);
    this.#length = needed;
  }

  /** Keep the postings whose document `keep` accepts (called once per posting, in order); returns how many went. */
  retain(keep: (docId: number) => boolean): number {
    let kept = 0;
    for (let k = 0; k < this.#length; k++) {
      if (!keep(this.#docs[k] as number)) continue;
      this.#docs[kept] = this.#docs[k] as number;
      this.#firsts[kept] = this.#firsts[k] as number;
      this.#summaries[kept] = this.#summaries[k] as number;
      this.#masks[kept] = this.#masks[k] as number;
      kept++;
    }
    const dropped = this.#length - kept;
    this.#length = kept;
    return dropped;
  }

  /**
   * Drop the oldest posting of `docId` (the first one: postings are appended as documents are indexed),
   * shifting the later ones down; returns whether one was found. Finding it is a native scan, without a
   * call per posting: the cheap way to drop a few stale postings from a long list.
   */
  removeOldest(docId: number): boolean {
    const at = this.#docs.subarray(0, this.#length).indexOf(docId);
    if (at < 0) return false;
    for (const array of [this.#docs, this.#firsts, this.#summaries, this.#masks])
      array.copyWithin(at, at + 1, this.#length);
    this.#length--;
    return true;
  }

  docIds(): Int32Array {
    return this.#docs.subarray(0, this.#length);
  }

  firstTokens(): Int32Array {
    return this.#firsts.subarray(0, this.#length);
  }

  summaries(): Int32Array {
    return this.#summaries.subarray(0, this.#length);
  }

  attributeMasks(): Int32Array {
    return this.#masks.subarray(0, this.#length);
  }
}

function grown(array: Int32Array, capacity: number): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(capacity);
  bigger.set(array);
  return bigger;
}

/** Create an empty inverted index. */
export function createInvertedIndex(): InvertedIndex {
  let ids = new Map<string, number>();
  let words: string[] = [];
  let lists: PostingList[] = [];
  let stale: number[] = [];
  // Per word with lazy removals, the documents whose (oldest) entry is stale.
  let staleDocs = new Map<number, number[]>();
  // Word ids in word order, and the ids interned since it was last brought up to date: a write adding a
  // few words merges them in (linear) instead of sorting the whole vocabulary again.
  let sorted: number[] = [];
  let unsortedWords: number[] = [];
  const byWord = (a: number, b: number): number => ((words[a] as string) < (words[b] as string) ? -1 : 1);
  const vocabulary = (): number[] => {
    if (unsortedWords.length > 0) {
      sorted = mergeSorted(sorted, unsortedWords.sort(byWord), byWord);
      unsortedWords = [];
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
  const largestStaleDoc = (): number => {
    let largest = 0;
    for (const docs of staleDocs.values()) for (const docId of docs) largest = Math.max(largest, docId);
    return largest;
  };
  const index: InvertedIndex = {
    intern(word) {
      let id = ids.get(word);
      if (id === undefined) {
        id = words.length;
        ids.set(word, id);
        words.push(word);
        lists.push(new PostingList());
        stale.push(0);
        unsortedWords.push(id);
      }
      return id;
    },
    lookup: (word) => ids.get(word) ?? -1,
    word: (id) => words[id] as string,
    get size() {
      return words.length;
    },
    add(wordId, docId, firstToken, summary, attributes) {
      (lists[wordId] as PostingList).push(docId, firstToken, summary, attributes);
    },
    addMany(wordId, docIds, firstTokens, summaries, attributes) {
      (lists[wordId] as PostingList).pushMany(docIds, firstTokens, summaries, attributes);
    },
    remove(wordId, docId) {
      stale[wordId] = (stale[wordId] ?? 0) + 1;
      let docs = staleDocs.get(wordId);
      if (docs === undefined) {
        docs = [];
        staleDocs.set(wordId, docs);
      }
      docs.push(docId);
    },
    compactStale() {
      let dropped = 0;
      // Per document id, how many of its oldest postings in the current list are stale (a typed table:
      // a big write leaves millions of postings to check, and a Map lookup each cost ~0.5 s at 100k).
      let pending: Int32Array | null = null;
      for (const [wordId, docs] of staleDocs) {
        const list = lists[wordId] as PostingList;
        stale[wordId] = 0;
        // A write of a few documents leaves a few stale postings per word: drop each by a native scan.
        if (docs.length <= FEW_STALE_POSTINGS) {
          for (const docId of docs) dropped += list.removeOldest(docId) ? 1 : 0;
          continue;
        }
        if (pending === null) pending = new Int32Array(largestStaleDoc() + 1);
        const counts = pending;
        for (const docId of docs) counts[docId] = (counts[docId] as number) + 1;
        dropped += list.retain((docId) => {
          const left = docId < counts.length ? (counts[docId] as number) : 0;
          if (left === 0) return true;
          counts[docId] = left - 1;
          return false;
        });
        for (const docId of docs) counts[docId] = 0;
      }
      staleDocs = new Map();
      return dropped;
    },
    postings: (wordId) => lists[wordId]?.docIds() ?? EMPTY,
    firstTokens: (wordId) => lists[wordId]?.firstTokens() ?? EMPTY,
    summaries: (wordId) => lists[wordId]?.summaries() ?? EMPTY,
    attributeMasks: (wordId) => lists[wordId]?.attributeMasks() ?? EMPTY,
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
      const n = query.length;
      const width = n + 1;
      const first = query.charCodeAt(0);
      // Sorted words form an implicit trie: DP rows (one per word prefix length, in a flat buffer) are
      // shared along common prefixes, and a prefix range is skipped once its row minimum exceeds the budget.
      let table = new Int32Array(width * 32);
      for (let j = 0; j <= n; j++) table[j] = j;
      let prevWord = '';
      let validRows = 1;
      let i = 0;
      let end = vocab.length;
      const nextFirst = String.fromCharCode(first + 1);
      if (firstChar === 'same') {
        i = lowerBound(vocab, query.charAt(0));
        end = lowerBound(vocab, nextFirst);
      }
      while (i < end) {
        const id = vocab[i] as number;
        const word = words[id] as string;
        if (firstChar === 'different' && word.charCodeAt(0) === first) {
          i = lowerBound(vocab, nextFirst, i);
          prevWord = '';
          validRows = 1;
          continue;
        }
        let common = 0;
        const max = Math.min(word.length, prevWord.length, validRows - 1);
        while (common < max && word.charCodeAt(common) === prevWord.charCodeAt(common)) common++;
        const limit = isPrefix ? Math.min(word.length, n + budget) : word.length;
        if ((limit + 1) * width > table.length) {
          const bigger = new Int32Array((limit + 1) * width * 2);
          bigger.set(table);
          table = bigger;
        }
        let prefixMatched = false;
        if (isPrefix)
          for (let k = 0; k <= common; k++)
            if ((table[k * width + n] as number) <= budget) prefixMatched = true;
        let pruneAt = -1;
        for (let k = common + 1; k <= limit; k++) {
          const row = k * width;
          const prev = row - width;
          const c = word.charCodeAt(k - 1);
          const before = k > 1 ? word.charCodeAt(k - 2) : -1;
          table[row] = k;
          let min = k;
          for (let j = 1; j <= n; j++) {
            const qj = query.charCodeAt(j - 1);
            let v = Math.min(
              (table[prev + j] as number) + 1,
              (table[row + j - 1] as number) + 1,
              (table[prev + j - 1] as number) + (qj === c ? 0 : 1),
            );
            if (k > 1 && j > 1 && qj === before && query.charCodeAt(j - 2) === c) {
              v = Math.min(v, (table[prev - width + j - 2] as number) + 1);
            }
            table[row + j] = v;
            if (v < min) min = v;
          }
          if (isPrefix && (table[row + n] as number) <= budget) prefixMatched = true;
          if (min > budget && !prefixMatched) {
            pruneAt = k;
            break;
          }
        }
        if (pruneAt >= 0) {
          // No word extending word[0..pruneAt) can match: jump past that prefix range.
          const prefix = word.slice(0, pruneAt);
          i = lowerBound(vocab, `${prefix}\uffff`, i + 1);
          prevWord = word;
          validRows = pruneAt;
          continue;
        }
        const rows = limit + 1;
        let distance: number;
        if (isPrefix) {
          distance = Number.POSITIVE_INFINITY;
          for (let k = 0; k < rows; k++) distance = Math.min(distance, table[k * width + n] as number);
        } else {
          distance = table[word.length * width + n] as number;
        }
        if (distance <= budget) visit(id, distance);
        prevWord = word;
        validRows = rows;
        i++;
      }
    },
    resetPostings() {
      lists = lists.map(() => new PostingList());
      stale = stale.map(() => 0);
      staleDocs = new Map();
    },
    clear() {
      ids = new Map();
      words = [];
      lists = [];
      stale = [];
      staleDocs = new Map();
      sorted = [];
      unsortedWords = [];
    },
  };
  return index;
}
