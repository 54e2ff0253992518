import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/**
 * The folder of kodkatalog's own package.json. Code runs both from src/ (tests) and from
 * dist/lib/src/ (the CLI), so files shipped beside the code (schema/, templates) are found by
 * walking up rather than by a fixed relative path.
 */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate) && (JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string }).name === 'kodkatalog') {
      return (root = dir);
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('kodkatalog package root not found');
    dir = parent;
  }
}
