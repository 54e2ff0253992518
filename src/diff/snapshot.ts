import type {
  Catalogue,
  Classification,
  Code,
  Condition,
  DataElement,
  EntityBase,
  Obligation,
  RecordType,
  Rule,
  SourceReference,
  Term,
  Text,
} from '../model/types.js';
import type { DiffEntityKind, JsonValue } from './types.js';

/**
 * Comparable views of a resolved catalogue. A view keeps what a catalogue *means* and drops how it
 * is written: source positions, file layout (a code list moved into a CSV file), key order, and the
 * change notes that describe the change itself. Lists whose order carries no meaning become sets;
 * lists of things with an id become keyed maps, so a reordering shows up once (as an order change)
 * rather than as a change of every position.
 */

/** A map of things with ids, compared key by key. Iteration order is declared order. */
export class Keyed {
  constructor(readonly entries: ReadonlyMap<string, Snap>) {}
}

/** An unordered set of strings, compared member by member. */
export class StringSet {
  readonly values: readonly string[];
  constructor(values: Iterable<string>) {
    this.values = [...new Set(values)].sort(compareStrings);
  }
}

/** A comparable value. Plain arrays are ordered and compared whole. */
export type Snap = string | number | boolean | undefined | readonly Snap[] | { readonly [key: string]: Snap } | Keyed | StringSet;

/** Code-point order, the same on every machine (localeCompare is not). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Turns a view into plain JSON (sets become sorted arrays, keyed maps objects); undefined keys are dropped. */
export function toJson(s: Snap): JsonValue {
  if (s instanceof Keyed) return Object.fromEntries([...s.entries].filter(([, v]) => v !== undefined).map(([k, v]) => [k, toJson(v)]));
  if (s instanceof StringSet) return [...s.values];
  if (Array.isArray(s)) return s.map((x: Snap) => toJson(x));
  if (s !== null && typeof s === 'object') {
    return Object.fromEntries(Object.entries(s as Record<string, Snap>).filter(([, v]) => v !== undefined).map(([k, v]) => [k, toJson(v)]));
  }
  return s as JsonValue;
}

const text = (t: Text | undefined): Snap => (t ? { sv: t.sv, en: t.en } : undefined);
const source = (s: SourceReference | undefined): Snap =>
  s ? { title: s.title, publisher: s.publisher, reference: s.reference, date: s.date, note: s.note } : undefined;
const ids = (xs: readonly { id: string }[]): string[] => xs.map((x) => x.id);
const codes = (xs: readonly Code[]): string[] => xs.map((c) => c.code);

/** The keys every entity has (change notes left out: they describe the change, they are not content). */
function base(e: EntityBase): Record<string, Snap> {
  return { label: text(e.label), definition: text(e.definition), status: e.status, validFrom: e.validFrom, validTo: e.validTo, source: source(e.source) };
}

function term(t: Term): Snap {
  return { ...base(t), termStatus: t.termStatus, synonyms: new StringSet(t.synonyms), comment: text(t.comment), related: new StringSet(ids(t.related)) };
}

function code(c: Code): Snap {
  return {
    label: text(c.label),
    definition: text(c.definition),
    parent: c.parent?.code,
    selectable: c.selectable,
    status: c.status,
    validFrom: c.validFrom,
    validTo: c.validTo,
    // Compared whole: "12 is split into 13 and 14" reads better as one change than as two.
    replacedBy: c.replacedBy.length > 0 ? codes(c.replacedBy).sort(compareStrings) : undefined,
  };
}

function classification(c: Classification): Snap {
  return {
    ...base(c),
    owner: c.owner,
    edition: c.edition,
    sensitive: c.sensitive.length > 0 ? new StringSet(c.sensitive) : undefined,
    codes: new Keyed(new Map(c.codes.map((x) => [x.code, code(x)]))),
    codeOrder: codes(c.codes),
  };
}

function dataElement(e: DataElement): Snap {
  const k = e.constraints;
  return {
    ...base(e),
    term: e.term?.id,
    valueType: e.valueType,
    classification: e.classification?.id,
    // Only a declared subset: "all codes of the classification" follows the classification's own changes.
    codes: e.codes ? new StringSet(codes(e.codes)) : undefined,
    constraints: { minLength: k.minLength, maxLength: k.maxLength, minimum: k.minimum, maximum: k.maximum, pattern: k.pattern },
    privacy: e.privacy
      ? { category: e.privacy.category, sensitive: new StringSet(e.privacy.sensitive), legalBasis: new StringSet(codes(e.privacy.legalBasis)) }
      : undefined,
  };
}

