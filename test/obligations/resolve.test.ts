import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/api.js';
import { answerObligations, yearEndFrom } from '../../src/obligations/answer.js';
import type { ObligationAnswer, ObligationsData } from '../../src/obligations/data.js';
import { obligationsData } from '../../src/obligations/export.js';
import { resolveObligations } from '../../src/obligations/resolve.js';

const root = resolve(import.meta.dirname, '../..');
const loaded = loadCatalogue(join(root, 'catalogue'));
const catalogue = loaded.catalogue!;
const data = obligationsData(catalogue);

/** The structure of an obligation in one line per record type: element ids with * required, ? if documented. */
function structure(o: ObligationAnswer): string[] {
  const mark = (r: string): string => (r === 'required' ? '*' : r === 'if-documented' ? '?' : '');
  return o.recordTypes.map((rt) => `${rt.id}: ${rt.elements.map((e) => e.id + mark(e.required)).join(' ')}`);
}

/** The obligation as resolved on exactly one day, or undefined when it is not in force then. */
function onDay(id: string, day: string): ObligationAnswer | undefined {
  const ob = catalogue.obligations.find((o) => o.id === id)!;
  const r = resolveObligations(catalogue, { actor: ob.actor.code, area: ob.area.code, from: day, to: day });
  expect(r.diagnostics).toEqual([]);
  return r.value.obligations.find((o) => o.id === id);
}

function elementsOf(o: ObligationAnswer): Set<string> {
  return new Set(o.recordTypes.flatMap((rt) => rt.elements.map((e) => `${rt.id}/${e.id}`)));
}

const minus = <T,>(a: Set<T>, b: Set<T>): T[] => [...a].filter((x) => !b.has(x)).sort();

/** What the register catalogue adds on 2028-01-01 to each obligation: record types, elements, rules. */
const phase2: Record<string, { recordTypes: string[]; elements: string[]; rules: string[] }> = {
  'enskild-verksamhet-hvb': { recordTypes: [], elements: ['insats/avslutsorsak'], rules: ['insats-avslutsorsak-kraver-slutdatum', 'insats-slutdatum-kraver-avslutsorsak'] },
  'enskild-verksamhet-lss': { recordTypes: [], elements: ['insats/avslutsorsak'], rules: ['insats-avslutsorsak-kraver-slutdatum', 'insats-slutdatum-kraver-avslutsorsak'] },
  'kommun-aldre': { recordTypes: [], elements: ['insats/avslutsorsak', 'person/fodelseland'], rules: ['insats-avslutsorsak-kraver-slutdatum', 'insats-slutdatum-kraver-avslutsorsak'] },
  'kommun-barn-och-unga': {
    recordTypes: ['vardnadshavare'],
    elements: ['insats/avslutsorsak', 'person/fodelseland', 'vardnadshavare/personnummer', 'vardnadshavare/uppgiftsdatum', 'vardnadshavare/vardnadshavare-personnummer', 'vardnadshavare/vardnadshavartyp'],
    rules: ['insats-avslutsorsak-kraver-slutdatum', 'insats-slutdatum-kraver-avslutsorsak', 'vardnadshavare-barnet-finns', 'vardnadshavare-unik', 'vardnadshavare-uppgiftsdatum-inom-perioden'],
  },
  'kommun-ekonomiskt-bistand': {
    recordTypes: ['beslut'],
    elements: [
      'beslut/beslut-id',
      'beslut/beslutsdatum',
      'beslut/beslutsutfall',
      'beslut/insatstyp-sol',
      'beslut/lagrum',
      'beslut/personnummer',
      'beslut/rapporterande-kommun',
      'beslut/utredning-id',
      'ekonomiskt-bistand/forsorjningshinder',
      'person/fodelseland',
    ],
    rules: ['beslut-lagrum-gallde', 'beslut-personen-finns', 'beslut-unik'],
  },
  'kommun-funktionsnedsattning': { recordTypes: [], elements: ['insats/avslutsorsak', 'person/fodelseland'], rules: ['insats-avslutsorsak-kraver-slutdatum', 'insats-slutdatum-kraver-avslutsorsak'] },
  'kommun-lss': { recordTypes: [], elements: ['insats/avslutsorsak', 'person/fodelseland'], rules: ['insats-avslutsorsak-kraver-slutdatum', 'insats-slutdatum-kraver-avslutsorsak'] },
  'kommun-missbruk': { recordTypes: [], elements: ['insats/avslutsorsak', 'person/fodelseland'], rules: ['insats-avslutsorsak-kraver-slutdatum', 'insats-slutdatum-kraver-avslutsorsak'] },
};

