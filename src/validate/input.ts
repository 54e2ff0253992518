/**
 * Streaming readers for submission files: CSV (`;` or `,`), NDJSON and JSON arrays, in UTF-8 (with or
 * without BOM), UTF-16 (by BOM) or windows-1252. They yield one record at a time, so memory depends on
 * the longest record, never on the file. Problems are values, and never carry file content: a problem
 * says where (line, byte offset, field name), not what was there, because the content is personal data.
 */

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

const DEFAULT_MAX_RECORD = 1 << 20;

/**
 * Decodes a byte stream to text chunks. On invalid UTF-8 it reports the byte offset of the first bad
 * byte and stops. A UTF-16 byte order mark switches to UTF-16; a UTF-8 BOM is dropped.
 */
async function* decode(source: AsyncIterable<Uint8Array>, encoding: InputEncoding): AsyncGenerator<string | InputProblem> {
  let decoder: TextDecoder | undefined;
  let offset = 0;
  // The last bytes of the previous chunk: a sequence cut by a chunk boundary is checked whole.
  let tail: Uint8Array = new Uint8Array(0);
  for await (const chunk of source) {
    if (!decoder) {
      const utf16 = chunk.length >= 2 && ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff));
      decoder = new TextDecoder(utf16 ? (chunk[0] === 0xff ? 'utf-16le' : 'utf-16be') : encoding, { fatal: true });
    }
    try {
      const text = decoder.decode(chunk, { stream: true });
      if (text) yield text;
    } catch {
      const joined = new Uint8Array(tail.length + chunk.length);
      joined.set(tail);
      joined.set(chunk, tail.length);
      yield { kind: 'problem', code: 'encoding', offset: offset - tail.length + Math.min(invalidOffset(joined), joined.length - 1), fatal: true };
      return;
    }
    offset += chunk.length;
    tail = chunk.subarray(Math.max(0, chunk.length - 3));
  }
  if (!decoder) return;
  try {
    const rest = decoder.decode();
    if (rest) yield rest;
  } catch {
    // An incomplete sequence at the very end of the file.
    yield { kind: 'problem', code: 'encoding', offset: offset - tail.length + invalidOffset(tail), fatal: true };
  }
}

/**
 * Offset in a chunk of the first byte that is not valid UTF-8 (checked by hand: a fatal TextDecoder
 * only says that something is wrong). A sequence cut by the chunk's end is not an error here.
 */
export function invalidOffset(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    const n = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) {
      if (i + k >= b.length) return b.length;
      const d = b[i + k]!;
      const lo = k === 1 && c === 0xe0 ? 0xa0 : k === 1 && c === 0xf0 ? 0x90 : 0x80;
      const hi = k === 1 && c === 0xed ? 0x9f : k === 1 && c === 0xf4 ? 0x8f : 0xbf;
      if (d < lo || d > hi) return i;
    }
    i += n + 1;
  }
  return b.length;
}

interface Line {
  readonly text: string;
  readonly line: number;
}

/**
 * Splits text chunks into lines at CRLF, LF or a lone CR. A line longer than `max` is not kept in
 * memory: its characters are dropped until its end and it is reported as too long.
 */
