// Memory while checking a large submission: the records are read, checked and forgotten; only the
// compact cross-row state (numbers per row and per key, in typed arrays) grows with the file. The
// 100 MB stream is generated as it is read, so the test itself holds none of it.
import { describe, expect, it } from 'vitest';
import { generateRecords } from '../../bench/validate-data.js';
import { checkCatalogue } from '../../src/api.js';
import { buildValidationModel } from '../../src/validate/model-builder.js';
import { validateSubmission } from '../../src/validate/validate.js';

const MB = 1 << 20;

describe('memory', () => {
  it('checking a 100 MB NDJSON stream keeps the heap bounded and the cross-row state compact', async () => {
    const model = buildValidationModel(checkCatalogue('catalogue').catalogue!);
    let bytes = 0;
    let records = 0;
    let peakHeap = 0;
    let peakBuffers = 0;
    const sample = (): void => {
      const m = process.memoryUsage();
      peakHeap = Math.max(peakHeap, m.heapUsed - before.heapUsed);
      peakBuffers = Math.max(peakBuffers, m.arrayBuffers - before.arrayBuffers);
    };
    async function* stream(): AsyncGenerator<Uint8Array> {
      let text = '';
      for (const r of generateRecords({ records: 2_000_000, seed: 5 })) {
        text += JSON.stringify({ recordType: r.recordType, ...r.values }) + '\n';
        records++;
        if (text.length >= MB) {
          const b = Buffer.from(text);
          text = '';
          bytes += b.length;
          sample();
          yield b;
          if (bytes >= 100 * MB) return;
        }
      }
    }
    const before = process.memoryUsage();
    const v = validateSubmission({ name: 'stor.ndjson', stream: stream() }, { model, obligation: 'kommun-lss', period: '2027' });
    let findings = 0;
    for await (const _ of v) findings++;
    sample();
    const summary = await v.summary;
    expect(bytes).toBeGreaterThanOrEqual(100 * MB);
    expect(summary.records).toBe(records);
    expect(findings).toBeGreaterThan(1000);
    // Per row: its file, line and masked person (10 bytes); per key a 12-byte slot in tables at most
    // 3/4 full and grown by doubling; references not yet resolved. 64 bytes a record is ample.
    expect(peakBuffers).toBeLessThan(16 * MB + records * 64);
    // The heap: records in flight and the young generation's garbage, not the file (100 MB of
    // text would be 100 MB of strings at least).
    expect(peakHeap).toBeLessThan(64 * MB);
  }, 120_000);
});
