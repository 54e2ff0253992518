import { checkCatalogue } from '../api.js';
import type { SchemaFile } from '../diff/compare.js';
import { renderDiagnostics, type DiagnosticFormat } from '../diagnostics/render.js';
import type { Lang } from '../diagnostics/types.js';
import type { Catalogue } from '../model/types.js';
import { release } from '../versions/release.js';
import { out } from './io.js';

/** Options of `kodkatalog release`. */
export interface ReleaseCommandOptions {
  readonly catalogue: string;
  readonly date: string;
  readonly previous?: string;
  readonly format: DiagnosticFormat;
  readonly lang: Lang;
}

const next = {
  sv: (version: string, file: string, tag: string, summary: string) =>
    [
      `Version ${version} är markerad som publicerad i ${file}, med en releasepost: ${summary}`,
      '',
      'Nästa steg:',
      '  1. Bygg och verifiera: npm run build && kodkatalog verify',
      `  2. Checka in: git commit -am "Version ${version}"`,
      `  3. Tagga: git tag ${tag}`,
      '',
      `Sedan jämför kodkatalog check katalogen med taggen ${tag}: en publicerad version ändras aldrig.`,
      `Börja nästa version genom att höja version, sätta status: draft och previousRelease: ${tag}.`,
    ].join('\n') + '\n',
  en: (version: string, file: string, tag: string, summary: string) =>
    [
      `Version ${version} is marked as published in ${file}, with a release entry: ${summary}`,
      '',
      'Next steps:',
      '  1. Build and verify: npm run build && kodkatalog verify',
      `  2. Commit: git commit -am "Version ${version}"`,
      `  3. Tag: git tag ${tag}`,
      '',
      `From then on kodkatalog check compares the catalogue with the tag ${tag}: a published release never changes.`,
      `Start the next version by bumping version and setting status: draft and previousRelease: ${tag}.`,
    ].join('\n') + '\n',
};

/** `kodkatalog release --date D`: checks, then publishes the catalogue in catalogue.yaml and says what to do next. */
export async function releaseCommand(opts: ReleaseCommandOptions, schemaFiles: (c: Catalogue) => Promise<readonly SchemaFile[]>): Promise<number> {
  const loaded = checkCatalogue(opts.catalogue);
  if (!loaded.catalogue) {
    out(renderDiagnostics(loaded.diagnostics, opts.format, { lang: opts.lang, readSource: (f) => loaded.raw.sources.get(f) }));
    return 2;
  }
  const result = await release(loaded, { date: opts.date, schemaFiles, ...(opts.previous !== undefined ? { previous: opts.previous } : {}) });
  if (result.usageError) {
    for (const d of result.diagnostics) if (d.severity === 'error') process.stderr.write(`kodkatalog: ${d.message[opts.lang]}\n`);
    return 2;
  }
  const printed = result.entry ? result.diagnostics.filter((d) => d.severity !== 'info') : result.diagnostics;
  if (!result.entry) {
    out(renderDiagnostics(printed, opts.format, { lang: opts.lang, readSource: (f) => loaded.raw.sources.get(f) }));
    return 1;
  }
  if (opts.format === 'json') {
    out(JSON.stringify({ released: result.entry, file: result.file, tag: result.tag }, null, 2) + '\n');
  } else {
    if (printed.length > 0) out(renderDiagnostics(printed, opts.format, { lang: opts.lang, readSource: (f) => loaded.raw.sources.get(f) }));
    const summary = result.entry.summary ? (opts.lang === 'en' && result.entry.summary.en ? result.entry.summary.en : result.entry.summary.sv) : '';
    out(next[opts.lang](result.entry.version, result.file!, result.tag!, summary));
  }
  return 0;
}
