/**
 * Typed arrays for one search's temporaries, reused from search to search.
 *
 * Allocating a typed array of one entry per document costs 40–100 µs at 100k documents (the allocator
 * maps fresh zeroed pages every time), and a search makes about a dozen of them. Inside
 * {@link withScratch} they are cut from buffers kept between searches instead, and every buffer taken
 * returns to the pool only when the outermost scope ends: nothing is handed out twice while the search
 * that took it runs. Outside a scope they are plain allocations.
 *
 * Contents are left over from an earlier search unless `fill` is given: callers write before reading.
 * Nothing cut from the pool may outlive the scope (no caching, nothing in a response).
 */

const free: ArrayBuffer[] = [];
const taken: ArrayBuffer[] = [];
let depth = 0;
let pooledBytes = 0;
/**
 * Tests turn this on so that a read before a write sees junk rather than what the same array held last
 * time. Junk cycles through 32-bit words that trip typical checks: 1 and 2 (small valid ranks and ids;
 * read bytewise, marks of 1 among zeros), −1 (255 absent), 0x80808080 and 0.
 */
let poisoning = false;
let poisoned = 0;
const POISON_WORDS = [1, -1, 2, 0x80808080 | 0, 0];

/** Bytes kept between searches at most (buffers past it are dropped when a scope ends). */
const MAX_POOLED_BYTES = 64 * 1024 * 1024;
/** Sizes are rounded up to this so that lengths n, n + 1, … share buffers. */
const GRAIN = 64 * 1024;

function takeBuffer(bytes: number): ArrayBuffer {
  let best = -1;
  for (let i = 0; i < free.length; i++) {
    const size = (free[i] as ArrayBuffer).byteLength;
    if (size >= bytes && (best < 0 || size < (free[best] as ArrayBuffer).byteLength)) best = i;
  }
  let buffer: ArrayBuffer;
  if (best >= 0) {
    buffer = free[best] as ArrayBuffer;
    free[best] = free[free.length - 1] as ArrayBuffer;
    free.pop();
    pooledBytes -= buffer.byteLength;
  } else {
    buffer = new ArrayBuffer(Math.ceil(Math.max(bytes, 1) / GRAIN) * GRAIN);
  }
  taken.push(buffer);
  return buffer;
}

/**
 * Run `search` with scratch arrays pooled: the arrays it takes are reused by later scopes once it
 * returns (or throws). Scopes nest; only the outermost one gives buffers back.
 *
 * @example
 * ```ts
 * const count = withScratch(() => scratchInt32(100_000, 0).length); // 100000
 * ```
 */
export function withScratch<T>(search: () => T): T {
  depth++;
  try {
    return search();
  } finally {
    depth--;
    if (depth === 0) {
      for (const buffer of taken) {
        if (poisoning) new Int32Array(buffer).fill(POISON_WORDS[poisoned++ % POISON_WORDS.length] as number);
        if (pooledBytes + buffer.byteLength > MAX_POOLED_BYTES) continue;
        free.push(buffer);
        pooledBytes += buffer.byteLength;
      }
      taken.length = 0;
    }
  }
}

interface TypedArrayKind<A> {
  readonly BYTES_PER_ELEMENT: number;
  new (length: number): A;
  new (buffer: ArrayBuffer, byteOffset: number, length: number): A;
}

function cut<A extends { fill(value: number): A }>(
  kind: TypedArrayKind<A>,
  length: number,
  fill?: number,
): A {
  if (depth === 0) {
    // A fresh array is already zeroed.
    const fresh = new kind(length);
    return fill === undefined || fill === 0 ? fresh : fresh.fill(fill);
  }
  const array = new kind(takeBuffer(length * kind.BYTES_PER_ELEMENT), 0, length);
  return fill === undefined ? array : array.fill(fill);
}

/**
 * An `Int32Array` of `length` entries, filled with `fill` when given (else left as the pool has it).
 *
 * @example
 * ```ts
 * const composite = scratchInt32(state.nextInternalId, -1);
 * ```
 */
export function scratchInt32(length: number, fill?: number): Int32Array {
  return cut(Int32Array, length, fill);
}

/** A `Uint8Array` of `length` entries, filled with `fill` when given (see {@link scratchInt32}). */
export function scratchUint8(length: number, fill?: number): Uint8Array {
  return cut(Uint8Array, length, fill);
}

/** A `Uint16Array` of `length` entries, filled with `fill` when given (see {@link scratchInt32}). */
export function scratchUint16(length: number, fill?: number): Uint16Array {
  return cut(Uint16Array, length, fill);
}

/** A `Float64Array` of `length` entries, filled with `fill` when given (see {@link scratchInt32}). */
export function scratchFloat64(length: number, fill?: number): Float64Array {
  return cut(Float64Array, length, fill);
}

/**
 * Empty the pool and fill buffers with junk as they return to it from now on (tests: a missing `fill`
 * then shows up as a wrong result, instead of reading what the same array held in the previous search).
 *
 * @example
 * ```ts
 * poisonScratchArrays(true);
 * ```
 */
export function poisonScratchArrays(on: boolean): void {
  poisoning = on;
  // From an empty pool and the first junk byte: what a test sees does not depend on earlier tests.
  poisoned = 0;
  free.length = 0;
  pooledBytes = 0;
}
