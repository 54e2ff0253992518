import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { jsonSchemaGenerator } from '../../generators/json-schema/index.js';
import { diffCatalogues, loadCatalogue, renderDiff, type Catalogue, type CatalogueDiff, type SchemaFile } from '../../src/index.js';
import { resolveCatalogue } from '../../src/model/resolve.js';

const root = join(import.meta.dirname, '..', '..');
const VERSIONS = join(root, 'test', 'fixtures', 'versions');

const temps: string[] = [];
afterEach(() => {
  for (const d of temps.splice(0)) rmSync(d, { recursive: true, force: true });
});

function load(dir: string): Catalogue {
  const loaded = loadCatalogue(dir);
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return loaded.catalogue!;
}

/** The json-schema generator's files, with the paths a build gives them. */
async function schemas(c: Catalogue): Promise<SchemaFile[]> {
  const r = await jsonSchemaGenerator.generate(c, { previous: new Map(), options: {} });
  return r.files.map((f) => ({ path: `json-schema/${f.path}`, contents: f.contents }));
}

async function diff(a: Catalogue, b: Catalogue): Promise<CatalogueDiff> {
  return diffCatalogues(a, b, { schemas: { before: await schemas(a), after: await schemas(b) } });
}

/** A copy of a version fixture to edit. */
function copyOf(version: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'kodkatalog-diff-')), version);
  temps.push(dirname(dir));
  cpSync(join(VERSIONS, version), dir, { recursive: true });
  return dir;
}
const dirname = (p: string): string => join(p, '..');

function edit(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8');
  expect(text).toContain(from);
  writeFileSync(file, text.replace(from, to));
}

