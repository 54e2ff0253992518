/**
 * Streaming readers for submission files: CSV (`;` or `,`), NDJSON and JSON arrays, in UTF-8 (with or
 * without BOM), UTF-16 (by BOM) or windows-1252. They yield one record at a time, so memory depends on
 * the longest record, never on the file. Problems are values, and never carry file content: a problem
 * says where (line, byte offset, field name), not what was there, because the content is personal data.
 */

import { isUtf8 } from 'node:buffer';
import type { FieldText } from './engine/engine.js';
import { textOf, unitsEqual } from './engine/units.js';
import { incompleteTail, invalidOffset, utf16Bom, withoutUtf8Bom } from '../utf8.js';

/** Input file formats. */
export type InputFormat = 'csv' | 'ndjson' | 'json';

/** Text encodings a submission may use. */
export type InputEncoding = 'utf-8' | 'windows-1252';

/** One record read from the file. */
export interface InputRecord {
  readonly kind: 'record';
  /** 1-based line where the record starts (for a JSON array: the line of its `{`). */
  readonly line: number;
  /** 1-based index of the record among the file's records (the header is not a record). */
  readonly index: number;
  /** The record type named by the record (NDJSON/JSON `recordType`), if any. */
  readonly recordType?: string;
  /** Field values: strings from CSV; JSON values from NDJSON and JSON. Own properties only. */
  readonly values: Record<string, unknown>;
}

/** Codes of the problems the readers report. */
export type InputProblemCode =
  | 'encoding'
  | 'nul-byte'
  | 'line-too-long'
  | 'unclosed-quote'
  | 'field-count'
  | 'duplicate-header'
  | 'empty-header'
  | 'json-syntax'
  | 'not-an-object'
  | 'not-an-array'
  | 'empty-file'
  | 'truncated';

/** A problem with the file itself, with its position and no content. */
export interface InputProblem {
  readonly kind: 'problem';
  /** What is wrong. */
  readonly code: InputProblemCode;
  /** 1-based line, when known. */
  readonly line?: number;
  /** 0-based byte offset, for encoding problems. */
  readonly offset?: number;
  /** Header name, for header problems. */
  readonly field?: string;
  /** Expected and found counts, for field-count problems. */
  readonly expected?: number;
  readonly found?: number;
  /** True when reading cannot go on (the rest of the file is not read). */
  readonly fatal: boolean;
}

/** Options for reading. */
export interface ReadOptions {
  /** File format. */
  readonly format: InputFormat;
  /** Encoding; UTF-8 by default. A UTF-16 BOM is recognised whatever this says. */
  readonly encoding?: InputEncoding;
  /** Longest accepted line or record in characters; longer ones are skipped with a problem. */
  readonly maxRecordLength?: number;
}

/** Longest line or record read, in characters, unless told otherwise. */
export const DEFAULT_MAX_RECORD = 1 << 20;

/**
 * Decodes a byte stream to text chunks. On invalid UTF-8 it first passes on the text before the
 * first bad byte (so every line that ends before it is read, however the stream is chunked), then
 * reports the byte offset of that byte and stops. A UTF-16 byte order mark switches to UTF-16; a
 * UTF-8 BOM is dropped.
 */
