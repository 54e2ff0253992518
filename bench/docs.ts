// Benchmark of building the documentation site: the register catalogue and one classification of
// 50,000 codes, with the page weights that decide whether the long list stays usable in a browser.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { codeListsGenerator } from '../generators/code-lists/index.js';
import { docsGenerator } from '../generators/docs/index.js';
import { checkCatalogue } from '../src/api.js';
import { generate } from '../src/build/run.js';
import type { GeneratedFile } from '../src/build/types.js';
import { packageRoot } from '../src/paths.js';
import { writeLargeCatalogue } from './fixtures.js';

const CODES = 50_000;
const kb = (n: number): string => `${(n / 1024).toFixed(0)} kB`;
const size = (f: GeneratedFile | undefined): number => (f ? Buffer.byteLength(f.contents) : 0);

async function buildDocs(dir: string): Promise<{ ms: number; files: GeneratedFile[] }> {
  const loaded = checkCatalogue(dir);
  const t0 = performance.now();
  const result = await generate(loaded.catalogue!, [codeListsGenerator, docsGenerator], { only: ['docs'] });
  return { ms: performance.now() - t0, files: result.value.filter((f) => f.path.startsWith('docs/')) };
}

/** Prints docs build times and the weight of the pages a reader of the long list loads. */
export async function benchDocs(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kodkatalog-bench-docs-'));
  try {
    const register = await buildDocs(join(packageRoot(), 'catalogue'));
    writeLargeCatalogue(dir, CODES);
    const large = await buildDocs(dir);
    const by = (p: string): GeneratedFile | undefined => large.files.find((f) => f.path === p);
    const parts = large.files.filter((f) => /^docs\/klassifikationer\/diagnos\/del-\d+\.html$/.test(f.path));
    const largest = Math.max(...parts.map(size));
    const css = size(by('docs/assets/site.css')) + size(by('docs/assets/koder.js'));
    console.log('\nDokumentation: bygga webbplatsen (kod-listor ingår, de länkas från sidorna)');
    console.log(`  registrets katalog${' '.repeat(27)} ${register.ms.toFixed(0).padStart(6)} ms  (${register.files.length} filer, ${kb(register.files.reduce((n, f) => n + size(f), 0))})`);
    console.log(`  ${CODES} koder i en klassifikation${' '.repeat(12)} ${large.ms.toFixed(0).padStart(6)} ms  (${large.files.length} filer)`);
    console.log(`    klassifikationens sida: ${kb(size(by('docs/klassifikationer/diagnos.html')))}; ${parts.length} delsidor, den största ${kb(largest)} (+ ${kb(css)} CSS och skript)`);
    console.log(`    sökindex (alla koder): ${kb(size(by('docs/assets/sokindex.js')))}, laddas bara på söksidan`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
