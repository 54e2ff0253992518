import { describe, expect, it } from 'vitest';
import { createEngine, luhnCheckDigit, type Finding, type ValidationModel } from '../../../src/validate/engine/index.js';
import { INSATS, MODEL, ORGNR, PERSON, PNR, coordinationNumber, leaks } from './fixture-model.js';

const engine = createEngine(MODEL);

/** code, field and Swedish message of each finding: what a reporter sees. */
const seen = (fs: readonly Finding[]) => fs.map((f) => ({ code: f.code, field: f.field, message: f.message.sv }));
const codes = (fs: readonly Finding[]) => fs.map((f) => `${f.code}:${f.field ?? ''}`);
const insats = (over: Record<string, unknown>, context?: Parameters<typeof engine.checkRecord>[2]) => engine.checkRecord('insats', { ...INSATS, ...over }, context);
const person = (over: Record<string, unknown>) => engine.checkRecord('person', { ...PERSON, ...over });

describe('a valid record', () => {
  it('has no findings, from CSV strings or from JSON values, and allocates no findings array', () => {
    expect(insats({})).toEqual([]);
    expect(insats({ timmar: 10 })).toEqual([]);
    expect(person({ fodelsear: 2000, aktiv: true, orgnr: ORGNR, namn: 'Ada' })).toEqual([]);
    expect(person({ aktiv: 'false', fodelsear: '2000' })).toEqual([]);
    expect(insats({})).toBe(insats({}));
  });

  it('treats empty strings and null as not given', () => {
    expect(insats({ slutdatum: '', belopp: null })).toEqual([]);
  });
});

describe('record shape', () => {
  it('refuses what is not an object', () => {
    for (const r of [null, undefined, 'text', 12, [INSATS]]) expect(codes(engine.checkRecord('insats', r))).toEqual(['not-an-object:']);
  });

  it('reports unknown fields, including __proto__ and constructor from JSON, as unknown names', () => {
    const record = JSON.parse(`{"insats-id":"i1","personnummer":"${PNR.a}","insatstyp":"hemtjanst","startdatum":"2027-03-01","timmar":"10","__proto__":{"x":1},"constructor":"c","toString":"t"}`) as unknown;
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    expect(seen(engine.checkRecord('insats', record))).toEqual([
      { code: 'unknown-field', field: '__proto__', message: 'Fältet "__proto__" ingår inte i posttypen Insats. Uppgifter som inte efterfrågas får inte lämnas.' },
      { code: 'unknown-field', field: 'constructor', message: 'Fältet "constructor" ingår inte i posttypen Insats. Uppgifter som inte efterfrågas får inte lämnas.' },
      { code: 'unknown-field', field: 'toString', message: 'Fältet "toString" ingår inte i posttypen Insats. Uppgifter som inte efterfrågas får inte lämnas.' },
    ]);
  });

  it('does not read inherited properties as values', () => {
    const proto = { 'insats-id': 'i1', personnummer: PNR.a, insatstyp: 'hemtjanst', startdatum: '2027-03-01', timmar: '10' };
    const record = Object.create(proto) as object;
    expect(codes(engine.checkRecord('insats', record))).toEqual(['required:insats-id', 'required:personnummer', 'required:insatstyp', 'required:startdatum', 'exactly-one-of:timmar']);
  });

  it('does not show a field name that may be data (a CSV without a header row)', () => {
    const f = insats({ [PNR.b]: 'x' });
    expect(seen(f)).toEqual([
      {
        code: 'unknown-field',
        field: undefined,
        message: 'Posten har ett fält som inte ingår i posttypen Insats. Fältnamnet visas inte eftersom det inte ser ut som ett namn. Uppgifter som inte efterfrågas får inte lämnas.',
      },
    ]);
    expect(leaks(JSON.stringify(f), [PNR.b])).toEqual([]);
    const g = insats({ [`pnr_${PNR.c}`]: 'x', [`x${PNR.d.slice(2)}`]: 'y' });
    expect(codes(g)).toEqual(['unknown-field:', 'unknown-field:']);
    expect(leaks(JSON.stringify(g), [PNR.c, PNR.d])).toEqual([]);
  });

  it('accepts its own recordType field and refuses another', () => {
    expect(insats({ recordType: 'insats' })).toEqual([]);
    expect(codes(insats({ recordType: 'person' }))).toEqual(['record-type-mismatch:recordType']);
  });

  it('reports an unknown record type, naming it only when it looks like an id', () => {
    expect(seen(engine.checkRecord('placering', {}))).toEqual([{ code: 'unknown-record-type', field: undefined, message: 'Posttypen "placering" finns inte i katalogen.' }]);
    expect(seen(engine.checkRecord(PNR.a, {}))[0]!.message).toBe(
      'Posten anger ingen posttyp som finns i katalogen. Ange posttypen i fältet recordType, eller välj posttyp för hela filen (döp filen efter posttypen, t.ex. insats.csv, eller ange --record-type).',
    );
  });
});

