import { createReadStream } from 'node:fs';
import { availableParallelism } from 'node:os';
import { createEngine, safeName, type Finding, type FindingSeverity, type ValidationModel } from './engine/index.js';
import { DEFAULT_MAX_RECORD, feedJsonArray, feedReader, formatOfFile, LineReader, type InputEncoding, type InputFormat, type InputProblem, type InputProblemCode } from './input.js';
import { readParallel, shiftProblem, WorkerPool } from './parallel.js';
import { CrossState, RowChecker, SubmissionLayout } from './rows.js';

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
  /**
   * The file on disk, when it is one, and its size: with `workers` a large CSV or NDJSON file is
   * then read by worker threads (by positioned reads) and `stream` is left unread.
   */
  readonly path?: string;
  readonly size?: number;
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
  /**
   * Threads that check files given with `path` and at least `parallelFrom` bytes: this thread and
   * `workers - 1` worker threads each read and check chunks of the file, and the cross-row rules
   * are merged here in file order, so the findings are the same as on one thread. 0 or left out:
   * files are streamed on this thread. Or a pool started ahead (`new WorkerPool(threads)`, before
   * the model is read, see readsInParallel), which this validation then initialises and closes.
   */
  readonly workers?: number | WorkerPool;
  /** Smallest file read by the workers (16 MB unless told). */
  readonly parallelFrom?: number;
  /** Bytes a chunk has at least (512 kB unless told: a chunk read as one string stays on the heap, not external memory). */
  readonly chunkBytes?: number;
  /** Told how many bytes of a file read by the workers have been checked, for a progress bar. */
  readonly onBytes?: (bytes: number) => void;
}

/** True when a file is read by worker threads, given that many threads (see ValidateOptions.workers). */
export function readsInParallel(file: Pick<SubmissionFile, 'name' | 'format' | 'path' | 'size'>, threads: number, parallelFrom = 16 << 20): boolean {
  const format = file.format ?? formatOfFile(file.name) ?? 'csv';
  return threads > 0 && file.path !== undefined && format !== 'json' && (file.size ?? 0) >= parallelFrom;
}

