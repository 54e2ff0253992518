/**
 * The modules of src/obligations that run unchanged in a browser. The docs site's "Vad ska vi
 * rapportera?" page loads them as ES modules next to the JSON from `obligationsData`, and answers
 * with the same `answerObligations` the CLI uses, so the page and `kodkatalog obligations` cannot
 * disagree. A browser module imports only other browser modules (relative `./x.js`) and uses no
 * Node API; test/obligations/browser.test.ts enforces both.
 *
 * For a generator: `assets: OBLIGATIONS_BROWSER_MODULES.map((m) => ({ from: `${OBLIGATIONS_COMPILED_DIR}/${m}`, to: `js/obligations/${m}` }))`,
 * then `import { answerObligations } from './js/obligations/answer.js'` in the page.
 */

/** Where the compiled modules are, relative to kodkatalog's package root. */
export const OBLIGATIONS_COMPILED_DIR = 'dist/lib/src/obligations';

/** File names of the browser modules (compiled), in dependency order. */
export const OBLIGATIONS_BROWSER_MODULES = [
  'calendar.js',
  'deadlines.js',
  'data.js',
  'answer.js',
  'words.js',
  'table.js',
  'markdown.js',
  'ics.js',
] as const;
