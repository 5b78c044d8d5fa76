#!/usr/bin/env node
// The measurement behind the choice of XXH64 library (README, "Choice of xxh64 library"): per-call cost of
// @node-rs/xxhash (native napi) and xxhash-wasm on short ids, and agreement of their unsigned 64-bit
// results. Obsolete once the losing dependency is removed from package.json.
import { xxh64 as napiXxh64 } from '@node-rs/xxhash';
import xxhash from 'xxhash-wasm';

const wasm = await xxhash();
const COUNT = 300_000;
const ids = Array.from({ length: COUNT }, (_, i) =>
  i % 3 === 0 ? crypto.randomUUID() : i % 3 === 1 ? String(i * 7919) : `product-slug-${i}`,
);
const bytes = ids.map((id) => new TextEncoder().encode(id));

let disagreements = 0;
let aboveTwoPow63 = 0;
for (const id of ids) {
  const a = napiXxh64(id, 0n);
  const b = wasm.h64(id, 0n);
  if (a !== b) disagreements++;
  if (a >= 2n ** 63n) aboveTwoPow63++;
}

function nsPerCall(run) {
  let best = Number.POSITIVE_INFINITY;
  for (let pass = 0; pass < 5; pass++) {
    const start = performance.now();
    let sink = 0n;
    for (let i = 0; i < COUNT; i++) sink ^= run(i);
    best = Math.min(best, performance.now() - start);
    if (sink === -1n) console.log('unreachable');
  }
  return ((best * 1e6) / COUNT).toFixed(0);
}

console.log(
  `xxh64 on ${COUNT.toLocaleString('en-US')} short ids (UUID / integer / slug), best of 5, node ${process.version}`,
);
console.log(
  `  @node-rs/xxhash  string: ${nsPerCall((i) => napiXxh64(ids[i], 0n))} ns/call   bytes: ${nsPerCall((i) => napiXxh64(bytes[i], 0n))} ns/call`,
);
console.log(
  `  xxhash-wasm      string: ${nsPerCall((i) => wasm.h64(ids[i], 0n))} ns/call   bytes: ${nsPerCall((i) => wasm.h64Raw(bytes[i], 0n))} ns/call`,
);
console.log(
  `  results identical: ${disagreements === 0} (${disagreements} differ); ${aboveTwoPow63} of ${COUNT} ≥ 2^63 (unsigned)`,
);
