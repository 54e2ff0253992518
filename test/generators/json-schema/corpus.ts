// A corpus of valid and invalid records built from a catalogue, for comparing the generated JSON
// Schemas with a second JSON Schema implementation and with the generated validators. Every case
// says what the JSON Schema must answer and, where the validators answer differently by design,
// which documented difference (`Divergence`) explains it.
import { allowedCodes, notInSchema, wholeValue } from '../../../generators/json-schema/index.js';
import type { Catalogue, Code, DataElement, Obligation, RecordElement, RecordType, Rule } from '../../../src/index.js';
import { luhnCheckDigit } from '../../../src/validate/engine/identity.js';

/**
 * Where the generated validators and the JSON Schema give a different verdict on purpose. `stricter`:
 * the validators reject what the schema accepts (they check more); otherwise the validators accept
 * what the schema rejects (they read CSV text, where the schema describes JSON).
 */
export const DIVERGENCES = {
  'identity-number': {
    stricter: true,
    sv: 'Personnummer, samordningsnummer och organisationsnummer: schemat kontrollerar formen (antal siffror, sekel 18–20), validerarna också att födelsedagen finns (dag + 60 för samordningsnummer) och kontrollsiffran.',
  },
  'real-date': { stricter: true, sv: 'Datum: schemat kontrollerar formen ÅÅÅÅ-MM-DD, validerarna också att dagen finns (inte 2027-02-30).' },
  'date-order': { stricter: true, sv: 'Regler av formen date-order (slutdatum inte före startdatum): JSON Schema kan inte jämföra två värden.' },
  'code-on-date': { stricter: true, sv: 'Regler av formen code-valid-on-date: koden ska ha gällt på postens datum. Schemat godtar varje kod som får rapporteras någon gång.' },
  phase: {
    stricter: true,
    sv: 'Faser: en regel eller ett krav på en uppgift som gäller från eller till ett datum. En post säger inte vilken rapportperiod den hör till, så schemat tar inte med dem; validerarna tillämpar dem på rapportperioden eller postens datum.',
  },
  'within-period': { stricter: true, sv: 'Regler av formen within-period: datumet ska ligga i rapportperioden, som bara validerarna känner till.' },
  'cross-row': { stricter: true, sv: 'Regler över flera poster (unique-key, nyckeln, reference-exists, no-overlap): ett schema ser en post i taget.' },
  'text-value': { stricter: false, sv: 'Tal och sanningsvärden som text ("10", "1.5", "true"): validerarna läser dem som i en CSV-fil, schemat kräver JSON-typen.' },
  'empty-as-absent': { stricter: false, sv: 'null och tom text: validerarna läser dem som en uppgift som inte lämnats (en tom CSV-cell), schemat som ett värde av fel typ.' },
  discriminator: {
    stricter: false,
    sv: 'recordType: inlämningens schema kräver posttypen på varje rad (NDJSON), validerarna får den som argument.',
  },
} as const;

export type Divergence = keyof typeof DIVERGENCES;

/** One record (or, for an obligation, a submission) and the verdicts expected of it. */
export interface Case {
  /** Unique and readable: catalogue, schema, date and what was done to the record. */
  readonly name: string;
  /** The schema file, relative to the json-schema folder. */
  readonly schema: string;
  /** The record type the validators check the record as. */
  readonly recordType: string;
  /** For a submission case: the obligation. */
  readonly obligation?: string;
  /** The reporting period given to the validators. */
  readonly period: Period;
  /** The instance the schema validates: a record, or for an obligation a submission (array of rows). */
  readonly instance: unknown;
  /** True when the JSON Schema must accept it. */
  readonly valid: boolean;
  /** Set when the validators' verdict differs from the schema's, and why. */
  readonly divergence?: Divergence;
  /** For cross-row cases: the rows the submission validator gets, in order (else the validators check `instance` alone). */
  readonly rows?: readonly Readonly<Record<string, unknown>>[];
}

/** The validators' expected verdict for a case. */
export function validatorsValid(c: Case): boolean {
  return c.divergence === undefined ? c.valid : !c.valid;
}

/** The record dates the corpus uses: before and after the phases of 2028 in both catalogues. */
export const DATES = ['2027-03-01', '2028-03-01'] as const;

type Rec = Record<string, unknown>;

/** A record type's rows as one schema sees them: its elements (or an obligation's subset) and the row rules that apply. */
interface Row {
  readonly rt: RecordType;
  readonly elements: readonly RecordElement[];
  readonly rules: readonly Rule[];
  readonly ids: ReadonlySet<string>;
}

