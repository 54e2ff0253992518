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
 * Writes to stdout in blocks of about 64 kB: a report of many findings is then a few hundred
 * writes, not one a finding. Call `flush()` at the end.
 */
export function bufferedOut(): { write(text: string): void; flush(): void } {
  let pending = '';
  return {
    write(text) {
      pending += text;
      if (pending.length >= 1 << 16) {
        out(pending);
        pending = '';
      }
    },
    flush() {
      if (pending) out(pending);
      pending = '';
    },
  };
}
