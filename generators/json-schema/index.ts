// json-schema: emits JSON Schema (draft 2020-12), one per record type and one per obligation's submission,
// from the resolved catalogue's elements, classifications, record types, row rules and obligations,
// for vendors and for the typescript and validators generators, which build on these schemas.
import type { Catalogue, Classification, DataElement, Generator, Obligation, RecordElement, RecordType, Rule } from '../../src/index.js';

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

/** The schema of one element's value. */
export function elementSchema(element: DataElement): Schema {
  const c = element.constraints;
  const base: Schema = { title: element.label.sv, description: element.definition.sv };
  switch (element.valueType) {
    case 'string':
      return {
        ...base,
        type: 'string',
        ...(c.minLength !== undefined ? { minLength: c.minLength } : {}),
        ...(c.maxLength !== undefined ? { maxLength: c.maxLength } : {}),
        ...(c.pattern !== undefined ? { pattern: wholeValue(c.pattern) } : {}),
      };
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
      return c.pattern === undefined
        ? { ...base, type: 'string', pattern: DATE_PATTERN }
        : { ...base, type: 'string', allOf: [{ pattern: DATE_PATTERN }, { pattern: wholeValue(c.pattern) }] };
    case 'personal-identity-number':
      return { ...base, description: describe(element.definition.sv, ['Tolv siffror ÅÅÅÅMMDDNNNK utan bindestreck.']), type: 'string', pattern: PERSONAL_IDENTITY_NUMBER_PATTERN };
    case 'organisation-number':
      return { ...base, description: describe(element.definition.sv, ['Tio siffror utan bindestreck.']), type: 'string', pattern: ORGANISATION_NUMBER_PATTERN };
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

const requiredText = { required: 'obligatorisk', 'if-documented': 'anges om uppgiften finns dokumenterad', optional: 'frivillig' } as const;

/** What a record element's requiredness and phase mean, for its description. */
function phaseNote(e: RecordElement): string[] {
  const notes: string[] = [`Uppgiften är ${requiredText[e.required]}`];
  if (e.validFrom) notes.push(`från ${e.validFrom}`);
  if (e.validTo) notes.push(`till och med ${e.validTo}`);
  return [notes.join(' ') + '.'];
}

/**
 * The JSON Schema form of the row rules it can express; other shapes are left to generated code.
 * `present` is the set of elements the record may carry: an exactly-one-of rule is narrowed to them,
 * as the validation engine does under an obligation's subset.
 */
export function ruleSchema(rule: Rule, present?: ReadonlySet<string>): Schema | undefined {
  const annotate = (s: Schema): Schema => ({ title: rule.id, description: rule.message.sv, ...s });
  switch (rule.shape) {
    case 'required-if': {
      const when = rule.when!;
      const then = rule.then!;
      const condition: Schema =
        when.equals !== undefined
          ? { properties: { [when.element.id]: { enum: when.equals.map((c) => c.code) } }, required: [when.element.id] }
          : when.present === false
            ? { not: { required: [when.element.id] } }
            : { required: [when.element.id] };
      const consequence: Schema = then.present === false ? { not: { required: [then.element.id] } } : { required: [then.element.id] };
      return annotate({ if: condition, then: consequence });
    }
    case 'exactly-one-of': {
      const ids = rule.elements.map((e) => e.id).filter((id) => !present || present.has(id));
      if (ids.length === 0) return undefined;
      return annotate(ids.length === 1 ? { required: ids } : { oneOf: ids.map((id) => ({ required: [id] })) });
    }
    case 'range': {
      const e = rule.elements[0]!;
      return annotate({
        properties: {
          [e.id]: { ...(rule.minimum !== undefined ? { minimum: rule.minimum } : {}), ...(rule.maximum !== undefined ? { maximum: rule.maximum } : {}) },
        },
      });
    }
    default:
      return undefined;
  }
}

/**
 * A record type's row schema for a set of its elements (all of them, or an obligation's subset).
 * `recordType` may be given and must then name this record type (NDJSON lines carry it).
 */
export function recordSchema(rt: RecordType, elements: readonly RecordElement[], ref: (element: DataElement) => string): Schema {
  const ids = new Set(elements.map((e) => e.element.id));
  const properties: Schema = { recordType: { title: 'Posttyp', description: 'Vilken posttyp raden är.', const: rt.id } };
  for (const e of elements) {
    properties[e.element.id] = { $ref: ref(e.element), description: describe(e.element.definition.sv, phaseNote(e)) };
  }
  // Required from the start: elements that are required without a later phase. Phases depend on the
  // reporting period, which a row does not carry; the validators check them against the period.
  const required = elements.filter((e) => e.required === 'required' && !e.validFrom && !e.validTo).map((e) => e.element.id);
  const rules = rt.rules
    .filter(
      (r) =>
        r.shape === 'exactly-one-of' ||
        (r.elements.every((e) => ids.has(e.id)) && (!r.when || ids.has(r.when.element.id)) && (!r.then || ids.has(r.then.element.id))),
    )
    .map((r) => ruleSchema(r, ids))
    .filter((s): s is Schema => s !== undefined);
  return {
    title: rt.label.sv,
    description: rt.definition.sv,
    type: 'object',
    properties,
    ...(required.length ? { required } : {}),
    additionalProperties: false,
    ...(rules.length ? { allOf: rules } : {}),
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
    const row = recordSchema(x.recordType, x.elements, elementRef);
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
