import { meiliError } from '@miroir/errors';
import type { Document, EmbedderSettings } from './engine-contract.js';
import type { StoredDocument } from './index-state.js';

function isVector(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'number' && Number.isFinite(v));
}

function toVectors(value: unknown, name: string, id: string): number[][] {
  if (value === null || value === undefined) return [];
  if (isVector(value)) return value.length === 0 ? [] : [value];
  if (Array.isArray(value) && value.every(isVector)) return value as number[][];
  if (typeof value === 'object' && !Array.isArray(value)) {
    const embeddings = (value as Record<string, unknown>).embeddings;
    return toVectors(embeddings, name, id);
  }
  throw meiliError(
    'invalid_vectors_type',
    `Invalid vector for document \`${id}\` and embedder \`${name}\`: expected an array of floats, an array of arrays of floats, or an object with \`embeddings\` and \`regenerate\`, but found \`${JSON.stringify(value)}\`.`,
  );
}

/**
 * Read user-provided embeddings from a document's `_vectors` field, checking embedder names and
 * dimensions. Returns embedder name → vectors.
 *
 * @example
 * ```ts
 * extractVectors({ id: 1, _vectors: { e: [1, 0] } }, { e: { source: 'userProvided', dimensions: 2 } }, '1');
 * // Map { 'e' => [[1, 0]] }
 * ```
 */
export function extractVectors(
  doc: Document,
  embedders: Record<string, EmbedderSettings>,
  id: string,
): Map<string, number[][]> {
  const out = new Map<string, number[][]>();
  const raw = doc._vectors;
  if (raw === undefined || raw === null) return out;
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    throw meiliError(
      'invalid_vectors_type',
      `The \`_vectors\` field in the document with id: \`${id}\` is not an object. Was expecting an object with a key for each embedder with manually provided vectors, but instead got \`${JSON.stringify(raw)}\``,
    );
  }
  for (const [name, value] of Object.entries(raw as Record<string, unknown>)) {
    const vectors = toVectors(value, name, id);
    const embedder = embedders[name];
    // Vectors for an embedder that is not configured (yet) are kept in the document only.
    if (embedder === undefined) continue;
    for (const v of vectors) {
      if (embedder.dimensions !== undefined && v.length !== embedder.dimensions) {
        throw meiliError(
          'invalid_vector_dimensions',
          `Index \`${id}\`: Invalid vector dimensions: expected: \`${embedder.dimensions}\`, found: \`${v.length}\`.`,
        );
      }
    }
    out.set(name, vectors);
  }
  return out;
}

/**
 * The `_vectors` object returned with `retrieveVectors`.
 *
 * @example
 * ```ts
 * vectorsView(stored); // { e: { embeddings: [[1, 0]], regenerate: false } }
 * ```
 */
export function vectorsView(
  stored: StoredDocument,
): Record<string, { embeddings: number[][]; regenerate: boolean }> {
  const out: Record<string, { embeddings: number[][]; regenerate: boolean }> = {};
  for (const [name, vectors] of stored.vectors) out[name] = { embeddings: vectors, regenerate: false };
  return out;
}

/**
 * Similarity in [0, 1] between two vectors: `(1 + cosine) / 2`.
 *
 * @example
 * ```ts
 * cosineSimilarity([1, 0], [1, 0]); // 1
 * ```
 */
export function cosineSimilarity(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return similarityOf(dot, na, nb);
}

/**
 * The similarity of two vectors from their dot product and squared norms: their cosine mapped to [0, 1]
 * (0 when either is all zeros).
 *
 * @example
 * ```ts
 * similarityOf(0, 1, 1); // 0.5: orthogonal
 * ```
 */
export function similarityOf(dot: number, squaredNormA: number, squaredNormB: number): number {
  if (squaredNormA === 0 || squaredNormB === 0) return 0;
  const cosine = dot / Math.sqrt(squaredNormA * squaredNormB);
  return Math.min(1, Math.max(0, (1 + cosine) / 2));
}