describe('element values', () => {
  it('reports a missing required element', () => {
    expect(seen(insats({ personnummer: undefined }))).toEqual([{ code: 'required', field: 'personnummer', message: 'Personnummer är obligatorisk men saknas.' }]);
    expect(codes(insats({ startdatum: '' }))).toEqual(['required:startdatum']);
  });

  it('reads integers', () => {
    expect(seen(insats({ timmar: 'tio' }))).toEqual([{ code: 'type', field: 'timmar', message: 'Timmar ska vara ett heltal, t.ex. 12.' }]);
    for (const bad of ['1.5', 1.5, '+3', ' 3', '3 ', '1e3', true, {}]) expect(codes(insats({ timmar: bad })), String(bad)).toEqual(['type:timmar']);
    expect(insats({ timmar: '-0' })).toEqual([]);
  });

  it('reads decimals with a point and names a decimal comma', () => {
    const r = (belopp: unknown) => engine.checkRecord('person', { ...PERSON }).length + insats({ timmar: undefined, belopp }).length;
    expect(r('1200.50')).toBe(0);
    expect(r(1200.5)).toBe(0);
    expect(r('12')).toBe(0);
    expect(seen(insats({ timmar: undefined, belopp: '1200,50' }))).toEqual([
      { code: 'decimal-comma', field: 'belopp', message: 'Belopp har decimalkomma. Använd punkt som decimaltecken, t.ex. 12.50.' },
    ]);
    for (const bad of ['1 200.50', '.5', '5.', '1.2.3', 'NaN', Infinity]) expect(codes(insats({ timmar: undefined, belopp: bad })), String(bad)).toEqual(['type:belopp']);
    expect(seen(insats({ timmar: undefined, belopp: '-1' }))).toEqual([{ code: 'value-range', field: 'belopp', message: 'Belopp ska vara minst 0.' }]);
  });

  it('reads text with characters past U+00FF among Latin-1 text, before and after it in the record', () => {
    // 'Ōda' is three units, one of them over 255: the record's units are then copied to a wider array.
    expect(engine.checkRecord('person', { namn: 'Ōda', personnummer: PNR.a, kommun: '0114' })).toEqual([]);
    expect(engine.checkRecord('person', { personnummer: PNR.a, namn: 'Åsa', kommun: '0114' })).toEqual([]);
    expect(codes(engine.checkRecord('person', { namn: 'Ōda', kommun: '0115', personnummer: PNR.a }))).toEqual(['code:kommun']);
    expect(codes(person({ namn: 'Ōdaaa' }))).toEqual(['length:namn']);
    expect(codes(person({ namn: 'Ō' }))).toEqual(['length:namn']);
    expect(codes(person({ kommun: '01\u2013' }))).toEqual(['code:kommun']);
    expect(codes(insats({ 'insats-id': 'A\u20131' }))).toEqual(['pattern:insats-id']);
    // Wide and narrow records one after the other, on the same plan.
    expect(person({ namn: 'Åsa' })).toEqual([]);
  });

  it('reads booleans as true or false only', () => {
    for (const bad of ['TRUE', 'ja', '1', 1, 'True']) expect(codes(person({ aktiv: bad })), String(bad)).toEqual(['type:aktiv']);
  });

  it('reads dates that exist, written YYYY-MM-DD', () => {
    expect(seen(insats({ slutdatum: '2027-02-29' }))).toEqual([{ code: 'date', field: 'slutdatum', message: 'Slutdatum ska vara ett datum som finns, skrivet ÅÅÅÅ-MM-DD.' }]);
    expect(codes(insats({ slutdatum: '1900-02-29' }))).toEqual(['date:slutdatum']);
    expect(codes(insats({ slutdatum: '2027-3-31' }))).toEqual(['date:slutdatum']);
    expect(codes(insats({ slutdatum: 20270331 }))).toEqual(['type:slutdatum']);
    expect(insats({ startdatum: '2000-02-29', slutdatum: '2000-03-01', insatstyp: 'hemtjanst' })).toEqual([]);
  });

  it('checks codes by lookup: unknown, grouping, outside the subset, a lost leading zero, a number', () => {
    expect(seen(insats({ insatstyp: 'okand' }))).toEqual([{ code: 'code', field: 'insatstyp', message: 'Insatstyp har en kod som inte finns i klassifikationen Insatstyp.' }]);
    expect(seen(insats({ insatstyp: 'grupp' }))).toEqual([
      { code: 'code-not-selectable', field: 'insatstyp', message: 'Insatstyp har en grupperingskod som inte får rapporteras. Välj en av de underordnade koderna.' },
    ]);
    expect(seen(insats({ insatstyp: 'boende' }))).toEqual([
      { code: 'code', field: 'insatstyp', message: 'Insatstyp har en kod ur Insatstyp som inte får användas för den här uppgiften.' },
    ]);
    expect(seen(person({ kommun: '114' }))).toEqual([
      { code: 'code', field: 'kommun', message: 'Kommun har en kod som inte finns i klassifikationen Kommun. Den saknar troligen en inledande nolla: koder är text och skrivs med alla siffror.' },
    ]);
    expect(seen(person({ kommun: 114 }))).toEqual([
      { code: 'type', field: 'kommun', message: 'Kommun ska vara en kommunkod skriven som text med fyra siffror, t.ex. 0114.' },
    ]);
    expect(codes(person({ kommun: '01' }))).toEqual(['code-not-selectable:kommun']);
  });

  it('checks length in characters (code points) and the whole value against the pattern', () => {
    expect(seen(person({ namn: 'A' }))).toEqual([{ code: 'length', field: 'namn', message: 'Namn ska ha minst 2 tecken.' }]);
    expect(seen(person({ namn: 'Agnes' }))).toEqual([{ code: 'length', field: 'namn', message: 'Namn får ha högst 4 tecken.' }]);
    expect(person({ namn: '😀😀😀😀' })).toEqual([]);
    expect(codes(person({ namn: '😀😀😀😀😀' }))).toEqual(['length:namn']);
    expect(seen(insats({ 'insats-id': 'i 1' }))).toEqual([{ code: 'pattern', field: 'insats-id', message: 'Insatsens id har inte den form som katalogen anger.' }]);
    expect(codes(insats({ 'insats-id': 'i1\u0000' }))).toEqual(['pattern:insats-id']);
    expect(codes(insats({ 'insats-id': 'abcdefghijk' }))).toEqual(['length:insats-id']);
  });

  it('checks the element range', () => {
    expect(seen(person({ fodelsear: '1700' }))).toEqual([{ code: 'value-range', field: 'fodelsear', message: 'Födelseår ska vara minst 1800.' }]);
    expect(seen(person({ fodelsear: 2101 }))).toEqual([{ code: 'value-range', field: 'fodelsear', message: 'Födelseår får vara högst 2100.' }]);
  });

  it('checks personnummer and samordningsnummer', () => {
    const wrong = PNR.a.slice(0, 11) + String((Number(PNR.a[11]) + 1) % 10);
    expect(seen(person({ personnummer: wrong }))).toEqual([{ code: 'personal-identity-number', field: 'personnummer', message: 'Personnummer har fel kontrollsiffra.' }]);
    expect(seen(person({ personnummer: `${PNR.a.slice(0, 8)}-${PNR.a.slice(8)}` }))).toEqual([
      { code: 'personal-identity-number', field: 'personnummer', message: 'Personnummer ska skrivas med tolv siffror utan bindestreck eller plustecken.' },
    ]);
    expect(seen(person({ personnummer: `19${PNR.leapDay2000.slice(2)}` }))).toEqual([
      { code: 'personal-identity-number', field: 'personnummer', message: 'Personnummer innehåller inget födelsedatum som finns (för samordningsnummer: dagen plus 60).' },
    ]);
    expect(person({ personnummer: PNR.leapDay2000 })).toEqual([]);
    expect(person({ personnummer: coordinationNumber(PNR.a, 60, luhnCheckDigit) })).toEqual([]);
    expect(codes(person({ personnummer: Number(PNR.a) }))).toEqual(['type:personnummer']);
  });

  it('checks organisation numbers', () => {
    expect(seen(person({ orgnr: '2021005555' }))).toEqual([{ code: 'organisation-number', field: 'orgnr', message: 'Organisationsnummer har fel kontrollsiffra.' }]);
    expect(codes(person({ orgnr: '202100-5554' }))).toEqual(['organisation-number:orgnr']);
  });

  it('reports one finding per field: the first problem', () => {
    expect(codes(insats({ 'insats-id': 'ett mycket långt id' }))).toEqual(['length:insats-id']);
  });
});

