import type { IndexState, StoredDocument } from './index-state.js';
import { perRevision } from './revision-cache.js';

/** One revision's stored documents by internal id, and each one's serial (see `IndexState.serials`). */
export interface DocumentsSnapshot {
  /** Holes (undefined) for ids holding no document. */
  readonly docs: readonly (StoredDocument | undefined)[];
  /** One entry per internal id (0: no document). */
  readonly serials: Int32Array;
}

/** The serials of a snapshot, all that {@link rewrittenIds} reads. */
export type SerialTable = Pick<DocumentsSnapshot, 'serials'>;

/**
 * Internal ids whose document differs between two snapshots (written, replaced or removed), ascending;
 * null when more than `limit` do. Reads only the serial tables: no document is touched.
 *
 * @example
 * ```ts
 * rewrittenIds(before, documentsSnapshot(state), 32); // e.g. [17]: one document replaced since `before`
 * ```
 */
export function rewrittenIds(before: SerialTable, after: SerialTable, limit: number): number[] | null {
  const a = before.serials;
  const b = after.serials;
  const shared = Math.min(a.length, b.length);
  const ids: number[] = [];
  const note = (id: number): boolean => {
    if (ids.length === limit) return false;
    ids.push(id);
    return true;
  };
  for (let id = 0; id < shared; id++) if (a[id] !== b[id] && !note(id)) return null;
  for (let id = shared; id < a.length; id++) if (a[id] !== 0 && !note(id)) return null;
  for (let id = shared; id < b.length; id++) if (b[id] !== 0 && !note(id)) return null;
  return ids;
}

// The last snapshot taken per index state: the next one patches a copy of it when few documents changed.
const lastSnapshots = new WeakMap<IndexState, DocumentsSnapshot>();

/** Past this share of the documents rewritten, reading every document again is as cheap as patching. */
const PATCH_SHARE = 8;

const snapshotOf = perRevision((state): DocumentsSnapshot => {
  const size = state.nextInternalId;
  const serials = new Int32Array(size);
  serials.set(state.serials.subarray(0, Math.min(size, state.serials.length)));
  const last = lastSnapshots.get(state);
  const changed =
    last === undefined ? null : rewrittenIds(last, { serials }, Math.max(64, size / PATCH_SHARE));
  let docs: (StoredDocument | undefined)[];
  if (last !== undefined && changed !== null) {
    docs = last.docs.slice(0, size);
    while (docs.length < size) docs.push(undefined);
    for (const id of changed) docs[id] = state.documents.get(id);
  } else {
    docs = new Array<StoredDocument | undefined>(size).fill(undefined);
    for (const stored of state.documents.values()) docs[stored.internalId] = stored;
  }
  const snapshot = { docs, serials };
  lastSnapshots.set(state, snapshot);
  return snapshot;
});

/**
 * The index's stored documents by internal id with their serials, per revision: a write of a few
 * documents patches a copy of the last snapshot instead of walking every document.
 *
 * @example
 * ```ts
 * documentsSnapshot(state).serials[0]; // 0 when internal id 0 holds no document
 * ```
 */
export function documentsSnapshot(state: IndexState): DocumentsSnapshot {
  return snapshotOf(state);
}

/**
 * Stored documents indexed by internal id (holes for removed ids): a plain array read is much cheaper
 * than a `Map` lookup in loops over every candidate.
 *
 * @example
 * ```ts
 * documentsById(state)[0]?.externalId;
 * ```
 */
export function documentsById(state: IndexState): readonly (StoredDocument | undefined)[] {
  return snapshotOf(state).docs;
}
