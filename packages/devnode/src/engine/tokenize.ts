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

/** Whether `text[from, to)` holds a hard separator: `. ! ? ;`, a line break, `…`, `。`, `！` or `？`. */
function hasHardSeparator(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (
      c === 0x2e || // .
      c === 0x21 || // !
      c === 0x3f || // ?
      c === 0x3b || // ;
      c === 0x0a ||
      c === 0x0d ||
      c === 0x2026 || // …
      c === 0x3002 || // 。
      c === 0xff01 || // ！
      c === 0xff1f // ？
    )
      return true;
  }
  return false;
}

const isAsciiLetter = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
const isAsciiDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isAsciiWordChar = (c: number): boolean => isAsciiLetter(c) || isAsciiDigit(c) || c === 0x5f;

/**
 * {@link SIMPLE_WORD} on ASCII text, by hand (a regex match allocates per word): a run of letters, digits
 * and `_`, then any `'letters` groups, then any `.digits` / `,digits` groups. Calls `visit` per word.
 */
function forEachAsciiWord(text: string, visit: (start: number, end: number) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isAsciiWordChar(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < n && isAsciiWordChar(text.charCodeAt(i))) i++;
    while (i + 1 < n && text.charCodeAt(i) === 0x27 && isAsciiLetter(text.charCodeAt(i + 1))) {
      i += 2;
      while (i < n && isAsciiLetter(text.charCodeAt(i))) i++;
    }
    for (;;) {
      const c = text.charCodeAt(i);
      if (i + 1 >= n || (c !== 0x2e && c !== 0x2c) || !isAsciiDigit(text.charCodeAt(i + 1))) break;
      i += 2;
      while (i < n && isAsciiDigit(text.charCodeAt(i))) i++;
    }
    visit(start, i);
  }
}

/**
 * Visit a text's words in order: the folded word, its UTF-16 offsets and its position, as
 * {@link tokenize} returns them, without building token objects (what indexing needs).
 *
 * @example
 * ```ts
 * forEachWord('Hello. World', {}, (word, _start, _end, position) => console.log(word, position)); // hello 0, world 8
 * ```
 */
export function forEachWord(
  text: string,
  options: TokenizerOptions,
  visit: (word: string, start: number, end: number, position: number) => void,
): void {
  let position = -1;
  let previousEnd = 0;
  const push = (raw: string, start: number): void => {
    const word = fold(raw);
    if (word.length === 0) return;
    const gap = hasHardSeparator(text, previousEnd, start) ? HARD_GAP : 1;
    position = position < 0 ? 0 : position + gap;
    previousEnd = start + raw.length;
    visit(word, start, previousEnd, position);
  };
  if (hasCustomTokenization(options)) {
    for (const piece of splitPieces(text, options)) if (piece.isWord) push(piece.text, piece.start);
  } else if (isAscii(text)) {
    forEachAsciiWord(text, (start, end) => push(text.slice(start, end), start));
  } else if (!COMPLEX_SCRIPT.test(text)) {
    for (const match of text.matchAll(SIMPLE_WORD)) push(match[0], match.index);
  } else {
    for (const piece of splitPieces(text, options)) if (piece.isWord) push(piece.text, piece.start);
  }
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
  forEachWord(text, options, (word, start, end, position) => tokens.push({ word, start, end, position }));
  return tokens;
}
