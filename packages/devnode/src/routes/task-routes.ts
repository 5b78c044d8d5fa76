import { meiliError } from '@miroir/errors';
import type { Context, Hono } from 'hono';
import { canAccessIndex, type DevnodeEnv, hasAllIndexes, requireAction } from '../middleware/auth/index.js';
import { matchesTaskFilter, parseTaskFilter } from '../state/task-filter.js';
import { toTaskView } from '../state/task-queue.js';
import type { TaskRecord } from '../state/task-types.js';
import type { DevnodeDeps } from './deps.js';

function visibleTo(c: Context<DevnodeEnv>): (task: TaskRecord) => boolean {
  return (task) => (task.indexUid === null ? hasAllIndexes(c) : canAccessIndex(c, task.indexUid));
}

function parseUidParam(raw: string, what: 'Task' | 'Batch'): number {
  if (!/^\d+$/.test(raw)) {
    throw meiliError(
      what === 'Task' ? 'invalid_task_uids' : 'invalid_batch_uids',
      `Invalid value in parameter \`${what.toLowerCase()}Uid\`: could not parse \`${raw}\` as a positive integer`,
    );
  }
  return Number(raw);
}

/** The minimal batch view of a task (the devnode runs one task per batch). */
function toBatchView(task: TaskRecord): Record<string, unknown> {
  return {
    uid: task.batchUid,
    progress: null,
    details: task.details ?? {},
    stats: {
      totalNbTasks: 1,
      status: { [task.status]: 1 },
      types: { [task.type]: 1 },
      indexUids: task.indexUid === null ? {} : { [task.indexUid]: 1 },
    },
    duration: task.duration,
    startedAt: task.startedAt,
    finishedAt: task.finishedAt,
    batchStrategy: 'batched all enqueued tasks',
  };
}

/**
 * Task and batch routes: list/get tasks, cancel, delete, list/get batches.
 *
 * @example
 * ```ts
 * registerTaskRoutes(app, deps);
 * ```
 */
export function registerTaskRoutes(app: Hono<DevnodeEnv>, deps: DevnodeDeps): void {
  const { queue, keys } = deps.state;

  app.get('/tasks', requireAction(keys, 'tasks.get'), (c) => {
    const filter = parseTaskFilter(new URL(c.req.url).searchParams, 'task', true);
    const page = queue.list(filter, visibleTo(c));
    return c.json({ ...page, results: page.results.map(toTaskView) });
  });

  app.get('/tasks/:taskUid', requireAction(keys, 'tasks.get'), (c) => {
    const uid = parseUidParam(c.req.param('taskUid'), 'Task');
    const task = queue.has(uid) ? queue.get(uid) : null;
    if (!task || !visibleTo(c)(task)) throw meiliError('task_not_found', `Task \`${uid}\` not found.`);
    return c.json(toTaskView(task));
  });

  const registerBulk = (kind: 'taskCancelation' | 'taskDeletion') => async (c: Context<DevnodeEnv>) => {
    const params = new URL(c.req.url).searchParams;
    const filter = parseTaskFilter(params, 'task', false);
    if (!filter.hasFilters) {
      const verb = kind === 'taskCancelation' ? 'cancel' : 'delete';
      throw meiliError(
        'missing_task_filters',
        `Query parameters to filter the tasks to ${verb} are missing. Available query parameters are: \`uids\`, \`indexUids\`, \`statuses\`, \`types\`, \`canceledBy\`, \`beforeEnqueuedAt\`, \`afterEnqueuedAt\`, \`beforeStartedAt\`, \`afterStartedAt\`, \`beforeFinishedAt\`, \`afterFinishedAt\`.`,
      );
    }
    const visible = visibleTo(c);
    const matched = queue.all().filter((t) => visible(t) && matchesTaskFilter(t, filter));
    const query = params.toString();
    const originalFilter = `?${decodeURIComponent(query)}`;
    const isCancel = kind === 'taskCancelation';
    const counts = isCancel ? { canceledTasks: null } : { deletedTasks: null };
    const task = queue.enqueue({
      indexUid: null,
      type: kind,
      details: { matchedTasks: matched.length, ...counts, originalFilter },
      op: isCancel ? { kind: 'taskCancelation', query } : { kind: 'taskDeletion', query },
    });
    return c.json(task, 200);
  };
  app.post('/tasks/cancel', requireAction(keys, 'tasks.cancel'), registerBulk('taskCancelation'));
  app.delete('/tasks', requireAction(keys, 'tasks.delete'), registerBulk('taskDeletion'));

  app.get('/batches', requireAction(keys, 'tasks.get'), (c) => {
    const filter = parseTaskFilter(new URL(c.req.url).searchParams, 'batch', true);
    // Batches are numbered like the tasks they hold, so page over tasks that have a batch.
    const visible = visibleTo(c);
    const withBatch = (t: TaskRecord) => t.batchUid !== null && visible(t);
    let tasks = queue.all().filter((t) => withBatch(t) && matchesTaskFilter(t, filter));
    tasks.sort((a, b) => (filter.reverse ? a.batchUid! - b.batchUid! : b.batchUid! - a.batchUid!));
    const total = tasks.length;
    if (filter.from !== null) {
      const from = filter.from;
      tasks = tasks.filter((t) => (filter.reverse ? t.batchUid! >= from : t.batchUid! <= from));
    }
    const results = tasks.slice(0, filter.limit);
    const extra = tasks[filter.limit];
    return c.json({
      results: results.map(toBatchView),
      total,
      limit: filter.limit,
      from: results[0]?.batchUid ?? null,
      next: extra?.batchUid ?? null,
    });
  });

  app.get('/batches/:batchUid', requireAction(keys, 'tasks.get'), (c) => {
    const uid = parseUidParam(c.req.param('batchUid'), 'Batch');
    const task = queue.all().find((t) => t.batchUid === uid && visibleTo(c)(t));
    if (!task) throw meiliError('batch_not_found', `Batch \`${uid}\` not found.`);
    return c.json(toBatchView(task));
  });
}
