/**
 * The JSON forms shared by the CLI and the docs site's "Vad ska vi rapportera?" page:
 * `ObligationsData` (what `obligationsData(catalogue)` exports from a catalogue, written to JSON by
 * the docs generator) and `ObligationsAnswer` (what `answerObligations(data, query)` returns).
 *
 * Everything here is plain data: strings, numbers, booleans, arrays and objects, no Maps, no
 * object references, no undefined inside arrays. Lists of entities are arrays sorted by id rather
 * than objects keyed by id, so an id such as `constructor` can never meet Object.prototype.
 *
 * A browser module (see ./browser.ts): types only.
 */
import type { DeadlineRule, PeriodRule, Submission } from './deadlines.js';

/** Version of the data format; bump it when a field changes meaning or disappears. */
export type ObligationsDataFormat = 1;

/** Text in Swedish and, where written, English. */
export interface TextData {
  /** Swedish. */
  readonly sv: string;
  /** English, when written. */
  readonly en?: string;
}

/** A code of a classification, as the page needs it. */
export interface CodeData {
  /** The code value. */
  readonly code: string;
  /** Name. */
  readonly label: TextData;
  /** Parent code, for hierarchies (an obligation for a parent actor applies to its children). */
  readonly parent?: string;
  /** False for grouping codes that may not be reported. */
  readonly selectable: boolean;
  /** Lifecycle status. */
  readonly status: string;
  /** First day in force. */
  readonly validFrom?: string;
  /** Last day in force. */
  readonly validTo?: string;
}

/** A classification used by an element of some obligation. */
export interface ClassificationData {
  /** Id. */
  readonly id: string;
  /** Name. */
  readonly label: TextData;
  /** Edition, e.g. KSI 2022. */
  readonly edition?: string;
  /** Who maintains it. */
  readonly owner?: string;
  /** Docs page, relative to the site root. */
  readonly doc: string;
  /** Codes in declared order. */
  readonly codes: readonly CodeData[];
}

/** A data element. */
export interface ElementData {
  /** Id. */
  readonly id: string;
  /** Name. */
  readonly label: TextData;
  /** Value type (see the model's ValueType). */
  readonly valueType: string;
  /** Classification id, for code types. */
  readonly classification?: string;
  /** The allowed code values when the element narrows its classification to a subset. */
  readonly codes?: readonly string[];
  /** Length and range constraints. */
  readonly constraints: { readonly minLength?: number; readonly maxLength?: number; readonly minimum?: number; readonly maximum?: number; readonly pattern?: string };
  /** Docs page, relative to the site root. */
  readonly doc: string;
  /** First day in force. */
  readonly validFrom?: string;
  /** Last day in force. */
  readonly validTo?: string;
}

/** An element in a record type, with its requiredness and phase. */
export interface RecordElementData {
  /** Element id. */
  readonly element: string;
  /** required, if-documented or optional. */
  readonly required: 'required' | 'if-documented' | 'optional';
  /** First day it is reported. */
  readonly validFrom?: string;
  /** Last day it is reported. */
  readonly validTo?: string;
}

/** A record type. */
export interface RecordTypeData {
  /** Id. */
  readonly id: string;
  /** Name. */
  readonly label: TextData;
  /** Key element ids. */
  readonly key: readonly string[];
  /** Elements in declared order. */
  readonly elements: readonly RecordElementData[];
  /** Ids of the record type's own rules, in declared order. */
  readonly rules: readonly string[];
  /** Docs page. */
  readonly doc: string;
  /** First day in force. */
  readonly validFrom?: string;
  /** Last day in force. */
  readonly validTo?: string;
}

/** A rule on submitted data. */
export interface RuleData {
  /** Id. */
  readonly id: string;
  /** Shape. */
  readonly shape: string;
  /** fatal, error, warning or info. */
  readonly severity: string;
  /** The message a reporter sees. */
  readonly message: TextData;
  /** The record type that declares it, or undefined for an obligation's rule. */
  readonly recordType?: string;
  /** The elements the rule reads: its elements and conditions (not `groupBy`: a missing grouping element groups as empty). */
  readonly touches: readonly string[];
  /** For reference-exists: the record type referred to and its elements. */
  readonly target?: { readonly recordType: string; readonly elements: readonly string[] };
  /** Docs page. */
  readonly doc: string;
  /** First day it applies. */
  readonly validFrom?: string;
  /** Last day it applies. */
  readonly validTo?: string;
}

/** A record type in an obligation. */
export interface ObligationRecordTypeData {
  /** Record type id. */
  readonly recordType: string;
  /** The element ids asked for (key elements included), in the record type's order. */
  readonly elements: readonly string[];
  /** First day reported under the obligation. */
  readonly validFrom?: string;
  /** Last day. */
  readonly validTo?: string;
}