describe('phases', () => {
  // avslutsorsak is required from 2028-01-01.
  it('requires a phased element only for a period it covers', () => {
    expect(insats({}, { period: '2027-03' })).toEqual([]);
    expect(codes(insats({ startdatum: '2028-01-10' }, { period: '2028-01' }))).toEqual(['required:avslutsorsak']);
    // A period that the phase starts inside of: required only from the first whole period.
    expect(insats({ startdatum: '2027-08-01' }, { period: '2027-07-01/2028-06-30' })).toEqual([]);
  });

  it('uses the record’s own date when there is no period', () => {
    expect(insats({ startdatum: '2027-12-31' })).toEqual([]);
    expect(codes(insats({ startdatum: '2028-01-01' }))).toEqual(['required:avslutsorsak']);
  });

  it('refuses a phased element given for a period before its phase, but not for a record date alone', () => {
    const early = { avslutsorsak: 'flytt', slutdatum: '2027-03-31' };
    expect(seen(insats(early, { period: '2027-03' }))).toEqual([
      { code: 'element-not-in-force', field: 'avslutsorsak', message: 'Avslutsorsak ingår inte i posten för den här perioden (den rapporteras från 2028-01-01) och får inte lämnas.' },
    ]);
    expect(insats(early)).toEqual([]);
  });

  it('applies a phased rule only inside its validity', () => {
    expect(seen(insats({ timmar: '800' }))).toEqual([{ code: 'range', field: 'timmar', message: 'Ovanligt många timmar.' }]);
    expect(insats({ timmar: '800' })[0]!.severity).toBe('info');
    expect(insats({ timmar: '800', startdatum: '2026-12-31', insatstyp: 'hemtjanst' })).toEqual([]);
  });
});

