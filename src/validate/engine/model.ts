/**
 * The ValidationModel: everything the validation engine needs from a catalogue, as plain JSON.
 *
 * It is built once from the resolved catalogue (src/validate/model-builder.ts) and shipped with the
 * generated validators, so the CLI, a vendor's code and a browser page run the same checks from the
 * same data. Lists are sorted by id and optional keys are left out, so the JSON is byte-stable.
 */

/** Text in Swedish and, where the catalogue has it, English. */
export interface ModelText {
  /** Swedish. */
  readonly sv: string;
  /** English, when written. */
  readonly en?: string;
}

/** Value types, as in the catalogue. */
export type ModelValueType =
  | 'string'
  | 'integer'
  | 'decimal'
  | 'boolean'
  | 'date'
  | 'code'
  | 'personal-identity-number'
  | 'organisation-number'
  | 'municipality-code';

/** Severity of a finding: `fatal` means the file cannot be received, `error` that the row is rejected. */
export type FindingSeverity = 'fatal' | 'error' | 'warning' | 'info';

/**
 * When codes are valid: from the code at `index` on (up to the next run), the first and last day
 * (ISO dates, null for no bound).
 */
export type ModelValidityRun = readonly [index: number, validFrom: string | null, validTo: string | null];

/**
 * A classification: its codes with validity. The codes are one text, and what only some have is
 * kept apart: JSON.parse reads a list of 50,000 codes as one string in 2 ms, as 50,000 strings in
 * some 12 ms and as 50,000 objects in 25 (each thread of `kodkatalog validate` reads the model).
 */
export interface ModelClassification {
  /** Classification id. */
  readonly id: string;
  /** Name, for messages. */
  readonly label: ModelText;
  /** Every code, selectable or not, in declared order, each followed by one space but the last (a code has no white space). */
  readonly codes: string;
  /** Indices in `codes` of the grouping codes, which may not be reported, ascending (absent: none). */
  readonly groups?: readonly number[];
  /** When the codes are valid, in runs of codes in declared order, the first from index 0 (absent: always). */
  readonly validity?: readonly ModelValidityRun[];
}

/** Constraints on an element's value (string constraints apply to the written form of any string type). */
export interface ModelConstraints {
  /** Fewest characters (Unicode code points). */
  readonly minLength?: number;
  /** Most characters (Unicode code points). */
  readonly maxLength?: number;
  /** Smallest number. */
  readonly minimum?: number;
  /** Largest number. */
  readonly maximum?: number;
  /** Regular expression the whole value must match. */
  readonly pattern?: string;
}

/** A data element: what a value must look like. */
export interface ModelElement {
  /** Element id (the field name in a record). */
  readonly id: string;
  /** Name, for messages. */
  readonly label: ModelText;
  /** Value type. */
  readonly valueType: ModelValueType;
  /** Classification id, for code and municipality-code. */
  readonly classification?: string;
  /** The codes this element may use, when narrower than the classification (grouping codes are never allowed): as ModelClassification's. */
  readonly codes?: string;
  /** Constraints (left out when there are none). */
  readonly constraints?: ModelConstraints;
}

/** How required an element is in a record type. */
export type ModelRequiredness = 'required' | 'if-documented' | 'optional';

/** An element in a record type, with its phase. */
export interface ModelRecordElement {
  /** Data element id. */
  readonly element: string;
  /** How required it is. */
  readonly required: ModelRequiredness;
  /** First day it is part of the record type: the later of the element's and the record type entry's. */
  readonly validFrom?: string;
  /** Last day it is part of the record type: the earlier of the element's and the record type entry's. */
  readonly validTo?: string;
}

/** The rule shapes, as in the catalogue. */
export type ModelRuleShape =
  | 'required-if'
  | 'date-order'
  | 'within-period'
  | 'exactly-one-of'
  | 'unique-key'
  | 'reference-exists'
  | 'no-overlap'
  | 'code-valid-on-date'
  | 'range';