async function* decode(source: AsyncIterable<Uint8Array>, encoding: InputEncoding, start = 0): AsyncGenerator<string | InputProblem> {
  let decoder: TextDecoder | undefined;
  let utf8 = false;
  let atStart = start === 0;
  let offset = start;
  // UTF-8 is decoded a chunk at a time without the decoder's streaming mode (several times slower):
  // the bytes of a sequence cut by the chunk's end are held back and decoded with the next chunk.
  let held: Uint8Array = new Uint8Array(0);
  for await (const chunk of source) {
    if (!decoder) {
      const utf16 = start === 0 ? utf16Bom(chunk) : undefined;
      utf8 = !utf16 && encoding === 'utf-8';
      decoder = new TextDecoder(utf16 ?? encoding, { fatal: true, ignoreBOM: utf8 || start > 0 });
    }
    if (!utf8) {
      try {
        const text = decoder.decode(chunk, { stream: true });
        if (text) yield text;
      } catch {
        yield { kind: 'problem', code: 'encoding', offset: offset + Math.min(invalidOffset(chunk), chunk.length - 1), fatal: true };
        return;
      }
      offset += chunk.length;
      continue;
    }
    const joined = held.length === 0 ? chunk : concat(held, chunk);
    const whole = joined.length - incompleteTail(joined);
    let text: string;
    try {
      text = decoder.decode(joined.subarray(0, whole));
    } catch {
      // The text before the first bad byte is passed on (it is whole, valid UTF-8), then the problem.
      const bad = Math.min(invalidOffset(joined), joined.length - 1);
      text = bad > 0 ? decoder.decode(joined.subarray(0, bad)) : '';
      if (atStart && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      if (text) yield text;
      yield { kind: 'problem', code: 'encoding', offset: offset - held.length + bad, fatal: true };
      return;
    }
    held = whole === joined.length ? new Uint8Array(0) : joined.slice(whole);
    offset += chunk.length;
    if (text) {
      // A UTF-8 BOM at the very start of the file is not text.
      if (atStart && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      atStart = false;
      if (text) yield text;
    }
  }
  if (!decoder) return;
  if (utf8) {
    // An incomplete sequence at the very end of the file: its first byte.
    if (held.length > 0) yield { kind: 'problem', code: 'encoding', offset: offset - held.length, fatal: true };
    return;
  }
  try {
    const rest = decoder.decode();
    if (rest) yield rest;
  } catch {
    yield { kind: 'problem', code: 'encoding', offset, fatal: true };
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}

/** Builds an object with own properties only, so keys like `__proto__` are data, not prototypes. */
function record(keys: readonly string[], values: readonly string[]): Record<string, unknown> {
  const o: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (let i = 0; i < keys.length; i++) o[keys[i]!] = values[i];
  return o;
}

/** Splits one CSV record; quoted fields may hold the delimiter, `""` and (joined by the caller) line ends. */
function splitCsv(text: string, delimiter: string): string[] | undefined {
  if (text.indexOf('"') < 0) return text.split(delimiter);
  const out: string[] = [];
  let i = 0;
  const n = text.length;
  for (;;) {
    if (text[i] === '"') {
      let value = '';
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) return undefined;
        value += text.slice(j, q);
        if (text[q + 1] === '"') {
          value += '"';
          j = q + 2;
        } else {
          j = q + 1;
          break;
        }
      }
      out.push(value);
      const d = text.indexOf(delimiter, j);
      if (d < 0) return out;
      i = d + 1;
    } else {
      const d = text.indexOf(delimiter, i);
      if (d < 0) {
        out.push(text.slice(i));
        return out;
      }
      out.push(text.slice(i, d));
      i = d + 1;
    }
    if (i > n) return out;
  }
}

/** True when a line leaves a quoted field open (odd number of quotes). */
function opensQuote(text: string): boolean {
  let count = 0;
  for (let i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) count++;
  return count % 2 === 1;
}

/** Parses one JSON record without ever passing the parser's message on (it quotes the input). */
function parseObject(text: string): Record<string, unknown> | 'syntax' | 'not-an-object' {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'syntax';
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'not-an-object';
  return value as Record<string, unknown>;
}

function toRecord(o: Record<string, unknown>, line: number, index: number): InputRecord {
  const recordType = typeof o.recordType === 'string' ? o.recordType : undefined;
  return { kind: 'record', line, index, ...(recordType !== undefined ? { recordType } : {}), values: withoutRecordType(o) };
}

/** Receives what a LineReader reads, synchronously and in file order. */
export interface RecordSink {
  /**
   * One record. From CSV: an object of own properties (the header's columns, `recordType` taken
   * out). From NDJSON: the object as JSON.parse made it, which still holds its `recordType` field
   * when that is a string (the record type it names; the engine skips that field); a record with a
   * `recordType` that is not a string comes as a copy without it.
   */
  record(values: Record<string, unknown>, recordType: string | undefined, line: number, index: number): void;
  /**
   * When given, records are also handed over without building an object: `keys[k]` and
   * `values[k]` for k < count, in the order in which a for-in loop over the record object would
   * visit them, with no duplicate keys and without the `recordType` field (`recordType` is the
   * record type it names when that is a string). `values` is reused for the next record; a `keys`
   * array given again holds the same keys. With `text` (NDJSON read from bytes), a field whose
   * `text.from[k]` is 0 or more is a string given as the units [from[k], to[k]) of `text.units`, a
   * block of the file that is only valid during the call (its `values[k]` is then any value); every
   * string value is then given so.
   */
  fields?(keys: readonly string[], values: readonly unknown[], count: number, recordType: string | undefined, line: number, index: number, text?: FieldText): void;
  /** A problem with the file. */
  problem(p: InputProblem): void;
}

/** True for a canonical array index ("0", "17"): a key that objects order before all others. */
function isArrayIndex(s: string): boolean {
  return /^(?:0|[1-9][0-9]{0,9})$/.test(s) && Number(s) < 4294967295;
}

/**
 * The shape of a flat NDJSON line: its bytes outside the values (`{"a":`, `,"b":`, ..., `}`) and its
 * keys. Most lines of a file have one of a few shapes, so a line is first matched against the
 * shapes seen before, which takes one comparison a field instead of reading its key.
 */
interface FlatLayout {
  /**
   * The bytes before each value, and after the last one (the closing brace and any spaces): the
   * `parts`, read as numbers. Part f is `length[f]` bytes, whose numbers end at `end[f]` of
   * `numbers` (they start where part f - 1's end). A part of 8 bytes or more is its whole 8-byte
   * groups read as float64 (little-endian), and its last 8 bytes when a group is left over; one of 4
   * to 7 bytes is its first and its last 4 bytes read as int32; a shorter one is its bytes. A part is
   * printable ASCII, never the bytes of a NaN or of a zero, so the same bytes of a line read as the
   * same numbers exactly when they are the part's.
   */
  readonly numbers: Float64Array;
  readonly length: Int32Array;
  readonly end: Int32Array;
  /** The keys without `recordType`, in order (never changed: a sink may keep the array). */
  readonly keys: readonly string[];
  /**
   * Per field, where its value goes in FlatJson's `values` and `text`: the fields other than
   * `recordType` in order, then `recordType` when there is one (after the record's `count` fields).
   */
  readonly place: Int32Array;
  /** True when the line has a `recordType` field. */
  readonly named: boolean;
}

/**
 * The closing quote of the string whose text starts at `i`, or -1 when the text holds a byte the
 * flat reader leaves to JSON.parse: a control character (a line end among them), a backslash (an
 * escape) or a byte outside ASCII; or when the block ends first. `v` views the same bytes as `b`.
 */
function stringEnd(b: Uint8Array, v: DataView, i: number): number {
  const n = b.length;
  let j = i;
  // Four bytes at a time while none of them stops the text: a quote or backslash (a zero byte once
  // xor-ed with it), a byte below 32, or one above 126 (adding 1 sets its high bit). Each test is
  // exact for "any byte", which is all the loop asks; the bytes are then read one by one.
  for (; j + 4 <= n; j += 4) {
    const x = v.getInt32(j, true);
    const q = x ^ 0x22222222;
    const s = x ^ 0x5c5c5c5c;
    if (((x + 0x01010101) | x | ((x - 0x20202020) & ~x) | ((q - 0x01010101) & ~q) | ((s - 0x01010101) & ~s)) & 0x80808080) break;
  }
  for (; ; j++) {
    const d = b[j];
    if (d === 34) return j;
    if (d === undefined || d < 32 || d === 92 || d > 126) return -1;
  }
}

/** How many shapes, and how many record type names, a reader remembers. */
const LAYOUTS = 16;
const NAMES = 8;

/**
 * Reads a flat NDJSON object from ASCII bytes without JSON.parse: `{"key": value, ...}` where each
 * value is a string, true, false, null or a whole number of at most 15 digits, with spaces between
 * tokens. Anything else (nesting, escapes, control characters, other numbers, a byte outside ASCII,
 * a key that starts with a digit, a repeated key, a syntax error) gives -1 and the line goes to
 * JSON.parse, so what this accepts it reads exactly as JSON.parse would. A string value is not
 * made into a string: it is handed over as the span of the block that holds it (see FieldText).
 */
class FlatJson {
  /** After a read: the values of the fields other than `recordType`, in order (any value where a field is text). */
  readonly values: unknown[] = [];
  /** After a read: the line's shape (its keys), its `recordType` when that is a string, and its number of other fields. */
  layout: FlatLayout | undefined;
  recordType: string | undefined;
  count = 0;
  /** After a read: per field other than `recordType`, the span of its text in the block (from -1: not text). */
  text: { units: Uint8Array; from: Int32Array; to: Int32Array } = { units: new Uint8Array(0), from: new Int32Array(16), to: new Int32Array(16) };
  private readonly layouts: FlatLayout[] = [];
  private readonly names: string[] = [];

  /**
   * Reads the line that starts at `p` of `b` when it has a shape seen before, else learns its shape
   * if it has one: returns the index after its closing part (its line end, or the end of `b`), or -1.
   */
  read(b: Uint8Array, v: DataView, p: number): number {
    const layouts = this.layouts;
    for (let l = 0; l < layouts.length; l++) {
      const layout = layouts[l]!;
      const end = this.match(layout, b, v, p);
      if (end >= 0) {
        // The shape goes first (a loop: Array.prototype.copyWithin is far slower on a few items).
        for (let k = l; k > 0; k--) layouts[k] = layouts[k - 1]!;
        layouts[0] = layout;
        return end;
      }
    }
    return this.learn(b, v, p);
  }

  private match(layout: FlatLayout, b: Uint8Array, v: DataView, p: number): number {
    const { numbers, length, end, place } = layout;
    const n = length.length - 1;
    const size = b.length;
    let i = p;
    let g = 0;
    for (let f = 0; ; f++) {
      const m = length[f]!;
      const last = end[f]!;
      if (i + m > size) return -1;
      if (m >= 8) {
        for (let j = i; g < last - 1; g++, j += 8) if (v.getFloat64(j, true) !== numbers[g]) return -1;
        if (v.getFloat64(i + m - 8, true) !== numbers[g++]) return -1;
      } else if (m >= 4) {
        if (v.getInt32(i, true) !== numbers[g] || v.getInt32(i + m - 4, true) !== numbers[g + 1]) return -1;
        g += 2;
      } else for (let j = i; g < last; g++, j++) if (b[j] !== numbers[g]) return -1;
      i += m;
      if (f === n) break;
      i = this.value(b, v, i, place[f]!);
      if (i < 0) return -1;
    }
    const text = this.text;
    text.units = b;
    // The recordType field names the record type; it is not one of the record's values.
    const count = layout.named ? n - 1 : n;
    this.recordType = layout.named && text.from[count]! >= 0 ? this.name(b, text.from[count]!, text.to[count]!) : undefined;
    this.layout = layout;
    this.count = count;
    return i;
  }

  /** The record type name in bytes [from, to), as one of the few strings kept for it. */
  private name(b: Uint8Array, from: number, to: number): string {
    const names = this.names;
    for (const s of names) if (unitsEqual(b, from, to, s)) return s;
    const s = textOf(b, from, to);
    names.unshift(s);
    if (names.length > NAMES) names.pop();
    return s;
  }

  /** Reads a value starting at `i` into place `k` of `values` and `text`: the index after it, or -1. */
  private value(b: Uint8Array, v: DataView, i: number, k: number): number {
    const c = b[i];
    const text = this.text;
    if (c === 34) {
      const j = stringEnd(b, v, i + 1);
      if (j < 0) return -1;
      text.from[k] = i + 1;
      text.to[k] = j;
      return j + 1;
    }
    text.from[k] = -1;
    if (c === 116 /* t */ && unitsEqual(b, i, i + 4, 'true')) {
      this.values[k] = true;
      return i + 4;
    }
    if (c === 102 /* f */ && unitsEqual(b, i, i + 5, 'false')) {
      this.values[k] = false;
      return i + 5;
    }
    if (c === 110 /* n */ && unitsEqual(b, i, i + 4, 'null')) {
      this.values[k] = null;
      return i + 4;
    }
    // A whole number: an optional minus, then 0 or a digit 1-9 and more digits, 15 at most.
    let j = c === 45 /* - */ ? i + 1 : i;
    let d = b[j]!;
    if (!(d >= 48 && d <= 57)) return -1;
    let x = 0;
    if (d === 48) d = b[++j]!;
    else {
      while (d >= 48 && d <= 57) {
        x = x * 10 + (d - 48);
        d = b[++j]!;
      }
    }
    // Fractions, exponents, leading zeros and long numbers go to JSON.parse.
    if (d === 46 || d === 101 || d === 69 || (d >= 48 && d <= 57) || j - i > 15) return -1;
    this.values[k] = c === 45 ? -x : x;
    return j;
  }

  /** Reads a line of a new shape token by token and remembers its shape: as `read`. */
  private learn(b: Uint8Array, v: DataView, p: number): number {
    const starts: number[] = [];
    const ends: number[] = [];
    const keys: string[] = [];
    let i = p + 1;
    let c = b[i];
    while (c === 32) c = b[++i];
    if (c !== 125) {
      for (;;) {
        if (c !== 34) return -1;
        const a = i + 1;
        const e = stringEnd(b, v, a);
        if (e < 0 || (b[a]! >= 48 && b[a]! <= 57)) return -1;
        keys.push(textOf(b, a, e));
        i = e + 1;
        c = b[i];
        while (c === 32) c = b[++i];
        if (c !== 58 /* : */) return -1;
        c = b[++i];
        while (c === 32) c = b[++i];
        const f = keys.length - 1;
        if (f >= this.text.from.length) {
          const size = this.text.from.length * 2;
          this.text.from = new Int32Array(size);
          this.text.to = new Int32Array(size);
        }
        starts.push(i);
        i = this.value(b, v, i, f);
        if (i < 0) return -1;
        ends.push(i);
        c = b[i];
        while (c === 32) c = b[++i];
        if (c === 44 /* , */) {
          c = b[++i];
          while (c === 32) c = b[++i];
          continue;
        }
        if (c !== 125) return -1;
        break;
      }
    }
    // After the closing brace: spaces, then the line end or the end of the block.
    for (i++; b[i] === 32; i++);
    if (i < b.length && b[i] !== 10 && b[i] !== 13) return -1;
    const n = keys.length;
    // A repeated key: JSON.parse keeps the last value at the first place; leave that to it.
    if (new Set(keys).size !== n) return -1;
    const numbers: number[] = [];
    const length = new Int32Array(n + 1);
    const end = new Int32Array(n + 1);
    for (let f = 0; f <= n; f++) {
      const at = f === 0 ? p : ends[f - 1]!;
      const m = (f === n ? i : starts[f]!) - at;
      if (m >= 8) {
        for (let j = 0; j + 8 <= m; j += 8) numbers.push(v.getFloat64(at + j, true));
        if (m % 8 !== 0) numbers.push(v.getFloat64(at + m - 8, true));
      } else if (m >= 4) numbers.push(v.getInt32(at, true), v.getInt32(at + m - 4, true));
      else for (let j = 0; j < m; j++) numbers.push(b[at + j]!);
      length[f] = m;
      end[f] = numbers.length;
    }
    const rt = keys.indexOf('recordType');
    const place = Int32Array.from(keys, (_, f) => (rt < 0 || f < rt ? f : f === rt ? n - 1 : f - 1));
    const layout: FlatLayout = { numbers: Float64Array.from(numbers), length, end, keys: keys.filter((_, f) => f !== rt), place, named: rt >= 0 };
    this.layouts.unshift(layout);
    if (this.layouts.length > LAYOUTS) this.layouts.pop();
    // The values as read, in the layout's order.
    return this.match(layout, b, v, p);
  }
}

/**
 * Reads CSV or NDJSON from decoded text chunks, synchronously: splits lines at CRLF, LF or a lone
 * CR, and hands each record or problem to the sink at once. A line longer than `max` is not kept in
 * memory: its characters are dropped until its end and it is reported as too long. The streaming
 * reader and the worker threads of the parallel check both read through this class, so they read
 * a file the same way.
 */
export class LineReader {
  /** Number of the line being read (1-based). */
  lineNo = 1;
  /** Records and record-like lines so far (InputRecord.index of the last). */
  index = 0;
  /** NDJSON: a line that is not blank was seen. */
  any = false;
  /** CSV: the header, once read. */
  header: string[] | undefined;
  /** CSV: the delimiter the header chose. */
  delimiter = ';';
  /** True after a fatal problem: nothing more is read. */
  stopped = false;
  private buffer = '';
  private skipping = false;
  private pendingCR = false;
  private pending: { text: string; line: number } | undefined;
  private flat: FlatJson | undefined;
  private csvIndex: boolean | undefined;

  /**
   * `shapesOf`: a reader whose learned NDJSON shapes this one reads with (of the same file, say: a
   * chunk runner's readers, one a chunk, so that a chunk does not learn them again). Given here,
   * not set later: a field set again after the constructor makes V8 drop the code compiled on it.
   */
  constructor(
    readonly format: 'csv' | 'ndjson',
    readonly max: number,
    private readonly sink: RecordSink,
    shapesOf?: LineReader,
  ) {
    this.flat = format === 'ndjson' && sink.fields ? (shapesOf?.flat ?? new FlatJson()) : undefined;
  }

  /** True when `bytes` may be used: NDJSON for a sink that takes fields. */
  get readsBytes(): boolean {
    return this.flat !== undefined;
  }

  /** CSV: starts after a header read elsewhere (a chunk of a file whose first line was read first). */
  useHeader(header: readonly string[], delimiter: string): void {
    this.csvIndex = undefined;
    this.header = [...header];
    this.delimiter = delimiter;
  }

  /** CSV: true when the text read so far ends inside a quoted field (the record goes on in the next line). */
  get openQuote(): boolean {
    return this.pending !== undefined;
  }

  /** Feeds decoded text. */
  text(chunk: string): void {
    if (this.stopped) return;
    let start = 0;
    if (this.pendingCR) {
      // The previous chunk ended in CR: a LF now belongs to the same line end.
      this.pendingCR = false;
      if (chunk.charCodeAt(0) === 10) start = 1;
    }
    const n = chunk.length;
    let lf = chunk.indexOf('\n', start);
    let cr = chunk.indexOf('\r', start);
    while ((lf >= 0 || cr >= 0) && !this.stopped) {
      let end = cr >= 0 && (lf < 0 || cr < lf) ? cr : lf;
      if (start === 0 && this.buffer.length > 0) this.endLine(this.buffer + chunk.slice(0, end));
      else this.endLine(chunk.slice(start, end));
      if (end === cr) {
        if (end + 1 < n) {
          if (chunk.charCodeAt(end + 1) === 10) end++;
        } else this.pendingCR = true;
      }
      start = end + 1;
      if (lf >= 0 && lf < start) lf = chunk.indexOf('\n', start);
      if (cr >= 0 && cr < start) cr = chunk.indexOf('\r', start);
    }
    if (this.stopped || this.skipping) return;
    this.buffer = start === 0 ? this.buffer + chunk : chunk.slice(start);
    if (this.buffer.length > this.max) {
      this.tooLong();
      this.buffer = '';
      this.skipping = true;
    }
  }

  /**
   * NDJSON: feeds a block of valid UTF-8 that begins at a line start and ends after a line end or
   * at the end of the input. A flat line in ASCII (nearly every line) is read from the bytes, its
   * string values handed over as spans of the block (see RecordSink.fields); any other line is
   * decoded and read as `text` reads it, so both read a line alike.
   */
  bytes(b: Buffer): void {
    const flat = this.flat;
    if (!flat) throw new Error('kodkatalog: LineReader.bytes reads NDJSON for a fields sink only');
    const n = b.length;
    const max = this.max;
    const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
    // The engine reads a plain Uint8Array only (see Units).
    const u = new Uint8Array(b.buffer, b.byteOffset, n);
    let p = 0;
    while (p < n && !this.stopped) {
      const r = this.buffer.length === 0 && !this.pendingCR && u[p] === 123 ? flat.read(u, view, p) : -1;
      if (r >= 0 && r - p <= max) {
        const c = u[r];
        const next = r === n ? n : c === 10 ? r + 1 : c === 13 && u[r + 1] === 10 ? r + 2 : -1;
        if (next >= 0) {
          this.any = true;
          this.sink.fields!(flat.layout!.keys, flat.values, flat.count, flat.recordType, this.lineNo++, ++this.index, flat.text);
          p = next;
          continue;
        }
      }
      // Any other line, with its line end.
      let e = p;
      while (e < n && u[e] !== 10 && u[e] !== 13) e++;
      if (e < n) e += u[e] === 13 && u[e + 1] === 10 ? 2 : 1;
      this.text(b.toString('utf8', p, e));
      p = e;
    }
  }

  /** The end of the input: reads a last line without line end and reports what is left open. */
  end(options: { emptyCheck?: boolean } = {}): void {
    if (this.stopped) return;
    if (!this.skipping && this.buffer.length > 0) this.line(this.buffer, this.lineNo);
    this.buffer = '';
    if (this.stopped) return;
    if (this.format === 'csv') {
      if (this.pending) this.sink.problem({ kind: 'problem', code: 'unclosed-quote', line: this.pending.line, fatal: false });
      this.pending = undefined;
      if (!this.header && options.emptyCheck !== false) this.sink.problem({ kind: 'problem', code: 'empty-file', fatal: true });
    } else if (!this.any && options.emptyCheck !== false) {
      this.sink.problem({ kind: 'problem', code: 'empty-file', fatal: true });
    }
  }

  /** A problem of the decoder (always fatal): reported, and reading stops. */
  fail(p: InputProblem): void {
    if (this.stopped) return;
    this.sink.problem(p);
    this.stopped = true;
  }

  private endLine(text: string): void {
    if (!this.skipping) {
      if (text.length > this.max) this.tooLong();
      else this.line(text, this.lineNo);
    }
    this.buffer = '';
    this.skipping = false;
    this.lineNo++;
  }

  private tooLong(): void {
    this.sink.problem({ kind: 'problem', code: 'line-too-long', line: this.lineNo, fatal: false });
    this.pending = undefined;
  }

  private line(text: string, lineNo: number): void {
    if (this.format === 'ndjson') this.ndjsonLine(text, lineNo);
    else this.csvLine(text, lineNo);
  }

  private ndjsonLine(text: string, line: number): void {
    if (text.charCodeAt(0) !== 123 /* { */ && text.trim() === '') return;
    this.any = true;
    const index = ++this.index;
    if (text.indexOf('\0') >= 0) {
      this.sink.problem({ kind: 'problem', code: 'nul-byte', line, fatal: false });
      return;
    }
    const o = parseObject(text);
    if (o === 'syntax') this.sink.problem({ kind: 'problem', code: 'json-syntax', line, fatal: false });
    else if (o === 'not-an-object') this.sink.problem({ kind: 'problem', code: 'not-an-object', line, fatal: false });
    else {
      const rt = o.recordType;
      if (rt === undefined || typeof rt === 'string') this.sink.record(o, rt, line, index);
      else this.sink.record(withoutRecordType(o), undefined, line, index);
    }
  }

  private csvLine(text: string, lineNo: number): void {
    let line = { text, line: lineNo };
    const pending = this.pending;
    if (pending) {
      line = { text: `${pending.text}\n${text}`, line: pending.line };
      if (line.text.length > this.max) {
        // A quote left open swallows the lines after it: report the quote, not the length.
        this.sink.problem({ kind: 'problem', code: 'unclosed-quote', line: pending.line, fatal: false });
        this.pending = undefined;
        return;
      }
    }
    if (opensQuote(line.text)) {
      this.pending = line;
      return;
    }
    this.pending = undefined;
    const header = this.header;
    if (line.text.indexOf('\0') >= 0) {
      this.sink.problem({ kind: 'problem', code: 'nul-byte', line: line.line, fatal: !header });
      if (!header) this.stopped = true;
      return;
    }
    if (!header) {
      this.readHeader(line.text, line.line);
      return;
    }
    if (line.text === '') return;
    const fields = splitCsv(line.text, this.delimiter);
    if (!fields) {
      this.sink.problem({ kind: 'problem', code: 'unclosed-quote', line: line.line, fatal: false });
      return;
    }
    const index = ++this.index;
    if (fields.length !== header.length) {
      this.sink.problem({ kind: 'problem', code: 'field-count', line: line.line, expected: header.length, found: fields.length, fatal: false });
      return;
    }
    if (this.sink.fields && (this.csvIndex ??= header.some(isArrayIndex)) === false) {
      // The fields as they are: a header holds no repeated name, and no array index that an object
      // would put first, so this is the order of the object's keys.
      const rt = header.indexOf('recordType');
      if (rt < 0) this.sink.fields(header, fields, fields.length, undefined, line.line, index);
      else {
        const recordType = fields[rt];
        this.sink.fields(
          header.filter((_, i) => i !== rt),
          fields.filter((_, i) => i !== rt),
          fields.length - 1,
          recordType,
          line.line,
          index,
        );
      }
      return;
    }
    const values = record(header, fields);
    const recordType = typeof values.recordType === 'string' ? values.recordType : undefined;
    if (recordType !== undefined) delete values.recordType;
    this.sink.record(values, recordType, line.line, index);
  }

  private readHeader(text: string, line: number): void {
    if (text.trim() === '') return;
    // The header decides the delimiter: Swedish files use `;`, others `,`.
    this.delimiter = text.includes(';') || !text.includes(',') ? ';' : ',';
    const header = (splitCsv(text, this.delimiter) ?? []).map((h) => h.trim());
    const seen = new Set<string>();
    for (const h of header) {
      if (h === '') {
        this.sink.problem({ kind: 'problem', code: 'empty-header', line, fatal: true });
        this.stopped = true;
        return;
      }
      if (seen.has(h)) {
        this.sink.problem({ kind: 'problem', code: 'duplicate-header', line, field: h, fatal: true });
        this.stopped = true;
        return;
      }
      seen.add(h);
    }
    this.header = header;
  }
}

/** A copy of a parsed record with own properties only and without its recordType field. */
function withoutRecordType(o: Record<string, unknown>): Record<string, unknown> {
  const values: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const k of Object.keys(o)) if (k !== 'recordType') values[k] = o[k];
  return values;
}

