import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { jsonSchemaGenerator } from '../../generators/json-schema/index.js';
import { checkCatalogue, checkVersions, editorialForm, type Catalogue, type Diagnostic } from '../../src/index.js';
import { cleanTemps, copyVersion, edit, git, repoWithReleases, root, temp, VERSIONS } from './helpers.js';

afterEach(cleanTemps);

const schemaFiles = async (c: Catalogue) =>
  (await jsonSchemaGenerator.generate(c, { previous: new Map(), options: {} })).files.map((f) => ({ path: `json-schema/${f.path}`, contents: f.contents }));

/** What `check` adds: code, severity, file (relative to `base`), line and column. */
async function versionFindings(dir: string, previous?: string, base = dir): Promise<[string, string, string, number, number][]> {
  const loaded = checkCatalogue(dir);
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const r = await checkVersions(loaded, { schemaFiles, ...(previous !== undefined ? { previous } : {}) });
  return r.diagnostics.map((d: Diagnostic) => [d.code, d.severity, (d.source?.file ?? '').slice(base.length + 1), d.source?.start.line ?? 0, d.source?.start.column ?? 0]);
}

describe('version discipline: the declared bump', () => {
  it('passes every step of the v1..v5 series', async () => {
    for (const n of [2, 3, 4, 5]) {
      expect(await versionFindings(join(VERSIONS, `v${n}`), join(VERSIONS, `v${n - 1}`)), `v${n}`).toEqual([]);
    }
  });

  it('stops a code removal released as a minor version, at the version in catalogue.yaml', async () => {
    const dir = copyVersion('v3', join(temp(), 'v3'));
    edit(join(dir, 'catalogue.yaml'), 'version: "1.0.0"', 'version: "0.3.0"');
    const loaded = checkCatalogue(dir);
    const r = await checkVersions(loaded, { previous: join(VERSIONS, 'v2'), schemaFiles });
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.source?.file, d.source?.start, d.message.sv])).toEqual([
      [
        'version/bump-too-small',
        'error',
        join(dir, 'catalogue.yaml'),
        { line: 7, column: 10 },
        'Versionen 0.3.0 är en minor-höjning från 0.2.0, men ändringarna sedan 0.2.0 kräver en major-höjning. Sätt version till 1.0.0 (kodkatalog diff visar ändringarna).',
      ],
    ]);
    expect(r.diff?.level).toBe('major');
  });

  it('stops a minor change released as a patch, and an unchanged version with changes', async () => {
    const dir = copyVersion('v2', join(temp(), 'v2'));
    edit(join(dir, 'catalogue.yaml'), 'version: "0.2.0"', 'version: "0.1.1"');
    expect(await versionFindings(dir, join(VERSIONS, 'v1'))).toEqual([['version/bump-too-small', 'error', 'catalogue.yaml', 7, 10]]);
    edit(join(dir, 'catalogue.yaml'), 'version: "0.1.1"', 'version: "0.1.0"');
    expect(await versionFindings(dir, join(VERSIONS, 'v1'))).toEqual([['version/bump-too-small', 'error', 'catalogue.yaml', 7, 10]]);
    edit(join(dir, 'catalogue.yaml'), 'version: "0.1.0"', 'version: "0.0.9"');
    expect(await versionFindings(dir, join(VERSIONS, 'v1'))).toEqual([['version/older-than-previous', 'error', 'catalogue.yaml', 7, 10]]);
  });

  it('accepts a bigger bump than needed, and any version when nothing changed', async () => {
    const dir = copyVersion('v5', join(temp(), 'v5'));
    edit(join(dir, 'catalogue.yaml'), 'version: "1.1.1"', 'version: "2.0.0"');
    expect(await versionFindings(dir, join(VERSIONS, 'v4'))).toEqual([]);
    expect(await versionFindings(join(VERSIONS, 'v5'), join(VERSIONS, 'v5'))).toEqual([]);
  });

  it('reads previousRelease from catalogue.yaml, relative to the catalogue', async () => {
    const base = temp();
    copyVersion('v2', join(base, 'v2'));
    const dir = copyVersion('v3', join(base, 'v3'));
    edit(join(dir, 'catalogue.yaml'), 'version: "1.0.0"\n', 'version: "0.3.0"\npreviousRelease: ../v2\n');
    expect(await versionFindings(dir)).toEqual([['version/bump-too-small', 'error', 'catalogue.yaml', 7, 10]]);
  });
});

