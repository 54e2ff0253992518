import type {
  Catalogue,
  Classification,
  Condition,
  DataElement,
  Obligation,
  ObligationRecordType,
  RecordElement,
  RecordType,
  Rule,
  Text,
} from '../model/types.js';
import type {
  ModelClassification,
  ModelCondition,
  ModelConstraints,
  ModelElement,
  ModelObligation,
  ModelObligationRecordType,
  ModelObligationRule,
  ModelRecordElement,
  ModelRecordType,
  ModelRule,
  ModelText,
  ModelValidityRun,
  ValidationModel,
} from './engine/model.js';
import { MODEL_VERSION } from './engine/model.js';

const byId = <T extends { readonly id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function text(t: Text): ModelText {
  return t.en !== undefined && t.en !== '' ? { sv: t.sv, en: t.en } : { sv: t.sv };
}

/** The later of two optional start dates. */
function laterStart(a: string | undefined, b: string | undefined): string | undefined {
  return a === undefined ? b : b === undefined ? a : a > b ? a : b;
}

/** The earlier of two optional end dates. */
function earlierEnd(a: string | undefined, b: string | undefined): string | undefined {
  return a === undefined ? b : b === undefined ? a : a < b ? a : b;
}

function validity(from: string | undefined, to: string | undefined): { validFrom?: string; validTo?: string } {
  return { ...(from !== undefined ? { validFrom: from } : {}), ...(to !== undefined ? { validTo: to } : {}) };
}

function classification(c: Classification): ModelClassification {
  const groups = c.codes.flatMap((code, i) => (code.selectable ? [] : [i]));
  const runs: ModelValidityRun[] = [];
  c.codes.forEach((code, i) => {
    const from = code.validFrom ?? null;
    const to = code.validTo ?? null;
    const last = runs[runs.length - 1];
    if (!last || last[1] !== from || last[2] !== to) runs.push([i, from, to]);
  });
  return {
    id: c.id,
    label: text(c.label),
    codes: c.codes.map((code) => code.code).join(' '),
    ...(groups.length > 0 ? { groups } : {}),
    ...(runs.some(([, from, to]) => from !== null || to !== null) ? { validity: runs } : {}),
  };
}

function element(e: DataElement): ModelElement {
  const c = e.constraints;
  const constraints: ModelConstraints = {
    ...(c.minLength !== undefined ? { minLength: c.minLength } : {}),
    ...(c.maxLength !== undefined ? { maxLength: c.maxLength } : {}),
    ...(c.minimum !== undefined ? { minimum: c.minimum } : {}),
    ...(c.maximum !== undefined ? { maximum: c.maximum } : {}),
    ...(c.pattern !== undefined ? { pattern: c.pattern } : {}),
  };
  // A subset is written out only when it is one: a 50,000-code list is not copied per element.
  const all = e.classification?.codes ?? [];
  const subset = e.codes !== undefined && (e.codes.length !== all.length || e.codes.some((code, i) => code !== all[i])) ? e.codes.map((code) => code.code).join(' ') : undefined;
  return {
    id: e.id,
    label: text(e.label),
    valueType: e.valueType,
    ...(e.classification ? { classification: e.classification.id } : {}),
    ...(subset !== undefined ? { codes: subset } : {}),
    ...(Object.keys(constraints).length > 0 ? { constraints } : {}),
  };
}

function recordElement(re: RecordElement): ModelRecordElement {
  return {
    element: re.element.id,
    required: re.required,
    ...validity(laterStart(re.validFrom, re.element.validFrom), earlierEnd(re.validTo, re.element.validTo)),
  };
}

function condition(c: Condition): ModelCondition {
  return {
    element: c.element.id,
    ...(c.present !== undefined ? { present: c.present } : {}),
    ...(c.equals !== undefined ? { equals: c.equals.map((code) => code.code) } : {}),
  };
}

function rule(r: Rule): ModelRule {
  return {
    id: r.id,
    shape: r.shape,
    severity: r.severity,
    message: text(r.message),
    elements: r.elements.map((e) => e.id),
    ...(r.when ? { when: condition(r.when) } : {}),
    ...(r.then ? { then: condition(r.then) } : {}),
    ...(r.target ? { target: { recordType: r.target.recordType.id, elements: r.target.elements.map((e) => e.id) } } : {}),
    ...(r.groupBy.length > 0 ? { groupBy: r.groupBy.map((e) => e.id) } : {}),
    ...(r.minimum !== undefined ? { minimum: r.minimum } : {}),
    ...(r.maximum !== undefined ? { maximum: r.maximum } : {}),
    ...validity(r.validFrom, r.validTo),
  };
}

function recordType(rt: RecordType): ModelRecordType {
  return {
    id: rt.id,
    label: text(rt.label),
    key: rt.key.map((e) => e.id),
    ...(rt.dateElement ? { dateElement: rt.dateElement.id } : {}),
    elements: rt.elements.map(recordElement),
    rules: rt.rules.map(rule),
  };
}

function obligationRecordType(x: ObligationRecordType): ModelObligationRecordType {
  const all = x.recordType.elements;
  const subset = x.elements.length !== all.length || x.elements.some((e, i) => e.element !== all[i]!.element);
  return {
    recordType: x.recordType.id,
    ...(subset ? { elements: x.elements.map((e) => e.element.id) } : {}),
    ...validity(laterStart(x.validFrom, x.recordType.validFrom), earlierEnd(x.validTo, x.recordType.validTo)),
  };
}

/** Element ids a rule touches: its elements, condition elements and grouping elements. */
function touched(r: Rule): Set<string> {
  return new Set([...r.elements, ...r.groupBy, ...(r.when ? [r.when.element] : []), ...(r.then ? [r.then.element] : [])].map((e) => e.id));
}

function obligation(ob: Obligation): ModelObligation {
  const rules: ModelObligationRule[] = ob.rules.map((r) => {
    const need = touched(r);
    // An obligation's rule is checked on each of its record types that has every element it touches;
    // a reference's target is where the keys come from, not a record type that refers.
    const recordTypes = ob.recordTypes
      .filter((x) => x.recordType !== r.target?.recordType)
      .filter((x) => [...need].every((id) => x.elements.some((e) => e.element.id === id)))
      .map((x) => x.recordType.id);
    return { ...rule(r), recordTypes };
  });
  return {
    id: ob.id,
    label: text(ob.label),
    period: { kind: ob.period.kind, ...(ob.period.date !== undefined ? { date: ob.period.date } : {}) },
    ...validity(ob.validFrom, ob.validTo),
    recordTypes: ob.recordTypes.map(obligationRecordType),
    rules,
  };
}

/**
 * Builds the ValidationModel from a resolved catalogue: the classifications and elements the record
 * types use, the record types with their phases and rules, and the obligations with their subsets.
 * Deterministic: lists are sorted by id (elements and rules keep their declared order) and optional
 * keys are left out, so the same catalogue gives the same JSON.
 */
export function buildValidationModel(catalogue: Catalogue): ValidationModel {
  const used = new Map<string, DataElement>();
  for (const rt of catalogue.recordTypes) for (const re of rt.elements) used.set(re.element.id, re.element);
  const elements = [...used.values()].sort(byId);
  const classes = new Map<string, Classification>();
  for (const e of elements) if (e.classification) classes.set(e.classification.id, e.classification);
  return {
    modelVersion: MODEL_VERSION,
    catalogue: { id: catalogue.manifest.id, version: catalogue.manifest.version },
    classifications: [...classes.values()].sort(byId).map(classification),
    elements: elements.map(element),
    recordTypes: [...catalogue.recordTypes].sort(byId).map(recordType),
    obligations: [...catalogue.obligations].sort(byId).map(obligation),
  };
}
