// The built folder as an npm package: package.json and README.md from the package generator, packed
// with `npm pack`, installed from the tarball into an empty folder outside the repository with no
// network and an empty npm cache, then used from there with plain Node and type-checked with tsc.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTsc } from '../../../bench/typescript-consumer.js';
import { GENERATORS } from '../../../generators/index.js';
import { packageGenerator, packageName } from '../../../generators/package/index.js';
import { checkCatalogue, generate, hasErrors, MANIFEST_FILE, verifyOutput, writeOutput, type BuildManifest, type Catalogue, type GeneratedFile } from '../../../src/index.js';

const root = resolve(import.meta.dirname, '../../..');
const KITCHEN_SINK = join(root, 'test/fixtures/catalogues/kitchen-sink');
const PNR = '200001012384';

function load(dir: string): Catalogue {
  const loaded = checkCatalogue(dir);
  if (!loaded.catalogue || hasErrors(loaded.diagnostics)) throw new Error(`${dir} has errors`);
  return loaded.catalogue;
}

const text = (files: readonly GeneratedFile[], path: string): string => String(files.find((f) => f.path === path)!.contents);

/**
 * Runs npm offline: `--offline` makes it use the cache only, the cache is an empty folder of its
 * own, and the registry an address where nothing listens, so any download would fail.
 */
function npm(args: readonly string[], cwd: string, cache: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync('npm', [...args, '--offline', '--no-audit', '--no-fund', '--cache', cache, '--registry', 'http://127.0.0.1:9/'], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, npm_config_update_notifier: 'false' },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the package generator', async () => {
  const catalogue = load(KITCHEN_SINK);
  const built = await generate(catalogue, GENERATORS);
  const pkg = JSON.parse(text(built.value, 'package.json')) as Record<string, unknown>;

  it('writes package.json and README.md at the root, listed in the manifest', () => {
    expect(built.diagnostics).toEqual([]);
    const manifest = JSON.parse(text(built.value, MANIFEST_FILE)) as BuildManifest;
    expect(manifest.generators.at(-1)).toBe('package');
    expect(manifest.files.map((f) => f.path)).toEqual(expect.arrayContaining(['package.json', 'README.md']));
  });

  it('names the package after the catalogue and versions it with the catalogue', () => {
    expect(pkg).toMatchObject({ name: '@kodkatalog/kitchen-sink', version: catalogue.manifest.version, type: 'module' });
    expect(packageName(catalogue)).toBe(pkg.name);
    expect(pkg.dependencies).toBeUndefined();
    expect(pkg.scripts).toBeUndefined();
  });

  it('exports validators, types, codes, schemas, code lists and concept maps, and packs no docs', () => {
    expect(pkg.exports).toEqual({
      '.': { types: './validators/index.d.ts', default: './validators/index.js' },
      './validators': { types: './validators/index.d.ts', default: './validators/index.js' },
      './types': { types: './typescript/types.d.ts', default: './typescript/types.js' },
      './codes': { types: './typescript/codes.d.ts', default: './typescript/codes.js' },
      './schemas/*': './json-schema/*',
      './code-lists/*': './code-lists/*',
      './concept-maps/*': './concept-maps/*',
      './package.json': './package.json',
    });
    expect(pkg.files).toEqual(['validators/', 'typescript/', 'json-schema/', 'code-lists/', 'concept-maps/', 'README.md']);
    // Every export points at a file (or, for a pattern, a folder) that the build wrote.
    const paths = built.value.map((f) => f.path);
    for (const target of Object.values(pkg.exports as Record<string, unknown>).flatMap((v) => (typeof v === 'string' ? [v] : Object.values(v as object)))) {
      const t = String(target).slice(2);
      expect(t.endsWith('*') ? paths.some((p) => p.startsWith(t.slice(0, -1))) : paths.includes(t), t).toBe(true);
    }
  });

  it('leaves out the parts whose generator wrote nothing, and is deterministic', async () => {
    const minimal = load(join(root, 'test/fixtures/catalogues/minimal'));
    const a = await generate(minimal, GENERATORS, { only: ['package'] });
    const b = await generate(load(join(root, 'test/fixtures/catalogues/minimal')), GENERATORS, { only: ['package'] });
    expect(a.value).toEqual(b.value);
    const wrote = (g: string): boolean => a.value.some((f) => f.path.startsWith(`${g}/`));
    const exports = Object.keys((JSON.parse(text(a.value, 'package.json')) as { exports: object }).exports);
    expect(exports.includes('./concept-maps/*')).toBe(wrote('concept-maps'));
    expect(a.value.some((f) => f.path.startsWith('docs/'))).toBe(false);
  });

  it('describes itself in three lines, like every generator', () => {
    expect(packageGenerator.description.split('\n')).toHaveLength(3);
  });
});

