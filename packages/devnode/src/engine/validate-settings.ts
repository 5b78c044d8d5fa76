import { type MeiliErrorCode, meiliError } from '@miroir/errors';
import {
  expectPositiveInteger,
  expectStringArray,
  isPlainObject,
  typeError,
  unknownField,
} from './describe-value.js';
import type { IndexSettings } from './engine-contract.js';
import { parseRankingRules } from './ranking-rules.js';

const SETTINGS_FIELDS: ReadonlyArray<keyof IndexSettings> = [
  'displayedAttributes',
  'searchableAttributes',
  'filterableAttributes',
  'sortableAttributes',
  'rankingRules',
  'stopWords',
  'nonSeparatorTokens',
  'separatorTokens',
  'dictionary',
  'synonyms',
  'distinctAttribute',
  'proximityPrecision',
  'typoTolerance',
  'faceting',
  'pagination',
  'embedders',
  'searchCutoffMs',
  'localizedAttributes',
  'facetSearch',
  'prefixSearch',
];

function codeOf(field: keyof IndexSettings): MeiliErrorCode {
  return `invalid_settings_${field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}` as MeiliErrorCode;
}

function checkKeys(code: MeiliErrorCode, value: Record<string, unknown>, known: readonly string[]): void {
  for (const key of Object.keys(value)) if (!known.includes(key)) unknownField(key, known, code);
}

function enumValue(code: MeiliErrorCode, path: string, value: unknown, allowed: readonly string[]): string {
  if (typeof value !== 'string') typeError(code, path, 'a string', value);
  if (!allowed.includes(value)) {
    const at = path === '' ? '' : ` at \`${path}\``;
    throw meiliError(
      code,
      `Unknown value \`${value}\`${at}: expected one of ${allowed.map((a) => `\`${a}\``).join(', ')}`,
    );
  }
  return value;
}

function validateTypo(code: MeiliErrorCode, path: string, value: unknown): unknown {
  if (!isPlainObject(value)) typeError(code, path, 'an object', value);
  checkKeys(code, value, [
    'enabled',
    'minWordSizeForTypos',
    'disableOnWords',
    'disableOnAttributes',
    'disableOnNumbers',
  ]);
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    const at = `${path}.${key}`;
    if (inner === null) {
      out[key] = null;
    } else if (key === 'enabled' || key === 'disableOnNumbers') {
      if (typeof inner !== 'boolean') typeError(code, at, 'a boolean', inner);
      out[key] = inner;
    } else if (key === 'disableOnWords' || key === 'disableOnAttributes') {
      out[key] = sortedUnique(expectStringArray(code, at, inner));
    } else {
      if (!isPlainObject(inner)) typeError(code, at, 'an object', inner);
      checkKeys(code, inner, ['oneTypo', 'twoTypos']);
      const sizes: Record<string, number | null> = {};
      for (const [k, v] of Object.entries(inner))
        sizes[k] = v === null ? null : expectPositiveInteger(code, `${at}.${k}`, v);
      const one = sizes.oneTypo ?? 5;
      const two = sizes.twoTypos ?? 9;
      if (one > two || one > 255 || two > 255) {
        throw meiliError(
          code,
          `\`minWordSizeForTypos\` setting is invalid. \`oneTypo\` and \`twoTypos\` fields should be between \`0\` and \`255\`, and \`twoTypos\` should be greater or equals to \`oneTypo\` but found \`oneTypo: ${one}\` and twoTypos: ${two}\`.`,
        );
      }
      out[key] = sizes;
    }
  }
  return out;
}

function validateFilterable(code: MeiliErrorCode, path: string, value: unknown): unknown {
  if (!Array.isArray(value)) typeError(code, path, 'an array', value);
  return value.map((entry, i) => {
    if (typeof entry === 'string') return entry;
    if (!isPlainObject(entry)) typeError(code, `${path}[${i}]`, 'a string or an object', entry);
    checkKeys(code, entry, ['attributePatterns', 'features']);
    const patterns = expectStringArray(code, `${path}[${i}].attributePatterns`, entry.attributePatterns);
    const features = isPlainObject(entry.features) ? entry.features : {};
    const filter = isPlainObject(features.filter) ? features.filter : {};
    return {
      attributePatterns: patterns,
      features: {
        facetSearch: features.facetSearch === true,
        filter: { equality: filter.equality !== false, comparison: filter.comparison === true },
      },
    };
  });
}

