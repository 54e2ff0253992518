/**
 * Reading a large CSV or NDJSON file with worker threads: the file is cut at line ends into chunks
 * of a few MB, each worker reads its chunks by positioned reads and checks their records (see
 * worker.ts), and the results come back here to be merged in file order by the one CrossState.
 * The main thread reads only a few kB around each cut, and the CSV header.
 *
 * Anything the cut could get wrong goes back to the streaming reader for the rest of the file,
 * from the start of the chunk where it happened, so the findings are those of the streaming path:
 * a CSV quoted field with a line break across a cut, no line end for several MB (a huge line, or a
 * file with lone CR line ends), a UTF-16 file, a header that is not one plain line.
 */
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ChunkRunner, type ChunkRunnerInit } from './chunk.js';
import { utf16Bom } from '../utf8.js';
import { LineReader, type InputEncoding, type InputProblem } from './input.js';
import { modelTextOf } from './model-module.js';
import type { ChunkResult } from './rows.js';

/** One chunk for a worker: bytes [start, end) of a file, beginning and ending at line ends. */
export interface ChunkJob {
  readonly id: number;
  readonly path: string;
  readonly start: number;
  readonly end: number;
  readonly last: boolean;
  readonly format: 'csv' | 'ndjson';
  readonly encoding: InputEncoding;
  /** Record type of records that do not name one. */
  readonly recordType: string;
  /** CSV: the header from the file's first line, and its delimiter. */
  readonly header?: readonly string[];
  readonly delimiter?: string;
}

/** What a worker sends back for a chunk. */
export interface ChunkOutcome {
  readonly id: number;
  readonly result: ChunkResult;
  /** Line ends in the chunk. */
  readonly lines: number;
  /** NDJSON: a line that is not blank was seen. */
  readonly any: boolean;
  /** CSV: the chunk ends inside a quoted field (the cut was wrong). */
  readonly openQuote: boolean;
  /** A fatal problem (bad encoding) ended reading. */
  readonly stopped: boolean;
}

/** What a worker thread is sent: first what to check against, then chunks. */
export type WorkerMessage = { readonly init: ChunkRunnerInit } | ChunkJob;

/**
 * A chunk's outcome as a worker sends it: its findings and problems as JSON text, because a few
 * thousand plain objects take several times longer to clone than to write and read as JSON.
 */
export type SentOutcome = Omit<ChunkOutcome, 'result'> & { readonly result: Omit<ChunkResult, 'events'> & { readonly events: string } };

/** A file to read in parallel. */
export interface ParallelFile {
  readonly path: string;
  readonly size: number;
  readonly format: 'csv' | 'ndjson';
  readonly encoding: InputEncoding;
  readonly recordType: string;
}

/** What reading a file in parallel gives, in file order. */
export type Piece =
  | { readonly kind: 'chunk'; readonly result: ChunkResult; readonly lineOffset: number; readonly bytes: number; readonly any: boolean }
  /** The rest of the file, from byte `start` (a line start, line `lineOffset + 1`), is for the streaming reader. */
  | { readonly kind: 'rest'; readonly start: number; readonly lineOffset: number; readonly header?: readonly string[]; readonly delimiter?: string };

/** Settings of the parallel reading. */
export interface ParallelSettings {
  /** Bytes a chunk has at least (it ends at the next line end). */
  readonly chunkBytes: number;
  /** Longest line, in characters, as the readers take it. */
  readonly max: number;
}

const WORKER = new URL('./worker.js', import.meta.url);

/**
 * Chunks a worker has at most waiting for it, so it never waits for the main thread: eight are
 * some 40 ms of work, more than the main thread's longest stretch without reading its messages
 * (growing a key table of a million keys, a burst of findings). With three the worker of a
 * 1,000,000-record file sat idle for 130-220 ms in all.
 */
const DEPTH = 8;

