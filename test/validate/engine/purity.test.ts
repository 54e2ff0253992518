import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..', '..');
const engineDir = join(root, 'src', 'validate', 'engine');
const files = readdirSync(engineDir).filter((f) => f.endsWith('.ts'));

describe('the engine stays portable (browser, generated validators)', () => {
  it('imports nothing outside its folder', () => {
    const offending = files.flatMap((f) =>
      [...readFileSync(join(engineDir, f), 'utf8').matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]/g)]
        .map((m) => m[1] ?? m[2]!)
        .filter((spec) => !/^\.\/[a-z-]+\.js$/.test(spec))
        .map((spec) => `${f} -> ${spec}`),
    );
    expect(offending).toEqual([]);
  });

  it('uses no Node API, clock, randomness or console', () => {
    const banned = /\b(process|Buffer|require|__dirname|__filename|console|setTimeout|setImmediate|Math\.random|Date\.now|new Date)\b/;
    const offending = files.filter((f) => banned.test(readFileSync(join(engineDir, f), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')));
    expect(offending).toEqual([]);
  });

  it('type-checks with the ES2022 library alone: no Node or DOM types', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kodkatalog-engine-tsc-'));
    try {
      const config = {
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          lib: ['ES2022'],
          types: [],
          strict: true,
          noUncheckedIndexedAccess: true,
          noEmit: true,
          skipLibCheck: false,
        },
        files: files.map((f) => join(engineDir, f)),
      };
      writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(config));
      const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
      let output = '';
      try {
        execFileSync(process.execPath, [tsc, '-p', join(dir, 'tsconfig.json')], { encoding: 'utf8' });
      } catch (e) {
        output = String((e as { stdout?: string }).stdout ?? e);
      }
      expect(output).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
