import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runTsc, tscConsumerCost, writeConsumerProject } from '../../../bench/typescript-consumer.js';
import { jsonSchemaGenerator } from '../../../generators/json-schema/index.js';
import { constantName, constantNames, MAX_UNION_CODES, typeName, typescriptGenerator } from '../../../generators/typescript/index.js';
import { generate, type Code } from '../../../src/index.js';
import { consumerSource, fixtureDir, generateTypes, INVALID, load, tempCatalogue, text } from './helpers.js';

const temps: string[] = [];
const tempDir = (prefix: string): string => {
  const d = mkdtempSync(join(tmpdir(), prefix));
  temps.push(d);
  return d;
};
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

/** Lines of consumer.ts that tsc reported an error on (`--pretty false` prints `file(line,col): error`). */
const errorLines = (output: string): number[] =>
  [...new Set([...output.matchAll(/consumer\.ts\((\d+),\d+\): error/g)].map((m) => Number(m[1])))].sort((a, b) => a - b);

describe('names', () => {
  it('turns kebab-case ids into PascalCase that json-schema-to-typescript keeps as it is', () => {
    expect(typeName('insats')).toBe('Insats');
    expect(typeName('insats-id')).toBe('InsatsId');
    expect(typeName('kommun-barn-och-unga')).toBe('KommunBarnOchUnga');
    expect(typeName('lvu-3a')).toBe('Lvu3A');
    expect(typeName('1177-x')).toBe('Typ1177X');
  });

  it('turns Swedish labels into ASCII upper snake case constants', () => {
    expect(constantName('Bifall')).toBe('BIFALL');
    expect(constantName('Delvis bifall')).toBe('DELVIS_BIFALL');
    expect(constantName('Hemtjänst, serviceinsatser')).toBe('HEMTJANST_SERVICEINSATSER');
    expect(constantName('Åtgärd för öppenvård')).toBe('ATGARD_FOR_OPPENVARD');
    expect(constantName("Côte d'Ivoire")).toBe('COTE_D_IVOIRE');
    expect(constantName('Færøerne')).toBe('FAEROERNE');
    expect(constantName('3 § LVU')).toBe('KOD_3_LVU');
    expect(constantName('—')).toBe('');
  });

  it('makes constant names unique within a classification, keeping the first and appending the code to later ones', () => {
    const code = (c: string, label: string): Code => ({ code: c, label: { sv: label } }) as unknown as Code;
    const codes = [code('0331', 'Heby'), code('1917', 'Heby'), code('x', 'Heby 1917'), code('9', '!!'), code('y', 'Heby')];
    expect([...constantNames(codes).values()]).toEqual(['HEBY', 'HEBY_1917', 'HEBY_1917_X', 'KOD_9', 'HEBY_Y']);
  });
});

