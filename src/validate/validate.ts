import { createEngine, maskIdentityNumber, safeName, SubmissionState, type Finding, type FindingSeverity, type ValidationModel } from './engine/index.js';
import { readSubmissionFile, type InputEncoding, type InputFormat, type InputProblem, type InputProblemCode } from './input.js';

/** One file of a submission. */
export interface SubmissionFile {
  /** Name shown in findings (the path as the user gave it). */
  readonly name: string;
  /** The bytes, streamed. */
  readonly stream: AsyncIterable<Uint8Array>;
  /** Format; from the name's extension when left out. */
  readonly format?: InputFormat;
  /** The record type of records that do not name one (a CSV file of one record type). */
  readonly recordType?: string;
}

/** What to check the submission against. */
export interface ValidateOptions {
  /** The validation model (from `buildValidationModel(catalogue)` or a release's validators/model.js). */
  readonly model: ValidationModel;
  /** Obligation id. */
  readonly obligation: string;
  /** Reporting period, e.g. `2027-03`, `2027-Q1`, `2027`. */
  readonly period?: string;
  /** Text encoding of the files. */
  readonly encoding?: InputEncoding;
}

/** A finding with the file and line it concerns, and the masked personnummer of its record when it has one. */
export interface ReportedFinding extends Finding {
  /** File name as given. */
  readonly file: string;
  /** 1-based line of the record in the file. */
  readonly line?: number;
  /** The record's personnummer masked (`YYYYMMDD-****`), so a person can find the case. */
  readonly person?: string;
}

/** Findings of one rule, for reports that stay readable with 200,000 findings. */
export interface RuleSummary {
  readonly ruleId: string;
  readonly code: string;
  readonly severity: FindingSeverity;
  readonly message: Finding['message'];
  readonly count: number;
  /** The first places (file and line) where it was found. */
  readonly first: readonly { readonly file: string; readonly line?: number }[];
}

/** The outcome of a validation. */
export interface ValidationSummary {
  readonly obligation: string;
  readonly period?: string;
  readonly files: number;
  readonly records: number;
  readonly findings: Readonly<Record<FindingSeverity, number>>;
  /** Per rule, most frequent first. */
  readonly rules: readonly RuleSummary[];
  /** True when the file could not be read to its end (a fatal problem). */
  readonly incomplete: boolean;
}

/** A running validation: iterate for the findings; the summary resolves when iteration ends. */
export interface SubmissionValidation extends AsyncIterable<ReportedFinding> {
  readonly summary: Promise<ValidationSummary>;
}

const FIRST_PLACES = 5;

/**
 * Where each row of a submission came from, kept in typed arrays (12 bytes a row) because findings of
 * cross-row rules arrive at the end and must still name file, line and the masked personnummer.
 */
class RowIndex {
  private file = new Uint16Array(1024);
  private line = new Int32Array(1024);
  // The first eight digits of the row's personnummer (YYYYMMDD), 0 when none: all a mask shows.
  private person = new Int32Array(1024);
  size = 0;

  add(file: number, line: number, person: number): number {
    if (this.size === this.line.length) {
      const grow = <T extends Uint16Array | Int32Array>(a: T, make: (n: number) => T): T => {
        const b = make(a.length * 2);
        b.set(a);
        return b;
      };
      this.file = grow(this.file, (n) => new Uint16Array(n));
      this.line = grow(this.line, (n) => new Int32Array(n));
      this.person = grow(this.person, (n) => new Int32Array(n));
    }
    this.file[this.size] = file;
    this.line[this.size] = line;
    this.person[this.size] = person;
    return ++this.size;
  }

  at(row: number): { file: number; line: number; person?: string } | undefined {
    const i = row - 1;
    if (i < 0 || i >= this.size) return undefined;
    const p = this.person[i]!;
    return { file: this.file[i]!, line: this.line[i]!, ...(p ? { person: `${p}-****` } : {}) };
  }
}

/** YYYYMMDD of a personnummer-looking value as a number (0 when it does not look like one). */
function personPrefix(value: unknown): number {
  if (typeof value !== 'string') return 0;
  const masked = maskIdentityNumber(value);
  return /^[0-9]{8}-/.test(masked) ? Number(masked.slice(0, 8)) : 0;
}

const problemText: Record<InputProblemCode, (p: InputProblem) => { sv: string; en: string }> = {
  encoding: (p) => ({
    sv: `Filen är inte giltig UTF-8 (byte ${p.offset}). Är den sparad som windows-1252 (t.ex. från äldre Excel)? Prova --encoding windows-1252.`,
    en: `The file is not valid UTF-8 (byte ${p.offset}). Was it saved as windows-1252 (e.g. by older Excel)? Try --encoding windows-1252.`,
  }),
  'nul-byte': () => ({ sv: 'Raden innehåller ett nolltecken (byte 0).', en: 'The line contains a NUL byte.' }),
  'line-too-long': () => ({ sv: 'Raden är för lång för att vara en post och läses inte.', en: 'The line is too long to be a record and is skipped.' }),
  'unclosed-quote': () => ({ sv: 'Ett citattecken stängs aldrig.', en: 'A quote is never closed.' }),
  'field-count': (p) => ({ sv: `Raden har ${p.found} fält men rubrikraden ${p.expected}.`, en: `The line has ${p.found} fields but the header ${p.expected}.` }),
  'duplicate-header': (p) => {
    const name = p.field === undefined ? undefined : safeName(p.field);
    return { sv: `Kolumnen ${name ? `"${name}" ` : ''}förekommer två gånger i rubrikraden.`, en: `The column ${name ? `"${name}" ` : ''}appears twice in the header.` };
  },
  'empty-header': () => ({ sv: 'Rubrikraden har en kolumn utan namn.', en: 'The header has a column without a name.' }),
  'json-syntax': () => ({ sv: 'Raden är inte giltig JSON.', en: 'The line is not valid JSON.' }),
  'not-an-object': () => ({ sv: 'Posten är inte ett JSON-objekt.', en: 'The record is not a JSON object.' }),
  'not-an-array': () => ({ sv: 'En JSON-fil ska vara en lista av poster ([ … ]).', en: 'A JSON file must be a list of records ([ … ]).' }),
  'empty-file': () => ({ sv: 'Filen innehåller inga poster.', en: 'The file contains no records.' }),
  truncated: () => ({ sv: 'Filen tar slut mitt i en post eller lista.', en: 'The file ends in the middle of a record or list.' }),
};