describe('version discipline: edits in place', () => {
  it('lets editorial changes through (case, spacing, punctuation)', async () => {
    // v5 changes a definition's punctuation and a label's case: patch, no in-place finding.
    expect(await versionFindings(join(VERSIONS, 'v5'), join(VERSIONS, 'v4'))).toEqual([]);
    expect(editorialForm('Hemtjänst och service.')).toBe(editorialForm(' hemtjänst  och Service'));
    expect(editorialForm('Familjehem')).not.toBe(editorialForm('Jourhem'));
  });

  it("stops a new meaning for a code that was active in the release, at the changed label", async () => {
    const dir = copyVersion('v5', join(temp(), 'v5'));
    edit(join(dir, 'classifications', 'insatstyp.yaml'), '      sv: Familjehem\n', '      sv: Jourhem\n');
    const loaded = checkCatalogue(dir);
    const r = await checkVersions(loaded, { previous: join(VERSIONS, 'v4'), schemaFiles });
    expect(r.diagnostics.map((d) => [d.code, d.source?.file.slice(dir.length + 1), d.source?.start, d.message.sv])).toEqual([
      [
        'version/edited-in-place',
        'classifications/insatstyp.yaml',
        { line: 16, column: 11 },
        'Koden "11" i klassifikationen "insatstyp" var aktiv i 1.1.0, men dess label.sv har ändrats i sak. En kods betydelse ändras aldrig på plats: låt koden vara kvar som utfasad (status: deprecated, replacedBy) och lägg till en ny kod.',
      ],
    ]);
  });

  it('does not stop a changed label of a code that was already deprecated or new', async () => {
    const dir = copyVersion('v5', join(temp(), 'v5'));
    edit(join(dir, 'classifications', 'insatstyp.yaml'), '      sv: Kontaktperson eller kontaktfamilj\n', '      sv: Kontaktperson/kontaktfamilj (gammal)\n');
    expect(await versionFindings(dir, join(VERSIONS, 'v4'))).toEqual([]);
  });

  it('stops a data element that changes value type in place; integer to decimal is a widening and passes', async () => {
    const dir = copyVersion('v5', join(temp(), 'v5'));
    edit(join(dir, 'data-elements', 'startdatum.yaml'), 'valueType: date', 'valueType: string');
    expect(await versionFindings(dir, join(VERSIONS, 'v4'))).toEqual([
      ['version/bump-too-small', 'error', 'catalogue.yaml', 7, 10],
      ['version/edited-in-place', 'error', 'data-elements/startdatum.yaml', 8, 12],
    ]);
    // v4 widens belopp from integer to decimal and passes (see the series test above).
  });

  it('takes its severity from checks: in catalogue.yaml, which knows the version codes', async () => {
    const dir = copyVersion('v5', join(temp(), 'v5'));
    edit(join(dir, 'classifications', 'insatstyp.yaml'), '      sv: Familjehem\n', '      sv: Jourhem\n');
    edit(join(dir, 'catalogue.yaml'), 'bindings:', 'checks:\n  version/edited-in-place: warning\nbindings:');
    expect(checkCatalogue(dir).diagnostics).toEqual([]);
    expect(await versionFindings(dir, join(VERSIONS, 'v4'))).toEqual([['version/edited-in-place', 'warning', 'classifications/insatstyp.yaml', 16, 11]]);
  });
});