describe('typescript generator on the fixture catalogue', async () => {
  const dir = fixtureDir();
  const catalogue = load(dir);
  const { files, diagnostics } = await generateTypes(catalogue);

  it('emits types, codes and their declarations without diagnostics', () => {
    expect(diagnostics).toEqual([]);
    expect(files.map((f) => f.path)).toEqual(['codes.d.ts', 'codes.js', 'types.d.ts', 'types.js']);
  });

  it('declares every record type, submission and classification under its own name, never a numbered one', () => {
    const types = text(files, 'types.d.ts');
    const declared = [...types.matchAll(/^export (?:interface|type) (\w+)/gm)].map((m) => m[1]);
    const expected = [
      ...catalogue.classifications.map((c) => typeName(c.id)),
      ...catalogue.recordTypes.map((rt) => typeName(rt.id)),
      ...catalogue.obligations.flatMap((ob) => [`${typeName(ob.id)}Inlamning`, ...ob.recordTypes.map((x) => typeName(ob.id) + typeName(x.recordType.id))]),
    ];
    expect(declared).toEqual(expected);
    expect(new Set(declared).size).toBe(declared.length);
  });

  it('writes Swedish JSDoc from labels and definitions', () => {
    const types = text(files, 'types.d.ts');
    const rt = catalogue.recordTypes[0]!;
    const at = types.indexOf(`export interface ${typeName(rt.id)} {`);
    const doc = types.slice(types.lastIndexOf('/**', at), at);
    expect(doc).toContain(rt.label.sv);
    expect(doc).toContain(rt.definition.sv.split('\n')[0]);
    const el = rt.elements[0]!.element;
    expect(types.slice(at)).toContain(`   * ${el.label.sv}\n`);
  });

  it('builds the same way alongside the json-schema generator', async () => {
    const both = await generate(catalogue, [jsonSchemaGenerator, typescriptGenerator]);
    const alone = await generate(catalogue, [typescriptGenerator]);
    const pick = (fs: typeof both.value) => fs.filter((f) => f.path.startsWith('typescript/'));
    expect(pick(both.value)).toEqual(pick(alone.value));
  });

  it('is deterministic: two runs, and two loads, give the same bytes', async () => {
    const again = await generateTypes(load(dir));
    const third = await generateTypes(catalogue);
    expect(again.files).toEqual(files);
    expect(third.files).toEqual(files);
    for (const f of files) {
      const s = f.contents as string;
      expect(s.endsWith('\n')).toBe(true);
      expect(s).not.toContain('\r');
      expect(s).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
      expect(s).not.toContain(tmpdir());
      expect(s).not.toMatch(/[ \t]$/m);
    }
  });

  it('runs codes.js: constants, labels and guards agree', async () => {
    const out = tempDir('kodkatalog-ts-run-');
    writeConsumerProject(out, files, 'export {};\n');
    const codes = (await import(pathToFileURL(join(out, 'codes.js')).href)) as Record<string, unknown>;
    for (const c of catalogue.classifications) {
      const n = typeName(c.id);
      const selectable = c.codes.filter((x) => x.selectable);
      const guard = codes[`is${n}`] as (v: unknown) => boolean;
      const constants = codes[n] as Record<string, string>;
      const labels = codes[`${n}Labels`] as Record<string, string>;
      expect(Object.values(constants)).toEqual(selectable.map((x) => x.code));
      expect(Object.isFrozen(constants)).toBe(true);
      for (const x of selectable) {
        expect(guard(x.code)).toBe(true);
        expect(labels[x.code]).toBe(x.label.sv);
      }
      for (const x of c.codes.filter((y) => !y.selectable)) expect(guard(x.code)).toBe(false);
      expect(guard('inte-en-kod')).toBe(false);
      expect(guard(undefined)).toBe(false);
      expect(guard('__proto__')).toBe(false);
    }
  });

  it('compiles in a consumer project with tsc --strict: valid records pass, invalid ones fail', () => {
    const project = tempDir('kodkatalog-ts-consumer-');
    const source = consumerSource(catalogue);
    writeConsumerProject(project, files, source);
    const run = runTsc(project);
    expect(run.output).toBe('');
    expect(run.status).toBe(0);

    // Without the directives every marked line must fail, and only those: the test can fail.
    const stripped = source
      .split('\n')
      .filter((l) => !l.startsWith('// @ts-expect-error'))
      .join('\n');
    writeFileSync(join(project, 'consumer.ts'), stripped);
    const failing = runTsc(project);
    expect(failing.status).not.toBe(0);
    const marked = stripped
      .split('\n')
      .map((l, i) => (l.includes(INVALID) ? i + 1 : 0))
      .filter((n) => n > 0);
    expect(marked.length).toBeGreaterThan(5);
    expect(errorLines(failing.output)).toEqual(marked);
  });
});