/** A reporting obligation. */
export interface ObligationData {
  /** Id. */
  readonly id: string;
  /** Name. */
  readonly label: TextData;
  /** Definition. */
  readonly definition: TextData;
  /** Whom the data is about. */
  readonly population?: TextData;
  /** Lifecycle status (draft while the regulation is a proposal). */
  readonly status: string;
  /** Actor code. */
  readonly actor: string;
  /** Area code. */
  readonly area: string;
  /** Legal basis codes with their names. */
  readonly legalBasis: readonly { readonly code: string; readonly label: TextData }[];
  /** Record types in declared order. */
  readonly recordTypes: readonly ObligationRecordTypeData[];
  /** The obligation's own rules. */
  readonly rules: readonly string[];
  /** Period rule. */
  readonly period: PeriodRule;
  /** Deadline rule. */
  readonly deadline: DeadlineRule;
  /** filoverforing, e-tjanst or api. */
  readonly channel: string;
  /** File formats. */
  readonly formats: readonly string[];
  /** Docs page. */
  readonly doc: string;
  /** First day in force. */
  readonly validFrom?: string;
  /** Last day in force. */
  readonly validTo?: string;
}

/** Everything the "Vad ska vi rapportera?" page and the CLI need to answer a query. */
export interface ObligationsData {
  /** Data format version. */
  readonly format: ObligationsDataFormat;
  /** The catalogue the data comes from. */
  readonly catalogue: { readonly id: string; readonly version: string; readonly status: string; readonly label: TextData };
  /** Codes of the actor classification. */
  readonly actors: readonly CodeData[];
  /** Codes of the area classification. */
  readonly areas: readonly CodeData[];
  /** Obligations, by id. */
  readonly obligations: readonly ObligationData[];
  /** Record types used by obligations, by id. */
  readonly recordTypes: readonly RecordTypeData[];
  /** Elements used by those record types, by id. */
  readonly elements: readonly ElementData[];
  /** Classifications used by those elements, by id. */
  readonly classifications: readonly ClassificationData[];
  /** Rules of those record types and obligations, by id. */
  readonly rules: readonly RuleData[];
}

/** What to ask. Dates are `YYYY-MM-DD`. */
export type ObligationsQuery =
  /** Obligations of an actor (optionally in one area) for the year starting on `date`. */
  | { readonly actor: string; readonly area?: string; readonly date: string }
  /** Obligations of an actor (optionally in one area) with submissions due from `from` to `to`. */
  | { readonly actor: string; readonly area?: string; readonly from: string; readonly to: string }
  /** Which obligations ask for an element; narrowed by actor, area and a date or range when given. */
  | { readonly element: string; readonly actor?: string; readonly area?: string; readonly date?: string; readonly from?: string; readonly to?: string };

/** A problem with the query (an unknown code); the CLI turns it into a diagnostic. */
export type QueryProblem =
  | { readonly code: 'obligations/unknown-actor'; readonly actor: string; readonly known: readonly string[] }
  | { readonly code: 'obligations/unknown-area'; readonly area: string; readonly known: readonly string[] }
  | { readonly code: 'obligations/unknown-element'; readonly element: string };

/** A code with its name. */
export interface CodeRef {
  /** The code. */
  readonly code: string;
  /** Its name. */
  readonly label: TextData;
}

/** An element as reported in a record type on the answer's date. */
export interface ElementAnswer {
  /** Element id. */
  readonly id: string;
  /** Name. */
  readonly label: TextData;
  /** Value type. */
  readonly valueType: string;
  /** Requiredness on the date. */
  readonly required: 'required' | 'if-documented' | 'optional';
  /** True for a key element of the record type. */
  readonly key: boolean;
  /** Classification id, for code types. */
  readonly classification?: string;
  /** Constraints on the value. */
  readonly constraints: ElementData['constraints'];
  /** Docs page. */
  readonly doc: string;
}

/** A record type as reported under an obligation on the answer's date. */
export interface RecordTypeAnswer {
  /** Record type id. */
  readonly id: string;
  /** Name. */
  readonly label: TextData;
  /** Key element ids. */
  readonly key: readonly string[];
  /** Elements in force on the date, in the record type's order. */
  readonly elements: readonly ElementAnswer[];
  /** Docs page. */
  readonly doc: string;
}

/** A rule active on the answer's date. */
export interface RuleAnswer {
  /** Rule id. */
  readonly id: string;
  /** Shape. */
  readonly shape: string;
  /** Severity. */
  readonly severity: string;
  /** Message. */
  readonly message: TextData;
  /** Declaring record type; undefined for the obligation's own rule. */
  readonly recordType?: string;
  /** Elements it touches. */
  readonly elements: readonly string[];
  /** Docs page. */
  readonly doc: string;
}

