/**
 * Characters that make a spreadsheet treat a cell as a formula (CSV injection, OWASP "CSV
 * Injection"): = + - @ start a formula, and a leading tab or carriage return can hide one.
 * A leading line feed is included too because a CR in the text is turned into LF below, and a
 * cell that began with CR must stay escaped.
 */
const FORMULA_START = /^[=+\-@\t\r\n]/;

/**
 * One CSV cell. Line ends inside the text become LF (the project writes LF only, and Excel
 * reads LF inside a quoted cell as a line break). A cell that a spreadsheet could run as a
 * formula gets a leading `'`, OWASP's advice: Excel and LibreOffice then show it as text. The
 * rule applies to every cell, codes included: codes in practice never start with these
 * characters, but if one does (say `-9` for "unknown") the CSV shows `'-9` rather than hand a
 * spreadsheet something it may evaluate; programs that need the exact code read the JSON or
 * FHIR files, which are never escaped. A cell holding `;`, `"` or a line break is quoted, with
 * `"` doubled.
 */
export function csvCell(value: string): string {
  let v = value.replace(/\r\n?/g, '\n');
  // Test the original too: normalising turned a leading CR into LF, and both are in the set.
  if (FORMULA_START.test(value) || FORMULA_START.test(v)) v = `'${v}`;
  return /[;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

