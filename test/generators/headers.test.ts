// Every generator says, at the top of its module and in its registered description, what it emits,
// from what and for whom: three `//` lines and three description lines.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENERATORS } from '../../generators/index.js';

const folder = resolve(import.meta.dirname, '../../generators');
const modules = readdirSync(folder)
  .filter((name) => statSync(join(folder, name)).isDirectory())
  .sort();

describe('generator headers', () => {
  it('has a module generators/<name>/index.ts for every registered generator, and registers every module', () => {
    expect(modules).toEqual(GENERATORS.map((g) => g.name).sort());
  });

  it.each(modules)('generators/%s/index.ts starts with three // lines saying what it emits from what', (name) => {
    const lines = readFileSync(join(folder, name, 'index.ts'), 'utf8').replace(/\r\n?/g, '\n').split('\n');
    const header = lines.slice(0, 3);
    expect(header.every((l) => /^\/\/ \S/.test(l)), header.join('\n')).toBe(true);
    expect(lines[3]!.startsWith('//'), 'exactly three header lines').toBe(false);
    expect(header[0]).toMatch(new RegExp(`^// ${name}: emits \\S`));
    expect(header.join(' ')).toMatch(/\bfrom\b/);
  });

  it.each(GENERATORS.map((g) => [g.name, g.description] as const))('%s: the registered description is three lines, saying from what', (_name, description) => {
    const lines = description.split('\n');
    expect(lines).toHaveLength(3);
    for (const l of lines) expect(l.trim().length, l).toBeGreaterThan(10);
    expect(lines.join(' ')).toMatch(/\bfrom\b/);
  });
});
