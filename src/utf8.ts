/** Finding where UTF-8 goes wrong, by hand: a fatal TextDecoder only says that something is wrong, not where. */

/**
 * Offset in a chunk of the first byte that is not valid UTF-8 (checked by hand: a fatal TextDecoder
 * only says that something is wrong). A sequence cut by the chunk's end is not an error here.
 */
export function invalidOffset(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    const n = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) {
      if (i + k >= b.length) return b.length;
      const d = b[i + k]!;
      const lo = k === 1 && c === 0xe0 ? 0xa0 : k === 1 && c === 0xf0 ? 0x90 : 0x80;
      const hi = k === 1 && c === 0xed ? 0x9f : k === 1 && c === 0xf4 ? 0x8f : 0xbf;
      if (d < lo || d > hi) return i;
    }
    i += n + 1;
  }
  return b.length;
}

/** Bytes at the end of `b` that begin a UTF-8 sequence the end cuts off (0-3): a decoder holds them back. */
export function incompleteTail(b: Uint8Array): number {
  for (let k = 1; k <= Math.min(3, b.length); k++) {
    const c = b[b.length - k]!;
    if ((c & 0xc0) === 0x80) continue;
    const n = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    return n > k ? k : 0;
  }
  return 0;
}

/** The encoding a UTF-16 byte order mark at the start of `b` names, if it starts with one. */
export function utf16Bom(b: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (b.length < 2) return undefined;
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** `b` without the UTF-8 byte order mark it starts with, if any. */
export function withoutUtf8Bom(b: Buffer): Buffer {
  return b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? b.subarray(3) : b;
}

/** Offset of the first byte of a whole file that is not valid UTF-8 (a sequence cut off by the end counts). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const bad = invalidOffset(bytes);
  return bad < bytes.length ? bad : bytes.length - incompleteTail(bytes);
}
