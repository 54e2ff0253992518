import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');

function tsFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => relative(root, join(e.parentPath, e.name)));
}

function relativeImports(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)[^'"]*?from\s+['"](\.[^'"]+)['"]/gm)].map((m) =>
    relative(root, resolve(dirname(join(root, file)), m[1]!)).replace(/\.js$/, '.ts'),
  );
}

describe('module boundaries', () => {
  it('generators import only src/index.ts from src/', () => {
    const offending = tsFiles('generators').flatMap((f) =>
      relativeImports(f)
        .filter((target) => target.startsWith('src/') && target !== 'src/index.ts')
        .map((target) => `${f} -> ${target}`),
    );
    expect(offending).toEqual([]);
  });

  it('src/ imports generators/ only from the CLI entry point (the composition root)', () => {
    const offending = tsFiles('src').flatMap((f) =>
      relativeImports(f)
        .filter((target) => target.startsWith('generators/') && f !== 'src/cli/main.ts')
        .map((target) => `${f} -> ${target}`),
    );
    expect(offending).toEqual([]);
  });

  it('only src/cli/ writes to the console or sets the exit code', () => {
    const offending = tsFiles('src')
      .filter((f) => !f.startsWith('src/cli/'))
      .filter((f) => /\bconsole\.\w+\(|process\.(stdout|stderr)\.|process\.exit/.test(readFileSync(join(root, f), 'utf8')));
    expect(offending).toEqual([]);
  });
});