/**
 * Reads a JSON array of records element by element: a scanner tracks strings and nesting to cut each
 * top-level element, which alone is parsed. A file that is one huge array never sits in memory whole.
 */
async function* jsonArrayRecords(chunks: AsyncIterable<string | InputProblem>, max: number): AsyncGenerator<InputRecord | InputProblem> {
  let state = 'start' as 'start' | 'between' | 'element' | 'end';
  let depth = 0;
  let inString = false;
  let escaped = false;
  let element = '';
  let elementLine = 1;
  let line = 1;
  let index = 0;
  let tooLong = false;
  let prevCR = false;
  for await (const chunk of chunks) {
    if (typeof chunk !== 'string') {
      yield chunk;
      return;
    }
    let from = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (c === 10 && !prevCR) line++;
      else if (c === 13) line++;
      prevCR = c === 13;
      if (state === 'element') {
        if (inString) {
          if (escaped) escaped = false;
          else if (c === 92 /* \ */) escaped = true;
          else if (c === 34) inString = false;
          continue;
        }
        if (c === 34) inString = true;
        else if (c === 123 || c === 91) depth++;
        else if (c === 125 || c === 93) {
          depth--;
          if (depth === 0) {
            if (!tooLong) element += chunk.slice(from, i + 1);
            index++;
            if (tooLong) yield { kind: 'problem', code: 'line-too-long', line: elementLine, fatal: false };
            else {
              const o = parseObject(element);
              if (o === 'syntax') yield { kind: 'problem', code: 'json-syntax', line: elementLine, fatal: false };
              else if (o === 'not-an-object') yield { kind: 'problem', code: 'not-an-object', line: elementLine, fatal: false };
              else yield toRecord(o, elementLine, index);
            }
            element = '';
            tooLong = false;
            state = 'between';
          }
        }
        continue;
      }
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xfeff) continue;
      if (state === 'start') {
        if (c !== 91 /* [ */) {
          yield { kind: 'problem', code: 'not-an-array', line, fatal: true };
          return;
        }
        state = 'between';
      } else if (state === 'between') {
        if (c === 44 /* , */) continue;
        if (c === 93 /* ] */) {
          state = 'end';
          continue;
        }
        if (c !== 123 /* { */) {
          yield { kind: 'problem', code: 'not-an-object', line, fatal: true };
          return;
        }
        state = 'element';
        depth = 1;
        from = i;
        elementLine = line;
      } else if (state === 'end') {
        yield { kind: 'problem', code: 'json-syntax', line, fatal: true };
        return;
      }
    }
    if (state === 'element' && !tooLong) {
      element += chunk.slice(from);
      if (element.length > max) {
        tooLong = true;
        element = '';
      }
    }
  }
  if (state === 'start') yield { kind: 'problem', code: 'empty-file', fatal: true };
  else if (state !== 'end') yield { kind: 'problem', code: 'truncated', line: state === 'element' ? elementLine : line, fatal: true };
}

