import { readFileSync } from 'node:fs';
import { diagnostic } from '../diagnostics/messages.js';
import { renderDiagnostics } from '../diagnostics/render.js';
import type { Lang } from '../diagnostics/types.js';
import { migrateSubmission, type MigrationResult } from '../migrate/migrate.js';
import { writeFileAtomic } from '../versions/release.js';
import { out } from './io.js';
import { openVersion, usage } from './sources.js';

/** Options of `kodkatalog migrate`. */
export interface MigrateCommandOptions {
  readonly from: string;
  readonly to: string;
  readonly element?: string[];
  readonly out?: string;
  readonly path: string;
  readonly format: 'text' | 'json';
  readonly lang: Lang;
}

const words = {
  sv: {
    title: (file: string, from: string, to: string) => `Översätter koderna i ${file} från version ${from} till ${to}.`,
    columns: 'Kolumner med koder',
    none: 'inga',
    rewritten: (n: number) => `Omskrivna värden: ${n}`,
    kind: { 'one-to-one': 'ersatt en-till-en', merge: 'sammanslagen' },
    cells: (n: number) => `${n} ${n === 1 ? 'rad' : 'rader'}`,
    decide: (n: number) => `Rader som behöver ett beslut av en person: ${n}`,
    wrote: (f: string) => `Skrev ${f}. Raderna ovan är oförändrade i den filen.`,
    wroteAll: (f: string) => `Skrev ${f}.`,
    dry: 'Ingen fil skrevs: ange --out FIL för att skriva resultatet.',
  },
  en: {
    title: (file: string, from: string, to: string) => `Translating the codes in ${file} from version ${from} to ${to}.`,
    columns: 'Columns with codes',
    none: 'none',
    rewritten: (n: number) => `Values rewritten: ${n}`,
    kind: { 'one-to-one': 'replaced one-to-one', merge: 'merged' },
    cells: (n: number) => `${n} row${n === 1 ? '' : 's'}`,
    decide: (n: number) => `Rows needing a person's decision: ${n}`,
    wrote: (f: string) => `Wrote ${f}. The rows above are unchanged in that file.`,
    wroteAll: (f: string) => `Wrote ${f}.`,
    dry: 'No file was written: give --out FILE to write the result.',
  },
} as const;

function report(result: MigrationResult, file: string, from: string, to: string, opts: MigrateCommandOptions): string {
  const w = words[opts.lang];
  const decisions = result.diagnostics.filter((d) => d.code.startsWith('migrate/'));
  if (opts.format === 'json') {
    const findings = JSON.parse(renderDiagnostics(result.diagnostics, 'json', { lang: opts.lang })) as unknown;
    return JSON.stringify({ file, from, to, out: opts.out ?? null, columns: result.columns, rewrites: result.rewrites, ...(findings as object) }, null, 2) + '\n';
  }
  const lines = [w.title(file, from, to), `${w.columns}: ${result.columns.map((c) => `${c.field} (${c.classification})`).join(', ') || w.none}.`];
  lines.push(w.rewritten(result.rewrites.reduce((n, r) => n + r.count, 0)));
  for (const r of result.rewrites) lines.push(`  ${r.field}: ${r.from} → ${r.to} (${w.kind[r.kind]}): ${w.cells(r.count)}`);
  lines.push(w.decide(decisions.length), '');
  // No code frames: the line of a submission file is personal data.
  let text = lines.join('\n') + renderDiagnostics(result.diagnostics, 'text', { lang: opts.lang });
  if (opts.out) text += (decisions.length > 0 ? w.wrote(opts.out) : w.wroteAll(opts.out)) + '\n';
  else text += w.dry + '\n';
  return text;
}

/**
 * `kodkatalog migrate FILE --from OLD --to NEW`: rewrites one-to-one and merged codes, lists cells
 * needing a decision. Writes `--out` whole or not at all. Exit 1 when any cell needs a decision.
 */
export function migrateCommand(file: string, opts: MigrateCommandOptions): number {
  let input: Uint8Array;
  try {
    input = readFileSync(file);
  } catch (e) {
    usage([diagnostic('load/unreadable', { reason: (e as NodeJS.ErrnoException).code ?? 'okänt fel' })], opts.lang);
    return 2;
  }
  const from = openVersion(opts.from, opts);
  if (typeof from === 'number') return from;
  try {
    const to = openVersion(opts.to, opts);
    if (typeof to === 'number') return to;
    try {
      const result = migrateSubmission(input, from.loaded.catalogue!, to.loaded.catalogue!, { file, ...(opts.element ? { elements: opts.element } : {}) });
      if (result.usageError) {
        usage(result.diagnostics, opts.lang);
        return 2;
      }
      if (result.output && opts.out) writeFileAtomic(opts.out, result.output);
      out(report(result, file, from.loaded.catalogue!.manifest.version, to.loaded.catalogue!.manifest.version, opts));
      return result.diagnostics.some((d) => d.severity === 'error' || d.severity === 'fatal') ? 1 : 0;
    } finally {
      to.source.dispose();
    }
  } finally {
    from.source.dispose();
  }
}
