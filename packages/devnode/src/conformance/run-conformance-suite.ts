import { describeAuthConformance } from './auth-conformance.js';
import { type ConformanceTarget, createConformanceClient } from './conformance-client.js';
import { describeDocumentsConformance } from './documents-conformance.js';
import { describeIndexesConformance } from './indexes-conformance.js';
import { describeMiscConformance } from './misc-conformance.js';
import { describeSearchConformance } from './search-conformance.js';
import { describeSettingsConformance } from './settings-conformance.js';
import { describeTasksConformance } from './tasks-conformance.js';

/**
 * Register the whole Meilisearch conformance suite (vitest `describe` blocks) against a target resolved
 * lazily, so a `beforeAll` may start the server first. The target needs a master key.
 *
 * @example
 * ```ts
 * let target: ConformanceTarget;
 * beforeAll(async () => { target = { baseUrl: (await startDevnode({ masterKey: 'k' })).url, masterKey: 'k' }; });
 * runConformanceSuite(() => target);
 * ```
 */
export function runConformanceSuite(getTarget: () => ConformanceTarget): void {
  const client = createConformanceClient(getTarget);
  describeMiscConformance(client);
  describeIndexesConformance(client);
  describeDocumentsConformance(client);
  describeSearchConformance(client);
  describeSettingsConformance(client);
  describeTasksConformance(client);
  describeAuthConformance(client, () => getTarget().masterKey);
}
