import { describe, expect, it } from 'vitest';
import { invalidOffset } from '../../src/utf8.js';
import { LineReader, readSubmissionFile, type InputFormat, type InputProblem, type InputRecord, type ReadOptions } from '../../src/validate/input.js';

/** Feeds bytes in chunks of `size`, so every boundary case (CRLF, multi-byte characters) is crossed. */
async function* chunks(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function read(input: string | Uint8Array, format: InputFormat, options: Partial<ReadOptions> = {}, size = 7): Promise<(InputRecord | InputProblem)[]> {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  const out: (InputRecord | InputProblem)[] = [];
  for await (const x of readSubmissionFile(chunks(bytes, size), { format, ...options })) out.push(x);
  return out;
}

const brief = (xs: (InputRecord | InputProblem)[]): unknown[] =>
  xs.map((x) => (x.kind === 'record' ? { line: x.line, ...(x.recordType ? { recordType: x.recordType } : {}), values: { ...x.values } } : { problem: x.code, line: x.line, ...(x.field ? { field: x.field } : {}) }));

describe('CSV', () => {
  it('reads semicolon CSV with CRLF, LF and lone CR line ends alike', async () => {
    for (const eol of ['\r\n', '\n', '\r']) {
      for (const size of [1, 2, 3, 64]) {
        const rows = await read(['a;b', '1;2', '3;4'].join(eol) + eol, 'csv', {}, size);
        expect(brief(rows)).toEqual([
          { line: 2, values: { a: '1', b: '2' } },
          { line: 3, values: { a: '3', b: '4' } },
        ]);
      }
    }
  });

  it('reads comma CSV, optional quotes, doubled quotes and a quoted line break', async () => {
    const rows = await read('a,b\n"x, y","sa ""hej"""\n"rad\nbrytning",z\n', 'csv');
    expect(brief(rows)).toEqual([
      { line: 2, values: { a: 'x, y', b: 'sa "hej"' } },
      { line: 3, values: { a: 'rad\nbrytning', b: 'z' } },
    ]);
  });

  it('drops a UTF-8 BOM and reads a last line without line end', async () => {
    const rows = await read('\uFEFFkod;namn\n0114;Upplands Väsby', 'csv', {}, 1);
    expect(brief(rows)).toEqual([{ line: 2, values: { kod: '0114', namn: 'Upplands Väsby' } }]);
  });

  it('keeps __proto__ and constructor as plain fields', async () => {
    const [row] = await read('__proto__;constructor\n1;2\n', 'csv');
    expect(row).toMatchObject({ kind: 'record' });
    const values = (row as InputRecord).values;
    expect(Object.keys(values)).toEqual(['__proto__', 'constructor']);
    expect(values.__proto__).toBe('1');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reports duplicate headers, wrong field counts, an unclosed quote and NUL bytes by line', async () => {
    expect(brief(await read('a;b;a\n1;2;3\n', 'csv'))).toEqual([{ problem: 'duplicate-header', line: 1, field: 'a' }]);
    expect(brief(await read('a;b\n1;2;3\n4\n5;6\n', 'csv'))).toEqual([
      { problem: 'field-count', line: 2 },
      { problem: 'field-count', line: 3 },
      { line: 4, values: { a: '5', b: '6' } },
    ]);
    expect(brief(await read('a;b\n"1;2\n', 'csv'))).toEqual([{ problem: 'unclosed-quote', line: 2 }]);
    expect(brief(await read('a;b\n1\u0000;2\n3;4\n', 'csv'))).toEqual([{ problem: 'nul-byte', line: 2 }, { line: 3, values: { a: '3', b: '4' } }]);
  });

  it('an empty file and a header-only file', async () => {
    expect(brief(await read('', 'csv'))).toEqual([{ problem: 'empty-file', line: undefined }]);
    expect(brief(await read('a;b\n', 'csv'))).toEqual([]);
  });

  it('reports the byte offset of invalid UTF-8 and reads the same file as windows-1252', async () => {
    const bytes = Buffer.concat([Buffer.from('kod;namn\n1;G'), Buffer.from([0xe4]), Buffer.from('vle\n')]);
    expect(await read(bytes, 'csv', {}, 5)).toEqual([{ kind: 'problem', code: 'encoding', offset: 12, fatal: true }]);
    expect(brief(await read(bytes, 'csv', { encoding: 'windows-1252' }))).toEqual([{ line: 2, values: { kod: '1', namn: 'Gävle' } }]);
  });

  it('reads UTF-16 with a byte order mark', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a;b\n1;å\n', 'utf16le')]);
    expect(brief(await read(bytes, 'csv', {}, 3))).toEqual([{ line: 2, values: { a: '1', b: 'å' } }]);
  });

  it('skips a 100 MB single line with a problem and bounded memory, then reads on', async () => {
    async function* huge(): AsyncGenerator<Uint8Array> {
      yield Buffer.from('a;b\n');
      const block = Buffer.alloc(1 << 20, 0x61);
      for (let i = 0; i < 100; i++) yield block;
      yield Buffer.from('\n1;2\n');
    }
    const before = process.memoryUsage().heapUsed;
    const out: (InputRecord | InputProblem)[] = [];
    let peak = 0;
    for await (const x of readSubmissionFile(huge(), { format: 'csv' })) {
      out.push(x);
      peak = Math.max(peak, process.memoryUsage().heapUsed - before);
    }
    expect(brief(out)).toEqual([{ problem: 'line-too-long', line: 2 }, { line: 3, values: { a: '1', b: '2' } }]);
    // The line is never held: far below its 100 MB (strings of 100 MB would need 200 MB of heap).
    expect(peak).toBeLessThan(64 << 20);
  });
});

