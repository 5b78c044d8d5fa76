/** Documents laid out by composite rank, best (highest) composite first. */
export interface CompositeGroups {
  /** Internal ids; group g is `docs[starts[g]] .. docs[starts[g + 1] - 1]`. */
  readonly docs: Int32Array;
  readonly starts: Int32Array;
  /** Per group, its composite value. */
  readonly values: Int32Array;
  /** Per laid-out document, its index in `layout` (null when laid out in internal-id order). */
  readonly layoutAt: Int32Array | null;
}

/**
 * Counting sort of documents by composite (`composite[id]`, -1: not a candidate; `counts[value]`: how many
 * documents have it). Within a group documents keep the order of `layout` (e.g. a sort criterion's order),
 * or internal-id order without one.
 *
 * @example
 * ```ts
 * const groups = groupByComposite(composite, counts, null);
 * groups.docs.subarray(groups.starts[0], groups.starts[1]); // the best composite's documents
 * ```
 */
export function groupByComposite(
  composite: Int32Array,
  counts: Int32Array,
  layout: Int32Array | null,
): CompositeGroups {
  let groups = 0;
  for (const count of counts) if (count > 0) groups++;
  const starts = new Int32Array(groups + 1);
  const values = new Int32Array(groups);
  const offsets = new Int32Array(counts.length);
  let at = 0;
  let g = 0;
  for (let value = counts.length - 1; value >= 0; value--) {
    const count = counts[value] as number;
    if (count === 0) continue;
    values[g] = value;
    starts[g++] = at;
    offsets[value] = at;
    at += count;
  }
  starts[g] = at;
  const docs = new Int32Array(at);
  const place = (docId: number): number => {
    const value = composite[docId] ?? -1;
    if (value < 0) return -1;
    const slot = offsets[value] as number;
    docs[slot] = docId;
    offsets[value] = slot + 1;
    return slot;
  };
  if (layout === null) {
    for (let docId = 0; docId < composite.length; docId++) place(docId);
    return { docs, starts, values, layoutAt: null };
  }
  const layoutAt = new Int32Array(at);
  for (let i = 0; i < layout.length; i++) {
    const slot = place(layout[i] as number);
    if (slot >= 0) layoutAt[slot] = i;
  }
  return { docs, starts, values, layoutAt };
}
