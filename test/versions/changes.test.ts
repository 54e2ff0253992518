import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GENERATORS } from '../../generators/index.js';
import { buildCommand } from '../../src/cli/build.js';
import { schemaFilesOf } from '../../src/cli/sources.js';
import { checkCatalogue, loadCatalogue, releaseChanges, releaseInfo } from '../../src/index.js';
import { cleanTemps, copyVersion, edit, git, repoWithReleases, root, temp, VERSIONS } from './helpers.js';

afterEach(cleanTemps);

/** v3 in the working tree of a repository where v1 is tagged v0.1.0 and v2 v0.2.0, with both releases recorded. */
function repoWithHistory(): string {
  const repo = repoWithReleases('v3');
  edit(
    join(repo, 'catalogue', 'catalogue.yaml'),
    'bindings:',
    [
      'releases:',
      '  - { version: "0.1.0", date: "2026-01-15", level: none, summary: { sv: Första publicerade versionen. } }',
      '  - { version: "0.2.0", date: "2026-06-01", previous: "0.1.0", level: minor }',
      'bindings:',
    ].join('\n'),
  );
  return repo;
}

describe('releases in the resolved model', () => {
  it('carries releases (with positions) and previousRelease in the manifest', () => {
    const loaded = loadCatalogue(join(root, 'test/fixtures/catalogues/kitchen-sink'));
    const m = loaded.catalogue!.manifest;
    expect(m.releases.map((r) => [r.version, r.date, r.previous, r.level, r.summary?.sv])).toEqual([
      ['1.0.0', '2026-10-01', undefined, 'none', 'Första publicerade versionen.'],
      ['2.0.0', '2027-01-01', '1.0.0', 'major', 'Kontaktperson delad i två koder.'],
      ['2.1.0', '2027-03-01', '2.0.0', 'minor', undefined],
      ['2.1.1', '2027-04-01', '2.1.0', 'patch', undefined],
    ]);
    expect(m.releases[0]!.summary).toEqual({ sv: 'Första publicerade versionen.', en: 'The first published version.' });
    expect(m.releases[1]!.location.start.line).toBe(m.releases[1]!.location.end.line);
    expect(readFileSync(m.releases[1]!.location.file, 'utf8').split('\n')[m.releases[1]!.location.start.line - 1]).toContain('version: "2.0.0"');
    expect(m.previousRelease).toBeUndefined();
    // releaseInfo reads the model and gives the entries in the shape catalogue.yaml holds them.
    expect(releaseInfo(loaded).releases[1]).toEqual({ version: '2.0.0', date: '2027-01-01', previous: '1.0.0', level: 'major', summary: { sv: 'Kontaktperson delad i två koder.' } });
    expect(releaseInfo(loaded.catalogue!)).toEqual(releaseInfo(loaded));
  });

  it('reads previousRelease as written, and reports a release date that does not exist', () => {
    const dir = copyVersion('v2', join(temp(), 'v2'));
    edit(join(dir, 'catalogue.yaml'), 'bindings:', 'previousRelease: ../v1\nreleases:\n  - { version: "0.1.0", date: "2026-02-30" }\nbindings:');
    const loaded = loadCatalogue(dir);
    expect(loaded.catalogue!.manifest.previousRelease).toBe('../v1');
    expect(releaseInfo(loaded).previousRelease).toBe('../v1');
    const bad = loaded.diagnostics.filter((d) => d.code === 'ref/invalid-date');
    expect(bad.map((d) => [d.source?.pointer, d.source?.start.line])).toEqual([['/releases/0/date', 13]]);
  });
});

