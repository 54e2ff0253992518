import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCatalogue, hasErrors, type Catalogue, type Rule } from '../../src/index.js';
import { createEngine, createSubmission, type Engine, type Finding, type ValidationModel } from '../../src/validate/engine/index.js';
import { buildValidationModel } from '../../src/validate/model-builder.js';

const root = resolve(import.meta.dirname, '..', '..');
const KITCHEN_SINK = join(root, 'test', 'fixtures', 'catalogues', 'kitchen-sink');
const REGISTER = join(root, 'catalogue');

function load(dir: string): Catalogue {
  const loaded = checkCatalogue(dir);
  if (!loaded.catalogue || hasErrors(loaded.diagnostics)) throw new Error(`${dir} has errors: ${loaded.diagnostics.map((d) => d.code).join(', ')}`);
  return loaded.catalogue;
}

const catalogues = [KITCHEN_SINK, REGISTER].filter((d) => existsSync(join(d, 'catalogue.yaml')));

describe('buildValidationModel', () => {
  it('is deterministic and plain JSON', () => {
    for (const dir of catalogues) {
      const a = buildValidationModel(load(dir));
      const b = buildValidationModel(load(dir));
      expect(JSON.stringify(a)).toBe(JSON.stringify(b));
      expect(JSON.parse(JSON.stringify(a))).toEqual(a);
    }
  });

  it('keeps what the engine needs from kitchen-sink: phases, subsets, validity, obligation rules', () => {
    const model = buildValidationModel(load(KITCHEN_SINK));
    const sorted = (xs: readonly { id: string }[]) => xs.map((x) => x.id).join() === [...xs.map((x) => x.id)].sort().join();
    expect(sorted(model.classifications) && sorted(model.elements) && sorted(model.recordTypes) && sorted(model.obligations)).toBe(true);
    // Only classifications that record types' elements use.
    expect(model.classifications.map((c) => c.id)).toEqual(['insatstyp', 'kommun', 'lvu-skal']);
    const insatstyp = model.classifications.find((c) => c.id === 'insatstyp')!;
    // The codes as one text, a space between two; grouping codes and validity apart, by index.
    const at = (code: string): number => insatstyp.codes.split(' ').indexOf(code);
    expect(at('boende')).toBeGreaterThanOrEqual(0);
    expect(insatstyp.groups).toEqual([at('boende')]);
    const run = (i: number) => insatstyp.validity!.findLast(([from]) => from <= i)!.slice(1);
    expect(run(at('kontaktperson'))).toEqual(['2027-01-01', '2027-06-30']);
    expect(run(at('hemtjanst'))).toEqual([null, null]);
    expect(insatstyp.validity!.map(([from]) => from)).toEqual([...new Set(insatstyp.validity!.map(([from]) => from))].sort((a, b) => a - b));
    expect(model.elements.find((e) => e.id === 'insatstyp')!.codes!.split(' ')).toContain('kontaktperson-barn');
    expect(model.elements.find((e) => e.id === 'kommun')!.codes).toBeUndefined();
    const insats = model.recordTypes.find((r) => r.id === 'insats')!;
    expect(insats.dateElement).toBe('startdatum');
    // Phase of an element: the later start of the record type entry and the element itself.
    expect(insats.elements.find((e) => e.element === 'beslutsdatum')).toEqual({ element: 'beslutsdatum', required: 'optional', validFrom: '2028-01-01' });
    expect(insats.elements.find((e) => e.element === 'utforare-orgnr')).toEqual({ element: 'utforare-orgnr', required: 'optional', validFrom: '2027-01-01', validTo: '2030-12-31' });
    const manad = model.obligations.find((o) => o.id === 'kommun-bistand-manad')!;
    expect(manad.recordTypes).toEqual([
      { recordType: 'person', validFrom: '2027-01-01', validTo: '2035-12-31' },
      { recordType: 'insats', elements: ['insats-id', 'personnummer', 'insatstyp', 'startdatum', 'belopp'] },
      { recordType: 'beslut', elements: ['insats-id', 'beslut-overklagat'], validFrom: '2028-01-01', validTo: '2035-12-31' },
    ]);
    expect(manad.rules.map((r) => [r.id, r.recordTypes])).toEqual([
      ['bistand-belopp-positivt', ['insats']],
      ['bistand-insats-har-person', ['insats']],
    ]);
  });
});

// --- every rule's own examples, through the engine ----------------------------------------------

function recordTypeOf(model: ValidationModel, candidates: readonly string[], obligation: string | undefined, record: Readonly<Record<string, string>>): string {
  const ob = model.obligations.find((o) => o.id === obligation);
  for (const id of candidates) {
    const rt = model.recordTypes.find((r) => r.id === id)!;
    const allowed = ob?.recordTypes.find((x) => x.recordType === id)?.elements ?? rt.elements.map((e) => e.element);
    if (Object.keys(record).every((k) => allowed.includes(k))) return id;
  }
  return candidates[0]!;
}

/** The period an example is meant for: the pass example's month for within-period, the rule's first day for a phased rule. */
function periodFor(rule: Rule): string | undefined {
  if (rule.shape === 'within-period') return rule.examples!.pass[0]![rule.elements[0]!.id]!.slice(0, 7);
  return rule.validFrom ? `${rule.validFrom}/${rule.validFrom}` : undefined;
}

function runExample(engine: Engine, rule: Rule, records: readonly Readonly<Record<string, string>>[]): Finding[] {
  const model = engine.model;
  const obligation = rule.owner.kind === 'obligation' ? rule.owner.id : undefined;
  const owners = obligation ? model.obligations.find((o) => o.id === obligation)!.rules.find((r) => r.id === rule.id)!.recordTypes : [rule.owner.id];
  const candidates = [...owners, ...(rule.target ? [rule.target.recordType.id] : [])];
  const period = periodFor(rule);
  const cross = rule.shape === 'unique-key' || rule.shape === 'reference-exists' || rule.shape === 'no-overlap';
  if (!cross) return [...engine.checkRecord(owners[0]!, records[0], { obligation, ...(period ? { period } : {}) })];
  const s = createSubmission(engine, obligation, period ? { period } : {});
  const out: Finding[] = [];
  // By the format's convention a reference example's first record refers and the others are referred to.
  records.forEach((r, i) => {
    const rt = rule.shape === 'reference-exists' ? (i === 0 ? recordTypeOf(model, owners, obligation, r) : rule.target!.recordType.id) : recordTypeOf(model, candidates, obligation, r);
    out.push(...s.push(rt, r));
  });
  out.push(...s.finish());
  return out;
}

describe.each(catalogues.map((d) => [d.slice(root.length + 1)]))('the examples of every rule in %s', (dir) => {
  const catalogue = load(join(root, dir));
  const engine = createEngine(buildValidationModel(catalogue));
  const rules = catalogue.rules.filter((r) => r.examples);

  it('has rules with examples', () => {
    expect(rules.length).toBeGreaterThan(0);
  });

  it.each(rules.map((r) => [r.id, r]))('%s: the pass example passes and the fail example fails', (_id, rule) => {
    const pass = runExample(engine, rule, rule.examples!.pass).filter((f) => f.ruleId === rule.id);
    const fail = runExample(engine, rule, rule.examples!.fail).filter((f) => f.ruleId === rule.id);
    expect(pass).toEqual([]);
    expect(fail.length).toBeGreaterThan(0);
  });
});