function validateOne(field: keyof IndexSettings, value: unknown, path: string): unknown {
  const code = codeOf(field);
  if (value === null) return null;
  switch (field) {
    case 'displayedAttributes':
    case 'searchableAttributes': {
      // Meilisearch collapses any list containing the wildcard to the wildcard alone.
      const attributes = expectStringArray(code, path, value);
      return attributes.includes('*') ? ['*'] : attributes;
    }
    case 'sortableAttributes':
    case 'stopWords':
    case 'nonSeparatorTokens':
    case 'separatorTokens':
    case 'dictionary':
      return sortedUnique(expectStringArray(code, path, value));
    case 'filterableAttributes':
      return validateFilterable(code, path, value);
    case 'rankingRules': {
      const rules = expectStringArray(code, path, value);
      parseRankingRules(rules);
      return rules;
    }
    case 'synonyms': {
      if (!isPlainObject(value)) typeError(code, path, 'an object', value);
      const out: Record<string, string[]> = {};
      for (const k of Object.keys(value).sort(compareCodeUnits))
        out[k] = expectStringArray(code, `${path}.${k}`, value[k]);
      return out;
    }
    case 'distinctAttribute':
      if (typeof value !== 'string') typeError(code, path, 'a string', value);
      return value;
    case 'proximityPrecision':
      return enumValue(code, path, value, ['byWord', 'byAttribute']);
    case 'prefixSearch':
      return enumValue(code, path, value, ['indexingTime', 'disabled']);
    case 'facetSearch':
      if (typeof value !== 'boolean') typeError(code, path, 'a boolean', value);
      return value;
    case 'searchCutoffMs':
      return expectPositiveInteger(code, path, value);
    case 'typoTolerance':
      return validateTypo(code, path, value);
    case 'pagination': {
      if (!isPlainObject(value)) typeError(code, path, 'an object', value);
      checkKeys(code, value, ['maxTotalHits']);
      const max = value.maxTotalHits;
      return max === undefined || max === null
        ? { ...value }
        : { maxTotalHits: expectPositiveInteger(code, `${path}.maxTotalHits`, max) };
    }
    case 'faceting': {
      if (!isPlainObject(value)) typeError(code, path, 'an object', value);
      checkKeys(code, value, ['maxValuesPerFacet', 'sortFacetValuesBy']);
      const out: Record<string, unknown> = {};
      if (value.maxValuesPerFacet !== undefined) {
        out.maxValuesPerFacet =
          value.maxValuesPerFacet === null
            ? null
            : expectPositiveInteger(code, `${path}.maxValuesPerFacet`, value.maxValuesPerFacet);
      }
      if (value.sortFacetValuesBy !== undefined) {
        const by = value.sortFacetValuesBy;
        if (by !== null && !isPlainObject(by)) typeError(code, `${path}.sortFacetValuesBy`, 'an object', by);
        if (by !== null) {
          for (const [k, v] of Object.entries(by))
            enumValue(code, `${path}.sortFacetValuesBy.${k}`, v, ['alpha', 'count']);
        }
        out.sortFacetValuesBy = by;
      }
      return out;
    }
    case 'embedders': {
      if (!isPlainObject(value)) typeError(code, path, 'an object', value);
      const out: Record<string, unknown> = {};
      for (const [name, config] of Object.entries(value)) {
        if (config === null) {
          out[name] = null;
          continue;
        }
        if (!isPlainObject(config)) typeError(code, `${path}.${name}`, 'an object', config);
        if (config.source !== undefined && typeof config.source !== 'string') {
          typeError(code, `${path}.${name}.source`, 'a string', config.source);
        }
        if (config.dimensions !== undefined && config.dimensions !== null) {
          expectPositiveInteger(code, `${path}.${name}.dimensions`, config.dimensions);
        }
        if (
          config.source === 'userProvided' &&
          (config.dimensions === undefined || config.dimensions === null)
        ) {
          throw meiliError(
            code,
            `\`.embedders.${name}\`: Missing field \`dimensions\` (note: this field is mandatory for source \`userProvided\`)`,
          );
        }
        out[name] = { ...config };
      }
      return out;
    }
    case 'localizedAttributes':
      if (!Array.isArray(value)) typeError(code, path, 'an array', value);
      return value;
  }
  return value;
}

/**
 * Validate a settings body (the whole object, or one setting's value when `only` is given, as the
 * per-setting routes do). Returns the validated patch; `null` values mean "reset to default".
 *
 * @example
 * ```ts
 * validateSettings({ rankingRules: ['words', 'price:asc'] }); // { rankingRules: [...] }
 * validateSettings('x', 'rankingRules'); // throws invalid_settings_ranking_rules
 * ```
 */
export function validateSettings(
  body: unknown,
  only?: keyof IndexSettings,
): Partial<Record<keyof IndexSettings, unknown>> {
  if (only !== undefined) return { [only]: validateOne(only, body, '') };
  if (!isPlainObject(body)) typeError('bad_request', '', 'an object', body);
  const out: Partial<Record<keyof IndexSettings, unknown>> = {};
  for (const [key, value] of Object.entries(body)) {
    if (!SETTINGS_FIELDS.includes(key as keyof IndexSettings)) unknownField(key, SETTINGS_FIELDS);
    if (value === undefined) continue;
    out[key as keyof IndexSettings] = validateOne(key as keyof IndexSettings, value, `.${key}`);
  }
  return out;
}

// Meilisearch stores these settings as ordered sets (Rust `BTreeSet`/`BTreeMap`): it returns them sorted and
// without duplicates, whatever order the client sent. Proxies compare settings across nodes, so match it.
function sortedUnique(values: readonly string[]): string[] {
  return [...new Set(values)].sort(compareCodeUnits);
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
