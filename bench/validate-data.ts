// Deterministic, register-like submission data for the validate benchmark and the validate tests:
// persons under kommun-lss with their LSS interventions, mostly valid, a few percent invalid in
// every way the engine and the readers report. Personnummer are made at run time from a seeded
// PRNG with correct Luhn check digits; none is ever written to the repository.
import { closeSync, openSync, writeSync } from 'node:fs';
import { luhnCheckDigit } from '../src/validate/engine/index.js';

/** mulberry32: a small, fast, seeded PRNG (same sequence on every machine). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One generated record: its record type and its fields in order (absent fields left out). */
export interface GeneratedRecord {
  readonly recordType: 'person' | 'insats';
  readonly values: Record<string, string>;
  /** A line that is not a record (bad JSON, a NUL byte...), written as is to NDJSON instead. */
  readonly raw?: string;
}

export const PERSON_FIELDS = ['personnummer', 'identitetstyp', 'kon', 'fodelsear', 'uppgiftsdatum', 'folkbokforingskommun'] as const;
export const INSATS_FIELDS = [
  'insats-id',
  'personnummer',
  'ansvarig-kommun',
  'beslut-id',
  'insatstyp-lss',
  'insats-startdatum',
  'insats-slutdatum',
  'utforare-organisationsnummer',
  'regiform',
] as const;

const KOMMUNER = ['0114', '0115', '0117', '0120', '0123', '0125', '0126', '0127', '0128', '0136', '0138', '0139', '0180', '0181', '0182', '0183', '0184', '0186', '0187', '0188', '0191', '0192', '1280', '1480', '2480'];
const pad = (n: number, w: number): string => String(n).padStart(w, '0');
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export interface GenerateOptions {
  /** How many records (person and insats together). */
  readonly records: number;
  readonly seed?: number;
  /** Share of records with an error, about. */
  readonly errorRate?: number;
  /** Also lines that are not records: bad JSON, not an object, NUL bytes, blank lines. */
  readonly inputProblems?: boolean;
}

/**
 * Yields persons, each followed by 1 to 5 interventions; about `errorRate` of the records carry one
 * error of a kind chosen at random: check digits, dates, codes, missing values, date order,
 * duplicate keys, references to persons not in the submission, overlapping interventions, unknown
 * fields, values of the wrong type, a reference date outside the period.
 */