/** Reads a submission file as records and problems, streaming. */
export async function* readSubmissionFile(source: AsyncIterable<Uint8Array>, options: ReadOptions): AsyncGenerator<InputRecord | InputProblem> {
  const max = options.maxRecordLength ?? DEFAULT_MAX_RECORD;
  const text = decode(source, options.encoding ?? 'utf-8');
  if (options.format === 'json') {
    yield* jsonArrayRecords(text, max);
    return;
  }
  const ndjson = options.format === 'ndjson';
  let queue: (InputRecord | InputProblem)[] = [];
  const reader = new LineReader(options.format, max, {
    record: (values, recordType, line, index) =>
      queue.push({ kind: 'record', line, index, ...(recordType !== undefined ? { recordType } : {}), values: ndjson ? withoutRecordType(values) : values }),
    problem: (p) => queue.push(p),
  });
  for await (const chunk of text) {
    if (typeof chunk === 'string') reader.text(chunk);
    else reader.fail(chunk);
    if (queue.length > 0) {
      const items = queue;
      queue = [];
      yield* items;
    }
    if (reader.stopped) return;
  }
  reader.end();
  yield* queue;
}

/**
 * Feeds a byte stream of CSV or NDJSON to a LineReader and yields after each chunk, so a caller can
 * take what the chunk produced: one await per chunk rather than one per record. `start` is where the
 * stream begins in the file: byte offsets in problems count from the file's start, and a BOM is
 * one only at offset 0. `end: false` leaves the empty-file check to the caller.
 */
