import type { IndexSettings } from './engine-contract.js';
import { normalizeWord, tokenize } from './tokenize.js';
import { allowedTypos } from './typo-distance.js';

/** One term of a parsed query: a word (possibly a prefix) or a quoted phrase. */
export interface QueryTerm {
  /** Rank of the term in the query (0-based, stop words excluded). */
  readonly index: number;
  /** Word position of the (first word of the) term in the query, stop words included. */
  readonly position: number;
  /** Word position of the last word of the term. */
  readonly endPosition: number;
  /** Normalised word; for a phrase, its words joined by spaces. */
  readonly word: string;
  /** Words of a quoted phrase, or null for a single word. */
  readonly phrase: readonly string[] | null;
  readonly isPrefix: boolean;
  /** Typos allowed when matching (0, 1 or 2). */
  readonly maxTypos: number;
  /** Maximum cost of the term in the typo rule (split words make it at least 1 for words). */
  readonly maxTypoCost: number;
  /** Synonyms, each a sequence of normalised words. */
  readonly synonyms: readonly (readonly string[])[];
}

/** A parsed query: positive terms and negative (`-word`, `-"phrase"`) exclusions. */
export interface ParsedQuery {
  readonly terms: QueryTerm[];
  readonly negativeWords: string[];
  readonly negativePhrases: string[][];
}

/** Meilisearch only considers the first 10 words of a query. */
const MAX_QUERY_WORDS = 10;

function synonymsOf(word: string, settings: IndexSettings): string[][] {
  const out: string[][] = [];
  for (const [key, values] of Object.entries(settings.synonyms)) {
    if (normalizeWord(key) !== word) continue;
    for (const value of values) {
      const words = tokenize(value, settings).map((t) => t.word);
      if (words.length > 0 && !(words.length === 1 && words[0] === word)) out.push(words);
    }
  }
  return out;
}

/**
 * Parse a search query string into terms (Meilisearch rules: quoted phrases, `-` negations, prefix on
 * the last word unless it is followed by a separator, stop words removed, first 10 words kept).
 *
 * @example
 * ```ts
 * parseQuery('Batman ret', defaultSettings()).terms.map((t) => [t.word, t.isPrefix]);
 * // [['batman', false], ['ret', true]]
 * ```
 */
export function parseQuery(q: string, settings: IndexSettings): ParsedQuery {
  const stopWords = new Set(settings.stopWords.map(normalizeWord));
  const typo = settings.typoTolerance;
  const disabledWords = new Set(typo.disableOnWords.map(normalizeWord));
  interface Raw {
    words: Array<{ word: string; position: number }>;
    phrase: boolean;
    negative: boolean;
  }
  const raws: Raw[] = [];
  let positionBase = 0;
  // Split on double quotes: odd chunks are phrases.
  const chunks = q.split('"');
  const closedQuotes = chunks.length % 2 === 1;
  for (let c = 0; c < chunks.length; c++) {
    const chunk = chunks[c] as string;
    const inPhrase = c % 2 === 1 && (closedQuotes || c < chunks.length - 1);
    const prevChunk = c > 0 ? (chunks[c - 1] as string) : '';
    const negativePhrase = inPhrase && /(^|\s)-$/.test(prevChunk);
    const tokens = tokenize(chunk, settings);
    if (inPhrase) {
      const words = tokens.map((t) => ({ word: t.word, position: positionBase + t.position }));
      if (words.length > 0) raws.push({ words, phrase: true, negative: negativePhrase });
    } else {
      for (const token of tokens) {
        const before = chunk.slice(0, token.start);
        const negative = /(^|\s)-$/.test(before) && !(c + 1 < chunks.length && token.end === chunk.length);
        raws.push({
          words: [{ word: token.word, position: positionBase + token.position }],
          phrase: false,
          negative,
        });
      }
    }
    const last = tokens[tokens.length - 1];
    positionBase += last === undefined ? 0 : last.position + 1;
  }
  const endsWithSeparator = q.length === 0 || /[\s\p{P}\p{S}]$/u.test(q) || q.endsWith('"');
  const negativeWords: string[] = [];
  const negativePhrases: string[][] = [];
  const positives: Raw[] = [];
  for (const raw of raws) {
    if (raw.negative) {
      if (raw.phrase) negativePhrases.push(raw.words.map((w) => w.word));
      else negativeWords.push((raw.words[0] as { word: string }).word);
    } else {
      positives.push(raw);
    }
  }
  const allStop = positives.every((r) => !r.phrase && stopWords.has((r.words[0] as { word: string }).word));
  const kept = positives.filter(
    (r) => r.phrase || allStop || !stopWords.has((r.words[0] as { word: string }).word),
  );
  const limited = kept.slice(0, MAX_QUERY_WORDS);
  const terms: QueryTerm[] = limited.map((raw, index) => {
    const first = raw.words[0] as { word: string; position: number };
    const lastWord = raw.words[raw.words.length - 1] as { word: string; position: number };
    if (raw.phrase) {
      return {
        index,
        position: first.position,
        endPosition: lastWord.position,
        word: raw.words.map((w) => w.word).join(' '),
        phrase: raw.words.map((w) => w.word),
        isPrefix: false,
        maxTypos: 0,
        maxTypoCost: 0,
        synonyms: [],
      };
    }
    const word = first.word;
    const isLast = raw === positives[positives.length - 1] && index === limited.length - 1;
    const isNumber = /^\p{N}+$/u.test(word);
    let maxTypos = allowedTypos(word, typo.minWordSizeForTypos);
    if (!typo.enabled || disabledWords.has(word) || (typo.disableOnNumbers && isNumber)) maxTypos = 0;
    return {
      index,
      position: first.position,
      endPosition: first.position,
      word,
      phrase: null,
      isPrefix: isLast && !endsWithSeparator && settings.prefixSearch !== 'disabled',
      maxTypos,
      maxTypoCost: Math.max(maxTypos, 1),
      synonyms: synonymsOf(word, settings),
    };
  });
  return { terms, negativeWords, negativePhrases };
}