/**
 * Worker threads, each with the engine built from the model, taking chunk jobs; the main thread
 * checks chunks too, but only while the chunk whose turn it is has not come back from a worker
 * (see readParallel), because it also merges every chunk's result. So n threads check with n - 1
 * workers, and one worker fewer saves its heap.
 *
 * The threads start when the pool is made and are told what to check against by `init`, so a
 * caller can start them before it has read the model (a thread takes about 0.05 s to start).
 */
export class WorkerPool {
  private readonly workers: Worker[] = [];
  private readonly load: number[] = [];
  private readonly waiting = new Map<number, { resolve: (o: ChunkOutcome) => void; reject: (e: unknown) => void; worker: number }>();
  private local: ChunkRunner | undefined;
  private nextId = 0;
  private failed: unknown;

  /** `threads` threads in all: the main thread and threads - 1 workers. */
  constructor(readonly threads: number) {
    if (threads > 1 && !existsSync(fileURLToPath(WORKER))) throw new Error('kodkatalog: the worker thread script is missing (run `npm run compile`)');
    for (let i = 1; i < threads; i++) {
      // A small young generation: a worker's garbage is a chunk's records, short-lived.
      const worker = new Worker(WORKER, { resourceLimits: { maxYoungGenerationSizeMb: 2 } });
      worker.on('message', (o: SentOutcome) => {
        const w = this.waiting.get(o.id);
        if (!w) return;
        this.waiting.delete(o.id);
        this.load[w.worker]!--;
        // The result made as RowChecker.take makes it, so that merging meets one kind of object.
        const result: ChunkResult = { rows: o.result.rows, ops: o.result.ops, events: JSON.parse(o.result.events) as ChunkResult['events'] };
        w.resolve({ ...o, result });
      });
      // A failure in a worker is a bug in kodkatalog; its message is not passed on (it might quote data).
      worker.on('error', () => this.fail(new Error('kodkatalog: a worker thread failed')));
      worker.on('exit', (code) => {
        if (code !== 0 && this.waiting.size > 0) this.fail(new Error('kodkatalog: a worker thread stopped'));
      });
      this.workers.push(worker);
      this.load.push(0);
    }
  }

  /**
   * Tells every thread what to check against; once only, before the first job. A model read from
   * a model.js goes to the workers as that text (see modelTextOf), with the code tables this
   * thread builds for it: a copy of the 768 kB for 50,000 codes takes well under a millisecond,
   * building them 15-30 ms, before the JIT has warmed up.
   */
  init(init: ChunkRunnerInit): void {
    if (this.local) throw new Error('kodkatalog: the worker pool is already in use');
    this.local = new ChunkRunner(init);
    if (this.workers.length === 0) return;
    const text = typeof init.model === 'string' ? init.model : modelTextOf(init.model);
    const sent: WorkerMessage = { init: { ...init, model: text ?? init.model, codeTables: this.local.codeTables() } };
    for (const w of this.workers) w.postMessage(sent);
  }

