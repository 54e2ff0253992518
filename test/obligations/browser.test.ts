import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OBLIGATIONS_BROWSER_MODULES } from '../../src/obligations/browser.js';

const dir = resolve(import.meta.dirname, '../../src/obligations');
const sources = OBLIGATIONS_BROWSER_MODULES.map((m) => ({ module: m, text: readFileSync(join(dir, m.replace(/\.js$/, '.ts')), 'utf8') }));

describe('browser modules of src/obligations', () => {
  it('import only each other, so the docs page can load them as they are', () => {
    const allowed = new Set<string>(OBLIGATIONS_BROWSER_MODULES.map((m) => `./${m}`));
    const offending = sources.flatMap(({ module, text }) =>
      [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!).filter((target) => !allowed.has(target)).map((t) => `${module} -> ${t}`),
    );
    expect(offending).toEqual([]);
  });

  it('use no Node API and nothing that depends on where or when they run', () => {
    // Local-time Date methods would give another day in another time zone; only UTC ones are allowed.
    const localTime = /\.(getFullYear|getMonth|getDate|getDay|getHours|setFullYear|setMonth|setDate|setHours|toLocale\w*)\(|Date\.parse/;
    const forbidden = /\b(process|Buffer|require|__dirname|__filename|setTimeout|setInterval|fetch|XMLHttpRequest|Math\.random|Date\.now|performance)\b|new Date\(\)|node:/;
    const offending = sources.flatMap(({ module, text }) =>
      text
        .split('\n')
        // Comments may mention anything.
        .filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line))
        .filter((line) => forbidden.test(line) || localTime.test(line))
        .map((line) => `${module}: ${line.trim()}`),
    );
    expect(offending).toEqual([]);
  });

  it('are listed in dependency order', () => {
    const seen = new Set<string>();
    for (const { module, text } of sources) {
      for (const m of text.matchAll(/from\s+['"]\.\/([^'"]+)['"]/g)) expect(seen, `${module} imports ${m[1]} before it is listed`).toContain(m[1]!);
      seen.add(module);
    }
  });
});
