// Shared by the typescript generator tests: catalogues in temporary folders, the generator's files,
// and a consumer.ts written from the catalogue so the tests follow the fixture as it grows.
import { cpSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { typeName, constantNames, isLargeClassification } from '../../../generators/typescript/index.js';
import { checkCatalogue, generate, hasErrors, type Catalogue, type Diagnostic, type GeneratedFile, type RecordElement, type RecordType } from '../../../src/index.js';
import { typescriptGenerator } from '../../../generators/typescript/index.js';
import { allowedCodes } from '../../../generators/json-schema/index.js';

/** The richest catalogue available: kitchen-sink, else minimal, else the register's own. */
export function fixtureDir(): string {
  const candidates = ['test/fixtures/catalogues/kitchen-sink', 'test/fixtures/catalogues/minimal', 'catalogue'];
  return candidates.find((d) => existsSync(join(d, 'catalogue.yaml'))) ?? 'catalogue';
}

/** Loads and checks a catalogue, failing loudly when the fixture itself has errors. */
export function load(dir: string): Catalogue {
  const loaded = checkCatalogue(dir);
  if (!loaded.catalogue || hasErrors(loaded.diagnostics)) {
    throw new Error(`fixture ${dir} has errors: ${loaded.diagnostics.map((d) => `${d.code} ${d.source?.file ?? ''}`).join('; ')}`);
  }
  return loaded.catalogue;
}

/** Copies the minimal fixture to a temporary folder and adds or replaces files (path → contents). */
export function tempCatalogue(extra: Readonly<Record<string, string>>): string {
  const dir = mkdtempSync(join(tmpdir(), 'kodkatalog-ts-cat-'));
  cpSync('test/fixtures/catalogues/minimal', dir, { recursive: true });
  for (const [path, contents] of Object.entries(extra)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), contents);
  }
  return dir;
}

/** Runs only the typescript generator; returns its files with paths relative to its folder. */
export async function generateTypes(catalogue: Catalogue): Promise<{ files: GeneratedFile[]; diagnostics: readonly Diagnostic[] }> {
  const result = await generate(catalogue, [typescriptGenerator]);
  const files = result.value
    .filter((f) => f.path.startsWith('typescript/'))
    .map((f) => ({ path: f.path.slice('typescript/'.length), contents: f.contents }));
  return { files, diagnostics: result.diagnostics };
}

/** Contents of one generated file as text. */
export function text(files: readonly GeneratedFile[], path: string): string {
  const f = files.find((x) => x.path === path);
  if (!f) throw new Error(`no ${path} among ${files.map((x) => x.path).join(', ')}`);
  return typeof f.contents === 'string' ? f.contents : Buffer.from(f.contents).toString('utf8');
}

/** Marks a statement that tsc must reject; the strip test finds the lines by it. */
export const INVALID = '/* ogiltig */';

/** A TypeScript expression of a valid value for an element, given a variable per large classification. */
function validValue(e: RecordElement): string {
  const el = e.element;
  switch (el.valueType) {
    case 'integer':
    case 'decimal':
      return String(el.constraints.minimum ?? 1);
    case 'boolean':
      return 'true';
    case 'date':
      return '"2027-01-01"';
    case 'code':
    case 'municipality-code': {
      const c = el.classification!;
      if (isLargeClassification(c)) return `large${typeName(c.id)}`;
      return JSON.stringify(allowedCodes(el)[0]);
    }
    default:
      return '"a"';
  }
}

