import { defaultSettings } from './default-settings.js';
import type { IndexSettings } from './engine-contract.js';

const REINDEXING: ReadonlyArray<keyof IndexSettings> = [
  'searchableAttributes',
  'stopWords',
  'separatorTokens',
  'nonSeparatorTokens',
  'dictionary',
];

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

// Sub-objects are patched field by field (a `null` field resets that field), like Meilisearch.
function mergeObject(current: unknown, patch: Record<string, unknown>, defaults: unknown): unknown {
  const base = isRecord(current) ? { ...current } : {};
  const defs = isRecord(defaults) ? defaults : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) base[key] = structuredClone(defs[key]);
    else if (isRecord(value) && isRecord(base[key]) && key !== 'sortFacetValuesBy') {
      base[key] = mergeObject(base[key], value, defs[key]);
    } else base[key] = structuredClone(value);
    if (base[key] === undefined) delete base[key];
  }
  return base;
}

/**
 * Apply a validated settings patch (`null` on a key resets it). Returns the new settings and whether the
 * documents must be re-tokenised.
 *
 * @example
 * ```ts
 * applySettingsPatch(defaultSettings(), { stopWords: ['the'] }).reindex; // true
 * ```
 */
export function applySettingsPatch(
  current: IndexSettings,
  patch: Partial<Record<keyof IndexSettings, unknown>>,
): { settings: IndexSettings; reindex: boolean } {
  const defaults = defaultSettings();
  const next = structuredClone(current) as unknown as Record<string, unknown>;
  let reindex = false;
  for (const [key, value] of Object.entries(patch) as Array<[keyof IndexSettings, unknown]>) {
    if (value === undefined) continue;
    const before = JSON.stringify(next[key]);
    if (value === null) next[key] = structuredClone(defaults[key]);
    else if (key === 'embedders' && isRecord(value)) {
      const embedders = { ...(next.embedders as Record<string, unknown>) };
      for (const [name, config] of Object.entries(value)) {
        if (config === null) delete embedders[name];
        else
          embedders[name] =
            isRecord(config) && isRecord(embedders[name])
              ? { ...(embedders[name] as object), ...config }
              : config;
      }
      next.embedders = embedders;
    } else if (key === 'faceting' && isRecord(value)) {
      const merged = mergeObject(next.faceting, value, defaults.faceting) as Record<string, unknown>;
      if (isRecord(value.sortFacetValuesBy)) {
        merged.sortFacetValuesBy = {
          ...(isRecord((next.faceting as Record<string, unknown>).sortFacetValuesBy)
            ? ((next.faceting as Record<string, unknown>).sortFacetValuesBy as object)
            : {}),
          ...value.sortFacetValuesBy,
        };
      }
      next.faceting = merged;
    } else if ((key === 'typoTolerance' || key === 'pagination') && isRecord(value)) {
      next[key] = mergeObject(next[key], value, defaults[key]);
    } else next[key] = structuredClone(value);
    if (REINDEXING.includes(key) && JSON.stringify(next[key]) !== before) reindex = true;
  }
  return { settings: next as unknown as IndexSettings, reindex };
}
