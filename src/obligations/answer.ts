/**
 * Answers "what must we report, and when?" from the plain data of `obligationsData`. The CLI and the
 * docs site's "Vad ska vi rapportera?" page run this same function, so they cannot disagree.
 *
 * A browser module (see ./browser.ts): it imports only other browser modules of src/obligations and
 * uses no Node API. Dates must be valid `YYYY-MM-DD` strings; callers check them with `isIsoDate`.
 *
 * Semantics:
 * - `{ actor, date }` covers the year from `date`: submissions due from `date` up to the day before
 *   the same date a year later, so a municipality sees everything it must send in the coming year.
 * - `{ actor, from, to }` covers submissions due from `from` to `to`.
 * - An obligation is included when it is in force on some day of the range, or when a submission
 *   for it falls due in the range (the last period after it has ended).
 * - Record types, elements, rules and codes describe one day, `asOf`: the start of the range, or
 *   the obligation's first day when it starts later (its last day when it has ended). What starts
 *   or stops later in the range is listed in `changes`, so a later phase is visible in advance.
 * - `{ element }` lists the obligations and record types that ask for the element: on `date` when
 *   given, overlapping `from`–`to` when given, otherwise at any time, each with its phase.
 */
import { addDays, isLeapYear } from './calendar.js';
import type {
  ChangeAnswer,
  ClassificationAnswer,
  ClassificationData,
  CodeData,
  CodeRef,
  ElementAnswer,
  ElementData,
  ElementUse,
  ObligationAnswer,
  ObligationData,
  ObligationsAnswer,
  ObligationsData,
  ObligationsQuery,
  QueryProblem,
  RecordTypeAnswer,
  RecordTypeData,
  RuleAnswer,
  RuleData,
} from './data.js';
import { submissionsDue } from './deadlines.js';

interface Indexed {
  readonly data: ObligationsData;
  readonly recordTypes: ReadonlyMap<string, RecordTypeData>;
  readonly elements: ReadonlyMap<string, ElementData>;
  readonly classifications: ReadonlyMap<string, ClassificationData>;
  readonly rules: ReadonlyMap<string, RuleData>;
  readonly actors: ReadonlyMap<string, CodeData>;
  readonly areas: ReadonlyMap<string, CodeData>;
}

/** What is asked for on one day: the keys `diffSnapshots` compares. */
interface Snapshot {
  readonly recordTypes: RecordTypeAnswer[];
  readonly rules: RuleAnswer[];
  readonly classifications: ClassificationAnswer[];
}

function index(data: ObligationsData): Indexed {
  const byId = <T extends { readonly id: string }>(xs: readonly T[]): Map<string, T> => new Map(xs.map((x) => [x.id, x]));
  return {
    data,
    recordTypes: byId(data.recordTypes),
    elements: byId(data.elements),
    classifications: byId(data.classifications),
    rules: byId(data.rules),
    actors: new Map(data.actors.map((c) => [c.code, c])),
    areas: new Map(data.areas.map((c) => [c.code, c])),
  };
}

function inForce(x: { readonly validFrom?: string; readonly validTo?: string }, date: string): boolean {
  return (x.validFrom === undefined || x.validFrom <= date) && (x.validTo === undefined || date <= x.validTo);
}

/** The last day of the year that starts on `date`: the day before the same date a year later. */
export function yearEndFrom(date: string): string {
  const y = Number(date.slice(0, 4)) + 1;
  // 29 February has no same date a year later; the year then ends on 28 February.
  if (date.slice(5) === '02-29' && !isLeapYear(y)) return `${String(y).padStart(4, '0')}-02-28`;
  return addDays(`${String(y).padStart(4, '0')}${date.slice(4)}`, -1);
}

/** True when `code` is `ancestor` or lies below it in the classification's hierarchy. */
function isWithin(codes: ReadonlyMap<string, CodeData>, code: string, ancestor: string): boolean {
  const seen = new Set<string>();
  for (let c: string | undefined = code; c !== undefined && !seen.has(c); c = codes.get(c)?.parent) {
    if (c === ancestor) return true;
    seen.add(c);
  }
  return false;
}

function codeRef(codes: ReadonlyMap<string, CodeData>, code: string): CodeRef {
  return { code, label: codes.get(code)?.label ?? { sv: code } };
}

