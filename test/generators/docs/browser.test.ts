import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import axe from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeLargeCatalogue } from '../../../bench/fixtures.js';
import { codeListsGenerator } from '../../../generators/code-lists/index.js';
import { docsGenerator } from '../../../generators/docs/index.js';
import { GENERATORS } from '../../../generators/index.js';
import { checkCatalogue, loadCatalogue } from '../../../src/api.js';
import { generate, writeOutput } from '../../../src/build/run.js';
import type { GeneratedFile } from '../../../src/build/types.js';
import { serveSite } from '../../../src/cli/docs.js';
import { schemaFilesOf } from '../../../src/cli/sources.js';
import { releaseChanges } from '../../../src/versions/changes.js';

// End-to-end in Debian's Chromium (installed by .ci/run). Without it the suite is skipped on a
// developer's machine, but never in CI, where a missing browser must fail.
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const root = resolve(import.meta.dirname, '../../..');
const shots = join(root, 'test-artifacts/screenshots');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const registerVersion = loadCatalogue(join(root, 'catalogue')).catalogue!.manifest.version;

async function site(dir: string, previous?: string): Promise<GeneratedFile[]> {
  const loaded = checkCatalogue(dir);
  const changes = previous ? (await releaseChanges(loaded, { previous, schemaFiles: schemaFilesOf(GENERATORS) })).changes : [];
  const built = await generate(loaded.catalogue!, [codeListsGenerator, docsGenerator], { only: ['docs'], changes });
  expect(built.diagnostics).toEqual([]);
  return built.value;
}

