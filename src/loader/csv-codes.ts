import { diagnostic } from '../diagnostics/messages.js';
import type { Diagnostic, SourceLocation } from '../diagnostics/types.js';
import { checkShape, type Locator } from './shape.js';
import { pointerSegments } from './yaml.js';

/**
 * The columns a codes file may have. `code` and `label` are required; `replacedBy` lists codes
 * separated by spaces; `selectable` is true or false.
 */
export const CODE_COLUMNS = ['code', 'parent', 'label', 'labelEn', 'definition', 'selectable', 'status', 'validFrom', 'validTo', 'replacedBy'] as const;

type Column = (typeof CODE_COLUMNS)[number];

/** The codes of a CSV file, in the same raw shape as YAML `codes`, and a locator for each cell. */
export interface CsvCodes {
  /** One raw code object per data row. */
  readonly codes: readonly Record<string, unknown>[];
  /** Finds a pointer `/codes/<i>/<field>` in the CSV file (row and column of the cell). */
  readonly locator: Locator;
}

interface Row {
  /** Offset of each field's first character (inside the quotes for a quoted field). */
  readonly starts: number[];
  readonly fields: string[];
}

/**
 * Splits semicolon-separated text into rows, remembering where each field starts.
 * Quotes are optional; `""` inside quotes is a quote. CRLF, LF and lone CR end a row.
 */