describe('resolveObligations on the register catalogue', () => {
  it('loads the catalogue without errors and knows every obligation', () => {
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(catalogue.obligations.map((o) => o.id).sort()).toEqual(Object.keys(phase2).sort());
  });

  describe.each(Object.keys(phase2))('%s', (id) => {
    it('is not in force on 2026-12-31, the day before the first phase', () => {
      expect(onDay(id, '2026-12-31')).toBeUndefined();
    });

    it('has the same structure on 2027-01-01 and 2027-12-31, and the second phase from 2028-01-01', async () => {
      const first = onDay(id, '2027-01-01')!;
      const last = onDay(id, '2027-12-31')!;
      const second = onDay(id, '2028-01-01')!;
      expect(first.asOf).toBe('2027-01-01');
      expect(structure(last)).toEqual(structure(first));
      expect(last.rules.map((r) => r.id)).toEqual(first.rules.map((r) => r.id));

      const expected = phase2[id]!;
      expect(minus(new Set(second.recordTypes.map((r) => r.id)), new Set(first.recordTypes.map((r) => r.id)))).toEqual(expected.recordTypes);
      expect(minus(elementsOf(second), elementsOf(first))).toEqual(expected.elements);
      expect(minus(elementsOf(first), elementsOf(second))).toEqual([]);
      expect(minus(new Set(second.rules.map((r) => r.id)), new Set(first.rules.map((r) => r.id)))).toEqual(expected.rules);

      // The same phase seen in advance: a query on 2027-12-31 for a year lists it as changes.
      const ob = catalogue.obligations.find((o) => o.id === id)!;
      const ahead = resolveObligations(catalogue, { actor: ob.actor.code, area: ob.area.code, date: '2027-12-31' }).value.obligations.find((o) => o.id === id)!;
      const added = ahead.changes.filter((c) => c.change === 'added');
      expect(ahead.changes.every((c) => c.date === '2028-01-01' && c.change === 'added')).toBe(true);
      expect(added.filter((c) => c.subject === 'record-type').map((c) => c.recordType)).toEqual(expected.recordTypes);
      // A new record type brings its elements; the changes name the record type only.
      expect(
        added
          .filter((c) => c.subject === 'element')
          .map((c) => `${c.recordType}/${c.element}`)
          .sort(),
      ).toEqual(expected.elements.filter((e) => !expected.recordTypes.includes(e.split('/')[0]!)));
      expect(added.filter((c) => c.subject === 'rule').map((c) => c.rule).sort()).toEqual(expected.rules);

      await expect(
        [
          `# ${id}`,
          ...(['2027-01-01', '2028-01-01'] as const).flatMap((day) => {
            const o = day === '2027-01-01' ? first : second;
            return [
              `## ${day}`,
              ...structure(o),
              `rules: ${o.rules.map((r) => r.id).join(' ')}`,
              `classifications: ${o.classifications.map((c) => `${c.id}(${c.codes.length})`).join(' ')}`,
            ];
          }),
          '',
        ].join('\n'),
      ).toMatchFileSnapshot(`__snapshots__/structure/${id}.txt`);
    });
  });

  it('gives requiredness per element on the date', () => {
    const o = onDay('kommun-barn-och-unga', '2028-01-01')!;
    const insats = o.recordTypes.find((r) => r.id === 'insats')!;
    const req = Object.fromEntries(insats.elements.map((e) => [e.id, e.required]));
    expect(req).toMatchObject({ 'insats-id': 'required', 'beslut-id': 'optional', avslutsorsak: 'if-documented', 'insats-startdatum': 'required' });
    expect(insats.elements.find((e) => e.id === 'insats-id')!.key).toBe(true);
    expect(insats.key).toEqual(['insats-id']);
  });

  it('narrows record types to the obligation’s elements and skips rules that read elements outside them', () => {
    const lss = onDay('kommun-lss', '2027-06-01')!;
    const beslut = lss.recordTypes.find((r) => r.id === 'beslut')!;
    expect(beslut.elements.map((e) => e.id)).not.toContain('insatstyp-sol');
    const rules = lss.rules.map((r) => r.id);
    // beslut-en-insatstyp reads insatstyp-sol, which the LSS obligation does not ask for.
    expect(rules).not.toContain('beslut-en-insatstyp');
    expect(rules).toContain('beslut-lss-insats-kraver-lss');
    expect(rules).toContain('kommun-lss-bara-lss-insatser');
    // no-overlap groups by both intervention types; grouping by a missing one is harmless.
    expect(rules).toContain('insats-ingen-overlapp');
    // A rule that starts with the second phase is not active before it.
    expect(rules).not.toContain('insats-avslutsorsak-kraver-slutdatum');
  });

  it('gives the code lists of the elements with the codes valid on the date', () => {
    const o = onDay('kommun-barn-och-unga', '2027-06-01')!;
    const lagrum = o.classifications.find((c) => c.id === 'lagrum')!;
    // The element narrows lagrum to five codes; SoL 2001:453 ended on 2025-06-30.
    expect(lagrum.codes.map((c) => c.code)).toEqual(['sol-2025-400', 'lss-1993-387', 'lvu-1990-52', 'lvm-1988-870']);
    expect(lagrum.elements).toEqual(['lagrum']);
    const kommun = o.classifications.find((c) => c.id === 'kommun')!;
    expect(kommun.codes).toHaveLength(290);
    expect(kommun.elements).toEqual(['ansvarig-kommun', 'folkbokforingskommun', 'rapporterande-kommun']);
    expect(kommun.edition).toBeDefined();
    const earlier = resolveObligations(catalogue, { actor: 'kommun', area: 'barn-och-unga', from: '2025-06-30', to: '2025-06-30' });
    expect(earlier.value.obligations).toEqual([]);
  });

  it('answers "the coming year" for a municipality on 2027-03-01 with every due date', () => {
    const r = resolveObligations(catalogue, { actor: 'kommun', date: '2027-03-01' });
    expect(r.value.query).toMatchObject({ date: '2027-03-01', from: '2027-03-01', to: '2028-02-29' });
    expect(r.value.obligations.map((o) => o.id)).toEqual(['kommun-aldre', 'kommun-barn-och-unga', 'kommun-ekonomiskt-bistand', 'kommun-funktionsnedsattning', 'kommun-lss', 'kommun-missbruk']);
    const aldre = r.value.obligations[0]!;
    expect(aldre.submissions.map((s) => `${s.period.id}>${s.due}`)).toEqual([
      '2027-02>2027-03-15',
      '2027-03>2027-04-15',
      '2027-04>2027-05-17',
      '2027-05>2027-06-15',
      '2027-06>2027-07-15',
      '2027-07>2027-08-16',
      '2027-08>2027-09-15',
      '2027-09>2027-10-15',
      '2027-10>2027-11-15',
      '2027-11>2027-12-15',
      '2027-12>2028-01-17',
      '2028-01>2028-02-15',
    ]);
    expect(r.value.obligations.find((o) => o.id === 'kommun-lss')!.submissions.map((s) => `${s.period.id}>${s.due}`)).toEqual(['2027-10-01>2027-10-25']);
  });

  it('shows an obligation that starts within the year, as it will be on its first day', () => {
    const r = resolveObligations(catalogue, { actor: 'kommun', area: 'lss', date: '2026-12-31' });
    const lss = r.value.obligations[0]!;
    expect(lss.asOf).toBe('2027-01-01');
    expect(lss.submissions.map((s) => s.due)).toEqual(['2027-10-25']);
    // The first monthly submission is due 15 February 2027 for January.
    const bou = resolveObligations(catalogue, { actor: 'kommun', area: 'barn-och-unga', date: '2026-12-31' }).value.obligations[0]!;
    expect(bou.submissions[0]!.period.id).toBe('2027-01');
    expect(bou.submissions[0]!.due).toBe('2027-02-15');
    expect(bou.submissions).toHaveLength(11);
  });

  it('lists nothing, without problems, for an actor with no obligations', () => {
    const r = resolveObligations(catalogue, { actor: 'region', date: '2027-03-01' });
    expect(r.diagnostics).toEqual([]);
    expect(r.value.obligations).toEqual([]);
  });

  it('reports unknown actor, area and element codes as diagnostics', () => {
    const r = resolveObligations(catalogue, { actor: 'kommunen', area: 'skola', date: '2027-03-01' });
    expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ['obligations/unknown-actor', 'error'],
      ['obligations/unknown-area', 'error'],
    ]);
    expect(r.diagnostics[0]!.message.sv).toBe('Aktörstypen "kommunen" finns inte. Kända aktörstyper: "kommun", "region", "enskild-verksamhet", "staten".');
    expect(r.diagnostics[1]!.message.en).toMatch(/^The area of activity "skola" does not exist\. Known areas: "barn-och-unga"/);
    expect(r.value.obligations).toEqual([]);
    const e = resolveObligations(catalogue, { element: 'personnumer' });
    expect(e.diagnostics.map((d) => d.code)).toEqual(['obligations/unknown-element']);
    expect(e.diagnostics[0]!.message.sv).toBe('Uppgiften "personnumer" finns inte i katalogen.');
  });
});

