/** One word of a text, with its normalised form and where it sits. */
export interface Token {
  /** Case- and diacritic-folded form, the key of the inverted index. */
  readonly word: string;
  /** UTF-16 offsets of the original text covered by the token. */
  readonly start: number;
  readonly end: number;
  /** Word position: +1 per soft separator, +8 per hard separator (Meilisearch's convention). */
  readonly position: number;
}

/** Tokenizer settings taken from the index settings. */
export interface TokenizerOptions {
  readonly separatorTokens?: readonly string[];
  readonly nonSeparatorTokens?: readonly string[];
  readonly dictionary?: readonly string[];
}

const HARD_SEPARATOR = /[.!?;\n\r…。！？]/u;
/** Positions a hard separator adds between two words (a soft one adds 1). */
export const HARD_GAP = 8;
const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });
const COMBINING_MARKS = /\p{M}/gu;

/**
 * Fold a string the way the index compares words: NFD, combining marks stripped, lowercase.
 *
 * @example
 * ```ts
 * normalizeWord('Crème BRÛLÉE'); // 'creme brulee'
 * ```
 */
export function normalizeWord(text: string): string {
  return text.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase().normalize('NFC');
}

interface Piece {
  text: string;
  start: number;
  isWord: boolean;
}

// Splits a text into word / separator pieces, honouring the dictionary and custom (non-)separators.
function splitPieces(text: string, options: TokenizerOptions): Piece[] {
  const dictionary = options.dictionary ?? [];
  const protectedRanges: Array<[number, number]> = [];
  if (dictionary.length > 0) {
    const lower = text.toLowerCase();
    for (const entry of dictionary) {
      if (entry.length === 0) continue;
      const needle = entry.toLowerCase();
      let from = 0;
      for (;;) {
        const at = lower.indexOf(needle, from);
        if (at < 0) break;
        protectedRanges.push([at, at + needle.length]);
        from = at + needle.length;
      }
    }
    protectedRanges.sort((a, b) => a[0] - b[0]);
  }
  const pieces: Piece[] = [];
  let cursor = 0;
  const pushSegments = (chunk: string, offset: number): void => {
    for (const seg of segmenter.segment(chunk)) {
      pieces.push({ text: seg.segment, start: offset + seg.index, isWord: seg.isWordLike === true });
    }
  };
  for (const [from, to] of protectedRanges) {
    if (from < cursor) continue;
    pushSegments(text.slice(cursor, from), cursor);
    pieces.push({ text: text.slice(from, to), start: from, isWord: true });
    cursor = to;
  }
  pushSegments(text.slice(cursor), cursor);
  return applyCustomSeparators(pieces, options);
}

function applyCustomSeparators(pieces: Piece[], options: TokenizerOptions): Piece[] {
  const nonSeparators = options.nonSeparatorTokens ?? [];
  const separators = (options.separatorTokens ?? []).filter((s) => s.length > 0);
  let out = pieces;
  if (nonSeparators.length > 0) {
    // Glue separator pieces that are declared non-separators to their neighbouring words.
    const merged: Piece[] = [];
    for (const piece of out) {
      const prev = merged[merged.length - 1];
      const glue = !piece.isWord && nonSeparators.includes(piece.text);
      if (glue) {
        if (prev?.isWord) prev.text += piece.text;
        else merged.push({ ...piece, isWord: true });
      } else if (piece.isWord && prev?.isWord && prev.start + prev.text.length === piece.start) {
        prev.text += piece.text;
      } else {
        merged.push({ ...piece });
      }
    }
    out = merged;
  }
  if (separators.length > 0) {
    const split: Piece[] = [];
    for (const piece of out) {
      if (!piece.isWord) {
        split.push(piece);
        continue;
      }
      let rest = piece.text;
      let offset = piece.start;
      for (;;) {
        let best = -1;
        let bestSep = '';
        for (const sep of separators) {
          const at = rest.indexOf(sep);
          if (at >= 0 && (best < 0 || at < best)) {
            best = at;
            bestSep = sep;
          }
        }
        if (best < 0) break;
        if (best > 0) split.push({ text: rest.slice(0, best), start: offset, isWord: true });
        split.push({ text: bestSep, start: offset + best, isWord: false });
        rest = rest.slice(best + bestSep.length);
        offset += best + bestSep.length;
      }
      if (rest.length > 0) split.push({ text: rest, start: offset, isWord: true });
    }
    out = split;
  }
  return out;
}

// Scripts written without spaces need dictionary-based segmentation (Intl.Segmenter); others use a regex.
const COMPLEX_SCRIPT =
  /[\u0E00-\u0EFF\u1000-\u109F\u1780-\u17FF\u3040-\u30FF\u3400-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF]/u;
const SIMPLE_WORD = /[\p{L}\p{M}\p{N}_]+(?:['’][\p{L}\p{M}]+)*(?:[.,]\p{N}+)*/gu;
// Plain ASCII needs no Unicode folding.
const isAscii = (text: string): boolean => {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
};

function fold(text: string): string {
  return isAscii(text) ? text.toLowerCase() : normalizeWord(text);
}

function hasCustomTokenization(options: TokenizerOptions): boolean {
  return (
    (options.separatorTokens?.length ?? 0) > 0 ||
    (options.nonSeparatorTokens?.length ?? 0) > 0 ||
    (options.dictionary?.length ?? 0) > 0
  );
}

/**
 * Split a text into normalised words with positions (Unicode word segmentation).
 *
 * @example
 * ```ts
 * tokenize('Hello, World. Bye').map((t) => [t.word, t.position]); // [['hello',0],['world',1],['bye',9]]
 * ```
 */
export function tokenize(text: string, options: TokenizerOptions = {}): Token[] {
  const tokens: Token[] = [];
  let position = -1;
  let previousEnd = 0;
  const push = (raw: string, start: number): void => {
    const word = fold(raw);
    if (word.length === 0) return;
    const gap = HARD_SEPARATOR.test(text.slice(previousEnd, start)) ? HARD_GAP : 1;
    position = position < 0 ? 0 : position + gap;
    previousEnd = start + raw.length;
    tokens.push({ word, start, end: previousEnd, position });
  };
  if (!hasCustomTokenization(options) && !COMPLEX_SCRIPT.test(text)) {
    for (const match of text.matchAll(SIMPLE_WORD)) push(match[0], match.index);
    return tokens;
  }
  for (const piece of splitPieces(text, options)) {
    if (piece.isWord) push(piece.text, piece.start);
  }
  return tokens;
}
