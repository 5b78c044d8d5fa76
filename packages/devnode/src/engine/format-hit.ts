import type { Document, IndexSettings } from './engine-contract.js';
import { matchesAttributePattern } from './field-paths.js';
import type { QueryTerm } from './query-terms.js';
import { type Token, tokenize } from './tokenize.js';
import { typoDistance } from './typo-distance.js';

/** Formatting options of a search request, resolved. */
export interface FormatOptions {
  readonly highlight: readonly string[];
  readonly crop: ReadonlyArray<{ pattern: string; length: number }>;
  readonly preTag: string;
  readonly postTag: string;
  readonly cropMarker: string;
  readonly searchable: readonly string[];
}

/** Characters of a token to highlight for the query (0: no match). */
function matchLength(token: Token, text: string, terms: readonly QueryTerm[]): number {
  const length = token.end - token.start;
  for (const term of terms) {
    const words = term.phrase ?? [term.word];
    for (const word of words) {
      if (token.word === word) return length;
      const typos = typoDistance(word, token.word, term.maxTypos, term.isPrefix);
      if (typos < 0) continue;
      if (term.isPrefix && token.word.startsWith(word) && token.word !== word) {
        return Math.min(
          length,
          Array.from(text.slice(token.start, token.end)).slice(0, Array.from(word).length).join('').length,
        );
      }
      return length;
    }
    for (const synonym of term.synonyms) if (synonym.includes(token.word)) return length;
  }
  return 0;
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return bytes;
}

interface MatchedToken {
  readonly token: Token;
  readonly length: number;
}

function findMatches(text: string, terms: readonly QueryTerm[], settings: IndexSettings): MatchedToken[] {
  return tokenize(text, settings).map((token) => ({ token, length: matchLength(token, text, terms) }));
}

function highlightText(
  text: string,
  matches: readonly MatchedToken[],
  from: number,
  to: number,
  o: FormatOptions,
): string {
  let out = '';
  let cursor = from;
  for (const { token, length } of matches) {
    if (length === 0 || token.start < from || token.end > to) continue;
    out += text.slice(cursor, token.start);
    out += `${o.preTag}${text.slice(token.start, token.start + length)}${o.postTag}`;
    cursor = token.start + length;
  }
  return out + text.slice(cursor, to);
}

function cropWindow(matches: readonly MatchedToken[], cropLength: number): [number, number] {
  const n = matches.length;
  if (n <= cropLength) return [0, n];
  let bestStart = 0;
  let bestScore = -1;
  for (let start = 0; start + cropLength <= n; start++) {
    const words = new Set<string>();
    for (let i = start; i < start + cropLength; i++) {
      const m = matches[i] as MatchedToken;
      if (m.length > 0) words.add(m.token.word);
    }
    if (words.size > bestScore) {
      bestScore = words.size;
      bestStart = start;
    }
  }
  if (bestScore <= 0) return [0, cropLength];
  // Centre the matches inside the window when there is room on both sides.
  let first = bestStart;
  while (first < bestStart + cropLength && (matches[first] as MatchedToken).length === 0) first++;
  let last = bestStart + cropLength - 1;
  while (last > first && (matches[last] as MatchedToken).length === 0) last--;
  const slack = cropLength - (last - first + 1);
  let start = Math.max(0, first - Math.floor(slack / 2));
  start = Math.min(start, n - cropLength);
  return [start, start + cropLength];
}

function formatString(
  text: string,
  path: string,
  terms: readonly QueryTerm[],
  settings: IndexSettings,
  o: FormatOptions,
): string {
  const highlight = o.highlight.some((p) => matchesAttributePattern(path, p));
  const crop = o.crop.find((c) => matchesAttributePattern(path, c.pattern));
  if (!highlight && crop === undefined) return text;
  const matches = findMatches(text, terms, settings);
  const visible = highlight ? matches : [];
  if (crop === undefined) return highlightText(text, visible, 0, text.length, o);
  if (crop.length === 0) return '';
  const [from, to] = cropWindow(matches, crop.length);
  const firstToken = matches[from]?.token;
  const lastToken = matches[to - 1]?.token;
  if (firstToken === undefined || lastToken === undefined) return text;
  const start = from === 0 ? 0 : firstToken.start;
  const end = to === matches.length ? text.length : lastToken.end;
  const prefix = from > 0 ? o.cropMarker : '';
  const suffix = to < matches.length ? o.cropMarker : '';
  return `${prefix}${highlightText(text, visible, start, end, o)}${suffix}`;
}

/**
 * Build `_formatted` for a hit: every value stringified (numbers, booleans), highlighted and cropped
 * where requested.
 *
 * @example
 * ```ts
 * formatDocument({ id: 1, title: 'Batman' }, terms, settings, opts); // { id: '1', title: '<em>Batman</em>' }
 * ```
 */
export function formatDocument(
  doc: Document,
  terms: readonly QueryTerm[],
  settings: IndexSettings,
  o: FormatOptions,
): Document {
  const walk = (value: unknown, path: string): unknown => {
    if (Array.isArray(value)) return value.map((v) => walk(v, path));
    if (value !== null && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        out[k] = walk(v, path === '' ? k : `${path}.${k}`);
      }
      return out;
    }
    if (typeof value === 'number' || typeof value === 'boolean') {
      return formatString(String(value), path, terms, settings, o);
    }
    if (typeof value === 'string') return formatString(value, path, terms, settings, o);
    return value;
  };
  return walk(doc, '') as Document;
}

/**
 * `_matchesPosition`: byte offsets and lengths of matched words per searchable attribute path.
 *
 * @example
 * ```ts
 * matchesPosition({ title: 'Batman' }, terms, settings, ['*']); // { title: [{ start: 0, length: 6 }] }
 * ```
 */
export function matchesPosition(
  doc: Document,
  terms: readonly QueryTerm[],
  settings: IndexSettings,
  searchable: readonly string[],
): Record<string, Array<{ start: number; length: number; indices?: number[] }>> {
  const out: Record<string, Array<{ start: number; length: number; indices?: number[] }>> = {};
  const visit = (value: unknown, path: string, index: number | null): void => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => {
        visit(v, path, i);
      });
      return;
    }
    if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        visit(v, path === '' ? k : `${path}.${k}`, index);
      }
      return;
    }
    if (typeof value !== 'string' && typeof value !== 'number') return;
    if (!searchable.some((p) => matchesAttributePattern(path, p))) return;
    const text = String(value);
    for (const { token, length } of findMatches(text, terms, settings)) {
      if (length === 0) continue;
      const list = out[path] ?? [];
      const entry: { start: number; length: number; indices?: number[] } = {
        start: utf8Length(text.slice(0, token.start)),
        length: utf8Length(text.slice(token.start, token.start + length)),
      };
      if (index !== null) entry.indices = [index];
      list.push(entry);
      out[path] = list;
    }
  };
  visit(doc, '', null);
  return out;
}