/** Record types, elements, rules and codes of an obligation on one day. */
function snapshotOn(ix: Indexed, ob: ObligationData, date: string): Snapshot {
  const recordTypes: RecordTypeAnswer[] = [];
  const inForceElements = new Map<string, Set<string>>();
  for (const ort of ob.recordTypes) {
    const rt = ix.recordTypes.get(ort.recordType);
    if (!rt || !inForce(ort, date) || !inForce(rt, date)) continue;
    const asked = new Set(ort.elements);
    const elements: ElementAnswer[] = [];
    for (const x of rt.elements) {
      const el = ix.elements.get(x.element);
      if (!el || !asked.has(x.element) || !inForce(x, date) || !inForce(el, date)) continue;
      elements.push({
        id: el.id,
        label: el.label,
        valueType: el.valueType,
        required: x.required,
        key: rt.key.includes(el.id),
        ...(el.classification !== undefined ? { classification: el.classification } : {}),
        constraints: el.constraints,
        doc: el.doc,
      });
    }
    inForceElements.set(rt.id, new Set(elements.map((e) => e.id)));
    recordTypes.push({ id: rt.id, label: rt.label, key: rt.key, elements, doc: rt.doc });
  }

  // A rule applies only when everything it reads is asked for that day: a record-type rule within
  // its record type, an obligation's rule within any of the obligation's record types.
  const allElements = new Set<string>();
  for (const s of inForceElements.values()) for (const e of s) allElements.add(e);
  const ruleIds: string[] = [];
  for (const rt of recordTypes) ruleIds.push(...(ix.recordTypes.get(rt.id)?.rules ?? []));
  ruleIds.push(...ob.rules);
  const rules: RuleAnswer[] = [];
  for (const id of ruleIds) {
    const r = ix.rules.get(id);
    if (!r || !inForce(r, date)) continue;
    const scope = r.recordType !== undefined ? inForceElements.get(r.recordType) : allElements;
    if (!scope || !r.touches.every((e) => scope.has(e))) continue;
    if (r.target) {
      const targetScope = inForceElements.get(r.target.recordType);
      if (!targetScope || !r.target.elements.every((e) => targetScope.has(e))) continue;
    }
    rules.push({
      id: r.id,
      shape: r.shape,
      severity: r.severity,
      message: r.message,
      ...(r.recordType !== undefined ? { recordType: r.recordType } : {}),
      elements: r.touches,
      doc: r.doc,
    });
  }
  rules.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  // Classifications: the codes some element allows and that are valid that day.
  const used = new Map<string, { elements: string[]; allowed: Set<string> | undefined }>();
  for (const rt of recordTypes) {
    for (const e of rt.elements) {
      const el = ix.elements.get(e.id);
      if (!el || el.classification === undefined) continue;
      const entry = used.get(el.classification) ?? { elements: [], allowed: new Set<string>() };
      if (!entry.elements.includes(el.id)) entry.elements.push(el.id);
      // undefined = every code of the classification is allowed by at least one element.
      if (el.codes === undefined) entry.allowed = undefined;
      else if (entry.allowed) for (const c of el.codes) entry.allowed.add(c);
      used.set(el.classification, entry);
    }
  }
  const classifications: ClassificationAnswer[] = [];
  for (const [id, entry] of [...used].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    const c = ix.classifications.get(id);
    if (!c) continue;
    classifications.push({
      id: c.id,
      label: c.label,
      ...(c.edition !== undefined ? { edition: c.edition } : {}),
      doc: c.doc,
      elements: entry.elements.sort(),
      codes: c.codes
        .filter((code) => (entry.allowed === undefined || entry.allowed.has(code.code)) && inForce(code, date))
        .map((code) => ({ code: code.code, label: code.label, selectable: code.selectable })),
    });
  }
  return { recordTypes, rules, classifications };
}

/** Days after `asOf` up to `until` on which something in the obligation starts or stops. */
function changeDays(ix: Indexed, ob: ObligationData, asOf: string, until: string): string[] {
  const days = new Set<string>();
  const add = (x: { readonly validFrom?: string; readonly validTo?: string }): void => {
    if (x.validFrom !== undefined) days.add(x.validFrom);
    if (x.validTo !== undefined) days.add(addDays(x.validTo, 1));
  };
  for (const ort of ob.recordTypes) {
    add(ort);
    const rt = ix.recordTypes.get(ort.recordType);
    if (!rt) continue;
    add(rt);
    for (const x of rt.elements) {
      add(x);
      const el = ix.elements.get(x.element);
      if (!el) continue;
      add(el);
      const c = el.classification !== undefined ? ix.classifications.get(el.classification) : undefined;
      if (c) c.codes.forEach(add);
    }
    for (const r of rt.rules) {
      const rule = ix.rules.get(r);
      if (rule) add(rule);
    }
  }
  for (const r of ob.rules) {
    const rule = ix.rules.get(r);
    if (rule) add(rule);
  }
  return [...days].filter((d) => d > asOf && d <= until).sort();
}