async function* lines(chunks: AsyncIterable<string | InputProblem>, max: number): AsyncGenerator<Line | InputProblem> {
  let buffer = '';
  let lineNo = 1;
  let skipping = false;
  let pendingCR = false;
  for await (const chunk of chunks) {
    if (typeof chunk !== 'string') {
      yield chunk;
      return;
    }
    let start = 0;
    let i = 0;
    if (pendingCR) {
      // The previous chunk ended in CR: a LF now belongs to the same line end.
      pendingCR = false;
      if (chunk.charCodeAt(0) === 10) start = i = 1;
    }
    const n = chunk.length;
    while (i < n) {
      const c = chunk.charCodeAt(i);
      if (c === 10 || c === 13) {
        if (!skipping) {
          const text = buffer + chunk.slice(start, i);
          if (text.length > max) yield { kind: 'problem', code: 'line-too-long', line: lineNo, fatal: false };
          else yield { text, line: lineNo };
        }
        buffer = '';
        skipping = false;
        lineNo++;
        if (c === 13) {
          if (i + 1 < n) {
            if (chunk.charCodeAt(i + 1) === 10) i++;
          } else pendingCR = true;
        }
        start = i + 1;
      }
      i++;
    }
    if (!skipping) {
      buffer += chunk.slice(start);
      if (buffer.length > max) {
        yield { kind: 'problem', code: 'line-too-long', line: lineNo, fatal: false };
        buffer = '';
        skipping = true;
      }
    }
  }
  if (!skipping && buffer.length > 0) yield { text: buffer, line: lineNo };
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

async function* csvRecords(input: AsyncIterable<Line | InputProblem>, max: number): AsyncGenerator<InputRecord | InputProblem> {
  let header: string[] | undefined;
  let delimiter = ';';
  let index = 0;
  let pending: Line | undefined;
  for await (const item of input) {
    if (!('text' in item)) {
      yield item;
      if (item.fatal) return;
      pending = undefined;
      continue;
    }
    let line = item;
    if (pending) {
      line = { text: `${pending.text}\n${item.text}`, line: pending.line };
      if (line.text.length > max) {
        // A quote left open swallows the lines after it: report the quote, not the length.
        yield { kind: 'problem', code: 'unclosed-quote', line: pending.line, fatal: false };
        pending = undefined;
        continue;
      }
    }
    if (opensQuote(line.text)) {
      pending = line;
      continue;
    }
    pending = undefined;
    if (line.text.indexOf('\0') >= 0) {
      yield { kind: 'problem', code: 'nul-byte', line: line.line, fatal: !header };
      if (!header) return;
      continue;
    }
    if (!header) {
      if (line.text.trim() === '') continue;
      // The header decides the delimiter: Swedish files use `;`, others `,`.
      delimiter = line.text.includes(';') || !line.text.includes(',') ? ';' : ',';
      header = (splitCsv(line.text, delimiter) ?? []).map((h) => h.trim());
      const seen = new Set<string>();
      for (const h of header) {
        if (h === '') {
          yield { kind: 'problem', code: 'empty-header', line: line.line, fatal: true };
          return;
        }
        if (seen.has(h)) {
          yield { kind: 'problem', code: 'duplicate-header', line: line.line, field: h, fatal: true };
          return;
        }
        seen.add(h);
      }
      continue;
    }
    if (line.text === '') continue;
    const fields = splitCsv(line.text, delimiter);
    if (!fields) {
      yield { kind: 'problem', code: 'unclosed-quote', line: line.line, fatal: false };
      continue;
    }
    index++;
    if (fields.length !== header.length) {
      yield { kind: 'problem', code: 'field-count', line: line.line, expected: header.length, found: fields.length, fatal: false };
      continue;
    }
    const values = record(header, fields);
    const recordType = typeof values.recordType === 'string' ? values.recordType : undefined;
    if (recordType !== undefined) delete values.recordType;
    yield { kind: 'record', line: line.line, index, ...(recordType !== undefined ? { recordType } : {}), values };
  }
  if (pending) yield { kind: 'problem', code: 'unclosed-quote', line: pending.line, fatal: false };
  if (!header) yield { kind: 'problem', code: 'empty-file', fatal: true };
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
  const values: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const k of Object.keys(o)) if (k !== 'recordType') values[k] = o[k];
  return { kind: 'record', line, index, ...(recordType !== undefined ? { recordType } : {}), values };
}

async function* ndjsonRecords(input: AsyncIterable<Line | InputProblem>): AsyncGenerator<InputRecord | InputProblem> {
  let index = 0;
  let any = false;
  for await (const item of input) {
    if (!('text' in item)) {
      yield item;
      if (item.fatal) return;
      continue;
    }
    if (item.text.trim() === '') continue;
    any = true;
    index++;
    if (item.text.indexOf('\0') >= 0) {
      yield { kind: 'problem', code: 'nul-byte', line: item.line, fatal: false };
      continue;
    }
    const o = parseObject(item.text);
    if (o === 'syntax') yield { kind: 'problem', code: 'json-syntax', line: item.line, fatal: false };
    else if (o === 'not-an-object') yield { kind: 'problem', code: 'not-an-object', line: item.line, fatal: false };
    else yield toRecord(o, item.line, index);
  }
  if (!any) yield { kind: 'problem', code: 'empty-file', fatal: true };
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
  const split = lines(text, max);
  yield* options.format === 'csv' ? csvRecords(split, max) : ndjsonRecords(split);
}

/** The format a file name suggests: .csv, .ndjson/.jsonl, .json. */
export function formatOfFile(name: string): InputFormat | undefined {
  const lower = name.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.ndjson') || lower.endsWith('.jsonl')) return 'ndjson';
  if (lower.endsWith('.json')) return 'json';
  return undefined;
}