  /** Gives a job to the least busy worker, unless every one has DEPTH jobs already (then undefined). */
  post(job: Omit<ChunkJob, 'id'>): Promise<ChunkOutcome> | undefined {
    if (this.failed) return Promise.reject(this.failed);
    this.runner();
    let w = -1;
    for (let i = 0; i < this.load.length; i++) if (this.load[i]! < DEPTH && (w < 0 || this.load[i]! < this.load[w]!)) w = i;
    if (w < 0) return undefined;
    const id = this.nextId++;
    this.load[w]!++;
    const promise = new Promise<ChunkOutcome>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject, worker: w });
      this.workers[w]!.postMessage({ ...job, id });
    });
    // Handled in order by the reader; a chunk left unread after a fallback must not be an unhandled rejection.
    promise.catch(() => undefined);
    return promise;
  }

  /** Checks a job on this thread. */
  runHere(job: Omit<ChunkJob, 'id'>): ChunkOutcome {
    if (this.failed) throw this.failed;
    return this.runner().run({ ...job, id: this.nextId++ });
  }

  /** This thread's runner, once `init` has been called. */
  private runner(): ChunkRunner {
    if (!this.local) throw new Error('kodkatalog: the worker pool has no model yet (init)');
    return this.local;
  }

  /**
   * Chunks worth cutting ahead: enough to keep every worker busy and the main thread too, also
   * while a worker starts (about 0.1 s, in which this thread checks some 20 chunks; with 8 it sat
   * waiting for the worker's first). A chunk checked ahead waits with its numbers until its turn.
   */
  get window(): number {
    return this.workers.length * DEPTH + 32;
  }

  private fail(e: unknown): void {
    this.failed ??= e;
    for (const w of this.waiting.values()) w.reject(this.failed);
    this.waiting.clear();
  }

  /** Stops the workers (their open files are closed with them). */
  async close(): Promise<void> {
    this.fail(new Error('kodkatalog: the worker pool is closed'));
    this.local?.close();
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

const WINDOW = 1 << 16;

/**
 * Byte offset just past the first LF at or after `from`, the file's size at its end, -1 when none
 * within `limit` bytes. Reads 4 kB first (a line is usually far shorter), then windows of `buf`.
 */
function lineEndAfter(fd: number, from: number, size: number, limit: number, buf: Buffer): number {
  for (let at = from, step = 4096; at < size; at += step, step = buf.length) {
    if (at - from > limit) return -1;
    const n = readSync(fd, buf, 0, Math.min(step, size - at), at);
    const i = buf.subarray(0, n).indexOf(10);
    if (i >= 0) return at + i + 1;
  }
  return size;
}

/**
 * A CSV file's header, when its first line is a plain one (no BOM other than UTF-8's, no quotes,
 * no NUL, ends in LF or CRLF within 64 kB) and a valid header: the header, its delimiter and where
 * the data begins. Undefined otherwise (the file is then read by the streaming reader).
 */
function plainHeader(fd: number, size: number, encoding: InputEncoding, max: number): { header: string[]; delimiter: string; dataStart: number } | undefined {
  const buf = Buffer.alloc(Math.min(WINDOW, size));
  const n = readSync(fd, buf, 0, buf.length, 0);
  const lf = buf.subarray(0, n).indexOf(10);
  if (lf < 0) return undefined;
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(buf.subarray(0, lf));
  } catch {
    return undefined;
  }
  if (text.endsWith('\r')) text = text.slice(0, -1);
  if (text.includes('"') || text.includes('\0') || text.includes('\r') || text.trim() === '') return undefined;
  let problem = false;
  const reader = new LineReader('csv', max, { record: () => undefined, problem: () => void (problem = true) });
  reader.text(`${text}\n`);
  if (problem || !reader.header) return undefined;
  return { header: reader.header, delimiter: reader.delimiter, dataStart: lf + 1 };
}

/** True when the file starts with a UTF-16 byte order mark (read by the streaming reader). */
function utf16(fd: number): boolean {
  const b = Buffer.alloc(2);
  return utf16Bom(b.subarray(0, readSync(fd, b, 0, 2, 0))) !== undefined;
}

/**
 * Reads a file with the pool: yields each chunk's result in file order, or at some point the
 * place from which the streaming reader must go on. Cuts at most `pool.window` chunks ahead.
 */
