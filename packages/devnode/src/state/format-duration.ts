/**
 * Format milliseconds as the ISO-8601 duration Meilisearch emits for tasks (`PT0.012S`).
 *
 * @example
 * ```ts
 * formatDuration(12); // 'PT0.012S'
 * ```
 */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, ms) / 1000;
  return `PT${Number(seconds.toFixed(6))}S`;
}
