import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { jsonSchemaGenerator } from '../../generators/json-schema/index.js';
import { applyRelease, checkCatalogue, checkVersions, release, releaseInfo, type Catalogue } from '../../src/index.js';
import { cleanTemps, copyVersion, edit, git, repoWithReleases, root, temp, VERSIONS } from './helpers.js';

afterEach(cleanTemps);

const schemaFiles = async (c: Catalogue) =>
  (await jsonSchemaGenerator.generate(c, { previous: new Map(), options: {} })).files.map((f) => ({ path: `json-schema/${f.path}`, contents: f.contents }));

const manifest = `# yaml-language-server: $schema=../schema/catalogue.schema.json
id: x
definition:
  sv: >-
    En lång text som är radbruten i källan och inte får brytas om
    av verktyget när det publicerar.
version: "0.2.0"   # höjs för varje release
status: draft
languages: [sv, en]
`;

const entry = { version: '0.2.0', date: '2027-01-15', previous: '0.1.0', level: 'minor', summary: { sv: 'Två ändringar.', en: 'Two changes.' } };

describe('applyRelease: editing catalogue.yaml in place', () => {
  it('changes status, adds releases at the end, and leaves every other byte alone', () => {
    expect(applyRelease(manifest, entry)).toBe(
      manifest.replace('status: draft', 'status: published') +
        'releases:\n  - version: "0.2.0"\n    date: "2027-01-15"\n    previous: "0.1.0"\n    level: minor\n    summary:\n      sv: "Två ändringar."\n      en: "Two changes."\n',
    );
  });

  it('appends to an existing list with its indentation, keeping comments and what follows', () => {
    const text = `${manifest}releases:\n    # äldst först\n    - version: "0.1.0"\n      date: "2026-06-01"   # första\nbindings:\n  actor: a\n`;
    expect(applyRelease(text, { version: '0.2.0', date: '2027-01-15' })).toBe(
      `${manifest.replace('status: draft', 'status: published')}releases:\n    # äldst först\n    - version: "0.1.0"\n      date: "2026-06-01"   # första\n    - version: "0.2.0"\n      date: "2027-01-15"\nbindings:\n  actor: a\n`,
    );
  });

  it('turns an empty flow list into a block list, and keeps CRLF line ends', () => {
    const text = manifest.replace(/\n/g, '\r\n') + 'releases: [] # inga än\r\n';
    const out = applyRelease(text, { version: '0.2.0', date: '2027-01-15' });
    expect(out.endsWith('releases: # inga än\r\n  - version: "0.2.0"\r\n    date: "2027-01-15"\r\n')).toBe(true);
    expect(out.replace(/\r\n/g, '')).not.toContain('\n');
  });
});