/** What was added and removed between two snapshots, dated `date`. */
function diffSnapshots(before: Snapshot, after: Snapshot, date: string): ChangeAnswer[] {
  const out: ChangeAnswer[] = [];
  const keyed = (s: Snapshot): Map<string, ChangeAnswer> => {
    const m = new Map<string, ChangeAnswer>();
    for (const rt of s.recordTypes) {
      m.set(`record-type ${rt.id}`, { date, change: 'added', subject: 'record-type', recordType: rt.id, label: rt.label });
      for (const e of rt.elements) {
        m.set(`element ${rt.id} ${e.id} ${e.required}`, { date, change: 'added', subject: 'element', recordType: rt.id, element: e.id, required: e.required, label: e.label });
      }
    }
    for (const r of s.rules) {
      m.set(`rule ${r.id}`, { date, change: 'added', subject: 'rule', ...(r.recordType !== undefined ? { recordType: r.recordType } : {}), rule: r.id, label: r.message });
    }
    for (const c of s.classifications) {
      for (const code of c.codes) m.set(`code ${c.id} ${code.code}`, { date, change: 'added', subject: 'code', classification: c.id, code: code.code, label: code.label });
    }
    return m;
  };
  const a = keyed(before);
  const b = keyed(after);
  // A new record type brings its elements: list the record type, not each element again.
  const newRecordTypes = new Set([...b.values()].filter((c) => c.subject === 'record-type' && !a.has(`record-type ${c.recordType}`)).map((c) => c.recordType));
  const goneRecordTypes = new Set([...a.values()].filter((c) => c.subject === 'record-type' && !b.has(`record-type ${c.recordType}`)).map((c) => c.recordType));
  // Likewise a classification that comes or goes with an element: its codes are not news.
  const usedBefore = new Set(before.classifications.map((c) => c.id));
  const usedAfter = new Set(after.classifications.map((c) => c.id));
  for (const [k, c] of b) {
    if (a.has(k)) continue;
    if (c.subject === 'element' && newRecordTypes.has(c.recordType)) continue;
    if (c.subject === 'code' && !usedBefore.has(c.classification!)) continue;
    out.push(c);
  }
  for (const [k, c] of a) {
    if (b.has(k)) continue;
    if (c.subject === 'element' && goneRecordTypes.has(c.recordType)) continue;
    if (c.subject === 'code' && !usedAfter.has(c.classification!)) continue;
    const { required: _required, ...rest } = c;
    out.push({ ...rest, change: 'removed' });
  }
  return out;
}

function answerObligation(ix: Indexed, ob: ObligationData, from: string, to: string): ObligationAnswer | undefined {
  const submissions = submissionsDue(ob.period, ob.deadline, { from, to }, ob);
  const overlaps = (ob.validFrom === undefined || ob.validFrom <= to) && (ob.validTo === undefined || from <= ob.validTo);
  if (!overlaps && submissions.length === 0) return undefined;
  let asOf = ob.validFrom !== undefined && ob.validFrom > from ? ob.validFrom : from;
  if (ob.validTo !== undefined && ob.validTo < asOf) asOf = ob.validTo;
  const snap = snapshotOn(ix, ob, asOf);
  const until = ob.validTo !== undefined && ob.validTo < to ? ob.validTo : to;
  const changes: ChangeAnswer[] = [];
  let previous = snap;
  for (const day of changeDays(ix, ob, asOf, until)) {
    const next = snapshotOn(ix, ob, day);
    changes.push(...diffSnapshots(previous, next, day));
    previous = next;
  }
  return {
    id: ob.id,
    label: ob.label,
    definition: ob.definition,
    ...(ob.population ? { population: ob.population } : {}),
    status: ob.status,
    actor: codeRef(ix.actors, ob.actor),
    area: codeRef(ix.areas, ob.area),
    ...(ob.validFrom !== undefined ? { validFrom: ob.validFrom } : {}),
    ...(ob.validTo !== undefined ? { validTo: ob.validTo } : {}),
    asOf,
    legalBasis: ob.legalBasis,
    period: ob.period,
    deadline: ob.deadline,
    channel: ob.channel,
    formats: ob.formats,
    doc: ob.doc,
    recordTypes: snap.recordTypes,
    rules: snap.rules,
    classifications: snap.classifications,
    changes,
    submissions,
  };
}

