// The parallel path (worker threads checking chunks of a file, cross-row rules merged in one place)
// must give the same findings in the same order as the single-threaded path, and both the same as
// the engine's own SubmissionState fed by the streaming reader (the semantics before either
// existed). Files are generated with every kind of error and cut into many small chunks, so cuts
// fall everywhere: inside CRLF pairs' neighbourhood, in quoted CSV fields with line breaks, next to
// bad lines. The worker threads run compiled code: this suite imports dist/ (run `npm run compile`).
import { createReadStream, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prng } from '../../bench/validate-data.js';
import { MODEL, ORGNR, PNR } from './engine/fixture-model.js';

const root = resolve(import.meta.dirname, '../..');
const dist = (p: string): string => join(root, 'dist/lib/src/validate', p);

type Validate = typeof import('../../src/validate/validate.js');
type EngineModule = typeof import('../../src/validate/engine/index.js');
type Input = typeof import('../../src/validate/input.js');
type Parallel = typeof import('../../src/validate/parallel.js');
type ModelModule = typeof import('../../src/validate/model-module.js');

let validate: Validate;
let engine: EngineModule;
let input: Input;
let parallel: Parallel;
let modelModule: ModelModule;
let dir: string;

beforeAll(async () => {
  validate = (await import(dist('validate.js'))) as Validate;
  engine = (await import(dist('engine/index.js'))) as EngineModule;
  input = (await import(dist('input.js'))) as Input;
  parallel = (await import(dist('parallel.js'))) as Parallel;
  modelModule = (await import(dist('model-module.js'))) as ModelModule;
  dir = mkdtempSync(join(tmpdir(), 'kodkatalog-parallel-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Records for the fixture model's obligation kommun-manad: small pools, so keys repeat, periods overlap and references miss. */
function* records(n: number, seed: number): Generator<Record<string, unknown>> {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const people = [PNR.a, PNR.b, PNR.c, PNR.d, PNR.jan9, PNR.jan31, PNR.leapDay2000, '200001012385', '20000101-2384', '1234'];
  const dates = ['2027-03-01', '2027-03-15', '2027-02-01', '2027-04-30', '2027-02-30', '2027-3-1', '', undefined];
  for (let i = 0; i < n; i++) {
    const kind = rnd();
    if (kind < 0.2) {
      yield { recordType: 'person', personnummer: pick(people), kommun: pick(['0114', '0180', '01', '114', undefined]), fodelsear: pick(['2000', 2000, 1700, '20x0', undefined]) };
      continue;
    }
    if (kind < 0.23) {
      yield { recordType: pick(['beslut', 'okand', 'Insats', 5, null]), 'beslut-id': `b${i}` };
      continue;
    }
    const r: Record<string, unknown> = {
      recordType: kind < 0.9 ? 'insats' : undefined,
      'insats-id': pick([`i${Math.floor(rnd() * 400)}`, `i${i}`, 'ogiltigt id!', undefined]),
      personnummer: pick(people),
      insatstyp: pick(['hemtjanst', 'kontaktperson', 'grupp', 'okand-typ', 'kontaktperson-barn', undefined]),
      startdatum: pick(dates),
      slutdatum: pick(dates),
      timmar: pick(['10', 10, '0', '800', '7,5', 'tio', -5, 0, 123456789012345, 1234567890123456, undefined]),
    };
    if (rnd() < 0.1) r.avslutsorsak = pick(['flytt', 'avliden', 'okand']);
    if (rnd() < 0.05) r.orgnr = ORGNR;
    if (rnd() < 0.05) r['__proto__'] = 'x';
    if (rnd() < 0.05) r.anteckning = { text: 'nästlad' };
    // Text that is not ASCII: its line is decoded and parsed, the others are read from their bytes.
    if (rnd() < 0.01) r.insatstyp = 'hemtjänst';
    yield r;
  }
}

/** NDJSON with the records and every kind of line the readers must cope with. */
function ndjson(n: number, seed: number): string {
  const rnd = prng(seed + 1);
  const out: string[] = [];
  for (const r of records(n, seed)) {
    const x = rnd();
    const json = JSON.stringify(r);
    if (x < 0.02) out.push('{"recordType":"insats","insats-id":"trasig"');
    else if (x < 0.03) out.push('[1,2]');
    else if (x < 0.04) out.push('');
    else if (x < 0.05) out.push(json.replace('{', '{"insats-id":"dubbel",'));
    else if (x < 0.06) out.push(json.replace('"recordType"', '"recordType"  ') + '  ');
    else if (x < 0.07) out.push(json.replace('"personnummer":"', '"personnummer":"\\u0032'));
    else if (x < 0.08) out.push(json.replace(/"timmar":"?10"?/, '"timmar":10.0'));
    else if (x < 0.085) out.push(json.replace('"', '"\u0000'));
    else if (x < 0.09) out.push(`\t${json}`);
    // A raw tab inside a string (not JSON), and an escaped quote (JSON, but not for the byte reader).
    else if (x < 0.095) out.push(json.replace('"personnummer":"', '"personnummer":"\t'));
    else if (x < 0.1) out.push(json.replace('"personnummer":"', '"personnummer":"\\"'));
    // A line longer than the 4 kB read first for a cut.
    else if (x < 0.103) out.push(json.replace('{', `{"anteckning":"${'x'.repeat(6000)}",`));
    else out.push(json);
  }
  // Mixed line ends: CRLF for some lines, a lone CR for a few.
  return out.map((l, i) => l + (i % 7 === 0 ? '\r\n' : i % 29 === 0 ? '\r' : '\n')).join('');
}

const CSV_HEADER = ['insats-id', 'personnummer', 'insatstyp', 'startdatum', 'slutdatum', 'timmar', 'extra'];

/** Semicolon CSV of insats records, with quotes, quoted line breaks, wrong field counts and NUL bytes. */
function csv(n: number, seed: number): string {
  const rnd = prng(seed + 2);
  const lines = [CSV_HEADER.join(';')];
  for (const r of records(n, seed)) {
    const cells = CSV_HEADER.map((h) => (h === 'extra' ? (rnd() < 0.1 ? 'x' : '') : r[h] === undefined ? '' : String(r[h])));
    const x = rnd();
    if (x < 0.03) cells[0] = `"rad\nbrytning ${cells[0]}"`;
    else if (x < 0.05) cells[5] = `"sa ""${cells[5]}"""`;
    else if (x < 0.06) cells.pop();
    else if (x < 0.065) cells[1] = `${cells[1]}\u0000`;
    else if (x < 0.07) cells[0] = '"aldrig stängd';
    lines.push(cells.join(';'));
  }
  return lines.map((l, i) => l + (i % 5 === 0 ? '\r\n' : '\n')).join('');
}

/** A file's bytes, opened only when read (a file read by the workers is not). */
async function* lazily(path: string): AsyncGenerator<Uint8Array> {
  for await (const chunk of createReadStream(path, { highWaterMark: 4096 })) yield chunk as Buffer;
}

/** The findings of a run as plain JSON, and its summary. */
async function run(
  files: { name: string; path: string; recordType?: string }[],
  options: { workers: number | InstanceType<Parallel['WorkerPool']>; chunkBytes?: number; obligation?: string; period?: string; model?: typeof MODEL },
): Promise<{ findings: unknown[]; summary: unknown }> {
  const v = validate.validateSubmission(
    files.map((f) => ({ name: f.name, stream: lazily(f.path), path: f.path, size: statSync(f.path).size, ...(f.recordType ? { recordType: f.recordType } : {}) })),
    { model: options.model ?? MODEL, obligation: options.obligation ?? 'kommun-manad', period: options.period ?? '2027-03', workers: options.workers, parallelFrom: 0, chunkBytes: options.chunkBytes ?? 2048 },
  );
  const findings: unknown[] = [];
  for await (const f of v) findings.push(f);
  return { findings, summary: await v.summary };
}

/**
 * The reference: the streaming reader's records fed one by one to the engine's SubmissionState,
 * placed as validateSubmission places them (rows across files, masked person of the row).
 */
async function reference(files: { name: string; path: string; recordType?: string }[], obligation = 'kommun-manad', period = '2027-03'): Promise<unknown[]> {
  const e = engine.createEngine(MODEL);
  const submission = new engine.SubmissionState(e, obligation, { period });
  const rows: { file: string; line: number; person?: string }[] = [];
  const personField = new Map<string, string>();
  for (const rt of MODEL.recordTypes) {
    const pnr = rt.elements.find((x) => MODEL.elements.find((el) => el.id === x.element)?.valueType === 'personal-identity-number');
    if (pnr) personField.set(rt.id, pnr.element);
  }
  const out: unknown[] = [];
  const place = (f: import('../../src/validate/engine/index.js').Finding): unknown => {
    const at = f.row === undefined ? undefined : rows[f.row - 1];
    return { ...f, file: at?.file ?? files[0]!.name, ...(at ? { line: at.line } : {}), ...(at?.person ? { person: at.person } : {}) };
  };
  const ob = MODEL.obligations.find((o) => o.id === obligation)!;
  const single = ob.recordTypes.length === 1 ? ob.recordTypes[0]!.recordType : undefined;
  for (const file of files) {
    const format = file.path.endsWith('.csv') ? 'csv' : 'ndjson';
    for await (const item of input.readSubmissionFile(createReadStream(file.path, { highWaterMark: 4096 }), { format })) {
      if (item.kind === 'problem') {
        out.push({ problem: item.code, file: file.name, line: item.line });
        if (item.fatal) break;
        continue;
      }
      const recordType = item.recordType ?? file.recordType ?? single ?? '';
      const pf = personField.get(recordType);
      const masked = pf === undefined ? '****' : engine.maskIdentityNumber(item.values[pf]);
      rows.push({ file: file.name, line: item.line, ...(/^[0-9]{8}-/.test(masked) ? { person: `${Number(masked.slice(0, 8))}-****` } : {}) });
      for (const f of submission.push(recordType, item.values, rows.length)) out.push(place(f));
    }
  }
  for (const f of submission.finish()) out.push(place(f));
  return out;
}

/** Findings in the reference's shape: input problems by code, file and line only. */
const comparable = (findings: unknown[]): unknown[] =>
  findings.map((f) => {
    const x = f as { code: string; ruleId: string; file: string; line?: number; recordType?: string };
    return x.ruleId === x.code && x.recordType === undefined && !('row' in x && (x as { row?: number }).row !== undefined) && x.code !== 'obligation-not-in-force' ? { problem: x.code, file: x.file, line: x.line } : f;
  });

describe('parallel check', () => {
  it('gives the same findings, in the same order, as one thread and as the engine, for NDJSON', async () => {
    const path = join(dir, 'inlamning.ndjson');
    writeFileSync(path, ndjson(3000, 7));
    const files = [{ name: 'inlamning.ndjson', path }];
    const single = await run(files, { workers: 0 });
    const parallel = await run(files, { workers: 3 });
    // Every kind of finding is there, so the comparison covers them all.
    const codes = new Set(single.findings.map((f) => (f as { code: string }).code));
    for (const code of ['json-syntax', 'not-an-object', 'nul-byte', 'unknown-record-type', 'record-type-not-in-force', 'unknown-field', 'required', 'type', 'date', 'code', 'personal-identity-number', 'duplicate-key', 'unique-key', 'reference-exists', 'no-overlap', 'date-order', 'exactly-one-of', 'within-period', 'range']) {
      expect([code, codes.has(code)]).toEqual([code, true]);
    }
    expect(parallel.findings).toEqual(single.findings);
    expect(parallel.summary).toEqual(single.summary);
    expect(comparable(single.findings)).toEqual(await reference(files));
  });

  it('gives the same findings for CSV files, a quoted line break across a cut included, across files', async () => {
    const person = join(dir, 'person.ndjson');
    writeFileSync(person, ndjson(500, 11));
    const insats = join(dir, 'insats.csv');
    writeFileSync(insats, csv(3000, 13));
    const files = [
      { name: 'person.ndjson', path: person },
      { name: 'insats.csv', path: insats, recordType: 'insats' },
    ];
    const single = await run(files, { workers: 0 });
    const codes = new Set(single.findings.map((f) => (f as { code: string }).code));
    for (const code of ['field-count', 'unclosed-quote', 'nul-byte', 'unknown-field', 'reference-exists', 'no-overlap']) expect([code, codes.has(code)]).toEqual([code, true]);
    for (const chunkBytes of [512, 2048, 1 << 20]) {
      const parallel = await run(files, { workers: 2, chunkBytes });
      expect(parallel.findings).toEqual(single.findings);
      expect(parallel.summary).toEqual(single.summary);
    }
    expect(comparable(single.findings)).toEqual(await reference(files));
  });

  it('reads NDJSON from the bytes as from the text: a BOM cut between chunks, UTF-16, a bad byte, a file that ends without a line end', async () => {
    const text = ndjson(300, 23).replace(/\r(?!\n)/g, '\n');
    // The streaming path, with chunks of 1, 7 and 4096 bytes, against the engine fed by the reference reader.
    const stream = async (name: string, bytes: Buffer, size: number): Promise<{ findings: unknown[]; summary: unknown }> => {
      const chunks = function* (): Generator<Buffer> {
        for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
      };
      const v = validate.validateSubmission({ name, stream: Readable.from(chunks()) }, { model: MODEL, obligation: 'kommun-manad', period: '2027-03' });
      const findings: unknown[] = [];
      for await (const f of v) findings.push(f);
      return { findings, summary: await v.summary };
    };
    const plain = join(dir, 'plain.ndjson');
    writeFileSync(plain, text);
    const expected = await reference([{ name: 'x.ndjson', path: plain }]);
    const cases: [string, Buffer][] = [
      ['bom', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])],
      ['utf16', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
      ['no-final-line-end', Buffer.from(text.replace(/\r?\n$/, ''))],
    ];
    for (const [label, bytes] of cases) {
      for (const size of [1, 7, 4096]) expect([label, size, comparable((await stream('x.ndjson', bytes, size)).findings)]).toEqual([label, size, expected]);
    }
    const at = Buffer.byteLength(text.slice(0, text.indexOf('\n', text.length >> 1) + 1)) + 3;
    const bad = Buffer.concat([Buffer.from(text).subarray(0, at), Buffer.from([0xc3]), Buffer.from(text).subarray(at)]);
    for (const size of [1, 7, 4096]) {
      const { findings } = await stream('x.ndjson', bad, size);
      const encoding = findings.find((f) => (f as { code: string }).code === 'encoding') as { message: { sv: string } };
      expect([size, encoding.message.sv.includes(`byte ${at}`)]).toEqual([size, true]);
    }
  });

  it('finds the same repeated keys, missing references and overlaps as the engine among 150,000 records', async () => {
    // Enough keys that the cross-row state's partitions each hold a chain of blocks, cut from many
    // arenas: 60,000 person records and 90,000 insats records, with pools smaller than that.
    const rnd = prng(23);
    const int = (n: number): number => Math.floor(rnd() * n);
    const person = (i: number): string => {
      const body = `${50 + (i % 50)}${String(1 + (Math.floor(i / 50) % 12)).padStart(2, '0')}${String(1 + (Math.floor(i / 600) % 28)).padStart(2, '0')}${String(100 + Math.floor(i / 16_800)).padStart(3, '0')}`;
      return `19${body}${engine.luhnCheckDigit(body)}`;
    };
    const day = (): string => `2027-03-${String(1 + int(28)).padStart(2, '0')}`;
    const lines: string[] = [];
    for (let i = 0; i < 150_000; i++) {
      if (i % 5 < 2) lines.push(JSON.stringify({ recordType: 'person', personnummer: person(int(50_000)) }));
      else {
        const [start, end] = [day(), day()].sort();
        lines.push(JSON.stringify({ recordType: 'insats', 'insats-id': `i${int(80_000)}`, personnummer: person(int(60_000)), insatstyp: ['hemtjanst', 'kontaktperson'][int(2)], startdatum: start, slutdatum: end, timmar: 10 }));
      }
    }
    const path = join(dir, 'manga.ndjson');
    writeFileSync(path, `${lines.join('\n')}\n`);
    const files = [{ name: 'manga.ndjson', path }];
    const single = await run(files, { workers: 0 });
    const count = (rule: string): number => single.findings.filter((f) => (f as { ruleId: string }).ruleId === rule).length;
    // Repeated person keys and insats ids, persons not in the file, overlapping insatser: thousands each.
    for (const rule of ['duplicate-key', 'insats-unik', 'insats-person-finns', 'insats-ingen-overlapp']) expect([rule, count(rule) > 1000]).toEqual([rule, true]);
    expect(comparable(single.findings)).toEqual(await reference(files));
  });

  it('takes threads started ahead, and a model read from model.js text, and closes them, leaving no file open', async () => {
    const path = join(dir, 'forut.ndjson');
    writeFileSync(path, ndjson(1500, 11));
    const files = [{ name: 'forut.ndjson', path }];
    const single = await run(files, { workers: 0 });
    const fds = (): number => readdirSync('/proc/self/fd').length;
    const before = fds();
    const pool = new parallel.WorkerPool(3);
    const read = modelModule.readModelModule(modelModule.modelModule(MODEL))!;
    expect(modelModule.modelTextOf(read)).toBeDefined();
    expect(await run(files, { workers: pool, model: read })).toEqual(single);
    expect(fds()).toBe(before);
    await expect(pool.close()).resolves.toBeUndefined();
    // Threads started for a validation that reads no file with them are closed too.
    const unused = new parallel.WorkerPool(2);
    expect(await run([{ name: 'forut.ndjson', path }], { workers: unused, chunkBytes: 1 << 30, obligation: 'kommun-manad' })).toEqual(single);
    expect(fds()).toBe(before);
  });

  it('reports bad UTF-8 at the same byte after the same rows, and reads lone-CR files, on either path', async () => {
    const text = ndjson(800, 17).replace(/\r(?!\n)/g, '\n');
    const bytes = Buffer.from(text);
    const at = bytes.indexOf('\n', bytes.length >> 1) + 10;
    const bad = Buffer.concat([bytes.subarray(0, at), Buffer.from([0xff]), bytes.subarray(at)]);
    const path = join(dir, 'trasig.ndjson');
    writeFileSync(path, bad);
    const single = await run([{ name: 'trasig.ndjson', path }], { workers: 0 });
    const encoding = single.findings.find((f) => (f as { code: string }).code === 'encoding') as { severity: string; message: { sv: string } };
    expect(encoding.severity).toBe('fatal');
    expect(encoding.message.sv).toContain(`byte ${at}`);
    expect((single.summary as { incomplete: boolean }).incomplete).toBe(true);
    expect(await run([{ name: 'trasig.ndjson', path }], { workers: 2 })).toEqual(single);
    const cr = join(dir, 'cr.ndjson');
    writeFileSync(cr, text.replace(/\n/g, '\r'));
    const crSingle = await run([{ name: 'cr.ndjson', path: cr }], { workers: 0 });
    expect(crSingle.findings.length).toBeGreaterThan(100);
    expect(await run([{ name: 'cr.ndjson', path: cr }], { workers: 2 })).toEqual(crSingle);
  });
});
