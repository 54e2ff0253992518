// Scripts of the "Vad ska vi rapportera?" page: the data from obligationsData(catalogue) and the
// shared answerObligations of src/obligations (the function `kodkatalog obligations` runs), both as
// classic scripts, because a page opened from disk may neither fetch() JSON nor load ES modules.
import { diagnostic, obligationsData, OBLIGATIONS_BROWSER_MODULES, OBLIGATIONS_COMPILED_DIR, type Catalogue, type Diagnostic } from '../../src/index.js';
import { toClassicScript } from './classic.js';

/** The browser modules the page needs (answerObligations and the words it prints with). */
const NEEDED = new Set(['calendar.js', 'deadlines.js', 'data.js', 'answer.js', 'words.js']);

/** The modules, in the dependency order src/obligations lists them, as package-root paths. */
export const OBLIGATION_INPUTS: readonly string[] = OBLIGATIONS_BROWSER_MODULES.filter((m) => NEEDED.has(m)).map((m) => `${OBLIGATIONS_COMPILED_DIR}/${m}`);

/**
 * JSON that is safe inside a `<script>` element: `<`, `>` and `&` as escapes, so no catalogue text
 * can end the script, and U+2028/U+2029 escaped for old parsers.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** `assets/skyldigheter.js` (data) and `assets/skyldigheter-svar.js` (the shared logic). */
export function reportScripts(
  catalogue: Catalogue,
  inputs: ReadonlyMap<string, string> | undefined,
): { files: { path: string; contents: string }[]; diagnostics: Diagnostic[] } {
  const data = { path: 'assets/skyldigheter.js', contents: `window.kodkatalogSkyldigheter = ${scriptJson(obligationsData(catalogue))};\n` };
  const modules = OBLIGATION_INPUTS.map((p) => ({ name: p.slice(p.lastIndexOf('/') + 1), text: inputs?.get(p) }));
  const absent = modules.find((m) => m.text === undefined);
  if (absent) return { files: [data], diagnostics: [diagnostic('gen/browser-script', { detail: `${absent.name} saknas` })] };
  const result = toClassicScript(modules as { name: string; text: string }[], 'kodkatalogSvar');
  if ('error' in result) return { files: [data], diagnostics: [diagnostic('gen/browser-script', { detail: result.error })] };
  return { files: [data, { path: 'assets/skyldigheter-svar.js', contents: result.script }], diagnostics: [] };
}