function elementUses(ix: Indexed, element: string, matches: (ob: ObligationData) => boolean, from?: string, to?: string): ElementUse[] {
  const out: ElementUse[] = [];
  const el = ix.elements.get(element);
  for (const ob of ix.data.obligations) {
    if (!matches(ob)) continue;
    for (const ort of ob.recordTypes) {
      if (!ort.elements.includes(element)) continue;
      const rt = ix.recordTypes.get(ort.recordType);
      const x = rt?.elements.find((e) => e.element === element);
      if (!rt || !x) continue;
      // The element is asked for only while every layer is in force: the latest start, the earliest end.
      const phases: { readonly validFrom?: string; readonly validTo?: string }[] = [ob, ort, rt, x, el ?? {}];
      const starts = phases.map((p) => p.validFrom).filter((d): d is string => d !== undefined).sort();
      const ends = phases.map((p) => p.validTo).filter((d): d is string => d !== undefined).sort();
      const validFrom = starts[starts.length - 1];
      const validTo = ends[0];
      if (validFrom !== undefined && validTo !== undefined && validFrom > validTo) continue;
      if (to !== undefined && validFrom !== undefined && validFrom > to) continue;
      if (from !== undefined && validTo !== undefined && validTo < from) continue;
      out.push({
        obligation: ob.id,
        label: ob.label,
        actor: codeRef(ix.actors, ob.actor),
        area: codeRef(ix.areas, ob.area),
        recordType: rt.id,
        recordTypeLabel: rt.label,
        required: x.required,
        ...(validFrom !== undefined ? { validFrom } : {}),
        ...(validTo !== undefined ? { validTo } : {}),
        doc: ob.doc,
      });
    }
  }
  return out;
}

/**
 * Answers a query from obligations data: the obligations of an actor with their record types,
 * elements, codes, rules, changes and submission due dates over a range, or the obligations that
 * ask for an element. Unknown codes are reported in `problems`, never thrown.
 */
export function answerObligations(data: ObligationsData, query: ObligationsQuery): ObligationsAnswer {
  const ix = index(data);
  const q = query as { actor?: string; area?: string; element?: string; date?: string; from?: string; to?: string };
  const problems: QueryProblem[] = [];
  if (q.actor !== undefined && !ix.actors.has(q.actor)) problems.push({ code: 'obligations/unknown-actor', actor: q.actor, known: data.actors.map((c) => c.code) });
  if (q.area !== undefined && !ix.areas.has(q.area)) problems.push({ code: 'obligations/unknown-area', area: q.area, known: data.areas.map((c) => c.code) });
  // An element no obligation asks for is unknown here even if the catalogue defines it: it is not in the data.
  if (q.element !== undefined && !ix.elements.has(q.element)) problems.push({ code: 'obligations/unknown-element', element: q.element });

  const el = q.element !== undefined ? ix.elements.get(q.element) : undefined;
  // A date means a year of due dates for an actor, but just that day for an element.
  const from = q.date ?? q.from;
  let to = q.to;
  if (q.date !== undefined) to = q.element === undefined ? yearEndFrom(q.date) : q.date;
  const echo: ObligationsAnswer['query'] = {
    ...(q.actor !== undefined ? { actor: codeRef(ix.actors, q.actor) } : {}),
    ...(q.area !== undefined ? { area: codeRef(ix.areas, q.area) } : {}),
    ...(q.element !== undefined ? { element: { id: q.element, label: el?.label ?? { sv: q.element }, doc: el?.doc ?? '' } } : {}),
    ...(q.date !== undefined ? { date: q.date } : {}),
    ...(from !== undefined ? { from } : {}),
    ...(to !== undefined ? { to } : {}),
  };
  const base = { catalogue: data.catalogue, query: echo, obligations: [], elementUses: [] };
  if (problems.length > 0) return { ...base, problems };

  const matches = (ob: ObligationData): boolean =>
    (q.actor === undefined || isWithin(ix.actors, q.actor, ob.actor)) && (q.area === undefined || isWithin(ix.areas, q.area, ob.area));

  if (q.element !== undefined) {
    return { ...base, elementUses: elementUses(ix, q.element, matches, from, to), problems };
  }
  const obligations: ObligationAnswer[] = [];
  if (from !== undefined && to !== undefined) {
    for (const ob of data.obligations) {
      if (!matches(ob)) continue;
      const a = answerObligation(ix, ob, from, to);
      if (a) obligations.push(a);
    }
  }
  return { ...base, obligations, problems };
}