describe('row rules', () => {
  it('required-if on presence', () => {
    expect(seen(insats({ avslutsorsak: 'flytt', startdatum: '2028-01-01' }, { period: '2028-01' }))).toEqual([{ code: 'required-if', field: 'slutdatum', message: 'Avslutsorsak kräver slutdatum.' }]);
    expect(insats({ avslutsorsak: 'flytt', slutdatum: '2028-01-31', startdatum: '2028-01-01' }, { period: '2028-01' })).toEqual([]);
  });

  it('required-if on codes', () => {
    const f = insats({ insatstyp: 'kontaktperson', startdatum: '2027-03-01', timmar: undefined, belopp: '100' });
    expect(f.map((x) => [x.ruleId, x.severity, x.field, x.message])).toEqual([
      ['insats-kontakt-kraver-timmar', 'warning', 'timmar', { sv: 'Timmar ska anges för kontaktperson.', en: 'Hours are required for a contact person.' }],
    ]);
  });

  it('date-order: the end may be the start day but not before it', () => {
    expect(insats({ slutdatum: '2027-03-01' })).toEqual([]);
    expect(seen(insats({ slutdatum: '2027-02-28' }))).toEqual([{ code: 'date-order', field: 'slutdatum', message: 'Slutdatum ligger före startdatum.' }]);
    expect(insats({ slutdatum: '2027-02-28' })[0]!.message.en).toBe('The end date is before the start date.');
  });

  it('exactly-one-of: neither and both are wrong', () => {
    expect(seen(insats({ timmar: undefined }))).toEqual([{ code: 'exactly-one-of', field: 'timmar', message: 'Ange timmar eller belopp, inte båda.' }]);
    expect(codes(insats({ belopp: '5' }))).toEqual(['exactly-one-of:belopp']);
    expect(insats({ timmar: undefined, belopp: '5' })).toEqual([]);
  });

  it('within-period: against the given period only', () => {
    expect(insats({}, { period: '2027-03' })).toEqual([]);
    expect(codes(insats({ startdatum: '2027-04-01' }, { period: '2027-03' }))).toEqual(['within-period:startdatum']);
    expect(codes(insats({ startdatum: '2027-02-28' }, { period: '2027-03' }))).toEqual(['within-period:startdatum']);
    expect(insats({ startdatum: '2027-04-01' })).toEqual([]);
  });

  it('code-valid-on-date: the code must be valid on the record’s own date, not only in today’s list', () => {
    expect(insats({ insatstyp: 'kontaktperson', startdatum: '2027-06-30' })).toEqual([]);
    expect(seen(insats({ insatstyp: 'kontaktperson', startdatum: '2027-07-01' }))).toEqual([
      { code: 'code-valid-on-date', field: 'insatstyp', message: 'Insatstypen gällde inte på startdatum.' },
    ]);
    expect(codes(insats({ insatstyp: 'kontaktperson-barn', startdatum: '2027-06-30' }))).toEqual(['code-valid-on-date:insatstyp']);
    expect(insats({ insatstyp: 'kontaktperson-barn', startdatum: '2027-07-01' })).toEqual([]);
  });

  it('skips a rule whose elements are invalid: the element finding says what is wrong', () => {
    expect(codes(insats({ startdatum: '2027-02-30', slutdatum: '2027-01-01' }))).toEqual(['date:startdatum']);
  });
});

