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
import { LineReader, type InputEncoding, type InputProblem } from './input.js';
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
 * Worker threads, each with the engine built from the model, taking chunk jobs; the main thread
 * takes its share too (run when its turn comes in file order), so n threads check with n - 1
 * workers, and one worker fewer saves its heap.
 */
export class WorkerPool {
  private readonly workers: Worker[] = [];
  private readonly load: number[] = [];
  private readonly waiting = new Map<number, { resolve: (o: ChunkOutcome) => void; reject: (e: unknown) => void; worker: number }>();
  private readonly local: ChunkRunner;
  private localLoad = 0;
  private nextId = 0;
  private failed: unknown;

  /** `threads` threads in all: the main thread and threads - 1 workers. */
  constructor(threads: number, init: ChunkRunnerInit) {
    if (threads > 1 && !existsSync(fileURLToPath(WORKER))) throw new Error('kodkatalog: the worker thread script is missing (run `npm run compile`)');
    this.local = new ChunkRunner(init);
    for (let i = 1; i < threads; i++) {
      // A small young generation: a worker's garbage is a chunk's records, short-lived.
      const worker = new Worker(WORKER, { workerData: init, resourceLimits: { maxYoungGenerationSizeMb: 2 } });
      worker.on('message', (o: ChunkOutcome) => {
        const w = this.waiting.get(o.id);
        if (!w) return;
        this.waiting.delete(o.id);
        this.load[w.worker]!--;
        w.resolve(o);
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

  /** Number of threads checking chunks (the workers and this one). */
  get size(): number {
    return this.workers.length + 1;
  }

  /**
   * Gives a job to the least busy thread: a worker's outcome comes as a promise; this thread's job
   * is run when `outcome()` is called, which the reader does when the job's turn comes.
   */
  run(job: Omit<ChunkJob, 'id'>): { outcome: () => Promise<ChunkOutcome> } {
    if (this.failed) return { outcome: () => Promise.reject(this.failed) };
    const id = this.nextId++;
    let w = -1;
    let least = this.localLoad;
    for (let i = 0; i < this.load.length; i++) {
      if (this.load[i]! < least) {
        least = this.load[i]!;
        w = i;
      }
    }
    if (w < 0) {
      this.localLoad++;
      return {
        outcome: () => {
          this.localLoad--;
          return Promise.resolve(this.local.run({ ...job, id }));
        },
      };
    }
    this.load[w]!++;
    const promise = new Promise<ChunkOutcome>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject, worker: w });
      this.workers[w]!.postMessage({ ...job, id });
    });
    // Handled in order by the reader; a chunk left unread after a fallback must not be an unhandled rejection.
    promise.catch(() => undefined);
    return { outcome: () => promise };
  }

  private fail(e: unknown): void {
    this.failed ??= e;
    for (const w of this.waiting.values()) w.reject(this.failed);
    this.waiting.clear();
  }

  /** Stops the workers. */
  async close(): Promise<void> {
    this.fail(new Error('kodkatalog: the worker pool is closed'));
    this.local.close();
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

const WINDOW = 1 << 16;

/** Byte offset just past the first LF at or after `from`, the file's size at its end, -1 when none within `limit` bytes. */
function lineEndAfter(fd: number, from: number, size: number, limit: number, buf: Buffer): number {
  for (let at = from; at < size; at += WINDOW) {
    if (at - from > limit) return -1;
    const n = readSync(fd, buf, 0, Math.min(WINDOW, size - at), at);
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
  const n = readSync(fd, b, 0, 2, 0);
  return n === 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff));
}

/**
 * Reads a file with the pool: yields each chunk's result in file order, or at some point the
 * place from which the streaming reader must go on. Keeps at most two chunks a worker in flight.
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
    const inFlight = new Map<number, { start: number; end: number; outcome: () => Promise<ChunkOutcome> }>();
    let next = dataStart;
    let dispatched = 0;
    let cutFailedAt = -1;
    const dispatch = (): void => {
      while (inFlight.size < pool.size * 2 && next < file.size && cutFailedAt < 0) {
        const end = next + settings.chunkBytes >= file.size ? file.size : lineEndAfter(fd, next + settings.chunkBytes, file.size, limit, window);
        if (end < 0) {
          cutFailedAt = dispatched;
          break;
        }
        const job = { path: file.path, start: next, end, last: end >= file.size, format: file.format, encoding: file.encoding, recordType: file.recordType, ...(csv ?? {}) };
        inFlight.set(dispatched++, { start: next, end, outcome: pool.run(job).outcome });
        next = end;
      }
    };
    if (dataStart >= file.size) {
      // A header and nothing else.
      yield { kind: 'chunk', result: { rows: 0, ops: new Float64Array(0), opsLength: 0, events: [] }, lineOffset, bytes: file.size, any: false };
      return;
    }
    for (let k = 0; ; k++) {
      dispatch();
      const chunk = inFlight.get(k);
      if (!chunk) {
        if (k === cutFailedAt) yield { kind: 'rest', start: next, lineOffset, ...(csv ?? {}) };
        return;
      }
      const outcome = await chunk.outcome();
      inFlight.delete(k);
      if (outcome.openQuote && chunk.end < file.size) {
        // A quoted field goes on past the cut: this chunk and the rest are read by the streaming reader.
        yield { kind: 'rest', start: chunk.start, lineOffset, ...(csv ?? {}) };
        return;
      }
      yield { kind: 'chunk', result: outcome.result, lineOffset, bytes: chunk.end - chunk.start + (k === 0 ? dataStart : 0), any: outcome.any };
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