export function* generateRecords(options: GenerateOptions): Generator<GeneratedRecord> {
  const rnd = prng(options.seed ?? 20270101);
  const rate = options.errorRate ?? 0.03;
  const int = (n: number): number => Math.floor(rnd() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  const used = new Set<string>();
  const orgs = Array.from({ length: 200 }, () => {
    const d = `${pick(['55', '80', '21', '71'])}${pad(int(1e7), 7)}`;
    return `${d}${luhnCheckDigit(d)}`;
  });
  const pnr = (coordination: boolean): string => {
    for (;;) {
      const y = 1930 + int(95);
      const m = 1 + int(12);
      const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
      const d = 1 + int(m === 2 && leap ? 29 : DAYS[m - 1]!);
      const body = `${pad(y % 100, 2)}${pad(m, 2)}${pad(coordination ? d + 60 : d, 2)}${pad(int(1000), 3)}`;
      const s = `${Math.floor(y / 100)}${body}${luhnCheckDigit(body)}`;
      if (used.has(s)) continue;
      used.add(s);
      return s;
    }
  };
  const date = (from: number, to: number): string => {
    const y = from + int(to - from + 1);
    const m = 1 + int(y === 2027 ? 9 : 12);
    return `${y}-${pad(m, 2)}-${pad(1 + int(DAYS[m - 1]!), 2)}`;
  };
  const wrongCheckDigit = (s: string): string => s.slice(0, 11) + String((Number(s[11]) + 1 + int(8)) % 10);
  let emitted = 0;
  let insatsNo = 0;
  let lastInsatsId = 'I-0';
  let lastPerson = '';
  while (emitted < options.records) {
    const coordination = rnd() < 0.03;
    const p = pnr(coordination);
    const person: Record<string, string> = {
      personnummer: p,
      identitetstyp: coordination ? 'samordningsnummer' : 'personnummer',
      kon: pick(['1', '2']),
      fodelsear: p.slice(0, 4),
      uppgiftsdatum: '2027-10-01',
      ...(coordination ? {} : { folkbokforingskommun: pick(KOMMUNER) }),
    };
    if (rnd() < rate) {
      switch (int(6)) {
        case 0: person.personnummer = wrongCheckDigit(p); break;
        case 1: person.fodelsear = `${p.slice(0, 2)}x${p[3]}`; break;
        case 2: person.uppgiftsdatum = '2027-09-30'; break;
        case 3: delete person.folkbokforingskommun; break;
        case 4: person.kon = '3'; break;
        default: if (lastPerson) person.personnummer = lastPerson; break; // a second record of the same person
      }
    }
    lastPerson = p;
    yield { recordType: 'person', values: person };
    if (++emitted >= options.records) return;
    const n = 1 + int(5);
    let prevType: string | undefined;
    const types = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'];
    for (let k = 0; k < n && emitted < options.records; k++) {
      const start = date(2015, 2027);
      const ended = rnd() < 0.3;
      const id = `0180-LSS-2027-${pad(++insatsNo, 9)}`;
      const insats: Record<string, string> = {
        'insats-id': id,
        personnummer: p,
        'ansvarig-kommun': pick(KOMMUNER),
        'beslut-id': `B-0180-2027-${pad(insatsNo, 9)}`,
        // Distinct types per person, so periods of one person do not overlap unless made to.
        'insatstyp-lss': types.splice(int(types.length), 1)[0]!,
        'insats-startdatum': start,
        ...(ended ? { 'insats-slutdatum': `2027-${pad(10 + int(3), 2)}-0${1 + int(9)}` } : {}),
        'utforare-organisationsnummer': pick(orgs),
        regiform: pick(['offentlig', 'enskild']),
      };
      if (rnd() < rate) {
        switch (int(12)) {
          case 0: insats.personnummer = wrongCheckDigit(p); break;
          case 1: insats['insats-startdatum'] = '2027-02-30'; break;
          case 2: insats['insats-slutdatum'] = '2014-12-31'; break; // before the start
          case 3: insats['insatstyp-lss'] = '11'; break;
          case 4: insats['ansvarig-kommun'] = '114'; break; // a lost leading zero
          case 5: delete insats['insats-startdatum']; break;
          case 6: insats['insats-id'] = lastInsatsId; break; // a duplicate key
          case 7: insats.personnummer = pnr(false); break; // a person not in the submission
          case 8: // the same type as the person's previous intervention, open since before it began: an overlap
            if (prevType) insats['insatstyp-lss'] = prevType;
            delete insats['insats-slutdatum'];
            insats['insats-startdatum'] = '2015-01-01';
            break;
          case 9: insats.anteckning = 'fritext'; break; // an unknown field
          case 10: insats['utforare-organisationsnummer'] = wrongCheckDigit(`${insats['utforare-organisationsnummer']!}00`).slice(0, 10); break;
          default: delete insats['insatstyp-lss']; break;
        }
      }
      prevType = k === 0 ? insats['insatstyp-lss'] : prevType;
      lastInsatsId = id;
      yield { recordType: 'insats', values: insats };
      emitted++;
    }
    if (options.inputProblems && rnd() < rate / 4 && emitted < options.records) {
      const raw = pick([`{"recordType":"insats","personnummer":"${p}"`, '[1,2]', `{"recordType":"person","personnummer":"${p}\u0000"}`, '', '   ']);
      yield { recordType: 'insats', values: {}, raw };
      if (raw.trim() !== '') emitted++;
    }
  }
}

/** Buffered appends to a file. */
class Writer {
  private readonly fd: number;
  private buf = '';
  bytes = 0;
  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }
  write(s: string): void {
    this.buf += s;
    if (this.buf.length > 1 << 20) this.flush();
  }
  private flush(): void {
    this.bytes += writeSync(this.fd, this.buf);
    this.buf = '';
  }
  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

const csvCell = (s: string | undefined): string => (s === undefined ? '' : /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/**
 * Writes the records as one NDJSON file (with recordType) and, when `csv` is given, as two CSV files
 * (`person.csv`, `insats.csv`, semicolon-separated, header of element ids). Returns the byte sizes
 * and record counts.
 */
export function writeSubmission(options: GenerateOptions, ndjson: string, csv?: { person: string; insats: string }): { ndjsonBytes: number; csvBytes: number; records: number } {
  const nd = new Writer(ndjson);
  const person = csv ? new Writer(csv.person) : undefined;
  const insats = csv ? new Writer(csv.insats) : undefined;
  person?.write(PERSON_FIELDS.join(';') + '\n');
  insats?.write(INSATS_FIELDS.join(';') + '\n');
  let records = 0;
  for (const r of generateRecords(options)) {
    if (r.raw !== undefined) {
      nd.write(r.raw + '\n');
      if (r.raw.trim() !== '') records++;
      continue;
    }
    records++;
    // As a vendor writes JSON: a year of birth is a number (a malformed one stays text).
    const year = r.values.fodelsear;
    const values = year !== undefined && /^[0-9]{4}$/.test(year) ? { ...r.values, fodelsear: Number(year) } : r.values;
    nd.write(JSON.stringify({ recordType: r.recordType, ...values }) + '\n');
    if (r.recordType === 'person') person?.write(PERSON_FIELDS.map((f) => csvCell(r.values[f])).join(';') + '\n');
    else insats?.write(INSATS_FIELDS.map((f) => csvCell(r.values[f])).join(';') + '\n');
  }
  nd.close();
  person?.close();
  insats?.close();
  return { ndjsonBytes: nd.bytes, csvBytes: (person?.bytes ?? 0) + (insats?.bytes ?? 0), records };
}
