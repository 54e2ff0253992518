/**
 * A CSV scanner that remembers where every field is, so a migration can replace single cells and
 * leave every other byte of the file as it was (quoting, spacing, line ends, values it does not
 * understand). RFC 4180 quoting; `;` (Swedish Excel) or `,` as the header row shows.
 */

/** One field: its span in the text (quotes included) and its value. */
export interface CsvField {
  /** Offset of the first character (the opening quote, when quoted). */
  readonly start: number;
  /** Offset after the last character (after the closing quote). */
  readonly end: number;
  /** The value, unquoted. */
  readonly value: string;
  /** Whether it was written in quotes. */
  readonly quoted: boolean;
  /** 1-based line of the first character. */
  readonly line: number;
  /** 1-based column of the first character. */
  readonly column: number;
}

/** One record: the line it starts on and its fields. */
export interface CsvRecord {
  /** 1-based line where the record starts. */
  readonly line: number;
  /** Its fields. */
  readonly fields: readonly CsvField[];
}

/** The records of a text, or where a quote was left open. */
export interface CsvScan {
  /** Records in order (blank lines are left out). */
  readonly records: readonly CsvRecord[];
  /** The delimiter used. */
  readonly delimiter: ';' | ',';
  /** Where an unclosed quote starts, if one does. */
  readonly unclosedQuote?: { readonly line: number; readonly column: number };
}

/** The header decides: a `;` in the first line means semicolons, as in the validator. */
export function detectDelimiter(text: string): ';' | ',' {
  const first = text.slice(0, (text.indexOf('\n') + 1 || text.length + 1) - 1);
  return first.includes(';') || !first.includes(',') ? ';' : ',';
}

/** Scans the whole text. `offset` skips a byte order mark. */
export function scanCsv(text: string, offset = 0): CsvScan {
  const delimiter = detectDelimiter(text.slice(offset));
  const records: CsvRecord[] = [];
  let i = offset;
  let line = 1;
  let lineStart = offset;
  const n = text.length;
  while (i < n) {
    const recordLine = line;
    const fields: CsvField[] = [];
    for (;;) {
      const start = i;
      const fieldLine = line;
      const column = start - lineStart + 1;
      let value = '';
      let quoted = false;
      if (text[i] === '"') {
        quoted = true;
        i++;
        for (;;) {
          if (i >= n) return { records, delimiter, unclosedQuote: { line: fieldLine, column } };
          const ch = text[i]!;
          if (ch === '"') {
            if (text[i + 1] === '"') {
              value += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) {
            line++;
            lineStart = i + 1;
          }
          value += ch;
          i++;
        }
        // Characters after the closing quote belong to the field as written (lenient, like Excel).
        while (i < n && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') value += text[i++];
      } else {
        while (i < n && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') value += text[i++];
      }
      fields.push({ start, end: i, value, quoted, line: fieldLine, column });
      if (i < n && text[i] === delimiter) {
        i++;
        continue;
      }
      break;
    }
    // End of record: CRLF, LF or CR.
    let ended = false;
    if (text[i] === '\r') {
      i++;
      ended = true;
    }
    if (text[i] === '\n') {
      i++;
      ended = true;
    }
    if (ended) {
      line++;
      lineStart = i;
    }
    const blank = fields.length === 1 && fields[0]!.value === '' && !fields[0]!.quoted;
    if (!blank) records.push({ line: recordLine, fields });
  }
  return { records, delimiter };
}

/** A value written as a field: quoted when it must be, or when the original field was. */
export function csvValue(value: string, delimiter: string, quote: boolean): string {
  const needs = quote || value.includes(delimiter) || value.includes('"') || /[\r\n]/.test(value) || value !== value.trim();
  return needs ? `"${value.replace(/"/g, '""')}"` : value;
}
