/**
 * Text as UTF-16 code units in a typed array, read between two indices: the engine checks values
 * this way whatever they came from. A fast reader hands over spans of a file's ASCII bytes (a byte
 * is then its own code unit) and never makes a string of them; a string value is copied into a
 * scratch array of units first. Either way each check is written once, on units.
 */

/**
 * Code units: a plain Uint8Array when every unit is under 256 (a reader's ASCII bytes, nearly every
 * string), else a Uint16Array. Hot code thus meets one kind of array, not several (a Buffer is
 * another kind to V8), and is not compiled again on a second kind in each thread.
 */
export type Units = Uint8Array | Uint16Array;

let narrow: Uint8Array = new Uint8Array(256);

/**
 * Writes the units of `s` into `u` from `at`: returns `u`, or a copy with room for them, a
 * Uint16Array when `s` holds a unit over 255 and `u` was a Uint8Array.
 */
export function putUnits(u: Units, at: number, s: string): Units {
  const n = s.length;
  if (at + n > u.length) u = copied(u, at, Math.max(u.length * 2, at + n), false);
  for (let k = 0; k < n; k++) {
    const c = s.charCodeAt(k);
    if (c > 255 && u instanceof Uint8Array) u = copied(u, at + k, u.length, true);
    u[at + k] = c;
  }
  return u;
}

/** A new array of `size` units, wide or of the kind of `u`, that starts with the first `keep` of `u`. */
function copied(u: Units, keep: number, size: number, wide: boolean): Units {
  const c = wide || u instanceof Uint16Array ? new Uint16Array(size) : new Uint8Array(size);
  c.set(u.subarray(0, keep));
  return c;
}

/**
 * The units of a string, in an array shared by every caller: valid until the next call. For the
 * string forms of the checks, which are not on the hot path.
 */
export function unitsOf(s: string): Units {
  const u = putUnits(narrow, 0, s);
  if (u instanceof Uint8Array) narrow = u;
  return u;
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