function condition(c: Condition | undefined): Snap {
  return c ? { element: c.element.id, present: c.present, equals: c.equals ? new StringSet(codes(c.equals)) : undefined } : undefined;
}

function rule(r: Rule): Snap {
  return {
    shape: r.shape,
    severity: r.severity,
    message: text(r.message),
    description: text(r.description),
    // Ordered: the shape gives positions meaning (start before end).
    elements: ids(r.elements),
    when: condition(r.when),
    then: condition(r.then),
    target: r.target ? { recordType: r.target.recordType.id, elements: ids(r.target.elements) } : undefined,
    groupBy: r.groupBy.length > 0 ? new StringSet(ids(r.groupBy)) : undefined,
    minimum: r.minimum,
    maximum: r.maximum,
    legalBasis: r.legalBasis.length > 0 ? new StringSet(codes(r.legalBasis)) : undefined,
    validFrom: r.validFrom,
    validTo: r.validTo,
    examples: r.examples ? (toJson({ pass: r.examples.pass as Snap, fail: r.examples.fail as Snap }) as Snap) : undefined,
  };
}

const rules = (rs: readonly Rule[]): Keyed => new Keyed(new Map(rs.map((r) => [r.id, rule(r)])));

function recordType(rt: RecordType): Snap {
  return {
    ...base(rt),
    key: new StringSet(ids(rt.key)),
    dateElement: rt.dateElement?.id,
    elements: new Keyed(new Map(rt.elements.map((x) => [x.element.id, { required: x.required, validFrom: x.validFrom, validTo: x.validTo }]))),
    elementOrder: rt.elements.map((x) => x.element.id),
    rules: rules(rt.rules),
  };
}

function obligation(o: Obligation): Snap {
  return {
    ...base(o),
    // Actor and area may be missing only in a catalogue with errors, which is never compared.
    actor: o.actor?.code,
    area: o.area?.code,
    population: text(o.population),
    legalBasis: new StringSet(codes(o.legalBasis)),
    recordTypes: new Keyed(
      new Map(
        o.recordTypes.map((x) => [
          x.recordType.id,
          {
            validFrom: x.validFrom,
            validTo: x.validTo,
            // A subset only when it leaves something out; "all elements" follows the record type.
            elements: x.elements.length < x.recordType.elements.length ? new StringSet(x.elements.map((e) => e.element.id)) : undefined,
          },
        ]),
      ),
    ),
    period: { kind: o.period.kind, date: o.period.date },
    deadline: { kind: o.deadline.kind, day: o.deadline.day, date: o.deadline.date, days: o.deadline.days, adjust: o.deadline.adjust },
    channel: o.channel,
    formats: new StringSet(o.formats),
    rules: rules(o.rules),
  };
}

/** The manifest's content; version, status, change note and check settings describe the release, not the content. */
function manifest(c: Catalogue): Snap {
  const m = c.manifest;
  return { id: m.id, label: text(m.label), definition: text(m.definition), publisher: m.publisher, languages: new StringSet(m.languages), source: source(m.source) };
}

/** The key of the manifest's view: constant, so a renamed catalogue shows as a changed `id`, not as a new catalogue. */
export const MANIFEST_KEY = 'catalogue';

/** The views of every entity, by kind, in a fixed kind order and sorted by id. */
export function snapshot(c: Catalogue): ReadonlyMap<DiffEntityKind, ReadonlyMap<string, Snap>> {
  const by = <T extends { id: string }>(xs: readonly T[], f: (x: T) => Snap): Map<string, Snap> =>
    new Map([...xs].sort((a, b) => compareStrings(a.id, b.id)).map((x) => [x.id, f(x)]));
  return new Map<DiffEntityKind, Map<string, Snap>>([
    ['manifest', new Map([[MANIFEST_KEY, manifest(c)]])],
    ['term', by(c.terms, term)],
    ['classification', by(c.classifications, classification)],
    ['data-element', by(c.dataElements, dataElement)],
    ['record-type', by(c.recordTypes, recordType)],
    ['obligation', by(c.obligations, obligation)],
  ]);
}
