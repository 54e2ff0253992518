import { describe, expect, it } from 'vitest';
import { createEngine, createSubmission, SubmissionState, type Finding } from '../../../src/validate/engine/index.js';
import { INSATS, MODEL, PERSON, PNR, leaks } from './fixture-model.js';

const engine = createEngine(MODEL);

const brief = (fs: readonly Finding[]) => fs.map((f) => ({ ruleId: f.ruleId, row: f.row, field: f.field, related: f.related }));

/** Pushes records as [recordType, record] pairs and returns all findings, pushed then finished. */
function run(records: readonly [string, Record<string, unknown>][], obligation: string | null = 'kommun-manad', period = '2027-03'): Finding[] {
  const s = createSubmission(engine, obligation ?? undefined, { period });
  const out: Finding[] = [];
  for (const [rt, r] of records) out.push(...s.push(rt, r));
  out.push(...s.finish());
  return out;
}

const ins = (over: Record<string, unknown>): [string, Record<string, unknown>] => ['insats', { ...INSATS, ...over }];
const per = (pnr: string): [string, Record<string, unknown>] => ['person', { ...PERSON, personnummer: pnr }];

describe('unique keys', () => {
  it('reports the second record with a key, pointing at the first', () => {
    const f = run([per(PNR.a), ins({}), ins({ insatstyp: 'kontaktperson' })]);
    expect(brief(f)).toEqual([{ ruleId: 'insats-unik', row: 3, field: 'insats-id', related: 2 }]);
    expect(f[0]!.severity).toBe('fatal');
    expect(f[0]!.message.sv).toBe('Samma insats-id två gånger.');
  });

  it('checks a record type’s key even without a unique-key rule', () => {
    const f = run([per(PNR.a), per(PNR.b), per(PNR.a)]);
    expect(brief(f)).toEqual([{ ruleId: 'duplicate-key', row: 3, field: 'personnummer', related: 1 }]);
    expect(f[0]!.message.sv).toBe('Två poster av typen Person har samma nyckel (Personnummer); den första finns på rad 1.');
  });
});

describe('references', () => {
  it('resolves a reference to a record that comes later', () => {
    expect(run([ins({}), per(PNR.a)])).toEqual([]);
  });

  it('reports a reference to no record at the end, at the referring row', () => {
    const f = run([per(PNR.a), ins({}), ins({ 'insats-id': 'i2', personnummer: PNR.b }), ins({ 'insats-id': 'i3', personnummer: PNR.c })]);
    expect(brief(f)).toEqual([
      { ruleId: 'insats-person-finns', row: 3, field: 'personnummer', related: undefined },
      { ruleId: 'insats-person-finns', row: 4, field: 'personnummer', related: undefined },
    ]);
    expect(leaks(JSON.stringify(f), [PNR.a, PNR.b, PNR.c])).toEqual([]);
  });
});

describe('overlapping periods', () => {
  const base = { insatstyp: 'hemtjanst', startdatum: '2027-03-01', slutdatum: '2027-03-15' };

  it('reports periods of the same group that overlap, whatever the row order', () => {
    const f = run([per(PNR.a), ins({ ...base, 'insats-id': 'i1', startdatum: '2027-03-10', slutdatum: '2027-03-20' }), ins({ ...base, 'insats-id': 'i2' })]);
    expect(brief(f)).toEqual([{ ruleId: 'insats-ingen-overlapp', row: 2, field: 'startdatum', related: 3 }]);
  });

  it('does not report periods that only touch, or that belong to other groups', () => {
    const f = run([
      per(PNR.a),
      per(PNR.b),
      ins({ ...base, 'insats-id': 'i1' }),
      ins({ ...base, 'insats-id': 'i2', startdatum: '2027-03-16', slutdatum: '2027-03-31' }),
      ins({ ...base, 'insats-id': 'i3', personnummer: PNR.b }),
      ins({ ...base, 'insats-id': 'i4', insatstyp: 'kontaktperson' }),
    ]);
    expect(brief(f)).toEqual([]);
  });

  it('treats a missing end date as still going on', () => {
    const f = run([per(PNR.a), ins({ ...base, 'insats-id': 'i1', slutdatum: undefined }), ins({ ...base, 'insats-id': 'i2', startdatum: '2027-03-20', slutdatum: '2027-03-25' })]);
    expect(brief(f)).toEqual([{ ruleId: 'insats-ingen-overlapp', row: 3, field: 'startdatum', related: 2 }]);
  });

  it('compares dates only: a no-overlap rule on other elements is left out', () => {
    const rt = MODEL.recordTypes.find((r) => r.id === 'insats')!;
    const numbers = { ...rt, rules: rt.rules.map((r) => (r.shape === 'no-overlap' ? { ...r, elements: ['timmar', 'timmar'] } : r)) };
    const model = { ...MODEL, recordTypes: MODEL.recordTypes.map((r) => (r.id === 'insats' ? numbers : r)) };
    const s = createSubmission(createEngine(model), 'kommun-manad', { period: '2027-03' });
    const f = [per(PNR.a), ins({ ...base, 'insats-id': 'i1', timmar: 10 }), ins({ ...base, 'insats-id': 'i2', timmar: 10 })].flatMap(([t, r]) => s.push(t, r));
    expect(brief([...f, ...s.finish()]).map((x) => x.ruleId)).not.toContain('insats-ingen-overlapp');
    // The same records with the rule on dates do overlap.
    expect(brief(run([per(PNR.a), ins({ ...base, 'insats-id': 'i1' }), ins({ ...base, 'insats-id': 'i2' })])).map((x) => x.ruleId)).toContain('insats-ingen-overlapp');
  });

  it('counts the same day in two periods as an overlap', () => {
    const f = run([per(PNR.a), ins({ ...base, 'insats-id': 'i1' }), ins({ ...base, 'insats-id': 'i2', startdatum: '2027-03-15', slutdatum: '2027-03-31' })]);
    expect(brief(f).map((x) => x.ruleId)).toEqual(['insats-ingen-overlapp']);
  });
});