export async function* readParallel(pool: WorkerPool, file: ParallelFile, settings: ParallelSettings): AsyncGenerator<Piece> {
  const fd = openSync(file.path, 'r');
  try {
    if (file.size === 0 || utf16(fd)) {
      yield { kind: 'rest', start: 0, lineOffset: 0 };
      return;
    }
    let dataStart = 0;
    let lineOffset = 0;
    let csv: { header: string[]; delimiter: string } | undefined;
    if (file.format === 'csv') {
      const h = plainHeader(fd, file.size, file.encoding, settings.max);
      if (!h) {
        yield { kind: 'rest', start: 0, lineOffset: 0 };
        return;
      }
      csv = { header: h.header, delimiter: h.delimiter };
      dataStart = h.dataStart;
      lineOffset = 1;
    }
    const window = Buffer.allocUnsafe(WINDOW);
    // Past this a line is longer than any a reader keeps (3 bytes a UTF-16 unit at most), or the
    // line ends are lone CRs: the streaming reader takes over.
    const limit = settings.max * 3 + WINDOW;
    if (dataStart >= file.size) {
      // A header and nothing else.
      yield { kind: 'chunk', result: { rows: 0, ops: new Int32Array(0), events: [] }, lineOffset, bytes: file.size, any: false };
      return;
    }
    interface Slot {
      readonly start: number;
      readonly end: number;
      worker?: Promise<ChunkOutcome>;
      back?: boolean;
      outcome?: ChunkOutcome;
    }
    // The chunks cut ahead, in file order: the first is the one whose turn it is.
    const slots: Slot[] = [];
    let next = dataStart;
    let cutFailed = false;
    const job = (s: Slot): Omit<ChunkJob, 'id'> => ({ path: file.path, start: s.start, end: s.end, last: s.end >= file.size, format: file.format, encoding: file.encoding, recordType: file.recordType, ...(csv ?? {}) });
    // Chunks get smaller towards the end of the file, down to an eighth, so that the threads end
    // together: the chunks a worker has waiting are then less work than the main thread would
    // otherwise wait for, with nothing left to check (25-45 ms of a 1,000,000-record file).
    // (Whole numbers that V8 keeps as small integers: a fraction, or Math.ceil's result, in a chunk's
    // end made it throw away the compiled readParallel.)
    const least = settings.chunkBytes >> 3;
    const refill = (): void => {
      while (slots.length < pool.window && next < file.size && !cutFailed) {
        const bytes = Math.max(least, Math.min(settings.chunkBytes, (file.size - next) / (2 * DEPTH * pool.threads)) | 0);
        const end = next + bytes >= file.size ? file.size : lineEndAfter(fd, next + bytes, file.size, limit, window);
        if (end < 0) {
          cutFailed = true;
          break;
        }
        slots.push({ start: next, end });
        next = end;
      }
      for (const s of slots) {
        if (s.worker || s.outcome) continue;
        const promise = pool.post(job(s));
        if (!promise) break;
        s.worker = promise;
        void promise.then(() => void (s.back = true), () => undefined);
      }
    };
    for (;;) {
      refill();
      const slot = slots[0];
      if (!slot) {
        if (cutFailed) yield { kind: 'rest', start: next, lineOffset, ...(csv ?? {}) };
        return;
      }
      // While the worker has this chunk, this thread checks a later one no worker has taken.
      while (!slot.outcome) {
        if (!slot.worker) {
          slot.outcome = pool.runHere(job(slot));
          break;
        }
        if (slot.back) {
          slot.outcome = await slot.worker;
          break;
        }
        const spare = slots.find((s) => !s.worker && !s.outcome);
        if (!spare) {
          slot.outcome = await slot.worker;
          break;
        }
        spare.outcome = pool.runHere(job(spare));
        // Lets the workers' messages in, then hands them more chunks.
        await new Promise((resolve) => setImmediate(resolve));
        refill();
      }
      slots.shift();
      const outcome = slot.outcome;
      if (outcome.openQuote && slot.end < file.size) {
        // A quoted field goes on past the cut: this chunk and the rest are read by the streaming reader.
        yield { kind: 'rest', start: slot.start, lineOffset, ...(csv ?? {}) };
        return;
      }
      yield { kind: 'chunk', result: outcome.result, lineOffset, bytes: slot.end - slot.start + (slot.start === dataStart ? dataStart : 0), any: outcome.any };
      lineOffset += outcome.lines;
      if (outcome.stopped) return;
    }
  } finally {
    closeSync(fd);
  }
}

/** Problem lines counted within a chunk, placed in the file. */
export function shiftProblem(p: InputProblem, lineOffset: number): InputProblem {
  return p.line === undefined || lineOffset === 0 ? p : { ...p, line: p.line + lineOffset };
}
