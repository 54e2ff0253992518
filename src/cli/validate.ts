import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { Lang } from '../diagnostics/types.js';
import { docPath, findingDocPath } from '../model/doc-paths.js';
import type { ValidationModel } from '../validate/engine/index.js';
import type { InputEncoding, InputFormat } from '../validate/input.js';
import { MODEL_VERSION } from '../validate/engine/model.js';
import { modelVersionOf, readModelModule } from '../validate/model-module.js';
import { csvHeader, csvRow, findingJson, htmlReport, summaryJson, textLine, textSummary, type ReportFormat } from '../validate/report.js';
import { WorkerPool } from '../validate/parallel.js';
import { defaultWorkers, readsInParallel, validateSubmission, type ReportedFinding, type SubmissionFile } from '../validate/validate.js';
import { bufferedOut, out } from './io.js';

/** Options of `kodkatalog validate`. */
export interface ValidateCommandOptions {
  obligation: string;
  period?: string;
  catalogue: string;
  release?: string;
  format: ReportFormat;
  maxErrors?: string;
  lang: Lang;
  encoding: InputEncoding;
  recordType?: string;
  inputFormat?: InputFormat;
  docsBase?: string;
}

const err = (s: string): void => void process.stderr.write(s);

/** Loads the validation model: from a built release's validators, or from a catalogue. */
async function loadModel(opts: ValidateCommandOptions): Promise<ValidationModel | number> {
  if (opts.release) {
    const file = join(opts.release, 'validators', 'model.js');
    // Read as data, never run: a release is a folder of files, not code to trust.
    const text = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    const model = text === undefined ? undefined : readModelModule(text);
    if (!model) {
      const version = text === undefined ? undefined : modelVersionOf(text);
      const sv = opts.lang === 'sv';
      if (version !== undefined && version !== MODEL_VERSION) {
        err(
          sv
            ? `kodkatalog: ${opts.release} är byggd av en annan version av kodkatalog (modellversion ${version}, den här läser ${MODEL_VERSION}). Bygg om den med kodkatalog build.\n`
            : `kodkatalog: ${opts.release} was built by another version of kodkatalog (model version ${version}, this one reads ${MODEL_VERSION}). Build it again with kodkatalog build.\n`,
        );
      } else {
        err(
          sv
            ? `kodkatalog: ${opts.release} är inte en katalog byggd av kodkatalog (validators/model.js saknas eller är inte som bygget skriver den).\n`
            : `kodkatalog: ${opts.release} is not a catalogue built by kodkatalog (validators/model.js is missing or not as the build writes it).\n`,
        );
      }
      return 2;
    }
    return model;
  }
  // Loading a catalogue needs the loader and its YAML parser; a release does not.
  const { checkCatalogue, hasErrors } = await import('../api.js');
  const { renderDiagnostics } = await import('../diagnostics/render.js');
  const { buildValidationModel } = await import('../validate/model-builder.js');
  const loaded = checkCatalogue(opts.catalogue);
  if (!loaded.catalogue || hasErrors(loaded.diagnostics)) {
    out(renderDiagnostics(loaded.diagnostics, 'text', { lang: opts.lang, readSource: (f) => loaded.raw.sources.get(f) }));
    err(opts.lang === 'sv' ? 'kodkatalog: katalogen har fel, så filen kan inte kontrolleras.\n' : 'kodkatalog: the catalogue has errors, so the file cannot be checked.\n');
    return 2;
  }
  return buildValidationModel(loaded.catalogue);
}

/** Shows how far a large file has been read, on a terminal only. */
function progress(total: number, enabled: boolean): { add(n: number): void; done(): void } {
  let read = 0;
  let last = 0;
  const draw = (): void => {
    const pct = Math.min(100, Math.floor((read / total) * 100));
    const bar = '#'.repeat(Math.floor(pct / 4)).padEnd(25, ' ');
    err(`\r[${bar}] ${String(pct).padStart(3)} %  ${(read / 1e6).toFixed(0)}/${(total / 1e6).toFixed(0)} MB`);
  };
  return {
    add(n) {
      if (!enabled) return;
      read += n;
      const now = Date.now();
      if (now - last > 100) {
        last = now;
        draw();
      }
    },
    done() {
      if (enabled) err('\r' + ' '.repeat(60) + '\r');
    },
  };
}

