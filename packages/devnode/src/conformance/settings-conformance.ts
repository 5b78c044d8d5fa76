import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConformanceClient, uniqueUid } from './conformance-client.js';
import { expectMeiliError } from './expect-meili-error.js';

/** Sub-routes, their update verb and a valid value. */
const SUB_ROUTES: Array<[string, string, 'PUT' | 'PATCH', unknown]> = [
  ['filterable-attributes', 'filterableAttributes', 'PUT', ['genre']],
  ['sortable-attributes', 'sortableAttributes', 'PUT', ['price']],
  ['displayed-attributes', 'displayedAttributes', 'PUT', ['id', 'title']],
  ['searchable-attributes', 'searchableAttributes', 'PUT', ['title']],
  ['stop-words', 'stopWords', 'PUT', ['the']],
  ['non-separator-tokens', 'nonSeparatorTokens', 'PUT', ['@']],
  ['separator-tokens', 'separatorTokens', 'PUT', ['|']],
  ['dictionary', 'dictionary', 'PUT', ['J.R.R.']],
  ['synonyms', 'synonyms', 'PUT', { movie: ['film'] }],
  ['distinct-attribute', 'distinctAttribute', 'PUT', 'title'],
  ['proximity-precision', 'proximityPrecision', 'PUT', 'byAttribute'],
  ['ranking-rules', 'rankingRules', 'PUT', ['words', 'typo', 'price:asc']],
  ['search-cutoff-ms', 'searchCutoffMs', 'PUT', 150],
  ['facet-search', 'facetSearch', 'PUT', false],
  ['prefix-search', 'prefixSearch', 'PUT', 'disabled'],
  ['typo-tolerance', 'typoTolerance', 'PATCH', { enabled: false }],
  ['faceting', 'faceting', 'PATCH', { maxValuesPerFacet: 10 }],
  ['pagination', 'pagination', 'PATCH', { maxTotalHits: 50 }],
];

/**
 * Settings: defaults, whole-object routes, every sub-route with its verb, resets and errors.
 *
 * @example
 * ```ts
 * describeSettingsConformance(client);
 * ```
 */
