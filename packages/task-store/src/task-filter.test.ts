import { describe, expect, it } from 'vitest';
import {
  matchesTaskFilter,
  normalizeTaskFilter,
  selectsNothing,
  type TaskRecord,
  toTaskView,
} from './task-filter.js';

const task: TaskRecord = {
  uid: 7,
  indexUid: 'movies',
  status: 'succeeded',
  type: 'settingsUpdate',
  canceledBy: null,
  details: null,
  error: null,
  nodeTasks: {},
  enqueuedAt: Date.UTC(2026, 0, 1),
  startedAt: Date.UTC(2026, 0, 1, 0, 0, 1),
  finishedAt: Date.UTC(2026, 0, 1, 0, 0, 2, 500),
};

describe('normalizeTaskFilter / matchesTaskFilter', () => {
  const cases: [string, Parameters<typeof normalizeTaskFilter>[0], boolean][] = [
    ['no filter', {}, true],
    ['`*` means any status', { statuses: ['*'] }, true],
    ['other status', { statuses: ['failed'] }, false],
    ['index list', { indexUids: ['books', 'movies'] }, true],
    ['after is exclusive', { afterEnqueuedAt: '2026-01-01T00:00:00.000Z' }, false],
    ['before is exclusive', { beforeFinishedAt: Date.UTC(2026, 0, 1, 0, 0, 2, 500) }, false],
    ['inside the window', { afterStartedAt: Date.UTC(2026, 0, 1), beforeStartedAt: '2026-01-02' }, true],
    ['uid list', { uids: [1, 7] }, true],
  ];
  for (const [name, filter, expected] of cases) {
    it(name, () => expect(matchesTaskFilter(task, normalizeTaskFilter(filter))).toBe(expected));
  }

  it('applies Meilisearch defaults', () => {
    expect(normalizeTaskFilter({})).toMatchObject({ limit: 20, reverse: false });
    expect(selectsNothing(normalizeTaskFilter({ types: [] }))).toBe(true);
  });

  it('names the offending field', () => {
    expect(() => normalizeTaskFilter({ indexUids: ['bad index'] })).toThrow(
      expect.objectContaining({ kind: 'invalid_filter', field: 'indexUids' }),
    );
    expect(() => normalizeTaskFilter({ uids: [1.5] })).toThrow(expect.objectContaining({ field: 'uids' }));
    expect(() => normalizeTaskFilter({ beforeFinishedAt: 'soon' })).toThrow(
      expect.objectContaining({ field: 'beforeFinishedAt' }),
    );
  });

  it('renders a Meilisearch TaskView', () => {
    expect(toTaskView(task)).toMatchObject({
      enqueuedAt: '2026-01-01T00:00:00.000Z',
      duration: 'PT1.5S',
      nodeTasks: {},
    });
  });
});
