import { expect } from 'vitest';
import type { HttpAnswer } from './conformance-client.js';

/**
 * Assert an answer is a Meilisearch error with this status and code (and the standard shape).
 *
 * @example
 * ```ts
 * expectMeiliError(await client.request('GET', '/indexes/nope'), 404, 'index_not_found');
 * ```
 */
export function expectMeiliError(answer: HttpAnswer, status: number, code: string): void {
  expect({ status: answer.status, code: answer.body?.code }).toEqual({ status, code });
  expect(typeof answer.body.message).toBe('string');
  expect(['invalid_request', 'auth', 'internal', 'system']).toContain(answer.body.type);
  expect(answer.body.link).toBe(`https://docs.meilisearch.com/errors#${code}`);
}

/** RFC 3339 date-time. */
export const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
/** ISO-8601 duration as tasks report it. */
export const ISO_DURATION = /^P(T(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;
