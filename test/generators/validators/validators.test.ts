import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE_MODULES, modelModule, pascalCase, stringifyModel, validatorName, validatorsGenerator } from '../../../generators/validators/index.js';
import { MODEL_VERSION } from '../../../src/validate/engine/model.js';
import { readModelModule } from '../../../src/validate/model-module.js';
import { buildValidationModel, generate, loadCatalogue, writeOutput, type Catalogue, type GeneratedFile } from '../../../src/index.js';

const root = resolve(import.meta.dirname, '..', '..', '..');
const fixtures = ['kitchen-sink', 'minimal'].map((f) => join(root, 'test', 'fixtures', 'catalogues', f));
const FIXTURE = fixtures.find((d) => existsSync(join(d, 'catalogue.yaml'))) ?? join(root, 'catalogue');

/** Skatteverket test personnummer (../shared/data/testpersonnummer.csv). */
const PNR_A = '200001012384';
const PNR_B = '200001011493';
const PNR_WRONG = `${PNR_A.slice(0, 11)}5`;

function load(dir: string): Catalogue {
  const loaded = loadCatalogue(dir);
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return loaded.catalogue!;
}

async function build(catalogue: Catalogue): Promise<{ files: GeneratedFile[]; diagnostics: readonly { code: string }[] }> {
  const result = await generate(catalogue, [validatorsGenerator]);
  return { files: result.value, diagnostics: result.diagnostics };
}

const textOf = (f: GeneratedFile): string => (typeof f.contents === 'string' ? f.contents : Buffer.from(f.contents).toString('utf8'));

