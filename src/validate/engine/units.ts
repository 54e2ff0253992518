/**
 * Text as UTF-16 code units in a typed array, read between two indices: the engine checks values
 * this way whatever they came from. A fast reader hands over spans of a file's ASCII bytes (a byte
 * is then its own code unit) and never makes a string of them; a string value is copied into a
 * scratch array of units first. Either way each check is written once, on units.
 */

/** Code units: ASCII bytes, or the units of a string. */
export type Units = Uint8Array | Uint16Array;

let scratch = new Uint16Array(256);

/**
 * The units of a string, in an array shared by every caller: valid until the next call. For the
 * string forms of the checks, which are not on the hot path.
 */
export function unitsOf(s: string): Uint16Array {
  if (s.length > scratch.length) scratch = new Uint16Array(Math.max(s.length, scratch.length * 2));
  for (let i = 0; i < s.length; i++) scratch[i] = s.charCodeAt(i);
  return scratch;
}

/** The string of units [from, to). */
export function textOf(u: Units, from: number, to: number): string {
  let s = '';
  // In pieces, because a call takes a bounded number of arguments.
  for (let i = from; i < to; i += 4096) s += String.fromCharCode.apply(null, u.subarray(i, Math.min(to, i + 4096)) as unknown as number[]);
  return s;
}

/** True when units [from, to) are the string `s`. */
export function unitsEqual(u: Units, from: number, to: number, s: string): boolean {
  if (to - from !== s.length) return false;
  for (let i = 0; i < s.length; i++) if (u[from + i] !== s.charCodeAt(i)) return false;
  return true;
}
