import type { SourceLocation } from '../diagnostics/types.js';

/**
 * The resolved catalogue: every reference is an object reference, lists of entities are sorted by
 * id, text is NFC, and everything keeps its source location. Generators see only this model.
 */

/** Text in Swedish and, where written, English. */
export interface Text {
  /** Swedish (always present in a checked catalogue; empty string only when a check reported it). */
  readonly sv: string;
  /** English, when written. */
  readonly en?: string;
}

/** Lifecycle of an entity or code. */
export type Status = 'draft' | 'active' | 'deprecated' | 'retired';

/** Where a definition or list comes from. */
export interface SourceReference {
  /** Title of the source, e.g. a statute or a publication. */
  readonly title: string;
  /** Who publishes it. */
  readonly publisher?: string;
  /** Designation, e.g. SFS or Ds number. */
  readonly reference?: string;
  /** Date of the source or of retrieval (ISO date). */
  readonly date?: string;
  /** Comment, e.g. that the list is an example. */
  readonly note?: string;
}

/** The fields every entity has. */
export interface EntityBase {
  /** Kebab-case id, equal to the file name. */
  readonly id: string;
  /** Name. */
  readonly label: Text;
  /** Definition in the catalogue's own words. */
  readonly definition: Text;
  /** Lifecycle status. */
  readonly status: Status;
  /** First day in force (ISO date). */
  readonly validFrom?: string;
  /** Last day in force (ISO date). */
  readonly validTo?: string;
  /** What changed and why. */
  readonly changeNote?: string;
  /** Where the content comes from. */
  readonly source?: SourceReference;
  /** Where the entity is defined (its `id` value). */
  readonly location: SourceLocation;
}

/** A term (begrepp). */
export interface Term extends EntityBase {
  /** Discriminator. */
  readonly kind: 'term';
  /** Term status as in Socialstyrelsen's termbank. */
  readonly termStatus: 'recommended' | 'allowed' | 'discouraged';
  /** Other words for the concept. */
  readonly synonyms: readonly string[];
  /** Comment on the definition. */
  readonly comment?: Text;
  /** Related terms, sorted by id. */
  readonly related: readonly Term[];
}

/** One code of a classification. */
export interface Code {
  /** The code value, always a string. */
  readonly code: string;
  /** The classification it belongs to. */
  readonly classification: Classification;
  /** Name. */
  readonly label: Text;
  /** Definition, when given. */
  readonly definition?: Text;
  /** Parent code in the hierarchy. */
  readonly parent?: Code;
  /** Child codes, in declared order. */
  readonly children: readonly Code[];
  /** False for grouping codes that may not be reported. */
  readonly selectable: boolean;
  /** Lifecycle status (`active` unless the code says otherwise). */
  readonly status: Status;
  /** First day in force. */
  readonly validFrom?: string;
  /** Last day in force. */
  readonly validTo?: string;
  /** Codes that replace this one (several for a split). */
  readonly replacedBy: readonly Code[];
  /** Codes this one replaces (several for a merge). */
  readonly replaces: readonly Code[];
  /** What changed and why. */
  readonly changeNote?: string;
  /** Where the code is defined (YAML or CSV). */
  readonly location: SourceLocation;
}

/** Kinds of sensitive personal data (GDPR art. 9 and 10). */
export type Sensitivity = 'health' | 'criminal-offence';

/** A classification (kodverk). */
export interface Classification extends EntityBase {
  /** Discriminator. */
  readonly kind: 'classification';
  /** Who maintains it. */
  readonly owner?: string;
  /** Edition, e.g. KSI 2022. */
  readonly edition?: string;
  /** What the codes reveal, if sensitive. */
  readonly sensitive: readonly Sensitivity[];
  /** Name of the sibling CSV file, when the codes are kept there. */
  readonly codesFile?: string;
  /** Codes in declared order. */
  readonly codes: readonly Code[];
  /** Codes by value. */
  readonly codeMap: ReadonlyMap<string, Code>;
}

/** Value types of a data element. */
export type ValueType =
  | 'string'
  | 'integer'
  | 'decimal'
  | 'boolean'
  | 'date'
  | 'code'
  | 'personal-identity-number'
  | 'organisation-number'
  | 'municipality-code';

/** Personal-data categories: the five of the proposed ordinance, representatives/relatives, and two outside it. */
export type PrivacyCategory =
  | 'identity'
  | 'investigation-decision'
  | 'intervention-activity'
  | 'actualisation-cause-ending'
  | 'administrative'
  | 'representative-relative'
  | 'goals-results'
  | 'none';

