interface Cursor<T, K> {
  list: number;
  position: number;
  item: T;
  key: K;
}

/**
 * Merges lists that are each already sorted, visiting items in global order until `visit` returns false.
 * A binary heap over the list heads: O(n log k) comparisons for n visited items, and `keyOf` runs only
 * for items that reach a list head (so a deep page does not pay for hits it never looks at). Ties go to
 * the list with the lower index, then to list order, which makes the result deterministic.
 *
 * @example
 * const out: number[] = [];
 * kWayMerge([[1, 4], [2, 3]], (n) => n, (a, b) => a - b, (n) => { out.push(n); return true; });
 * // out = [1, 2, 3, 4]
 */
export function kWayMerge<T, K>(
  lists: ReadonlyArray<ReadonlyArray<T>>,
  keyOf: (item: T, list: number) => K,
  compare: (a: K, b: K) => number,
  visit: (item: T, list: number) => boolean,
): void {
  const heap: Cursor<T, K>[] = [];
  const before = (x: Cursor<T, K>, y: Cursor<T, K>): boolean => {
    const c = compare(x.key, y.key);
    if (c !== 0) return c < 0;
    return x.list < y.list;
  };
  for (let list = 0; list < lists.length; list++) {
    const items = lists[list]!;
    if (items.length === 0) continue;
    const item = items[0]!;
    heap.push({ list, position: 0, item, key: keyOf(item, list) });
    siftUp(heap, heap.length - 1, before);
  }
  while (heap.length > 0) {
    const top = heap[0]!;
    if (!visit(top.item, top.list)) return;
    const items = lists[top.list]!;
    top.position++;
    if (top.position < items.length) {
      top.item = items[top.position]!;
      top.key = keyOf(top.item, top.list);
    } else {
      const last = heap.pop()!;
      if (heap.length === 0) return;
      heap[0] = last;
    }
    siftDown(heap, 0, before);
  }
}

function siftUp<C>(heap: C[], index: number, before: (x: C, y: C) => boolean): void {
  const node = heap[index]!;
  while (index > 0) {
    const parent = (index - 1) >> 1;
    const p = heap[parent]!;
    if (!before(node, p)) break;
    heap[index] = p;
    index = parent;
  }
  heap[index] = node;
}

function siftDown<C>(heap: C[], index: number, before: (x: C, y: C) => boolean): void {
  const n = heap.length;
  const node = heap[index]!;
  for (;;) {
    const left = 2 * index + 1;
    if (left >= n) break;
    const right = left + 1;
    let child = left;
    if (right < n && before(heap[right]!, heap[left]!)) child = right;
    if (!before(heap[child]!, node)) break;
    heap[index] = heap[child]!;
    index = child;
  }
  heap[index] = node;
}
