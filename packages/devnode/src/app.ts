import { MeiliError, meiliError } from '@miroir/errors';
import { Hono } from 'hono';
import { authenticate, type DevnodeEnv } from './middleware/auth/index.js';
import { allowAnyOrigin } from './middleware/cors/index.js';
import { injectFaults } from './middleware/faults/index.js';
import type { DevnodeDeps } from './routes/deps.js';
import { registerDocumentRoutes } from './routes/document-routes.js';
import { registerIndexRoutes } from './routes/index-routes.js';
import { registerKeyRoutes } from './routes/key-routes.js';
import { registerMiscRoutes } from './routes/misc-routes.js';
import { registerMultiSearchRoutes } from './routes/multi-search-routes.js';
import { registerSearchRoutes } from './routes/search-routes.js';
import { registerSettingsRoutes } from './routes/settings-routes.js';
import { registerTaskRoutes } from './routes/task-routes.js';

/**
 * Build the devnode's Hono app (Meilisearch API + `/_devnode/faults`). Never listens: use
 * `startDevnode()` for a server, or `app.request()` in tests.
 *
 * @example
 * ```ts
 * const app = createDevnodeApp({ state: createDevnodeState(), payloadSizeLimit: 100_000_000, faults: null, pkgVersion: '1.37.0' });
 * const res = await app.request('/health'); // 200 {"status":"available"}
 * ```
 */
export function createDevnodeApp(deps: DevnodeDeps): Hono<DevnodeEnv> {
  const app = new Hono<DevnodeEnv>({ strict: false });
  // Like Meilisearch: CORS allows everything, preflights cached for a day, and they need no key.
  app.use('*', allowAnyOrigin());
  if (deps.faults) app.use('*', injectFaults(deps.faults));
  app.use('*', authenticate(deps.state.keys));
  registerMiscRoutes(app, deps);
  registerIndexRoutes(app, deps);
  registerDocumentRoutes(app, deps);
  registerSearchRoutes(app, deps);
  registerMultiSearchRoutes(app, deps);
  registerSettingsRoutes(app, deps);
  registerTaskRoutes(app, deps);
  registerKeyRoutes(app, deps);
  // A known path with another verb is 405, like Meilisearch (actix resources); anything else 404.
  const knownPaths = app.routes
    .filter((r) => r.method !== 'ALL' && r.path !== '*')
    .map((r) => new RegExp(`^${r.path.replace(/:[^/]+/g, '[^/]+')}/?$`));
  app.notFound((c) => c.body(null, knownPaths.some((re) => re.test(c.req.path)) ? 405 : 404));
  app.onError((err, c) => {
    const error =
      err instanceof MeiliError
        ? err
        : meiliError('internal', `[BUG] ${err instanceof Error ? err.message : String(err)}`);
    if (!(err instanceof MeiliError)) console.error('[devnode] unexpected error', err);
    if (error.status === 503) c.header('Retry-After', '10');
    return c.json(error.toJSON(), error.status as 400);
  });
  return app;
}
