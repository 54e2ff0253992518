import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCatalogue, migrateSubmission, successors, type Catalogue } from '../../src/index.js';

const root = join(import.meta.dirname, '..', '..');
const VERSIONS = join(root, 'test', 'fixtures', 'versions');
const temps: string[] = [];
afterEach(() => {
  for (const d of temps.splice(0)) rmSync(d, { recursive: true, force: true });
});

function load(version: string): Catalogue {
  return loadCatalogue(join(VERSIONS, version)).catalogue!;
}

// A v2 submission: BOM, CRLF, a quoted cell, an empty cell and a blank line. The first column
// stands in for personal data that must never appear in any output.
const rows = [
  '\uFEFFinsats-id;insatstyp;startdatum;slutdatum',
  'P19121212-A;11;2027-01-03;', // kept
  'P19121212-B;12;2027-01-04;2027-02-01', // 12 → 11, one-to-one
  'P19121212-C;"30";2027-01-05;', // 30 → 35, merged with 40 (stays quoted)
  'P19121212-D;40;2027-01-06;', // 40 → 35, merged with 30
  'P19121212-E;20;2027-01-07;', // 20 is split into 21 and 22: a person decides
  'P19121212-F;31;2027-01-08;', // 31 is gone without a replacement: a person decides
  'P19121212-G;X99;2027-01-09;', // no such code in either version
  'P19121212-H;;2027-01-10;', // nothing to translate
  '',
  'P19121212-I;12;2027-01-11;',
];
const input = rows.join('\r\n') + '\r\n';
const expected = input.replace('B;12;', 'B;11;').replace('"30"', '"35"').replace('D;40;', 'D;35;').replace('I;12;', 'I;11;');