async function serve(files: readonly GeneratedFile[]): Promise<{ server: Server; base: string }> {
  const map = new Map(files.map((f) => [f.path, f]));
  const server = await serveSite(async () => ({ files: map }), 0);
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}/docs/` };
}

describe('docs site in a browser', () => {
  let browser: Browser;
  let register: { server: Server; base: string };
  let large: { server: Server; base: string };
  /** Version 0.2.0 of the versions fixture, with its changes since 0.1.0: a changelog page with every group filled. */
  let versioned: { server: Server; base: string };
  let disk: string;
  const temps: string[] = [];

  beforeAll(async () => {
    const files = await site(join(root, 'catalogue'));
    register = await serve(files);
    disk = mkdtempSync(join(tmpdir(), 'kodkatalog-docs-e2e-'));
    temps.push(disk);
    writeOutput(join(disk, 'catalogue'), files);
    const largeDir = mkdtempSync(join(tmpdir(), 'kodkatalog-docs-large-'));
    temps.push(largeDir);
    writeLargeCatalogue(largeDir, 2500);
    large = await serve(await site(largeDir));
    versioned = await serve(await site(join(root, 'test/fixtures/versions/v2'), join(root, 'test/fixtures/versions/v1')));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    mkdirSync(shots, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    register?.server.close();
    large?.server.close();
    versioned?.server.close();
    for (const d of temps) rmSync(d, { recursive: true, force: true });
  });

  /** A page that fails the test on any script error or failed request. */
  async function open(url: string, width = 1280): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('requestfailed', (r) => problems.push(`requestfailed: ${r.url()}`));
    await page.goto(url);
    return { page, problems };
  }

  it('finds a code from the start page search and reaches its page', async () => {
    const { page, problems } = await open(`${register.base}index.html`);
    expect(await page.getAttribute('html', 'lang')).toBe('sv');
    await page.getByLabel('Sök i katalogen').fill('0180');
    await page.getByLabel('Sök i katalogen').press('Enter');
    await page.waitForURL(/sok\.html\?q=0180/);
    const hit = page.locator('#traffar a', { hasText: '0180 Stockholm' });
    await expect.poll(() => hit.count()).toBeGreaterThan(0);
    await hit.first().click();
    await page.waitForURL(/klassifikationer\/kommun\.html#kod-0180$/);
    expect(await page.locator('#kod-0180').isVisible()).toBe(true);
    expect(await page.locator('#kod-0180 .kodnamn').textContent()).toBe('Stockholm');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('answers "Vad ska vi rapportera?" for a kommun, LSS, 2027-10-01', async () => {
    const { page, problems } = await open(`${register.base}vad-ska-vi-rapportera.html`);
    await page.getByLabel('Kommun (socialnämnd)').check();
    await page.getByLabel('Verksamhetsområde').selectOption('lss');
    await page.getByLabel('Datum').fill('2027-10-01');
    await page.getByRole('button', { name: 'Visa uppgiftsskyldigheter' }).click();
    const results = page.locator('#resultat-lista');
    const heading = results.getByRole('heading', { level: 3 });
    await expect.poll(() => heading.allTextContents()).toEqual(['Kommunens uppgifter om insatser enligt LSS']);
    const text = (await results.textContent()) ?? '';
    expect(text).toContain('senast 25 oktober 2027');
    expect(text).toContain('Insatstyp enligt LSS');
    expect(await page.locator('#resultat-sammanfattning').textContent()).toContain('En uppgiftsskyldighet');
    // Focus moves to the answer, so a keyboard or screen-reader user lands on it.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('resultat');
    await results.getByRole('link', { name: 'Kommunens uppgifter om insatser enligt LSS' }).click();
    await page.waitForURL(/uppgiftsskyldigheter\/kommun-lss\.html$/);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('folds and unfolds a code hierarchy with the keyboard alone', async () => {
    const { page, problems } = await open(`${register.base}klassifikationer/placeringsform.html`);
    // Tab from the top of the page to the first foldable code.
    let onSummary = false;
    for (let i = 0; i < 200 && !onSummary; i++) {
      await page.keyboard.press('Tab');
      onSummary = await page.evaluate(() => document.activeElement?.tagName === 'SUMMARY');
    }
    expect(onSummary).toBe(true);
    const group = page.locator('details:has(> summary:focus)');
    const child = group.locator('li.kod').first();
    expect(await group.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await child.isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    expect(await group.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await child.isVisible()).toBe(false);
    await page.keyboard.press('Space');
    expect(await group.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await child.isVisible()).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('filters codes to those valid on a date', async () => {
    const { page, problems } = await open(`${register.base}klassifikationer/lan.html`);
    const all = await page.locator('li.kod').count();
    await page.getByLabel('Visa endast giltiga koder på datum').fill('2027-01-15');
    await page.getByRole('button', { name: 'Filtrera' }).click();
    await expect.poll(() => page.locator('li.kod:visible').count()).toBeLessThan(all);
    expect(await page.locator('#kod-11').isVisible()).toBe(false);
    expect(await page.locator('.filterstatus').textContent()).toMatch(/^Visar \d+ av \d+ koder som gäller 2027-01-15\.$/);
    await page.getByRole('button', { name: 'Visa alla koder' }).click();
    expect(await page.locator('li.kod:visible').count()).toBe(all);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('works opened from disk (file://): search and the obligations page', async () => {
    const base = pathToFileURL(join(disk, 'catalogue/docs/')).href;
    const { page, problems } = await open(`${base}sok.html?q=personnummer`);
    await expect.poll(() => page.locator('#traffar li').count()).toBeGreaterThan(0);
    await page.goto(`${base}vad-ska-vi-rapportera.html?aktor=kommun&omrade=lss&datum=2027-10-01`);
    await expect.poll(() => page.locator('#resultat-lista h3').allTextContents()).toEqual(['Kommunens uppgifter om insatser enligt LSS']);
    expect(problems).toEqual([]);
    await page.close();
  });

  it.each([1280, 320])('takes screenshots at %i px, and nothing overflows sideways', async (width) => {
    const pages = [
      ['start', 'index.html'],
      ['klassifikation', 'klassifikationer/placeringsform.html'],
      ['vad-ska-vi-rapportera', 'vad-ska-vi-rapportera.html?aktor=kommun&omrade=lss&datum=2027-10-01'],
    ] as const;
    for (const [name, path] of pages) {
      const { page, problems } = await open(`${register.base}${path}`, width);
      if (name === 'vad-ska-vi-rapportera') await page.locator('#resultat-lista h3').first().waitFor();
      await page.screenshot({ path: join(shots, `${name}-${width}.png`), fullPage: true });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${name} at ${width} px`).toBeLessThanOrEqual(0);
      expect(problems).toEqual([]);
      await page.close();
    }
  });

  const PAGE_TYPES: readonly (readonly [string, string, ((p: Page) => Promise<void>)?])[] = [
    ['start', 'index.html'],
    ['index of terms', 'begrepp/index.html'],
    ['term', 'begrepp/aktualisering.html'],
    ['index of classifications', 'klassifikationer/index.html'],
    ['classification', 'klassifikationer/placeringsform.html'],
    ['data element', 'uppgifter/personnummer.html'],
    ['record type', 'posttyper/insats.html'],
    ['rule', 'regler/insats-slut-efter-start.html'],
    ['index of rules', 'regler/index.html'],
    ['obligation', 'uppgiftsskyldigheter/kommun-lss.html'],
    ['findings', 'kontroller/index.html'],
    ['finding', 'kontroller/required.html'],
    ['rule shape', 'kontroller/required-if.html'],
    ['report with an answer', 'vad-ska-vi-rapportera.html?aktor=kommun&omrade=&datum=2027-10-01', (p) => p.locator('#resultat-lista h3').first().waitFor()],
    ['privacy', 'integritet.html'],
    ['accessibility statement', 'tillganglighet.html'],
    ['search with results', 'sok.html?q=insats', (p) => p.locator('#traffar li').first().waitFor()],
    ['changes', 'andringar.html'],
    ['changes of a version', `andringar/${registerVersion}.html`],
  ];

  async function axeViolations(page: Page): Promise<string[]> {
    await page.addScriptTag({ content: axe.source });
    const result = await page.evaluate(async (tags) => {
      const w = window as unknown as { axe: { run(c: Document, o: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } };
      return w.axe.run(document, { runOnly: { type: 'tag', values: tags } });
    }, AXE_TAGS);
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }

  it.each(PAGE_TYPES)('axe finds no WCAG 2.1 A/AA violation: %s', async (_name, path, ready) => {
    for (const width of [1280, 320]) {
      const { page, problems } = await open(`${register.base}${path}`, width);
      if (ready) await ready(page);
      expect(await axeViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
      await page.close();
    }
  });

  it.each([1280, 320])('axe finds no violation on the changelog of a version with changes for both audiences, at %i px, and nothing overflows', async (width) => {
    for (const path of ['andringar/0.2.0.html', 'andringar.html', 'index.html']) {
      const { page, problems } = await open(`${versioned.base}${path}`, width);
      if (path !== 'index.html') {
        await page.screenshot({ path: join(shots, `${path.replace(/[/.]/g, '-')}-${width}.png`), fullPage: true });
      }
      if (path === 'andringar/0.2.0.html') {
        expect(await page.getByRole('heading', { level: 2 }).allTextContents()).toEqual(['För uppgiftslämnare', 'För systemleverantörer', 'Övriga ändringar', 'Ändringsanteckningar']);
      }
      expect(await axeViolations(page), path).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${path} at ${width} px`).toBeLessThanOrEqual(0);
      expect(problems).toEqual([]);
      await page.close();
    }
  });

  it('reaches the changes of a version from the start page', async () => {
    const { page, problems } = await open(`${versioned.base}index.html`);
    await page.getByRole('main').getByRole('link', { name: 'Vad har ändrats?' }).click();
    await page.waitForURL(/andringar\.html$/);
    await page.getByRole('link', { name: 'Version 0.2.0', exact: true }).click();
    await page.waitForURL(/andringar\/0\.2\.0\.html$/);
    const reporters = page.locator('section[aria-labelledby="for-uppgiftslamnare"]');
    await reporters.getByRole('link', { name: '40 Service' }).click();
    await page.waitForURL(/klassifikationer\/insatstyp\.html#kod-40$/);
    expect(await page.locator('#kod-40').isVisible()).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('axe finds no violation on a part of a long classification, and a part stays light', async () => {
    const { page, problems } = await open(`${large.base}klassifikationer/diagnos/del-1.html`);
    expect(await page.locator('li.kod').count()).toBeGreaterThan(100);
    expect(await axeViolations(page)).toEqual([]);
    const main = await open(`${large.base}klassifikationer/diagnos.html`);
    expect(await axeViolations(main.page)).toEqual([]);
    expect([...problems, ...main.problems]).toEqual([]);
    await page.close();
    await main.page.close();
  });
});
