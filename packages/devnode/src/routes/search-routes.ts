import type { Hono } from 'hono';
import { validateFacetSearchQuery, validateSearchQuery } from '../engine/index.js';
import { readJsonBody } from '../http/read-body.js';
import { searchParamsToBody } from '../http/search-params-to-body.js';
import { applySearchRules, type DevnodeEnv, requireAction } from '../middleware/auth/index.js';
import { assertIndexUid } from '../state/index-catalog.js';
import type { DevnodeDeps } from './deps.js';

/**
 * Search routes: `GET|POST /indexes/{uid}/search` and `POST /indexes/{uid}/facet-search`.
 *
 * @example
 * ```ts
 * registerSearchRoutes(app, deps);
 * ```
 */
export function registerSearchRoutes(app: Hono<DevnodeEnv>, deps: DevnodeDeps): void {
  const { state, payloadSizeLimit } = deps;
  const { catalog, keys } = state;

  app.get('/indexes/:uid/search', requireAction(keys, 'search', { index: true }), (c) => {
    const uid = c.req.param('uid');
    assertIndexUid(uid);
    const query = applySearchRules(
      c,
      uid,
      validateSearchQuery(searchParamsToBody(new URL(c.req.url).searchParams)),
    );
    return c.json(catalog.get(uid).engine.search(query));
  });

  app.post('/indexes/:uid/search', requireAction(keys, 'search', { index: true }), async (c) => {
    const uid = c.req.param('uid');
    assertIndexUid(uid);
    const query = applySearchRules(c, uid, validateSearchQuery(await readJsonBody(c, payloadSizeLimit)));
    return c.json(catalog.get(uid).engine.search(query));
  });

  app.post('/indexes/:uid/facet-search', requireAction(keys, 'search', { index: true }), async (c) => {
    const uid = c.req.param('uid');
    assertIndexUid(uid);
    const query = applySearchRules(c, uid, validateFacetSearchQuery(await readJsonBody(c, payloadSizeLimit)));
    return c.json(catalog.get(uid).engine.facetSearch(query));
  });
}
