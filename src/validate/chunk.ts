// Checking one chunk of a file: the work of a worker thread (worker.ts), also done on the main
// thread for its share of the chunks. Reads the chunk's bytes by a positioned read, decodes them,
// reads the records with the same LineReader as the streaming path and checks them.
import { isUtf8 } from 'node:buffer';
import { closeSync, openSync, readSync } from 'node:fs';
import { createEngine, type Engine, type ValidationModel } from './engine/index.js';
import { firstInvalidUtf8, withoutUtf8Bom } from '../utf8.js';
import { LineReader, type InputProblem } from './input.js';
import { readModelModule } from './model-module.js';
import type { ChunkJob, ChunkOutcome } from './parallel.js';
import { RowChecker, SubmissionLayout } from './rows.js';

/** What a chunk runner is built from (also what a worker thread is given). */
export interface ChunkRunnerInit {
  /**
   * The model, or the text of the model.js it was read from (see readModelModule): a thread parses
   * that text faster than it receives a copy of the model's objects.
   */
  readonly model: ValidationModel | string;
  readonly obligation: string;
  readonly period?: string;
  readonly max: number;
  /** Code tables built by the main thread's runner (see codeTables), which a worker's engine then need not build. */
  readonly codeTables?: ReadonlyMap<string, Int32Array>;
}

/** Checks chunks of files, one at a time. */
export class ChunkRunner {
  private readonly engine: Engine;
  private readonly checker: RowChecker;
  private buffer = Buffer.allocUnsafe(1 << 20);
  private readonly files = new Map<string, number>();
  /** The reader of the last chunk, whose NDJSON shapes the next chunk's reader starts with. */
  private last: LineReader | undefined;

  constructor(private readonly init: ChunkRunnerInit) {
    const model = typeof init.model === 'string' ? readModelModule(init.model) : init.model;
    if (!model) throw new Error('kodkatalog: the model text is not as the build writes it');
    this.engine = createEngine(model, init.codeTables ? { codeTables: init.codeTables } : {});
    this.checker = new RowChecker(new SubmissionLayout(this.engine, init.obligation, init.period));
  }

  /** The code tables of the obligation's classifications, built now if not yet (for the workers' runners). */
  codeTables(): Map<string, Int32Array> {
    return this.engine.codeTables(this.init.obligation);
  }

  private read(job: ChunkJob): Buffer {
    const n = job.end - job.start;
    if (this.buffer.length < n) this.buffer = Buffer.allocUnsafe(n);
    let fd = this.files.get(job.path);
    if (fd === undefined) this.files.set(job.path, (fd = openSync(job.path, 'r')));
    let got = 0;
    while (got < n) {
      const r = readSync(fd, this.buffer, got, n - got, job.start + got);
      if (r === 0) break;
      got += r;
    }
    return this.buffer.subarray(0, got);
  }

  /** Checks one chunk. */
  run(job: ChunkJob): ChunkOutcome {
    const checker = this.checker;
    const bytes = this.read(job);
    const reader = new LineReader(job.format, this.init.max, checker.sink(job.recordType), this.last);
    if (job.header) reader.useHeader(job.header, job.delimiter ?? ';');
    this.last = reader;
    let problem: InputProblem | undefined;
    if (job.format === 'ndjson' && job.encoding === 'utf-8' && isUtf8(bytes)) {
      // Valid UTF-8 NDJSON, the common case, is read from the bytes (a BOM at the file's start is not text).
      reader.bytes(job.start === 0 ? withoutUtf8Bom(bytes) : bytes);
    } else {
      const options = { fatal: true, ignoreBOM: job.start > 0 };
      let text: string;
      try {
        text = new TextDecoder(job.encoding, options).decode(bytes);
      } catch {
        // As the streaming decoder: the text before the first bad byte is read, then reading stops.
        const bad = firstInvalidUtf8(bytes);
        text = bad > 0 ? new TextDecoder(job.encoding, options).decode(bytes.subarray(0, bad)) : '';
        problem = { kind: 'problem', code: 'encoding', offset: job.start + bad, fatal: true };
      }
      reader.text(text);
    }
    if (problem) reader.fail(problem);
    else if (job.last) reader.end({ emptyCheck: false });
    const result = checker.take();
    return { id: job.id, result, lines: reader.lineNo - 1, any: reader.any, openQuote: reader.openQuote, stopped: reader.stopped };
  }

  /** Closes the files it opened. */
  close(): void {
    for (const fd of this.files.values()) closeSync(fd);
    this.files.clear();
  }
}