const touched = (r: Rule): DataElement[] => [...r.elements, ...r.groupBy, ...(r.when ? [r.when.element] : []), ...(r.then ? [r.then.element] : [])];

/** The row rules as the validation engine narrows them (and as the schema generator does). */
function row(rt: RecordType, elements: readonly RecordElement[], extra: readonly Rule[] = []): Row {
  const ids = new Set(elements.map((e) => e.element.id));
  const all = (r: Rule): boolean => touched(r).every((e) => ids.has(e.id));
  const rules = [...rt.rules.filter((r) => r.shape === 'exactly-one-of' || all(r)), ...extra.filter((r) => r.target?.recordType !== rt && all(r))];
  return { rt, elements, rules, ids };
}

/** A reporting period, as the validators take it. */
export interface Period {
  readonly start: string;
  readonly end: string;
}

/** The calendar month of a day (or `offset` months later): the reporting period the corpus gives the validators. */
export function monthOf(day: string, offset = 0): Period {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7)) + offset;
  const first = new Date(Date.UTC(y, m - 1, 1));
  const last = new Date(Date.UTC(y, m, 0));
  return { start: first.toISOString().slice(0, 10), end: last.toISOString().slice(0, 10) };
}

/** True when a validity range holds for the whole period (a rule applies, a phased element is required). */
const covers = (from: string | undefined, to: string | undefined, p: Period): boolean => (!from || from <= p.start) && (!to || to >= p.end);

/** True when a validity range meets the period (a phased element may be given). */
const overlaps = (from: string | undefined, to: string | undefined, p: Period): boolean => (!from || from <= p.end) && (!to || to >= p.start);

/** True when breaking the rule makes the validators reject the record in the period. */
const rejects = (rule: Rule, p: Period): boolean => (rule.severity === 'error' || rule.severity === 'fatal') && covers(rule.validFrom, rule.validTo, p);

