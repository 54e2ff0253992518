import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeListsGenerator } from '../../../generators/code-lists/index.js';
import { docsGenerator } from '../../../generators/docs/index.js';
import { checkCatalogue, hasErrors } from '../../../src/api.js';
import { generate } from '../../../src/build/run.js';
import { expectGolden, expectNoStaleGolden } from '../../helpers/golden.js';

// Golden output of the docs site for the kitchen-sink catalogue, one file per generated file. Refresh
// with `npx vitest run test/generators/docs -u` and review the diff like code.
const root = resolve(import.meta.dirname, '../../..');
const golden = join(import.meta.dirname, '__golden__');
// The obligations script is src/obligations' compiled code, wrapped; its own tests cover it, and a
// golden copy would change with every edit there.
const NOT_GOLDEN = new Set(['assets/skyldigheter-svar.js']);

const loaded = checkCatalogue(join(root, 'test/fixtures/catalogues/kitchen-sink'));
const built = await generate(loaded.catalogue!, [codeListsGenerator, docsGenerator], { only: ['docs'] });
const files = built.value.filter((f) => f.path.startsWith('docs/')).map((f) => ({ path: f.path.slice('docs/'.length), contents: f.contents }));
const compared = files.filter((f) => !NOT_GOLDEN.has(f.path));

describe('docs golden output (kitchen-sink)', () => {
  it('builds without diagnostics', () => {
    expect(hasErrors(loaded.diagnostics)).toBe(false);
    expect(built.diagnostics).toEqual([]);
    expect(files.map((f) => f.path)).toContain('assets/skyldigheter-svar.js');
  });

  it.each(compared.map((f) => f.path))('%s', async (path) => {
    await expectGolden(golden, compared.find((f) => f.path === path)!);
  });

  it('has no stale golden files', () => {
    // With -u the stale files are removed, as a snapshot update removes obsolete snapshots.
    expectNoStaleGolden(golden, compared.map((f) => f.path));
  });
});
