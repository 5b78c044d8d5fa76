/**
 * The `k` smallest items in ascending order: the same result as a stable `items.sort(compare).slice(0, k)`
 * (items that compare equal keep their input order), without sorting all of them. Uses a bounded max-heap of
 * `k` items, O(n log k); when `k ≥ n` it is a plain sort. `items` may be reordered in place (it is
 * scratch space).
 *
 * @example
 * selectSmallest([5, 1, 4, 2, 3], 2, (a, b) => a - b); // [1, 2]
 */
export function selectSmallest<T>(items: T[], k: number, compare: (a: T, b: T) => number): T[] {
  const n = items.length;
  if (k <= 0) return [];
  if (k >= n) return items.sort(compare);
  // Ties are broken by input position so that the result equals the stable sort's.
  const positions = new Int32Array(k);
  const heap = items.slice(0, k);
  for (let i = 0; i < k; i++) positions[i] = i;
  const isAfter = (a: number, b: number): boolean => {
    const order = compare(heap[a]!, heap[b]!);
    return order > 0 || (!(order < 0) && positions[a]! > positions[b]!);
  };
  const siftDown = (start: number): void => {
    let i = start;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= k) return;
      const right = left + 1;
      const larger = right < k && isAfter(right, left) ? right : left;
      if (!isAfter(larger, i)) return;
      const item = heap[i]!;
      heap[i] = heap[larger]!;
      heap[larger] = item;
      const position = positions[i]!;
      positions[i] = positions[larger]!;
      positions[larger] = position;
      i = larger;
    }
  };
  for (let i = (k >> 1) - 1; i >= 0; i--) siftDown(i);
  for (let i = k; i < n; i++) {
    const item = items[i]!;
    // A later item replaces the largest kept one only when strictly smaller (it loses ties).
    if (compare(item, heap[0]!) < 0) {
      heap[0] = item;
      positions[0] = i;
      siftDown(0);
    }
  }
  // Order the kept items: by comparator, ties by input position.
  const order = Array.from(positions.keys());
  order.sort((a, b) => compare(heap[a]!, heap[b]!) || positions[a]! - positions[b]!);
  return order.map((slot) => heap[slot]!);
}
