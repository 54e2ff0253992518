import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { diagnostic } from '../diagnostics/messages.js';
import type { Diagnostic, Result } from '../diagnostics/types.js';
import type { CatalogueDiff } from '../diff/types.js';
import type { Catalogue } from '../model/types.js';
import { packageRoot } from '../paths.js';
import type { GeneratedFile, Generator } from './types.js';

/** One entry of manifest.json. */
export interface ManifestFile {
  /** Path relative to the output folder. */
  readonly path: string;
  /** Hex SHA-256 of the bytes. */
  readonly sha256: string;
  /** Size in bytes. */
  readonly size: number;
}

/** dist/catalogue/manifest.json: what was built from which catalogue. */
export interface BuildManifest {
  /** Catalogue identity. */
  readonly catalogue: { readonly id: string; readonly version: string; readonly status: string };
  /** Generators that ran, in order. */
  readonly generators: readonly string[];
  /** Every file except the manifest itself, sorted by path. */
  readonly files: readonly ManifestFile[];
}

export const MANIFEST_FILE = 'manifest.json';

const bytes = (c: string | Uint8Array): Uint8Array => (typeof c === 'string' ? Buffer.from(c, 'utf8') : c);
const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

function readAsset(from: string): string {
  const file = join(packageRoot(), ...from.split('/'));
  if (!existsSync(file)) throw new Error(`asset ${from} is missing: run \`npm run compile\` first`);
  // Normalise line ends so the output is LF whatever the checkout did.
  return readFileSync(file, 'utf8').replace(/\r\n?/g, '\n');
}

/**
 * A generator's templates: every file of its default folder, then every file of `override` (the
 * user's `--templates DIR`) on top, so one changed template is enough. Text is LF-normalised.
 */
function readTemplates(folder: string, override: string | undefined): Map<string, string> {
  const templates = new Map<string, string>();
  const readDir = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const file = join(dir, name);
      if (statSync(file).isFile()) templates.set(name, readFileSync(file, 'utf8').replace(/\r\n?/g, '\n'));
    }
  };
  readDir(join(packageRoot(), ...folder.split('/')));
  if (override !== undefined) readDir(override);
  return templates;
}

/** The generators that run for `only` (all when undefined), each after those it uses, in registry order otherwise. */
export function selectGenerators(all: readonly Generator[], only: readonly string[] | undefined): Generator[] {
  const byName = new Map(all.map((g) => [g.name, g]));
  const order: Generator[] = [];
  const want = (name: string): void => {
    const g = byName.get(name);
    if (!g || order.includes(g)) return;
    for (const u of g.uses ?? []) want(u);
    order.push(g);
  };
  for (const name of only ?? all.map((g) => g.name)) want(name);
  return order;
}

/**
 * Runs generators over a resolved catalogue and returns every file, sorted by path, with the
 * manifest last. Deterministic: the same catalogue gives the same bytes.
 */
