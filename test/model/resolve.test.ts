import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/api.js';
import { readCatalogue } from '../../src/loader/load.js';
import { isRealDate, resolveCatalogue } from '../../src/model/resolve.js';
import type { Catalogue, Classification, Code } from '../../src/model/types.js';

const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/catalogues/${name}`, import.meta.url));

function load(name: string): Catalogue {
  const { catalogue, diagnostics } = loadCatalogue(fixture(name));
  expect(diagnostics).toEqual([]);
  return catalogue!;
}

const ids = (xs: readonly { id: string }[]): string[] => xs.map((x) => x.id);
const codes = (xs: readonly Code[]): string[] => xs.map((x) => x.code);
const byId = <T extends { id: string }>(xs: readonly T[], id: string): T => {
  const found = xs.find((x) => x.id === id);
  expect(found, id).toBeDefined();
  return found!;
};
const code = (c: Classification, value: string): Code => {
  const found = c.codeMap.get(value);
  expect(found, value).toBeDefined();
  return found!;
};

describe('resolveCatalogue on the kitchen sink', () => {
  const cat = load('kitchen-sink');
  const insatstyp = byId(cat.classifications, 'insatstyp');
  const kommun = byId(cat.classifications, 'kommun');

  it('sorts every list of entities and rules by id', () => {
    expect(ids(cat.terms)).toEqual(['beslut', 'bistandsinsats', 'insats']);
    expect(ids(cat.classifications)).toEqual(['aktorstyp', 'insatstyp', 'kommun', 'lagrum', 'lvu-skal', 'verksamhetsomrade']);
    expect(ids(cat.dataElements)).toEqual([
      'antal-timmar', 'belopp', 'beslut-overklagat', 'beslutsdatum', 'insats-id', 'insatstyp', 'kommun', 'lvu-skal',
      'personnummer', 'slutdatum', 'startdatum', 'utforare-orgnr', 'vardnadshavare-personnummer',
    ]);
    expect(ids(cat.recordTypes)).toEqual(['beslut', 'insats', 'person']);
    expect(ids(cat.obligations)).toEqual(['kommun-ar', 'kommun-bistand-manad', 'kommun-lopande', 'kommun-lss-oktober', 'utforare-kvartal']);
    const ruleIds = ids(cat.rules);
    expect(ruleIds).toEqual([...ruleIds].sort());
    expect(ruleIds).toHaveLength(12);
  });

  it('binds the manifest to the legal-basis, actor and area classifications as objects', () => {
    expect(cat.legalBasisClassification).toBe(byId(cat.classifications, 'lagrum'));
    expect(cat.actorClassification).toBe(byId(cat.classifications, 'aktorstyp'));
    expect(cat.areaClassification).toBe(byId(cat.classifications, 'verksamhetsomrade'));
    expect(cat.manifest.checks).toEqual({
      'rule/schema-comment-missing': 'error',
      'rule/unused-element': 'warning',
      'rule/deprecated-without-replacement': 'info',
      'rule/unused-classification': 'off',
    });
  });

  it('makes element.classification the classification object and element.codes its Code objects', () => {
    const el = byId(cat.dataElements, 'insatstyp');
    expect(el.classification).toBe(insatstyp);
    expect(el.codes).toHaveLength(7);
    for (const c of el.codes!) expect(c).toBe(insatstyp.codeMap.get(c.code));
    expect(codes(el.codes!)).toEqual(['boende-hvb', 'boende-familjehem', 'boende-institution', 'kontaktperson', 'kontaktperson-barn', 'kontaktperson-vuxen', 'hemtjanst']);
    expect(byId(cat.dataElements, 'kommun').classification).toBe(kommun);
    expect(byId(cat.dataElements, 'lvu-skal').codes).toBeUndefined();
  });

  it('links code.parent and code.children both ways, children in declared order', () => {
    const boende = code(insatstyp, 'boende');
    expect(boende.selectable).toBe(false);
    expect(boende.parent).toBeUndefined();
    expect(codes(boende.children)).toEqual(['boende-hvb', 'boende-familjehem', 'boende-institution']);
    for (const child of boende.children) expect(child.parent).toBe(boende);
    expect(code(insatstyp, 'boende-hvb').selectable).toBe(true);
    expect(code(insatstyp, 'hemtjanst').children).toEqual([]);
  });

  it('keeps codes in declared order with each code pointing back at its classification', () => {
    expect(codes(insatstyp.codes)).toEqual([
      'boende', 'boende-hvb', 'boende-familjehem', 'boende-institution', 'kontaktperson', 'kontaktperson-barn',
      'kontaktperson-vuxen', 'hemtjanst-service', 'hemtjanst-omsorg', 'hemtjanst',
    ]);
    for (const c of insatstyp.codes) expect(c.classification).toBe(insatstyp);
  });

  it('resolves a one-to-one replacement', () => {
    const old = code(insatstyp, 'boende-institution');
    expect(old.status).toBe('deprecated');
    expect(old.replacedBy).toEqual([code(insatstyp, 'boende-hvb')]);
    expect(code(insatstyp, 'boende-hvb').replaces).toEqual([old]);
  });

  it('resolves a split: one code replaced by two, each of which replaces it', () => {
    const split = code(insatstyp, 'kontaktperson');
    const [barn, vuxen] = [code(insatstyp, 'kontaktperson-barn'), code(insatstyp, 'kontaktperson-vuxen')];
    expect(split.replacedBy).toHaveLength(2);
    expect(split.replacedBy[0]).toBe(barn);
    expect(split.replacedBy[1]).toBe(vuxen);
    expect(barn.replaces).toEqual([split]);
    expect(vuxen.replaces[0]).toBe(split);
    expect(split.validTo).toBe('2027-06-30');
    expect(barn.validFrom).toBe('2027-07-01');
  });

  it('resolves a merge: two codes replaced by one, which replaces both', () => {
    const merged = code(insatstyp, 'hemtjanst');
    expect(codes(merged.replaces)).toEqual(['hemtjanst-service', 'hemtjanst-omsorg']);
    for (const old of merged.replaces) expect(old.replacedBy).toEqual([merged]);
    expect(merged.replacedBy).toEqual([]);
  });

  it('resolves codes from a CSV file like YAML codes, every column included', () => {
    expect(kommun.codesFile).toBe('kommun.csv');
    expect(codes(kommun.codes)).toEqual(['01', '0114', '0115', '03', '0331', '19', '1917']);
    const lan = code(kommun, '01');
    expect(lan).toMatchObject({ selectable: false, status: 'active', label: { sv: 'Stockholms län', en: 'Stockholm County' }, definition: { sv: 'Länet som grupp' } });
    expect(codes(lan.children)).toEqual(['0114', '0115']);
    expect(code(kommun, '0115').definition).toEqual({ sv: 'Kommun i länet; norr om Stockholm' });
    expect(code(kommun, '0331').definition).toEqual({ sv: 'Heby "flyttad" till Uppsala län' });
    const heby = code(kommun, '1917');
    expect(heby).toMatchObject({ status: 'retired', validTo: '2006-12-31', selectable: true });
    expect(heby.parent).toBe(code(kommun, '19'));
    expect(heby.replacedBy).toEqual([code(kommun, '0331')]);
    expect(code(kommun, '0331').replaces).toEqual([heby]);
    expect(heby.location.file.endsWith('kommun.csv')).toBe(true);
    expect(heby.location.start).toEqual({ line: 8, column: 1 });
  });

  it('defaults a code to active and selectable', () => {
    expect(code(kommun, '0115')).toMatchObject({ status: 'active', selectable: true });
    expect(code(kommun, '0115').validFrom).toBeUndefined();
  });

  it('resolves related terms to Term objects sorted by id', () => {
    const insats = byId(cat.terms, 'insats');
    expect(insats.related).toEqual([byId(cat.terms, 'beslut'), byId(cat.terms, 'bistandsinsats')]);
    expect(insats.synonyms).toEqual(['stödinsats', 'bistånd i form av insats']);
    expect(insats.comment).toEqual({ sv: 'Insatsen kan vara beviljad enligt SoL eller LSS.', en: 'The intervention may be granted under SoL or LSS.' });
    expect(byId(cat.dataElements, 'insats-id').term).toBe(insats);
  });

  it('resolves privacy legal basis to codes of the bound classification', () => {
    const lagrum = byId(cat.classifications, 'lagrum');
    expect(byId(cat.dataElements, 'insatstyp').privacy).toEqual({
      category: 'intervention-activity',
      sensitive: ['health'],
      legalBasis: [code(lagrum, 'sol-2025-400'), code(lagrum, 'lss-1993-387')],
    });
    expect(byId(cat.dataElements, 'utforare-orgnr').privacy).toEqual({ category: 'none', sensitive: [], legalBasis: [] });
  });

  it('resolves record types: key, date element, ordered elements with requiredness and phases', () => {
    const insats = byId(cat.recordTypes, 'insats');
    expect(insats.key).toEqual([byId(cat.dataElements, 'insats-id')]);
    expect(insats.dateElement).toBe(byId(cat.dataElements, 'startdatum'));
    expect(insats.elements.map((x) => [x.element.id, x.required])).toEqual([
      ['insats-id', 'required'], ['personnummer', 'required'], ['insatstyp', 'required'], ['startdatum', 'required'],
      ['slutdatum', 'if-documented'], ['lvu-skal', 'if-documented'], ['antal-timmar', 'optional'], ['belopp', 'optional'],
      ['beslut-overklagat', 'optional'], ['utforare-orgnr', 'optional'], ['beslutsdatum', 'optional'],
    ]);
    expect(insats.elements.at(-1)!.validFrom).toBe('2028-01-01');
    expect(insats.elements[0]!.validFrom).toBeUndefined();
    for (const x of insats.elements) expect(x.element).toBe(byId(cat.dataElements, x.element.id));
  });

  it('resolves rules of every shape to object references', () => {
    const rule = (id: string) => byId(cat.rules, id);
    const el = (id: string) => byId(cat.dataElements, id);
    const insats = byId(cat.recordTypes, 'insats');
    expect(new Set(cat.rules.map((r) => r.shape))).toEqual(
      new Set(['required-if', 'date-order', 'within-period', 'exactly-one-of', 'unique-key', 'reference-exists', 'no-overlap', 'code-valid-on-date', 'range']),
    );
    expect(insats.rules).toHaveLength(10);
    for (const r of insats.rules) expect(r.owner).toBe(insats);

    const present = rule('insats-overklagat-kraver-beslutsdatum');
    expect(present.when).toEqual({ element: el('beslut-overklagat'), present: true });
    expect(present.then).toEqual({ element: el('beslutsdatum'), present: true });
    expect(present.validFrom).toBe('2028-01-01');

    const equals = rule('insats-kontaktperson-kraver-timmar');
    expect(equals.when!.element).toBe(el('insatstyp'));
    expect(equals.when!.equals).toEqual([code(insatstyp, 'kontaktperson-barn'), code(insatstyp, 'kontaktperson-vuxen')]);

    expect(rule('insats-slut-efter-start').elements).toEqual([el('startdatum'), el('slutdatum')]);
    const ref = rule('insats-person-finns');
    expect(ref.target!.recordType).toBe(byId(cat.recordTypes, 'person'));
    expect(ref.target!.elements).toEqual([el('personnummer')]);
    expect(rule('insats-ingen-overlappning').groupBy).toEqual([el('personnummer'), el('insatstyp')]);
    expect(rule('insats-timmar-rimliga')).toMatchObject({ minimum: 0, maximum: 744, severity: 'info', validTo: '2035-12-31' });
    expect(rule('insats-id-unikt').legalBasis).toEqual([code(byId(cat.classifications, 'lagrum'), 'sol-2025-400')]);
    expect(rule('insats-id-unikt').message).toEqual({ sv: 'Samma insats-id förekommer två gånger.', en: 'The same intervention id appears twice.' });
    expect(rule('insats-id-unikt').description!.sv).toBe('Varje insats rapporteras en gång per inlämning.');
  });

  it('turns a single example record into a list of one, and keeps lists for cross-row rules', () => {
    expect(byId(cat.rules, 'insats-slut-efter-start').examples).toEqual({
      pass: [{ startdatum: '2027-02-01', slutdatum: '2027-03-01' }],
      fail: [{ startdatum: '2027-03-01', slutdatum: '2027-02-01' }],
    });
    expect(byId(cat.rules, 'insats-id-unikt').examples!.fail).toEqual([{ 'insats-id': 'a1' }, { 'insats-id': 'a1' }]);
  });

  it('gives an obligation its actor, area and legal basis as Code objects', () => {
    const ob = byId(cat.obligations, 'kommun-bistand-manad');
    expect(ob.actor).toBe(code(cat.actorClassification!, 'kommun'));
    expect(ob.area).toBe(code(cat.areaClassification!, 'ekonomiskt-bistand'));
    expect(ob.legalBasis).toEqual([code(cat.legalBasisClassification!, 'sol-2025-400')]);
    expect(byId(cat.obligations, 'utforare-kvartal').actor.code).toBe('enskild-utforare');
  });

  it('includes key elements in an obligation’s element subset, in record-type order', () => {
    const ob = byId(cat.obligations, 'kommun-bistand-manad');
    const [person, insats, beslut] = ob.recordTypes;
    expect(person!.recordType).toBe(byId(cat.recordTypes, 'person'));
    expect(person!.elements).toBe(byId(cat.recordTypes, 'person').elements);
    // The subset names personnummer, insatstyp, startdatum and belopp; insats-id is the key.
    expect(insats!.elements.map((x) => x.element.id)).toEqual(['insats-id', 'personnummer', 'insatstyp', 'startdatum', 'belopp']);
    expect(beslut!.elements.map((x) => x.element.id)).toEqual(['insats-id', 'beslut-overklagat']);
    expect(beslut!.validFrom).toBe('2028-01-01');
    expect(beslut!.validTo).toBe('2035-12-31');
    expect(insats!.validFrom).toBeUndefined();
  });

  it('resolves obligation rules within the obligation’s elements', () => {
    const ob = byId(cat.obligations, 'kommun-bistand-manad');
    expect(ids(ob.rules)).toEqual(['bistand-belopp-positivt', 'bistand-insats-har-person']);
    for (const r of ob.rules) expect(r.owner).toBe(ob);
    expect(byId(cat.rules, 'bistand-belopp-positivt').elements).toEqual([byId(cat.dataElements, 'belopp')]);
  });

  it('keeps period and deadline, defaulting adjust to next-working-day', () => {
    const ob = (id: string) => byId(cat.obligations, id);
    expect(ob('kommun-bistand-manad').period).toEqual({ kind: 'month' });
    expect(ob('kommun-bistand-manad').deadline).toEqual({ kind: 'day-of-next-month', day: 15, adjust: 'next-working-day' });
    expect(ob('kommun-lss-oktober').period).toEqual({ kind: 'snapshot', date: '--10-01' });
    expect(ob('kommun-lss-oktober').deadline).toEqual({ kind: 'fixed', date: '--10-25', adjust: 'none' });
    expect(ob('utforare-kvartal').deadline).toEqual({ kind: 'days-after-period-end', days: 30, adjust: 'next-working-day' });
    expect(ob('kommun-ar').period.kind).toBe('year');
    expect(ob('kommun-lopande').period.kind).toBe('continuous');
    expect(ob('utforare-kvartal').period.kind).toBe('quarter');
  });

  it('keeps each entity’s place: the id value in its file', () => {
    const el = byId(cat.dataElements, 'personnummer');
    expect(el.location.file.endsWith('data-elements/personnummer.yaml')).toBe(true);
    expect(el.location.start).toEqual({ line: 2, column: 5 });
    expect(el.source).toEqual({ title: 'Folkbokföringslag (1991:481)', publisher: 'Riksdagen', reference: 'SFS 1991:481', date: '1991-05-23', note: '18 § om personnummer.' });
  });
});

describe('resolveCatalogue with broken references', () => {
  const invalid = (name: string) => loadCatalogue(fixture(`invalid/${name}`));

  it('leaves an unknown element out of the record type and still returns the catalogue', () => {
    const { catalogue } = invalid('ref-unknown-element');
    expect(catalogue!.recordTypes[0]!.elements.map((x) => x.element.id)).toEqual(['insats-id']);
  });

  it('cuts a hierarchy cycle at the first code of the cycle so the tree is finite', () => {
    const aktorstyp = invalid('ref-hierarchy-cycle').catalogue!.classifications.find((c) => c.id === 'aktorstyp')!;
    const a = aktorstyp.codeMap.get('a')!;
    expect(a.parent).toBeUndefined();
    expect(aktorstyp.codeMap.get('b')!.parent).toBe(a);
    expect(aktorstyp.codeMap.get('c')!.parent).toBe(aktorstyp.codeMap.get('b'));
    expect(codes(a.children)).toEqual(['b']);
  });

  it('keeps the first of two codes with the same value', () => {
    const aktorstyp = invalid('ref-duplicate-code').catalogue!.classifications.find((c) => c.id === 'aktorstyp')!;
    expect(aktorstyp.codes).toHaveLength(1);
    expect(aktorstyp.codes[0]!.label.sv).toBe('Kommun');
  });

  it('keeps the first of two rules with the same id and relates the second to it', () => {
    const { catalogue, diagnostics } = invalid('ref-duplicate-id');
    expect(catalogue!.rules.map((r) => r.severity)).toEqual(['error']);
    expect(diagnostics[0]!.related!.map((r) => r.start.line)).toEqual([13]);
  });

  it('leaves out an obligation whose actor is unknown', () => {
    expect(invalid('ref-unknown-code-actor').catalogue!.obligations).toEqual([]);
  });

  it('returns no catalogue without a manifest', () => {
    const raw = readCatalogue(fixture('invalid/load-no-manifest'));
    expect(resolveCatalogue(raw.value).value).toBeUndefined();
  });
});

describe('isRealDate', () => {
  it('knows month lengths and leap years', () => {
    expect(['2027-02-28', '2028-02-29', '2000-02-29', '2027-12-31', '2027-04-30'].filter((d) => !isRealDate(d))).toEqual([]);
    expect(['2027-02-29', '1900-02-29', '2027-02-30', '2027-04-31', '2027-13-01', '2027-00-10', '2027-01-00'].filter(isRealDate)).toEqual([]);
  });
});
