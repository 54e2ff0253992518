// What a consumer's `tsc --strict` costs on the typescript generator's output: writes the generated
// types and code module into a throwaway project with a consumer.ts, runs this package's own tsc there
// as a child process and times it. Used by the benchmark and by the consumer-compile tests.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { typescriptGenerator, typeName, isLargeClassification } from '../generators/typescript/index.js';
import { generate, type Catalogue, type GeneratedFile } from '../src/index.js';

/** The TypeScript compiler this package pins (devDependency), so a measurement does not depend on what else is installed. */
export function tscPath(): string {
  return createRequire(import.meta.url).resolve('typescript/bin/tsc');
}

/**
 * Compiler options of the consumer project: a vendor's strict ESM setup. `skipLibCheck` is off so the
 * generated .d.ts files are checked too; `types: []` keeps stray @types packages out.
 */
export const CONSUMER_TSCONFIG = {
  compilerOptions: {
    strict: true,
    noEmit: true,
    target: 'ES2022',
    lib: ['ES2022'],
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    skipLibCheck: false,
    types: [],
  },
  files: ['consumer.ts'],
};

/**
 * Writes a consumer project: the generator's files (paths relative to its folder), consumer.ts,
 * tsconfig.json and a package.json that makes the folder ESM (codes.js is an ES module).
 */
export function writeConsumerProject(dir: string, files: readonly GeneratedFile[], consumer: string): void {
  for (const f of files) {
    const target = join(dir, ...f.path.split('/'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, f.contents);
  }
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }, null, 2) + '\n');
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(CONSUMER_TSCONFIG, null, 2) + '\n');
  writeFileSync(join(dir, 'consumer.ts'), consumer);
}

/** Result of one `tsc` run. */
export interface TscRun {
  /** Exit code of tsc (0: no errors). */
  readonly status: number | null;
  /** What tsc printed (diagnostics). */
  readonly output: string;
  /** Wall time of the tsc process in milliseconds, start-up included. */
  readonly ms: number;
  /** tsc's own "Check time" in milliseconds, when run with `--extendedDiagnostics`. */
  readonly checkMs?: number;
}

/** Runs `tsc -p dir` with the pinned compiler in a child process. */
export function runTsc(dir: string, extraArgs: readonly string[] = []): TscRun {
  const start = performance.now();
  const r = spawnSync(process.execPath, [tscPath(), '-p', join(dir, 'tsconfig.json'), '--pretty', 'false', ...extraArgs], { encoding: 'utf8' });
  const ms = performance.now() - start;
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  const check = /^Check time:\s+([0-9.]+)s$/m.exec(output);
  return { status: r.status, output, ms, ...(check ? { checkMs: Number(check[1]) * 1000 } : {}) };
}

/**
 * A consumer that makes tsc work on every classification type the way vendor code does: widening
 * to string, a `Record` keyed by the codes (a mapped type over every literal), and assigning one
 * union-typed array to another (a union-to-union comparison). This is the pattern that took 25 s on
 * a 50,000-literal union; with a branded type it stays flat.
 */
export function stressConsumer(catalogue: Catalogue): string {
  const lines = [`import type * as types from './types.js';`, `import * as codes from './codes.js';`, ''];
  for (const c of catalogue.classifications) {
    const n = typeName(c.id);
    lines.push(
      `export const widen${n} = (v: types.${n}): string => v;`,
      `export type ByCode${n} = Record<types.${n}, string>;`,
      `export const all${n}: types.${n}[] = [];`,
      `export const some${n}: Exclude<types.${n}, 'inte-en-kod'>[] = all${n};`,
      isLargeClassification(c)
        ? `export const label${n}: string | undefined = codes.${n}Labels.get('x');`
        : `export const label${n}: string = codes.${n}Labels[all${n}[0]!];`,
    );
  }
  return lines.join('\n') + '\n';
}

/** What {@link tscConsumerCost} measured. */
export interface ConsumerCost {
  /** Time of the typescript generator alone (json-schema builders included), ms. */
  readonly generateMs: number;
  /** Wall time of the consumer's `tsc --strict --noEmit`, ms (includes ~1–2 s of tsc start-up). */
  readonly tscMs: number;
  /** tsc's own type-checking time for the consumer (`--extendedDiagnostics` "Check time"), ms: the figure that grew to 25 s with a 50,000-literal union. */
  readonly checkMs: number;
  /** Wall time of tsc on a consumer that only imports the modules: the baseline to subtract. */
  readonly baselineMs: number;
  /** Check time of that baseline, ms. */
  readonly baselineCheckMs: number;
  /** Bytes of types.d.ts and codes.d.ts together. */
  readonly declarationBytes: number;
  /** tsc's exit code for the stress consumer (should be 0). */
  readonly status: number | null;
  /** tsc's output when it failed. */
  readonly output: string;
}

/**
 * Measures what the generated types cost a consumer: generates the typescript output for a
 * catalogue, compiles {@link stressConsumer} (or `consumer`) with `tsc --strict` in a temporary
 * project, and compares with a consumer that only imports the modules (tsc start-up and reading
 * the declarations): `tscMs - baselineMs` is what the consumer's use of the types costs. Prints
 * nothing; the benchmark prints the figures beside json-schema-to-typescript's own time.
 */
export async function tscConsumerCost(catalogue: Catalogue, consumer?: string): Promise<ConsumerCost> {
  const start = performance.now();
  const result = await generate(catalogue, [typescriptGenerator]);
  const generateMs = performance.now() - start;
  const prefix = `${typescriptGenerator.name}/`;
  const files = result.value.filter((f) => f.path.startsWith(prefix)).map((f) => ({ path: f.path.slice(prefix.length), contents: f.contents }));
  const declarationBytes = files.filter((f) => f.path.endsWith('.d.ts')).reduce((n, f) => n + Buffer.byteLength(f.contents as string), 0);
  const dir = mkdtempSync(join(tmpdir(), 'kodkatalog-tsc-'));
  try {
    // The baseline imports the modules, so tsc still reads and checks the declarations.
    writeConsumerProject(dir, files, `import type * as types from './types.js';\nimport * as codes from './codes.js';\nexport { codes, type types };\n`);
    // skipLibCheck as most vendors have it: otherwise checking TypeScript's own lib files dominates the figure.
    const flags = ['--extendedDiagnostics', '--skipLibCheck'];
    const baseline = runTsc(dir, flags);
    writeFileSync(join(dir, 'consumer.ts'), consumer ?? stressConsumer(catalogue));
    const run = runTsc(dir, flags);
    return {
      generateMs,
      tscMs: run.ms,
      checkMs: run.checkMs ?? Number.NaN,
      baselineMs: baseline.ms,
      baselineCheckMs: baseline.checkMs ?? Number.NaN,
      declarationBytes,
      status: run.status,
      output: run.status === 0 ? '' : run.output,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
