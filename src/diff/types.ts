import type { Text } from '../model/types.js';

/**
 * The result of comparing two resolved catalogues. Plain JSON data (no object references), so it
 * can be written as `--format json`, stored beside a release, and read by other tools.
 */

/** What happened to the thing a change points at. */
export type ChangeKind = 'added' | 'removed' | 'changed' | 'deprecated' | 'replaced';

/** Every change kind, in the order summaries list them. */
export const CHANGE_KINDS: readonly ChangeKind[] = ['added', 'removed', 'changed', 'deprecated', 'replaced'];

/** The semantic-version class a change needs: major breaks, minor adds or loosens, patch is text only. */
export type SemverLevel = 'major' | 'minor' | 'patch';

/** The class of a whole diff: `none` when nothing changed. */
export type DiffLevel = SemverLevel | 'none';

/** Ranks of levels, for taking the largest. */
export const LEVEL_RANK: Readonly<Record<DiffLevel, number>> = { none: 0, patch: 1, minor: 2, major: 3 };

/** The kinds of top-level thing a catalogue holds (the manifest included). */
export type DiffEntityKind = 'manifest' | 'term' | 'classification' | 'data-element' | 'record-type' | 'obligation';

/** The kinds of part inside an entity that have their own identity. */
export type DiffItemKind = 'code' | 'element' | 'record-type' | 'rule';

/**
 * What a change means for municipalities and providers that report. One code per change; the
 * renderers turn it into a sentence.
 */
export type ReporterImpact =
  | 'new-required-element'
  | 'new-optional-element'
  | 'removed-element'
  | 'now-required'
  | 'no-longer-required'
  | 'changed-requiredness'
  | 'new-code'
  | 'removed-code'
  | 'deprecated-code'
  | 'replaced-code'
  | 'code-validity'
  | 'changed-value'
  | 'new-obligation'
  | 'removed-obligation'
  | 'new-record-type'
  | 'removed-record-type'
  | 'changed-phase'
  | 'changed-deadline'
  | 'changed-period'
  | 'changed-channel'
  | 'changed-formats'
  | 'changed-scope'
  | 'new-rule'
  | 'changed-rule'
  | 'removed-rule';

/** What a change means for the JSON Schemas and types that system vendors build on. */
export type VendorImpact =
  | 'type-changed'
  | 'values-added'
  | 'values-removed'
  | 'constraint-tightened'
  | 'constraint-loosened'
  | 'constraint-changed'
  | 'property-added'
  | 'property-removed'
  | 'property-required'
  | 'property-optional'
  | 'schema-added'
  | 'schema-removed'
  | 'rule-added'
  | 'rule-removed'
  | 'rule-changed';

/** A JSON value, as stored in `before` and `after`. */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** The entity a change belongs to. */
export interface EntityRef {
  /** Kind of entity. */
  readonly kind: DiffEntityKind;
  /** Its id (the catalogue id for the manifest). */
  readonly id: string;
}

/** A part of an entity with its own identity: a code, a record type's element, a rule. */
export interface ItemRef {
  /** Kind of part. */
  readonly kind: DiffItemKind;
  /** The code value, element id, record type id or rule id. */
  readonly id: string;
  /** For codes: the label (in the newer version when it exists there), so a reader need not look it up. */
  readonly label?: Text;
}

/** One difference between the two catalogues. */
export interface Change {
  /** What happened. */
  readonly kind: ChangeKind;
  /** The entity it belongs to. */
  readonly entity: EntityRef;
  /** The part of the entity, when the change is about one. */
  readonly item?: ItemRef;
  /**
   * JSON pointer inside the entity, keyed by ids rather than list positions so it survives
   * reordering: `/codes/0114/label/sv`, `/elements/slutdatum/required`, `/rules/<id>/severity`.
   */
  readonly pointer: string;
  /** The value before (absent when added). */
  readonly before?: JsonValue;
  /** The value after (absent when removed). */
  readonly after?: JsonValue;
  /** The version class this change needs on its own. */
  readonly level: SemverLevel;
  /** What it means for reporters, when anything. */
  readonly reporters?: ReporterImpact;
  /** What it means for vendors' schemas and types, when anything. */
  readonly vendors?: VendorImpact;
}

/** How two versions of a JSON Schema relate. */
export type Compatibility = 'full' | 'backward' | 'forward' | 'none';

/** What one keyword difference does to the set of accepted documents. */
export type SchemaEffect = 'tightened' | 'loosened' | 'changed';

/** One difference between two versions of a generated JSON Schema. */
export interface SchemaDifference {
  /** Where, as a path through properties (refs followed), e.g. `/items/oneOf/post-insats/properties/slutdatum`. */
  readonly pointer: string;
  /** The keyword that differs, e.g. `enum`, `required`, `maxLength`. */
  readonly keyword: string;
  /**
   * `tightened`: the new schema accepts less (some old data is rejected); `loosened`: it accepts
   * more (new data may be rejected by the old schema); `changed`: both, or undecidable (patterns).
   */
  readonly effect: SchemaEffect;
}

/** The compatibility of one generated schema file between the two versions. */
export interface SchemaComparison {
  /** Path as built, e.g. `json-schema/record-types/insats.schema.json`. */
  readonly path: string;
  /** `added` or `removed` when the file exists in one version only. */
  readonly status: 'added' | 'removed' | 'compared';
  /**
   * For compared files: `backward` when data valid under the old schema is valid under the new,
   * `forward` when data valid under the new is valid under the old (an old validator accepts new
   * files), `full` when both, `none` when neither.
   */
  readonly compatibility?: Compatibility;
  /** The differences that decide it (none when full). */
  readonly differences: readonly SchemaDifference[];
}

/** The comparison of two catalogues. */
export interface CatalogueDiff {
  /** The older catalogue. */
  readonly from: { readonly id: string; readonly version: string };
  /** The newer catalogue. */
  readonly to: { readonly id: string; readonly version: string };
  /** The version class the whole diff needs: the largest of its changes and schema comparisons. */
  readonly level: DiffLevel;
  /** Number of changes of each kind. */
  readonly counts: Readonly<Record<ChangeKind, number>>;
  /** Every change, ordered by entity kind, entity id, then place in the entity. */
  readonly changes: readonly Change[];
  /** Compatibility of each generated JSON Schema, when the schemas were given. */
  readonly schemas?: readonly SchemaComparison[];
}
