// Benchmark of `kodkatalog build`: the register catalogue and a catalogue with one classification of
// 50,000 codes, whole and without the docs site, beside what json-schema-to-typescript alone needs
// for the same 50,000-value enum schema (the yardstick: the whole build within 2x of it), and
// what a consumer's `tsc --strict` costs on the generated types. Each measurement runs in its own
// process, so that module loading, JIT warm-up and peak RSS belong to that measurement alone.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GENERATORS } from '../generators/index.js';
import { jsonSchemaGenerator } from '../generators/json-schema/index.js';
import { checkCatalogue } from '../src/api.js';
import { generate, writeOutput } from '../src/build/run.js';
import type { Generator } from '../src/build/types.js';
import { packageRoot } from '../src/paths.js';
import { writeLargeCatalogue } from './fixtures.js';
import { tscConsumerCost, type ConsumerCost } from './typescript-consumer.js';

const CODES = 50_000;
/** Runs per compared figure (the 50,000-code builds and json-schema-to-typescript alone). */
const RUNS = 3;

/** One build: its phases and each generator's share, in milliseconds. */
interface BuildMeasurement {
  readonly ms: number;
  readonly checkMs: number;
  readonly generateMs: number;
  readonly writeMs: number;
  readonly generators: Readonly<Record<string, number>>;
  readonly files: number;
  readonly bytes: number;
  readonly peakRssMb: number;
}

interface J2tsMeasurement {
  readonly ms: number;
  readonly importMs: number;
  readonly bytes: number;
  readonly peakRssMb: number;
}

const peakRssMb = (): number => process.resourceUsage().maxRSS / 1024;

/** Wraps each generator so that its own time is recorded; the runner, manifest and writing are the rest. */
function timed(generators: readonly Generator[], times: Record<string, number>): Generator[] {
  return generators.map((g) => ({
    ...g,
    async generate(catalogue, context) {
      const t0 = performance.now();
      const result = await g.generate(catalogue, context);
      times[g.name] = (times[g.name] ?? 0) + performance.now() - t0;
      return result;
    },
  }));
}

