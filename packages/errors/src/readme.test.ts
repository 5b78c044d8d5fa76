import { expect, it } from 'vitest';
import { meiliError } from './index.js';

// The README's example, run as written.
it('README example', () => {
  const err = meiliError('index_not_found', 'Index `movies` not found.');
  expect(err.status).toBe(404);
  expect(JSON.stringify(err)).toBe(
    '{"message":"Index `movies` not found.","code":"index_not_found","type":"invalid_request","link":"https://docs.meilisearch.com/errors#index_not_found"}',
  );
});
