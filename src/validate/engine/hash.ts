// A 64-bit hash of texts given as code units, for the cross-row keys (rows.ts) and the code table
// (engine.ts): two multiply-rotate streams over pairs of UTF-16 units with different constants,
// each finished with murmur3's fmix32. Not cryptographic; keys and codes are not chosen to collide.
import type { Units } from './units.js';

// The running state: hashStart, then hashMix and hashUnits for each part, then hashEnd.
let h1 = 0;
let h2 = 0;

/** Starts a hash. */
export function hashStart(): void {
  h1 = 0x2545f491;
  h2 = 0x9e3779b9;
}

// One round of each stream (inlined by V8). A loop keeps the state in locals and stores it once:
// read and written through the module's variables at every round, hashing took half as long again.
const round1 = (h: number, k: number): number => {
  h = Math.imul(h ^ k, 0xcc9e2d51);
  return (h << 15) | (h >>> 17);
};
const round2 = (h: number, k: number): number => {
  h = Math.imul(h ^ k, 0x1b873593);
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
};

/** Feeds one 32-bit number to the hash. */
export function hashMix(k: number): void {
  h1 = round1(h1, k);
  h2 = round2(h2, k);
}

/** Feeds a text's length and its units [from, to) to the hash, so that a tuple's parts cannot run into each other. */
export function hashUnits(u: Units, from: number, to: number): void {
  const n = to - from + 0x5bd1e995;
  let a = round1(h1, n);
  let b = round2(h2, n);
  let i = from;
  for (; i + 1 < to; i += 2) {
    const k = u[i]! | (u[i + 1]! << 16);
    a = round1(a, k);
    b = round2(b, k);
  }
  if (i < to) {
    a = round1(a, u[i]!);
    b = round2(b, u[i]!);
  }
  h1 = a;
  h2 = b;
}

/**
 * hashUnits of a string's units [from, to), read from the string itself: a code table is built
 * from the model's text of codes before the JIT has warmed up, where copying each code to units
 * first costs some 4 ms for 50,000 codes.
 */
export function hashText(s: string, from: number, to: number): void {
  const n = to - from + 0x5bd1e995;
  let a = round1(h1, n);
  let b = round2(h2, n);
  let i = from;
  for (; i + 1 < to; i += 2) {
    const k = s.charCodeAt(i) | (s.charCodeAt(i + 1) << 16);
    a = round1(a, k);
    b = round2(b, k);
  }
  if (i < to) {
    a = round1(a, s.charCodeAt(i));
    b = round2(b, s.charCodeAt(i));
  }
  h1 = a;
  h2 = b;
}

/** Ends the hash: its two halves in `out[at]` and `out[at + 1]`. */
export function hashEnd(out: Int32Array, at: number): void {
  h1 ^= h1 >>> 16;
  h1 = Math.imul(h1, 0x85ebca6b);
  h1 ^= h1 >>> 13;
  h1 = Math.imul(h1, 0xc2b2ae35);
  h1 ^= h1 >>> 16;
  h2 ^= h2 >>> 16;
  h2 = Math.imul(h2, 0x7feb352d);
  h2 ^= h2 >>> 15;
  h2 = Math.imul(h2, 0x846ca68b);
  h2 ^= h2 >>> 16;
  out[at] = h1 | 0;
  out[at + 1] = h2 | 0;
}
