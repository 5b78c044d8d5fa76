import type { FilterInput, FilterNode } from './filter-node.js';
import {
  createAnd,
  createComparison,
  createIn,
  createNot,
  createOr,
  createPresence,
  createRange,
  createStringMatch,
} from './filter-node.js';
import { FilterParseError } from './filter-parse-error.js';
import { type GeoFunctionName, parseGeoFunction } from './parse-geo-function.js';
import {
  isValueFailure,
  readValueToken,
  type SoftError,
  scanWord,
  skipSpaces,
  skipUnicodeSpaces,
  type ValueToken,
} from './tokenize.js';

/** Meilisearch's `MAX_FILTER_DEPTH`: each OR/AND/NOT/primary level costs one, so ~50 nested parentheses. */
const MAX_FILTER_DEPTH = 200;

interface Parsed {
  readonly node: FilterNode;
  readonly next: number;
}

const GEO_FUNCTIONS: ReadonlySet<string> = new Set(['_geoRadius', '_geoBoundingBox', '_geoPolygon']);
const OPERATORS = ['<=', '>=', '!=', '<', '>', '='] as const;

/**
 * Parses a Meilisearch filter (expression string or nested array form) into a {@link FilterNode}.
 * Returns `null` for a blank string or an array holding only blank strings. The array form AND-s its
 * elements and OR-s the strings of an inner array, each string being a full expression.
 *
 * @throws FilterParseError with Meilisearch's `invalid_search_filter` message.
 * @example
 * parseFilter('genre = horror AND year > 2000');
 * // → { type: 'and', children: [ {type:'condition', attribute:'genre', operator:'=', value:'horror'}, … ] }
 */
export function parseFilter(input: FilterInput): FilterNode | null {
  if (typeof input === 'string') return parseExpression(input);
  if (!Array.isArray(input)) throw invalidShape('String, Array', input);
  const ands: FilterNode[] = [];
  for (const element of input as readonly unknown[]) {
    if (typeof element === 'string') {
      const node = parseExpression(element);
      if (node) ands.push(node);
    } else if (Array.isArray(element)) {
      const ors: FilterNode[] = [];
      for (const rule of element as readonly unknown[]) {
        if (typeof rule !== 'string') throw invalidShape('String', rule);
        const node = parseExpression(rule);
        if (node) ors.push(node);
      }
      if (ors.length > 0) ands.push(createOr(ors));
    } else {
      throw invalidShape('String, [String]', element);
    }
  }
  return ands.length === 0 ? null : createAnd(ands);
}

function invalidShape(expected: string, found: unknown): FilterParseError {
  const text = JSON.stringify(found) ?? String(found);
  return new FilterParseError('invalidFilterValue', '', 0, 0, `expected ${expected}, found: ${text}`);
}

/** Receives each attribute token in source order (geo built-ins as `_geo`, spanning their first number). */
export type AttributeListener = (attribute: string, start: number, end: number) => void;

/**
 * Parses one expression string (`null` when blank), reporting attribute tokens to `onAttribute`.
 * Internal building block of {@link parseFilter}; not part of the package API.
 */
export function parseExpression(input: string, onAttribute?: AttributeListener): FilterNode | null {
  if (input.trim() === '') return null;
  const parser = new ExpressionParser(input, onAttribute);
  const { node, next } = parser.parseOr(0, 0);
  // Lenient on trailing whitespace after EXISTS / IS NULL / geo calls, which Meilisearch's nom grammar
  // leaves unconsumed.
  const end = skipSpaces(input, next);
  if (end < input.length) throw new FilterParseError('expectedEof', input, next, input.length);
  return node;
}

/** Recursive descent mirroring Meilisearch's nom grammar, alternative by alternative. */
class ExpressionParser {
  constructor(
    private readonly input: string,
    private readonly onAttribute?: AttributeListener,
  ) {}

  private fail(kind: FilterParseError['kind'], start: number, end = this.input.length, detail = ''): never {
    throw new FilterParseError(kind, this.input, start, end, detail);
  }

  private checkDepth(pos: number, depth: number): void {
    if (depth > MAX_FILTER_DEPTH) this.fail('depthLimitReached', pos);
  }

