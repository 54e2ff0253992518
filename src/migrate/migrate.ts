import { diagnostic } from '../diagnostics/messages.js';
import type { Diagnostic, SourceLocation } from '../diagnostics/types.js';
import { firstInvalidUtf8 } from '../utf8.js';
import type { Catalogue, Classification, DataElement } from '../model/types.js';
import { csvValue, scanCsv, type CsvField } from './csv.js';
import { successors } from './lineage.js';

/**
 * Rewrites the codes of a submission file from one catalogue version to another, following code
 * lineage. Where an old code has exactly one successor (a one-to-one replacement, or a merge) the
 * cell is rewritten; where it has several (a split), or none although it may no longer be used,
 * the cell is left as it was and reported by row and field for a person to decide.
 *
 * Personal data: a finding names the row (its line), the field and the catalogue codes involved,
 * never any other value of the row, and never a value that is not a code of the catalogue.
 */

/** One kind of rewrite and how many cells it touched. */
export interface CodeRewrite {
  /** The column (data element id). */
  readonly field: string;
  /** The old code. */
  readonly from: string;
  /** The new code. */
  readonly to: string;
  /** How the codes relate. */
  readonly kind: 'one-to-one' | 'merge';
  /** Number of cells rewritten. */
  readonly count: number;
}

/** The outcome of a migration. */
export interface MigrationResult {
  /** The rewritten file (same bytes as the input outside the rewritten cells); undefined when it could not be read. */
  readonly output?: Uint8Array;
  /** Columns holding codes that were looked at, with their classification. */
  readonly columns: readonly { readonly field: string; readonly classification: string }[];
  /** Rewrites, grouped by field and code, in the order first met. */
  readonly rewrites: readonly CodeRewrite[];
  /** Cells needing a person's decision (errors) and problems reading the file. */
  readonly diagnostics: readonly Diagnostic[];
  /** True when the arguments were wrong (an --element that is no code column). */
  readonly usageError: boolean;
}

/** Options for {@link migrateSubmission}. */
export interface MigrationOptions {
  /** The file name used in findings. */
  readonly file: string;
  /** Only these columns (data element ids); default every column whose element is coded in the new version. */
  readonly elements?: readonly string[];
}

type Decision =
  | { readonly action: 'keep' }
  | { readonly action: 'rewrite'; readonly to: string; readonly kind: 'one-to-one' | 'merge' }
  | { readonly action: 'split'; readonly candidates: readonly string[] }
  | { readonly action: 'no-replacement' }
  | { readonly action: 'unknown' };

/** What to do with one code of one column. */
function decide(value: string, now: Classification, before: Classification | undefined): Decision {
  const code = now.codeMap.get(value);
  if (!code) return before?.codeMap.has(value) ? { action: 'no-replacement' } : { action: 'unknown' };
  const next = successors(code);
  if (next.kind === 'none') return code.status === 'retired' ? { action: 'no-replacement' } : { action: 'keep' };
  if (next.codes.length === 0) return { action: 'no-replacement' };
  if (next.kind === 'split') return { action: 'split', candidates: next.codes.map((c) => c.code) };
  return { action: 'rewrite', to: next.codes[0]!.code, kind: next.kind };
}

/**
 * Migrates a semicolon (or comma) separated submission file whose header row names data elements.
 * Pure: the caller reads and writes the files.
 */
export function migrateSubmission(input: Uint8Array, from: Catalogue, to: Catalogue, options: MigrationOptions): MigrationResult {
  const fileStart: SourceLocation = { file: options.file, pointer: '', start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
  const empty = (diagnostics: Diagnostic[], usageError = false): MigrationResult => ({ columns: [], rewrites: [], diagnostics, usageError });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(input);
  } catch {
    return empty([diagnostic('load/not-utf8', { offset: firstInvalidUtf8(input) }, fileStart)]);
  }
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  const scan = scanCsv(text, bom);
  if (scan.unclosedQuote) {
    const at = { line: scan.unclosedQuote.line, column: scan.unclosedQuote.column };
    return empty([diagnostic('csv/unclosed-quote', {}, { file: options.file, pointer: '', start: at, end: { line: at.line, column: at.column + 1 } })]);
  }
  const [header, ...rows] = scan.records;
  const names = (header?.fields ?? []).map((f) => f.value.trim());

  const coded = (e: DataElement | undefined): e is DataElement & { classification: Classification } => e?.classification !== undefined;
  const newElements = new Map(to.dataElements.map((e) => [e.id, e]));
  const oldElements = new Map(from.dataElements.map((e) => [e.id, e]));
  const candidates = names.map((n, j) => ({ j, name: n, element: newElements.get(n) })).filter((c) => coded(c.element));
  if (options.elements) {
    const unknown = options.elements.filter((e) => !candidates.some((c) => c.name === e));
    if (unknown.length > 0) return empty(unknown.map((element) => diagnostic('migrate/unknown-element', { element })), true);
  }
  const columns = candidates.filter((c) => !options.elements || options.elements.includes(c.name));

  const diagnostics: Diagnostic[] = [];
  const rewrites = new Map<string, { field: string; from: string; to: string; kind: 'one-to-one' | 'merge'; count: number }>();
  const edits: { field: CsvField; value: string }[] = [];
  const cache = new Map<string, Decision>();
  rows.forEach((row, r) => {
    for (const { j, name, element } of columns) {
      const field = row.fields[j];
      const value = field?.value.trim();
      if (!field || !value) continue;
      const now = element!.classification!;
      const before = oldElements.get(name)?.classification ?? from.classifications.find((c) => c.id === now.id);
      const key = `${name}\u0000${value}`;
      let d = cache.get(key);
      if (!d) cache.set(key, (d = decide(value, now, before)));
      // `/rows/<n>` counts records after the header, as the codes-file reader does; the line is the file's.
      const at: SourceLocation = {
        file: options.file,
        pointer: `/rows/${r + 1}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`,
        start: { line: field.line, column: field.column },
        end: { line: field.line, column: field.column + (field.end - field.start) },
      };
      switch (d.action) {
        case 'rewrite': {
          edits.push({ field, value: csvValue(d.to, scan.delimiter, field.quoted) });
          const k = `${key}\u0000${d.to}`;
          const g = rewrites.get(k) ?? { field: name, from: value, to: d.to, kind: d.kind, count: 0 };
          g.count++;
          rewrites.set(k, g);
          break;
        }
        case 'split':
          diagnostics.push(diagnostic('migrate/split', { field: name, code: value, candidates: d.candidates }, at));
          break;
        case 'no-replacement':
          diagnostics.push(diagnostic('migrate/no-replacement', { field: name, code: value }, at));
          break;
        case 'unknown':
          diagnostics.push(diagnostic('migrate/unknown-code', { field: name }, at));
          break;
        case 'keep':
          break;
      }
    }
  });

  let out = '';
  let at = 0;
  for (const e of edits) {
    out += text.slice(at, e.field.start) + e.value;
    at = e.field.end;
  }
  out += text.slice(at);
  return {
    output: new TextEncoder().encode(out),
    columns: columns.map((c) => ({ field: c.name, classification: c.element!.classification!.id })),
    rewrites: [...rewrites.values()],
    diagnostics,
    usageError: false,
  };
}