describe('element queries', () => {
  it('lists every obligation and record type that asks for personnummer, with phases', () => {
    const r = resolveObligations(catalogue, { element: 'personnummer' });
    const uses = r.value.elementUses.map((u) => `${u.obligation}/${u.recordType}${u.validFrom !== '2027-01-01' ? ` from ${u.validFrom}` : ''}`);
    expect(uses).toContain('kommun-barn-och-unga/vardnadshavare from 2028-01-01');
    expect(uses).toContain('kommun-ekonomiskt-bistand/beslut from 2028-01-01');
    expect(new Set(r.value.elementUses.map((u) => u.obligation)).size).toBe(8);
    expect(r.value.elementUses.every((u) => u.required === 'required')).toBe(true);
  });

  it('honours the phase of the element and the date asked for', () => {
    const all = resolveObligations(catalogue, { element: 'avslutsorsak' }).value.elementUses;
    expect(all.every((u) => u.validFrom === '2028-01-01' && u.required === 'if-documented')).toBe(true);
    expect(resolveObligations(catalogue, { element: 'avslutsorsak', date: '2027-12-31' }).value.elementUses).toEqual([]);
    expect(resolveObligations(catalogue, { element: 'avslutsorsak', date: '2028-01-01' }).value.elementUses).toHaveLength(all.length);
    expect(resolveObligations(catalogue, { element: 'avslutsorsak', from: '2027-06-01', to: '2028-01-01' }).value.elementUses).toHaveLength(all.length);
    const kommun = resolveObligations(catalogue, { element: 'avslutsorsak', actor: 'kommun', area: 'lss' }).value.elementUses;
    expect(kommun.map((u) => u.obligation)).toEqual(['kommun-lss']);
    // fodelseland is not in the private providers' person subset.
    expect(resolveObligations(catalogue, { element: 'fodelseland', actor: 'enskild-verksamhet' }).value.elementUses).toEqual([]);
  });
});

