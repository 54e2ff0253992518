import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../paths.js';

/** kodkatalog's own version, from package.json. */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

/** Writes to stdout. Only cli/ writes. */
export function out(text: string): void {
  process.stdout.write(text);
}

/**
 * Writes to stdout in blocks of 64 kB: a report of many findings is then a few hundred writes, not
 * one a finding. Each text is encoded straight into the block, so a long report is not first joined
 * into long strings (which for the 38,000 findings of the bench's file were some 20 MB of garbage).
 * Call `flush()` at the end.
 */
export function bufferedOut(): { write(text: string): void; flush(): void } {
  const size = 1 << 16;
  let block = Buffer.allocUnsafe(size);
  let used = 0;
  const flush = (): void => {
    if (used === 0) return;
    // The stream may keep the bytes it is given: a new block follows.
    process.stdout.write(block.subarray(0, used));
    block = Buffer.allocUnsafe(size);
    used = 0;
  };
  return {
    write(text) {
      // A UTF-16 unit takes at most 3 bytes in UTF-8.
      if (used + text.length * 3 > size) {
        flush();
        if (text.length * 3 > size) return out(text);
      }
      used += block.write(text, used);
    },
    flush,
  };
}