export async function generate(
  catalogue: Catalogue,
  generators: readonly Generator[],
  options: {
    only?: readonly string[];
    options?: Readonly<Record<string, string>>;
    /** What changed since previous releases, handed to generators as `context.changes` (see GeneratorContext). */
    changes?: readonly CatalogueDiff[];
  } = {},
): Promise<Result<GeneratedFile[]>> {
  const selected = selectGenerators(generators, options.only);
  const previous = new Map<string, readonly GeneratedFile[]>();
  const diagnostics: Diagnostic[] = [];
  const files = new Map<string, GeneratedFile>();
  for (const g of selected) {
    const opts = options.options ?? {};
    const templates = g.templates !== undefined ? { templates: readTemplates(g.templates, opts.templates) } : {};
    const inputs = g.inputs !== undefined ? { inputs: new Map(g.inputs.map((p) => [p, readAsset(p)])) } : {};
    const changes = options.changes !== undefined ? { changes: options.changes } : {};
    const result = await g.generate(catalogue, { previous, options: opts, ...templates, ...inputs, ...changes });
    diagnostics.push(...result.diagnostics);
    const assets = (g.assets ?? []).map((a) => ({ path: a.to, contents: readAsset(a.from) }));
    const own = [...result.files, ...assets].map((f) => ({ path: g.root ? f.path : `${g.name}/${f.path}`, contents: f.contents }));
    for (const f of own) {
      if (!/^[a-zA-Z0-9][a-zA-Z0-9._/-]*$/.test(f.path) || f.path.includes('..') || files.has(f.path)) {
        throw new Error(`generator ${g.name} produced an invalid or duplicate path`);
      }
      // A root file may not be the manifest, nor stand where a generator's folder goes.
      if (g.root && (f.path.includes('/') || f.path === MANIFEST_FILE || generators.some((x) => x.name === f.path))) {
        throw new Error(`generator ${g.name} produced ${f.path}, which is not a free name at the root of the output`);
      }
      if (typeof f.contents === 'string' && (f.contents.includes('\r\n') || (f.contents.length > 0 && !f.contents.endsWith('\n')))) {
        throw new Error(`generator ${g.name} produced ${f.path} without LF line ends and a final newline`);
      }
      files.set(f.path, f);
    }
    previous.set(g.name, result.files);
  }
  const sorted = [...files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const manifest: BuildManifest = {
    catalogue: { id: catalogue.manifest.id, version: catalogue.manifest.version, status: catalogue.manifest.status },
    generators: selected.map((g) => g.name),
    files: sorted.map((f) => {
      const b = bytes(f.contents);
      return { path: f.path, sha256: sha256(b), size: b.length };
    }),
  };
  sorted.push({ path: MANIFEST_FILE, contents: JSON.stringify(manifest, null, 2) + '\n' });
  return { value: sorted, diagnostics };
}

/**
 * Writes files into `outDir`, replacing it whole: the files go to a sibling temporary folder first,
 * which is renamed into place only when every file is written, so a failure leaves the old output.
 */
export function writeOutput(outDir: string, files: readonly GeneratedFile[]): void {
  const tmp = `${outDir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  try {
    for (const f of files) {
      const target = join(tmp, ...f.path.split('/'));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, bytes(f.contents));
    }
    if (files.length === 0) mkdirSync(tmp, { recursive: true });
    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(dirname(outDir), { recursive: true });
    renameSync(tmp, outDir);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** Recomputes every hash of a built folder against its manifest.json. */
export function verifyOutput(dir: string): Diagnostic[] {
  const manifestPath = join(dir, MANIFEST_FILE);
  if (!existsSync(dir) || !statSync(dir).isDirectory() || !existsSync(manifestPath)) {
    return [diagnostic('verify/no-manifest', { dir })];
  }
  const at = (path: string) => ({ file: join(dir, path), pointer: '', start: { line: 1, column: 1 }, end: { line: 1, column: 1 } });
  let manifest: BuildManifest;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as BuildManifest;
    if (!Array.isArray(manifest.files)) throw new Error('files');
  } catch {
    return [diagnostic('verify/bad-manifest', {}, at(MANIFEST_FILE))];
  }
  const diagnostics: Diagnostic[] = [];
  const listed = new Set<string>();
  for (const f of manifest.files) {
    listed.add(f.path);
    const p = join(dir, ...f.path.split('/'));
    if (!existsSync(p)) {
      diagnostics.push(diagnostic('verify/missing-file', { path: f.path }, at(f.path)));
      continue;
    }
    const b = readFileSync(p);
    if (b.length !== f.size || sha256(b) !== f.sha256) diagnostics.push(diagnostic('verify/changed-file', { path: f.path }, at(f.path)));
  }
  for (const path of listFiles(dir)) {
    if (path !== MANIFEST_FILE && !listed.has(path)) diagnostics.push(diagnostic('verify/extra-file', { path }, at(path)));
  }
  return diagnostics;
}