  /** `ws(word_exact(word))`: the position after the keyword and its surrounding spaces, or -1. */
  private keyword(pos: number, word: string): number {
    const start = skipSpaces(this.input, pos);
    const end = scanWord(this.input, start);
    return this.input.slice(start, end) === word ? skipSpaces(this.input, end) : -1;
  }

  /** nom's `tag`: a literal prefix, not word-bounded. */
  private tag(pos: number, text: string): number {
    return pos >= 0 && this.input.startsWith(text, pos) ? pos + text.length : -1;
  }

  /** `multispace1`. */
  private spaces1(pos: number): number {
    if (pos < 0) return -1;
    const end = skipSpaces(this.input, pos);
    return end > pos ? end : -1;
  }

  parseOr(pos: number, depth: number): Parsed {
    this.checkDepth(pos, depth);
    let parsed = this.parseAnd(pos, depth + 1);
    const children = [parsed.node];
    for (let at = this.keyword(parsed.next, 'OR'); at >= 0; at = this.keyword(parsed.next, 'OR')) {
      parsed = this.parseAnd(at, depth + 1);
      children.push(parsed.node);
    }
    return { node: children.length === 1 ? parsed.node : { type: 'or', children }, next: parsed.next };
  }

  private parseAnd(pos: number, depth: number): Parsed {
    this.checkDepth(pos, depth);
    let parsed = this.parseNot(pos, depth + 1);
    const children = [parsed.node];
    for (let at = this.keyword(parsed.next, 'AND'); at >= 0; at = this.keyword(parsed.next, 'AND')) {
      parsed = this.parseNot(at, depth + 1);
      children.push(parsed.node);
    }
    return { node: children.length === 1 ? parsed.node : { type: 'and', children }, next: parsed.next };
  }

  private parseNot(pos: number, depth: number): Parsed {
    this.checkDepth(pos, depth);
    const at = this.keyword(pos, 'NOT');
    if (at >= 0) {
      const inner = this.parseNot(at, depth + 1);
      return { node: createNot(inner.node), next: inner.next };
    }
    return this.parsePrimary(pos, depth + 1);
  }

  /** A value, after Meilisearch's checks for geo built-ins misused as values. */
  private value(pos: number): ValueToken | SoftError {
    const input = this.input;
    const start = skipUnicodeSpaces(input, pos);
    for (const reserved of ['_geoPoint', '_geoDistance']) {
      if (input.startsWith(reserved, start)) this.fail('reservedGeo', start, input.length, reserved);
    }
    const word = input.slice(start, scanWord(input, start));
    if (word === '_geo') this.fail('reservedGeo', start, input.length, '_geo');
    if (word === '_geoRadius') this.fail('misusedGeoRadius', start);
    if (word === '_geoBoundingBox') this.fail('misusedGeoBoundingBox', start);
    if (word === '_geoPolygon') this.fail('misusedGeoPolygon', start);
    const token = readValueToken(input, pos);
    if (isValueFailure(token)) this.fail(token.kind, token.start, token.end, token.detail);
    return token;
  }

  /** `cut(value)`: a value that must be there. */
  private requiredValue(pos: number): ValueToken {
    const token = this.value(pos);
    if (!token.ok) this.fail(token.kind, token.start, token.end);
    return token;
  }

  private parsePrimary(pos: number, depth: number): Parsed {
    this.checkDepth(pos, depth);
    const input = this.input;
    const start = skipSpaces(input, pos);
    if (input[start] === '(') {
      const inner = this.parseOr(skipSpaces(input, start + 1), depth + 1);
      const close = skipSpaces(input, inner.next);
      if (input[close] !== ')') this.fail('missingClosingDelimiter', pos, input.length, ')');
      return { node: inner.node, next: skipSpaces(input, close + 1) };
    }
    const nameEnd = scanWord(input, start);
    const name = input.slice(start, nameEnd);
    if (GEO_FUNCTIONS.has(name)) {
      const geo = parseGeoFunction(input, name as GeoFunctionName, pos, nameEnd);
      this.onAttribute?.('_geo', geo.anchor.start, geo.anchor.end);
      return geo;
    }

    const field = this.value(pos);
    if (!field.ok) {
      if (field.kind === 'reservedKeywordValue') this.fail(field.kind, field.start, field.end);
      this.fail('invalidPrimary', pos);
    }
    const parsed = this.parseCondition(field, pos);
    this.onAttribute?.(field.value, field.start, field.end);
    return parsed;
  }

