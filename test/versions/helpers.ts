import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';

/** Shared by the version tests: fixture copies and throw-away git repositories. */

export const root = join(import.meta.dirname, '..', '..');
export const VERSIONS = join(root, 'test', 'fixtures', 'versions');

const temps: string[] = [];

/** A fresh temporary directory, removed by {@link cleanTemps}. */
export function temp(): string {
  const d = mkdtempSync(join(tmpdir(), 'kodkatalog-versions-'));
  temps.push(d);
  return d;
}

/** Removes every temporary directory made so far (call in afterEach). */
export function cleanTemps(): void {
  for (const d of temps.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** Copies fixture `version` (v1..v5) to `dir` (replacing it). */
export function copyVersion(version: string, dir: string): string {
  rmSync(dir, { recursive: true, force: true });
  cpSync(join(VERSIONS, version), dir, { recursive: true });
  return dir;
}

/** Replaces one exact piece of a file, failing the test when it is not there. */
export function edit(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8');
  expect(text, file).toContain(from);
  writeFileSync(file, text.replace(from, to));
}

/** Runs git with a fixed identity and no signing, whatever the machine's configuration. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync(
    'git',
    ['-c', 'user.name=Kodkatalog Test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', '-c', 'tag.gpgsign=false', '-c', 'core.autocrlf=false', ...args],
    { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
}

/**
 * A repository with `catalogue/` at v1 (tag v0.1.0) and v2 (tag v0.2.0, also main), then
 * `working` (a version fixture) written into the working tree without committing.
 */
export function repoWithReleases(working?: string): string {
  const repo = join(temp(), 'repo');
  copyVersion('v1', join(repo, 'catalogue'));
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'v1');
  git(repo, 'tag', 'v0.1.0');
  copyVersion('v2', join(repo, 'catalogue'));
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'v2');
  git(repo, 'tag', 'v0.2.0');
  if (working) copyVersion(working, join(repo, 'catalogue'));
  return repo;
}