describe('a classification with more than 1,000 codes', async () => {
  const codeCount = 5000;
  const csv = ['code;label;selectable', 'G;Grupp;false', ...Array.from({ length: codeCount }, (_, i) => `K${String(i + 1).padStart(5, '0')};Kod ${i + 1};true`)].join('\n') + '\n';
  const dir = tempCatalogue({
    'classifications/stor.yaml': 'id: stor\nlabel:\n  sv: Stor klassifikation\ndefinition:\n  sv: Många koder.\nstatus: active\ncodesFile: stor.csv\n',
    'classifications/stor.csv': csv,
    'data-elements/stor-kod.yaml':
      'id: stor-kod\nlabel:\n  sv: Stor kod\ndefinition:\n  sv: En kod ur den stora klassifikationen.\nstatus: active\nvalueType: code\nclassification: stor\nprivacy:\n  category: none\n',
    'record-types/insats.yaml':
      'id: insats\nlabel:\n  sv: Insats\ndefinition:\n  sv: En beviljad insats.\nstatus: active\nkey: [insats-id]\nelements:\n  - element: insats-id\n    required: required\n  - element: stor-kod\n    required: required\n',
  });
  temps.push(dir);
  const catalogue = load(dir);
  const { files, diagnostics } = await generateTypes(catalogue);

  it('is a branded string type, not a union', () => {
    expect(MAX_UNION_CODES).toBeLessThan(codeCount);
    expect(diagnostics).toEqual([]);
    const types = text(files, 'types.d.ts');
    expect(types).toContain('export type Stor = string & { readonly __brand: "Stor" };');
    expect(types).not.toContain('"K00042"');
    expect(types).toMatch(/"stor-kod": Stor;/);
  });

  it('has a Set-backed guard and labels in the runtime module instead of named constants', async () => {
    const js = text(files, 'codes.js');
    const dts = text(files, 'codes.d.ts');
    expect(js).toContain('export const StorLabels = new Map([');
    expect(js).toContain('const storCodes = new Set(StorLabels.keys());');
    expect(js).not.toContain('export const Stor =');
    expect(dts).toContain('export declare function isStor(value: unknown): value is Stor;');
    expect(dts).not.toContain('export declare const Stor:');

    const out = tempDir('kodkatalog-ts-large-');
    writeConsumerProject(out, files, 'export {};\n');
    const codes = (await import(pathToFileURL(join(out, 'codes.js')).href)) as {
      isStor: (v: unknown) => boolean;
      StorLabels: ReadonlyMap<string, string>;
    };
    expect(codes.isStor('K00042')).toBe(true);
    expect(codes.isStor('K05000')).toBe(true);
    expect(codes.isStor('K05001')).toBe(false);
    expect(codes.isStor('G')).toBe(false);
    expect(codes.isStor('')).toBe(false);
    expect(codes.isStor(42)).toBe(false);
    expect(codes.StorLabels.get('K00042')).toBe('Kod 42');
    expect(codes.StorLabels.size).toBe(codeCount);
  });

  it('type-checks in a consumer: a guarded value passes, a plain string does not', () => {
    const project = tempDir('kodkatalog-ts-large-consumer-');
    writeConsumerProject(project, files, consumerSource(catalogue));
    const run = runTsc(project);
    expect(run.output).toBe('');
    expect(run.status).toBe(0);
  });

  it('can be measured for the benchmark', async () => {
    const cost = await tscConsumerCost(catalogue);
    expect(cost.status).toBe(0);
    expect(cost.declarationBytes).toBeGreaterThan(0);
    expect(cost.tscMs).toBeGreaterThan(0);
  });
});

describe('name collisions', () => {
  const classification = (id: string): string => `id: ${id}\nlabel:\n  sv: Klass ${id}\ndefinition:\n  sv: Test.\nstatus: active\ncodes:\n  - code: a\n    label:\n      sv: A\n`;

  it('reports two classifications with the same type name at the later one, pointing back at the first', async () => {
    const dir = tempCatalogue({ 'classifications/insatstyp-2.yaml': classification('insatstyp-2'), 'classifications/insatstyp2.yaml': classification('insatstyp2') });
    temps.push(dir);
    const result = await generate(load(dir), [typescriptGenerator]);
    expect(result.value.filter((f) => f.path.startsWith('typescript/'))).toEqual([]);
    expect(result.diagnostics).toHaveLength(2); // the type name and the labels constant
    const [d] = result.diagnostics;
    expect(d!.code).toBe('gen/name-collision');
    expect(d!.severity).toBe('error');
    expect(d!.message.sv).toContain('"Insatstyp2"');
    expect(d!.message.sv).toContain('klassifikationen insatstyp-2');
    expect(d!.source).toEqual({ file: join(dir, 'classifications/insatstyp2.yaml'), pointer: '/id', start: { line: 1, column: 5 }, end: { line: 1, column: 15 } });
    expect(d!.related?.[0]?.file).toBe(join(dir, 'classifications/insatstyp-2.yaml'));
    expect(result.diagnostics[1]!.message.sv).toContain('"Insatstyp2Labels"');
  });

  it('reports a record type whose name a classification already has, at the record type', async () => {
    const dir = tempCatalogue({ 'classifications/insats.yaml': classification('insats') });
    temps.push(dir);
    const result = await generate(load(dir), [typescriptGenerator]);
    expect(result.diagnostics.map((d) => [d.code, d.source?.file, d.source?.start.line])).toEqual([['gen/name-collision', join(dir, 'record-types/insats.yaml'), 2]]);
    expect(result.diagnostics[0]!.related?.[0]?.file).toBe(join(dir, 'classifications/insats.yaml'));
  });

  it('reports a name the generated JavaScript itself needs', async () => {
    const dir = tempCatalogue({ 'classifications/set.yaml': classification('set') });
    temps.push(dir);
    const result = await generate(load(dir), [typescriptGenerator]);
    expect(result.diagnostics.map((d) => [d.code, d.message.en])).toEqual([['gen/name-collision', 'The generated name "Set" is already used by "JavaScript". Rename one of them.']]);
    expect(result.diagnostics[0]!.related).toBeUndefined();
  });
});