export function feedReader(source: AsyncIterable<Uint8Array>, reader: LineReader, encoding: InputEncoding = 'utf-8', start = 0, emptyCheck = true): AsyncGenerator<void> {
  return reader.readsBytes && encoding === 'utf-8' ? feedBytes(source, reader, start, emptyCheck) : feedText(source, reader, encoding, start, emptyCheck);
}

/** Feeds a byte stream to a LineReader as decoded text. */
async function* feedText(source: AsyncIterable<Uint8Array>, reader: LineReader, encoding: InputEncoding, start: number, emptyCheck: boolean): AsyncGenerator<void> {
  for await (const chunk of decode(source, encoding, start)) {
    if (typeof chunk === 'string') reader.text(chunk);
    else reader.fail(chunk);
    yield;
    if (reader.stopped) return;
  }
  reader.end({ emptyCheck });
  yield;
}

/**
 * Feeds UTF-8 NDJSON to `LineReader.bytes` in blocks of whole lines. From the first block that is
 * not valid UTF-8 or starts with a UTF-16 byte order mark, or when no line ends for several MB, the
 * rest goes through the decoder and `text` instead, which report the bad byte's offset or skip the
 * long line: so the two read a file alike, and memory stays bounded.
 */
async function* feedBytes(source: AsyncIterable<Uint8Array>, reader: LineReader, start: number, emptyCheck: boolean): AsyncGenerator<void> {
  const chunks = source[Symbol.asyncIterator]();
  // A line longer than this many bytes is longer than any the reader keeps (3 bytes a UTF-16 unit at most).
  const limit = reader.max * 3;
  let carry = Buffer.alloc(0);
  let offset = start;
  for (;;) {
    const next = await chunks.next();
    if (next.done) break;
    let block = carry.length > 0 ? Buffer.concat([carry, next.value]) : Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength);
    if (offset === 0 && utf16Bom(block)) {
      yield* feedText(prepend(block, chunks), reader, 'utf-8', offset, emptyCheck);
      return;
    }
    if (offset === 0) {
      const text = withoutUtf8Bom(block);
      offset = block.length - text.length;
      block = text;
    }
    const cut = block.lastIndexOf(10) + 1;
    if ((cut > 0 && !isUtf8(block.subarray(0, cut))) || block.length - cut > limit) {
      yield* feedText(prepend(block, chunks), reader, 'utf-8', offset, emptyCheck);
      return;
    }
    if (cut > 0) {
      reader.bytes(block.subarray(0, cut));
      yield;
      if (reader.stopped) return;
    }
    // A copy, so that the block it was cut from can go.
    carry = Buffer.from(block.subarray(cut));
    offset += cut;
  }
  if (carry.length > 0) {
    if (!isUtf8(carry)) {
      yield* feedText(prepend(carry, chunks), reader, 'utf-8', offset, emptyCheck);
      return;
    }
    reader.bytes(carry);
  }
  reader.end({ emptyCheck });
  yield;
}

/** The bytes `first`, then what is left of `rest`. */
async function* prepend(first: Uint8Array, rest: AsyncIterator<Uint8Array>): AsyncGenerator<Uint8Array> {
  yield first;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

/** Feeds a JSON array of records to a sink, element by element, yielding now and then. */
export async function* feedJsonArray(source: AsyncIterable<Uint8Array>, sink: RecordSink, encoding: InputEncoding = 'utf-8', max = DEFAULT_MAX_RECORD): AsyncGenerator<void> {
  let n = 0;
  for await (const item of jsonArrayRecords(decode(source, encoding), max)) {
    if (item.kind === 'problem') sink.problem(item);
    else sink.record(item.values, item.recordType, item.line, item.index);
    if (++n % 4096 === 0) yield;
  }
  yield;
}

/** The format a file name suggests: .csv, .ndjson/.jsonl, .json. */
export function formatOfFile(name: string): InputFormat | undefined {
  const lower = name.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.ndjson') || lower.endsWith('.jsonl')) return 'ndjson';
  if (lower.endsWith('.json')) return 'json';
  return undefined;
}