describe('answerObligations on plain data', () => {
  const clone = (): ObligationsData => JSON.parse(JSON.stringify(data)) as ObligationsData;

  it('answers from JSON exactly as the resolver does from the catalogue, so the docs page agrees with the CLI', () => {
    const queries = [
      { actor: 'kommun', date: '2027-03-01' },
      { actor: 'enskild-verksamhet', from: '2027-01-01', to: '2028-12-31' },
      { element: 'personnummer' },
    ] as const;
    for (const q of queries) {
      expect(answerObligations(clone(), q)).toEqual(resolveObligations(catalogue, q).value);
    }
  });

  it('exports plain JSON with docs paths and no undefined values', () => {
    const text = JSON.stringify(data);
    expect(JSON.parse(text)).toEqual(data);
    expect(data.format).toBe(1);
    expect(data.elements.find((e) => e.id === 'personnummer')!.doc).toBe('uppgifter/personnummer.html');
    expect(data.obligations.find((o) => o.id === 'kommun-lss')!.doc).toBe('uppgiftsskyldigheter/kommun-lss.html');
    expect(data.rules.find((r) => r.id === 'person-unik')!.doc).toBe('regler/person-unik.html');
    expect(data.classifications.find((c) => c.id === 'kommun')!.doc).toBe('klassifikationer/kommun.html');
    expect(data.recordTypes.map((r) => r.id)).toEqual([...data.recordTypes.map((r) => r.id)].sort());
  });

  it('lists code changes within the range, and the codes valid on the date', () => {
    const d = clone();
    const placeringsform = d.classifications.find((c) => c.id === 'placeringsform')!;
    const [first, second] = placeringsform.codes.filter((c) => c.selectable);
    (first as { validTo?: string }).validTo = '2027-06-30';
    (second as { validFrom?: string }).validFrom = '2027-07-01';
    const before = answerObligations(d, { actor: 'kommun', area: 'barn-och-unga', date: '2027-03-01' }).obligations[0]!;
    const codes = before.classifications.find((c) => c.id === 'placeringsform')!.codes.map((c) => c.code);
    expect(codes).toContain(first!.code);
    expect(codes).not.toContain(second!.code);
    expect(before.changes.filter((c) => c.subject === 'code')).toEqual([
      { date: '2027-07-01', change: 'added', subject: 'code', classification: 'placeringsform', code: second!.code, label: second!.label },
      { date: '2027-07-01', change: 'removed', subject: 'code', classification: 'placeringsform', code: first!.code, label: first!.label },
    ]);
  });

  it('applies an obligation for a parent actor code to its children', () => {
    const d = clone();
    (d.actors as unknown[]).push({ code: 'stadsdelsnamnd', label: { sv: 'Stadsdelsnämnd' }, parent: 'kommun', selectable: true, status: 'draft' });
    const a = answerObligations(d, { actor: 'stadsdelsnamnd', date: '2027-03-01' });
    expect(a.problems).toEqual([]);
    expect(a.obligations.map((o) => o.id)).toHaveLength(6);
    expect(answerObligations(d, { actor: 'kommun', date: '2027-03-01' }).obligations).toHaveLength(6);
  });

  it('still lists the last submission of an obligation that has ended, as it was on its last day', () => {
    const d = clone();
    const aldre = d.obligations.find((o) => o.id === 'kommun-aldre')! as { validTo?: string };
    aldre.validTo = '2027-12-31';
    const a = answerObligations(d, { actor: 'kommun', area: 'aldre', date: '2028-01-05' }).obligations[0]!;
    expect(a.asOf).toBe('2027-12-31');
    expect(a.submissions.map((s) => `${s.period.id}>${s.due}`)).toEqual(['2027-12>2028-01-17']);
    expect(a.changes).toEqual([]);
    expect(answerObligations(d, { actor: 'kommun', area: 'aldre', date: '2028-02-01' }).obligations).toEqual([]);
  });

  it('handles quarter, year and continuous periods', () => {
    const d = clone();
    const ob = d.obligations.find((o) => o.id === 'kommun-aldre')! as { period: unknown; deadline: unknown };
    ob.period = { kind: 'year' };
    ob.deadline = { kind: 'fixed', date: '--03-31', adjust: 'next-working-day' };
    expect(answerObligations(d, { actor: 'kommun', area: 'aldre', from: '2027-01-01', to: '2029-12-31' }).obligations[0]!.submissions.map((s) => `${s.period.id}>${s.due}`)).toEqual([
      '2027>2028-03-31',
      '2028>2029-04-03', // 31 March 2029 is a Saturday, 2 April annandag påsk
    ]);
    ob.period = { kind: 'quarter' };
    ob.deadline = { kind: 'days-after-period-end', days: 45, adjust: 'none' };
    expect(answerObligations(d, { actor: 'kommun', area: 'aldre', from: '2027-01-01', to: '2027-12-31' }).obligations[0]!.submissions.map((s) => `${s.period.id}>${s.due}`)).toEqual([
      '2027-Q1>2027-05-15',
      '2027-Q2>2027-08-14',
      '2027-Q3>2027-11-14',
    ]);
    ob.period = { kind: 'continuous' };
    const cont = answerObligations(d, { actor: 'kommun', area: 'aldre', date: '2027-03-01' }).obligations[0]!;
    expect(cont.submissions).toEqual([]);
    expect(cont.recordTypes.length).toBeGreaterThan(0);
  });

  it('computes the end of "the coming year", also from a leap day', () => {
    expect(yearEndFrom('2027-03-01')).toBe('2028-02-29');
    expect(yearEndFrom('2027-01-01')).toBe('2027-12-31');
    expect(yearEndFrom('2028-02-29')).toBe('2029-02-28');
    expect(yearEndFrom('2027-02-28')).toBe('2028-02-27');
  });

  it('is not fooled by ids that are Object.prototype keys', () => {
    const a = answerObligations(clone(), { actor: 'constructor', date: '2027-03-01' });
    expect(a.problems.map((p) => p.code)).toEqual(['obligations/unknown-actor']);
    expect(answerObligations(clone(), { element: '__proto__' }).problems.map((p) => p.code)).toEqual(['obligations/unknown-element']);
  });
});
