import { checkCatalogue, hasErrors } from '../api.js';
import { renderDiagnostics, type DiagnosticFormat } from '../diagnostics/render.js';
import type { Lang } from '../diagnostics/types.js';
import { out } from './io.js';

/** `kodkatalog check`: prints the catalogue's diagnostics; exit 1 when any is an error. */
export function checkCommand(opts: { catalogue: string; format: DiagnosticFormat; lang: Lang }): number {
  const { raw, diagnostics } = checkCatalogue(opts.catalogue);
  out(renderDiagnostics(diagnostics, opts.format, { lang: opts.lang, readSource: (f) => raw.sources.get(f) }));
  if (diagnostics.some((d) => d.code === 'load/not-a-directory' || d.code === 'load/no-manifest')) return 2;
  return hasErrors(diagnostics) ? 1 : 0;
}
