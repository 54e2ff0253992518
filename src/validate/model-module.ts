// The text of a release's validators/model.js, written by the validators generator and read back
// as data by `kodkatalog validate --release` (one format, its writer and its reader side by side).
import { MODEL_VERSION, type ValidationModel } from './engine/model.js';

const isScalar = (v: unknown): boolean => v === null || typeof v !== 'object';
const isFlat = (v: unknown): boolean => isScalar(v) || (Array.isArray(v) && v.every(isScalar));
// A leaf prints on one line: a scalar, a list of scalars, or an object of those (a code, a label).
const isLeaf = (v: unknown): boolean => isFlat(v) || (!Array.isArray(v) && Object.values(v as object).every(isFlat));

/** Items in lines of up to 100 characters (or one item, if longer), `separator` between two on a line. */
function packed(items: readonly string[], separator: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const item of items) {
    if (line !== '' && line.length + separator.length + item.length > 100) {
      lines.push(line);
      line = '';
    }
    line += line === '' ? item : separator + item;
  }
  lines.push(line);
  return lines;
}

/**
 * JSON with one small object or list of scalars per line, and a long list of scalars a line of up
 * to 100 characters at a time. A long text (the codes of a classification) is broken after spaces
 * into lines of up to 100 characters too: those line ends are within the string, so that the text
 * is JSON when they are taken out, as model.js's line continuations take them out. The model of a
 * catalogue with a 50,000-code list thus stays readable in a diff, and has few lines to join.
 */
export function stringifyModel(value: unknown, indent = ''): string {
  // A space in JSON text is never within an escape.
  if (typeof value === 'string' && value.length > 100) return packed(JSON.stringify(value).split(' '), ' ').join(' \n');
  if (isLeaf(value) && JSON.stringify(value).length <= 160) return JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (isFlat(value)) return `[\n${packed(value.map((v) => JSON.stringify(v)), ',').map((l) => inner + l).join(',\n')}\n${indent}]`;
    return `[\n${value.map((v) => inner + stringifyModel(v, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${stringifyModel(v, inner)}`).join(',\n')}\n${indent}}`;
}

/**
 * The text of a model.js module: an optional comment line, then the model as JSON (laid out by
 * stringifyModel) in a string literal given to JSON.parse. V8 compiles and parses a JSON string
 * about twice as fast as the same data as an object literal (for a 50,000-code list, tens of
 * milliseconds of every `kodkatalog validate --release` and of every vendor's import), and a
 * single-quoted string a little faster than a template literal. Each line ends in a line
 * continuation (a backslash, which adds nothing to the string) and only `\` and `'` are escaped,
 * so the file still reads, and diffs, line by line as the JSON it holds.
 */
export function modelModule(model: ValidationModel, comment?: string): string {
  const json = stringifyModel(model)
    .replace(/[\\']/g, (s) => `\\${s}`)
    .replace(/\n/g, '\\\n');
  return `${comment !== undefined ? `${comment}\n` : ''}export default JSON.parse('${json}');\n`;
}

/** The model version a model.js text gives, as modelModule writes it (undefined when it gives none so). */
export function modelVersionOf(text: string): number | undefined {
  const m = /^ {2}"modelVersion": (\d+),\\$/m.exec(text);
  return m ? Number(m[1]) : undefined;
}

/** The text each model read by readModelModule was read from. */
const texts = new WeakMap<ValidationModel, string>();

/** The model.js text a model was read from by readModelModule, if it was (a model is never changed once read). */
export function modelTextOf(model: ValidationModel): string | undefined {
  return texts.get(model);
}

/**
 * The model in the text of a model.js module as `modelModule` writes it, read as data: the module
 * is never run, and the JSON is parsed without the JavaScript parser first scanning it as a string
 * literal (a little faster than an import). Undefined when the text is not in that form (comment
 * lines, then the call) or the JSON is not a model of the version this kodkatalog reads (MODEL_VERSION).
 */
export function readModelModule(text: string): ValidationModel | undefined {
  const start = text.indexOf("export default JSON.parse('");
  if (start < 0 || !text.endsWith("');\n")) return undefined;
  // Before the call: comment lines only.
  if (text.slice(0, start).split('\n').some((line, i, lines) => (i < lines.length - 1 ? !line.startsWith('//') : line !== ''))) return undefined;
  const literal = text.slice(start + "export default JSON.parse('".length, -"');\n".length);
  // The escapes modelModule writes undone: line continuations, which add nothing, then (in models
  // that hold a backslash or a quote) the escaped `\` and `'`. Any other escape, or a bare quote,
  // is not its writing.
  let json = literal.replaceAll('\\\n', '');
  if (json.includes('\\') || json.includes("'")) {
    let other = false;
    json = json.replace(/\\([\s\S])|'/g, (m, c: string | undefined) => {
      if (c === '\\' || c === "'") return c;
      other = true;
      return m;
    });
    if (other) return undefined;
  }
  try {
    const model = JSON.parse(json) as ValidationModel;
    if (model === null || typeof model !== 'object' || model.modelVersion !== MODEL_VERSION) return undefined;
    texts.set(model, text);
    return model;
  } catch {
    return undefined;
  }
}