describe('releaseChanges: what the docs changelog shows', () => {
  it('diffs the current version against previousRelease, with the schema comparison', async () => {
    const dir = copyVersion('v2', join(temp(), 'v2'));
    edit(join(dir, 'catalogue.yaml'), 'bindings:', `previousRelease: ${JSON.stringify(join(VERSIONS, 'v1'))}\nbindings:`);
    const found = await releaseChanges(checkCatalogue(dir), { schemaFiles: schemaFilesOf(GENERATORS) });
    expect(found.problems).toEqual([]);
    expect(found.changes.map((d) => [d.from.version, d.to.version, d.level])).toEqual([['0.1.0', '0.2.0', 'minor']]);
    const expected = JSON.parse(readFileSync(join(VERSIONS, 'expected-diff-v2.json'), 'utf8'));
    expect(JSON.parse(JSON.stringify(found.changes[0]))).toEqual(expected);
  });

  it('is empty without a previous release, and says why when the named one cannot be opened', async () => {
    expect(await releaseChanges(checkCatalogue(join(VERSIONS, 'v1')))).toEqual({ changes: [], problems: [] });
    const found = await releaseChanges(checkCatalogue(join(VERSIONS, 'v2')), { previous: join(temp(), 'nowhere'), cwd: temp() });
    expect(found.changes).toEqual([]);
    expect(found.problems.map((d) => d.code)).toEqual(['git/unknown-revision']);
  });

  it('reads the previous release and the history of earlier releases from git tags', async () => {
    const repo = repoWithHistory();
    const status = git(repo, 'status', '--porcelain');
    const found = await releaseChanges(checkCatalogue(join(repo, 'catalogue')));
    expect(found.problems).toEqual([]);
    // Newest first: 1.0.0 (working tree) against v0.2.0, found from `releases`; 0.2.0 against v0.1.0 from the tags.
    expect(found.changes.map((d) => [d.from.version, d.to.version, d.level])).toEqual([
      ['0.2.0', '1.0.0', 'major'],
      ['0.1.0', '0.2.0', 'minor'],
    ]);
    expect(git(repo, 'status', '--porcelain')).toBe(status);
  });

  it('kodkatalog build writes a changelog page per version from the tags', async () => {
    const repo = repoWithHistory();
    const out = join(temp(), 'dist');
    const code = await buildCommand(GENERATORS, { catalogue: join(repo, 'catalogue'), out, only: ['docs'], format: 'json', lang: 'sv' });
    expect(code).toBe(0);
    const page = (p: string): string => readFileSync(join(out, 'docs', p), 'utf8');
    expect(page('andringar/1.0.0.html')).toContain('<p class="ingress">Utkast, inte publicerad än. Jämfört med version 0.2.0.</p>');
    expect(page('andringar/1.0.0.html')).toContain('<strong>Ny obligatorisk uppgift:</strong> posttypen <a href="../posttyper/insats.html">Insats</a>, uppgiften <a href="../uppgifter/beslutsdatum.html">Beslutsdatum</a>');
    // From the tags: 0.2.0 added code 40, which v3 still has.
    expect(page('andringar/0.2.0.html')).toContain('<strong>Ny kod:</strong> klassifikationen <a href="../klassifikationer/insatstyp.html">Insatstyp</a>, kod <a href="../klassifikationer/insatstyp.html#kod-40">40 Service</a>');
    expect(page('andringar/0.1.0.html')).toContain('Det här är den första versionen av katalogen.');
    expect(existsSync(join(out, 'docs', 'andringar', '0.3.0.html'))).toBe(false);
  });

  it('kodkatalog build --previous that names nothing is a usage error; without docs it never looks', async () => {
    const repo = repoWithHistory();
    const out = join(temp(), 'dist');
    const base = { catalogue: join(repo, 'catalogue'), out, format: 'json' as const, lang: 'sv' as const };
    expect(await buildCommand(GENERATORS, { ...base, only: ['docs'], previous: 'v9.9.9' })).toBe(2);
    expect(existsSync(out)).toBe(false);
    expect(await buildCommand(GENERATORS, { ...base, only: ['json-schema'], previous: 'v9.9.9' })).toBe(0);
  });
});
