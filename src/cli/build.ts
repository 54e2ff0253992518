import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkCatalogue, hasErrors, type LoadedCatalogue } from '../api.js';
import { generate, selectGenerators, verifyOutput, writeOutput } from '../build/run.js';
import type { Generator } from '../build/types.js';
import { diagnostic } from '../diagnostics/messages.js';
import { renderDiagnostics, type DiagnosticFormat } from '../diagnostics/render.js';
import type { Diagnostic, Lang } from '../diagnostics/types.js';
import type { CatalogueDiff } from '../diff/types.js';
import { releaseChanges } from '../versions/changes.js';
import { out } from './io.js';
import { schemaFilesOf } from './sources.js';

/**
 * The diffs against previous releases that the selected generators show (the docs changelog),
 * with the JSON Schema comparison when the json-schema generator is registered; none when no
 * selected generator declares `changelog`, so other builds never touch git.
 */
export async function changesFor(
  generators: readonly Generator[],
  loaded: LoadedCatalogue,
  opts: { only?: readonly string[] | undefined; previous?: string | undefined },
): Promise<{ changes: readonly CatalogueDiff[]; problems: readonly Diagnostic[] }> {
  if (!selectGenerators(generators, opts.only).some((g) => g.changelog)) return { changes: [], problems: [] };
  const found = await releaseChanges(loaded, { schemaFiles: schemaFilesOf(generators), ...(opts.previous !== undefined ? { previous: opts.previous } : {}) });
  // A previous release named in catalogue.yaml that cannot be read is check's to report; one named
  // on the command line is a usage error.
  return { changes: found.changes, problems: opts.previous !== undefined ? found.problems : [] };
}

/**
 * `kodkatalog build`: checks the catalogue, then runs the generators and replaces the output folder.
 * When the docs are built, the previous releases are read (as `check` finds them; `--previous`
 * overrides) so the changelog pages can list what changed.
 */
export async function buildCommand(
  generators: readonly Generator[],
  opts: { catalogue: string; out: string; only?: string[]; format: DiagnosticFormat; lang: Lang; templates?: string; previous?: string },
): Promise<number> {
  const unknown = (opts.only ?? []).filter((n) => !generators.some((g) => g.name === n));
  if (unknown.length > 0) {
    process.stderr.write(`kodkatalog: okänd generator: ${unknown.join(', ')} (finns: ${generators.map((g) => g.name).join(', ')})\n`);
    return 2;
  }
  if (opts.templates !== undefined && !(existsSync(opts.templates) && statSync(opts.templates).isDirectory())) {
    process.stderr.write(`kodkatalog: mallmappen finns inte: ${opts.templates}\n`);
    return 2;
  }
  const loaded = checkCatalogue(opts.catalogue);
  const print = (ds: Parameters<typeof renderDiagnostics>[0]): void =>
    out(renderDiagnostics(ds, opts.format, { lang: opts.lang, readSource: (f) => loaded.raw.sources.get(f) }));
  if (!loaded.catalogue || hasErrors(loaded.diagnostics)) {
    print([...loaded.diagnostics, diagnostic('gen/not-built', {})]);
    return loaded.catalogue ? 1 : 2;
  }
  const { changes, problems } = await changesFor(generators, loaded, opts);
  if (problems.length > 0) {
    for (const d of problems) process.stderr.write(`kodkatalog: ${d.message[opts.lang]}\n`);
    return 2;
  }
  const result = await generate(loaded.catalogue, generators, {
    ...(opts.only ? { only: opts.only } : {}),
    options: opts.templates ? { templates: resolve(opts.templates) } : {},
    changes,
  });
  const diagnostics = [...loaded.diagnostics, ...result.diagnostics];
  if (hasErrors(result.diagnostics)) {
    print([...diagnostics, diagnostic('gen/not-built', {})]);
    return 1;
  }
  writeOutput(opts.out, result.value);
  if (opts.format === 'text') {
    const count = result.value.length;
    out(opts.lang === 'sv' ? `Byggde ${count} filer i ${opts.out}.\n` : `Built ${count} files in ${opts.out}.\n`);
  }
  print(diagnostics);
  return 0;
}

/** `kodkatalog verify DIR`: recomputes every hash of a built folder against its manifest. */
export function verifyCommand(dir: string, opts: { format: DiagnosticFormat; lang: Lang }): number {
  const diagnostics = verifyOutput(dir);
  out(renderDiagnostics(diagnostics, opts.format, { lang: opts.lang }));
  if (diagnostics.some((d) => d.code === 'verify/no-manifest')) return 2;
  return hasErrors(diagnostics) ? 1 : 0;
}