const obj = (entries: readonly [string, string][]): string => `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${v}`).join(', ')} }`;

/** Elements the schema requires on every row: required and not limited to a phase. */
const requiredNow = (elements: readonly RecordElement[]): RecordElement[] => elements.filter((e) => e.required === 'required' && !e.validFrom && !e.validTo);

/** Valid and invalid records of one row type, one statement a line so `@ts-expect-error` covers it. */
function rowCases(typeRef: string, varName: string, rt: RecordType, elements: readonly RecordElement[], recordType: boolean): string[] {
  const head: [string, string][] = recordType ? [['recordType', JSON.stringify(rt.id)]] : [];
  const all: [string, string][] = [...head, ...elements.map((e): [string, string] => [e.element.id, validValue(e)])];
  const minimal: [string, string][] = [...head, ...requiredNow(elements).map((e): [string, string] => [e.element.id, validValue(e)])];
  const lines = [`export const ${varName}Full: ${typeRef} = ${obj(all)};`, `export const ${varName}Min: ${typeRef} = ${obj(minimal)};`];
  const bad = (suffix: string, entries: readonly [string, string][]): void => {
    lines.push('// @ts-expect-error: tsc must reject this record', `export const ${varName}${suffix}: ${typeRef} = ${obj(entries)}; ${INVALID}`);
  };
  bad('Extra', [...minimal, ['inte-en-uppgift', '"x"']]);
  const required = requiredNow(elements)[0];
  if (required) bad('Missing', minimal.filter(([k]) => k !== required.element.id));
  const coded = elements.find((e) => e.element.valueType === 'code' || e.element.valueType === 'municipality-code');
  if (coded) bad('BadCode', [...minimal.filter(([k]) => k !== coded.element.id), [coded.element.id, '"inte-en-kod"']]);
  const numeric = elements.find((e) => ['integer', 'decimal', 'boolean'].includes(e.element.valueType));
  if (numeric) bad('BadType', [...minimal.filter(([k]) => k !== numeric.element.id), [numeric.element.id, '"text"']]);
  if (recordType) bad('BadRecordType', [['recordType', '"inte-en-posttyp"'], ...minimal.slice(1)]);
  return lines;
}

/**
 * A consumer.ts over the whole catalogue: constants and labels of every classification, a guard
 * for every large one, a full and a minimal valid record of every record type and submission row,
 * and invalid ones (an unknown field, a missing required element, a non-code, a wrong type, a wrong
 * record type), each marked with `@ts-expect-error` and {@link INVALID}.
 */
export function consumerSource(catalogue: Catalogue): string {
  const lines = [`import type * as types from './types.js';`, `import * as codes from './codes.js';`, ''];
  for (const c of catalogue.classifications) {
    const n = typeName(c.id);
    const codes = c.codes.filter((x) => x.selectable);
    if (isLargeClassification(c)) {
      // A vendor gets a branded value only through the guard.
      const code = JSON.stringify(codes[0]!.code);
      lines.push(
        `const raw${n}: string = ${code};`,
        `if (!codes.is${n}(raw${n})) throw new Error('guard');`,
        `export const large${n}: types.${n} = raw${n};`,
        `export const label${n}: string | undefined = codes.${n}Labels.get(large${n});`,
        '// @ts-expect-error: a plain string is not a branded code',
        `export const plain${n}: types.${n} = ${code}; ${INVALID}`,
      );
    } else if (codes.length > 0) {
      const first = codes[0]!;
      const constant = constantNames(codes).get(first)!;
      lines.push(
        `export const const${n}: types.${n} = codes.${n}.${constant};`,
        `export const sameType${n}: codes.${n} = const${n};`,
        `export const label${n}: ${JSON.stringify(first.label.sv)} = codes.${n}Labels[codes.${n}.${constant}];`,
        `export const guarded${n}: boolean = codes.is${n}(${JSON.stringify(first.code)});`,
        '// @ts-expect-error: not a code of the classification',
        `export const bad${n}: types.${n} = "inte-en-kod"; ${INVALID}`,
      );
    }
  }
  lines.push('');
  for (const rt of catalogue.recordTypes) lines.push(...rowCases(`types.${typeName(rt.id)}`, `rt${typeName(rt.id)}`, rt, rt.elements, false));
  for (const ob of catalogue.obligations) {
    const sub = `types.${typeName(ob.id)}Inlamning`;
    const rows: string[] = [];
    for (const x of ob.recordTypes) {
      const rowType = `types.${typeName(ob.id)}${typeName(x.recordType.id)}`;
      const v = `ob${typeName(ob.id)}${typeName(x.recordType.id)}`;
      lines.push(...rowCases(rowType, v, x.recordType, x.elements, true));
      rows.push(`${v}Full`, `${v}Min`);
    }
    lines.push(`export const ob${typeName(ob.id)}: ${sub} = [${rows.join(', ')}];`);
  }
  return lines.join('\n') + '\n';
}