/** Threads worth checking with on this machine: one a core, at most 8 (and none but this one on one core). */
export function defaultWorkers(): number {
  const n = availableParallelism();
  return n < 2 ? 0 : Math.min(n, 8);
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

/**
 * A running validation: iterate for the findings, or take them in batches (one iteration of either);
 * the summary resolves when iteration ends.
 */
export interface SubmissionValidation extends AsyncIterable<ReportedFinding> {
  /** The same findings in batches as they are found: one await a batch, not one a finding. */
  batches(): AsyncIterable<readonly ReportedFinding[]>;
  readonly summary: Promise<ValidationSummary>;
}

const FIRST_PLACES = 5;

/**
 * Findings of the cross-row rules handed on at a time: a batch is written before the next is made,
 * so the 14,500 of the bench's 1,000,000-record file are not all kept at once. (Kept, they cost the
 * garbage collector 28 ms in a profile of that last step; in batches, 7-16 ms.)
 */
const FINISH_BATCH = 1024;

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


/**
 * Validates the files of one submission against an obligation, streaming: records are read, checked
 * and forgotten; cross-row rules keep only keys and dates, and run across all files together (a
 * person in person.csv satisfies a reference from insats.csv). Findings never contain a value from
 * the files; a record's personnummer is only ever shown masked.
 */
export function validateSubmission(files: SubmissionFile | readonly SubmissionFile[], options: ValidateOptions): SubmissionValidation {
  const list = Array.isArray(files) ? (files as readonly SubmissionFile[]) : [files as SubmissionFile];
  const engine = createEngine(options.model);

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

  // The findings in batches (one a chunk): resumed once a chunk, not once a finding.
  async function* batches(): AsyncGenerator<ReportedFinding[]> {
    const given = options.workers instanceof WorkerPool ? options.workers : undefined;
    const threads = given?.threads ?? (options.workers as number | undefined) ?? 0;
    let pool: WorkerPool | undefined;
    try {
      // Row checks (RowChecker) and cross-row rules (CrossState) are two halves, so that worker
      // threads can do the first; on this thread both run through the same code.
      const layout = new SubmissionLayout(engine, options.obligation, options.period);
      const cross = new CrossState(layout);
      const checker = new RowChecker(layout);
      // Rows are numbered across the whole submission; each keeps its file and line for reports.
      const rows = cross.rows;
      // One object a finding, made here: a report of 200,000 findings makes 200,000 of them.
      const place = (f: Finding, rowShift = 0): ReportedFinding => {
        const row = f.row === undefined ? undefined : f.row + rowShift;
        const at = row === undefined ? undefined : rows.at(row);
        const r: { -readonly [K in keyof ReportedFinding]: ReportedFinding[K] } = { code: f.code, ruleId: f.ruleId, severity: f.severity, recordType: f.recordType, row, field: f.field, message: f.message, file: list[at?.file ?? 0]?.name ?? '' };
        if (f.related !== undefined) r.related = f.related;
        if (at) r.line = at.line;
        if (at?.person) r.person = at.person;
        return r;
      };
      const obligation = options.model.obligations.find((o) => o.id === options.obligation);
      const single = obligation && obligation.recordTypes.length === 1 ? obligation.recordTypes[0]!.recordType : undefined;
      const encoding = options.encoding ?? 'utf-8';
      let out: ReportedFinding[] = [];
      const flush = (): ReportedFinding[] => {
        const items = out;
        out = [];
        return items;
      };
      for (const [fileIndex, file] of list.entries()) {
        const format = file.format ?? formatOfFile(file.name) ?? 'csv';
        const recordType = file.recordType ?? single ?? '';
        let stopped = false;
        const emit = (f: Finding, rowShift: number): void => void out.push(tally(place(f, rowShift)));
        const problemAt =
          (lineOffset: number) =>
          (p: InputProblem): void => {
            if (p.fatal) incomplete = stopped = true;
            out.push(tally(problemFinding(file.name, shiftProblem(p, lineOffset))));
          };
        const take = (lineOffset: number): void => {
          const result = checker.take();
          records += result.rows;
          cross.merge(result, fileIndex, lineOffset, emit, problemAt(lineOffset));
        };
        const sink = checker.sink(recordType);
        const size = file.size ?? 0;
        // (The first two tests are readsInParallel's own, repeated for the type checker.)
        if (format !== 'json' && file.path !== undefined && readsInParallel({ ...file, format }, threads, options.parallelFrom)) {
          if (!pool) {
            pool = given ?? new WorkerPool(threads);
            pool.init({ model: options.model, obligation: options.obligation, ...(options.period ? { period: options.period } : {}), max: DEFAULT_MAX_RECORD });
          }
          let any = false;
          let streamed = false;
          const settings = { chunkBytes: options.chunkBytes ?? 1 << 19, max: DEFAULT_MAX_RECORD };
          for await (const piece of readParallel(pool, { path: file.path, size, format, encoding, recordType }, settings)) {
            if (piece.kind === 'chunk') {
              any ||= piece.any;
              records += piece.result.rows;
              cross.merge(piece.result, fileIndex, piece.lineOffset, emit, problemAt(piece.lineOffset));
              options.onBytes?.(piece.bytes);
              yield flush();
              continue;
            }
            // The rest of the file goes to the streaming reader (see parallel.ts for when).
            streamed = piece.start === 0;
            const reader = new LineReader(format, DEFAULT_MAX_RECORD, sink);
            if (piece.header) reader.useHeader(piece.header, piece.delimiter ?? ';');
            const source = piece.start === 0 ? file.stream : counted(createReadStream(file.path, { start: piece.start, highWaterMark: 1 << 20 }), options.onBytes);
            for await (const _ of feedReader(source, reader, encoding, piece.start, piece.start === 0)) {
              take(piece.lineOffset);
              yield flush();
            }
            any ||= reader.any;
          }
          if (format === 'ndjson' && !any && !stopped && !streamed) {
            problemAt(0)({ kind: 'problem', code: 'empty-file', fatal: true });
            yield flush();
          }
          continue;
        }
        const feed = format === 'json' ? feedJsonArray(file.stream, sink, encoding) : feedReader(file.stream, new LineReader(format, DEFAULT_MAX_RECORD, sink), encoding);
        for await (const _ of feed) {
          take(0);
          yield flush();
          if (stopped) break;
        }
      }
      for (const f of cross.finish()) {
        out.push(tally(place(f)));
        if (out.length === FINISH_BATCH) yield flush();
      }
      yield flush();
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
    } finally {
      await (pool ?? given)?.close();
    }
  }

  async function* findings(): AsyncGenerator<ReportedFinding> {
    for await (const batch of batches()) yield* batch;
  }

  return { [Symbol.asyncIterator]: findings, batches, summary };
}

/** A byte stream that tells how much it has passed on. */
async function* counted(source: AsyncIterable<Buffer | string>, onBytes: ((n: number) => void) | undefined): AsyncGenerator<Uint8Array> {
  for await (const chunk of source) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    onBytes?.(b.length);
    yield b;
  }
}