/** Privacy metadata of a data element. */
export interface Privacy {
  /** Personal-data category. */
  readonly category: PrivacyCategory;
  /** Sensitive kinds the value reveals. */
  readonly sensitive: readonly Sensitivity[];
  /** Legal basis: codes of the legal-basis classification. */
  readonly legalBasis: readonly Code[];
}

/** Constraints on a value. */
export interface Constraints {
  /** Minimum length in characters. */
  readonly minLength?: number;
  /** Maximum length in characters. */
  readonly maxLength?: number;
  /** Smallest value. */
  readonly minimum?: number;
  /** Largest value. */
  readonly maximum?: number;
  /** ECMAScript regular expression the whole value must match. */
  readonly pattern?: string;
}

/** A data element (uppgift). */
export interface DataElement extends EntityBase {
  /** Discriminator. */
  readonly kind: 'data-element';
  /** The term it is based on. */
  readonly term?: Term;
  /** Value type. */
  readonly valueType: ValueType;
  /** Classification, for code and municipality-code types. */
  readonly classification?: Classification;
  /** The codes allowed: a declared subset, or all codes of the classification. */
  readonly codes?: readonly Code[];
  /** Constraints on the value. */
  readonly constraints: Constraints;
  /** Privacy metadata (absent only when a check reported it). */
  readonly privacy?: Privacy;
}

/** How required an element is in a record. */
export type Requiredness = 'required' | 'if-documented' | 'optional';

/** A data element in a record type. */
export interface RecordElement {
  /** The element. */
  readonly element: DataElement;
  /** How required it is. */
  readonly required: Requiredness;
  /** First day it is reported (a later phase). */
  readonly validFrom?: string;
  /** Last day it is reported. */
  readonly validTo?: string;
  /** Where it is listed. */
  readonly location: SourceLocation;
}

/** Severity of a submission rule. */
export type RuleSeverity = 'fatal' | 'error' | 'warning' | 'info';

/** The fixed set of rule shapes. */
export type RuleShape =
  | 'required-if'
  | 'date-order'
  | 'within-period'
  | 'exactly-one-of'
  | 'unique-key'
  | 'reference-exists'
  | 'no-overlap'
  | 'code-valid-on-date'
  | 'range';

/** A condition on an element in a required-if rule. */
export interface Condition {
  /** The element tested. */
  readonly element: DataElement;
  /** True: must be filled in; false: must be empty. */
  readonly present?: boolean;
  /** The element has one of these codes. */
  readonly equals?: readonly Code[];
}

/** An example record: element id to value. */
export type ExampleRecord = Readonly<Record<string, string>>;

/** A rule on submitted data. */
export interface Rule {
  /** Globally unique kebab-case id. */
  readonly id: string;
  /** The record type or obligation that declares it. */
  readonly owner: RecordType | Obligation;
  /** Shape. */
  readonly shape: RuleShape;
  /** Severity of a violation. */
  readonly severity: RuleSeverity;
  /** The message a reporter sees. */
  readonly message: Text;
  /** What the rule checks and why, in plain language. */
  readonly description?: Text;
  /** The elements it touches, in the order the shape defines. */
  readonly elements: readonly DataElement[];
  /** For required-if: the condition. */
  readonly when?: Condition;
  /** For required-if: what must hold when the condition does. */
  readonly then?: Condition;
  /** For reference-exists: the record type and elements referred to. */
  readonly target?: { readonly recordType: RecordType; readonly elements: readonly DataElement[] };
  /** For no-overlap: elements that group the periods compared. */
  readonly groupBy: readonly DataElement[];
  /** For range: the smallest allowed value. */
  readonly minimum?: number;
  /** For range: the largest allowed value. */
  readonly maximum?: number;
  /** Legal basis codes. */
  readonly legalBasis: readonly Code[];
  /** First day the rule applies. */
  readonly validFrom?: string;
  /** Last day the rule applies. */
  readonly validTo?: string;
  /** One passing and one failing example (a record, or records for cross-row rules). */
  readonly examples?: { readonly pass: readonly ExampleRecord[]; readonly fail: readonly ExampleRecord[] };
  /** Where it is defined. */
  readonly location: SourceLocation;
}

/** A record type (posttyp): the unit of a submission row. */
export interface RecordType extends EntityBase {
  /** Discriminator. */
  readonly kind: 'record-type';
  /** Elements that identify a record. */
  readonly key: readonly DataElement[];
  /** The element that dates a record (code validity, reporting period). */
  readonly dateElement?: DataElement;
  /** Elements in declared order. */
  readonly elements: readonly RecordElement[];
  /** Rules in declared order. */
  readonly rules: readonly Rule[];
}