function problemFinding(file: string, p: InputProblem): ReportedFinding {
  const severity: FindingSeverity = p.fatal ? 'fatal' : 'error';
  return {
    code: p.code,
    ruleId: p.code,
    severity,
    recordType: undefined,
    row: undefined,
    field: undefined,
    message: problemText[p.code](p),
    file,
    ...(p.line !== undefined ? { line: p.line } : {}),
  };
}

/** The format a file name suggests. */
function formatOf(file: SubmissionFile): InputFormat {
  if (file.format) return file.format;
  const lower = file.name.toLowerCase();
  if (lower.endsWith('.ndjson') || lower.endsWith('.jsonl')) return 'ndjson';
  if (lower.endsWith('.json')) return 'json';
  return 'csv';
}

/**
 * Validates the files of one submission against an obligation, streaming: records are read, checked
 * and forgotten; cross-row rules keep only keys and dates, and run across all files together (a
 * person in person.csv satisfies a reference from insats.csv). Findings never contain a value from
 * the files; a record's personnummer is only ever shown masked.
 */
export function validateSubmission(files: SubmissionFile | readonly SubmissionFile[], options: ValidateOptions): SubmissionValidation {
  const list = Array.isArray(files) ? (files as readonly SubmissionFile[]) : [files as SubmissionFile];
  const engine = createEngine(options.model);
  const personField = new Map<string, string>();
  const elementType = new Map(options.model.elements.map((e) => [e.id, e.valueType]));
  for (const rt of options.model.recordTypes) {
    const pnr = rt.elements.find((e) => elementType.get(e.element) === 'personal-identity-number');
    if (pnr) personField.set(rt.id, pnr.element);
  }

  const counts: Record<FindingSeverity, number> = { fatal: 0, error: 0, warning: 0, info: 0 };
  const rules = new Map<string, { ruleId: string; code: string; severity: FindingSeverity; message: Finding['message']; count: number; first: { file: string; line?: number }[] }>();
  let records = 0;
  let incomplete = false;
  let resolveSummary!: (s: ValidationSummary) => void;
  let rejectSummary!: (e: unknown) => void;
  const summary = new Promise<ValidationSummary>((res, rej) => {
    resolveSummary = res;
    rejectSummary = rej;
  });
  // The summary is awaited by callers after iterating; an internal error must not also be unhandled here.
  summary.catch(() => undefined);

  const tally = (f: ReportedFinding): ReportedFinding => {
    counts[f.severity]++;
    let r = rules.get(f.ruleId);
    if (!r) rules.set(f.ruleId, (r = { ruleId: f.ruleId, code: f.code, severity: f.severity, message: f.message, count: 0, first: [] }));
    r.count++;
    if (r.first.length < FIRST_PLACES) r.first.push({ file: f.file, ...(f.line !== undefined ? { line: f.line } : {}) });
    return f;
  };

  async function* run(): AsyncGenerator<ReportedFinding> {
    try {
      const submission = new SubmissionState(engine, options.obligation, options.period ? { period: options.period } : {});
      // Rows are numbered across the whole submission; each keeps its file and line for reports.
      const rows = new RowIndex();
      const place = (f: Finding): ReportedFinding => {
        const at = f.row === undefined ? undefined : rows.at(f.row);
        return { ...f, file: list[at?.file ?? 0]?.name ?? '', ...(at ? { line: at.line } : {}), ...(at?.person ? { person: at.person } : {}) };
      };
      const obligation = options.model.obligations.find((o) => o.id === options.obligation);
      const single = obligation && obligation.recordTypes.length === 1 ? obligation.recordTypes[0]!.recordType : undefined;
      for (const [fileIndex, file] of list.entries()) {
        for await (const item of readSubmissionFile(file.stream, { format: formatOf(file), ...(options.encoding ? { encoding: options.encoding } : {}) })) {
          if (item.kind === 'problem') {
            if (item.fatal) incomplete = true;
            yield tally(problemFinding(file.name, item));
            if (item.fatal) break;
            continue;
          }
          records++;
          const recordType = item.recordType ?? file.recordType ?? single ?? '';
          const pf = personField.get(recordType);
          const row = rows.add(fileIndex, item.line, pf === undefined ? 0 : personPrefix(item.values[pf]));
          for (const f of submission.push(recordType, item.values, row)) yield tally(place(f));
        }
      }
      for (const f of submission.finish()) yield tally(place(f));
      resolveSummary({
        obligation: options.obligation,
        ...(options.period ? { period: options.period } : {}),
        files: list.length,
        records,
        findings: counts,
        rules: [...rules.values()].sort((a, b) => b.count - a.count || (a.ruleId < b.ruleId ? -1 : 1)),
        incomplete,
      });
    } catch (e) {
      rejectSummary(e);
      throw e;
    }
  }

  return { [Symbol.asyncIterator]: run, summary };
}
