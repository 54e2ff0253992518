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

/** Feeds one 32-bit number to the hash. */
export function hashMix(k: number): void {
  h1 = Math.imul(h1 ^ k, 0xcc9e2d51);
  h1 = (h1 << 15) | (h1 >>> 17);
  h2 = Math.imul(h2 ^ k, 0x1b873593);
  h2 = (h2 << 13) | (h2 >>> 19);
  h2 = (Math.imul(h2, 5) + 0xe6546b64) | 0;
}

/** Feeds a text's length and its units [from, to) to the hash, so that a tuple's parts cannot run into each other. */
export function hashUnits(u: Units, from: number, to: number): void {
  hashMix(to - from + 0x5bd1e995);
  let i = from;
  for (; i + 1 < to; i += 2) hashMix(u[i]! | (u[i + 1]! << 16));
  if (i < to) hashMix(u[i]!);
}

/**
 * hashUnits of a string's units [from, to), read from the string itself: a code table is built
 * from the model's text of codes before the JIT has warmed up, where copying each code to units
 * first costs some 4 ms for 50,000 codes.
 */
export function hashText(s: string, from: number, to: number): void {
  hashMix(to - from + 0x5bd1e995);
  let i = from;
  for (; i + 1 < to; i += 2) hashMix(s.charCodeAt(i) | (s.charCodeAt(i + 1) << 16));
  if (i < to) hashMix(s.charCodeAt(i));
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
