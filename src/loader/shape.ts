import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import standalone from 'ajv/dist/standalone/index.js';
import { diagnostic, type FormatName, type JsonType, type ShapeProblem } from '../diagnostics/messages.js';
import type { Diagnostic, SourceLocation } from '../diagnostics/types.js';
import { packageRoot } from '../paths.js';
import { locate, sourceText, toPointer, pointerSegments, type RawDocument } from './yaml.js';

/** The kinds of file in a catalogue, each with its format schema in schema/<kind>.schema.json. */
export type FileKind = 'catalogue' | 'term' | 'classification' | 'data-element' | 'record-type' | 'obligation';

export const FILE_KINDS: readonly FileKind[] = ['catalogue', 'term', 'classification', 'data-element', 'record-type', 'obligation'];

type Validators = Map<FileKind | 'code', ValidateFunction>;

let validators: Validators | undefined;

/** Where `npm run compile` leaves the format schemas compiled to code (see `precompileFormatSchemas`). */
const PRECOMPILED = ['dist', 'format-schemas.cjs'];

const SCHEMA_NAMES = ['common.schema.json', ...FILE_KINDS.map((k) => `${k}.schema.json`)];

/** The format schemas' texts and a hash of them, so precompiled code is used only while it matches. */
function schemaSources(): { texts: Map<string, string>; hash: string } {
  const dir = join(packageRoot(), 'schema');
  const texts = new Map(SCHEMA_NAMES.map((n) => [n, readFileSync(join(dir, n), 'utf8')]));
  const hash = createHash('sha256');
  for (const [n, t] of texts) hash.update(n).update('\0').update(t).update('\0');
  return { texts, hash: hash.digest('hex') };
}

function compileWithAjv(texts: ReadonlyMap<string, string>, source: boolean): { ajv: Ajv; refs: Record<string, string> } {
  const ajv = new Ajv({ inlineRefs: false, code: { optimize: false, source }, allErrors: true, strict: true, allowUnionTypes: true });
  // Keys equal the file names so the schemas' relative $refs resolve as they do in an editor.
  for (const [name, text] of texts) ajv.addSchema(JSON.parse(text) as object, name);
  const refs: Record<string, string> = Object.fromEntries(FILE_KINDS.map((k) => [k, `${k}.schema.json`]));
  // One code of a classification: also the shape of each row of a CSV codes file.
  refs.code = 'classification.schema.json#/properties/codes/items';
  return { ajv, refs };
}

/**
 * Compiling the format schemas with ajv costs more than loading a whole catalogue, so `npm run
 * compile` writes them as code once; the loader uses that code while the schemas are unchanged.
 */
export function precompileFormatSchemas(): void {
  const { texts, hash } = schemaSources();
  const { ajv, refs } = compileWithAjv(texts, true);
  const code = standalone.default(ajv, refs) + `\nmodule.exports.schemaHash = ${JSON.stringify(hash)};\n`;
  writeFileSync(join(packageRoot(), ...PRECOMPILED), code);
}

function compile(): Validators {
  if (validators) return validators;
  const { texts, hash } = schemaSources();
  const file = join(packageRoot(), ...PRECOMPILED);
  if (existsSync(file)) {
    const compiled = createRequire(import.meta.url)(file) as Record<string, ValidateFunction> & { schemaHash: string };
    if (compiled.schemaHash === hash) {
      validators = new Map([...FILE_KINDS, 'code' as const].map((k) => [k, compiled[k]!]));
      return validators;
    }
  }
  const { ajv, refs } = compileWithAjv(texts, false);
  validators = new Map(Object.entries(refs).map(([k, ref]) => [k as FileKind | 'code', ajv.getSchema(ref)!]));
  return validators;
}


let forms: Map<string, FormatName> | undefined;

/**
 * The form each named pattern of the format schema stands for, keyed by the pattern itself:
 * ajv's schemaPath does not name the definition when refs are not inlined, the pattern always is.
 */
