import type { Diagnostic, Lang, Severity } from './types.js';

/** Output formats for a list of diagnostics. */
export type DiagnosticFormat = 'text' | 'json' | 'github';

/** Options for rendering. */
export interface RenderOptions {
  /** Message language. */
  readonly lang: Lang;
  /** Returns a file's text for code frames; undefined when it is not available. */
  readonly readSource?: (file: string) => string | undefined;
}

/** Counts per severity. */
export interface DiagnosticSummary {
  readonly fatal: number;
  readonly error: number;
  readonly warning: number;
  readonly info: number;
}

/** Counts diagnostics per severity. */
export function summarize(diagnostics: readonly Diagnostic[]): DiagnosticSummary {
  const s = { fatal: 0, error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) s[d.severity]++;
  return s;
}

/** Orders diagnostics by file, line, column and code so output never depends on discovery order. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const key = (d: Diagnostic): [string, number, number, string] => [
    d.source?.file ?? '',
    d.source?.start.line ?? 0,
    d.source?.start.column ?? 0,
    d.code,
  ];
  return [...diagnostics].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) {
      const x = ka[i]!;
      const y = kb[i]!;
      if (x < y) return -1;
      if (x > y) return 1;
    }
    return 0;
  });
}

/** Renders diagnostics in one of the formats. Text ends with a summary line. */
export function renderDiagnostics(diagnostics: readonly Diagnostic[], format: DiagnosticFormat, options: RenderOptions): string {
  const sorted = sortDiagnostics(diagnostics);
  switch (format) {
    case 'json':
      return renderJson(sorted, options.lang);
    case 'github':
      return sorted.map((d) => renderGithub(d, options.lang)).join('');
    case 'text':
      return sorted.map((d) => renderText(d, options)).join('') + summaryLine(summarize(sorted), options.lang) + '\n';
  }
}

function location(d: Diagnostic): string {
  const s = d.source;
  return s ? `${s.file}:${s.start.line}:${s.start.column}` : '';
}

function renderText(d: Diagnostic, options: RenderOptions): string {
  const where = location(d);
  let out = `${where ? where + ' - ' : ''}${d.severity} ${d.code}: ${d.message[options.lang]}\n`;
  const frame = d.source && options.readSource ? codeFrame(options.readSource(d.source.file), d.source.start, d.source.end) : '';
  if (frame) out += '\n' + frame + '\n';
  return out;
}

/** A tsc-like excerpt: the line with its number and a caret underline of the range on that line. */
export function codeFrame(text: string | undefined, start: { line: number; column: number }, end: { line: number; column: number }): string {
  if (text === undefined) return '';
  const lines = text.split(/\r\n|\r|\n/);
  const line = lines[start.line - 1];
  if (line === undefined) return '';
  const shown = line.replace(/\t/g, ' ');
  const width = String(start.line).length;
  const lastColumn = end.line === start.line ? Math.max(end.column, start.column + 1) : shown.length + 1;
  const carets = '^'.repeat(Math.max(1, Math.min(lastColumn, shown.length + 1) - start.column));
  const gutter = ' '.repeat(width);
  return `  ${start.line} | ${shown}\n  ${gutter} | ${' '.repeat(start.column - 1)}${carets}\n`;
}

const words: Record<Lang, { none: string; found: (parts: string[]) => string; n: (c: number, s: Severity) => string }> = {
  sv: {
    none: 'Inga fel eller varningar.',
    found: (parts) => `Hittade ${joinParts(parts, 'och')}.`,
    n: (c, s) =>
      `${c} ${{ fatal: c === 1 ? 'allvarligt fel' : 'allvarliga fel', error: 'fel', warning: c === 1 ? 'varning' : 'varningar', info: c === 1 ? 'upplysning' : 'upplysningar' }[s]}`,
  },
  en: {
    none: 'No errors or warnings.',
    found: (parts) => `Found ${joinParts(parts, 'and')}.`,
    n: (c, s) =>
      `${c} ${{ fatal: 'fatal error', error: 'error', warning: 'warning', info: 'info message' }[s]}${c === 1 ? '' : 's'}`,
  },
};

function joinParts(parts: string[], and: string): string {
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} ${and} ${parts[parts.length - 1]}`;
}

/** The closing line of text output, e.g. "Hittade 2 fel och 1 varning." */
export function summaryLine(s: DiagnosticSummary, lang: Lang): string {
  const w = words[lang];
  const parts = (['fatal', 'error', 'warning', 'info'] as const).filter((k) => s[k] > 0).map((k) => w.n(s[k], k));
  return parts.length === 0 ? w.none : w.found(parts);
}

function renderJson(diagnostics: readonly Diagnostic[], lang: Lang): string {
  const out = {
    diagnostics: diagnostics.map((d) => ({
      code: d.code,
      severity: d.severity,
      message: d.message[lang],
      ...(d.source
        ? {
            file: d.source.file,
            pointer: d.source.pointer,
            line: d.source.start.line,
            column: d.source.start.column,
            endLine: d.source.end.line,
            endColumn: d.source.end.column,
          }
        : {}),
      ...(d.related ? { related: d.related.map((r) => ({ file: r.file, line: r.start.line, column: r.start.column })) } : {}),
    })),
    summary: summarize(diagnostics),
  };
  return JSON.stringify(out, null, 2) + '\n';
}

function escapeGithub(s: string, property: boolean): string {
  let r = s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  if (property) r = r.replace(/:/g, '%3A').replace(/,/g, '%2C');
  return r;
}

function renderGithub(d: Diagnostic, lang: Lang): string {
  const level = d.severity === 'warning' ? 'warning' : d.severity === 'info' ? 'notice' : 'error';
  const props: string[] = [];
  if (d.source) {
    props.push(
      `file=${escapeGithub(d.source.file, true)}`,
      `line=${d.source.start.line}`,
      `col=${d.source.start.column}`,
      `endLine=${d.source.end.line}`,
      `endColumn=${d.source.end.column}`,
    );
  }
  props.push(`title=${escapeGithub(d.code, true)}`);
  return `::${level} ${props.join(',')}::${escapeGithub(d.message[lang], false)}\n`;
}