describe('release', () => {
  it('publishes with an entry summarising the diff against the previous release; check then accepts the file', async () => {
    const dir = copyVersion('v2', join(temp(), 'v2'));
    const result = await release(checkCatalogue(dir), { date: '2027-01-15', previous: join(VERSIONS, 'v1'), schemaFiles });
    expect(result.diagnostics).toEqual([]);
    expect(result.entry).toEqual({
      version: '0.2.0',
      date: '2027-01-15',
      previous: '0.1.0',
      level: 'minor',
      summary: {
        sv: '9 ändringar sedan 0.1.0 (5 tillagda, 2 ändrade, 1 utfasad, 1 ersatt). Versionsnivå: minor.',
        en: '9 changes since 0.1.0 (5 added, 2 changed, 1 deprecated, 1 replaced). Version level: minor.',
      },
    });
    expect(result.tag).toBe('v0.2.0');
    const text = readFileSync(join(dir, 'catalogue.yaml'), 'utf8');
    expect(text.startsWith(readFileSync(join(VERSIONS, 'v2', 'catalogue.yaml'), 'utf8').replace('status: draft', 'status: published'))).toBe(true);
    const loaded = checkCatalogue(dir);
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.catalogue!.manifest.status).toBe('published');
    expect(releaseInfo(loaded).releases).toEqual([result.entry]);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
    // A second release of the same version is refused, and the file stays as it is.
    const again = await release(loaded, { date: '2027-02-01', previous: join(VERSIONS, 'v1'), schemaFiles });
    expect(again.diagnostics.map((d) => [d.code, d.source?.start.line])).toEqual([['release/already-published', 8], ['release/version-exists', 16]]);
    expect(readFileSync(join(dir, 'catalogue.yaml'), 'utf8')).toBe(text);
  });

  it('records the first release without a previous one', async () => {
    const dir = copyVersion('v1', join(temp(), 'v1'));
    const result = await release(checkCatalogue(dir), { date: '2026-06-01', schemaFiles });
    expect(result.entry).toEqual({ version: '0.1.0', date: '2026-06-01', summary: { sv: 'Första publicerade versionen.', en: 'First published version.' } });
  });

  it('refuses a release whose version bump is too small and writes nothing', async () => {
    const dir = copyVersion('v3', join(temp(), 'v3'));
    edit(join(dir, 'catalogue.yaml'), 'version: "1.0.0"', 'version: "0.3.0"');
    const before = readFileSync(join(dir, 'catalogue.yaml'), 'utf8');
    const result = await release(checkCatalogue(dir), { date: '2027-01-15', previous: join(VERSIONS, 'v2'), schemaFiles });
    expect(result.entry).toBeUndefined();
    expect(result.diagnostics.map((d) => d.code)).toEqual(['version/bump-too-small']);
    expect(readFileSync(join(dir, 'catalogue.yaml'), 'utf8')).toBe(before);
  });

  it('takes the date as an argument, never from the clock, and checks it', async () => {
    const dir = copyVersion('v1', join(temp(), 'v1'));
    for (const date of ['2027-02-30', '15/01/2027', '']) {
      const r = await release(checkCatalogue(dir), { date });
      expect(r.usageError, date).toBe(true);
      expect(r.diagnostics.map((d) => d.code)).toEqual(['release/invalid-date']);
    }
  });

  it('a release that is tagged and then changed is caught by check', async () => {
    const repo = repoWithReleases();
    const dir = join(repo, 'catalogue');
    edit(join(dir, 'catalogue.yaml'), 'version: "0.2.0"', 'version: "0.3.0"');
    edit(join(dir, 'classifications', 'insatstyp.yaml'), '      sv: Service\n', '      sv: Service\n  - code: "50"\n    label:\n      sv: Boendestöd\n');
    edit(join(dir, 'catalogue.yaml'), 'bindings:', 'previousRelease: v0.2.0\nbindings:');
    const result = await release(checkCatalogue(dir), { date: '2027-01-15', schemaFiles });
    expect(result.entry?.level).toBe('minor');
    git(repo, 'commit', '-q', '-am', 'Version 0.3.0');
    git(repo, 'tag', 'v0.3.0');
    expect((await checkVersions(checkCatalogue(dir), { schemaFiles })).diagnostics).toEqual([]);
    edit(join(dir, 'classifications', 'insatstyp.yaml'), '      sv: Boendestöd\n', '      sv: Boendestöd\n  - code: "51"\n    label:\n      sv: Korttidsboende\n');
    expect((await checkVersions(checkCatalogue(dir), { schemaFiles })).diagnostics.map((d) => d.code)).toEqual(['version/published-changed']);
  });

  it('kodkatalog release requires --date (exit 2) and prints the next steps', () => {
    const dir = copyVersion('v2', join(temp(), 'v2'));
    const run = (...args: string[]) => spawnSync(process.execPath, [join(root, 'bin', 'kodkatalog.js'), ...args], { cwd: root, encoding: 'utf8' });
    expect(run('release', '--catalogue', dir).status).toBe(2);
    const r = run('release', '--catalogue', dir, '--date', '2027-01-15', '--previous', join(VERSIONS, 'v1'));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Nästa steg:\n  1. Bygg och verifiera: npm run build && kodkatalog verify\n  2. Checka in: git commit -am "Version 0.2.0"\n  3. Tagga: git tag v0.2.0\n');
  });
});
