import { join, posix, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeListsGenerator } from '../../../generators/code-lists/index.js';
import { docsGenerator } from '../../../generators/docs/index.js';
import { GENERATORS } from '../../../generators/index.js';
import { checkCatalogue, generate, hasErrors, releaseChanges, type CatalogueDiff, type GeneratedFile } from '../../../src/index.js';
import { schemaFilesOf } from '../../../src/cli/sources.js';

// The "Vad har ändrats?" pages: the list of versions and a page per version, with the changes the
// build hands the generator (context.changes) grouped by audience.
const root = resolve(import.meta.dirname, '../../..');
const VERSIONS = join(root, 'test/fixtures/versions');

async function site(dir: string, changes?: readonly CatalogueDiff[]): Promise<Map<string, string>> {
  const loaded = checkCatalogue(dir);
  expect(hasErrors(loaded.diagnostics)).toBe(false);
  const built = await generate(loaded.catalogue!, [codeListsGenerator, docsGenerator], { only: ['docs'], ...(changes ? { changes } : {}) });
  expect(built.diagnostics).toEqual([]);
  return new Map(built.value.filter((f) => f.path.startsWith('docs/')).map((f: GeneratedFile) => [f.path.slice('docs/'.length), String(f.contents)]));
}

/** The content of <main>, and of each <section> under an h2 with `id`. */
const main = (html: string): string => html.split('<main id="innehall" tabindex="-1">')[1]!.split('</main>')[0]!;
function section(html: string, id: string): string {
  const m = new RegExp(`<section aria-labelledby="${id}">([\\s\\S]*?)</section>`).exec(html);
  expect(m, `section ${id}`).not.toBeNull();
  return m![1]!;
}
const listItems = (html: string): string[] => [...html.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, '').replace(/&quot;/g, '"'));

/** Links of the given pages that do not resolve to a page of the site, or to an id on it. */
function brokenLinks(files: ReadonlyMap<string, string>, pages: readonly string[]): string[] {
  const broken: string[] = [];
  for (const from of pages) {
    for (const m of files.get(from)!.matchAll(/\shref="([^"]*)"/g)) {
      const [path, fragment] = m[1]!.replace(/&#x3D;/g, '=').split('#') as [string, string | undefined];
      const target = path === '' ? from : posix.normalize(posix.join(posix.dirname(from), path));
      if (m[1]!.startsWith('data:') || target.startsWith('../code-lists/')) continue;
      const page = files.get(target);
      if (page === undefined) broken.push(`${from}: ${m[1]}`);
      else if (fragment && !page.includes(` id="${fragment}"`)) broken.push(`${from}: ${m[1]} (no such id)`);
    }
  }
  return broken;
}

