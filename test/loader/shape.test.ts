import { describe, expect, it } from 'vitest';
import { checkShape, yamlLocator, type FileKind } from '../../src/loader/shape.js';
import { parseYaml } from '../../src/loader/yaml.js';

/** Shape-checks a YAML text; returns "code line:column message" per diagnostic. */
function shape(kind: FileKind, text: string): string[] {
  const parsed = parseYaml('f.yaml', text);
  expect(parsed.diagnostics).toEqual([]);
  return checkShape(parsed.value.value, kind, yamlLocator(parsed.value)).map(
    (d) => `${d.code} ${d.source!.start.line}:${d.source!.start.column} ${d.message.sv}`,
  );
}

const manifest = (extra: string): string =>
  `id: k\nlabel:\n  sv: K\nversion: "1.0.0"\nstatus: draft\nlanguages: [sv]\nbindings:\n  legalBasis: a\n  actor: b\n  area: c\n${extra}`;
const term = (extra: string): string => `id: t\nlabel:\n  sv: T\ndefinition:\n  sv: D\nstatus: active\ntermStatus: allowed\n${extra}`;

describe('checkShape', () => {
  it('accepts a valid file', () => {
    expect(shape('catalogue', manifest(''))).toEqual([]);
    expect(shape('term', term(''))).toEqual([]);
  });

  it('names the form a pattern stands for', () => {
    expect(shape('term', term('validFrom: "2027-1-1"\n'))).toEqual(['shape/invalid-format 8:12 Värdet har fel form: det ska vara ett datum ÅÅÅÅ-MM-DD.']);
    expect(shape('term', term('related: [Beslut]\n'))).toEqual([
      'shape/invalid-format 8:11 Värdet har fel form: det ska vara ett id med små bokstäver a-z, siffror och bindestreck (kebab-case).',
    ]);
    expect(shape('catalogue', manifest('').replace('"1.0.0"', '"1.0"'))).toEqual([
      'shape/invalid-format 4:10 Värdet har fel form: det ska vara en version MAJOR.MINOR.PATCH, t.ex. 0.1.0.',
    ]);
    expect(shape('catalogue', manifest('checks:\n  Oanvand: off\n'))).toEqual([
      'shape/invalid-format 12:3 Värdet har fel form: det ska vara namnet på en kontroll, t.ex. rule/unused-element.',
    ]);
    expect(shape('classification', 'id: c\nlabel: {sv: C}\ndefinition: {sv: D}\nstatus: active\ncodesFile: koder.txt\n')).toEqual([
      'shape/invalid-format 5:12 Värdet har fel form: det ska vara ett filnamn som slutar på .csv.',
    ]);
    expect(shape('classification', 'id: c\nlabel: {sv: C}\ndefinition: {sv: D}\nstatus: active\ncodes:\n  - code: "a b"\n    label: {sv: A}\n')).toEqual([
      'shape/invalid-format 6:11 Värdet har fel form: det ska vara en kod utan mellanslag, semikolon eller citattecken.',
    ]);
  });

  it('names a monthDay form in an obligation', () => {
    const ob = [
      'id: o', 'label: {sv: O}', 'definition: {sv: D}', 'status: active', 'actor: a', 'area: b', 'legalBasis: []',
      'recordTypes: [{recordType: r}]', 'period: {kind: snapshot, date: "10-01"}', 'deadline: {kind: fixed, date: "--10-25"}',
      'channel: api', 'formats: [json]', '',
    ].join('\n');
    expect(shape('obligation', ob)).toEqual(['shape/invalid-format 9:32 Värdet har fel form: det ska vara en dag på året --MM-DD.']);
  });

  it('says how to write a number or boolean that must be a string', () => {
    expect(shape('term', term('changeNote: 0114\n'))).toEqual([
      'shape/expected-string 8:13 Värdet 0114 läses som ett tal men ska vara text: skriv "0114" med citattecken.',
    ]);
    expect(shape('term', term('synonyms: [true]\n'))).toEqual([
      'shape/expected-string 8:12 Värdet true läses som sant/falskt men ska vara text: skriv "true" med citattecken.',
    ]);
  });

  it('points a missing property at the object that lacks it, and an unknown one at its key', () => {
    expect(shape('term', term('').replace('termStatus: allowed\n', ''))).toEqual(['shape/missing-property 1:1 Egenskapen "termStatus" saknas.']);
    expect(shape('term', term('comment:\n  sv: K\n  fi: X\n'))).toEqual(['shape/unknown-property 10:3 Egenskapen "fi" finns inte i formatet.']);
  });

  it('lists the allowed values of an enum', () => {
    expect(shape('term', term('').replace('termStatus: allowed', 'termStatus: preferred'))).toEqual([
      'shape/invalid-value 7:13 Ogiltigt värde: tillåtna värden är "recommended", "allowed", "discouraged".',
    ]);
  });

  it('explains other schema problems in words', () => {
    expect(shape('term', term('synonyms: [a, a]\n'))).toEqual(['shape/invalid 8:11 Värdet följer inte formatet: listan innehåller samma värde två gånger.']);
    expect(shape('catalogue', manifest('').replace('[sv]', '[en]'))).toEqual(['shape/invalid 6:12 Värdet följer inte formatet: listan ska innehålla sv.']);
    expect(shape('term', term('').replace('sv: T', 'sv: ""'))).toEqual(['shape/invalid 3:7 Värdet följer inte formatet: får inte vara tom.']);
    expect(shape('catalogue', manifest('').replace('[sv]', 'sv'))).toEqual(['shape/wrong-type 6:12 Fel typ: här ska stå en lista.']);
  });
});
