import { documentsById } from './documents-by-id.js';
import type { IndexState } from './index-state.js';
import { perRevision, remember } from './revision-cache.js';

/**
 * One embedder's vectors across the index, flat: vector `i` belongs to internal id `owners[i]` (ascending;
 * a document may own several) and its squared norm is `squaredNorms[i]`. The vectors are the documents'
 * own arrays, not copies.
 */
export interface EmbedderVectors {
  readonly owners: Int32Array;
  readonly vectors: readonly (readonly number[])[];
  readonly squaredNorms: Float64Array;
}

// Kept until the next write: a vector search then reads flat arrays instead of every document's map.
const vectorsOf = perRevision(() => new Map<string, EmbedderVectors>());

function collect(state: IndexState, embedder: string): EmbedderVectors {
  const owners: number[] = [];
  const vectors: (readonly number[])[] = [];
  for (const stored of documentsById(state)) {
    if (stored === undefined) continue;
    for (const vector of stored.vectors.get(embedder) ?? []) {
      owners.push(stored.internalId);
      vectors.push(vector);
    }
  }
  const squaredNorms = new Float64Array(vectors.length);
  vectors.forEach((vector, i) => {
    let sum = 0;
    for (const x of vector) sum += x * x;
    squaredNorms[i] = sum;
  });
  return { owners: Int32Array.from(owners), vectors, squaredNorms };
}

/**
 * The vectors of one embedder in every document, cached per index revision.
 *
 * @example
 * ```ts
 * const { owners, vectors } = embedderVectors(state, 'default');
 * ```
 */
export function embedderVectors(state: IndexState, embedder: string): EmbedderVectors {
  return remember(vectorsOf(state), embedder, Number.POSITIVE_INFINITY, () => collect(state, embedder));
}
