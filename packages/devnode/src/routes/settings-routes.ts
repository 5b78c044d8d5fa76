import type { Hono } from 'hono';
import type { IndexSettings } from '../engine/engine-contract.js';
import { defaultSettings, validateSettings } from '../engine/index.js';
import { readJsonBody } from '../http/read-body.js';
import { type DevnodeEnv, requireAction } from '../middleware/auth/index.js';
import { assertIndexUid } from '../state/index-catalog.js';
import type { DevnodeDeps } from './deps.js';

/** Every settings sub-route with the verb Meilisearch uses to update it. */
export const SETTING_ROUTES: ReadonlyArray<{
  path: string;
  key: keyof IndexSettings;
  verb: 'put' | 'patch';
}> = [
  { path: 'filterable-attributes', key: 'filterableAttributes', verb: 'put' },
  { path: 'sortable-attributes', key: 'sortableAttributes', verb: 'put' },
  { path: 'displayed-attributes', key: 'displayedAttributes', verb: 'put' },
  { path: 'searchable-attributes', key: 'searchableAttributes', verb: 'put' },
  { path: 'stop-words', key: 'stopWords', verb: 'put' },
  { path: 'non-separator-tokens', key: 'nonSeparatorTokens', verb: 'put' },
  { path: 'separator-tokens', key: 'separatorTokens', verb: 'put' },
  { path: 'dictionary', key: 'dictionary', verb: 'put' },
  { path: 'synonyms', key: 'synonyms', verb: 'put' },
  { path: 'distinct-attribute', key: 'distinctAttribute', verb: 'put' },
  { path: 'proximity-precision', key: 'proximityPrecision', verb: 'put' },
  { path: 'localized-attributes', key: 'localizedAttributes', verb: 'put' },
  { path: 'ranking-rules', key: 'rankingRules', verb: 'put' },
  { path: 'search-cutoff-ms', key: 'searchCutoffMs', verb: 'put' },
  { path: 'facet-search', key: 'facetSearch', verb: 'put' },
  { path: 'prefix-search', key: 'prefixSearch', verb: 'put' },
  { path: 'typo-tolerance', key: 'typoTolerance', verb: 'patch' },
  { path: 'faceting', key: 'faceting', verb: 'patch' },
  { path: 'pagination', key: 'pagination', verb: 'patch' },
  { path: 'embedders', key: 'embedders', verb: 'patch' },
];

/**
 * Settings routes: `GET|PATCH|DELETE /indexes/{uid}/settings` and every sub-route. Updates are
 * `settingsUpdate` tasks whose details are the settings given; `DELETE` resets to the default.
 *
 * @example
 * ```ts
 * registerSettingsRoutes(app, deps);
 * ```
 */
export function registerSettingsRoutes(app: Hono<DevnodeEnv>, deps: DevnodeDeps): void {
  const { state, payloadSizeLimit } = deps;
  const { catalog, queue, keys } = state;
  const enqueue = (uid: string, settings: Record<string, unknown>) =>
    queue.enqueue({
      indexUid: uid,
      type: 'settingsUpdate',
      details: settings,
      op: { kind: 'settingsUpdate', settings },
    });

  app.get('/indexes/:uid/settings', requireAction(keys, 'settings.get', { index: true }), (c) => {
    const uid = c.req.param('uid') ?? '';
    assertIndexUid(uid);
    return c.json(catalog.get(uid).engine.getSettings());
  });

  app.patch('/indexes/:uid/settings', requireAction(keys, 'settings.update', { index: true }), async (c) => {
    const uid = c.req.param('uid') ?? '';
    assertIndexUid(uid);
    const settings = validateSettings(await readJsonBody(c, payloadSizeLimit)) as Record<string, unknown>;
    return c.json(enqueue(uid, settings), 202);
  });

  app.delete('/indexes/:uid/settings', requireAction(keys, 'settings.update', { index: true }), (c) => {
    const uid = c.req.param('uid') ?? '';
    assertIndexUid(uid);
    const reset = Object.fromEntries(Object.keys(defaultSettings()).map((k) => [k, null]));
    return c.json(enqueue(uid, reset), 202);
  });

  for (const route of SETTING_ROUTES) {
    const path = `/indexes/:uid/settings/${route.path}`;
    app.get(path, requireAction(keys, 'settings.get', { index: true }), (c) => {
      const uid = c.req.param('uid') ?? '';
      assertIndexUid(uid);
      return c.json(catalog.get(uid).engine.getSettings()[route.key]);
    });
    app[route.verb](path, requireAction(keys, 'settings.update', { index: true }), async (c) => {
      const uid = c.req.param('uid') ?? '';
      assertIndexUid(uid);
      const value = await readJsonBody(c, payloadSizeLimit);
      const settings = validateSettings(value, route.key) as Record<string, unknown>;
      return c.json(enqueue(uid, settings), 202);
    });
    app.delete(path, requireAction(keys, 'settings.update', { index: true }), (c) => {
      const uid = c.req.param('uid') ?? '';
      assertIndexUid(uid);
      return c.json(enqueue(uid, { [route.key]: null }), 202);
    });
  }
}
