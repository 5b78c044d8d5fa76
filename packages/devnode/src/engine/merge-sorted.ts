/**
 * Merge two arrays each sorted by `compare` into one sorted array (ties keep `a`'s element first): linear,
 * for folding a few new entries into a large order instead of sorting it again.
 *
 * @example
 * ```ts
 * mergeSorted([1, 4, 9], [2, 3], (x, y) => x - y); // [1, 2, 3, 4, 9]
 * ```
 */
export function mergeSorted<T>(a: readonly T[], b: readonly T[], compare: (x: T, y: T) => number): T[] {
  const out = new Array<T>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length)
    out[k++] = compare(a[i] as T, b[j] as T) <= 0 ? (a[i++] as T) : (b[j++] as T);
  while (i < a.length) out[k++] = a[i++] as T;
  while (j < b.length) out[k++] = b[j++] as T;
  return out;
}