/** A classification used on the answer's date, with the codes that may be reported that day. */
export interface ClassificationAnswer {
  /** Classification id. */
  readonly id: string;
  /** Name. */
  readonly label: TextData;
  /** Edition. */
  readonly edition?: string;
  /** Docs page. */
  readonly doc: string;
  /** The elements (in this obligation) that use it. */
  readonly elements: readonly string[];
  /** Codes valid on the date that some element here allows, in declared order. */
  readonly codes: readonly { readonly code: string; readonly label: TextData; readonly selectable: boolean }[];
}

/** Something that starts or stops being asked for within the answer's range. */
export interface ChangeAnswer {
  /** First day of the new state. */
  readonly date: string;
  /** added or removed. */
  readonly change: 'added' | 'removed';
  /** What changes. */
  readonly subject: 'record-type' | 'element' | 'rule' | 'code';
  /** Record type concerned (record-type and element changes, record-type rules). */
  readonly recordType?: string;
  /** Element concerned (element changes). */
  readonly element?: string;
  /** Requiredness of an added element. */
  readonly required?: 'required' | 'if-documented' | 'optional';
  /** Rule concerned. */
  readonly rule?: string;
  /** Classification and code concerned (code changes). */
  readonly classification?: string;
  /** The code. */
  readonly code?: string;
  /** Name of the record type, element, rule message or code. */
  readonly label: TextData;
}

/** One obligation in an answer. */
export interface ObligationAnswer {
  /** Obligation id. */
  readonly id: string;
  /** Name. */
  readonly label: TextData;
  /** Definition. */
  readonly definition: TextData;
  /** Whom the data is about. */
  readonly population?: TextData;
  /** Lifecycle status. */
  readonly status: string;
  /** Actor. */
  readonly actor: CodeRef;
  /** Area. */
  readonly area: CodeRef;
  /** First day in force. */
  readonly validFrom?: string;
  /** Last day in force. */
  readonly validTo?: string;
  /** The date the record types, elements, rules and codes describe: the query date, or the first day in force when that is later. */
  readonly asOf: string;
  /** Legal basis. */
  readonly legalBasis: readonly CodeRef[];
  /** Period rule. */
  readonly period: PeriodRule;
  /** Deadline rule. */
  readonly deadline: DeadlineRule;
  /** Channel. */
  readonly channel: string;
  /** Formats. */
  readonly formats: readonly string[];
  /** Docs page. */
  readonly doc: string;
  /** Record types in force on `asOf`. */
  readonly recordTypes: readonly RecordTypeAnswer[];
  /** Rules active on `asOf`, by id. */
  readonly rules: readonly RuleAnswer[];
  /** Classifications used on `asOf`, by id. */
  readonly classifications: readonly ClassificationAnswer[];
  /** What changes after `asOf` up to the end of the range, in date order. */
  readonly changes: readonly ChangeAnswer[];
  /** Submissions due in the range, in due-date order (none for a continuous period). */
  readonly submissions: readonly Submission[];
}

/** One use of an element by an obligation. */
export interface ElementUse {
  /** Obligation id. */
  readonly obligation: string;
  /** Obligation name. */
  readonly label: TextData;
  /** Actor. */
  readonly actor: CodeRef;
  /** Area. */
  readonly area: CodeRef;
  /** Record type id. */
  readonly recordType: string;
  /** Record type name. */
  readonly recordTypeLabel: TextData;
  /** Requiredness. */
  readonly required: 'required' | 'if-documented' | 'optional';
  /** First day the element is asked for under this obligation (the latest of all phases). */
  readonly validFrom?: string;
  /** Last day (the earliest of all phases). */
  readonly validTo?: string;
  /** Obligation docs page. */
  readonly doc: string;
}

/** The answer to a query. */
export interface ObligationsAnswer {
  /** The catalogue answered from. */
  readonly catalogue: ObligationsData['catalogue'];
  /** The query as understood (a `date` query gets its range). */
  readonly query: {
    readonly actor?: CodeRef;
    readonly area?: CodeRef;
    readonly element?: { readonly id: string; readonly label: TextData; readonly doc: string };
    readonly date?: string;
    readonly from?: string;
    readonly to?: string;
  };
  /** Obligations with submissions or structure in the range (actor queries). */
  readonly obligations: readonly ObligationAnswer[];
  /** Uses of the element (element queries), by obligation and record type. */
  readonly elementUses: readonly ElementUse[];
  /** Problems with the query; when there are any, the lists are empty. */
  readonly problems: readonly QueryProblem[];
}