describe('a vendor installs the packed package and uses it with nothing else installed', () => {
  let work: string;
  let consumer: string;
  let packed: { filename: string; files: { path: string }[] };

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'kodkatalog-package-'));
    const out = join(work, 'catalogue');
    const built = await generate(load(KITCHEN_SINK), GENERATORS);
    writeOutput(out, built.value);
    expect(verifyOutput(out)).toEqual([]);
    const cache = join(work, 'npm-cache');
    mkdirSync(cache);
    const pack = npm(['pack', '--json', '--pack-destination', work], out, cache);
    expect(pack.status, pack.stderr).toBe(0);
    packed = (JSON.parse(pack.stdout) as (typeof packed)[])[0]!;
    // A vendor's project: an empty folder outside the repository, nothing installed above it.
    consumer = join(work, 'leverantor');
    mkdirSync(consumer);
    writeFileSync(join(consumer, 'package.json'), `${JSON.stringify({ name: 'leverantor', private: true, type: 'module' }, null, 2)}\n`);
    const install = npm(['install', join(work, packed.filename)], consumer, cache);
    expect(install.status, install.stderr).toBe(0);
  }, 120_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('packs the vendor artifacts and their README, without the docs site or the manifest', () => {
    expect(packed.filename).toBe('kodkatalog-kitchen-sink-2.1.2.tgz');
    const paths = packed.files.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['package.json', 'README.md', 'validators/index.js', 'validators/engine/engine.js', 'typescript/types.d.ts', 'json-schema/record-types/insats.schema.json', 'code-lists/insatstyp.csv']));
    expect(paths.filter((p) => p.startsWith('docs/') || p === MANIFEST_FILE)).toEqual([]);
    expect(consumer.startsWith(root)).toBe(false);
    const lock = JSON.parse(readFileSync(join(consumer, 'package-lock.json'), 'utf8')) as { packages: Record<string, unknown> };
    // The package and nothing else: no dependency was fetched.
    expect(Object.keys(lock.packages).sort()).toEqual(['', 'node_modules/@kodkatalog/kitchen-sink']);
  });

  it('imports the validators, codes, schemas and code lists with plain Node and validates records', () => {
    const main = [
      "import { validateInsats, validateRecord } from '@kodkatalog/kitchen-sink';",
      "import * as validators from '@kodkatalog/kitchen-sink/validators';",
      "import { Insatstyp, InsatstypLabels, isInsatstyp } from '@kodkatalog/kitchen-sink/codes';",
      "import schema from '@kodkatalog/kitchen-sink/schemas/record-types/insats.schema.json' with { type: 'json' };",
      "import codes from '@kodkatalog/kitchen-sink/code-lists/insatstyp.json' with { type: 'json' };",
      `const valid = { 'insats-id': 'a1', personnummer: '${PNR}', insatstyp: Insatstyp.HEMTJANST, startdatum: '2027-02-01', 'antal-timmar': 10 };`,
      `const invalid = { ...valid, personnummer: '${PNR.slice(0, 11)}5', insatstyp: 'inte-en-kod', okand: 1 };`,
      'console.log(JSON.stringify({',
      '  valid: validateInsats(valid),',
      '  invalid: validateInsats(invalid).map((e) => [e.code, e.field]),',
      "  byName: validateRecord('insats', valid, { period: '2027-02' }),",
      '  same: validators.validateInsats === validateInsats,',
      '  label: InsatstypLabels[Insatstyp.HEMTJANST],',
      "  guard: [isInsatstyp('hemtjanst'), isInsatstyp('x')],",
      '  schema: schema.$id,',
      '  codes: typeof codes,',
      '}));',
    ].join('\n');
    writeFileSync(join(consumer, 'main.mjs'), `${main}\n`);
    const r = spawnSync(process.execPath, ['main.mjs'], { cwd: consumer, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(result).toEqual({
      valid: [],
      invalid: [
        ['unknown-field', 'okand'],
        ['personal-identity-number', 'personnummer'],
        ['code', 'insatstyp'],
      ],
      byName: [],
      same: true,
      label: 'Hemtjänst',
      guard: [true, false],
      schema: 'urn:kodkatalog:kitchen-sink:v2:record-type:insats',
      codes: 'object',
    });
  });

  it('type-checks a consumer against the installed types with tsc --strict', () => {
    const consumerTs = [
      "import type { Insats, KommunLssOktoberInlamning } from '@kodkatalog/kitchen-sink/types';",
      "import { Insatstyp, InsatstypLabels } from '@kodkatalog/kitchen-sink/codes';",
      "import { validateInsats, createSubmissionValidator, type ValidationError } from '@kodkatalog/kitchen-sink/validators';",
      `export const ok: Insats = { 'insats-id': 'a1', personnummer: '${PNR}', insatstyp: Insatstyp.HEMTJANST, startdatum: '2027-02-01', 'antal-timmar': 10 };`,
      "export const submission: KommunLssOktoberInlamning = [{ recordType: 'insats', ...ok }];",
      '// @ts-expect-error: not a code of Insatstyp',
      "export const badCode: Insats = { ...ok, insatstyp: 'inte-en-kod' };",
      '// @ts-expect-error: an element the catalogue does not define',
      'export const extra: Insats = { ...ok, okand: 1 };',
      'export const errors: ValidationError[] = validateInsats(ok);',
      'export const label: string = InsatstypLabels[Insatstyp.HEMTJANST];',
      "export const pending = createSubmissionValidator('kommun-lss-oktober', { period: '2027-10-01' }).finish();",
    ].join('\n');
    writeFileSync(join(consumer, 'consumer.ts'), `${consumerTs}\n`);
    const tsconfig = {
      compilerOptions: { strict: true, noEmit: true, target: 'ES2022', lib: ['ES2022'], module: 'NodeNext', moduleResolution: 'NodeNext', skipLibCheck: false, types: [] },
      files: ['consumer.ts'],
    };
    writeFileSync(join(consumer, 'tsconfig.json'), `${JSON.stringify(tsconfig, null, 2)}\n`);
    const run = runTsc(consumer);
    expect(run.output).toBe('');
    expect(run.status).toBe(0);
  });
});
