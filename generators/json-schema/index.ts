// json-schema: emits JSON Schema (draft 2020-12), one per record type and one per obligation's submission,
// from the resolved catalogue's elements, classifications, record types, row rules and obligations,
// for vendors and for the typescript and validators generators, which build on these schemas.
import type { Catalogue, Classification, Condition, DataElement, Generator, Obligation, RecordElement, RecordType, Rule } from '../../src/index.js';

/** A JSON Schema object (loosely typed: it is data). */
export type Schema = { [key: string]: unknown };

export const DIALECT = 'https://json-schema.org/draft/2020-12/schema';

/** The annotation keyword that keeps each code's Swedish label beside an `enum`. */
export const LABELS_KEYWORD = 'x-labels';

/** Stable schema $id: from the catalogue id and its major version, never from a file path. */
export function schemaId(catalogue: Catalogue, kind: 'record-type' | 'submission', id: string): string {
  const major = catalogue.manifest.version.split('.')[0];
  return `urn:kodkatalog:${catalogue.manifest.id}:v${major}:${kind}:${id}`;
}

// Forms the JSON Schema can check; the generated validators add what it cannot (real dates, check digits).
export const DATE_PATTERN = '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$';
export const PERSONAL_IDENTITY_NUMBER_PATTERN = '^(18|19|20)[0-9]{10}$';
export const ORGANISATION_NUMBER_PATTERN = '^[0-9]{10}$';

/** Codes a reporter may use for an element: the element's subset or all selectable codes of its classification. */
export function allowedCodes(element: DataElement): readonly string[] {
  const codes = element.codes ?? element.classification?.codes ?? [];
  return codes.filter((c) => c.selectable).map((c) => c.code);
}

/** The format's patterns match the whole value; JSON Schema's `pattern` matches anywhere, so anchor it. */
export function wholeValue(pattern: string): string {
  return `^(?:${pattern})$`;
}

function describe(sv: string, extra: string[] = []): string {
  return [sv, ...extra].filter((s) => s.length > 0).join(' ');
}

/**
 * Length and pattern keywords of a string value: the element's own constraints, on top of the form
 * its value type has (`form`, e.g. the date pattern). Two patterns go under `allOf`, since an object
 * can hold only one `pattern`.
 */
function stringKeywords(element: DataElement, form?: string): Schema {
  const c = element.constraints;
  const patterns = [...(form !== undefined ? [form] : []), ...(c.pattern !== undefined ? [wholeValue(c.pattern)] : [])];
  return {
    type: 'string',
    ...(c.minLength !== undefined ? { minLength: c.minLength } : {}),
    ...(c.maxLength !== undefined ? { maxLength: c.maxLength } : {}),
    ...(patterns.length === 1 ? { pattern: patterns[0] } : patterns.length > 1 ? { allOf: patterns.map((p) => ({ pattern: p })) } : {}),
  };
}

/** The schema of one element's value. */
export function elementSchema(element: DataElement): Schema {
  const c = element.constraints;
  const base: Schema = { title: element.label.sv, description: element.definition.sv };
  switch (element.valueType) {
    case 'string':
      return { ...base, ...stringKeywords(element) };
    case 'integer':
    case 'decimal':
      return {
        ...base,
        type: element.valueType === 'integer' ? 'integer' : 'number',
        ...(c.minimum !== undefined ? { minimum: c.minimum } : {}),
        ...(c.maximum !== undefined ? { maximum: c.maximum } : {}),
      };
    case 'boolean':
      return { ...base, type: 'boolean' };
    case 'date':
      // A date element's own pattern (e.g. only the first of the month) applies on top of the date form.
      return { ...base, ...stringKeywords(element, DATE_PATTERN) };
    case 'personal-identity-number':
      return { ...base, description: describe(element.definition.sv, ['Tolv siffror ÅÅÅÅMMDDNNNK utan bindestreck.']), ...stringKeywords(element, PERSONAL_IDENTITY_NUMBER_PATTERN) };
    case 'organisation-number':
      return { ...base, description: describe(element.definition.sv, ['Tio siffror utan bindestreck.']), ...stringKeywords(element, ORGANISATION_NUMBER_PATTERN) };
    case 'code':
    case 'municipality-code': {
      const classification = element.classification as Classification;
      const codes = allowedCodes(element);
      const labels = Object.fromEntries(codes.map((code) => [code, classification.codeMap.get(code)!.label.sv]));
      return {
        ...base,
        description: describe(element.definition.sv, [`Kod ur klassifikationen ${classification.label.sv} (${classification.id}).`]),
        type: 'string',
        enum: codes,
        [LABELS_KEYWORD]: labels,
      };
    }
  }
}

/** The JSON type keyword of an element's value: range rules repeat it so that ajv's strictTypes is met. */
function jsonType(element: DataElement): string {
  return element.valueType === 'integer' ? 'integer' : element.valueType === 'decimal' ? 'number' : element.valueType === 'boolean' ? 'boolean' : 'string';
}