function patternForms(): Map<string, FormatName> {
  if (forms) return forms;
  const dir = join(packageRoot(), 'schema');
  type S = { definitions?: Record<string, { pattern?: string }>; properties?: Record<string, { pattern?: string; propertyNames?: { pattern?: string } }> };
  const load = (name: string): S => JSON.parse(readFileSync(join(dir, name), 'utf8')) as S;
  const common = load('common.schema.json').definitions ?? {};
  const catalogue = load('catalogue.schema.json').properties ?? {};
  const classification = load('classification.schema.json').properties ?? {};
  const pairs: [string | undefined, FormatName][] = [
    [common.id?.pattern, 'id'],
    [common.code?.pattern, 'code'],
    [common.date?.pattern, 'date'],
    [common.monthDay?.pattern, 'monthDay'],
    [catalogue.version?.pattern, 'version'],
    [classification.codesFile?.pattern, 'fileName'],
    [catalogue.checks?.propertyNames?.pattern, 'checkName'],
  ];
  forms = new Map(pairs.filter((x): x is [string, FormatName] => x[0] !== undefined));
  return forms;
}

/** Finds where a JSON pointer of a checked value is in its source file. */
export interface Locator {
  /** The location of the value (or of the key holding it). */
  locate(pointer: string, target?: 'value' | 'key'): SourceLocation;
  /** The value's text as written, when known. */
  text(pointer: string): string | undefined;
}

/** A locator for a parsed YAML file. */
export function yamlLocator(raw: RawDocument): Locator {
  return { locate: (pointer, target) => locate(raw, pointer, target), text: (pointer) => sourceText(raw, pointer) };
}

/** Checks a parsed file against its kind's format schema; errors point at the key or value concerned. */
export function checkShape(value: unknown, kind: FileKind | 'code', where: Locator): Diagnostic[] {
  const validate = compile().get(kind)!;
  if (validate(value)) return [];
  const errors = validate.errors ?? [];
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    const d = toDiagnostic(value, where, e);
    if (!d) continue;
    const k = `${d.code}|${d.source?.pointer}|${d.message.sv}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(d);
  }
  return out;
}

function toDiagnostic(root: unknown, where: Locator, e: ErrorObject): Diagnostic | undefined {
  const path = e.instancePath;
  const p = e.params as Record<string, unknown>;
  // ajv also reports each item that fails a `contains` subschema; the contains error says it all.
  if (e.schemaPath.includes('/contains/')) return undefined;
  switch (e.keyword) {
    case 'type': {
      const expected = String(p.type).split(',')[0] as JsonType;
      const value = valueAt(root, path);
      if (expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')) {
        return diagnostic('shape/expected-string', { text: where.text(path) ?? String(value), kind: typeof value }, where.locate(path));
      }
      return diagnostic('shape/wrong-type', { expected }, where.locate(path));
    }
    case 'required':
      return diagnostic('shape/missing-property', { property: String(p.missingProperty) }, where.locate(path, path === '' ? 'value' : 'key'));
    case 'additionalProperties':
      return diagnostic('shape/unknown-property', { property: String(p.additionalProperty) }, where.locate(path + toPointer([String(p.additionalProperty)]), 'key'));
    case 'enum':
      return diagnostic('shape/invalid-value', { allowed: (p.allowedValues as unknown[]).map(String) }, where.locate(path));
    case 'pattern': {
      const form = patternForms().get(String(p.pattern)) ?? 'other';
      const name = (e as ErrorObject & { propertyName?: string }).propertyName;
      if (name !== undefined) return diagnostic('shape/invalid-format', { format: form }, where.locate(path + toPointer([name]), 'key'));
      return diagnostic('shape/invalid-format', { format: form }, where.locate(path));
    }
    case 'propertyNames':
      return undefined; // the nested pattern error says it better
    default: {
      const [problem, limit] = problemOf(e);
      return diagnostic('shape/invalid', { problem, ...(limit === undefined ? {} : { limit }) }, where.locate(path));
    }
  }
}

function problemOf(e: ErrorObject): [ShapeProblem, number?] {
  const p = e.params as { limit?: number };
  switch (e.keyword) {
    case 'minLength':
      return ['empty'];
    case 'maxLength':
      return ['too-long', p.limit];
    case 'minItems':
      return ['too-few-items', p.limit];
    case 'uniqueItems':
      return ['duplicate-items'];
    case 'minimum':
      return ['too-small', p.limit];
    case 'maximum':
      return ['too-large', p.limit];
    case 'contains':
      return ['missing-sv'];
    default:
      return ['other'];
  }
}

function valueAt(value: unknown, pointer: string): unknown {
  let v = value;
  for (const seg of pointerSegments(pointer)) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[seg];
  }
  return v;
}
