import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { diagnostic } from '../diagnostics/messages.js';
import type { Diagnostic, Result } from '../diagnostics/types.js';

/**
 * Where a catalogue version comes from: a directory, or a git revision read without touching the
 * working tree, the index or HEAD. A revision's files are copied from git's object store into a
 * temporary directory (`git ls-tree` + `git cat-file --batch`: two processes whatever the size,
 * and no `tar`, no export attributes and no checkout involved); `dispose` removes it.
 */
export interface CatalogueSource {
  /** A directory holding the catalogue (catalogue.yaml at its top). */
  readonly dir: string;
  /** How to name it to a user: the directory as given, or `<revision>:<path>`. */
  readonly label: string;
  /** The commit, when read from git. */
  readonly commit?: string;
  /** Removes the temporary copy, if any. Safe to call twice. */
  dispose(): void;
}

/** Where to look for directories and for the repository, and which folder of it holds the catalogue. */
export interface SourceOptions {
  /** Relative directories are resolved against this, and the repository is the one containing it. */
  readonly cwd: string;
  /** The catalogue folder relative to the repository's top level (default `catalogue`). */
  readonly path?: string;
  /** A directory inside the repository to read revisions from, when not `cwd`. */
  readonly repository?: string;
}

/** Runs git in `cwd`; undefined when it fails (the reason is never shown: it may hold paths). */
function git(cwd: string, args: readonly string[], input?: string): Buffer | undefined {
  try {
    return execFileSync('git', args, {
      cwd,
      input,
      stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      maxBuffer: 1024 * 1024 * 1024,
      // A prompt would hang a CI job; nothing here needs credentials.
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' },
    });
  } catch {
    return undefined;
  }
}

/** The repository containing `dir` and `dir`'s path inside it (forward slashes, no trailing slash), or undefined. */
export function repositoryOf(dir: string): { root: string; prefix: string } | undefined {
  if (!existsSync(dir)) return undefined;
  const root = git(dir, ['rev-parse', '--show-toplevel'])?.toString('utf8').trim();
  const prefix = git(dir, ['rev-parse', '--show-prefix'])?.toString('utf8').trim();
  if (!root || prefix === undefined) return undefined;
  return { root, prefix: prefix.replace(/\/$/, '') };
}

/** The commit a revision names in the repository at `root`, or undefined. */
export function resolveRevision(root: string, revision: string): string | undefined {
  // --end-of-options: a revision such as "--output=x" is a name, never an option.
  return git(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`])?.toString('utf8').trim() || undefined;
}

const normalisePath = (p: string): string => p.replace(/\\/g, '/').replace(/^\.\/+/, '').replace(/\/+$/, '').replace(/^\.$/, '');

/**
 * Copies the files under `path` at `commit` into `target`. Symbolic links and submodules are skipped:
 * a catalogue is plain files. Returns the number of files written.
 */
function copyTree(root: string, commit: string, path: string, target: string): number {
  const listing = git(root, ['ls-tree', '-r', '-z', '--full-tree', commit, ...(path ? ['--', path] : [])]);
  if (!listing) return 0;
  const blobs: { sha: string; path: string }[] = [];
  for (const entry of listing.toString('utf8').split('\0')) {
    const m = /^(\d+) (\w+) ([0-9a-f]+)\t(.+)$/s.exec(entry);
    if (m && m[2] === 'blob' && m[1] !== '120000') blobs.push({ sha: m[3]!, path: m[4]! });
  }
  if (blobs.length === 0) return 0;
  const out = git(root, ['cat-file', '--batch'], blobs.map((b) => b.sha).join('\n') + '\n');
  if (!out) return 0;
  let at = 0;
  for (const b of blobs) {
    const eol = out.indexOf(0x0a, at);
    const header = out.subarray(at, eol).toString('utf8').split(' ');
    const size = Number(header[2]);
    if (header[1] !== 'blob' || !Number.isFinite(size)) return 0;
    const file = join(target, ...b.path.split('/'));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, out.subarray(eol + 1, eol + 1 + size));
    at = eol + 1 + size + 1;
  }
  return blobs.length;
}

/**
 * Opens a catalogue version named by `spec`: an existing directory (relative to `cwd`), or else a
 * git revision (`v0.1.0`, `HEAD`, `main~3`, a commit) of the repository containing `cwd`, whose
 * catalogue folder is `path`. A directory wins over a revision of the same name; write `./name`
 * to make the choice obvious. Problems are diagnostics (`git/...`), never exceptions.
 */
export function openCatalogueSource(spec: string, options: SourceOptions): Result<CatalogueSource | undefined> {
  const asDir = resolve(options.cwd, spec);
  if (existsSync(asDir) && statSync(asDir).isDirectory()) {
    return { value: { dir: asDir, label: spec, dispose: () => undefined }, diagnostics: [] };
  }
  const fail = (d: Diagnostic): Result<undefined> => ({ value: undefined, diagnostics: [d] });
  const repo = repositoryOf(options.repository ?? options.cwd);
  if (!repo) return fail(diagnostic('git/not-a-repository', { spec }));
  const commit = resolveRevision(repo.root, spec);
  if (!commit) return fail(diagnostic('git/unknown-revision', { revision: spec }));
  const path = normalisePath(options.path ?? 'catalogue');
  const tmp = mkdtempSync(join(tmpdir(), 'kodkatalog-rev-'));
  const dispose = (): void => rmSync(tmp, { recursive: true, force: true });
  try {
    const count = copyTree(repo.root, commit, path, tmp);
    const dir = path ? join(tmp, ...path.split('/')) : tmp;
    if (count === 0 || !existsSync(join(dir, 'catalogue.yaml'))) {
      dispose();
      return fail(diagnostic('git/path-missing', { revision: spec, path: path || '.' }));
    }
    return { value: { dir, label: `${spec}:${path || '.'}`, commit, dispose }, diagnostics: [] };
  } catch (e) {
    dispose();
    throw e;
  }
}

/** True when `tag` names a tag in the repository containing `dir`. */
export function tagExists(dir: string, tag: string): boolean {
  const repo = repositoryOf(dir);
  return repo !== undefined && git(repo.root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `refs/tags/${tag}^{commit}`]) !== undefined;
}