describe('version discipline with git', () => {
  it('compares with a tag named in previousRelease', async () => {
    const repo = repoWithReleases('v3');
    const dir = join(repo, 'catalogue');
    edit(join(dir, 'catalogue.yaml'), 'version: "1.0.0"\n', 'version: "1.0.0"\npreviousRelease: v0.2.0\n');
    expect(await versionFindings(dir)).toEqual([]);
    edit(join(dir, 'catalogue.yaml'), 'version: "1.0.0"\n', 'version: "0.2.1"\n');
    expect(await versionFindings(dir)).toEqual([['version/bump-too-small', 'error', 'catalogue.yaml', 7, 10]]);
  });

  it('reports a previousRelease that names no revision at its position', async () => {
    const repo = repoWithReleases('v3');
    const dir = join(repo, 'catalogue');
    edit(join(dir, 'catalogue.yaml'), 'version: "1.0.0"\n', 'version: "1.0.0"\npreviousRelease: v0.1.9\n');
    expect(await versionFindings(dir)).toEqual([['git/unknown-revision', 'error', 'catalogue.yaml', 8, 18]]);
  });

  it('without previousRelease, takes the newest earlier entry in releases when it is tagged', async () => {
    const repo = repoWithReleases('v3');
    const dir = join(repo, 'catalogue');
    edit(join(dir, 'catalogue.yaml'), 'version: "1.0.0"\n', 'version: "0.2.1"\n');
    edit(join(dir, 'catalogue.yaml'), 'bindings:', 'releases:\n  - version: "0.1.0"\n    date: "2026-01-15"\n  - version: "0.2.0"\n    date: "2026-03-01"\nbindings:');
    expect(await versionFindings(dir)).toEqual([['version/bump-too-small', 'error', 'catalogue.yaml', 7, 10]]);
  });

  it('catches a published release that changed after it was tagged, and says when it is not tagged yet', async () => {
    const repo = repoWithReleases();
    const dir = join(repo, 'catalogue');
    edit(join(dir, 'catalogue.yaml'), 'version: "0.2.0"\nstatus: draft', 'version: "0.2.1"\nstatus: published');
    expect(await versionFindings(dir)).toEqual([['version/not-tagged', 'info', 'catalogue.yaml', 8, 9]]);
    git(repo, 'commit', '-q', '-am', 'publish 0.2.1');
    git(repo, 'tag', 'v0.2.1');
    expect(await versionFindings(dir)).toEqual([]);
    edit(join(dir, 'classifications', 'insatstyp.yaml'), '      sv: Service\n', '      sv: Service i hemmet\n');
    const loaded = checkCatalogue(dir);
    const r = await checkVersions(loaded, { schemaFiles });
    expect(r.diagnostics.map((d) => [d.code, d.source?.file.slice(dir.length + 1), d.source?.start.line, d.message.sv])).toEqual([
      [
        'version/published-changed',
        'classifications/insatstyp.yaml',
        38,
        'Version 0.2.1 är publicerad (v0.2.1) men klassifikationen "insatstyp/40" har ändrats (/codes/40/label/sv). En publicerad version ändras aldrig; höj versionen och sätt status: draft.',
      ],
    ]);
  });

  it('kodkatalog check --previous runs the discipline; an unknown revision is a usage error', () => {
    const repo = repoWithReleases('v3');
    edit(join(repo, 'catalogue', 'catalogue.yaml'), 'version: "1.0.0"', 'version: "0.3.0"');
    const run = (...args: string[]) => spawnSync(process.execPath, [join(root, 'bin', 'kodkatalog.js'), ...args], { cwd: repo, encoding: 'utf8' });
    const r = run('check', '--previous', 'v0.2.0');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('catalogue/catalogue.yaml:7:10 - error version/bump-too-small: Versionen 0.3.0 är en minor-höjning från 0.2.0');
    const bad = run('check', '--previous', 'v0.2.9');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('Revisionen "v0.2.9" finns inte i git-förrådet.');
  });
});