  /** Every alternative after the attribute, in Meilisearch's order. */
  private parseCondition(field: ValueToken, pos: number): Parsed {
    const input = this.input;
    const attribute = field.value;
    const at = field.next;

    const inAt = this.keyword(at, 'IN');
    if (inAt >= 0) return this.parseInBody(attribute, inAt, false);
    const notWordEnd = scanWord(input, at);
    if (input.slice(at, notWordEnd) === 'NOT') {
      const notInAt = this.keyword(notWordEnd, 'IN');
      if (notInAt >= 0) return this.parseInBody(attribute, notInAt, true);
    }
    for (const operator of OPERATORS) {
      const valueAt = this.tag(at, operator);
      if (valueAt >= 0) {
        const value = this.requiredValue(valueAt);
        return { node: createComparison(attribute, operator, value.value), next: value.next };
      }
    }
    const isAt = this.spaces1(this.tag(at, 'IS'));
    for (const [word, operator] of [
      ['NULL', 'IS NULL'],
      ['EMPTY', 'IS EMPTY'],
    ] as const) {
      let end = this.tag(isAt, word);
      if (end >= 0) return { node: createPresence(attribute, operator), next: end };
      end = this.tag(this.spaces1(this.tag(isAt, 'NOT')), word);
      if (end >= 0) return { node: createNot(createPresence(attribute, operator)), next: end };
    }
    let end = this.tag(at, 'EXISTS');
    if (end >= 0) return { node: createPresence(attribute, 'EXISTS'), next: end };
    const notAt = this.spaces1(this.tag(at, 'NOT'));
    end = this.tag(notAt, 'EXISTS');
    if (end >= 0) return { node: createNot(createPresence(attribute, 'EXISTS')), next: end };

    const from = this.value(at);
    if (from.ok) {
      const toAt = this.spaces1(this.tag(from.next, 'TO'));
      if (toAt >= 0) {
        const to = this.requiredValue(toAt);
        return { node: createRange(attribute, from.value, to.value), next: to.next };
      }
    }
    for (const operator of ['CONTAINS', 'STARTS WITH'] as const) {
      end = this.tag(at, operator);
      if (end >= 0) {
        const value = this.requiredValue(end);
        return { node: createStringMatch(attribute, operator, value.value), next: value.next };
      }
      end = this.tag(notAt, operator);
      if (end >= 0) {
        const value = this.requiredValue(end);
        return { node: createNot(createStringMatch(attribute, operator, value.value)), next: value.next };
      }
    }
    return this.fail('invalidPrimary', pos);
  }

  /** After `IN` (and its spaces): `[` value_list `]`. Everything here is committed. */
  private parseInBody(attribute: string, pos: number, negated: boolean): Parsed {
    const input = this.input;
    if (input[pos] !== '[') this.fail('inOpeningBracket', pos);
    let at = pos + 1;
    const values: string[] = [];
    const first = this.value(at);
    if (first.ok) {
      values.push(first.value);
      at = first.next;
      for (;;) {
        const comma = skipSpaces(input, at);
        if (input[comma] !== ',') break;
        const next = this.value(skipSpaces(input, comma + 1));
        if (!next.ok) break;
        values.push(next.value);
        at = next.next;
      }
      const comma = skipSpaces(input, at);
      if (input[comma] === ',') at = skipSpaces(input, comma + 1);
    }
    const close = skipSpaces(input, at);
    if (input[close] !== ']') {
      if (at >= input.length) this.fail('inClosingBracket', at, at);
      // Meilisearch means to flag keywords here, but its check never fires (parse_value has already
      // re-labelled the error), so a keyword gets the plain message too.
      this.fail('inExpectedValue', at);
    }
    const node = createIn(attribute, values);
    return { node: negated ? createNot(node) : node, next: skipSpaces(input, close + 1) };
  }
}