function splitRows(text: string): { rows: Row[]; unclosedAt?: number } {
  const rows: Row[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  while (i < n) {
    const starts: number[] = [];
    const fields: string[] = [];
    for (;;) {
      if (text.charCodeAt(i) === 34 /* " */) {
        const open = i;
        let value = '';
        let j = i + 1;
        for (;;) {
          const q = text.indexOf('"', j);
          if (q < 0) return { rows, unclosedAt: open };
          value += text.slice(j, q);
          if (text.charCodeAt(q + 1) === 34) {
            value += '"';
            j = q + 2;
          } else {
            j = q + 1;
            break;
          }
        }
        starts.push(open + 1);
        fields.push(value);
        i = j;
      } else {
        let j = i;
        while (j < n) {
          const c = text.charCodeAt(j);
          if (c === 59 || c === 10 || c === 13) break;
          j++;
        }
        starts.push(i);
        fields.push(text.slice(i, j));
        i = j;
      }
      if (text.charCodeAt(i) === 59 /* ; */) {
        i++;
        continue;
      }
      break;
    }
    // Skip to the next row; anything after a closing quote before the delimiter is ignored.
    while (i < n && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
    if (text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10) i += 2;
    else if (i < n) i++;
    if (!(fields.length === 1 && fields[0] === '')) rows.push({ starts, fields });
  }
  return { rows };
}

/** Finds line and column for offsets, with one pass over the text's line starts. */
function lineIndex(text: string): (offset: number) => { line: number; column: number } {
  // A BOM is not a character an editor shows: the first column starts after it.
  const starts = [text.charCodeAt(0) === 0xfeff ? 1 : 0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: Math.max(1, offset - starts[lo]! + 1) };
  };
}

/** Reads a classification's CSV codes file with the same checks and positions as YAML codes. */
export function readCsvCodes(file: string, text: string): { value: CsvCodes; diagnostics: Diagnostic[] } {
  const pos = lineIndex(text);
  const at = (start: number, length: number, pointer: string): SourceLocation => ({
    file,
    pointer,
    start: pos(start),
    end: pos(start + length),
  });
  const empty = (diagnostics: Diagnostic[]): { value: CsvCodes; diagnostics: Diagnostic[] } => ({
    value: { codes: [], locator: { locate: (p) => at(0, 0, p), text: () => undefined } },
    diagnostics,
  });

  const { rows, unclosedAt } = splitRows(text);
  if (unclosedAt !== undefined) return empty([diagnostic('csv/unclosed-quote', {}, at(unclosedAt, 1, ''))]);
  const header = rows[0];
  const columns = (header?.fields ?? []) as Column[];
  const unknown = columns.findIndex((c) => !(CODE_COLUMNS as readonly string[]).includes(c));
  if (!header || unknown >= 0 || !columns.includes('code') || !columns.includes('label') || new Set(columns).size !== columns.length) {
    const found = header ? header.fields.join(';') : '';
    return empty([diagnostic('csv/header', { expected: 'code;label (och valfritt ' + CODE_COLUMNS.filter((c) => c !== 'code' && c !== 'label').join(', ') + ')', found }, at(header?.starts[Math.max(0, unknown)] ?? 0, 1, ''))]);
  }

  const diagnostics: Diagnostic[] = [];
  const codes: Record<string, unknown>[] = [];
  const rowOf: Row[] = [];
  const colIndex = new Map(columns.map((c, i) => [c, i]));
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    if (row.fields.length !== columns.length) {
      diagnostics.push(diagnostic('csv/field-count', { expected: columns.length, found: row.fields.length }, at(row.starts[0]!, 0, `/rows/${r}`)));
      continue;
    }
    const cell = (c: Column): string | undefined => {
      const i = colIndex.get(c);
      const v = i === undefined ? undefined : row.fields[i];
      return v === '' ? undefined : v;
    };
    const code: Record<string, unknown> = { code: row.fields[colIndex.get('code')!], label: { sv: row.fields[colIndex.get('label')!] } };
    const labelEn = cell('labelEn');
    if (labelEn !== undefined) (code.label as Record<string, string>).en = labelEn;
    for (const c of ['parent', 'status', 'validFrom', 'validTo'] as const) {
      const v = cell(c);
      if (v !== undefined) code[c] = v;
    }
    const definition = cell('definition');
    if (definition !== undefined) code.definition = { sv: definition };
    const replacedBy = cell('replacedBy');
    if (replacedBy !== undefined) code.replacedBy = replacedBy.split(/\s+/).filter(Boolean);
    const selectable = cell('selectable');
    if (selectable !== undefined) code.selectable = selectable === 'true' ? true : selectable === 'false' ? false : selectable;
    codes.push(code);
    rowOf.push(row);
  }

  // Pointers are the ones a YAML classification would have: /codes/<i>/<field>[/<j>].
  const columnOfPointer: Record<string, Column> = { code: 'code', label: 'label', parent: 'parent', definition: 'definition', selectable: 'selectable', status: 'status', validFrom: 'validFrom', validTo: 'validTo', replacedBy: 'replacedBy' };
  const cellAt = (index: number, column: Column, pointer: string): SourceLocation => {
    const row = rowOf[index];
    if (!row) return at(0, 0, pointer);
    const c = colIndex.get(column) ?? 0;
    return at(row.starts[c]!, row.fields[c]!.length, pointer);
  };
  const locator: Locator = {
    locate(pointer) {
      // The hot path (one call per code): "/codes/<i>/code".
      const m = /^\/codes\/(\d+)\/code$/.exec(pointer);
      if (m) return cellAt(Number(m[1]), 'code', pointer);
      const [, index, field, sub] = pointerSegments(pointer);
      const column: Column = field === 'label' && sub === 'en' ? 'labelEn' : (columnOfPointer[field ?? 'code'] ?? 'code');
      return cellAt(Number(index), column, pointer);
    },
    text(pointer) {
      const [, index, field] = pointerSegments(pointer);
      const row = rowOf[Number(index)];
      const c = colIndex.get((field ?? 'code') as Column);
      return row && c !== undefined ? row.fields[c] : undefined;
    },
  };

  for (let i = 0; i < codes.length; i++) {
    const rowLocator: Locator = {
      locate: (p, target) => locator.locate(`/codes/${i}${p}`, target),
      text: (p) => locator.text(`/codes/${i}${p}`),
    };
    diagnostics.push(...checkShape(codes[i], 'code', rowLocator));
  }
  return { value: { codes, locator }, diagnostics };
}
