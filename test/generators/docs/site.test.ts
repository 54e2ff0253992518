import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeLargeCatalogue } from '../../../bench/fixtures.js';
import { codeListsGenerator } from '../../../generators/code-lists/index.js';
import { CODES_PER_PAGE, docsGenerator } from '../../../generators/docs/index.js';
import { allFindings, ENGINE_FINDING_SEVERITY, FILE_FINDING_CODES } from '../../../generators/docs/findings.js';
import { relativeHref, sortSwedish } from '../../../generators/docs/site.js';
import { toClassicScript } from '../../../generators/docs/classic.js';
import { checkCatalogue, hasErrors, loadCatalogue } from '../../../src/api.js';
import { generate, writeOutput } from '../../../src/build/run.js';
import type { GeneratedFile } from '../../../src/build/types.js';
import { findingDocPath } from '../../../src/model/doc-paths.js';
import { ENGINE_SEVERITY } from '../../../src/validate/engine/messages.js';

const root = resolve(import.meta.dirname, '../../..');
const temps: string[] = [];
const temp = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'kodkatalog-docs-'));
  temps.push(d);
  return d;
};
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

async function buildDocs(dir: string, options: Record<string, string> = {}) {
  const loaded = checkCatalogue(dir);
  expect(hasErrors(loaded.diagnostics)).toBe(false);
  return generate(loaded.catalogue!, [codeListsGenerator, docsGenerator], { only: ['docs'], options });
}

/**
 * Every href and src of every HTML page, and every page named in the search index and the
 * obligations data, must be a file of the written site; a `#fragment` must be an id on that page.
 */
