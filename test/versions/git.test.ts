import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { jsonSchemaGenerator } from '../../generators/json-schema/index.js';
import { diffCatalogues, loadCatalogue, openCatalogueSource, type Catalogue, type CatalogueDiff } from '../../src/index.js';
import { cleanTemps, git, repoWithReleases, root, temp, VERSIONS } from './helpers.js';

afterEach(cleanTemps);

beforeAll(() => {
  if (!existsSync(join(root, 'dist/lib/src/cli/main.js'))) {
    spawnSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['tsc', '-p', '.'], { cwd: root, stdio: 'ignore' });
  }
});

/** The built CLI, run in `cwd` as a user would. */
function kodkatalog(cwd: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'kodkatalog.js'), ...args], { cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const schemas = async (c: Catalogue) =>
  (await jsonSchemaGenerator.generate(c, { previous: new Map(), options: {} })).files.map((f) => ({ path: `json-schema/${f.path}`, contents: f.contents }));

function open(spec: string, cwd: string, path?: string): { catalogue: Catalogue; dir: string; label: string; dispose: () => void } {
  const opened = openCatalogueSource(spec, { cwd, ...(path !== undefined ? { path } : {}) });
  expect(opened.diagnostics).toEqual([]);
  const loaded = loadCatalogue(opened.value!.dir);
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return { catalogue: loaded.catalogue!, dir: opened.value!.dir, label: opened.value!.label, dispose: opened.value!.dispose };
}

describe('catalogue versions from git revisions', () => {
  it('reads tags, branches and relative commits into a temporary copy, and diffs them like directories', async () => {
    const repo = repoWithReleases('v3');
    const a = open('v0.1.0', repo);
    const b = open('main', repo);
    const c = open('HEAD~1', repo);
    try {
      expect(a.label).toBe('v0.1.0:catalogue');
      expect(a.catalogue.manifest.version).toBe('0.1.0');
      expect(b.catalogue.manifest.version).toBe('0.2.0');
      expect(c.catalogue.manifest.version).toBe('0.1.0');
      const d = diffCatalogues(a.catalogue, b.catalogue, { schemas: { before: await schemas(a.catalogue), after: await schemas(b.catalogue) } });
      const expected = JSON.parse(readFileSync(join(VERSIONS, 'expected-diff-v2.json'), 'utf8')) as CatalogueDiff;
      expect(JSON.parse(JSON.stringify(d))).toEqual(expected);
    } finally {
      for (const x of [a, b, c]) x.dispose();
    }
    for (const x of [a, b, c]) expect(existsSync(x.dir)).toBe(false);
  });

  it('never touches the working tree, the index or HEAD', () => {
    const repo = repoWithReleases('v3');
    const status = git(repo, 'status', '--porcelain');
    const head = git(repo, 'rev-parse', 'HEAD');
    const working = readFileSync(join(repo, 'catalogue', 'catalogue.yaml'), 'utf8');
    const x = open('v0.1.0', repo);
    x.dispose();
    expect(git(repo, 'status', '--porcelain')).toBe(status);
    expect(git(repo, 'diff', '--cached', '--name-only')).toBe('');
    expect(git(repo, 'rev-parse', 'HEAD')).toBe(head);
    expect(readFileSync(join(repo, 'catalogue', 'catalogue.yaml'), 'utf8')).toBe(working);
    expect(status).toContain('catalogue/catalogue.yaml');
  });

  it('reports an unknown revision, a missing catalogue path and a folder outside any repository', () => {
    const repo = repoWithReleases();
    expect(openCatalogueSource('v9.9.9', { cwd: repo }).diagnostics.map((d) => [d.code, d.message.sv])).toEqual([
      ['git/unknown-revision', 'Revisionen "v9.9.9" finns inte i git-förrådet. Ange en tagg (t.ex. v0.1.0), en gren, en commit (t.ex. HEAD eller main~3) eller en mapp.'],
    ]);
    expect(openCatalogueSource('v0.1.0', { cwd: repo, path: 'katalog' }).diagnostics.map((d) => d.code)).toEqual(['git/path-missing']);
    expect(openCatalogueSource('--output=/tmp/x', { cwd: repo }).diagnostics.map((d) => d.code)).toEqual(['git/unknown-revision']);
    expect(openCatalogueSource('v0.1.0', { cwd: temp() }).diagnostics.map((d) => d.code)).toEqual(['git/not-a-repository']);
  });

  it('a directory of the same name wins over a revision', () => {
    const repo = repoWithReleases('v3');
    const x = open('catalogue', repo);
    expect(x.catalogue.manifest.version).toBe('1.0.0');
    expect(x.label).toBe('catalogue');
  });
});

describe('kodkatalog diff (CLI)', () => {
  it('diffs two tags as JSON, exit 0', () => {
    const repo = repoWithReleases();
    const r = kodkatalog(repo, 'diff', 'v0.1.0', 'v0.2.0', '--format', 'json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(readFileSync(join(VERSIONS, 'expected-diff-v2.json'), 'utf8')));
  });

  it('diffs a tag against the working directory, in Swedish by default and in English with --lang en', () => {
    const repo = repoWithReleases('v3');
    const sv = kodkatalog(repo, 'diff', 'v0.2.0', 'catalogue');
    expect(sv.status).toBe(0);
    expect(sv.stdout.split('\n').slice(0, 2)).toEqual(['Ändringar i versioner från 0.2.0 till 1.0.0', 'Versionsnivå: major – ändringar som kan bryta befintliga filer, system eller rutiner.']);
    expect(sv.stdout).toContain('För uppgiftslämnare\n  - Ny obligatorisk uppgift: posttypen insats, uppgiften beslutsdatum [major]');
    const en = kodkatalog(repo, 'diff', 'v0.2.0', 'catalogue', '--lang', 'en', '--format', 'markdown');
    expect(en.status).toBe(0);
    expect(en.stdout).toContain('## For reporters');
  });

  it('exits 2 with a Swedish message and no stack trace for an unknown revision', () => {
    const repo = repoWithReleases();
    const r = kodkatalog(repo, 'diff', 'v0.0.9', 'HEAD');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('kodkatalog: Revisionen "v0.0.9" finns inte i git-förrådet. Ange en tagg (t.ex. v0.1.0), en gren, en commit (t.ex. HEAD eller main~3) eller en mapp.\n');
  });

  it('exits 2 on a usage error (missing argument)', () => {
    expect(kodkatalog(root, 'diff', 'v0.1.0').status).toBe(2);
  });
});
