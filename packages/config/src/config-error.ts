/**
 * One problem found in a configuration. `path` is written as the user wrote it: `nodes[2].replica_group`.
 *
 * @example
 * const issue: ConfigIssue = { path: 'nodes[2].replica_group', message: 'replica group 3 does not exist: …' };
 */
export interface ConfigIssue {
  /** snake_case path (`scatter.node_timeout_ms`, `nodes[0].id`), an env variable name, or '' for the root. */
  readonly path: string;
  readonly message: string;
}

/**
 * Thrown when a configuration is invalid. It lists every problem found, not only the first.
 *
 * @example
 * try {
 *   parseConfig({ shards: 0 });
 * } catch (error) {
 *   if (error instanceof ConfigError) console.log(error.issues); // [{ path: 'shards', message: '…' }, …]
 * }
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly issues: readonly ConfigIssue[];

  constructor(issues: readonly ConfigIssue[]) {
    super(formatIssues(issues));
    this.issues = issues;
  }
}

function formatIssues(issues: readonly ConfigIssue[]): string {
  const lines = issues.map((issue) => `  - ${issue.path === '' ? '(root)' : issue.path}: ${issue.message}`);
  const noun = issues.length === 1 ? 'problem' : 'problems';
  return `Invalid Miroir configuration (${issues.length} ${noun}):\n${lines.join('\n')}`;
}