/** Module specifiers of static imports, re-exports, bare imports and dynamic imports. */
function specifiers(text: string): string[] {
  return [...text.matchAll(/\bfrom\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

describe('the validators generator', () => {
  let catalogue: Catalogue;
  let files: GeneratedFile[];
  let out: string;
  // The generated module, imported from a folder outside the repository with nothing installed.
  let mod: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

  beforeAll(async () => {
    catalogue = load(FIXTURE);
    const built = await build(catalogue);
    expect(built.diagnostics).toEqual([]);
    files = built.files;
    out = mkdtempSync(join(tmpdir(), 'kodkatalog-validators-'));
    writeOutput(join(out, 'dist'), files);
    mod = (await import(pathToFileURL(join(out, 'dist', 'validators', 'index.js')).href)) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  });

  afterAll(() => {
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it('emits the engine, the model, the module, its types and a package.json', () => {
    const paths = files.map((f) => f.path).filter((p) => p.startsWith('validators/'));
    expect(paths).toEqual(
      [
        ...ENGINE_MODULES.flatMap((m) => [`validators/engine/${m}.d.ts`, `validators/engine/${m}.js`]),
        'validators/index.d.ts',
        'validators/index.js',
        'validators/model.d.ts',
        'validators/model.js',
        'validators/package.json',
      ].sort(),
    );
    expect(JSON.parse(textOf(files.find((f) => f.path === 'validators/package.json')!))).toEqual({ type: 'module' });
  });

  it('copies every module of the engine', () => {
    const modules = readdirSync(join(root, 'src', 'validate', 'engine'))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => f.slice(0, -3))
      .sort();
    expect([...ENGINE_MODULES]).toEqual(modules);
  });

  it('runs from a folder with no node_modules anywhere above it', () => {
    for (let dir = out; ; dir = dirname(dir)) {
      expect(existsSync(join(dir, 'node_modules')), `${dir}/node_modules`).toBe(false);
      if (dirname(dir) === dir) break;
    }
    expect(out.startsWith(root)).toBe(false);
  });

  it('needs nothing at run time: no require(, no package imports, no ajv', () => {
    const generated = files.filter((f) => f.path.startsWith('validators/'));
    for (const f of generated) {
      const text = textOf(f);
      expect(text, f.path).not.toMatch(/\brequire\s*\(/);
      expect(specifiers(text).filter((s) => !s.startsWith('./')), f.path).toEqual([]);
    }
    // index.js imports the model and the engine; its JSDoc types refer to index.d.ts.
    expect(new Set(specifiers(textOf(files.find((f) => f.path === 'validators/index.js')!)))).toEqual(new Set(['./model.js', './engine/index.js', './index.js']));
  });

  it('exports validate<RecordType> for every record type, and the submission validator', () => {
    for (const rt of catalogue.recordTypes) expect(typeof mod[validatorName(rt)], rt.id).toBe('function');
    expect(typeof mod.createSubmissionValidator).toBe('function');
    expect(Object.keys(mod.validators as object)).toEqual(catalogue.recordTypes.map((r) => r.id).sort());
    expect(mod.model).toEqual(buildValidationModel(catalogue));
  });

  const kitchenSink = FIXTURE.endsWith('kitchen-sink');

  it.runIf(kitchenSink)('accepts a valid record', () => {
    const valid = { 'insats-id': 'a1', personnummer: PNR_A, insatstyp: 'hemtjanst', startdatum: '2027-02-01', 'antal-timmar': '10' };
    expect(mod.validateInsats(valid)).toEqual([]);
    expect(mod.validateRecord('insats', { ...valid, 'antal-timmar': 10 })).toEqual([]);
  });

  it.runIf(kitchenSink)('reports an invalid record in Swedish, field by field and rule by rule, without its values', () => {
    const invalid = {
      'insats-id': 'a1',
      personnummer: PNR_WRONG,
      insatstyp: 'kontaktperson-vuxen',
      startdatum: '2027-06-01',
      slutdatum: '2027-05-01',
      belopp: '10,5',
      'extra-falt': PNR_B,
    };
    const errors = mod.validateInsats(invalid) as { code: string; field: string | undefined; message: string; severity: string; ruleId: string }[];
    expect(errors.map(({ code, field, message }) => ({ code, field, message }))).toEqual([
      { code: 'unknown-field', field: 'extra-falt', message: 'Fältet "extra-falt" ingår inte i posttypen Insats. Uppgifter som inte efterfrågas får inte lämnas.' },
      { code: 'personal-identity-number', field: 'personnummer', message: 'Personnummer har fel kontrollsiffra.' },
      { code: 'decimal-comma', field: 'belopp', message: 'Belopp har decimalkomma. Använd punkt som decimaltecken, t.ex. 12.50.' },
      { code: 'required-if', field: 'antal-timmar', message: 'Antal timmar ska anges för kontaktperson.' },
      { code: 'date-order', field: 'slutdatum', message: 'Slutdatum ligger före startdatum.' },
      { code: 'code-valid-on-date', field: 'insatstyp', message: 'Insatstypen gällde inte på startdatum.' },
    ]);
    expect(errors.map((e) => [e.ruleId, e.severity])).toEqual([
      ['unknown-field', 'error'],
      ['personal-identity-number', 'error'],
      ['decimal-comma', 'error'],
      ['insats-kontaktperson-kraver-timmar', 'warning'],
      ['insats-slut-efter-start', 'error'],
      ['insats-kod-giltig', 'error'],
    ]);
    const text = JSON.stringify(errors);
    for (const n of [PNR_A, PNR_B, PNR_WRONG]) {
      expect(text).not.toContain(n);
      expect(text).not.toContain(n.slice(2));
    }
  });

  it.runIf(kitchenSink)('checks a whole submission: rows as they come, keys and references at the end, by row', () => {
    const s = mod.createSubmissionValidator('kommun-bistand-manad', { period: '2027-03' });
    const insats = { 'insats-id': 'a1', personnummer: PNR_B, insatstyp: 'hemtjanst', startdatum: '2027-03-01', belopp: '100.50' };
    expect(s.push('person', { personnummer: PNR_A, kommun: '0114' })).toEqual([]);
    expect(s.push('insats', insats)).toEqual([]);
    expect(s.push('insats', { ...insats, personnummer: PNR_A })).toEqual([]);
    const end = s.finish() as { ruleId: string; row: number; field: string; message: string }[];
    expect(end.map(({ ruleId, row, field, message }) => ({ ruleId, row, field, message }))).toEqual([
      { ruleId: 'insats-person-finns', row: 2, field: 'personnummer', message: 'Personen finns inte bland inlämningens personposter.' },
      { ruleId: 'bistand-insats-har-person', row: 2, field: 'personnummer', message: 'Insatsen gäller en person som inte rapporterats.' },
      { ruleId: 'insats-id-unikt', row: 3, field: 'insats-id', message: 'Samma insats-id förekommer två gånger.' },
    ]);
    expect(end[2]).toEqual({
      code: 'unique-key',
      ruleId: 'insats-id-unikt',
      severity: 'fatal',
      recordType: 'insats',
      row: 3,
      field: 'insats-id',
      message: 'Samma insats-id förekommer två gånger.',
      messageEn: 'The same intervention id appears twice.',
      related: 2,
    });
    expect(JSON.stringify(end)).not.toContain(PNR_B);
    expect(() => mod.createSubmissionValidator('finns-inte')).toThrow(RangeError);
  });

  it('gives types a consumer can compile against with tsc --strict, nothing installed', () => {
    const rt = catalogue.recordTypes[0]!;
    const ob = catalogue.obligations[0]!;
    const consumer = [
      "import { createSubmissionValidator, validators, type SubmissionError, type ValidationError } from './dist/validators/index.js';",
      `import { ${validatorName(rt)} } from './dist/validators/index.js';`,
      `const errors: ValidationError[] = ${validatorName(rt)}({ a: '1' }, { period: '2027-03' });`,
      `const s = createSubmissionValidator(${JSON.stringify(ob.id)}, { period: '2027' });`,
      "const more: SubmissionError[] = [...s.push('x', {}), ...s.finish()];",
      `validators[${JSON.stringify(rt.id)}]({});`,
      '// @ts-expect-error: not an obligation of the catalogue',
      "createSubmissionValidator('finns-inte');",
      '// @ts-expect-error: the message is a string',
      'const n: number = errors[0]!.message;',
      'export { errors, more, n };',
      '',
    ].join('\n');
    writeFileSync(join(out, 'consumer.ts'), consumer);
    writeFileSync(join(out, 'package.json'), '{ "type": "module" }\n');
    writeFileSync(
      join(out, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { strict: true, noEmit: true, target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2022'], types: [], skipLibCheck: false }, files: ['consumer.ts'] }),
    );
    let output = '';
    try {
      execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(out, 'tsconfig.json')], { encoding: 'utf8' });
    } catch (e) {
      output = String((e as { stdout?: string }).stdout ?? e);
    }
    expect(output).toBe('');
  });

  it('is deterministic', async () => {
    const again = await build(load(FIXTURE));
    expect(again.files.map((f) => [f.path, textOf(f)])).toEqual(files.map((f) => [f.path, textOf(f)]));
  });
});

describe('names', () => {
  it('turns ids into PascalCase function names', () => {
    expect(pascalCase('insats')).toBe('Insats');
    expect(pascalCase('ekonomiskt-bistand')).toBe('EkonomisktBistand');
    expect(validatorName({ id: 'vardnadshavare' })).toBe('validateVardnadshavare');
  });

  it('reports two record types that would share a name at the later one, and still builds', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kodkatalog-validators-cat-'));
    try {
      cpSync(join(root, 'test', 'fixtures', 'catalogues', 'minimal'), dir, { recursive: true });
      const insats = readFileSync(join(dir, 'record-types', 'insats.yaml'), 'utf8');
      mkdirSync(join(dir, 'record-types'), { recursive: true });
      writeFileSync(join(dir, 'record-types', 'post-1.yaml'), insats.replace('id: insats', 'id: post-1'));
      writeFileSync(join(dir, 'record-types', 'post1.yaml'), insats.replace('id: insats', 'id: post1'));
      const catalogue = load(dir);
      const { files, diagnostics } = await build(catalogue);
      expect(diagnostics).toEqual([
        expect.objectContaining({
          code: 'gen/name-collision',
          severity: 'error',
          message: {
            sv: 'Namnet "validatePost1" i genererad kod används redan av "posttypen post-1". Byt id på en av dem.',
            en: 'The generated name "validatePost1" is already used by "posttypen post-1". Rename one of them.',
          },
          source: expect.objectContaining({ file: expect.stringMatching(/post1\.yaml$/), start: { line: 2, column: 5 } }),
        }),
      ]);
      expect(textOf(files.find((f) => f.path === 'validators/index.js')!)).toContain('export function validatePost1(');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the model file', () => {
  it('is JSON.parse of the laid-out JSON, line by line, and gives back the model whatever its text holds', async () => {
    const tricky = "a'b\"c\\d\\\\`e${f}\ng\r\th\u2028i\u2029j åäö \u{1F600} \\'";
    const model = { modelVersion: MODEL_VERSION, texts: [tricky, '', "'", '\\', '\\\n'], nested: { pattern: '^[0-9]{4}\\d$', list: Array.from({ length: 40 }, (_, i) => ({ code: `K${i}'` })) } };
    const text = modelModule(model as never, '// header');
    expect(text.split('\n').slice(0, 3)).toEqual(['// header', "export default JSON.parse('{\\", `  "modelVersion": ${MODEL_VERSION},\\`]);
    expect(text.endsWith("}');\n")).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'kodkatalog-model-js-'));
    try {
      writeFileSync(join(dir, 'model.mjs'), text);
      const loaded = ((await import(pathToFileURL(join(dir, 'model.mjs')).href)) as { default: unknown }).default;
      expect(loaded).toEqual(model);
      // Read back as data (kodkatalog validate --release), it is the same model.
      expect(readModelModule(text)).toEqual(model);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is read as data only in the form the build writes: no other escape, no bare quote, nothing after the call', () => {
    const model = { modelVersion: MODEL_VERSION, texts: ["it's", 'a\\b'] };
    const text = modelModule(model as never, '// header');
    expect(readModelModule(text)).toEqual(model);
    expect(readModelModule(text.replace("it\\'s", 'it\\x27s'))).toBeUndefined();
    expect(readModelModule(text.replace("it\\'s", "it's"))).toBeUndefined();
    expect(readModelModule(`${text}globalThis.x = 1;\n`)).toBeUndefined();
    expect(readModelModule(text.replace("export default JSON.parse('", 'export default ('))).toBeUndefined();
    expect(readModelModule(text.replace('"texts"', '"texts",'))).toBeUndefined();
  });

  it('prints small objects on one line and the rest indented', () => {
    expect(stringifyModel({ a: [{ code: '01' }, { code: '02', validTo: '2027-12-31' }], b: { c: { d: 1 } } })).toBe(
      ['{', '  "a": [', '    {"code":"01"},', '    {"code":"02","validTo":"2027-12-31"}', '  ],', '  "b": {', '    "c": {"d":1}', '  }', '}'].join('\n'),
    );
  });

  it('prints a long list as lines of up to 100 characters, which read back as the list', () => {
    const list = Array.from({ length: 300 }, (_, i) => i * 1001);
    const lines = stringifyModel({ list }).split('\n').slice(2, -2);
    expect(lines.length).toBeGreaterThan(20);
    expect(lines.every((l) => l.startsWith('    ') && l.trimStart().replace(/,$/, '').length <= 100)).toBe(true);
    expect(JSON.parse(`[${lines.join('')}]`)).toEqual(list);
  });

  it('breaks a long text of codes after spaces into lines of up to 100 characters, which read back as the text', () => {
    const codes = Array.from({ length: 300 }, (_, i) => `K${i}.${'x'.repeat(i % 13)}\\'`).join(' ');
    const text = stringifyModel({ codes });
    const lines = text.split('\n');
    expect(lines.length).toBeGreaterThan(40);
    expect(lines.slice(1, -2).every((l) => l.endsWith(' '))).toBe(true);
    expect(lines.slice(2, -1).every((l) => l.length <= 100)).toBe(true);
    expect(JSON.parse(lines.join(''))).toEqual({ codes });
    // A short text stays on its line, spaces and all.
    expect(stringifyModel({ codes: 'a b c', label: { sv: 'x'.repeat(200) } }).split('\n')[1]).toBe('  "codes": "a b c",');
    const model = { modelVersion: MODEL_VERSION, codes };
    expect(readModelModule(modelModule(model as never))).toEqual(model);
  });
});
