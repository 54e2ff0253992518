import { checkCatalogue, hasErrors } from '../api.js';
import { renderDiagnostics, type DiagnosticFormat } from '../diagnostics/render.js';
import type { Lang } from '../diagnostics/types.js';
import { checkVersions, type VersionCheckOptions } from '../versions/discipline.js';
import { out } from './io.js';

/**
 * `kodkatalog check`: prints the catalogue's diagnostics; exit 1 when any is an error. When a
 * previous release is known (`--previous`, or `previousRelease`/`releases` in catalogue.yaml) the
 * version discipline runs too (src/versions/discipline.ts).
 */
export async function checkCommand(
  opts: { catalogue: string; format: DiagnosticFormat; lang: Lang; previous?: string },
  versions: Pick<VersionCheckOptions, 'schemaFiles'> = {},
): Promise<number> {
  const loaded = checkCatalogue(opts.catalogue);
  const { raw } = loaded;
  const discipline = await checkVersions(loaded, { ...versions, ...(opts.previous !== undefined ? { previous: opts.previous } : {}) });
  if (discipline.usageError) {
    for (const d of discipline.diagnostics) if (d.code.startsWith('git/')) process.stderr.write(`kodkatalog: ${d.message[opts.lang]}\n`);
    return 2;
  }
  const diagnostics = [...loaded.diagnostics, ...discipline.diagnostics];
  out(renderDiagnostics(diagnostics, opts.format, { lang: opts.lang, readSource: (f) => raw.sources.get(f) }));
  if (diagnostics.some((d) => d.code === 'load/not-a-directory' || d.code === 'load/no-manifest')) return 2;
  return hasErrors(diagnostics) ? 1 : 0;
}
