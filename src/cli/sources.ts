import { loadCatalogue, hasErrors, type LoadedCatalogue } from '../api.js';
import { generate } from '../build/run.js';
import type { Generator } from '../build/types.js';
import type { SchemaFile } from '../diff/compare.js';
import { renderDiagnostics } from '../diagnostics/render.js';
import type { Diagnostic, Lang } from '../diagnostics/types.js';
import type { Catalogue } from '../model/types.js';
import { openCatalogueSource, type CatalogueSource } from '../versions/source.js';
import { out } from './io.js';

/**
 * What the version commands share: opening catalogue versions named on the command line (a
 * directory or a git revision) and the generated JSON Schemas to compare.
 */

/**
 * The json-schema generator's files for a catalogue, paths as built (`json-schema/...`). Given
 * the registry by the composition root, since src/ does not import generators/.
 */
export function schemaFilesOf(generators: readonly Generator[]): (c: Catalogue) => Promise<readonly SchemaFile[]> {
  return async (c) => {
    if (!generators.some((g) => g.name === 'json-schema')) return [];
    const result = await generate(c, generators, { only: ['json-schema'] });
    return result.value.filter((f) => f.path.startsWith('json-schema/'));
  };
}

/** A loaded version and its source (to dispose). */
export interface OpenedVersion {
  readonly source: CatalogueSource;
  readonly loaded: LoadedCatalogue;
}

/** Writes a usage problem to stderr, one line per diagnostic. */
export function usage(diagnostics: readonly Diagnostic[], lang: Lang): void {
  for (const d of diagnostics) process.stderr.write(`kodkatalog: ${d.message[lang]}\n`);
}

/**
 * Opens and loads one version. Returns the exit code on failure: 2 when it cannot be found, 1 when
 * it has errors (printed with paths as `<revision>:<path>/...`, never the temporary folder).
 */
export function openVersion(spec: string, options: { path?: string; lang: Lang }): OpenedVersion | number {
  const opened = openCatalogueSource(spec, { cwd: process.cwd(), ...(options.path !== undefined ? { path: options.path } : {}) });
  if (!opened.value) {
    usage(opened.diagnostics, options.lang);
    return 2;
  }
  const source = opened.value;
  const loaded = loadCatalogue(source.dir);
  if (!loaded.catalogue || hasErrors(loaded.diagnostics)) {
    const shown = (f: string): string => (f.startsWith(source.dir) ? `${source.label}${f.slice(source.dir.length).replace(/\\/g, '/')}` : f);
    const sources = new Map([...loaded.raw.sources].map(([f, t]) => [shown(f), t]));
    const diagnostics = loaded.diagnostics.map((d) =>
      d.source ? { ...d, source: { ...d.source, file: shown(d.source.file) }, ...(d.related ? { related: d.related.map((r) => ({ ...r, file: shown(r.file) })) } : {}) } : d,
    );
    out(renderDiagnostics(diagnostics, 'text', { lang: options.lang, readSource: (f) => sources.get(f) }));
    source.dispose();
    return loaded.catalogue ? 1 : 2;
  }
  return { source, loaded };
}