describe('diff: the v1..v5 series', () => {
  for (const n of [2, 3, 4, 5]) {
    it(`v${n - 1} → v${n} gives exactly expected-diff-v${n}.json`, async () => {
      const expected = JSON.parse(readFileSync(join(VERSIONS, `expected-diff-v${n}.json`), 'utf8')) as CatalogueDiff;
      const actual = await diff(load(join(VERSIONS, `v${n - 1}`)), load(join(VERSIONS, `v${n}`)));
      expect(JSON.parse(JSON.stringify(actual))).toEqual(expected);
    });
  }

  it('classes the series as minor, major, minor, patch', async () => {
    const levels: string[] = [];
    for (const n of [2, 3, 4, 5]) levels.push((await diff(load(join(VERSIONS, `v${n - 1}`)), load(join(VERSIONS, `v${n}`)))).level);
    expect(levels).toEqual(['minor', 'major', 'minor', 'patch']);
  });

  it('exercises every change kind and the impacts the issue names', () => {
    const all = [2, 3, 4, 5].flatMap((n) => (JSON.parse(readFileSync(join(VERSIONS, `expected-diff-v${n}.json`), 'utf8')) as CatalogueDiff).changes);
    expect(new Set(all.map((c) => c.kind))).toEqual(new Set(['added', 'removed', 'changed', 'deprecated', 'replaced']));
    const reporters = new Set(all.map((c) => c.reporters));
    for (const r of ['new-required-element', 'removed-code', 'new-obligation', 'changed-phase', 'changed-deadline', 'changed-period', 'new-code', 'replaced-code'] as const) {
      expect(reporters, r).toContain(r);
    }
    const vendors = new Set(all.map((c) => c.vendors));
    for (const v of ['type-changed', 'values-added', 'values-removed', 'constraint-tightened', 'constraint-loosened', 'property-required', 'schema-added'] as const) {
      expect(vendors, v).toContain(v);
    }
    const compat = new Set(
      [2, 3, 4, 5].flatMap((n) => (JSON.parse(readFileSync(join(VERSIONS, `expected-diff-v${n}.json`), 'utf8')) as CatalogueDiff).schemas!.map((s) => s.compatibility ?? s.status)),
    );
    expect(compat).toEqual(new Set(['backward', 'none', 'full', 'added']));
  });

  it('treats moved files, a code list moved into CSV and reordered keys as no change', async () => {
    // v2 keeps verksamhetsomrade's codes in a CSV file and writes record-types/insats.yaml with its keys reversed.
    const d = await diff(load(join(VERSIONS, 'v1')), load(join(VERSIONS, 'v2')));
    expect(d.changes.filter((c) => c.entity.id === 'verksamhetsomrade')).toEqual([]);
    expect(d.changes.filter((c) => c.entity.kind === 'record-type').map((c) => c.pointer)).toEqual(['/elements/belopp']);
  });

  it('does not depend on the order files were found in', async () => {
    const loaded = loadCatalogue(join(VERSIONS, 'v3'));
    const reversed = resolveCatalogue({ ...loaded.raw, entities: [...loaded.raw.entities].reverse() }).value!;
    const a = load(join(VERSIONS, 'v2'));
    expect(JSON.stringify(await diff(a, reversed))).toBe(JSON.stringify(await diff(a, loaded.catalogue!)));
    expect((await diff(reversed, loaded.catalogue!)).changes).toEqual([]);
  });

  it('a catalogue compared with itself has no changes and level none', async () => {
    const c = load(join(VERSIONS, 'v4'));
    const d = await diff(c, c);
    expect(d.level).toBe('none');
    expect(d.changes).toEqual([]);
    expect(d.schemas!.every((s) => s.compatibility === 'full')).toBe(true);
  });

  it('removing an element from a record type and a data element is major and breaks old data', async () => {
    const dir = copyOf('v5');
    edit(join(dir, 'record-types', 'insats.yaml'), '  - element: belopp\n    required: if-documented\n', '');
    rmSync(join(dir, 'data-elements', 'belopp.yaml'));
    const d = await diff(load(join(VERSIONS, 'v5')), load(dir));
    expect(d.level).toBe('major');
    expect(d.changes.map((c) => [c.kind, c.entity.kind, c.entity.id, c.pointer, c.level, c.reporters, c.vendors])).toEqual([
      ['removed', 'data-element', 'belopp', '', 'major', undefined, undefined],
      ['removed', 'record-type', 'insats', '/elements/belopp', 'major', 'removed-element', 'property-removed'],
    ]);
    expect(d.schemas!.find((s) => s.path === 'json-schema/record-types/insats.schema.json')).toEqual({
      path: 'json-schema/record-types/insats.schema.json',
      status: 'compared',
      compatibility: 'forward',
      differences: [{ pointer: '/properties/belopp', keyword: 'properties', effect: 'tightened' }],
    });
  });

  it('a pattern that changes is major and incompatible both ways; a narrowed code subset is major', async () => {
    const dir = copyOf('v5');
    edit(join(dir, 'data-elements', 'insats-id.yaml'), 'constraints:\n  maxLength: 16\n', 'constraints:\n  maxLength: 16\n  pattern: "^[A-Z0-9]+$"\n');
    edit(join(dir, 'data-elements', 'insatstyp.yaml'), 'classification: insatstyp\n', 'classification: insatstyp\ncodes: ["11", "21", "22", "35"]\n');
    const d = await diff(load(join(VERSIONS, 'v5')), load(dir));
    expect(d.changes.map((c) => [c.entity.id, c.pointer, c.level, c.vendors])).toEqual([
      ['insats-id', '/constraints/pattern', 'major', 'constraint-tightened'],
      ['insatstyp', '/codes', 'major', 'values-removed'],
    ]);
    const dir2 = copyOf('v5');
    edit(join(dir2, 'data-elements', 'insats-id.yaml'), 'constraints:\n  maxLength: 16\n', 'constraints:\n  maxLength: 16\n  pattern: "^[A-Z]+$"\n');
    const d2 = await diff(load(dir), load(dir2));
    expect(d2.changes.find((c) => c.pointer === '/constraints/pattern')).toMatchObject({ level: 'major', vendors: 'constraint-changed' });
    expect(d2.schemas!.find((s) => s.path === 'json-schema/record-types/insats.schema.json')!.compatibility).toBe('none');
  });
});

describe('diff: output', () => {
  it('renders text in Swedish and English, and a Markdown changelog grouped by audience', async () => {
    const d = await diff(load(join(VERSIONS, 'v2')), load(join(VERSIONS, 'v3')));
    await expect(renderDiff(d, 'text', 'sv')).toMatchFileSnapshot('./__snapshots__/v3.sv.txt');
    await expect(renderDiff(d, 'text', 'en')).toMatchFileSnapshot('./__snapshots__/v3.en.txt');
    const md = renderDiff(d, 'markdown', 'sv');
    await expect(md).toMatchFileSnapshot('./__snapshots__/v3.sv.md');
    expect(md.indexOf('## För uppgiftslämnare')).toBeGreaterThan(0);
    expect(md.indexOf('## För systemleverantörer')).toBeGreaterThan(md.indexOf('## För uppgiftslämnare'));
    expect(renderDiff(d, 'markdown', 'en')).toContain('## For system vendors');
    expect(JSON.parse(renderDiff(d, 'json', 'sv'))).toEqual(JSON.parse(JSON.stringify(d)));
  });

  it('says plainly when nothing changed', async () => {
    const c = load(join(VERSIONS, 'v1'));
    expect(renderDiff(await diff(c, c), 'text', 'sv')).toBe('Ändringar i versioner från 0.1.0 till 0.1.0\nVersionsnivå: inga ändringar.\n0 ändringar.\n');
  });
});