/** The phase of an element in a record type as the validators see it: the record type's phase within the element's own validity. */
function phase(re: RecordElement): { from?: string; to?: string } {
  const from = [re.validFrom, re.element.validFrom].filter((d): d is string => d !== undefined).sort().at(-1);
  const to = [re.validTo, re.element.validTo].filter((d): d is string => d !== undefined).sort()[0];
  return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

/** True when the JSON Schema states the rule. */
const stated = (rule: Rule): boolean => notInSchema(rule) === undefined;

const validOn = (code: Code, day: string): boolean => (!code.validFrom || code.validFrom <= day) && (!code.validTo || code.validTo >= day);

const codePoints = (s: string): number => [...s].length;

/** True when a string fits the element's own constraints (lengths in code points, anchored pattern). */
function fits(el: DataElement, v: string): boolean {
  const c = el.constraints;
  if (c.minLength !== undefined && codePoints(v) < c.minLength) return false;
  if (c.maxLength !== undefined && codePoints(v) > c.maxLength) return false;
  return c.pattern === undefined || new RegExp(wholeValue(c.pattern), 'u').test(v);
}

/** A personnummer-form number with a correct check digit: `yyyymmdd` + three digits. */
export function pin(yyyymmdd: string, serial = '238'): string {
  const body = yyyymmdd.slice(2) + serial;
  return `${yyyymmdd}${serial}${luhnCheckDigit(body)}`;
}

/** An organisation number with a correct check digit. */
export function orgNumber(nine = '556036079'): string {
  return `${nine}${luhnCheckDigit(nine)}`;
}

/** Changes the last digit of a number so that its check digit is wrong. */
const wrongCheckDigit = (v: string): string => v.slice(0, -1) + String((Number(v.at(-1)) + 1) % 10);

/** Values the catalogue's own rule examples give for each element: realistic candidates for strings. */
function examplePool(catalogue: Catalogue): Map<string, string[]> {
  const pool = new Map<string, string[]>();
  const rules = [...catalogue.recordTypes.flatMap((rt) => rt.rules), ...catalogue.obligations.flatMap((ob) => ob.rules)];
  for (const r of rules) {
    for (const ex of r.examples?.pass ?? []) {
      for (const [k, v] of Object.entries(ex)) pool.set(k, [...(pool.get(k) ?? []), v]);
    }
  }
  return pool;
}

/** Builds the records of one row schema on one day. */
class Builder {
  /** Codes some required-if condition tests for: a neutral record avoids them. */
  private readonly avoid: ReadonlySet<string>;

  /** The reporting period: the day's month. */
  readonly period: Period;

  constructor(
    private readonly r: Row,
    private readonly day: string,
    private readonly pool: ReadonlyMap<string, readonly string[]>,
  ) {
    this.period = monthOf(day);
    // The schema requires what is required with no phase in the record type; the corpus counts on the
    // validators requiring the same in the period (else a valid record for one is invalid for the other).
    const schemaRequired = r.elements.filter((e) => e.required === 'required' && !e.validFrom && !e.validTo);
    const missing = schemaRequired.filter((e) => !this.requiredNow().includes(e));
    if (missing.length > 0) throw new Error(`corpus: ${r.rt.id} on ${day}: ${missing.map((e) => e.element.id).join(', ')} required by the schema, not by the validators`);
    this.avoid = new Set(r.rules.flatMap((x) => [...(x.when?.equals ?? []), ...(x.then?.equals ?? [])].map((c) => c.code)));
  }

  /** Bounds of a number element: its constraints and every range rule on it. */
  bounds(el: DataElement): { lo?: number; hi?: number } {
    const los = [el.constraints.minimum, ...this.r.rules.filter((x) => x.shape === 'range' && x.elements[0] === el).map((x) => x.minimum)].filter((n): n is number => n !== undefined);
    const his = [el.constraints.maximum, ...this.r.rules.filter((x) => x.shape === 'range' && x.elements[0] === el).map((x) => x.maximum)].filter((n): n is number => n !== undefined);
    return { ...(los.length ? { lo: Math.max(...los) } : {}), ...(his.length ? { hi: Math.min(...his) } : {}) };
  }

  /** Codes the element allows on the day, those no condition tests for first. */
  codes(el: DataElement): string[] {
    const cl = el.classification!;
    const ok = allowedCodes(el).filter((c) => validOn(cl.codeMap.get(c)!, this.day));
    return [...ok.filter((c) => !this.avoid.has(c)), ...ok.filter((c) => this.avoid.has(c))];
  }

  /** A valid value of an element on the day. */
  value(el: DataElement): unknown {
    const first = (candidates: readonly string[]): string => {
      const v = candidates.find((x) => fits(el, x));
      if (v === undefined) throw new Error(`corpus: no valid value for ${el.id}`);
      return v;
    };
    switch (el.valueType) {
      case 'string':
        return first([...(this.pool.get(el.id) ?? []), 'a1', 'A1', 'abc', 'x', '1', 'ab-12']);
      case 'date':
        return first([this.day]);
      case 'personal-identity-number':
        return first(['200001012384', pin('19800101')]);
      case 'organisation-number':
        return first([orgNumber()]);
      case 'boolean':
        return true;
      case 'integer':
      case 'decimal': {
        const { lo, hi } = this.bounds(el);
        let v = lo ?? (hi !== undefined ? Math.min(hi, 1) : 1);
        if (el.valueType === 'integer') return Math.ceil(v);
        if (hi === undefined || v + 0.5 <= hi) v += 0.5;
        return v;
      }
      case 'code':
      case 'municipality-code': {
        const codes = this.codes(el);
        if (codes.length === 0) throw new Error(`corpus: no code of ${el.id} valid on ${this.day}`);
        return codes[0];
      }
    }
  }

  private holds(c: NonNullable<Rule['when']>, rec: Rec): boolean {
    const has = rec[c.element.id] !== undefined;
    if (c.equals) return has && c.equals.some((code) => code.code === rec[c.element.id]);
    return c.present === false ? !has : has;
  }

  /** The rules a record breaks, of the shapes whose breach depends on which values are given. */
  broken(rec: Rec): Rule[] {
    return this.r.rules.filter((x) => {
      switch (x.shape) {
        case 'required-if':
          return this.holds(x.when!, rec) && !this.holds(x.then!, rec);
        case 'exactly-one-of': {
          const ids = x.elements.filter((e) => this.r.ids.has(e.id));
          return ids.length > 0 && ids.filter((e) => rec[e.id] !== undefined).length !== 1;
        }
        case 'range': {
          const v = rec[x.elements[0]!.id];
          return typeof v === 'number' && ((x.minimum !== undefined && v < x.minimum) || (x.maximum !== undefined && v > x.maximum));
        }
        default:
          return false;
      }
    });
  }

  /**
   * Changes a record until it keeps every required-if and exactly-one-of rule (except `skip`),
   * leaving the elements in `frozen` as they are.
   */
  satisfy(rec: Rec, frozen: ReadonlySet<string> = new Set(), skip?: Rule): Rec {
    const out = { ...rec };
    // Only the rules in force in the period, and never an element outside its phase.
    const rules = this.r.rules.filter((x) => covers(x.validFrom, x.validTo, this.period));
    const locked = new Set([...frozen, ...this.r.elements.filter((e) => !this.mayGive(e)).map((e) => e.element.id)]);
    for (let round = 0; round < 10; round++) {
      let changed = false;
      for (const x of rules) {
        if (x === skip) continue;
        if (x.shape === 'exactly-one-of') {
          const ids = x.elements.map((e) => e.id).filter((id) => this.r.ids.has(id));
          const given = ids.filter((id) => out[id] !== undefined);
          if (given.length === 0) {
            const id = ids.find((i) => !locked.has(i));
            if (id) {
              out[id] = this.value(this.element(id));
              changed = true;
            }
          } else if (given.length > 1) {
            for (const id of given.slice(1).filter((i) => !locked.has(i))) {
              delete out[id];
              changed = true;
            }
          }
        } else if (x.shape === 'required-if' && this.holds(x.when!, out) && !this.holds(x.then!, out)) {
          const then = x.then!;
          const id = then.element.id;
          if (locked.has(id)) continue;
          if (then.equals) out[id] = this.codes(then.element).find((c) => then.equals!.some((e) => e.code === c)) ?? then.equals[0]!.code;
          else if (then.present === false) delete out[id];
          else out[id] = this.value(then.element);
          changed = true;
        }
      }
      if (!changed) break;
    }
    return out;
  }

  element(id: string): DataElement {
    return this.r.elements.find((e) => e.element.id === id)!.element;
  }

  /** Required elements in the period: required, and in their phase for all of it. */
  requiredNow(): RecordElement[] {
    return this.r.elements.filter((e) => e.required === 'required' && covers(phase(e).from, phase(e).to, this.period));
  }

  /** True when the element may be given in the period (its phase meets it). */
  mayGive(e: RecordElement): boolean {
    return overlaps(phase(e).from, phase(e).to, this.period);
  }

  minimal(): Rec {
    return this.satisfy(Object.fromEntries(this.requiredNow().map((e) => [e.element.id, this.value(e.element)])));
  }

  /** Every element that may be given in the period. */
  full(): Rec {
    return this.satisfy(Object.fromEntries(this.r.elements.filter((e) => this.mayGive(e)).map((e) => [e.element.id, this.value(e.element)])));
  }
}

/** A variant of a record: what was done, the record, and the two verdicts. */
interface Variant {
  readonly what: string;
  readonly record: unknown;
  readonly schemaValid: boolean;
  readonly validatorsValid: boolean;
  /** The documented reason when the verdicts differ. */
  readonly why?: Divergence;
  /** A period other than the day's month. */
  readonly period?: Period;
}

/** Verdicts of a record whose values are each valid, from the rules it breaks. */
function byRules(b: Builder, what: string, rec: Rec, why: Divergence = 'phase'): Variant {
  const broken = b.broken(rec);
  return { what, record: rec, schemaValid: !broken.some(stated), validatorsValid: !broken.some((x) => rejects(x, b.period)), why };
}

const same = (what: string, record: unknown, valid: boolean): Variant => ({ what, record, schemaValid: valid, validatorsValid: valid });

/** Every variant of one row schema's records on one day. */
function variants(r: Row, day: string, pool: ReadonlyMap<string, readonly string[]>, forRecordType: boolean): Variant[] {
  const b = new Builder(r, day, pool);
  const minimal = b.minimal();
  const full = b.full();
  const period = b.period;
  const out: Variant[] = [same('minimal', minimal, true), same('full', full, true)];
  const withValue = (base: Rec, id: string, v: unknown): Rec => ({ ...base, [id]: v });

  // Shape of the record.
  for (const e of b.requiredNow()) {
    const rec = { ...minimal };
    delete rec[e.element.id];
    out.push(same(`utan ${e.element.id}`, rec, false));
  }
  out.push(same('okänd uppgift', { ...minimal, 'inte-en-uppgift': 'x' }, false));
  out.push(same('egenskapen constructor', { ...minimal, constructor: 'x' }, false));
  if (forRecordType) {
    out.push(same('en lista, inte ett objekt', [minimal], false));
    out.push(same('null, inte ett objekt', null, false));
    out.push(same('text, inte ett objekt', 'insats', false));
    out.push(same('med rätt recordType', { ...minimal, recordType: r.rt.id }, true));
    out.push(same('med fel recordType', { ...minimal, recordType: 'inte-en-posttyp' }, false));
  }

  // Values, element by element: on the full record when the element is in it (so that a value the
  // schema accepts gives a valid record), else added to the minimal one.
  for (const { element: el } of r.elements) {
    const id = el.id;
    const inFull = full[id] !== undefined;
    const base = inFull ? full : minimal;
    const invalid = (what: string, v: unknown): void => {
      out.push(same(`${id}: ${what}`, withValue(base, id, v), false));
    };
    // Only on the full record: a value the schema accepts there leaves the record valid for it.
    const differs = (what: string, v: unknown, schemaValid: boolean, validators: boolean, why: Divergence): void => {
      if (inFull) out.push({ what: `${id}: ${what}`, record: withValue(full, id, v), schemaValid, validatorsValid: validators, why });
    };
    if (minimal[id] === undefined && !r.rules.some((x) => touched(x).includes(el))) {
      // Given as null, or as empty text (an empty CSV cell): absent to the validators, a value of the wrong type or form to the schema.
      out.push({ what: `${id}: null`, record: withValue(minimal, id, null), schemaValid: false, validatorsValid: true, why: 'empty-as-absent' });
      if (el.valueType !== 'string' || !fits(el, '')) {
        out.push({ what: `${id}: tom text`, record: withValue(minimal, id, ''), schemaValid: false, validatorsValid: true, why: 'empty-as-absent' });
      }
    }
    switch (el.valueType) {
      case 'string': {
        invalid('ett tal', 12345);
        const c = el.constraints;
        if (c.maxLength !== undefined) invalid('för lång', 'a'.repeat(c.maxLength + 1));
        if (c.minLength !== undefined && c.minLength >= 2) invalid('för kort', 'a');
        const bad = ['a b', '!', 'å', '-', 'a_b', '\n'].find((v) => {
          const ok = (c.minLength === undefined || codePoints(v) >= c.minLength) && (c.maxLength === undefined || codePoints(v) <= c.maxLength);
          return ok && !fits(el, v);
        });
        if (bad !== undefined) invalid(`mönstret (${JSON.stringify(bad)})`, bad);
        if (c.maxLength !== undefined && c.pattern === undefined && inFull) {
          // Lengths count code points, not UTF-16 units: an emoji is one character.
          out.push(same(`${id}: längst möjliga med en emoji`, withValue(full, id, `${'a'.repeat(c.maxLength - 1)}😀`), true));
        }
        break;
      }
      case 'date': {
        invalid('ett tal', 20270301);
        invalid('2027-3-1', '2027-3-1');
        invalid('med klockslag', `${day}T00:00:00`);
        const impossible = ['2027-02-30', '2027-04-31', '2027-02-29'].find((v) => fits(el, v));
        if (impossible) differs(`${impossible} finns inte`, impossible, true, false, 'real-date');
        break;
      }
      case 'personal-identity-number': {
        invalid('ett tal', 200001012384);
        invalid('med bindestreck', '20000101-2384');
        invalid('tio siffror', '0001012384');
        invalid('sekel 17', pin('17990101'));
        differs('fel kontrollsiffra', wrongCheckDigit(String(full[id] ?? '200001012384')), true, false, 'identity-number');
        differs('födelsedag som inte finns', pin('20000230'), true, false, 'identity-number');
        if (inFull && fits(el, pin('20000161'))) out.push(same(`${id}: samordningsnummer`, withValue(full, id, pin('20000161')), true));
        break;
      }
      case 'organisation-number': {
        invalid('ett tal', 5560360793);
        invalid('med bindestreck', `${orgNumber().slice(0, 6)}-${orgNumber().slice(6)}`);
        differs('fel kontrollsiffra', wrongCheckDigit(orgNumber()), true, false, 'identity-number');
        break;
      }
      case 'boolean': {
        invalid('ett tal', 1);
        invalid('ja', 'ja');
        differs('"true" som text', 'true', false, true, 'text-value');
        break;
      }
      case 'integer':
      case 'decimal': {
        invalid('sant', true);
        invalid('decimalkomma', '1,5');
        const { lo } = b.bounds(el);
        const c = el.constraints;
        if (el.valueType === 'integer') invalid('inte ett heltal', (lo ?? 0) + 0.5);
        if (c.minimum !== undefined) invalid(`under ${c.minimum}`, c.minimum - 1);
        if (c.maximum !== undefined) invalid(`över ${c.maximum}`, c.maximum + 1);
        const v = full[id] ?? b.value(el);
        differs(`${String(v)} som text`, String(v), false, true, 'text-value');
        // Range rules: just outside each rule, inside the element's own bounds.
        for (const x of r.rules.filter((y) => y.shape === 'range' && y.elements[0] === el)) {
          for (const outside of [x.minimum !== undefined ? x.minimum - 1 : undefined, x.maximum !== undefined ? x.maximum + 1 : undefined]) {
            if (outside === undefined) continue;
            const ownOk = (c.minimum === undefined || outside >= c.minimum) && (c.maximum === undefined || outside <= c.maximum);
            const rec = withValue(inFull ? full : b.satisfy(withValue(minimal, id, outside), new Set([id])), id, outside);
            if (!ownOk) out.push(same(`${id}: ${outside} utanför ${x.id}`, rec, false));
            else out.push(byRules(b, `${id}: ${outside} utanför ${x.id}`, rec));
          }
        }
        break;
      }
      case 'code':
      case 'municipality-code': {
        invalid('ingen kod', 'inte-en-kod');
        invalid('ett tal', 1);
        const cl = el.classification!;
        const allowed = new Set(allowedCodes(el));
        const grouping = cl.codes.find((x) => !x.selectable);
        if (grouping) invalid(`grupperande kod ${grouping.code}`, grouping.code);
        const outside = cl.codes.find((x) => x.selectable && !allowed.has(x.code));
        if (outside) invalid(`kod utanför uppgiftens urval ${outside.code}`, outside.code);
        // A code that may be reported, but not on this day: only code-valid-on-date rules see it.
        const notNow = allowedCodes(el).find((x) => !validOn(cl.codeMap.get(x)!, day));
        if (notNow !== undefined && inFull) {
          const rec = withValue(full, id, notNow);
          const checked = r.rules.some((x) => x.shape === 'code-valid-on-date' && x.elements[0] === el && rejects(x, period));
          const v = byRules(b, `${id}: ${notNow} gäller inte ${day}`, rec);
          out.push({ ...v, validatorsValid: v.validatorsValid && !checked, why: checked && v.schemaValid ? 'code-on-date' : v.why });
        }
        break;
      }
    }
  }

  // Rules, one at a time, on the minimal record: break the rule, keep the others where possible.
  for (const x of r.rules) {
    if (x.shape === 'exactly-one-of') {
      const ids = x.elements.map((e) => e.id).filter((i) => r.ids.has(i));
      const frozen = new Set(ids);
      const none = { ...minimal };
      for (const i of ids) delete none[i];
      out.push(byRules(b, `${x.id}: ingen`, b.satisfy(none, frozen, x)));
      if (ids.filter((i) => b.mayGive(r.elements.find((e) => e.element.id === i)!)).length > 1) {
        const all = { ...minimal };
        for (const i of ids) if (b.mayGive(r.elements.find((e) => e.element.id === i)!)) all[i] ??= b.value(b.element(i));
        out.push(byRules(b, `${x.id}: alla`, b.satisfy(all, frozen, x)));
      }
    } else if (x.shape === 'required-if') {
      const when = x.when!;
      const then = x.then!;
      // Both elements must be possible in the period, or the record breaks a phase instead.
      if (![when.element, then.element].every((el) => b.mayGive(r.elements.find((e) => e.element === el)!))) continue;
      const rec: Rec = { ...minimal };
      if (when.equals) {
        const code = b.codes(when.element).find((c) => when.equals!.some((e) => e.code === c));
        if (code === undefined) continue;
        rec[when.element.id] = code;
      } else if (when.present === false) delete rec[when.element.id];
      else rec[when.element.id] ??= b.value(when.element);
      if (then.equals) {
        const other = b.codes(then.element).find((c) => !then.equals!.some((e) => e.code === c));
        if (other === undefined) continue;
        rec[then.element.id] = other;
      } else if (then.present === false) rec[then.element.id] ??= b.value(then.element);
      else delete rec[then.element.id];
      out.push(byRules(b, `${x.id}: villkoret uppfyllt, kravet inte`, b.satisfy(rec, new Set([when.element.id, then.element.id]), x)));
    } else if (x.shape === 'date-order' && x.elements.length === 2 && forRecordType) {
      const [a, z] = x.elements as [DataElement, DataElement];
      if (full[a.id] === undefined || full[z.id] === undefined) continue;
      // The end a month before the start; the record's own date stays as it is.
      const earlier = `${String(Number(day.slice(0, 4)) - 1)}${day.slice(4)}`;
      const later = `${String(Number(day.slice(0, 4)) + 1)}${day.slice(4)}`;
      const rec = r.rt.dateElement === z ? withValue(full, a.id, later) : withValue(full, z.id, earlier);
      if (!fits(a, String(rec[a.id])) || !fits(z, String(rec[z.id]))) continue;
      const no = rejects(x, period);
      out.push({ what: `${x.id}: slut före start`, record: rec, schemaValid: true, validatorsValid: !no, ...(no ? { why: 'date-order' as const } : {}) });
    }
  }

  // An element given outside its phase: the schema has it among its properties, the validators refuse it in the period.
  for (const e of r.elements.filter((x) => !b.mayGive(x))) {
    const v = byRules(b, `${e.element.id} utanför sin fas`, b.satisfy({ ...minimal, [e.element.id]: b.value(e.element) }, new Set([e.element.id])));
    out.push({ ...v, validatorsValid: false, why: 'phase' });
  }

  // The same minimal record reported for the next month: its dates lie outside that period.
  if (forRecordType && r.rt.dateElement && r.ids.has(r.rt.dateElement.id)) {
    const next = monthOf(day, 1);
    const checked = r.rules.some((x) => x.shape === 'within-period' && rejects(x, next));
    out.push({ what: `rapportperiod ${next.start.slice(0, 7)}`, record: minimal, schemaValid: true, validatorsValid: !checked, why: 'within-period', period: next });
  }
  return out;
}

/**
 * The record dates worth a look for a row schema (both, when anything depends on the date), leaving
 * out a day on which the record type, or its obligation, is not in force: nobody reports it then.
 */
function daysFor(r: Row, scope: readonly { validFrom?: string; validTo?: string }[] = []): string[] {
  const depends = r.rt.dateElement || r.elements.some((e) => phase(e).from || phase(e).to) || r.rules.some((x) => x.validFrom || x.validTo);
  return (depends ? DATES : [DATES[0]]).filter((d) => [r.rt, ...scope].every((v) => overlaps(v.validFrom, v.validTo, monthOf(d))));
}

function toCase(base: Omit<Case, 'valid' | 'divergence' | 'instance' | 'name' | 'period'>, day: string, name: string, v: Variant, instance: unknown): Case {
  if (v.schemaValid !== v.validatorsValid && v.why === undefined) throw new Error(`corpus: ${name} differs without a reason`);
  if (v.schemaValid !== v.validatorsValid && DIVERGENCES[v.why!].stricter !== v.schemaValid) throw new Error(`corpus: ${name} differs the wrong way for ${v.why}`);
  return {
    ...base,
    name,
    instance,
    valid: v.schemaValid,
    period: v.period ?? monthOf(day),
    ...(v.schemaValid !== v.validatorsValid ? { divergence: v.why! } : {}),
  };
}

/** Row-level cases of every record type's schema. */
export function recordTypeCases(catalogue: Catalogue): Case[] {
  const pool = examplePool(catalogue);
  const cases: Case[] = [];
  for (const rt of catalogue.recordTypes) {
    const r = row(rt, rt.elements);
    for (const day of daysFor(r)) {
      for (const v of variants(r, day, pool, true)) {
        cases.push(toCase({ schema: `record-types/${rt.id}.schema.json`, recordType: rt.id }, day, `${catalogue.manifest.id} ${rt.id} ${day}: ${v.what}`, v, v.record));
      }
    }
  }
  return dedupe(cases);
}

function obligationRow(ob: Obligation, x: Obligation['recordTypes'][number]): Row {
  return row(x.recordType, x.elements, ob.rules);
}

/**
 * Cases of every obligation's submission schema: each row variant of each of its record types as a
 * submission of one row (the validators check the row under the obligation), and whole submissions
 * that break cross-row rules.
 */
export function obligationCases(catalogue: Catalogue): Case[] {
  const pool = examplePool(catalogue);
  const cases: Case[] = [];
  for (const ob of catalogue.obligations) {
    const schema = `obligations/${ob.id}.schema.json`;
    for (const x of ob.recordTypes) {
      const r = obligationRow(ob, x);
      for (const day of daysFor(r, [ob, x])) {
        const name = (what: string): string => `${catalogue.manifest.id} ${ob.id}/${x.recordType.id} ${day}: ${what}`;
        for (const v of variants(r, day, pool, false)) {
          const rec = { recordType: x.recordType.id, ...(v.record as Rec) };
          cases.push(toCase({ schema, recordType: x.recordType.id, obligation: ob.id }, day, name(v.what), v, [rec]));
        }
        const minimal = new Builder(r, day, pool).minimal();
        cases.push(toCase({ schema, recordType: x.recordType.id, obligation: ob.id }, day, name('utan recordType'), { what: '', record: minimal, schemaValid: false, validatorsValid: true, why: 'discriminator' }, [minimal]));
        const other = catalogue.recordTypes.find((rt) => !ob.recordTypes.some((y) => y.recordType === rt));
        if (other) {
          cases.push(toCase({ schema, recordType: other.id, obligation: ob.id }, day, name(`posttypen ${other.id} som inte ingår`), same('', null, false), [{ ...minimal, recordType: other.id }]));
        }
        const outside = x.recordType.elements.find((e) => !r.ids.has(e.element.id));
        if (outside) {
          const rec = { recordType: x.recordType.id, ...minimal, [outside.element.id]: new Builder(row(x.recordType, x.recordType.elements), day, pool).value(outside.element) };
          cases.push(toCase({ schema, recordType: x.recordType.id, obligation: ob.id }, day, name(`${outside.element.id} utanför urvalet`), same('', null, false), [rec]));
        }
      }
    }
    cases.push(...submissionCases(catalogue, ob, pool));
  }
  return dedupe(cases);
}

/** Whole submissions: one full row per record type (those referred to first), then with a duplicate, then without the rows referred to. */
function submissionCases(catalogue: Catalogue, ob: Obligation, pool: ReadonlyMap<string, readonly string[]>): Case[] {
  const day = DATES[0];
  const schema = `obligations/${ob.id}.schema.json`;
  const name = (what: string): string => `${catalogue.manifest.id} ${ob.id} inlämning: ${what}`;
  const base = { schema, recordType: '', obligation: ob.id };
  const period = monthOf(day);
  // An obligation, or a record type in it, outside the period is refused whole: no submission to build.
  if (!overlaps(ob.validFrom, ob.validTo, period)) return [];
  const inForce = ob.recordTypes.filter((x) => overlaps(x.validFrom ?? x.recordType.validFrom, x.validTo ?? x.recordType.validTo, period) && overlaps(x.recordType.validFrom, x.recordType.validTo, period));
  const targets = new Set(inForce.flatMap((x) => obligationRow(ob, x).rules.filter((r) => r.shape === 'reference-exists').map((r) => r.target!.recordType)));
  const ordered = [...inForce].sort((a, b) => Number(targets.has(b.recordType)) - Number(targets.has(a.recordType)));
  const rows = ordered.map((x) => ({ recordType: x.recordType.id, ...new Builder(obligationRow(ob, x), day, pool).full() }));
  const cases: Case[] = [
    { ...toCase(base, day, name('tom'), same('', [], true), []), rows: [] },
    { ...toCase(base, day, name('en full post per posttyp'), same('', rows, true), rows), rows },
  ];
  // The first row twice: its key is duplicated.
  const first = ordered[0];
  if (first && first.recordType.key.every((k) => first.elements.some((e) => e.element === k))) {
    const dup = [...rows, rows[0]!];
    cases.push({ ...toCase(base, day, name(`${first.recordType.id} två gånger`), { what: '', record: dup, schemaValid: true, validatorsValid: false, why: 'cross-row' }, dup), rows: dup });
  }
  // Without the rows other rows refer to.
  const referring = ordered.filter((x) =>
    obligationRow(ob, x).rules.some(
      (r) =>
        r.shape === 'reference-exists' &&
        rejects(r, period) &&
        inForce.some((t) => t.recordType === r.target!.recordType && r.target!.elements.every((e) => t.elements.some((te) => te.element === e))),
    ),
  );
  if (referring.length > 0) {
    const orphans = rows.filter((x) => !targets.has(catalogue.recordTypes.find((rt) => rt.id === x.recordType)!));
    cases.push({ ...toCase(base, day, name('utan posterna som andra poster hänvisar till'), { what: '', record: orphans, schemaValid: true, validatorsValid: false, why: 'cross-row' }, orphans), rows: orphans });
  }
  return cases;
}

/** Drops repeated cases (the same instance and period for the same schema), keeping the first name. */
function dedupe(cases: readonly Case[]): Case[] {
  const seen = new Set<string>();
  return cases.filter((c) => {
    const key = `${c.schema}\u0000${c.period.start}\u0000${c.recordType}\u0000${JSON.stringify(c.instance)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
