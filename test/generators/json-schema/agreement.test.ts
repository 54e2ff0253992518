// The generated JSON Schemas give the same verdict in ajv and in a second, independent implementation
// (@cfworker/json-schema) on a corpus of valid and invalid records built from the register's catalogue
// and the kitchen-sink fixture; and the generated validators agree with them wherever JSON Schema can
// state the rule, differing only in the documented ways of `DIVERGENCES`.
import { Validator } from '@cfworker/json-schema';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { jsonSchemaGenerator, LABELS_KEYWORD } from '../../../generators/json-schema/index.js';
import { validatorsGenerator } from '../../../generators/validators/index.js';
import { checkCatalogue, generate, hasErrors, writeOutput, type Catalogue } from '../../../src/index.js';
import { DIVERGENCES, obligationCases, recordTypeCases, validatorsValid, type Case, type Divergence, type Period } from './corpus.js';

const root = resolve(import.meta.dirname, '../../..');
const temps: string[] = [];
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

interface ValidatorsModule {
  validateRecord(recordType: string, record: unknown, options?: { period?: Period; obligation?: string }): { severity: string; code: string }[];
  createSubmissionValidator(obligation: string, options?: { period?: Period }): {
    push(recordType: string, record: unknown): { severity: string; code: string }[];
    finish(): { severity: string; code: string }[];
  };
}

interface Built {
  readonly catalogue: Catalogue;
  readonly schemas: ReadonlyMap<string, Record<string, unknown>>;
  readonly validators: ValidatorsModule;
}

/** Loads a catalogue, generates its schemas, and writes its validators to a folder outside the repository and imports them. */
async function build(dir: string): Promise<Built> {
  const loaded = checkCatalogue(dir);
  if (!loaded.catalogue || hasErrors(loaded.diagnostics)) throw new Error(`${dir} has errors`);
  const result = await generate(loaded.catalogue, [jsonSchemaGenerator, validatorsGenerator]);
  expect(result.diagnostics).toEqual([]);
  const schemas = new Map(
    result.value.filter((f) => f.path.startsWith('json-schema/')).map((f) => [f.path.slice('json-schema/'.length), JSON.parse(String(f.contents)) as Record<string, unknown>]),
  );
  const out = mkdtempSync(join(tmpdir(), 'kodkatalog-agreement-'));
  temps.push(out);
  writeOutput(join(out, 'catalogue'), result.value);
  const validators = (await import(pathToFileURL(join(out, 'catalogue', 'validators', 'index.js')).href)) as ValidatorsModule;
  return { catalogue: loaded.catalogue, schemas, validators };
}

/** ajv in strict mode for draft 2020-12, with the labels annotation registered (as in the json-schema tests). */
function ajvFor(schemas: ReadonlyMap<string, Record<string, unknown>>): (path: string, instance: unknown) => boolean {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  ajv.addKeyword({ keyword: LABELS_KEYWORD, schemaType: 'object' });
  const compiled = new Map([...schemas].map(([p, s]) => [p, ajv.compile(s)]));
  return (path, instance) => compiled.get(path)!(instance);
}

/** @cfworker/json-schema for draft 2020-12, reporting all errors. */
function cfworkerFor(schemas: ReadonlyMap<string, Record<string, unknown>>): (path: string, instance: unknown) => boolean {
  const compiled = new Map([...schemas].map(([p, s]) => [p, new Validator(s, '2020-12', false)]));
  return (path, instance) => compiled.get(path)!.validate(instance).valid;
}

const rejecting = (findings: readonly { severity: string }[]): boolean => findings.some((f) => f.severity === 'error' || f.severity === 'fatal');

/** The validators' verdict on a case: the record alone (under its obligation), or the whole submission. */
function validatorsVerdict(v: ValidatorsModule, c: Case): boolean {
  if (c.rows) {
    const submission = v.createSubmissionValidator(c.obligation!, { period: c.period });
    const findings = c.rows.flatMap((row) => submission.push(String(row.recordType), row));
    return !rejecting([...findings, ...submission.finish()]);
  }
  const record = c.obligation !== undefined ? (c.instance as unknown[])[0] : c.instance;
  const recordType = c.obligation !== undefined && typeof (record as { recordType?: unknown })?.recordType === 'string' ? String((record as { recordType: string }).recordType) : c.recordType;
  return !rejecting(v.validateRecord(recordType, record, { period: c.period, ...(c.obligation !== undefined ? { obligation: c.obligation } : {}) }));
}

const catalogues = [
  ['register', join(root, 'catalogue')],
  ['kitchen-sink', join(root, 'test/fixtures/catalogues/kitchen-sink')],
] as const;

const seen = new Map<Divergence, number>();

for (const [label, dir] of catalogues) {
  describe(`JSON Schema agreement: ${label}`, async () => {
    const built = await build(dir);
    const ajv = ajvFor(built.schemas);
    const cfworker = cfworkerFor(built.schemas);
    const cases = [...recordTypeCases(built.catalogue), ...obligationCases(built.catalogue)];
    for (const c of cases) if (c.divergence) seen.set(c.divergence, (seen.get(c.divergence) ?? 0) + 1);

    it('has a corpus of valid and invalid cases for every record type and obligation', () => {
      expect(cases.length).toBeGreaterThan(100);
      for (const rt of built.catalogue.recordTypes) {
        const own = cases.filter((c) => c.schema === `record-types/${rt.id}.schema.json`);
        expect(own.filter((c) => c.valid).length, rt.id).toBeGreaterThanOrEqual(2);
        expect(own.filter((c) => !c.valid).length, rt.id).toBeGreaterThanOrEqual(5);
      }
      for (const ob of built.catalogue.obligations) {
        const own = cases.filter((c) => c.schema === `obligations/${ob.id}.schema.json`);
        expect(own.filter((c) => c.valid).length, ob.id).toBeGreaterThanOrEqual(2);
        expect(own.filter((c) => !c.valid).length, ob.id).toBeGreaterThanOrEqual(5);
      }
      expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
    });

    it('ajv gives every case the expected verdict', () => {
      const wrong = cases.filter((c) => ajv(c.schema, c.instance) !== c.valid).map((c) => `${c.name} (väntat ${c.valid ? 'giltig' : 'ogiltig'})`);
      expect(wrong).toEqual([]);
    });

    it('@cfworker/json-schema gives the same verdict as ajv for every case', () => {
      const differ = cases.filter((c) => cfworker(c.schema, c.instance) !== ajv(c.schema, c.instance)).map((c) => c.name);
      expect(differ).toEqual([]);
    });

    it('the generated validators agree, except in the documented ways', () => {
      const wrong = cases
        .filter((c) => validatorsVerdict(built.validators, c) !== validatorsValid(c))
        .map((c) => `${c.name} (schema ${c.valid ? 'giltig' : 'ogiltig'}, ${c.divergence ?? 'samma'})`);
      expect(wrong).toEqual([]);
    });
  });
}

describe('the documented differences between the validators and the JSON Schemas', () => {
  it('are each shown by at least one case of the corpus', () => {
    const missing = (Object.keys(DIVERGENCES) as Divergence[]).filter((d) => !seen.has(d));
    expect(missing).toEqual([]);
  });

  it('are each listed in the README', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    for (const d of Object.keys(DIVERGENCES)) expect(readme, d).toContain(`| \`${d}\` |`);
  });
});
