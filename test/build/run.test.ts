import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GENERATORS } from '../../generators/index.js';
import { loadCatalogue } from '../../src/api.js';
import { generate, MANIFEST_FILE, verifyOutput, writeOutput, type BuildManifest } from '../../src/build/run.js';
import type { Generator } from '../../src/build/types.js';
import { resolveCatalogue } from '../../src/model/resolve.js';

const root = resolve(import.meta.dirname, '../..');
const temps: string[] = [];
const temp = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'kodkatalog-build-'));
  temps.push(d);
  return d;
};
afterEach(() => {
  for (const d of temps.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A deterministic shuffle (seeded), so a failure can be reproduced. */
function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const bytesOf = (files: readonly { path: string; contents: string | Uint8Array }[]): Map<string, string> =>
  new Map(files.map((f) => [f.path, Buffer.from(f.contents).toString('base64')]));

describe('build', () => {
  const loaded = loadCatalogue(join(root, 'catalogue'));

  it('gives byte-identical output whatever order the files were discovered in', async () => {
    const first = await generate(loaded.catalogue!, GENERATORS);
    const shuffledRaw = { ...loaded.raw, entities: shuffle(loaded.raw.entities, 7) };
    expect(shuffledRaw.entities.map((e) => e.file)).not.toEqual(loaded.raw.entities.map((e) => e.file));
    const shuffled = resolveCatalogue(shuffledRaw);
    const second = await generate(shuffled.value!, GENERATORS);
    expect(bytesOf(second.value)).toEqual(bytesOf(first.value));
  });

  it('writes a manifest with the sha256 and size of every file, and verify accepts it', async () => {
    const { value: files } = await generate(loaded.catalogue!, GENERATORS);
    const out = join(temp(), 'catalogue');
    writeOutput(out, files);
    const manifest = JSON.parse(readFileSync(join(out, MANIFEST_FILE), 'utf8')) as BuildManifest;
    expect(manifest.catalogue).toEqual({ id: 'socialtjanstdataregistret', version: loaded.catalogue!.manifest.version, status: 'draft' });
    expect(manifest.generators).toEqual(GENERATORS.map((g) => g.name));
    expect(manifest.files.map((f) => f.path)).toEqual(files.filter((f) => f.path !== MANIFEST_FILE).map((f) => f.path));
    for (const f of manifest.files) {
      expect(readFileSync(join(out, f.path)).length).toBe(f.size);
    }
    expect(verifyOutput(out)).toEqual([]);
  });

  it('verify reports a changed, a missing and an extra file, each by path', async () => {
    const { value: files } = await generate(loaded.catalogue!, GENERATORS);
    const out = join(temp(), 'catalogue');
    writeOutput(out, files);
    const [changed, missing] = files.filter((f) => f.path !== MANIFEST_FILE).map((f) => f.path);
    writeFileSync(join(out, changed!), 'ändrad\n');
    rmSync(join(out, missing!));
    writeFileSync(join(out, 'extra.txt'), 'x\n');
    expect(verifyOutput(out).map((d) => [d.code, d.source?.file])).toEqual([
      ['verify/changed-file', join(out, changed!)],
      ['verify/missing-file', join(out, missing!)],
      ['verify/extra-file', join(out, 'extra.txt')],
    ]);
  });

  it('verify on a folder without manifest says so', () => {
    expect(verifyOutput(temp()).map((d) => d.code)).toEqual(['verify/no-manifest']);
  });

  it('leaves the previous output untouched when writing fails half-way', () => {
    const out = join(temp(), 'catalogue');
    mkdirSync(out);
    writeFileSync(join(out, 'old.txt'), 'gammal\n');
    // A directory where a file must go makes the second write fail.
    const files = [
      { path: 'a.txt', contents: 'a\n' },
      { path: 'a.txt/b.txt', contents: 'b\n' },
    ];
    expect(() => writeOutput(out, files)).toThrow();
    expect(readFileSync(join(out, 'old.txt'), 'utf8')).toBe('gammal\n');
    expect(existsSync(join(out, 'a.txt'))).toBe(false);
  });

  it('runs a generator after the generators it uses, and --only pulls them in', async () => {
    const seen: string[] = [];
    const make = (name: string, uses: string[] = []): Generator => ({
      name,
      description: name,
      uses,
      generate: (_c, ctx) => {
        seen.push(`${name}:${[...ctx.previous.keys()].join(',')}`);
        return { files: [{ path: 'x.txt', contents: `${name}\n` }], diagnostics: [] };
      },
    });
    const result = await generate(loaded.catalogue!, [make('b', ['a']), make('a'), make('c')], { only: ['b'] });
    expect(seen).toEqual(['a:', 'b:a']);
    expect(result.value.map((f) => f.path)).toEqual(['a/x.txt', 'b/x.txt', MANIFEST_FILE]);
  });

  it('puts a root generator\'s files at the root of the output, but never over the manifest or a generator\'s folder', async () => {
    const make = (name: string, path: string, root = true): Generator => ({
      name,
      description: name,
      ...(root ? { root } : {}),
      generate: () => ({ files: [{ path, contents: `${name}\n` }], diagnostics: [] }),
    });
    const ok = await generate(loaded.catalogue!, [make('a', 'x.txt', false), make('pkg', 'package.json')]);
    expect(ok.value.map((f) => f.path)).toEqual(['a/x.txt', 'package.json', MANIFEST_FILE]);
    for (const bad of [MANIFEST_FILE, 'a', 'sub/file.txt']) {
      await expect(generate(loaded.catalogue!, [make('a', 'x.txt', false), make('pkg', bad)])).rejects.toThrow(/not a free name|invalid or duplicate/);
    }
  });
});