/** `kodkatalog build` as the command does it: check the catalogue, run the generators, replace the output folder. */
async function measureBuild(dir: string, withDocs: boolean): Promise<BuildMeasurement> {
  const out = mkdtempSync(join(tmpdir(), 'kodkatalog-bench-build-'));
  try {
    const t0 = performance.now();
    const loaded = checkCatalogue(dir);
    const t1 = performance.now();
    const times: Record<string, number> = {};
    const only = GENERATORS.map((g) => g.name).filter((n) => withDocs || n !== 'docs');
    const result = await generate(loaded.catalogue!, timed(GENERATORS, times), { only });
    const t2 = performance.now();
    writeOutput(join(out, 'catalogue'), result.value);
    const t3 = performance.now();
    return {
      ms: t3 - t0,
      checkMs: t1 - t0,
      generateMs: t2 - t1,
      writeMs: t3 - t2,
      generators: times,
      files: result.value.length,
      bytes: result.value.reduce((n, f) => n + Buffer.byteLength(f.contents), 0),
      peakRssMb: peakRssMb(),
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/**
 * json-schema-to-typescript alone on the large classification's element schema as the json-schema
 * generator writes it (a 50,000-value enum with labels), loading the module included, as a
 * developer would run it by hand.
 */
async function measureJ2ts(dir: string, format: boolean): Promise<J2tsMeasurement> {
  const loaded = checkCatalogue(dir);
  const result = await generate(loaded.catalogue!, [jsonSchemaGenerator]);
  const doc = JSON.parse(String(result.value.find((f) => f.path === 'json-schema/record-types/rad.schema.json')!.contents)) as { $defs: Record<string, object> };
  const schema = { ...doc.$defs.diagnoskod, title: 'Diagnos' };
  const t0 = performance.now();
  const { compile } = await import('json-schema-to-typescript');
  const t1 = performance.now();
  const ts = await compile(schema, 'Diagnos', { format, bannerComment: '' });
  const t2 = performance.now();
  return { ms: t2 - t0, importMs: t1 - t0, bytes: Buffer.byteLength(ts), peakRssMb: peakRssMb() };
}

async function measureTsc(dir: string): Promise<ConsumerCost> {
  return tscConsumerCost(checkCatalogue(dir).catalogue!);
}

/** Runs one measurement in this process (called in a child). */
async function measure(kind: string, dir: string): Promise<unknown> {
  switch (kind) {
    case 'build':
      return measureBuild(dir, true);
    case 'build-no-docs':
      return measureBuild(dir, false);
    case 'j2ts-format':
      return measureJ2ts(dir, true);
    case 'j2ts-no-format':
      return measureJ2ts(dir, false);
    case 'tsc':
      return measureTsc(dir);
    default:
      throw new Error(`unknown measurement ${kind}`);
  }
}

function child<T>(kind: string, dir: string): T {
  const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), kind, dir], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(out) as T;
}

/** The run with the median time of `n` runs, each in its own process: the ratio below compares medians, not one noisy run with another. */
function median<T extends { readonly ms: number }>(kind: string, dir: string, n = RUNS): T {
  const runs = Array.from({ length: n }, () => child<T>(kind, dir)).sort((a, b) => a.ms - b.ms);
  return runs[Math.floor(n / 2)]!;
}

const ms = (n: number): string => `${n.toFixed(0).padStart(6)} ms`;
const mb = (n: number): string => `${(n / 1e6).toFixed(1)} MB`;

function buildLine(name: string, m: BuildMeasurement): string[] {
  const parts = Object.entries(m.generators)
    .map(([g, t]) => `${g} ${t.toFixed(0)}`)
    .join(', ');
  return [
    `  ${name.padEnd(44)} ${ms(m.ms)}  ${m.peakRssMb.toFixed(0).padStart(5)} MB topp-RSS  (${m.files} filer, ${mb(m.bytes)})`,
    `      kontroll ${m.checkMs.toFixed(0)} ms, generatorer ${m.generateMs.toFixed(0)} ms (${parts}), skriva ${m.writeMs.toFixed(0)} ms`,
  ];
}

function tscLine(name: string, c: ConsumerCost): string {
  const kb = `${(c.declarationBytes / 1024).toFixed(0)} kB .d.ts`;
  const status = c.status === 0 ? '' : `; tsc misslyckades: ${c.output.split('\n')[0]}`;
  return `  ${name.padEnd(44)} ${ms(c.tscMs)}  (typkontroll ${c.checkMs.toFixed(0)} ms; bara import: ${c.baselineMs.toFixed(0)} ms, typkontroll ${c.baselineCheckMs.toFixed(0)} ms; ${kb}${status})`;
}

/** Prints build times beside json-schema-to-typescript alone, and a consumer's tsc cost. */
export function benchBuild(): void {
  const large = mkdtempSync(join(tmpdir(), 'kodkatalog-bench-large-'));
  try {
    writeLargeCatalogue(large, CODES);
    const register = join(packageRoot(), 'catalogue');
    const regBuild = child<BuildMeasurement>('build', register);
    const regNoDocs = child<BuildMeasurement>('build-no-docs', register);
    const bigBuild = median<BuildMeasurement>('build', large);
    const bigNoDocs = median<BuildMeasurement>('build-no-docs', large);
    const j2tsOn = median<J2tsMeasurement>('j2ts-format', large);
    const j2tsOff = median<J2tsMeasurement>('j2ts-no-format', large);
    console.log(`\nBygga (kodkatalog build: kontrollera, generera, skriva; ${CODES} koder och json-schema-to-typescript: median av ${RUNS} körningar)`);
    for (const line of [
      ...buildLine('registrets katalog, alla generatorer', regBuild),
      ...buildLine('registrets katalog utan docs', regNoDocs),
      ...buildLine(`${CODES} koder, alla generatorer`, bigBuild),
      ...buildLine(`${CODES} koder utan docs`, bigNoDocs),
    ]) {
      console.log(line);
    }
    console.log(`  json-schema-to-typescript ensamt, ${CODES} värden i en enum:`);
    console.log(`    med formatering (prettier)${' '.repeat(17)} ${ms(j2tsOn.ms)}  ${j2tsOn.peakRssMb.toFixed(0).padStart(5)} MB topp-RSS  (import ${j2tsOn.importMs.toFixed(0)} ms, ${mb(j2tsOn.bytes)} TypeScript)`);
    console.log(`    utan formatering${' '.repeat(27)} ${ms(j2tsOff.ms)}  ${j2tsOff.peakRssMb.toFixed(0).padStart(5)} MB topp-RSS  (import ${j2tsOff.importMs.toFixed(0)} ms)`);
    const ratio = (a: BuildMeasurement, b: J2tsMeasurement): string => `${(a.ms / b.ms).toFixed(2)}x`;
    console.log(
      `  kvot bygget / json-schema-to-typescript (mål högst 2x): alla generatorer ${ratio(bigBuild, j2tsOn)} med formatering, ${ratio(bigBuild, j2tsOff)} utan; utan docs ${ratio(bigNoDocs, j2tsOn)} och ${ratio(bigNoDocs, j2tsOff)}`,
    );
    const regTsc = child<ConsumerCost>('tsc', register);
    const bigTsc = child<ConsumerCost>('tsc', large);
    console.log('\nTypeScript hos en konsument (tsc --strict --skipLibCheck på typerna, med kod som använder varje klassifikation)');
    console.log(tscLine('registrets typer', regTsc));
    console.log(tscLine(`${CODES} koder (märkt sträng, inte union)`, bigTsc));
  } finally {
    rmSync(large, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2]) {
  process.stdout.write(JSON.stringify(await measure(process.argv[2], process.argv[3] ?? '')));
}