describe('migrate', () => {
  it('rewrites one-to-one and merged codes and leaves every other byte as it was', () => {
    const r = migrateSubmission(Buffer.from(input), load('v2'), load('v3'), { file: 'insatser.csv' });
    expect(Buffer.from(r.output!).toString("utf8")).toBe(expected);
    expect(r.columns).toEqual([{ field: 'insatstyp', classification: 'insatstyp' }]);
    expect(r.rewrites).toEqual([
      { field: 'insatstyp', from: '12', to: '11', kind: 'one-to-one', count: 2 },
      { field: 'insatstyp', from: '30', to: '35', kind: 'merge', count: 1 },
      { field: 'insatstyp', from: '40', to: '35', kind: 'merge', count: 1 },
    ]);
  });

  it('lists the cells that need a person by line, column and field, never with other values of the row', () => {
    const r = migrateSubmission(Buffer.from(input), load('v2'), load('v3'), { file: 'insatser.csv' });
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.source?.pointer, d.source?.start.line, d.source?.start.column, d.message.sv])).toEqual([
      ['migrate/split', 'error', '/rows/5/insatstyp', 6, 13, 'Koden "20" i fältet "insatstyp" har delats upp i "21", "22": en person behöver välja rätt kod för raden.'],
      ['migrate/no-replacement', 'error', '/rows/6/insatstyp', 7, 13, 'Koden "31" i fältet "insatstyp" får inte användas i den nya versionen och har ingen ersättare: en person behöver bestämma vad raden ska ha.'],
      ['migrate/unknown-code', 'error', '/rows/7/insatstyp', 8, 13, 'Fältet "insatstyp" har en kod som inte finns i någon av versionerna (värdet visas inte).'],
    ]);
    const all = JSON.stringify(r.diagnostics) + JSON.stringify(r.rewrites) + JSON.stringify(r.columns);
    for (const secret of ['P1912', '2027-', 'X99']) expect(all).not.toContain(secret);
  });

  it('follows lineage across several versions at once (v1 → v5)', () => {
    const r = migrateSubmission(Buffer.from(input), load('v1'), load('v5'), { file: 'insatser.csv' });
    expect(Buffer.from(r.output!).toString("utf8")).toBe(expected);
  });

  it('a file already on the new version is left byte for byte as it was', () => {
    const text = 'insats-id;insatstyp\nA;11\nB;35\n';
    const r = migrateSubmission(Buffer.from(text), load('v3'), load('v5'), { file: 'x.csv' });
    expect(Buffer.from(r.output!).toString("utf8")).toBe(text);
    expect(r.rewrites).toEqual([]);
    expect(r.diagnostics).toEqual([]);
  });

  it('--element picks columns; a column that holds no codes is a usage error', () => {
    expect(migrateSubmission(Buffer.from(input), load('v2'), load('v3'), { file: 'x.csv', elements: ['insatstyp'] }).rewrites.length).toBe(3);
    const bad = migrateSubmission(Buffer.from(input), load('v2'), load('v3'), { file: 'x.csv', elements: ['startdatum'] });
    expect(bad.usageError).toBe(true);
    expect(bad.output).toBeUndefined();
    expect(bad.diagnostics.map((d) => d.code)).toEqual(['migrate/unknown-element']);
  });

  it('refuses a file with an unclosed quote or that is not UTF-8, and writes nothing', () => {
    expect(migrateSubmission(Buffer.from('insats-id;insatstyp\nA;"12\n'), load('v2'), load('v3'), { file: 'x.csv' }).diagnostics.map((d) => [d.code, d.source?.start])).toEqual([
      ['csv/unclosed-quote', { line: 2, column: 3 }],
    ]);
    const latin1 = migrateSubmission(Buffer.from([0x69, 0x64, 0x0a, 0xe5, 0x0a]), load('v2'), load('v3'), { file: 'x.csv' });
    expect(latin1.output).toBeUndefined();
    expect(latin1.diagnostics.map((d) => d.code)).toEqual(['load/not-utf8']);
  });

  it('successors: one-to-one, merge and split, transitively', () => {
    const c = load('v3').classifications.find((x) => x.id === 'insatstyp')!;
    const of = (code: string) => {
      const s = successors(c.codeMap.get(code)!);
      return [s.kind, s.codes.map((x) => x.code)];
    };
    expect(of('12')).toEqual(['one-to-one', ['11']]);
    expect(of('30')).toEqual(['merge', ['35']]);
    expect(of('20')).toEqual(['split', ['21', '22']]);
    expect(of('11')).toEqual(['none', []]);
  });
});

describe('kodkatalog migrate (CLI)', () => {
  it('writes --out whole, lists the decisions without personal data, exit 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kodkatalog-migrate-'));
    temps.push(dir);
    writeFileSync(join(dir, 'insatser.csv'), input);
    const run = (...args: string[]) => spawnSync(process.execPath, [join(root, 'bin', 'kodkatalog.js'), 'migrate', ...args], { cwd: dir, encoding: 'utf8' });
    const r = run('insatser.csv', '--from', join(VERSIONS, 'v2'), '--to', join(VERSIONS, 'v3'), '--out', 'insatser-1.0.0.csv');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    expect(readFileSync(join(dir, 'insatser-1.0.0.csv'), 'utf8')).toBe(expected);
    expect(readdirSync(dir).sort()).toEqual(['insatser-1.0.0.csv', 'insatser.csv']);
    expect(r.stdout).toContain('  insatstyp: 12 → 11 (ersatt en-till-en): 2 rader\n');
    expect(r.stdout).toContain('insatser.csv:6:13 - error migrate/split:');
    for (const secret of ['P1912', '2027-', 'X99']) expect(r.stdout).not.toContain(secret);
    const dry = run('insatser.csv', '--from', join(VERSIONS, 'v2'), '--to', join(VERSIONS, 'v3'), '--lang', 'en');
    expect(dry.stdout).toContain('No file was written: give --out FILE to write the result.\n');
    expect(existsSync(join(dir, 'insatser-1.0.0.csv'))).toBe(true);
    expect(run('insatser.csv', '--from', join(VERSIONS, 'v2')).status).toBe(2);
  });
});