describe('the obligation', () => {
  it('takes a record type only in the periods it is reported', () => {
    const beslut = { 'beslut-id': 'b1', beslutsdatum: '2028-01-05' };
    expect(brief(run([['beslut', beslut]], 'kommun-manad', '2027-03'))).toEqual([{ ruleId: 'record-type-not-in-force', row: 1, field: undefined, related: undefined }]);
    expect(run([['beslut', beslut]], 'kommun-manad', '2028-01')).toEqual([]);
  });

  it('refuses record types it does not have, and unknown ones', () => {
    const f = run([per(PNR.a), ['placering', {}]], 'kommun-oktober', '2027');
    expect(f.map((x) => [x.ruleId, x.recordType, x.row])).toEqual([
      ['record-type-not-in-obligation', 'person', 1],
      ['unknown-record-type', undefined, 2],
    ]);
  });

  it('is fatal for a period the obligation does not cover, once', () => {
    const f = run([per(PNR.a), per(PNR.b)], 'kommun-manad', '2026-12');
    expect(f.map((x) => [x.ruleId, x.severity, x.row])).toEqual([['obligation-not-in-force', 'fatal', undefined]]);
    expect(f[0]!.message.sv).toBe('Uppgiftsskyldigheten Kommunens månadsuppgifter gäller inte för perioden 2026-12-01–2026-12-31.');
  });

  it('passes a file for 2027 and fails it for the phase that adds an element', () => {
    const file = (start: string): [string, Record<string, unknown>][] => [per(PNR.a), ins({ startdatum: start })];
    expect(run(file('2027-12-01'), 'kommun-manad', '2027-12')).toEqual([]);
    expect(brief(run(file('2028-01-01'), 'kommun-manad', '2028-01'))).toEqual([{ ruleId: 'required', row: 2, field: 'avslutsorsak', related: undefined }]);
  });

  it('throws for an unknown obligation or a period that does not fit it', () => {
    expect(() => createSubmission(engine, 'finns-inte')).toThrow(RangeError);
    expect(() => createSubmission(engine, 'kommun-manad', { period: '2027' })).toThrow(RangeError);
    expect(() => new SubmissionState(engine, 'kommun-oktober', { period: '2027' })).not.toThrow();
  });
});

describe('without an obligation', () => {
  it('accepts every record type and checks their own cross-row rules', () => {
    const f = run([ins({}), ins({ insatstyp: 'kontaktperson' }), ['beslut', { 'beslut-id': 'b1', beslutsdatum: '2027-03-01' }]], null, '2027-03');
    expect(brief(f)).toEqual([
      { ruleId: 'insats-person-finns', row: 1, field: 'personnummer', related: undefined },
      { ruleId: 'insats-unik', row: 2, field: 'insats-id', related: 1 },
      { ruleId: 'insats-person-finns', row: 2, field: 'personnummer', related: undefined },
    ]);
  });
});

describe('the submission’s life', () => {
  it('numbers rows 1, 2, ... unless told, reports repeated keys at the finish by row, finishes once, and refuses records after that', () => {
    const s = createSubmission(engine, 'kommun-manad', { period: '2027-03' });
    expect(s.push('person', PERSON, 40)).toEqual([]);
    expect(s.push('person', PERSON, 2)).toEqual([]);
    expect(s.push('person', { ...PERSON, personnummer: PNR.b })).toEqual([]);
    expect(s.push('person', { ...PERSON, personnummer: PNR.b })).toEqual([]);
    expect(brief(s.finish())).toEqual([
      { ruleId: 'duplicate-key', row: 2, field: 'personnummer', related: 40 },
      { ruleId: 'duplicate-key', row: 4, field: 'personnummer', related: 3 },
    ]);
    expect(s.finish()).toEqual([]);
    expect(() => s.push('person', PERSON)).toThrow();
  });

  it('reports row findings and cross-row findings together, and not-an-object without cross-row work', () => {
    const s = createSubmission(engine, 'kommun-manad', { period: '2027-03' });
    expect(s.push('insats', null).map((f) => f.code)).toEqual(['not-an-object']);
    expect(s.finish()).toEqual([]);
  });
});
