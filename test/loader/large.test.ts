import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checkCatalogue } from '../../src/api.js';

/**
 * A catalogue with one CSV-backed classification of 50,000 codes in three levels, generated at
 * test time: 20 groups, 49 subgroups in each, 50 codes in each subgroup (20 + 980 + 49,000).
 * Only correctness is asserted; how fast it is belongs in `npm run bench`.
 */
const minimal = fileURLToPath(new URL('../fixtures/catalogues/minimal', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'kodkatalog-large-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pad = (n: number): string => String(n).padStart(2, '0');
const rows = ['code;parent;label;selectable'];
for (let a = 1; a <= 20; a++) {
  rows.push(`${pad(a)};;Grupp ${a};false`);
  for (let b = 1; b <= 49; b++) {
    rows.push(`${pad(a)}.${pad(b)};${pad(a)};Undergrupp ${a}.${b};false`);
    for (let c = 1; c <= 50; c++) rows.push(`${pad(a)}.${pad(b)}.${pad(c)};${pad(a)}.${pad(b)};Kod ${a}.${b}.${c};true`);
  }
}

cpSync(minimal, dir, { recursive: true });
writeFileSync(join(dir, 'classifications', 'stor.csv'), rows.join('\r\n') + '\r\n');
writeFileSync(
  join(dir, 'classifications', 'stor.yaml'),
  '# yaml-language-server: $schema=../../schema/classification.schema.json\nid: stor\nlabel:\n  sv: Stor klassifikation\ndefinition:\n  sv: Genererad för test.\nstatus: active\ncodesFile: stor.csv\n',
);
writeFileSync(
  join(dir, 'data-elements', 'stor-kod.yaml'),
  '# yaml-language-server: $schema=../../schema/data-element.schema.json\nid: stor-kod\nlabel:\n  sv: Kod ur stor klassifikation\ndefinition:\n  sv: Genererad för test.\nstatus: active\nvalueType: code\nclassification: stor\nprivacy:\n  category: none\n',
);
writeFileSync(
  join(dir, 'record-types', 'insats.yaml'),
  '# yaml-language-server: $schema=../../schema/record-type.schema.json\nid: insats\nlabel:\n  sv: Insats\ndefinition:\n  sv: En beviljad insats.\nstatus: active\nkey: [insats-id]\nelements:\n  - element: insats-id\n    required: required\n  - element: stor-kod\n    required: optional\n',
);

describe('a classification with 50,000 codes from CSV', () => {
  const { catalogue, diagnostics } = checkCatalogue(dir);

  it('loads and checks with no diagnostics', () => {
    expect(rows).toHaveLength(50_001);
    expect(diagnostics).toEqual([]);
  });

  it('has all 50,000 codes in file order, each findable by value', () => {
    const stor = catalogue!.classifications.find((c) => c.id === 'stor')!;
    expect(stor.codes).toHaveLength(50_000);
    expect(stor.codeMap.size).toBe(50_000);
    expect(stor.codes[0]!.code).toBe('01');
    expect(stor.codes.at(-1)!.code).toBe('20.49.50');
    expect(stor.codes.filter((c) => !c.selectable)).toHaveLength(1_000);
  });

  it('builds the three-level hierarchy', () => {
    const stor = catalogue!.classifications.find((c) => c.id === 'stor')!;
    const leaf = stor.codeMap.get('07.33.12')!;
    expect(leaf.parent!.code).toBe('07.33');
    expect(leaf.parent!.parent!.code).toBe('07');
    expect(leaf.parent!.parent!.parent).toBeUndefined();
    expect(stor.codeMap.get('07')!.children).toHaveLength(49);
    expect(stor.codeMap.get('07.33')!.children).toHaveLength(50);
    expect(stor.codes.filter((c) => c.parent === undefined)).toHaveLength(20);
  });

  it('keeps the CSV position of the last code', () => {
    const stor = catalogue!.classifications.find((c) => c.id === 'stor')!;
    expect(stor.codes.at(-1)!.location.start).toEqual({ line: 50_001, column: 1 });
    expect(stor.codes.at(-1)!.location.file).toBe(join(dir, 'classifications', 'stor.csv'));
  });
});
