/**
 * Lexical layer of the filter language. Meilisearch's grammar is scannerless (what counts as a token
 * depends on where the parser is), so instead of a token stream this module offers the primitives the
 * parser calls at a position: whitespace skipping, words, quoted strings with their escapes, floats.
 */

/** A value read at a position: a bare word or the unescaped content of a quoted string. */
export interface ValueToken {
  readonly ok: true;
  readonly value: string;
  /** Offsets of the raw token (for quoted strings: of the content between the quotes). */
  readonly start: number;
  readonly end: number;
  readonly quoted: boolean;
  /** Position after the token and its trailing ASCII whitespace. */
  readonly next: number;
}

/** A recoverable failure (nom's `Error`): the caller may try another alternative. */
export interface SoftError {
  readonly ok: false;
  readonly kind: 'expectedValue' | 'reservedKeywordValue' | 'malformedValue' | 'invalidEscapedNumber';
  readonly start: number;
  readonly end: number;
}

/** Words the grammar reserves; case-sensitive, as in Meilisearch (`and` is an ordinary word). */
export const FILTER_KEYWORDS: ReadonlySet<string> = new Set([
  'AND',
  'OR',
  'IN',
  'NOT',
  'TO',
  'EXISTS',
  'IS',
  'NULL',
  'EMPTY',
  'CONTAINS',
  'STARTS',
  'WITH',
  '_geoRadius',
  '_geoBoundingBox',
  '_geoPolygon',
]);

const VALUE_CHAR = /^[\p{Alphabetic}\p{Nd}\p{Nl}\p{No}_.-]$/u;
const UNICODE_SPACE = /^\s$/u;

/** Whether a character may appear in a bare word: Unicode alphanumerics, `_`, `-` and `.`. */
export function isValueChar(ch: string): boolean {
  return VALUE_CHAR.test(ch);
}

function isAsciiValueChar(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) || // a-z
    (code >= 0x41 && code <= 0x5a) || // A-Z
    (code >= 0x30 && code <= 0x39) || // 0-9
    code === 0x5f || // _
    code === 0x2d || // -
    code === 0x2e // .
  );
}

/** Whether a character ends an error fragment (whitespace or `( ) = < > !`). */
function isSyntaxChar(ch: string): boolean {
  return UNICODE_SPACE.test(ch) || '()=<>!'.includes(ch);
}

/** Skips nom's `multispace0`: spaces, tabs, CR and LF only. */
export function skipSpaces(input: string, pos: number): number {
  while (pos < input.length) {
    const c = input[pos];
    if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r') break;
    pos++;
  }
  return pos;
}

/** Skips any Unicode whitespace (what a value strips on its left). */
export function skipUnicodeSpaces(input: string, pos: number): number {
  while (pos < input.length && UNICODE_SPACE.test(input[pos]!)) pos++;
  return pos;
}

function charAt(input: string, pos: number): string {
  return String.fromCodePoint(input.codePointAt(pos)!);
}

/** End offset of the bare word starting at `pos` (`pos` itself when there is none). */
export function scanWord(input: string, pos: number): number {
  while (pos < input.length) {
    const code = input.charCodeAt(pos);
    if (code < 0x80) {
      if (!isAsciiValueChar(code)) break;
      pos++;
      continue;
    }
    const ch = charAt(input, pos);
    if (!isValueChar(ch)) break;
    pos += ch.length;
  }
  return pos;
}

/** End offset of the fragment quoted in "expected a value" errors. */
function scanErrorWord(input: string, pos: number): number {
  while (pos < input.length) {
    const ch = charAt(input, pos);
    if (isSyntaxChar(ch)) break;
    pos += ch.length;
  }
  return pos;
}

/** Where a hard failure (nom's `Failure`) happened while reading a value. */
export interface ValueFailure {
  readonly kind: 'missingClosingDelimiter' | 'malformedValue';
  readonly start: number;
  readonly end: number;
  readonly detail: string;
}

/**
 * Reads one value at `pos` (after Unicode whitespace). Returns the token, a soft error, or a hard failure
 * (unclosed quote, dangling backslash) that no other alternative may recover from.
 */
export function readValueToken(input: string, pos: number): ValueToken | SoftError | ValueFailure {
  const start = skipUnicodeSpaces(input, pos);
  const quote = input[start];
  if (quote === '"' || quote === "'") {
    let i = start + 1;
    while (i < input.length && input[i] !== quote) {
      if (input[i] === '\\') {
        if (i + 1 >= input.length) {
          return { kind: 'malformedValue', start: start + 1, end: input.length, detail: '' };
        }
        i += 2;
      } else {
        i++;
      }
    }
    if (i >= input.length) {
      return { kind: 'missingClosingDelimiter', start, end: input.length, detail: quote };
    }
    const raw = input.slice(start + 1, i);
    const unescaped = unescapeValue(raw);
    if (typeof unescaped !== 'string') return { ok: false, kind: unescaped.kind, start: start + 1, end: i };
    return {
      ok: true,
      value: unescaped,
      start: start + 1,
      end: i,
      quoted: true,
      next: skipSpaces(input, i + 1),
    };
  }
  const end = scanWord(input, start);
  const word = input.slice(start, end);
  if (word === '' || FILTER_KEYWORDS.has(word)) {
    const kind = word === '' ? 'expectedValue' : 'reservedKeywordValue';
    return { ok: false, kind, start, end: scanErrorWord(input, start) };
  }
  return { ok: true, value: word, start, end, quoted: false, next: skipSpaces(input, end) };
}

/** Whether `result` is a hard failure. */
export function isValueFailure(result: ValueToken | SoftError | ValueFailure): result is ValueFailure {
  return !('ok' in result);
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  "'": "'",
  '"': '"',
  '\\': '\\',
  '/': '/',
  '0': '\0',
};

/**
 * Resolves backslash escapes in a quoted value: `\\ \' \" \n \r \t \b \f \/ \0 \xHH \uHHHH \u{H…}`.
 * Returns the error kind Meilisearch reports for an unknown escape or a bad code.
 */
export function unescapeValue(raw: string): string | { kind: 'malformedValue' | 'invalidEscapedNumber' } {
  if (!raw.includes('\\')) return raw;
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = raw[i + 1];
    if (e === undefined) return { kind: 'malformedValue' };
    const simple = SIMPLE_ESCAPES[e];
    if (simple !== undefined) {
      out += simple;
      i++;
      continue;
    }
    let hex: string | undefined;
    if (e === 'x') {
      hex = raw.slice(i + 2, i + 4);
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) return { kind: 'invalidEscapedNumber' };
      i += 3;
    } else if (e === 'u' && raw[i + 2] === '{') {
      const close = raw.indexOf('}', i + 3);
      hex = close < 0 ? '' : raw.slice(i + 3, close);
      if (!/^[0-9a-fA-F]{1,6}$/.test(hex)) return { kind: 'invalidEscapedNumber' };
      i = close;
    } else if (e === 'u') {
      hex = raw.slice(i + 2, i + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) return { kind: 'invalidEscapedNumber' };
      i += 5;
    } else {
      return { kind: 'malformedValue' };
    }
    const code = Number.parseInt(hex, 16);
    if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return { kind: 'invalidEscapedNumber' };
    out += String.fromCodePoint(code);
  }
  return out;
}

/** End of a float as nom's `recognize_float` accepts it at `pos`, or -1. */
export function scanFloat(input: string, pos: number): number {
  FLOAT.lastIndex = pos;
  const match = FLOAT.exec(input);
  return match === null ? -1 : pos + match[0].length;
}

const FLOAT = /[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
