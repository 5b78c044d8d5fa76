/**
 * Reorder `items` in place so that its first `k` entries are the `k` smallest under `compare`, sorted;
 * the remaining entries follow in unspecified order. O(n log k) comparisons, and a single comparison
 * for most rejected items when `k` is small.
 *
 * @example
 * ```ts
 * const xs = [5, 1, 4, 2, 3];
 * selectTop(xs, 2, (a, b) => a - b); // xs starts with [1, 2]
 * ```
 */
export function selectTop<T>(items: T[], k: number, compare: (a: T, b: T) => number): void {
  if (k <= 0) return;
  if (k * 4 >= items.length) {
    items.sort(compare);
    return;
  }
  const top: T[] = [];
  const rest: T[] = [];
  for (const item of items) {
    if (top.length === k && compare(item, top[k - 1] as T) >= 0) {
      rest.push(item);
      continue;
    }
    let lo = 0;
    let hi = top.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compare(top[mid] as T, item) <= 0) lo = mid + 1;
      else hi = mid;
    }
    top.splice(lo, 0, item);
    if (top.length > k) rest.push(top.pop() as T);
  }
  for (let i = 0; i < top.length; i++) items[i] = top[i] as T;
  for (let i = 0; i < rest.length; i++) items[top.length + i] = rest[i] as T;
}
