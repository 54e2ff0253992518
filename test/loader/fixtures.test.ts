import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkCatalogue } from '../../src/api.js';
import { CODE_COLUMNS } from '../../src/loader/csv-codes.js';
import { KIND_FOLDERS, readCatalogue } from '../../src/loader/load.js';

/** The two valid fixture catalogues: the smallest one and the one that uses every feature. */
const repo = fileURLToPath(new URL('../..', import.meta.url));
const fixtures = join(repo, 'test', 'fixtures', 'catalogues');
const schemaDir = join(repo, 'schema');

type Schema = {
  $ref?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  enum?: unknown[];
  type?: string | string[];
  additionalProperties?: Schema | boolean;
};
const schemaFile = (name: string): Schema & { definitions?: Record<string, Schema> } =>
  JSON.parse(readFileSync(join(schemaDir, name), 'utf8')) as Schema & { definitions?: Record<string, Schema> };
const common = schemaFile('common.schema.json');

function deref(s: Schema): Schema {
  let cur = s;
  while (cur.$ref) {
    const name = cur.$ref.replace(/^(common\.schema\.json)?#\/definitions\//, '');
    const target = common.definitions?.[name];
    if (!target) throw new Error(`unresolved ${cur.$ref}`);
    cur = { ...target, ...Object.fromEntries(Object.entries(cur).filter(([k]) => k !== '$ref')) };
  }
  return cur;
}

// Free-form maps (example records, check names) have no fixed keys to cover.
const FREE_FORM = new Set(['example', 'exampleRecord']);
const isFreeForm = (s: Schema): boolean => s.$ref !== undefined && FREE_FORM.has(s.$ref.replace(/^.*\//, ''));

/**
 * A shared definition (text, source, rule, condition) is covered once for all its uses, so a path
 * through a $ref starts again at the definition's name: "#rule/when/equals".
 */
const through = (s: Schema, path: string): string => (s.$ref ? `#${s.$ref.replace(/^.*\//, '')}` : path);

/** Every key path a schema defines, e.g. "/codes/*\/parent". */
function schemaPaths(s: Schema, path = '', out = new Set<string>()): Set<string> {
  if (isFreeForm(s)) return out;
  const d = deref(s);
  path = through(s, path);
  for (const [k, sub] of Object.entries(d.properties ?? {})) {
    out.add(`${path}/${k}`);
    schemaPaths(sub, `${path}/${k}`, out);
  }
  if (d.items) schemaPaths(d.items, `${path}/*`, out);
  return out;
}

/** The key paths a value uses, and every enum value it uses keyed by the enum's allowed list. */
function used(s: Schema, value: unknown, path: string, paths: Set<string>, enums: Map<string, Set<unknown>>): void {
  if (isFreeForm(s)) return;
  const d = deref(s);
  path = through(s, path);
  if (d.enum) {
    const key = JSON.stringify(d.enum);
    if (!enums.has(key)) enums.set(key, new Set());
    enums.get(key)!.add(value);
  }
  if (Array.isArray(value) && d.items) for (const v of value) used(d.items, v, `${path}/*`, paths, enums);
  if (value && typeof value === 'object' && !Array.isArray(value) && d.properties) {
    for (const [k, v] of Object.entries(value)) {
      const sub = d.properties[k];
      if (!sub) continue;
      paths.add(`${path}/${k}`);
      used(sub, v, `${path}/${k}`, paths, enums);
    }
  }
}

/** Every enum list in a schema, keyed like `used` keys them. */
function schemaEnums(s: Schema, out = new Map<string, unknown[]>()): Map<string, unknown[]> {
  if (isFreeForm(s)) return out;
  const d = deref(s);
  if (d.enum) out.set(JSON.stringify(d.enum), d.enum);
  for (const sub of Object.values(d.properties ?? {})) schemaEnums(sub, out);
  if (d.items) schemaEnums(d.items, out);
  return out;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return yamlFiles(p);
    return /\.ya?ml$/.test(name) ? [p] : [];
  });
}

const kindOfFile = (dir: string, file: string): string => {
  const folder = relative(dir, dirname(file));
  if (folder === '') return 'catalogue';
  return Object.entries(KIND_FOLDERS).find(([, f]) => f === folder)![0];
};

describe.each(['minimal', 'kitchen-sink'])('the %s fixture', (name) => {
  const dir = join(fixtures, name);

  it('checks with no diagnostics at all', () => {
    const { catalogue, diagnostics } = checkCatalogue(dir);
    expect(diagnostics).toEqual([]);
    expect(catalogue).toBeDefined();
  });

  it('starts every YAML file with a schema comment whose path reaches the right schema', () => {
    for (const file of yamlFiles(dir)) {
      const first = readFileSync(file, 'utf8').split('\n')[0]!;
      const m = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
      expect(m, file).not.toBeNull();
      expect(resolve(dirname(file), m![1]!), file).toBe(join(schemaDir, `${kindOfFile(dir, file)}.schema.json`));
    }
  });
});

describe('the minimal fixture', () => {
  it('has one term, one element, one record type, one obligation and the three bound classifications', () => {
    const { catalogue } = checkCatalogue(join(fixtures, 'minimal'));
    const c = catalogue!;
    expect([c.terms.length, c.dataElements.length, c.recordTypes.length, c.obligations.length]).toEqual([1, 1, 1, 1]);
    expect(c.classifications.map((x) => x.id)).toEqual(['aktorstyp', 'lagrum', 'verksamhetsomrade']);
  });
});

describe('the kitchen-sink fixture', () => {
  const dir = join(fixtures, 'kitchen-sink');
  const raw = readCatalogue(dir).value;
  const files = [raw.manifest!, ...raw.entities];
  const kinds = ['catalogue', ...Object.keys(KIND_FOLDERS)];

  it('uses every key the format defines, in every kind of file', () => {
    const missing: string[] = [];
    for (const kind of kinds) {
      const schema = schemaFile(`${kind}.schema.json`);
      const paths = new Set<string>();
      for (const f of files.filter((x) => x.kind === kind)) used(schema, f.document.value, '', paths, new Map());
      for (const p of schemaPaths(schema)) if (!paths.has(p)) missing.push(p.startsWith('#') ? p : `${kind}:${p}`);
    }
    // previousRelease makes check compare with another catalogue (a git tag or a folder); the
    // version-discipline tests own that fixture, so a test catalogue that never changes leaves it out.
    missing.splice(0, missing.length, ...missing.filter((p) => p !== 'catalogue:/previousRelease'));
    // A shared definition counts as covered when any kind of file uses the key.
    const covered = new Set<string>();
    for (const kind of kinds) {
      for (const f of files.filter((x) => x.kind === kind)) used(schemaFile(`${kind}.schema.json`), f.document.value, '', covered, new Map());
    }
    expect([...new Set(missing.filter((p) => !covered.has(p)))]).toEqual([]);
  });

  it('uses every allowed value of every enum, except those that cannot be valid here', () => {
    const seen = new Map<string, Set<unknown>>();
    const all = new Map<string, unknown[]>();
    for (const kind of kinds) {
      const schema = schemaFile(`${kind}.schema.json`);
      schemaEnums(schema, all);
      for (const f of files.filter((x) => x.kind === kind)) used(schema, f.value, '', new Set(), seen);
    }
    // A manifest has one status, and a published one must equal its git tag, which a fixture has
    // not; goals-results is outside the ordinance and always an error.
    const exempt = new Set(['published|["draft","published"]', 'goals-results']);
    const missing = [...all].flatMap(([key, values]) =>
      values.filter((v) => !seen.get(key)?.has(v) && !exempt.has(String(v)) && !exempt.has(`${String(v)}|${key}`)).map((v) => `${String(v)} of ${key}`),
    );
    expect(missing).toEqual([]);
  });

  it('keeps a classification in a CSV file with every column', () => {
    const csv = readFileSync(join(dir, 'classifications', 'kommun.csv'), 'utf8');
    expect(csv.split('\n')[0]!.split(';')).toEqual([...CODE_COLUMNS]);
    expect(csv).toContain('""');
    expect(csv).toMatch(/"[^"\n]*;[^"\n]*"/);
  });

  it('uses every rule shape, value type, allowed privacy category and sensitivity', () => {
    const { catalogue } = checkCatalogue(dir);
    const c = catalogue!;
    expect(new Set(c.rules.map((r) => r.shape)).size).toBe(9);
    expect(new Set(c.dataElements.map((e) => e.valueType)).size).toBe(9);
    expect(new Set(c.dataElements.map((e) => e.privacy!.category))).toEqual(
      new Set(['identity', 'investigation-decision', 'intervention-activity', 'actualisation-cause-ending', 'administrative', 'representative-relative', 'none']),
    );
    expect(new Set(c.dataElements.flatMap((e) => e.privacy!.sensitive))).toEqual(new Set(['health', 'criminal-offence']));
    expect(c.obligations.length).toBeGreaterThanOrEqual(3);
  });

  it('uses only Skatteverket’s test personnummer in examples', () => {
    const testNumbers = new Set(readFileSync(join(repo, 'test', 'fixtures', 'data', 'testpersonnummer.csv'), 'utf8').split(/\r?\n/).slice(1).filter(Boolean));
    const { catalogue } = checkCatalogue(dir);
    const personElements = new Set(catalogue!.dataElements.filter((e) => e.valueType === 'personal-identity-number').map((e) => e.id));
    const values = catalogue!.rules.flatMap((r) =>
      [...(r.examples?.pass ?? []), ...(r.examples?.fail ?? [])].flatMap((rec) => Object.entries(rec).filter(([k]) => personElements.has(k)).map(([, v]) => v)),
    );
    expect(values.length).toBeGreaterThan(0);
    expect(values.filter((v) => !testNumbers.has(v))).toEqual([]);
    // Nor does any other 10- or 12-digit number appear anywhere in the fixture files.
    const strays = yamlFiles(dir)
      .flatMap((f) => readFileSync(f, 'utf8').match(/\b\d{12}\b|\b\d{6}-?\d{4}\b/g) ?? [])
      .filter((v) => !testNumbers.has(v));
    expect(strays).toEqual([]);
  });
});

describe('the invalid fixtures', () => {
  it('start every YAML file with a schema comment that reaches the right schema, except where that is the defect', () => {
    const root = join(fixtures, 'invalid');
    // Files whose first line is the defect under test, or that are not parsed as a catalogue file.
    const exempt = new Set(['yaml-bom/terms/insats.yaml', 'yaml-empty-file/terms/insats.yaml', 'rule-schema-comment-missing/terms/insats.yaml', 'load-unexpected-file/insats.yaml']);
    for (const name of readdirSync(root)) {
      const dir = join(root, name);
      for (const file of yamlFiles(dir)) {
        if (exempt.has(relative(root, file).split(sep).join('/'))) continue;
        const m = /^# yaml-language-server: \$schema=(\S+)\r?\n/.exec(readFileSync(file, 'latin1'));
        expect(m, file).not.toBeNull();
        expect(resolve(dirname(file), m![1]!), file).toBe(join(schemaDir, `${kindOfFile(dir, file)}.schema.json`));
      }
    }
  });
});
