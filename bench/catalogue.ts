// Benchmark of loading and checking catalogues. Each measurement runs in its own process so that
// peak RSS belongs to that measurement alone; the parent prints the table.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { checkCatalogue } from '../src/api.js';
import { packageRoot } from '../src/paths.js';
import { largeCodesYaml, writeLargeCatalogue } from './fixtures.js';

interface Measurement {
  readonly ms: number;
  readonly peakRssMb: number;
  readonly note: string;
}

const CODES = 50_000;

/** Runs one measurement in this process (called in a child). */
function measure(kind: string, arg: string): Measurement {
  const t0 = performance.now();
  let note = '';
  if (kind === 'check') {
    const { diagnostics, catalogue } = checkCatalogue(arg);
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    note = `${catalogue?.classifications.reduce((n, c) => n + c.codes.length, 0) ?? 0} koder, ${errors} fel`;
  } else {
    const text = largeCodesYaml(CODES);
    const t1 = performance.now();
    const doc = parseDocument(text);
    doc.toJS();
    note = `${(Buffer.byteLength(text) / 1e6).toFixed(2)} MB YAML`;
    return { ms: performance.now() - t1, peakRssMb: process.resourceUsage().maxRSS / 1024, note };
  }
  return { ms: performance.now() - t0, peakRssMb: process.resourceUsage().maxRSS / 1024, note };
}

function child(kind: string, arg: string): Measurement {
  const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), kind, arg], { encoding: 'utf8' });
  return JSON.parse(out) as Measurement;
}

/** Prints load+check figures for the register catalogue and a 50,000-code CSV classification. */
export function benchCatalogue(): void {
  const dir = mkdtempSync(join(tmpdir(), 'kodkatalog-bench-'));
  try {
    writeLargeCatalogue(dir, CODES);
    const rows: [string, Measurement, string][] = [
      ['registrets katalog: läs + kontrollera', child('check', join(packageRoot(), 'catalogue')), 'mål < 1 s'],
      [`${CODES} koder i CSV: läs + kontrollera`, child('check', dir), 'mål < 1 s och < 300 MB'],
      [`${CODES} koder som YAML: bara yaml-paketet`, child('yaml', ''), 'jämförelse'],
    ];
    console.log('\nKatalog: läsa och kontrollera');
    for (const [name, m, target] of rows) {
      console.log(`  ${name.padEnd(44)} ${m.ms.toFixed(0).padStart(6)} ms  ${m.peakRssMb.toFixed(0).padStart(5)} MB topp-RSS  (${m.note}; ${target})`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2]) {
  process.stdout.write(JSON.stringify(measure(process.argv[2], process.argv[3] ?? '')));
}