export function describeSettingsConformance(client: ConformanceClient): void {
  describe('settings', () => {
    const uid = uniqueUid('settings');
    let defaults: Record<string, unknown> = {};
    beforeAll(async () => {
      await client.write('POST', '/indexes', { body: { uid } });
      defaults = (await client.request('GET', `/indexes/${uid}/settings`)).body;
    });
    afterAll(async () => {
      await client.request('DELETE', `/indexes/${uid}`);
    });

    it('GET /settings returns CE defaults', () => {
      expect(defaults).toMatchObject({
        displayedAttributes: ['*'],
        searchableAttributes: ['*'],
        filterableAttributes: [],
        sortableAttributes: [],
        rankingRules: ['words', 'typo', 'proximity', 'attributeRank', 'sort', 'wordPosition', 'exactness'],
        stopWords: [],
        nonSeparatorTokens: [],
        separatorTokens: [],
        dictionary: [],
        synonyms: {},
        distinctAttribute: null,
        proximityPrecision: 'byWord',
        typoTolerance: {
          enabled: true,
          minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
          disableOnWords: [],
          disableOnAttributes: [],
        },
        faceting: { maxValuesPerFacet: 100, sortFacetValuesBy: { '*': 'alpha' } },
        pagination: { maxTotalHits: 1000 },
        embedders: {},
        searchCutoffMs: null,
        localizedAttributes: null,
        facetSearch: true,
        prefixSearch: 'indexingTime',
      });
    });

    it('PATCH /settings enqueues a settingsUpdate whose details are the settings given', async () => {
      const res = await client.request('PATCH', `/indexes/${uid}/settings`, {
        body: { filterableAttributes: ['genre'], pagination: { maxTotalHits: 10 } },
      });
      expect(res.status).toBe(202);
      expect(res.body.type).toBe('settingsUpdate');
      const task = await client.waitTask(res.body.taskUid);
      expect(task.status).toBe('succeeded');
      expect(task.details).toEqual({ filterableAttributes: ['genre'], pagination: { maxTotalHits: 10 } });
      const after = (await client.request('GET', `/indexes/${uid}/settings`)).body;
      expect(after.filterableAttributes).toEqual(['genre']);
      expect(after.pagination).toEqual({ maxTotalHits: 10 });
      const reset = await client.write('DELETE', `/indexes/${uid}/settings`);
      expect(reset.status).toBe('succeeded');
      expect((await client.request('GET', `/indexes/${uid}/settings`)).body).toEqual(defaults);
    });

    it.each(SUB_ROUTES)('sub-route %s: GET, update (%s) and DELETE reset', async (path, key, verb, value) => {
      const base = `/indexes/${uid}/settings/${path}`;
      const initial = await client.request('GET', base);
      expect(initial.status).toBe(200);
      expect(initial.body).toEqual(defaults[key]);
      const wrongVerb = verb === 'PUT' ? 'PATCH' : 'PUT';
      expect((await client.request(wrongVerb, base, { body: value })).status).toBe(405);
      const task = await client.write(verb, base, { body: value });
      expect(task.status).toBe('succeeded');
      expect(Object.keys(task.details)).toEqual([key]);
      const updated = (await client.request('GET', base)).body;
      if (typeof value === 'object' && value !== null && !Array.isArray(value))
        expect(updated).toMatchObject(value);
      else expect(updated).toEqual(value);
      await client.write('DELETE', base);
      expect((await client.request('GET', base)).body).toEqual(defaults[key]);
    });

    it('set-like settings come back sorted and deduplicated; a wildcard list collapses to the wildcard', async () => {
      const task = await client.write('PATCH', `/indexes/${uid}/settings`, {
        body: {
          sortableAttributes: ['year', 'title', 'year'],
          stopWords: ['the', 'a', 'the'],
          synonyms: { zeta: ['z'], alpha: ['a'] },
          displayedAttributes: ['title', '*'],
          typoTolerance: { disableOnWords: ['zz', 'aa', 'zz'] },
        },
      });
      expect(task.status).toBe('succeeded');
      const settings = (await client.request('GET', `/indexes/${uid}/settings`)).body;
      expect(settings.sortableAttributes).toEqual(['title', 'year']);
      expect(settings.stopWords).toEqual(['a', 'the']);
      expect(Object.keys(settings.synonyms)).toEqual(['alpha', 'zeta']);
      expect(settings.displayedAttributes).toEqual(['*']);
      expect(settings.typoTolerance.disableOnWords).toEqual(['aa', 'zz']);
      await client.write('DELETE', `/indexes/${uid}/settings`);
    });

    it('settings errors', async () => {
      expectMeiliError(
        await client.request('PATCH', `/indexes/${uid}/settings`, {
          body: { rankingRules: ['nope:sideways'] },
        }),
        400,
        'invalid_settings_ranking_rules',
      );
      expectMeiliError(
        await client.request('PUT', `/indexes/${uid}/settings/filterable-attributes`, { body: 'genre' }),
        400,
        'invalid_settings_filterable_attributes',
      );
      expectMeiliError(
        await client.request('PATCH', `/indexes/${uid}/settings`, { body: { unknownSetting: 1 } }),
        400,
        'bad_request',
      );
      expectMeiliError(
        await client.request('GET', `/indexes/${uniqueUid('none')}/settings`),
        404,
        'index_not_found',
      );
    });

    it('a settings update creates a missing index', async () => {
      const fresh = uniqueUid('settingsnew');
      const task = await client.write('PUT', `/indexes/${fresh}/settings/sortable-attributes`, {
        body: ['year'],
      });
      expect(task.status).toBe('succeeded');
      expect((await client.request('GET', `/indexes/${fresh}`)).status).toBe(200);
      await client.write('DELETE', `/indexes/${fresh}`);
    });
  });
}
