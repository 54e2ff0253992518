// The json-schema generator's output: valid draft 2020-12 in ajv's strict mode, stable ids, Swedish
// titles and descriptions everywhere, no properties beyond the catalogue's, and the row rules that a
// schema can state (and only those: see notInSchema).
import { Ajv2020 } from 'ajv/dist/2020.js';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { allowedCodes, DIALECT, jsonSchemaGenerator, LABELS_KEYWORD, notInSchema, recordDefKey, schemaId, wholeValue } from '../../../generators/json-schema/index.js';
import { checkCatalogue, generate, hasErrors, type Catalogue, type RecordType, type Rule } from '../../../src/index.js';

type Schema = Record<string, unknown>;

const root = resolve(import.meta.dirname, '../../..');
const KITCHEN_SINK = join(root, 'test/fixtures/catalogues/kitchen-sink');
const temps: string[] = [];
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

function load(dir: string): Catalogue {
  const loaded = checkCatalogue(dir);
  if (!loaded.catalogue || hasErrors(loaded.diagnostics)) throw new Error(`${dir} has errors`);
  return loaded.catalogue;
}

async function schemasOf(catalogue: Catalogue): Promise<Map<string, Schema>> {
  const result = await generate(catalogue, [jsonSchemaGenerator]);
  expect(result.diagnostics).toEqual([]);
  return new Map(result.value.filter((f) => f.path.startsWith('json-schema/')).map((f) => [f.path.slice('json-schema/'.length), JSON.parse(String(f.contents)) as Schema]));
}

/** ajv for draft 2020-12 in strict mode (strictSchema, strictTypes, strictRequired, ...), knowing the labels annotation. */
function strictAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  ajv.addKeyword({ keyword: LABELS_KEYWORD, schemaType: 'object', metaSchema: { type: 'object', additionalProperties: { type: 'string' } } });
  return ajv;
}

/** Every subschema of a schema with its JSON pointer. */
function* walk(s: unknown, pointer = ''): Generator<[string, Schema]> {
  if (s === null || typeof s !== 'object' || Array.isArray(s)) return;
  const schema = s as Schema;
  yield [pointer, schema];
  for (const key of ['properties', '$defs']) {
    for (const [k, v] of Object.entries((schema[key] as Schema | undefined) ?? {})) yield* walk(v, `${pointer}/${key}/${k}`);
  }
  for (const key of ['allOf', 'oneOf', 'anyOf']) {
    const list = (schema[key] as unknown[] | undefined) ?? [];
    for (let i = 0; i < list.length; i++) yield* walk(list[i], `${pointer}/${key}/${i}`);
  }
  for (const key of ['items', 'if', 'then', 'else', 'not']) if (schema[key] !== undefined) yield* walk(schema[key], `${pointer}/${key}`);
}

const catalogues = [
  ['register', join(root, 'catalogue')],
  ['kitchen-sink', KITCHEN_SINK],
] as const;

