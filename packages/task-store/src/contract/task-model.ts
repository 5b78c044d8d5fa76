import type { TaskFilter, TaskPage, TaskView } from '../task-types.js';

/**
 * An independent in-memory model of Meilisearch's `GET /tasks` over task views, written without the
 * store's filter code so the contract compares two implementations.
 */
export function listTasksModel(all: readonly TaskView[], filter: TaskFilter): TaskPage {
  const limit = filter.limit ?? 20;
  const has = <T>(list: readonly T[] | undefined, v: T) =>
    list === undefined || (list as readonly unknown[]).includes('*') || list.includes(v);
  const time = (v: string | number | undefined) =>
    v === undefined ? undefined : typeof v === 'number' ? v : Date.parse(v);
  const within = (
    value: string | null,
    after: string | number | undefined,
    before: string | number | undefined,
  ) => {
    const a = time(after);
    const b = time(before);
    if (a === undefined && b === undefined) return true;
    if (value === null) return false;
    const v = Date.parse(value);
    return (a === undefined || v > a) && (b === undefined || v < b);
  };
  const matching = all
    .filter(
      (t) =>
        has(filter.uids, t.uid) &&
        has(filter.statuses, t.status) &&
        has(filter.types, t.type) &&
        (filter.indexUids === undefined ||
          filter.indexUids.includes('*') ||
          (t.indexUid !== null && filter.indexUids.includes(t.indexUid))) &&
        within(t.enqueuedAt, filter.afterEnqueuedAt, filter.beforeEnqueuedAt) &&
        within(t.startedAt, filter.afterStartedAt, filter.beforeStartedAt) &&
        within(t.finishedAt, filter.afterFinishedAt, filter.beforeFinishedAt),
    )
    .sort((a, b) => (filter.reverse ? a.uid - b.uid : b.uid - a.uid));
  const from = filter.from;
  const after =
    from === undefined ? matching : matching.filter((t) => (filter.reverse ? t.uid >= from : t.uid <= from));
  const results = after.slice(0, limit);
  return {
    results,
    total: matching.length,
    limit,
    from: results[0]?.uid ?? null,
    next: after.length > limit ? (after[limit]?.uid ?? null) : null,
  };
}