/** A reporting period kind. */
export type PeriodKind = 'month' | 'quarter' | 'year' | 'snapshot' | 'continuous';

/** A record type in an obligation. */
export interface ObligationRecordType {
  /** The record type. */
  readonly recordType: RecordType;
  /** The elements asked for (all of the record type's unless the obligation names a subset). */
  readonly elements: readonly RecordElement[];
  /** First day this record type is reported under the obligation. */
  readonly validFrom?: string;
  /** Last day. */
  readonly validTo?: string;
}

/** A reporting obligation (uppgiftsskyldighet). */
export interface Obligation extends EntityBase {
  /** Discriminator. */
  readonly kind: 'obligation';
  /** Who reports: a code of the actor classification. */
  readonly actor: Code;
  /** Activity area: a code of the area classification. */
  readonly area: Code;
  /** Whom the data is about. */
  readonly population?: Text;
  /** Legal basis codes. */
  readonly legalBasis: readonly Code[];
  /** Record types reported, in declared order. */
  readonly recordTypes: readonly ObligationRecordType[];
  /** The period a submission covers. */
  readonly period: { readonly kind: PeriodKind; readonly date?: string };
  /** When a submission is due. */
  readonly deadline: {
    readonly kind: 'day-of-next-month' | 'fixed' | 'days-after-period-end';
    readonly day?: number;
    readonly date?: string;
    readonly days?: number;
    readonly adjust: 'next-working-day' | 'none';
  };
  /** How data is sent. */
  readonly channel: 'filoverforing' | 'e-tjanst' | 'api';
  /** File formats accepted. */
  readonly formats: readonly ('csv' | 'ndjson' | 'json')[];
  /** Rules across the obligation's record types. */
  readonly rules: readonly Rule[];
}

/** Any entity. */
export type Entity = Term | Classification | DataElement | RecordType | Obligation;

/** The version class of a release's changes, as recorded in its release entry (`none`: nothing changed). */
export type ReleaseLevel = 'major' | 'minor' | 'patch' | 'none';

/** One entry of `releases` in catalogue.yaml: a published version, written by `kodkatalog release`. */
export interface Release {
  /** The version released (MAJOR.MINOR.PATCH). */
  readonly version: string;
  /** The release date (ISO date). */
  readonly date: string;
  /** The version it was compared with when it was released. */
  readonly previous?: string;
  /** The version class of the changes since `previous`. */
  readonly level?: ReleaseLevel;
  /** What changed, in a sentence. */
  readonly summary?: Text;
  /** Where the entry is (its `version` value). */
  readonly location: SourceLocation;
}

/** The manifest (catalogue.yaml). */
export interface Manifest {
  /** Catalogue id, used in schema $ids. */
  readonly id: string;
  /** Name. */
  readonly label: Text;
  /** Description. */
  readonly definition?: Text;
  /** Semantic version. */
  readonly version: string;
  /** draft or published. */
  readonly status: 'draft' | 'published';
  /** Who publishes the catalogue. */
  readonly publisher?: string;
  /** Languages of the content. */
  readonly languages: readonly ('sv' | 'en')[];
  /** What changed in this version. */
  readonly changeNote?: string;
  /** Source of the catalogue. */
  readonly source?: SourceReference;
  /** Severity overrides per check. */
  readonly checks: Readonly<Record<string, 'off' | 'info' | 'warning' | 'error'>>;
  /**
   * The previous published version to compare with, as written: a git revision (e.g. the tag
   * `v0.1.0`) or a directory relative to the catalogue folder. `check` requires the version bump to
   * cover the changes since then, and `build` shows them in the docs changelog.
   */
  readonly previousRelease?: string;
  /** Published versions in file order (oldest first, as `kodkatalog release` appends them); empty before the first release. */
  readonly releases: readonly Release[];
  /** Where it is defined. */
  readonly location: SourceLocation;
}

/** A resolved catalogue. */
export interface Catalogue {
  /** The manifest. */
  readonly manifest: Manifest;
  /** Classification of legal-basis codes (lagrum). */
  readonly legalBasisClassification?: Classification;
  /** Classification of actor types. */
  readonly actorClassification?: Classification;
  /** Classification of activity areas. */
  readonly areaClassification?: Classification;
  /** Terms by id. */
  readonly terms: readonly Term[];
  /** Classifications by id. */
  readonly classifications: readonly Classification[];
  /** Data elements by id. */
  readonly dataElements: readonly DataElement[];
  /** Record types by id. */
  readonly recordTypes: readonly RecordType[];
  /** Obligations by id. */
  readonly obligations: readonly Obligation[];
  /** All rules, by id. */
  readonly rules: readonly Rule[];
}