for (const [label, dir] of catalogues) {
  describe(`json-schema generator: ${label}`, async () => {
    const catalogue = load(dir);
    const schemas = await schemasOf(catalogue);
    const recordTypeDoc = (rt: RecordType): Schema => schemas.get(`record-types/${rt.id}.schema.json`)!;
    /** Every row schema: each record type's, and each record type's in each submission. */
    const rows: [string, RecordType, Schema][] = [
      ...catalogue.recordTypes.map((rt): [string, RecordType, Schema] => [`record-types/${rt.id}`, rt, recordTypeDoc(rt)]),
      ...catalogue.obligations.flatMap((ob) =>
        ob.recordTypes.map((x): [string, RecordType, Schema] => [
          `obligations/${ob.id}#${recordDefKey(x.recordType)}`,
          x.recordType,
          (schemas.get(`obligations/${ob.id}.schema.json`)!.$defs as Schema)[recordDefKey(x.recordType)] as Schema,
        ]),
      ),
    ];

    it('writes one schema per record type and one per obligation', () => {
      expect([...schemas.keys()].sort()).toEqual(
        [...catalogue.recordTypes.map((rt) => `record-types/${rt.id}.schema.json`), ...catalogue.obligations.map((ob) => `obligations/${ob.id}.schema.json`)].sort(),
      );
    });

    it("every schema passes ajv's 2020-12 meta-schema and compiles in strict mode", () => {
      for (const [path, schema] of schemas) {
        const ajv = strictAjv();
        expect(schema.$schema, path).toBe(DIALECT);
        expect(ajv.validateSchema(schema), `${path}: ${ajv.errorsText()}`).toBe(true);
        expect(() => ajv.compile(schema), path).not.toThrow();
      }
    });

    it('strict mode is on: without the labels keyword registered, ajv refuses schemas with code lists', () => {
      const withCodes = [...schemas.values()].find((s) => JSON.stringify(s).includes(`"${LABELS_KEYWORD}"`));
      expect(withCodes).toBeDefined();
      expect(() => new Ajv2020({ strict: true }).compile(withCodes!)).toThrow(/unknown keyword/);
    });

    it('has $ids from the catalogue id and major version only, unique and never a file path', () => {
      const major = catalogue.manifest.version.split('.')[0];
      for (const rt of catalogue.recordTypes) expect(recordTypeDoc(rt).$id).toBe(`urn:kodkatalog:${catalogue.manifest.id}:v${major}:record-type:${rt.id}`);
      for (const ob of catalogue.obligations) expect(schemas.get(`obligations/${ob.id}.schema.json`)!.$id).toBe(`urn:kodkatalog:${catalogue.manifest.id}:v${major}:submission:${ob.id}`);
      const ids = [...schemas.values()].map((s) => s.$id as string);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(id).not.toMatch(/\/|\\|\.json|\.ya?ml|catalogue/);
      // No nested $id: every $ref is local to its document.
      for (const [path, schema] of schemas) {
        for (const [pointer, sub] of walk(schema)) {
          if (pointer !== '') expect(sub.$id, `${path}${pointer}`).toBeUndefined();
          if (sub.$ref !== undefined) expect(String(sub.$ref), `${path}${pointer}`).toMatch(/^#\/\$defs\/[a-z0-9-]+$/);
        }
      }
    });

    it('has a Swedish title and description on every record, property and element', () => {
      for (const [path, schema] of schemas) {
        expect(schema.title, path).toEqual(expect.any(String));
        expect(schema.description, path).toEqual(expect.any(String));
        for (const [id, def] of Object.entries(schema.$defs as Schema)) {
          const d = def as Schema;
          expect(d.title, `${path} $defs/${id}`).toEqual(expect.any(String));
          expect(d.description, `${path} $defs/${id}`).toEqual(expect.any(String));
        }
      }
      for (const [name, rt, row] of rows) {
        expect(row.title, name).toBe(rt.label.sv);
        expect(row.description, name).toBe(rt.definition.sv);
        for (const [key, prop] of Object.entries(row.properties as Schema)) {
          const p = prop as Schema;
          expect(p.description, `${name} ${key}`).toEqual(expect.any(String));
          if (key === 'recordType') continue;
          const el = rt.elements.find((e) => e.element.id === key)!.element;
          // The element's definition, then what the record type asks of it ("Uppgiften är obligatorisk.").
          expect(String(p.description).startsWith(`${el.definition.sv} `), `${name} ${key}`).toBe(true);
          expect(String(p.description), `${name} ${key}`).toMatch(/Uppgiften (är|ska)|uppgiften (är|ska)/);
        }
      }
      for (const [path, schema] of schemas) {
        for (const e of catalogue.recordTypes.flatMap((rt) => rt.elements.map((x) => x.element))) {
          const def = (schema.$defs as Schema)[e.id] as Schema | undefined;
          if (!def) continue;
          expect(def.title, `${path} ${e.id}`).toBe(e.label.sv);
          expect(String(def.description).startsWith(e.definition.sv), `${path} ${e.id}`).toBe(true);
        }
      }
    });

    it('forbids properties the catalogue does not define (additionalProperties: false on every record)', () => {
      for (const [name, rt, row] of rows) {
        expect(row.type, name).toBe('object');
        expect(row.additionalProperties, name).toBe(false);
        expect(Object.keys(row.properties as Schema).filter((k) => k !== 'recordType'), name).toEqual(
          name.startsWith('record-types/') ? rt.elements.map((e) => e.element.id) : expect.any(Array),
        );
      }
      for (const ob of catalogue.obligations) {
        const doc = schemas.get(`obligations/${ob.id}.schema.json`)!;
        expect(doc.type).toBe('array');
        for (const x of ob.recordTypes) {
          const row = (doc.$defs as Schema)[recordDefKey(x.recordType)] as Schema;
          expect(Object.keys(row.properties as Schema)).toEqual(['recordType', ...x.elements.map((e) => e.element.id)]);
          expect(row.required).toEqual(expect.arrayContaining(['recordType']));
        }
      }
    });

    it('requires the elements required without a phase, and no other', () => {
      for (const rt of catalogue.recordTypes) {
        const expected = rt.elements.filter((e) => e.required === 'required' && !e.validFrom && !e.validTo).map((e) => e.element.id);
        expect((recordTypeDoc(rt).required as string[] | undefined) ?? [], rt.id).toEqual(expected);
      }
    });

    it('keeps codes as an enum of the codes a reporter may use, with their Swedish labels', () => {
      for (const [path, schema] of schemas) {
        for (const [id, def] of Object.entries(schema.$defs as Schema)) {
          const el = catalogue.recordTypes.flatMap((rt) => rt.elements).find((e) => e.element.id === id)?.element;
          if (!el || !el.classification) continue;
          const d = def as Schema;
          expect(d.enum, `${path} ${id}`).toEqual(allowedCodes(el));
          expect(d[LABELS_KEYWORD], `${path} ${id}`).toEqual(Object.fromEntries(allowedCodes(el).map((c) => [c, el.classification!.codeMap.get(c)!.label.sv])));
        }
      }
    });

    it('anchors every pattern, and carries each element pattern of the catalogue whole', () => {
      for (const [path, schema] of schemas) {
        for (const [pointer, sub] of walk(schema)) {
          if (sub.pattern === undefined) continue;
          const p = String(sub.pattern);
          expect(p.startsWith('^') && p.endsWith('$') && !p.endsWith('\\$'), `${path}${pointer}: ${p}`).toBe(true);
          expect(() => new RegExp(p, 'u')).not.toThrow();
        }
      }
      for (const rt of catalogue.recordTypes) {
        const text = JSON.stringify(recordTypeDoc(rt));
        for (const { element: el } of rt.elements) {
          if (el.constraints.pattern !== undefined) expect(text, `${rt.id} ${el.id}`).toContain(JSON.stringify(wholeValue(el.constraints.pattern)).slice(1, -1));
        }
      }
    });

    it('states every row rule that rejects a row on every day, and lists the others for the validators', () => {
      const check = (name: string, row: Schema, rules: readonly Rule[]): void => {
        const stated = new Map(((row.allOf as Schema[] | undefined) ?? []).map((s) => [String(s.title), s]));
        for (const r of rules) {
          const reason = notInSchema(r);
          const s = stated.get(r.id);
          if (reason !== undefined) {
            expect(s, `${name} ${r.id}`).toBeUndefined();
            expect(String(row.$comment), `${name} ${r.id}`).toContain(`${r.id} (${reason})`);
            continue;
          }
          if (r.shape === 'exactly-one-of' && !r.elements.some((e) => (row.properties as Schema)[e.id] !== undefined)) continue;
          expect(s, `${name} ${r.id}`).toBeDefined();
          expect(s!.description, `${name} ${r.id}`).toBe(r.message.sv);
          switch (r.shape) {
            case 'required-if': {
              const cond = (c: NonNullable<Rule['when']>): Schema =>
                c.equals ? { properties: { [c.element.id]: { enum: c.equals.map((x) => x.code) } }, required: [c.element.id] } : c.present === false ? { not: { properties: { [c.element.id]: true }, required: [c.element.id] } } : { properties: { [c.element.id]: true }, required: [c.element.id] };
              expect(s!.if, `${name} ${r.id}`).toEqual(cond(r.when!));
              expect(s!.then, `${name} ${r.id}`).toEqual(cond(r.then!));
              break;
            }
            case 'exactly-one-of': {
              const ids = r.elements.map((e) => e.id).filter((id) => (row.properties as Schema)[id] !== undefined);
              if (ids.length === 1) expect(s!.required).toEqual(ids);
              else expect((s!.oneOf as Schema[]).map((b) => b.required)).toEqual(ids.map((id) => [id]));
              break;
            }
            case 'range': {
              const p = (s!.properties as Schema)[r.elements[0]!.id] as Schema;
              expect(p.minimum).toBe(r.minimum);
              expect(p.maximum).toBe(r.maximum);
              break;
            }
          }
        }
        // Nothing else is stated: every allOf entry is one of these rules.
        for (const id of stated.keys()) expect(rules.some((r) => r.id === id && notInSchema(r) === undefined), `${name} ${id}`).toBe(true);
      };
      for (const rt of catalogue.recordTypes) check(rt.id, recordTypeDoc(rt), rt.rules);
      for (const ob of catalogue.obligations) {
        const doc = schemas.get(`obligations/${ob.id}.schema.json`)!;
        for (const x of ob.recordTypes) {
          const ids = new Set(x.elements.map((e) => e.element.id));
          const touches = (r: Rule): boolean => [...r.elements, ...r.groupBy, ...(r.when ? [r.when.element] : []), ...(r.then ? [r.then.element] : [])].every((e) => ids.has(e.id));
          const rules = [...x.recordType.rules.filter((r) => r.shape === 'exactly-one-of' || touches(r)), ...ob.rules.filter((r) => touches(r) && r.target?.recordType !== x.recordType)];
          check(`${ob.id}/${x.recordType.id}`, (doc.$defs as Schema)[recordDefKey(x.recordType)] as Schema, rules);
        }
      }
    });
  });
}

describe('json-schema generator: rules in the fixtures', async () => {
  const register = await schemasOf(load(join(root, 'catalogue')));
  const kitchen = await schemasOf(load(KITCHEN_SINK));
  const rule = (doc: Schema, id: string): Schema | undefined => ((doc.allOf as Schema[] | undefined) ?? []).find((s) => s.title === id);

  it('states a required-if whose requirement is a code as an enum on the required element', () => {
    const s = rule(register.get('record-types/beslut.schema.json')!, 'beslut-lss-insats-kraver-lss')!;
    expect(s.then).toEqual({ properties: { lagrum: { enum: ['lss-1993-387'] } }, required: ['lagrum'] });
  });

  it('states an exactly-one-of as oneOf of required, narrowed to the elements an obligation asks for', () => {
    expect(rule(kitchen.get('record-types/insats.schema.json')!, 'insats-timmar-eller-belopp')!.oneOf).toEqual([
      { properties: { 'antal-timmar': true }, required: ['antal-timmar'] },
      { properties: { belopp: true }, required: ['belopp'] },
    ]);
    const narrowed = (kitchen.get('obligations/kommun-bistand-manad.schema.json')!.$defs as Schema)['post-insats'] as Schema;
    expect(rule(narrowed, 'insats-timmar-eller-belopp')).toMatchObject({ required: ['belopp'] });
  });

  it("states an obligation's own range rule in its submission schema", () => {
    const row = (kitchen.get('obligations/kommun-bistand-manad.schema.json')!.$defs as Schema)['post-insats'] as Schema;
    expect(rule(row, 'bistand-belopp-positivt')).toMatchObject({ properties: { belopp: { type: 'number', minimum: 0 } } });
    expect(rule(kitchen.get('record-types/insats.schema.json')!, 'bistand-belopp-positivt')).toBeUndefined();
  });

  it('leaves warnings and phased rules to the validators, naming them in $comment', () => {
    const insats = kitchen.get('record-types/insats.schema.json')!;
    expect(rule(insats, 'insats-kontaktperson-kraver-timmar')).toBeUndefined();
    expect(rule(insats, 'insats-overklagat-kraver-beslutsdatum')).toBeUndefined();
    expect(insats.$comment).toContain('insats-kontaktperson-kraver-timmar (varning)');
    expect(insats.$comment).toContain('insats-overklagat-kraver-beslutsdatum (gäller från 2028-01-01)');
    expect(insats.$comment).toContain('insats-id-unikt (jämför poster)');
  });
});

describe('json-schema generator: $id stability', () => {
  async function idsWithVersion(version: string): Promise<string[]> {
    const dir = mkdtempSync(join(tmpdir(), 'kodkatalog-schema-id-'));
    temps.push(dir);
    cpSync(KITCHEN_SINK, dir, { recursive: true });
    const manifest = join(dir, 'catalogue.yaml');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace(/^version: .*$/m, `version: "${version}"`));
    return [...(await schemasOf(load(dir))).values()].map((s) => String(s.$id));
  }

  it('keeps every $id for a minor or patch version and from another folder, and changes it with the major version', async () => {
    const catalogue = load(KITCHEN_SINK);
    const [major] = catalogue.manifest.version.split('.');
    const original = [...(await schemasOf(catalogue)).values()].map((s) => String(s.$id));
    expect(await idsWithVersion(`${major}.99.0`)).toEqual(original);
    expect(await idsWithVersion(`${Number(major) + 1}.0.0`)).toEqual(original.map((id) => id.replace(`:v${major}:`, `:v${Number(major) + 1}:`)));
  });

  it('schemaId names the kind and the entity', () => {
    const catalogue = load(KITCHEN_SINK);
    expect(schemaId(catalogue, 'record-type', 'insats')).toBe('urn:kodkatalog:kitchen-sink:v2:record-type:insats');
    expect(schemaId(catalogue, 'submission', 'kommun-ar')).toBe('urn:kodkatalog:kitchen-sink:v2:submission:kommun-ar');
  });
});
