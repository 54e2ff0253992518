import { hasErrors, loadCatalogue } from '../api.js';
import { renderDiagnostics } from '../diagnostics/render.js';
import type { Lang } from '../diagnostics/types.js';
import { isIsoDate } from '../obligations/calendar.js';
import type { ObligationsQuery } from '../obligations/data.js';
import { renderObligationsIcs } from '../obligations/ics.js';
import { renderObligationsMarkdown } from '../obligations/markdown.js';
import { resolveObligations } from '../obligations/resolve.js';
import { renderObligationsTable } from '../obligations/table.js';
import { out } from './io.js';

/** Output formats of `kodkatalog obligations`. */
export type ObligationsFormat = 'table' | 'json' | 'markdown' | 'ics';

/** Options of `kodkatalog obligations`, as commander parses them. */
export interface ObligationsOptions {
  /** Actor code (`--actor`). */
  readonly actor?: string;
  /** Area code (`--area`). */
  readonly area?: string;
  /** Element id (`--element`). */
  readonly element?: string;
  /** The day, `YYYY-MM-DD`: its structure and a year of due dates (`--date`). */
  readonly date?: string;
  /** First due date of a range (`--from`). */
  readonly from?: string;
  /** Last due date of a range (`--to`). */
  readonly to?: string;
  /** Output format. */
  readonly format: ObligationsFormat;
  /** Catalogue folder. */
  readonly catalogue: string;
  /** Language of messages and output. */
  readonly lang: Lang;
  /** Prefix of docs links in the Markdown checklist. */
  readonly docsBase: string;
}

/** A usage error: the message in both languages; the command prints it and exits 2. */
class UsageError {
  constructor(readonly sv: string, readonly en: string) {}
}

/** Turns the options into a query, or a usage error. Dates are checked here, before any answer. */
function toQuery(opts: ObligationsOptions): ObligationsQuery | UsageError {
  for (const name of ['date', 'from', 'to'] as const) {
    const v = opts[name];
    if (v !== undefined && !isIsoDate(v)) {
      return new UsageError(`--${name} "${v}" är inte ett datum som finns. Skriv det som ÅÅÅÅ-MM-DD, t.ex. 2027-03-01.`, `--${name} "${v}" is not a date that exists. Write it as YYYY-MM-DD, e.g. 2027-03-01.`);
    }
  }
  if (opts.date !== undefined && (opts.from !== undefined || opts.to !== undefined)) {
    return new UsageError('Ange antingen --date eller --from och --to, inte båda.', 'Give either --date or --from and --to, not both.');
  }
  if ((opts.from === undefined) !== (opts.to === undefined)) {
    return new UsageError('--from och --to anges tillsammans.', '--from and --to go together.');
  }
  if (opts.from !== undefined && opts.to !== undefined && opts.from > opts.to) {
    return new UsageError(`--from ${opts.from} ligger efter --to ${opts.to}.`, `--from ${opts.from} is after --to ${opts.to}.`);
  }
  const range = opts.date !== undefined ? { date: opts.date } : opts.from !== undefined && opts.to !== undefined ? { from: opts.from, to: opts.to } : undefined;
  const area = opts.area !== undefined ? { area: opts.area } : {};
  if (opts.element !== undefined) {
    if (opts.format === 'ics') {
      return new UsageError('--format ics visar sista dagar för inlämningar: använd det med --actor, inte med --element.', '--format ics shows due dates: use it with --actor, not with --element.');
    }
    return { element: opts.element, ...(opts.actor !== undefined ? { actor: opts.actor } : {}), ...area, ...(range ?? {}) };
  }
  if (opts.actor === undefined) {
    return new UsageError('Ange vem som rapporterar med --actor (t.ex. --actor kommun), eller fråga efter en uppgift med --element.', 'Say who reports with --actor (e.g. --actor kommun), or ask about an element with --element.');
  }
  // No default from the clock: the answer would change from day to day without the user asking.
  if (!range) {
    return new UsageError('Ange vilken dag eller period som gäller: --date ÅÅÅÅ-MM-DD (ett år framåt) eller --from och --to.', 'Give the day or range: --date YYYY-MM-DD (one year ahead) or --from and --to.');
  }
  return { actor: opts.actor, ...area, ...range };
}

/**
 * `kodkatalog obligations`: what an actor must report and by which dates, or which obligations
 * ask for an element. Exit 0 with an answer (also an empty one), 1 when the catalogue has errors,
 * 2 for usage errors (a bad date, an unknown actor, area or element, no catalogue).
 */
export function obligationsCommand(opts: ObligationsOptions): number {
  const query = toQuery(opts);
  if (query instanceof UsageError) {
    process.stderr.write(`kodkatalog obligations: ${query[opts.lang]}\n`);
    return 2;
  }
  const loaded = loadCatalogue(opts.catalogue);
  const readSource = (f: string): string | undefined => loaded.raw.sources.get(f);
  if (!loaded.catalogue || hasErrors(loaded.diagnostics)) {
    const errors = loaded.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'fatal');
    process.stderr.write(renderDiagnostics(errors, 'text', { lang: opts.lang, readSource }));
    if (loaded.diagnostics.some((d) => d.code === 'load/not-a-directory' || d.code === 'load/no-manifest')) return 2;
    process.stderr.write(
      opts.lang === 'sv'
        ? 'kodkatalog obligations: katalogen har fel, så svaret går inte att lita på. Kör kodkatalog check och rätta felen.\n'
        : 'kodkatalog obligations: the catalogue has errors, so no answer can be trusted. Run kodkatalog check and fix them.\n',
    );
    return 1;
  }
  const { value: answer, diagnostics } = resolveObligations(loaded.catalogue, query);
  if (diagnostics.length > 0) {
    process.stderr.write(renderDiagnostics(diagnostics, 'text', { lang: opts.lang }));
    return 2;
  }
  switch (opts.format) {
    case 'json':
      out(`${JSON.stringify(answer, null, 2)}\n`);
      break;
    case 'markdown':
      out(renderObligationsMarkdown(answer, { lang: opts.lang, docsBase: opts.docsBase }));
      break;
    case 'ics':
      // RFC 5545 requires at least one component in a calendar: with no due dates there is no
      // valid file to write, so say so instead of writing an invalid one.
      if (answer.obligations.every((o) => o.submissions.length === 0)) {
        process.stderr.write(
          opts.lang === 'sv'
            ? `kodkatalog obligations: ingen inlämning har sista dag ${answer.query.from} – ${answer.query.to}, så ingen kalender skrevs.\n`
            : `kodkatalog obligations: no submission is due from ${answer.query.from} to ${answer.query.to}, so no calendar was written.\n`,
        );
        break;
      }
      out(renderObligationsIcs(answer, opts.lang));
      break;
    case 'table':
      out(renderObligationsTable(answer, opts.lang));
      break;
  }
  return 0;
}
