import { describe, expect, it } from 'vitest';
import { CODE_COLUMNS, readCsvCodes } from '../../src/loader/csv-codes.js';
import type { Diagnostic, SourceLocation } from '../../src/diagnostics/types.js';

const read = (text: string) => readCsvCodes('koder.csv', text);
const span = (l: SourceLocation): string => `${l.start.line}:${l.start.column}-${l.end.line}:${l.end.column}`;
const where = (ds: readonly Diagnostic[]): string[] => ds.map((d) => `${d.code} ${span(d.source!)}`);

describe('readCsvCodes', () => {
  it('turns every column into the shape a YAML code has', () => {
    const r = read(
      [
        CODE_COLUMNS.join(';'),
        '01;;Stockholms län;Stockholm County;Länet som grupp;false;active;;;',
        '1917;01;Heby;;;true;retired;2000-01-01;2006-12-31;0331 0332',
      ].join('\n') + '\n',
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.value.codes).toEqual([
      { code: '01', label: { sv: 'Stockholms län', en: 'Stockholm County' }, definition: { sv: 'Länet som grupp' }, selectable: false, status: 'active' },
      { code: '1917', parent: '01', label: { sv: 'Heby' }, selectable: true, status: 'retired', validFrom: '2000-01-01', validTo: '2006-12-31', replacedBy: ['0331', '0332'] },
    ]);
  });

  it('needs only code and label, in any order', () => {
    const r = read('label;code\nKommun;kommun\n');
    expect(r.diagnostics).toEqual([]);
    expect(r.value.codes).toEqual([{ code: 'kommun', label: { sv: 'Kommun' } }]);
  });

  it('keeps leading zeros: every cell is a string', () => {
    expect(read('code;label\n0114;Upplands Väsby\n').value.codes[0]!.code).toBe('0114');
  });

  it('reads quoted fields with semicolons, doubled quotes and line breaks', () => {
    const r = read('code;label;definition\n"a";"Heby ""flyttad""";"rad ett\nrad två; med semikolon"\nb;B;""\n');
    expect(r.diagnostics).toEqual([]);
    expect(r.value.codes).toEqual([
      { code: 'a', label: { sv: 'Heby "flyttad"' }, definition: { sv: 'rad ett\nrad två; med semikolon' } },
      { code: 'b', label: { sv: 'B' } },
    ]);
    // The row after a two-line field is on line 4.
    expect(span(r.value.locator.locate('/codes/1/code'))).toBe('4:1-4:2');
  });

  it('reads LF, CRLF and lone CR line ends alike, with the same positions', () => {
    const rows = ['code;parent;label', 'a;;A', 'b;a;B'];
    for (const eol of ['\n', '\r\n', '\r']) {
      const r = read(rows.join(eol) + eol);
      expect(r.diagnostics).toEqual([]);
      expect(r.value.codes.map((c) => c.code)).toEqual(['a', 'b']);
      expect(span(r.value.locator.locate('/codes/1/parent'))).toBe('3:3-3:4');
    }
  });

  it('accepts a file without a final line break and skips blank lines', () => {
    const r = read('code;label\n\na;A\n\nb;B');
    expect(r.diagnostics).toEqual([]);
    expect(r.value.codes.map((c) => c.code)).toEqual(['a', 'b']);
    expect(span(r.value.locator.locate('/codes/1/label'))).toBe('5:3-5:4');
  });

  it('accepts a byte order mark (spreadsheets write one) and counts columns after it', () => {
    const r = read('\ufeffcode;label;extra\na;A;x\n');
    expect(r.value.codes).toEqual([]);
    expect(where(r.diagnostics)).toEqual(['csv/header 1:12-1:13']);
    const ok = read('\ufeffcode;label\na;A\n');
    expect(ok.diagnostics).toEqual([]);
    expect(ok.value.codes).toEqual([{ code: 'a', label: { sv: 'A' } }]);
  });

  it('locates each cell at its row and column; a quoted cell inside its quotes', () => {
    const r = read('code;label;labelEn;replacedBy\nx;"Ett namn";Name;y z\ny;Y;;\nz;Z;;\n');
    expect(r.diagnostics).toEqual([]);
    const loc = r.value.locator;
    expect(span(loc.locate('/codes/0/code'))).toBe('2:1-2:2');
    expect(span(loc.locate('/codes/0/label'))).toBe('2:4-2:12');
    expect(span(loc.locate('/codes/0/label/sv'))).toBe('2:4-2:12');
    expect(span(loc.locate('/codes/0/label/en'))).toBe('2:14-2:18');
    expect(span(loc.locate('/codes/0/replacedBy/1'))).toBe('2:19-2:22');
    expect(loc.locate('/codes/0/label').file).toBe('koder.csv');
    expect(loc.locate('/codes/0/label').pointer).toBe('/codes/0/label');
    expect(loc.text('/codes/0/code')).toBe('x');
  });

  it('refuses an unknown column at that column', () => {
    const r = read('code;label;namn\na;A;x\n');
    expect(where(r.diagnostics)).toEqual(['csv/header 1:12-1:13']);
    expect(r.diagnostics[0]!.message.sv).toContain('(hittade code;label;namn)');
  });

  it('refuses a header without code or label, or with a column twice', () => {
    expect(where(read('code;namn\n').diagnostics)).toEqual(['csv/header 1:6-1:7']);
    expect(where(read('code;parent\n').diagnostics)).toEqual(['csv/header 1:1-1:2']);
    expect(where(read('code;label;code\n').diagnostics)).toEqual(['csv/header 1:1-1:2']);
  });

  it('refuses an empty file at 1:1', () => {
    expect(where(read('').diagnostics)).toEqual(['csv/header 1:1-1:2']);
  });

  it('reports a row with the wrong number of fields at its start, and keeps the other rows', () => {
    const r = read('code;label\na;A\nb;B;extra\nc\nd;D\n');
    expect(where(r.diagnostics)).toEqual(['csv/field-count 3:1-3:1', 'csv/field-count 4:1-4:1']);
    expect(r.diagnostics.map((d) => d.message.en)).toEqual(['The row has 3 fields but must have 2.', 'The row has 1 fields but must have 2.']);
    expect(r.value.codes.map((c) => c.code)).toEqual(['a', 'd']);
    // Indexes in pointers count the codes that were read, so d is /codes/1 on line 5.
    expect(span(r.value.locator.locate('/codes/1/code'))).toBe('5:1-5:2');
  });

  it('reports a quote that is never closed at the opening quote', () => {
    const r = read('code;label\na;"A\nb;B\n');
    expect(where(r.diagnostics)).toEqual(['csv/unclosed-quote 2:3-2:4']);
    expect(r.value.codes).toEqual([]);
  });

  it('checks each row with the format schema and points at the cell', () => {
    const r = read('code;label;selectable;validFrom;status\na;A;ja;2027-13-01;gammal\nb c;B;;;\n');
    // The order within a row follows the schema, so compare as a set.
    expect(where(r.diagnostics).sort()).toEqual([
      'shape/invalid-format 2:8-2:18',
      'shape/invalid-format 3:1-3:4',
      'shape/invalid-value 2:19-2:25',
      'shape/wrong-type 2:5-2:7',
    ]);
    const message = (pointer: string): string | undefined => r.diagnostics.find((d) => d.source!.pointer === pointer)?.message.sv;
    expect(message('/codes/0/selectable')).toBe('Fel typ: här ska stå true eller false.');
    expect(message('/codes/1/code')).toBe('Värdet har fel form: det ska vara en kod utan mellanslag, semikolon eller citattecken.');
  });

  it('refuses an empty label in a row', () => {
    const r = read('code;label\na;\n');
    expect(where(r.diagnostics)).toEqual(['shape/invalid 2:3-2:3']);
    expect(r.diagnostics[0]!.message.sv).toBe('Värdet följer inte formatet: får inte vara tom.');
  });
});
