// Golden output trees of the kitchen-sink catalogue for the generators vendors install: json-schema,
// typescript, validators (without the engine it copies), code-lists, concept-maps and the package's
// root files. One golden file per generated file; refresh with `npx vitest run test/build -u` and
// review the diff like code. The docs site has its own golden tree (test/generators/docs).
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENERATORS } from '../../generators/index.js';
import { checkCatalogue, hasErrors } from '../../src/api.js';
import { generate, MANIFEST_FILE } from '../../src/build/run.js';
import { expectGolden, expectNoStaleGolden } from '../helpers/golden.js';

const root = resolve(import.meta.dirname, '../..');
const golden = join(import.meta.dirname, '__golden__', 'kitchen-sink');
const GOLDEN_GENERATORS = ['json-schema', 'typescript', 'validators', 'code-lists', 'concept-maps', 'package'];

/**
 * Not golden: the validation engine, which the validators generator copies as compiled by tsc from
 * src/validate/engine (its own tests cover it), and the manifest, which holds the engine's hashes.
 */
const notGolden = (path: string): boolean => path.startsWith('validators/engine/') || path === MANIFEST_FILE;

const loaded = checkCatalogue(join(root, 'test/fixtures/catalogues/kitchen-sink'));
const built = await generate(loaded.catalogue!, GENERATORS, { only: GOLDEN_GENERATORS });
const compared = built.value.filter((f) => !notGolden(f.path));

describe('golden output of the vendor generators (kitchen-sink)', () => {
  it('builds without diagnostics, with every generator compared', () => {
    expect(hasErrors(loaded.diagnostics)).toBe(false);
    expect(built.diagnostics).toEqual([]);
    const folders = new Set(compared.map((f) => (f.path.includes('/') ? f.path.split('/')[0] : 'package')));
    expect([...folders].sort()).toEqual([...GOLDEN_GENERATORS].sort());
    expect(built.value.some((f) => f.path.startsWith('validators/engine/'))).toBe(true);
  });

  it.each(compared.map((f) => f.path))('%s', async (path) => {
    await expectGolden(golden, compared.find((f) => f.path === path)!);
  });

  it('has no stale golden files', () => {
    // With -u the stale files are removed, as a snapshot update removes obsolete snapshots.
    expectNoStaleGolden(golden, compared.map((f) => f.path));
  });
});
