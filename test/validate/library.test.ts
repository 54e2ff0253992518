// The library API as a vendor's code uses it, through the package entry: a model read from a
// release's model.js, a submission checked from a stream of bytes, findings and a summary.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { generateRecords } from '../../bench/validate-data.js';
import { buildValidationModel, checkCatalogue, modelModule, readModelModule, validateSubmission } from '../../src/index.js';

describe('validateSubmission from the package entry', () => {
  it('checks a stream of NDJSON against an obligation and sums up per rule', async () => {
    const model = readModelModule(modelModule(buildValidationModel(checkCatalogue('catalogue').catalogue!)))!;
    const records = [...generateRecords({ records: 4, errorRate: 0, seed: 3 })].map((r) => ({ recordType: r.recordType, ...r.values }));
    expect(records.map((r) => r.recordType)).toEqual(['person', 'insats', 'insats', 'insats']);
    records[2]!['insats-startdatum'] = '2027-02-30';
    const text = records.map((r) => JSON.stringify(r)).join('\n') + '\n';
    const validation = validateSubmission({ name: 'inlamning.ndjson', stream: Readable.from([Buffer.from(text)]) }, { model, obligation: 'kommun-lss', period: '2027' });
    const findings = [];
    for await (const f of validation) findings.push({ line: f.line, ruleId: f.ruleId, field: f.field, severity: f.severity, message: f.message.sv });
    expect(findings).toEqual([{ line: 3, ruleId: 'date', field: 'insats-startdatum', severity: 'error', message: 'Insatsens startdatum ska vara ett datum som finns, skrivet ÅÅÅÅ-MM-DD.' }]);
    const summary = await validation.summary;
    expect(summary.records).toBe(4);
    expect(summary.findings).toEqual({ fatal: 0, error: 1, warning: 0, info: 0 });
    expect(summary.rules.map((r) => [r.ruleId, r.count, r.first])).toEqual([['date', 1, [{ file: 'inlamning.ndjson', line: 3 }]]]);
  });

  it('gives the same findings in batches, the cross-row ones too, a bounded number at a time', async () => {
    const model = readModelModule(modelModule(buildValidationModel(checkCatalogue('catalogue').catalogue!)))!;
    // Some 2,200 interventions whose person has no record: as many findings of one cross-row rule,
    // more than two batches.
    const records = [...generateRecords({ records: 3_001, errorRate: 0, seed: 5 })].filter((r) => r.recordType === 'insats');
    const text = records.map((r) => JSON.stringify({ recordType: r.recordType, ...r.values })).join('\n') + '\n';
    const check = () => validateSubmission({ name: 'insats.ndjson', stream: Readable.from([Buffer.from(text)]) }, { model, obligation: 'kommun-lss', period: '2027' });
    const one: unknown[] = [];
    for await (const f of check()) one.push(f);
    const sizes: number[] = [];
    const batched: unknown[] = [];
    for await (const batch of check().batches()) {
      sizes.push(batch.length);
      batched.push(...batch);
    }
    expect(one.filter((f) => (f as { ruleId: string }).ruleId === 'insats-personen-finns').length).toBeGreaterThan(2 * 1024);
    expect(batched).toEqual(one);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(1024);
  });
});