describe('docs changelog', () => {
  it('shows the changes from v1 to v2 of the versions fixture grouped by audience, with the version class and links', async () => {
    const loaded = checkCatalogue(join(VERSIONS, 'v2'));
    const found = await releaseChanges(loaded, { previous: join(VERSIONS, 'v1'), schemaFiles: schemaFilesOf(GENERATORS) });
    expect(found.changes.map((d) => `${d.from.version}→${d.to.version}`)).toEqual(['0.1.0→0.2.0']);
    const files = await site(join(VERSIONS, 'v2'), found.changes);
    const page = main(files.get('andringar/0.2.0.html')!);

    expect(page).toContain('<h1>Vad har ändrats i version 0.2.0?</h1>');
    expect(page).toContain('Jämfört med version 0.1.0.');
    expect(page).toContain('Versionsnivå: <strong>minor – tillägg och lättnader som inte bryter något befintligt</strong>.');
    expect(page).toContain('<p>9 ändringar: 5 tillagda, 2 ändrade, 1 utfasad, 1 ersatt.</p>');

    const reporters = section(page, 'for-uppgiftslamnare');
    expect(reporters).toContain('<h2 id="for-uppgiftslamnare">För uppgiftslämnare</h2>');
    expect(listItems(reporters)).toEqual([
      'Ändrade filformat: uppgiftsskyldigheten Kommunens uppgifter om insatser (/formats/ndjson: "ndjson")',
      'Kod som ersätts: klassifikationen Insatstyp, kod 12 Nätverkshem (/replacedBy: – → ["11"])',
      'Kod som fasas ut: klassifikationen Insatstyp, kod 12 Nätverkshem (/status: "active" → "deprecated")',
      'Ny kod: klassifikationen Insatstyp, kod 40 Service',
      'Ny uppgift som lämnas om den finns: posttypen Insats, uppgiften Belopp',
    ]);
    expect(reporters).toContain('kod <a href="../klassifikationer/insatstyp.html#kod-40">40 Service</a>');
    expect(reporters).toContain('uppgiften <a href="../uppgifter/belopp.html">Belopp</a>');

    const vendors = section(page, 'for-systemleverantorer');
    expect(vendors).toContain('<h2 id="for-systemleverantorer">För systemleverantörer</h2>');
    expect(vendors).toContain('<tr><th scope="row"><code>json-schema/record-types/insats.schema.json</code></th><td>bakåtkompatibelt</td><td>Ja</td><td>Nej</td></tr>');
    expect(listItems(vendors)).toEqual(['Ny egenskap: posttypen Insats, uppgiften Belopp', 'Fler tillåtna värden: klassifikationen Insatstyp, kod 40 Service']);

    const other = section(page, 'ovriga-andringar');
    expect(listItems(other).map((l) => l.split(' (')[0])).toEqual([
      'Tillagd: begreppet insats',
      'Ändrad: klassifikationen Insatstyp',
      'Tillagd: uppgiften Belopp',
      'Ändrad: uppgiften Insatsens id',
    ]);
    // No change is lost: each is listed for its audiences, or else under other changes.
    const all = found.changes[0]!.changes;
    expect(listItems(reporters)).toHaveLength(all.filter((c) => c.reporters).length);
    expect(listItems(vendors)).toHaveLength(all.filter((c) => c.vendors).length);
    expect(listItems(other)).toHaveLength(all.filter((c) => !c.reporters && !c.vendors).length);

    // The list of versions and the start page link to it.
    const list = main(files.get('andringar.html')!);
    expect(list).toContain('<h1>Vad har ändrats?</h1>');
    expect(list).toContain('<tr><th scope="row"><a href="andringar/0.2.0.html">Version 0.2.0</a> <span class="id">den här versionen</span></th><td>Utkast, inte publicerad än</td><td>0.1.0</td>');
    const start = main(files.get('index.html')!);
    expect(start).toContain('<a href="andringar.html">Vad har ändrats?</a>');
    expect(start).toContain('9 ändringar sedan 0.1.0 (5 tillagda, 2 ändrade, 1 utfasad, 1 ersatt). Versionsnivå: minor. <a href="andringar/0.2.0.html">');
    expect(brokenLinks(files, ['index.html', 'andringar.html', 'andringar/0.2.0.html'])).toEqual([]);
    // The whole page, to review like code (refresh with -u).
    await expect(files.get('andringar/0.2.0.html')).toMatchFileSnapshot(join(import.meta.dirname, '__golden_changes__', 'versioner-0.2.0.html'));
  });

  it('without a previous release, says that this is the first version', async () => {
    const files = await site(join(VERSIONS, 'v1'));
    expect([...files.keys()].filter((p) => p.startsWith('andringar'))).toEqual(['andringar.html', 'andringar/0.1.0.html']);
    expect(main(files.get('andringar.html')!)).toContain('<p>Det här är den första versionen av katalogen. Det finns ingen tidigare version att jämföra med.</p>');
    const page = main(files.get('andringar/0.1.0.html')!);
    expect(page).toContain('Det här är den första versionen av katalogen.');
    expect(page).not.toContain('för-uppgiftslamnare');
    expect(main(files.get('index.html')!)).toContain('<a href="andringar.html">Vad har ändrats?</a>');
  });

  it('lists every release entry newest first, each with its own page, when the build has no diffs', async () => {
    const files = await site(join(root, 'test/fixtures/catalogues/kitchen-sink'));
    const list = main(files.get('andringar.html')!);
    expect([...list.matchAll(/<a href="andringar\/([\d.]+)\.html">Version/g)].map((m) => m[1])).toEqual(['2.1.2', '2.1.1', '2.1.0', '2.0.0', '1.0.0']);
    expect(list).not.toContain('Det här är den första versionen');
    expect(list).toContain('<td>Publicerad 1 januari 2027</td><td>1.0.0</td><td>major – ändringar som kan bryta befintliga filer, system eller rutiner</td><td>Kontaktperson delad i två koder.</td>');
    expect(main(files.get('andringar/2.1.0.html')!)).toContain('<code>kodkatalog diff v2.0.0 v2.1.0</code>');
    expect(main(files.get('andringar/1.0.0.html')!)).toContain('Det här är den första versionen av katalogen.');
    // The current version's page keeps the catalogue's own change notes.
    expect(main(files.get('andringar/2.1.2.html')!)).toContain('Om versionen: Förtydligade definitioner inför nästa version.');
    // Every page links to the changelog in the navigation and the footer.
    for (const [path, html] of files) {
      if (!path.endsWith('.html')) continue;
      expect(html, path).toMatch(/<li><a href="(\.\.\/)*andringar\.html"( aria-current="page")?( class="avsnitt")?>Vad har ändrats\?<\/a><\/li>/);
    }
    expect(files.get('andringar/2.0.0.html')).toContain('<li><a href="../andringar.html" class="avsnitt">Vad har ändrats?</a></li>');
    expect(files.get('andringar.html')).toContain('<li><a href="andringar.html" aria-current="page">Vad har ändrats?</a></li>');
    expect(brokenLinks(files, [...files.keys()].filter((p) => p.startsWith('andringar')))).toEqual([]);
  });
});
