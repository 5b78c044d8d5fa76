// An independent XXH64 written from the specification with BigInt arithmetic, deliberately slow and
// simple. Tests compare the library-backed `xxh64` against it; it is never shipped.
const MASK = (1n << 64n) - 1n;
const PRIME1 = 11400714785074694791n;
const PRIME2 = 14029467366897019727n;
const PRIME3 = 1609587929392839161n;
const PRIME4 = 9650029242287828579n;
const PRIME5 = 2870177450012600261n;

const rotl = (x: bigint, r: bigint): bigint => ((x << r) | (x >> (64n - r))) & MASK;
const mul = (a: bigint, b: bigint): bigint => (a * b) & MASK;
const add = (a: bigint, b: bigint): bigint => (a + b) & MASK;

function readU64(bytes: Uint8Array, at: number): bigint {
  let v = 0n;
  for (let i = 7; i >= 0; i--) v = (v << 8n) | BigInt(bytes[at + i]!);
  return v;
}

function readU32(bytes: Uint8Array, at: number): bigint {
  let v = 0n;
  for (let i = 3; i >= 0; i--) v = (v << 8n) | BigInt(bytes[at + i]!);
  return v;
}

function round(acc: bigint, lane: bigint): bigint {
  return mul(rotl(add(acc, mul(lane, PRIME2)), 31n), PRIME1);
}

function mergeRound(acc: bigint, value: bigint): bigint {
  return add(mul(acc ^ round(0n, value), PRIME1), PRIME4);
}

/** XXH64 of `bytes` (or of the UTF-8 of a string) with the given seed, as an unsigned bigint. */
export function referenceXxh64(input: Uint8Array | string, seed = 0n): bigint {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const length = bytes.length;
  let at = 0;
  let h: bigint;
  if (length >= 32) {
    let v1 = add(add(seed, PRIME1), PRIME2);
    let v2 = add(seed, PRIME2);
    let v3 = seed & MASK;
    let v4 = (seed - PRIME1) & MASK;
    while (at + 32 <= length) {
      v1 = round(v1, readU64(bytes, at));
      v2 = round(v2, readU64(bytes, at + 8));
      v3 = round(v3, readU64(bytes, at + 16));
      v4 = round(v4, readU64(bytes, at + 24));
      at += 32;
    }
    h = add(add(rotl(v1, 1n), rotl(v2, 7n)), add(rotl(v3, 12n), rotl(v4, 18n)));
    h = mergeRound(mergeRound(mergeRound(mergeRound(h, v1), v2), v3), v4);
  } else {
    h = add(seed, PRIME5);
  }
  h = add(h, BigInt(length));
  while (at + 8 <= length) {
    h = add(mul(rotl(h ^ round(0n, readU64(bytes, at)), 27n), PRIME1), PRIME4);
    at += 8;
  }
  if (at + 4 <= length) {
    h = add(mul(rotl(h ^ mul(readU32(bytes, at), PRIME1), 23n), PRIME2), PRIME3);
    at += 4;
  }
  while (at < length) {
    h = mul(rotl(h ^ mul(BigInt(bytes[at]!), PRIME5), 11n), PRIME1);
    at += 1;
  }
  h = mul(h ^ (h >> 33n), PRIME2);
  h = mul(h ^ (h >> 29n), PRIME3);
  return h ^ (h >> 32n);
}