describe('NDJSON and JSON', () => {
  it('reads NDJSON with a recordType field and reports a bad line without its content', async () => {
    const rows = await read('{"recordType":"person","personnummer":"200001012384"}\n{bad json 200001012384\n\n[1]\n{"a":1}', 'ndjson');
    expect(brief(rows)).toEqual([
      { line: 1, recordType: 'person', values: { personnummer: '200001012384' } },
      { problem: 'json-syntax', line: 2 },
      { problem: 'not-an-object', line: 4 },
      { line: 5, values: { a: 1 } },
    ]);
    expect(JSON.stringify(rows.filter((r) => r.kind === 'problem'))).not.toContain('200001012384');
  });

  it('reads a flat line from the bytes only when every byte outside its values is that of a shape seen before', () => {
    // Keys of 1 to 19 characters, so the parts between the values are compared 8, 4 and 1 byte at a time.
    const keys = Array.from({ length: 19 }, (_, i) => 'abcdefghijklmnopqrs'.slice(0, i + 1));
    const base = `{"recordType":"person",${keys.map((k, i) => `"${k}":${i % 3 === 0 ? i : `"v${i}"`}`).join(', ')}}`;
    const lines = [base];
    // The same line with one byte outside the values changed: a letter of a key, a space, a quote.
    for (let i = 0; i < base.length; i++) {
      const c = base[i]!;
      if (/[a-s]/.test(c) && base.lastIndexOf('"', i) > base.lastIndexOf(':', i)) lines.push(base.slice(0, i) + 'z' + base.slice(i + 1));
      if (c === ',') lines.push(base.slice(0, i + 1) + ' ' + base.slice(i + 1));
    }
    lines.push(base.replace('"ab":', '"ab" :'), base.replace('{"', '{ "'), base.replace(/}$/, ' }'));
    // String values of 1 to 12 characters with, at each place, what the flat reader leaves to
    // JSON.parse: an escape, a tab, DEL, a character outside ASCII. Strings are scanned 4 bytes at
    // a time, so each is tried in every place of a group.
    const plain = lines.length;
    for (const odd of ['\\"', '\\u0041', '\t', '\u007f', 'é']) {
      for (let size = 1; size <= 12; size++) {
        for (let at = 0; at < size; at++) lines.push(`{"recordType":"person","a":"${'x'.repeat(at)}${odd}${'y'.repeat(size - at - 1)}","b":"z"}`);
      }
    }
    const fromBytes: unknown[] = [];
    const reader = new LineReader('ndjson', 1 << 20, {
      record: (values, recordType, line) => {
        const { recordType: _, ...rest } = values;
        fromBytes.push({ line, recordType, values: rest });
      },
      fields: (k, values, count, recordType, line, _index, text) => {
        const o: Record<string, unknown> = {};
        for (let f = 0; f < count; f++) o[k[f]!] = text && text.from[f]! >= 0 ? Buffer.from(text.units.subarray(text.from[f]!, text.to[f]!)).toString('latin1') : values[f];
        fromBytes.push({ line, recordType, values: o });
      },
      problem: (p) => void fromBytes.push(p),
    });
    reader.bytes(Buffer.from(lines.join('\n') + '\n'));
    expect(plain).toBeGreaterThan(200);
    const parsed = lines.map((l, i) => {
      // JSON.parse does not take a tab inside a string.
      if (l.includes('\t')) return { kind: 'problem', code: 'json-syntax', line: i + 1, fatal: false };
      const { recordType, ...values } = JSON.parse(l) as Record<string, unknown>;
      return { line: i + 1, recordType: typeof recordType === 'string' ? recordType : undefined, values };
    });
    expect(parsed.filter((p) => 'recordType' in p && p.recordType === undefined).length).toBe(8);
    expect(fromBytes).toEqual(parsed);
  });

  it('reads a JSON array element by element, with lines, and reports truncation', async () => {
    const text = '[\n  {"recordType": "person", "x": "a]}"},\n  {"y": {"z": [1, 2]}}\n]\n';
    expect(brief(await read(text, 'json', {}, 4))).toEqual([
      { line: 2, recordType: 'person', values: { x: 'a]}' } },
      { line: 3, values: { y: { z: [1, 2] } } },
    ]);
    expect(brief(await read('[{"a":1},{"b":', 'json'))).toEqual([{ line: 1, values: { a: 1 } }, { problem: 'truncated', line: 1 }]);
    expect(brief(await read('{"a":1}', 'json'))).toEqual([{ problem: 'not-an-array', line: 1 }]);
  });
});

describe('invalidOffset', () => {
  it('finds the first byte that is not UTF-8, accepting a sequence cut at the end', () => {
    expect(invalidOffset(Buffer.from('abc'))).toBe(3);
    expect(invalidOffset(Buffer.from([0x61, 0xc3, 0xa5, 0xff]))).toBe(3);
    expect(invalidOffset(Buffer.from([0x61, 0xc0, 0x80]))).toBe(1); // overlong encoding
    expect(invalidOffset(Buffer.from([0x61, 0xed, 0xa0, 0x80]))).toBe(1); // a surrogate
    expect(invalidOffset(Buffer.from([0x61, 0xe2, 0x82]))).toBe(3);
  });
});