describe('under an obligation', () => {
  const ob = { obligation: 'kommun-manad', period: '2027-03' } as const;

  it('allows only its subset of elements and adds its rules', () => {
    expect(insats({}, ob)).toEqual([]);
    expect(codes(insats({ belopp: '5', timmar: undefined }, ob))).toEqual(['unknown-field:belopp', 'exactly-one-of:timmar']);
    expect(seen(insats({ timmar: '0' }, ob))).toEqual([{ code: 'range', field: 'timmar', message: 'Timmar ska vara minst 1.' }]);
  });

  it('refuses a record type the obligation does not have', () => {
    expect(seen(engine.checkRecord('person', PERSON, { obligation: 'kommun-oktober', period: '2027' }))).toEqual([
      { code: 'record-type-not-in-obligation', field: undefined, message: 'Posttypen Person ingår inte i uppgiftsskyldigheten Läget den 1 oktober.' },
    ]);
  });

  it('throws for an unknown obligation or an unreadable period: those are the caller’s mistakes', () => {
    expect(() => insats({}, { obligation: 'finns-inte' })).toThrow(RangeError);
    expect(() => insats({}, { obligation: 'kommun-manad', period: '2027' })).toThrow(RangeError);
    expect(() => insats({}, { period: { start: '2027-03-31', end: '2027-03-01' } })).toThrow(RangeError);
  });
});

describe('privacy', () => {
  it('never puts a value of the record in a finding', () => {
    const values = [PNR.a, PNR.b, PNR.c, PNR.d, `19${PNR.leapDay2000.slice(2)}`, PNR.a.slice(0, 11) + '9'];
    const findings: Finding[] = [];
    for (const v of values) {
      findings.push(...person({ personnummer: v, kommun: v, orgnr: v, namn: v, fodelsear: v, aktiv: v, [v]: v }));
      findings.push(...insats({ 'insats-id': v, personnummer: v, insatstyp: v, startdatum: v, slutdatum: v, timmar: v, belopp: v, recordType: v }, { period: '2027-03' }));
      findings.push(...engine.checkRecord(v, { personnummer: v }));
    }
    expect(findings.length).toBeGreaterThan(40);
    expect(leaks(JSON.stringify(findings), values)).toEqual([]);
  });
});

describe('large code lists', () => {
  it('checks a 50,000-code classification by lookup', () => {
    const codes50k = Array.from({ length: 50_000 }, (_, i) => `K${String(i).padStart(5, '0')}`);
    const model: ValidationModel = {
      ...MODEL,
      classifications: MODEL.classifications.map((c) => (c.id === 'kommun' ? { ...c, codes: [c.codes, ...codes50k].join(' ') } : c)),
    };
    const big = createEngine(model);
    expect(big.checkRecord('person', { ...PERSON, kommun: 'K49999' })).toEqual([]);
    expect(big.checkRecord('person', { ...PERSON, kommun: 'K50000' }).map((f) => f.code)).toEqual(['code']);
  });
});

describe('the model', () => {
  it('must be of the version it reads (MODEL_VERSION)', () => {
    expect(() => createEngine({ ...MODEL, modelVersion: 1 } as unknown as ValidationModel)).toThrow(TypeError);
  });
});
