/** What went wrong, so callers can map a store failure to their own error codes. */
export type TaskStoreErrorKind =
  | 'invalid_input'
  | 'invalid_filter'
  | 'not_found'
  | 'corrupt_row'
  | 'schema_too_new'
  | 'backend_unavailable';

/**
 * The one error class the task store throws. `field` names the offending input (for example
 * `statuses`) so the proxy can pick the matching Meilisearch code (`invalid_task_statuses`).
 *
 * @example
 * try { await store.tasks.list({ statuses: ['nope'] }); }
 * catch (e) { if (e instanceof TaskStoreError && e.kind === 'invalid_filter') console.log(e.field); }
 */
export class TaskStoreError extends Error {
  override readonly name = 'TaskStoreError';
  readonly kind: TaskStoreErrorKind;
  readonly field: string | undefined;

  constructor(kind: TaskStoreErrorKind, message: string, field?: string, options?: { cause?: unknown }) {
    super(message, options);
    this.kind = kind;
    this.field = field;
  }
}