/** A condition of a required-if rule. */
export interface ModelCondition {
  /** Element id. */
  readonly element: string;
  /** True: must be given; false: must be empty. */
  readonly present?: boolean;
  /** The element has one of these codes. */
  readonly equals?: readonly string[];
}

/** A rule on submitted data. */
export interface ModelRule {
  /** Catalogue rule id. */
  readonly id: string;
  /** Shape. */
  readonly shape: ModelRuleShape;
  /** Severity of a violation. */
  readonly severity: FindingSeverity;
  /** The message a reporter sees. */
  readonly message: ModelText;
  /** Element ids, in the order the shape defines. */
  readonly elements: readonly string[];
  /** required-if: the condition. */
  readonly when?: ModelCondition;
  /** required-if: what must hold when the condition does. */
  readonly then?: ModelCondition;
  /** reference-exists: the record type and element ids referred to. */
  readonly target?: { readonly recordType: string; readonly elements: readonly string[] };
  /** no-overlap: element ids that group the periods compared. */
  readonly groupBy?: readonly string[];
  /** range: smallest allowed value. */
  readonly minimum?: number;
  /** range: largest allowed value. */
  readonly maximum?: number;
  /** First day the rule applies. */
  readonly validFrom?: string;
  /** Last day the rule applies. */
  readonly validTo?: string;
}

/** A record type: one row of a submission. */
export interface ModelRecordType {
  /** Record type id. */
  readonly id: string;
  /** Name, for messages. */
  readonly label: ModelText;
  /** Element ids that identify a record. */
  readonly key: readonly string[];
  /** Element id of the date that dates a record (code validity, phases without a period). */
  readonly dateElement?: string;
  /** Elements in declared order. */
  readonly elements: readonly ModelRecordElement[];
  /** The record type's own rules, in declared order. */
  readonly rules: readonly ModelRule[];
}

/** Reporting period kinds. */
export type ModelPeriodKind = 'month' | 'quarter' | 'year' | 'snapshot' | 'continuous';

/** A record type reported under an obligation. */
export interface ModelObligationRecordType {
  /** Record type id. */
  readonly recordType: string;
  /** Element ids asked for, when a subset (the key is always included); left out for all. */
  readonly elements?: readonly string[];
  /** First day it is reported: the later of the record type's and the obligation entry's. */
  readonly validFrom?: string;
  /** Last day it is reported: the earlier of the record type's and the obligation entry's. */
  readonly validTo?: string;
}

/** An obligation's rule, with the record types it is checked on. */
export interface ModelObligationRule extends ModelRule {
  /** Record types of the obligation that have every element the rule touches (the target excluded). */
  readonly recordTypes: readonly string[];
}

/** A reporting obligation. */
export interface ModelObligation {
  /** Obligation id. */
  readonly id: string;
  /** Name, for messages. */
  readonly label: ModelText;
  /** The period a submission covers; `date` is `--MM-DD` for a snapshot. */
  readonly period: { readonly kind: ModelPeriodKind; readonly date?: string };
  /** First day the obligation applies. */
  readonly validFrom?: string;
  /** Last day it applies. */
  readonly validTo?: string;
  /** Record types reported, in declared order. */
  readonly recordTypes: readonly ModelObligationRecordType[];
  /** Rules across the obligation's record types. */
  readonly rules: readonly ModelObligationRule[];
}

/** The model format's version, written into every model; the engine reads this version only. */
export const MODEL_VERSION = 3;

/** The whole model. */
export interface ValidationModel {
  /** Format version of this model; the engine refuses a model it does not know. */
  readonly modelVersion: typeof MODEL_VERSION;
  /** The catalogue it was built from. */
  readonly catalogue: { readonly id: string; readonly version: string };
  /** Classifications used by record types' elements, by id. */
  readonly classifications: readonly ModelClassification[];
  /** Data elements used by record types, by id. */
  readonly elements: readonly ModelElement[];
  /** Record types, by id. */
  readonly recordTypes: readonly ModelRecordType[];
  /** Obligations, by id. */
  readonly obligations: readonly ModelObligation[];
}