const requiredText = { required: 'Uppgiften är obligatorisk', 'if-documented': 'Uppgiften ska lämnas om den finns dokumenterad', optional: 'Uppgiften är frivillig' } as const;

/** What a record element's requiredness and phase mean, for its description. */
function phaseNote(e: RecordElement): string[] {
  const text = requiredText[e.required];
  if (!e.validFrom && !e.validTo) return [`${text}.`];
  const phase = [e.validFrom ? `från ${e.validFrom}` : '', e.validTo ? `till och med ${e.validTo}` : ''].filter(Boolean).join(' ');
  // A phased element is never required by the schema: a row does not say which period it belongs to.
  const note = e.required === 'required' ? ' Schemat kräver den inte, eftersom en post inte anger sin rapportperiod; det gör validerarna.' : '';
  return [`${phase.charAt(0).toUpperCase()}${phase.slice(1)}: ${text.charAt(0).toLowerCase()}${text.slice(1)}.${note}`];
}

/**
 * The schema of "these elements are given": `required`, with each key also under `properties`
 * (as `true`, checking nothing more) so that ajv's strictRequired finds it defined where it is required.
 */
function given(ids: readonly string[]): Schema {
  return { properties: Object.fromEntries(ids.map((id) => [id, true])), required: [...ids] };
}

/** A required-if condition: given, not given, or given with one of some codes. */
function conditionSchema(c: Condition): Schema {
  const id = c.element.id;
  if (c.equals !== undefined) return { properties: { [id]: { enum: c.equals.map((code) => code.code) } }, required: [id] };
  return c.present === false ? { not: given([id]) } : given([id]);
}

/** Rule shapes a row schema can state. The others need several rows, the reporting period, code validity or date arithmetic. */
const ROW_SHAPES: ReadonlySet<Rule['shape']> = new Set(['required-if', 'exactly-one-of', 'range']);

/**
 * Why the JSON Schema leaves a rule to the validators, or undefined when it states the rule. A
 * schema has no severities and no reporting period, so it states only the rules that reject a row
 * (`error`, `fatal`) on every day: stating a warning or a rule in force from a date would make the
 * schema reject rows that the register accepts.
 */
export function notInSchema(rule: Rule): string | undefined {
  if (!ROW_SHAPES.has(rule.shape)) return SHAPE_REASON[rule.shape];
  if (rule.severity === 'warning') return 'varning';
  if (rule.severity === 'info') return 'information';
  if (rule.validFrom || rule.validTo) {
    return ['gäller', rule.validFrom ? `från ${rule.validFrom}` : '', rule.validTo ? `till och med ${rule.validTo}` : ''].filter(Boolean).join(' ');
  }
  return undefined;
}

/** Why a shape is beyond a row schema, in the words of {@link notInSchema}. */
const SHAPE_REASON: Readonly<Record<Rule['shape'], string>> = {
  'required-if': '',
  'exactly-one-of': '',
  range: '',
  'date-order': 'jämför datum',
  'within-period': 'kräver rapportperioden',
  'code-valid-on-date': 'kodens giltighetstid',
  'unique-key': 'jämför poster',
  'reference-exists': 'jämför poster',
  'no-overlap': 'jämför poster',
};

/**
 * The JSON Schema form of a row rule that {@link notInSchema} lets through; undefined for any other.
 * `present` is the set of elements the record may carry: an exactly-one-of rule is narrowed to them,
 * as the validation engine does under an obligation's subset.
 */
export function ruleSchema(rule: Rule, present?: ReadonlySet<string>): Schema | undefined {
  if (notInSchema(rule) !== undefined) return undefined;
  const annotate = (s: Schema): Schema => ({ title: rule.id, description: rule.message.sv, ...s });
  switch (rule.shape) {
    case 'required-if':
      return annotate({ if: conditionSchema(rule.when!), then: conditionSchema(rule.then!) });
    case 'exactly-one-of': {
      const ids = rule.elements.map((e) => e.id).filter((id) => !present || present.has(id));
      if (ids.length === 0) return undefined;
      return annotate(ids.length === 1 ? given(ids) : { oneOf: ids.map((id) => given([id])) });
    }
    case 'range': {
      const e = rule.elements[0]!;
      const bounds = { ...(rule.minimum !== undefined ? { minimum: rule.minimum } : {}), ...(rule.maximum !== undefined ? { maximum: rule.maximum } : {}) };
      return annotate({ properties: { [e.id]: { type: jsonType(e), ...bounds } } });
    }
    default:
      return undefined;
  }
}

/** Every element a rule touches (its elements, condition elements and grouping elements). */
function touched(r: Rule): DataElement[] {
  return [...r.elements, ...r.groupBy, ...(r.when ? [r.when.element] : []), ...(r.then ? [r.then.element] : [])];
}

/**
 * The rules that apply to a record type's rows for a set of its elements: the record type's own,
 * narrowed as the validation engine narrows them (an exactly-one-of rule to the elements present,
 * any other rule only when every element it touches is present), plus `extra` rules (an
 * obligation's) that touch only present elements.
 */
