import { docPath } from '../model/doc-paths.js';
import type { Catalogue, Classification, Code, DataElement, Rule, Text } from '../model/types.js';
import type { ClassificationData, CodeData, ElementData, ObligationsData, RecordTypeData, RuleData, TextData } from './data.js';

/*
 * Builds the plain-JSON form of a catalogue's obligations. This runs in Node only (at build time or
 * in the CLI); the page and the CLI then answer queries from the JSON with the same code
 * (./answer.ts), so the page cannot drift from the command.
 */

const byId = <T extends { readonly id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function textData(t: Text): TextData {
  return t.en === undefined ? { sv: t.sv } : { sv: t.sv, en: t.en };
}

/** Copies only the optional fields that are set, so JSON has no `undefined` and keys stay stable. */
function validity(x: { readonly validFrom?: string; readonly validTo?: string }): { validFrom?: string; validTo?: string } {
  return { ...(x.validFrom !== undefined ? { validFrom: x.validFrom } : {}), ...(x.validTo !== undefined ? { validTo: x.validTo } : {}) };
}

function codeData(c: Code): CodeData {
  return {
    code: c.code,
    label: textData(c.label),
    ...(c.parent ? { parent: c.parent.code } : {}),
    selectable: c.selectable,
    status: c.status,
    ...validity(c),
  };
}

function classificationData(c: Classification): ClassificationData {
  return {
    id: c.id,
    label: textData(c.label),
    ...(c.edition !== undefined ? { edition: c.edition } : {}),
    ...(c.owner !== undefined ? { owner: c.owner } : {}),
    doc: docPath('classification', c.id),
    codes: c.codes.map(codeData),
  };
}

function elementData(e: DataElement): ElementData {
  const constraints = Object.fromEntries(
    (['minLength', 'maxLength', 'minimum', 'maximum', 'pattern'] as const).filter((k) => e.constraints[k] !== undefined).map((k) => [k, e.constraints[k]]),
  );
  return {
    id: e.id,
    label: textData(e.label),
    valueType: e.valueType,
    ...(e.classification ? { classification: e.classification.id } : {}),
    ...(e.codes ? { codes: e.codes.map((c) => c.code) } : {}),
    constraints,
    doc: docPath('data-element', e.id),
    ...validity(e),
  };
}

function ruleData(r: Rule): RuleData {
  // Everything the rule reads: a rule that reads an element the obligation does not ask for
  // cannot be applied to that obligation's files, so the answer leaves it out. `groupBy` is not
  // counted: an element missing from every row groups like an empty value, which is what a file
  // without it means (e.g. no-overlap on LSS interventions in a file without SoL intervention types).
  const touches = new Set<string>(r.elements.map((e) => e.id));
  if (r.when) touches.add(r.when.element.id);
  if (r.then) touches.add(r.then.element.id);
  return {
    id: r.id,
    shape: r.shape,
    severity: r.severity,
    message: textData(r.message),
    ...(r.owner.kind === 'record-type' ? { recordType: r.owner.id } : {}),
    touches: [...touches],
    ...(r.target ? { target: { recordType: r.target.recordType.id, elements: r.target.elements.map((e) => e.id) } } : {}),
    doc: docPath('rule', r.id),
    ...validity(r),
  };
}

/**
 * The obligations of a catalogue as plain JSON data: obligations with their record types, elements,
 * classifications and rules, the actor and area codes, and the docs page of every entity (built
 * with `docPath`). The docs generator writes it for the "Vad ska vi rapportera?" page; the CLI
 * answers from the same data with `answerObligations`.
 */
export function obligationsData(catalogue: Catalogue): ObligationsData {
  const recordTypes = new Map<string, RecordTypeData>();
  const elements = new Map<string, ElementData>();
  const classifications = new Map<string, ClassificationData>();
  const rules = new Map<string, RuleData>();
  const addElement = (e: DataElement): void => {
    if (elements.has(e.id)) return;
    elements.set(e.id, elementData(e));
    if (e.classification && !classifications.has(e.classification.id)) classifications.set(e.classification.id, classificationData(e.classification));
  };
  const addRule = (r: Rule): void => {
    if (!rules.has(r.id)) rules.set(r.id, ruleData(r));
    for (const e of r.elements) addElement(e);
  };

  const obligations = [...catalogue.obligations].sort(byId).map((o) => {
    for (const ort of o.recordTypes) {
      const rt = ort.recordType;
      if (!recordTypes.has(rt.id)) {
        recordTypes.set(rt.id, {
          id: rt.id,
          label: textData(rt.label),
          key: rt.key.map((k) => k.id),
          elements: rt.elements.map((x) => ({ element: x.element.id, required: x.required, ...validity(x) })),
          rules: rt.rules.map((r) => r.id),
          doc: docPath('record-type', rt.id),
          ...validity(rt),
        });
        for (const x of rt.elements) addElement(x.element);
        rt.rules.forEach(addRule);
      }
    }
    o.rules.forEach(addRule);
    return {
      id: o.id,
      label: textData(o.label),
      definition: textData(o.definition),
      ...(o.population ? { population: textData(o.population) } : {}),
      status: o.status,
      actor: o.actor.code,
      area: o.area.code,
      legalBasis: o.legalBasis.map((c) => ({ code: c.code, label: textData(c.label) })),
      recordTypes: o.recordTypes.map((ort) => ({
        recordType: ort.recordType.id,
        elements: ort.elements.map((x) => x.element.id),
        ...validity(ort),
      })),
      rules: o.rules.map((r) => r.id),
      period: o.period.date !== undefined ? { kind: o.period.kind, date: o.period.date } : { kind: o.period.kind },
      deadline: {
        kind: o.deadline.kind,
        ...(o.deadline.day !== undefined ? { day: o.deadline.day } : {}),
        ...(o.deadline.date !== undefined ? { date: o.deadline.date } : {}),
        ...(o.deadline.days !== undefined ? { days: o.deadline.days } : {}),
        adjust: o.deadline.adjust,
      },
      channel: o.channel,
      formats: [...o.formats],
      doc: docPath('obligation', o.id),
      ...validity(o),
    };
  });

  const sorted = <T extends { readonly id: string }>(m: Map<string, T>): T[] => [...m.values()].sort(byId);
  return {
    format: 1,
    catalogue: {
      id: catalogue.manifest.id,
      version: catalogue.manifest.version,
      status: catalogue.manifest.status,
      label: textData(catalogue.manifest.label),
    },
    actors: (catalogue.actorClassification?.codes ?? []).map(codeData),
    areas: (catalogue.areaClassification?.codes ?? []).map(codeData),
    obligations,
    recordTypes: sorted(recordTypes),
    elements: sorted(elements),
    classifications: sorted(classifications),
    rules: sorted(rules),
  };
}