/** Handlebars escapes `=` and `'` in attributes as character references; the browser decodes them. */
const decodeEntities = (s: string): string =>
  s.replace(/&#x([0-9a-f]+);/gi, (_m, h: string) => String.fromCodePoint(parseInt(h, 16))).replace(/&#(\d+);/g, (_m, d: string) => String.fromCodePoint(Number(d))).replace(/&amp;/g, '&');

function brokenLinks(out: string, files: readonly GeneratedFile[]): string[] {
  const broken: string[] = [];
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string): Set<string> => {
    let set = ids.get(file);
    if (!set) {
      set = new Set([...readFileSync(file, 'utf8').matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));
      ids.set(file, set);
    }
    return set;
  };
  const check = (from: string, href: string): void => {
    if (href.startsWith('data:')) return;
    if (/^(https?:|mailto:)/.test(href)) {
      broken.push(`${from}: external ${href}`);
      return;
    }
    const [pathAndQuery, fragment] = href.split('#') as [string, string | undefined];
    const path = pathAndQuery.split('?')[0]!;
    const target = path === '' ? join(out, from) : resolve(dirname(join(out, from)), decodeURIComponent(path));
    if (!target.startsWith(out) || !existsSync(target)) {
      broken.push(`${from}: ${href}`);
      return;
    }
    if (fragment && target.endsWith('.html') && !idsOf(target).has(decodeURIComponent(fragment))) broken.push(`${from}: ${href} (no such id)`);
  };
  for (const f of files) {
    if (!f.path.endsWith('.html')) continue;
    const html = String(f.contents);
    for (const m of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) check(f.path, decodeEntities(m[1]!));
  }
  const sandbox = (file: string): Record<string, unknown> => {
    const window: Record<string, unknown> = {};
    new Function('window', readFileSync(join(out, file), 'utf8'))(window);
    return window;
  };
  const index = sandbox('docs/assets/sokindex.js').kodkatalogSokindex as { p: string[]; e: [number, string, string, number, string, string][] };
  for (const e of index.e) check('docs/sok.html', `${index.p[e[3]]}${e[4] ? `#${e[4]}` : ''}`);
  const data = sandbox('docs/assets/skyldigheter.js').kodkatalogSkyldigheter as Record<string, { doc?: string }[] | unknown>;
  for (const list of Object.values(data)) {
    if (Array.isArray(list)) for (const x of list as { doc?: string }[]) if (x.doc) check('docs/vad-ska-vi-rapportera.html', x.doc);
  }
  return broken;
}

describe('docs site', () => {
  it.each([
    ['the register catalogue', 'catalogue'],
    ['kitchen-sink', 'test/fixtures/catalogues/kitchen-sink'],
  ])('every internal link of %s resolves to a file', async (_name, dir) => {
    const built = await buildDocs(join(root, dir));
    expect(built.diagnostics).toEqual([]);
    const out = join(temp(), 'catalogue');
    writeOutput(out, built.value);
    expect(brokenLinks(out, built.value)).toEqual([]);
  });

  it('loads no script, style or font from elsewhere, and every page is Swedish', async () => {
    const built = await buildDocs(join(root, 'catalogue'));
    for (const f of built.value.filter((x) => x.path.endsWith('.html') || x.path.endsWith('.css'))) {
      const text = String(f.contents);
      expect(text, f.path).not.toMatch(/(src|href)="(https?:)?\/\//);
      expect(text, f.path).not.toMatch(/@import|url\(\s*["']?(https?:)?\/\//);
      if (f.path.endsWith('.html')) expect(text, f.path).toMatch(/^<!DOCTYPE html>\n<html lang="sv">/);
    }
  });

  it('is byte-identical from run to run', async () => {
    const a = await buildDocs(join(root, 'catalogue'));
    const b = await buildDocs(join(root, 'catalogue'));
    expect(b.value.map((f) => [f.path, String(f.contents)])).toEqual(a.value.map((f) => [f.path, String(f.contents)]));
  });

  it('sorts index pages in Swedish order, å ä ö after z', async () => {
    expect(sortSwedish(['öl', 'ål', 'zebra', 'äpple', 'apa'], (s) => s)).toEqual(['apa', 'zebra', 'ål', 'äpple', 'öl']);
    const built = await buildDocs(join(root, 'catalogue'));
    const page = String(built.value.find((f) => f.path === 'docs/begrepp/index.html')!.contents);
    const names = [...page.matchAll(/<th scope="row"><a href="[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]!);
    expect(names.length).toBeGreaterThan(10);
    expect(names).toEqual([...names].sort(new Intl.Collator('sv', { numeric: true }).compare));
    const firstÅÄÖ = names.findIndex((n) => /^[åäöÅÄÖ]/.test(n));
    if (firstÅÄÖ >= 0) expect(names.slice(firstÅÄÖ).every((n) => /^[åäöÅÄÖ]/.test(n))).toBe(true);
  });

  it('makes relative links between any two pages', () => {
    expect(relativeHref('index.html', 'regler/a.html')).toBe('regler/a.html');
    expect(relativeHref('regler/a.html', 'uppgifter/b.html#x')).toBe('../uppgifter/b.html#x');
    expect(relativeHref('klassifikationer/a.html', 'klassifikationer/a.html#kod-1')).toBe('#kod-1');
    expect(relativeHref('klassifikationer/a/del-1.html', 'klassifikationer/a.html')).toBe('../a.html');
    expect(relativeHref('klassifikationer/a.html', '../code-lists/a.csv')).toBe('../../code-lists/a.csv');
  });

  it('splits a long classification into parts of whole groups', async () => {
    const dir = temp();
    writeLargeCatalogue(dir, 2500);
    const built = await buildDocs(dir);
    expect(built.diagnostics).toEqual([]);
    const parts = built.value.filter((f) => /^docs\/klassifikationer\/diagnos\/del-\d+\.html$/.test(f.path));
    expect(parts.length).toBeGreaterThanOrEqual(3);
    for (const p of parts) expect((String(p.contents).match(/<li id="kod-/g) ?? []).length).toBeLessThanOrEqual(CODES_PER_PAGE);
    const main = String(built.value.find((f) => f.path === 'docs/klassifikationer/diagnos.html')!.contents);
    expect(main).toContain('href="diagnos/del-1.html"');
    expect(main).not.toContain('<li id="kod-');
    const out = join(temp(), 'catalogue');
    writeOutput(out, built.value);
    expect(brokenLinks(out, built.value)).toEqual([]);
  });

  it('uses templates from --templates DIR in place of the defaults, and reports unknown ones', async () => {
    const dir = temp();
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'accessibility.hbs'), '<h1>Egen redogörelse för {{siteTitle}}</h1>\n');
    writeFileSync(join(dir, 'acessibility.hbs'), 'felstavad\n');
    const built = await buildDocs(join(root, 'test/fixtures/catalogues/minimal'), { templates: dir });
    const page = String(built.value.find((f) => f.path === 'docs/tillganglighet.html')!.contents);
    expect(page).toContain('<h1>Egen redogörelse för ');
    expect(built.diagnostics.map((d) => d.code)).toEqual(['gen/unknown-template']);
  });

  it('reports a broken template as a diagnostic, not an exception', async () => {
    const dir = temp();
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'term.hbs'), '{{#each}}\n');
    writeFileSync(join(dir, 'rule.hbs'), '{{nosuch.field}}\n');
    const built = await buildDocs(join(root, 'test/fixtures/catalogues/kitchen-sink'), { templates: dir });
    expect(built.diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ['gen/template-error', 'error'],
      ['gen/template-error', 'error'],
    ]);
  });

  it('has a page for every finding code the validator prints', () => {
    expect(ENGINE_FINDING_SEVERITY).toEqual(ENGINE_SEVERITY);
    const input = readFileSync(join(root, 'src/validate/input.ts'), 'utf8');
    const union = /export type InputProblemCode =([^;]+);/.exec(input)![1]!;
    const inputCodes = [...union.matchAll(/'([a-z-]+)'/g)].map((m) => m[1]!).sort();
    const all = allFindings().map((f) => f.code);
    // not-an-object is both a reading problem (a JSON line) and an engine check: one page.
    expect(inputCodes.filter((c) => !all.includes(c))).toEqual([]);
    expect(FILE_FINDING_CODES.filter((c) => !inputCodes.includes(c))).toEqual([]);
    const paths = allFindings().map((f) => findingDocPath(f.code));
    expect(new Set(paths).size).toBe(paths.length);
  });

  it('turns ES modules into one classic script with the same exports', () => {
    const result = toClassicScript(
      [
        { name: 'a.js', text: "function helper() { return 1; }\nexport function one() { return helper(); }\nexport const TWO = 2;\n" },
        { name: 'b.js', text: "import { one, TWO as two } from './a.js';\nfunction helper() { return 40; }\nexport function answer() { return one() + two + helper() - 1; }\nexport {};\n" },
      ],
      'testGlobal',
    );
    expect('script' in result).toBe(true);
    const window: Record<string, { answer(): number }> = {};
    new Function('window', (result as { script: string }).script)(window);
    expect(window.testGlobal!.answer()).toBe(42);
    expect(toClassicScript([{ name: 'c.js', text: "import { x } from './d.js';\n" }], 'g')).toEqual({ error: expect.stringContaining('d.js') });
    expect(toClassicScript([{ name: 'c.js', text: "export default 1;\n" }], 'g')).toEqual({ error: expect.stringContaining('c.js') });
  });

  it('gives the page the same answer as the CLI resolver', async () => {
    const loaded = loadCatalogue(join(root, 'catalogue'));
    const built = await buildDocs(join(root, 'catalogue'));
    const window: Record<string, unknown> = {};
    for (const f of ['docs/assets/skyldigheter.js', 'docs/assets/skyldigheter-svar.js']) {
      new Function('window', String(built.value.find((x) => x.path === f)!.contents))(window);
    }
    const { resolveObligations } = await import('../../../src/obligations/resolve.js');
    const query = { actor: 'kommun', area: 'lss', date: '2027-10-01' };
    const page = (window.kodkatalogSvar as { answerObligations(d: unknown, q: unknown): unknown }).answerObligations(window.kodkatalogSkyldigheter, query);
    expect(page).toEqual(resolveObligations(loaded.catalogue!, query).value);
  });
});
