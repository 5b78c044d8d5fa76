import { meiliError } from '@miroir/errors';
import type { IndexSettings, SearchIndexEngine } from '../engine/engine-contract.js';
import { createSearchIndex } from '../engine/index.js';

/** One index: its engine plus the metadata the server tracks. */
export interface IndexEntry {
  engine: SearchIndexEngine;
  createdAt: string;
  updatedAt: string;
}

const INDEX_UID = /^[A-Za-z0-9_-]{1,400}$/;

/**
 * Throw `invalid_index_uid` unless `uid` is a valid Meilisearch index uid.
 *
 * @example
 * ```ts
 * assertIndexUid('movies'); // ok
 * ```
 */
export function assertIndexUid(uid: string): void {
  if (!INDEX_UID.test(uid)) {
    throw meiliError(
      'invalid_index_uid',
      `\`${uid}\` is not a valid index uid. Index uid can be an integer or a string containing only alphanumeric characters, hyphens (-) and underscores (_), and can not be more than 512 bytes.`,
    );
  }
}

/** Error for a missing index, with Meilisearch's message. */
export function indexNotFound(uid: string): Error {
  return meiliError('index_not_found', `Index \`${uid}\` not found.`);
}

/**
 * The set of indexes held by a node, keyed by uid.
 *
 * @example
 * ```ts
 * const catalog = new IndexCatalog();
 * catalog.create('movies', 'id', new Date().toISOString());
 * catalog.get('movies').engine.primaryKey; // 'id'
 * ```
 */
export class IndexCatalog {
  readonly #indexes = new Map<string, IndexEntry>();

  has(uid: string): boolean {
    return this.#indexes.has(uid);
  }

  /** The index, or throw `index_not_found`. */
  get(uid: string): IndexEntry {
    const entry = this.#indexes.get(uid);
    if (!entry) throw indexNotFound(uid);
    return entry;
  }

  /** Create an index (throws `index_already_exists`). */
  create(uid: string, primaryKey: string | null, now: string, settings?: IndexSettings): IndexEntry {
    const entry = this.prepare(uid, primaryKey, now, settings);
    this.#indexes.set(uid, entry);
    return entry;
  }

  /**
   * Build a new, empty index without listing it yet (a document addition creating its index lists it
   * only once its documents are in); `put` lists it. Throws `index_already_exists`.
   */
  prepare(uid: string, primaryKey: string | null, now: string, settings?: IndexSettings): IndexEntry {
    if (this.#indexes.has(uid)) {
      throw meiliError('index_already_exists', `Index \`${uid}\` already exists.`);
    }
    const engine = createSearchIndex({
      uid,
      ...(primaryKey ? { primaryKey } : {}),
      ...(settings ? { settings } : {}),
    });
    return { engine, createdAt: now, updatedAt: now };
  }

  /** Put an already built entry (restore from snapshot / dump, or rename). */
  put(uid: string, entry: IndexEntry): void {
    this.#indexes.set(uid, entry);
  }

  delete(uid: string): void {
    if (!this.#indexes.delete(uid)) throw indexNotFound(uid);
  }

  /** All indexes sorted by uid, as `GET /indexes` lists them. */
  list(): Array<[string, IndexEntry]> {
    return [...this.#indexes.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }

  /** Swap two indexes' contents, or rename `a` to `b` when `rename` is set. */
  swap(a: string, b: string, rename: boolean): void {
    const ea = this.get(a);
    if (rename) {
      if (this.#indexes.has(b)) throw meiliError('index_already_exists', `Index \`${b}\` already exists.`);
      this.#indexes.delete(a);
      this.#indexes.set(b, renamed(b, ea));
      return;
    }
    const eb = this.get(b);
    this.#indexes.set(a, renamed(a, eb));
    this.#indexes.set(b, renamed(b, ea));
  }
}

/** An index moved under another uid: the same engine (no copy, so a swap is instant), renamed. */
function renamed(uid: string, entry: IndexEntry): IndexEntry {
  entry.engine.rename(uid);
  return entry;
}