function rowRules(rt: RecordType, ids: ReadonlySet<string>, extra: readonly Rule[]): Rule[] {
  const all = (r: Rule): boolean => touched(r).every((e) => ids.has(e.id));
  return [...rt.rules.filter((r) => r.shape === 'exactly-one-of' || all(r)), ...extra.filter((r) => r.target?.recordType !== rt && all(r))];
}

/**
 * A record type's row schema for a set of its elements (all of them, or an obligation's subset).
 * `recordType` may be given and must then name this record type (NDJSON lines carry it). `extra`
 * are rules beyond the record type's own (an obligation's).
 */
export function recordSchema(rt: RecordType, elements: readonly RecordElement[], ref: (element: DataElement) => string, extra: readonly Rule[] = []): Schema {
  const ids = new Set(elements.map((e) => e.element.id));
  const properties: Schema = { recordType: { title: 'Posttyp', description: 'Vilken posttyp raden är.', const: rt.id } };
  for (const e of elements) {
    properties[e.element.id] = { $ref: ref(e.element), description: describe(e.element.definition.sv, phaseNote(e)) };
  }
  // Required from the start: elements that are required without a later phase. Phases depend on the
  // reporting period, which a row does not carry; the validators check them against the period.
  const required = elements.filter((e) => e.required === 'required' && !e.validFrom && !e.validTo).map((e) => e.element.id);
  const rules = rowRules(rt, ids, extra);
  const stated = rules.map((r) => ruleSchema(r, ids)).filter((s): s is Schema => s !== undefined);
  const left = rules.filter((r) => notInSchema(r) !== undefined).map((r) => `${r.id} (${notInSchema(r)})`);
  return {
    title: rt.label.sv,
    description: rt.definition.sv,
    ...(left.length ? { $comment: `Regler som bara validerarna kontrollerar: ${left.join(', ')}.` } : {}),
    type: 'object',
    properties,
    ...(required.length ? { required } : {}),
    additionalProperties: false,
    ...(stated.length ? { allOf: stated } : {}),
  };
}

const elementRef = (e: DataElement): string => `#/$defs/${e.id}`;

function elementDefs(elements: Iterable<DataElement>): Schema {
  const defs: Schema = {};
  for (const e of [...new Set(elements)].sort((a, b) => (a.id < b.id ? -1 : 1))) defs[e.id] = elementSchema(e);
  return defs;
}

/** The schema of one record type, self-contained (its elements in `$defs`). */
export function recordTypeDocument(catalogue: Catalogue, rt: RecordType): Schema {
  return {
    $schema: DIALECT,
    $id: schemaId(catalogue, 'record-type', rt.id),
    ...recordSchema(rt, rt.elements, elementRef),
    $defs: elementDefs(rt.elements.map((e) => e.element)),
  };
}

/** Key of a record type's row schema inside a submission schema's `$defs`. */
export const recordDefKey = (rt: RecordType): string => `post-${rt.id}`;

/** The schema of a whole submission for an obligation: an array of records of its record types. */
export function submissionDocument(catalogue: Catalogue, ob: Obligation): Schema {
  const defs: Schema = elementDefs(ob.recordTypes.flatMap((x) => x.elements.map((e) => e.element)));
  const branches: Schema[] = [];
  for (const x of ob.recordTypes) {
    const row = recordSchema(x.recordType, x.elements, elementRef, ob.rules);
    defs[recordDefKey(x.recordType)] = { ...row, required: ['recordType', ...((row.required as string[] | undefined) ?? [])] };
    branches.push({ $ref: `#/$defs/${recordDefKey(x.recordType)}` });
  }
  return {
    $schema: DIALECT,
    $id: schemaId(catalogue, 'submission', ob.id),
    title: ob.label.sv,
    description: describe(ob.definition.sv, [`En inlämning: en lista av poster av posttyperna ${ob.recordTypes.map((x) => x.recordType.id).join(', ')}.`]),
    type: 'array',
    items: branches.length === 1 ? branches[0] : { oneOf: branches },
    $defs: defs,
  };
}

/** Serialises a schema the same way every time. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

export const jsonSchemaGenerator: Generator = {
  name: 'json-schema',
  description: [
    'JSON Schema (2020-12): one per record type (record-types/<id>.schema.json) and one per obligation submission (obligations/<id>.schema.json),',
    'from elements, code lists, record types, row rules and obligations of the resolved catalogue,',
    'for vendors validating records and for the typescript and validators generators.',
  ].join('\n'),
  generate(catalogue) {
    const files = [
      ...catalogue.recordTypes.map((rt) => ({ path: `record-types/${rt.id}.schema.json`, contents: toJson(recordTypeDocument(catalogue, rt)) })),
      ...catalogue.obligations.map((ob) => ({ path: `obligations/${ob.id}.schema.json`, contents: toJson(submissionDocument(catalogue, ob)) })),
    ];
    return { files, diagnostics: [] };
  },
};