/** `kodkatalog validate FILE...`: checks submission files; exit 0 clean, 1 errors, 2 usage or unreadable. */
export async function validateCommand(files: readonly string[], opts: ValidateCommandOptions): Promise<number> {
  const sv = opts.lang === 'sv';
  const maxErrors = opts.maxErrors === undefined ? Infinity : Number(opts.maxErrors);
  if (!Number.isInteger(maxErrors) && maxErrors !== Infinity) {
    err(sv ? 'kodkatalog: --max-errors ska vara ett heltal.\n' : 'kodkatalog: --max-errors must be an integer.\n');
    return 2;
  }
  for (const f of files) {
    if (!existsSync(f) || !statSync(f).isFile()) {
      err(sv ? `kodkatalog: filen ${f} finns inte eller kan inte läsas.\n` : `kodkatalog: the file ${f} does not exist or cannot be read.\n`);
      return 2;
    }
  }
  // Threads for large files start now and take the model once it is read (see WorkerPool).
  const threads = process.env.KODKATALOG_WORKERS ? Number(process.env.KODKATALOG_WORKERS) || 0 : defaultWorkers();
  const onDisk: OnDisk[] = files.map((name) => ({ name, path: name, size: statSync(name).size, ...(opts.inputFormat ? { format: opts.inputFormat } : {}) }));
  const pool = onDisk.some((f) => readsInParallel(f, threads)) ? new WorkerPool(threads) : undefined;
  try {
    return await checkAndReport(onDisk, opts, pool ?? threads, maxErrors);
  } finally {
    await pool?.close();
  }
}

/** A file given on the command line: its name (also its path), size and any format told. */
type OnDisk = Pick<SubmissionFile, 'name' | 'path' | 'size' | 'format'>;

/** Reads the model, checks the files with the given threads and writes the report: validateCommand's exit code. */
async function checkAndReport(files: readonly OnDisk[], opts: ValidateCommandOptions, workers: number | WorkerPool, maxErrors: number): Promise<number> {
  const sv = opts.lang === 'sv';
  const model = await loadModel(opts);
  if (typeof model === 'number') return model;
  const obligation = model.obligations.find((o) => o.id === opts.obligation);
  if (!obligation) {
    err(sv ? `kodkatalog: uppgiftsskyldigheten "${opts.obligation}" finns inte. Finns: ${model.obligations.map((o) => o.id).join(', ')}.\n` : `kodkatalog: no obligation "${opts.obligation}". Known: ${model.obligations.map((o) => o.id).join(', ')}.\n`);
    return 2;
  }
  const recordTypeIds = new Set(obligation.recordTypes.map((r) => r.recordType));

  const total = files.reduce((n, f) => n + f.size!, 0);
  const bar = progress(total, process.stderr.isTTY === true && total > 4e6 && opts.format !== 'json');
  const inputs: SubmissionFile[] = files.map((file) => {
    const name = file.name;
    const stem = basename(name).replace(/\.[^.]*$/, '');
    const recordType = opts.recordType ?? (recordTypeIds.has(stem) ? stem : undefined);
    async function* stream(): AsyncGenerator<Uint8Array> {
      for await (const chunk of createReadStream(name, { highWaterMark: 1 << 20 })) {
        bar.add((chunk as Buffer).length);
        yield chunk as Buffer;
      }
    }
    return { ...file, stream: stream(), ...(recordType ? { recordType } : {}) };
  });

  const docsBase = opts.docsBase ?? relative(process.cwd(), join(opts.release ?? 'dist/catalogue', 'docs')).split('\\').join('/') + '/';
  const ruleLink = (ruleId: string, code: string): string => docsBase + (ruleId === code ? findingDocPath(code) : docPath('rule', ruleId));

  const validation = validateSubmission(inputs, {
    model,
    obligation: opts.obligation,
    ...(opts.period ? { period: opts.period } : {}),
    encoding: opts.encoding,
    // Large CSV and NDJSON files are read and checked by worker threads, one a core
    // (KODKATALOG_WORKERS=0 reads everything on the main thread, for comparison).
    workers,
    onBytes: (n) => bar.add(n),
  });
  let shown = 0;
  const report = bufferedOut();
  const kept: ReportedFinding[] = [];
  // Text, JSON and CSV stream as findings come; HTML needs the summary first, so it keeps the shown ones.
  if (opts.format === 'json') report.write(`{\n  "findings": [`);
  if (opts.format === 'csv') report.write(csvHeader(opts.lang));
  for await (const batch of validation.batches()) {
    for (const f of batch) {
      if (shown >= maxErrors) break;
      switch (opts.format) {
        case 'text':
          report.write(textLine(f, opts.lang));
          break;
        case 'json':
          // Two writes, not one joined string: a finding's JSON is the largest text of a report.
          report.write(shown === 0 ? '\n    ' : ',\n    ');
          report.write(JSON.stringify(findingJson(f, opts.lang)));
          break;
        case 'csv':
          report.write(csvRow(f, opts.lang));
          break;
        case 'html':
          kept.push(f);
          break;
      }
      shown++;
    }
  }
  const summary = await validation.summary;
  bar.done();
  if (opts.format === 'text') report.write(textSummary(summary, opts.lang, shown));
  if (opts.format === 'json') report.write(`\n  ],\n  "summary": ${JSON.stringify(summaryJson(summary, opts.lang), null, 2).replace(/\n/g, '\n  ')}\n}\n`);
  if (opts.format === 'html') report.write(htmlReport(kept, summary, opts.lang, ruleLink));
  report.flush();
  if (summary.incomplete) return 2;
  return summary.findings.fatal + summary.findings.error > 0 ? 1 : 0;
}
