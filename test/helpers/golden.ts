// Golden output trees: each generated file is compared with a committed copy by vitest's
// toMatchFileSnapshot, so `vitest -u` refreshes them; a golden file the generator no longer writes
// fails the run, and is deleted under -u as vitest deletes obsolete snapshots.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { expect } from 'vitest';
import type { GeneratedFile } from '../../src/index.js';

/** Every file under `dir`, as sorted forward-slash paths relative to it (none when it does not exist). */
export function listGoldenFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

/** True when vitest runs with `-u` (update every snapshot). Call inside a test. */
export function updatingSnapshots(): boolean {
  return (expect.getState().snapshotState as unknown as { _updateSnapshot?: string })._updateSnapshot === 'all';
}

/** A generated file's contents as text. */
export function goldenText(file: GeneratedFile): string {
  return typeof file.contents === 'string' ? file.contents : Buffer.from(file.contents).toString('utf8');
}

/** Compares one generated file with its golden copy `dir/path` (written when missing, replaced under -u). Call inside a test. */
export async function expectGolden(dir: string, file: GeneratedFile): Promise<void> {
  await expect(goldenText(file)).toMatchFileSnapshot(join(dir, ...file.path.split('/')));
}

/**
 * Fails on golden files under `dir` that are not among `expected` (paths relative to `dir`); under
 * `vitest -u` deletes them instead. Call inside a test.
 */
export function expectNoStaleGolden(dir: string, expected: Iterable<string>): void {
  const keep = new Set(expected);
  const stale = listGoldenFiles(dir).filter((p) => !keep.has(p));
  if (updatingSnapshots()) for (const p of stale) rmSync(join(dir, ...p.split('/')));
  else expect(stale, 'golden files that the generator no longer writes (run vitest -u)').toEqual([]);
}
