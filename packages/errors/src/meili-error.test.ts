import { describe, expect, it } from 'vitest';
import { isMeiliErrorBody, MEILI_ERROR_CODES, meiliError } from './index.js';

describe('meiliError', () => {
  it('takes type, status and link from the catalog', () => {
    const err = meiliError('index_not_found', 'Index `movies` not found.');
    expect(err.status).toBe(404);
    expect(err.toJSON()).toEqual({
      message: 'Index `movies` not found.',
      code: 'index_not_found',
      type: 'invalid_request',
      link: 'https://docs.meilisearch.com/errors#index_not_found',
    });
    expect(isMeiliErrorBody(JSON.parse(JSON.stringify(err)))).toBe(true);
  });

  it.each([
    ['payload_too_large', 413, 'invalid_request'],
    ['invalid_content_type', 415, 'invalid_request'],
    ['missing_authorization_header', 401, 'auth'],
    ['invalid_api_key', 403, 'auth'],
    ['too_many_search_requests', 503, 'system'],
    ['requires_enterprise_edition', 451, 'invalid_request'],
    ['index_already_exists', 409, 'invalid_request'],
    ['invalid_search_filter', 400, 'invalid_request'],
    ['invalid_task_statuses', 400, 'invalid_request'],
    ['miroir_no_quorum', 503, 'system'],
    ['miroir_shard_unavailable', 503, 'system'],
    ['miroir_idempotency_key_reused', 409, 'invalid_request'],
    ['miroir_invalid_auth', 401, 'auth'],
  ] as const)('%s → %i %s', (code, status, type) => {
    expect(MEILI_ERROR_CODES[code]).toEqual({ status, type });
  });

  it('refuses a code outside the catalog loudly', () => {
    expect(() => meiliError('no_such_code' as 'internal', 'x')).toThrow(
      /\[BUG\] unknown Meilisearch error code/,
    );
  });

  it('keeps every code snake_case, and miroir codes prefixed', () => {
    for (const code of Object.keys(MEILI_ERROR_CODES)) expect(code).toMatch(/^[a-z][a-z0-9_]*$/);
  });
});
