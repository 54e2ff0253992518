import type { Catalogue, Classification, DataElement, Obligation, RecordType, Rule, Status } from '../model/types.js';
import { compareSchemas, compatibilityOf } from './schema-compat.js';
import { Keyed, snapshot, StringSet, toJson, type Snap } from './snapshot.js';
import {
  CHANGE_KINDS,
  LEVEL_RANK,
  type CatalogueDiff,
  type Change,
  type ChangeKind,
  type DiffEntityKind,
  type DiffLevel,
  type ItemRef,
  type ReporterImpact,
  type SchemaComparison,
  type SemverLevel,
  type VendorImpact,
} from './types.js';

/** Generated files to compare as JSON Schemas: path and contents, e.g. the json-schema generator's output. */
export interface SchemaFile {
  /** Path, e.g. `json-schema/record-types/insats.schema.json`. */
  readonly path: string;
  /** The JSON text. */
  readonly contents: string | Uint8Array;
}

/** Options for {@link diffCatalogues}. */
export interface DiffOptions {
  /**
   * The generated JSON Schemas of both versions. When given, each file's compatibility is decided
   * by comparing the schemas themselves, and it counts towards the diff's version class.
   */
  readonly schemas?: { readonly before: readonly SchemaFile[]; readonly after: readonly SchemaFile[] };
}

/** One difference found by walking two views, before it is given a meaning. */
interface RawDifference {
  readonly op: 'add' | 'remove' | 'change';
  readonly path: readonly string[];
  readonly before?: Snap;
  readonly after?: Snap;
}

/** The meaning of a raw difference. */
interface Verdict {
  readonly kind: ChangeKind;
  readonly level: SemverLevel;
  readonly reporters?: ReporterImpact;
  readonly vendors?: VendorImpact;
  readonly item?: ItemRef;
}

const isPlain = (s: Snap): s is { readonly [key: string]: Snap } =>
  typeof s === 'object' && s !== null && !Array.isArray(s) && !(s instanceof Keyed) && !(s instanceof StringSet);

function same(a: Snap, b: Snap): boolean {
  return JSON.stringify(toJson(a)) === JSON.stringify(toJson(b));
}

/** Walks two views in step; keyed maps key by key (declared order, then what was removed), sets member by member. */
function walk(path: string[], a: Snap, b: Snap, out: RawDifference[]): void {
  if (a === undefined && b === undefined) return;
  if (a === undefined) return void out.push({ op: 'add', path, after: b });
  if (b === undefined) return void out.push({ op: 'remove', path, before: a });
  if (a instanceof Keyed && b instanceof Keyed) {
    const keys = [...b.entries.keys(), ...[...a.entries.keys()].filter((k) => !b.entries.has(k))];
    for (const k of keys) walk([...path, k], a.entries.get(k), b.entries.get(k), out);
    return;
  }
  if (a instanceof StringSet && b instanceof StringSet) {
    const as = new Set(a.values);
    const bs = new Set(b.values);
    for (const v of b.values) if (!as.has(v)) out.push({ op: 'add', path: [...path, v], after: v });
    for (const v of a.values) if (!bs.has(v)) out.push({ op: 'remove', path: [...path, v], before: v });
    return;
  }
  if (isPlain(a) && isPlain(b)) {
    const keys = [...Object.keys(b), ...Object.keys(a).filter((k) => !(k in b))];
    for (const k of keys) walk([...path, k], a[k], b[k], out);
    return;
  }
  if (!same(a, b)) out.push({ op: 'change', path, before: a, after: b });
}

const STATUS_RANK: Readonly<Record<Status, number>> = { draft: 0, active: 1, deprecated: 2, retired: 3 };
const TEXT_KEYS = new Set(['label', 'definition', 'source', 'comment', 'synonyms', 'related', 'termStatus', 'owner', 'edition', 'term', 'message', 'description', 'examples', 'publisher', 'languages']);
const SET_KEYS = new Set(['synonyms', 'related', 'languages']);
const rejects = (r: Rule | undefined): boolean => r !== undefined && (r.severity === 'fatal' || r.severity === 'error');

/** A status move: towards retired is a deprecation (retiring removes the thing for new data: major). */
function statusVerdict(before: Snap, after: Snap): Pick<Verdict, 'kind' | 'level'> {
  const b = STATUS_RANK[before as Status] ?? 0;
  const a = STATUS_RANK[after as Status] ?? 0;
  if (after === 'retired' && before !== 'retired') return { kind: 'deprecated', level: 'major' };
  if (after === 'deprecated' && b < a) return { kind: 'deprecated', level: 'minor' };
  return { kind: 'changed', level: 'minor' };
}

/**
 * True when a validity bound moved so that the thing is valid for fewer days: a start that appears
 * or moves later, an end that appears or moves earlier. ISO dates compare as strings.
 */
function narrows(bound: 'validFrom' | 'validTo', before: Snap, after: Snap): boolean {
  if (after === undefined) return false;
  if (before === undefined) return true;
  return bound === 'validFrom' ? (after as string) > (before as string) : (after as string) < (before as string);
}

/** Codes an element accepts in its schema: the declared subset or the classification's, selectable only. */
function effectiveCodes(e: DataElement | undefined): Set<string> {
  return new Set((e?.codes ?? e?.classification?.codes ?? []).filter((c) => c.selectable).map((c) => c.code));
}

/** The resolved objects of one entity in both versions, for interpreting a difference. */
interface Pair<T> {
  readonly before?: T;
  readonly after?: T;
}

function interpret(kind: DiffEntityKind, d: RawDifference, pair: Pair<unknown>): Verdict {
  const [head, ...rest] = d.path;
  if (head === undefined) return entityVerdict(kind, d);
  switch (kind) {
    case 'classification':
      if (head === 'codes' && rest.length > 0) return codeVerdict(d, rest, pair as Pair<Classification>);
      if (head === 'codeOrder') return { kind: 'changed', level: 'patch' };
      if (head === 'sensitive') return { kind: kindOf(d), level: 'minor' };
      break;
    case 'data-element':
      return elementVerdict(d, head, rest, pair as Pair<DataElement>);
    case 'record-type':
      return recordTypeVerdict(d, head, rest, pair as Pair<RecordType>);
    case 'obligation':
      return obligationVerdict(d, head, rest, pair as Pair<Obligation>);
    case 'manifest':
      return { kind: 'changed', level: head === 'id' ? 'major' : 'patch' };
    case 'term':
      break;
  }
  return commonVerdict(kind, d, head);
}

/** Keys every entity has. */
function commonVerdict(kind: DiffEntityKind, d: RawDifference, head: string): Verdict {
  if (TEXT_KEYS.has(head)) return { kind: SET_KEYS.has(head) && d.path.length > 1 ? kindOf(d) : 'changed', level: 'patch' };
  if (head === 'status') return { ...statusVerdict(d.before, d.after), ...(kind === 'obligation' ? { reporters: 'changed-scope' as const } : {}) };
  if (head === 'validFrom' || head === 'validTo') return { kind: 'changed', level: 'minor', ...(kind === 'obligation' ? { reporters: 'changed-phase' as const } : {}) };
  return { kind: kindOf(d), level: 'minor' };
}

/** add/remove of a set member or keyed item reads as added/removed; anything else as changed. */
function kindOf(d: RawDifference): ChangeKind {
  return d.op === 'add' ? 'added' : d.op === 'remove' ? 'removed' : 'changed';
}

function entityVerdict(kind: DiffEntityKind, d: RawDifference): Verdict {
  const added = d.op === 'add';
  switch (kind) {
    case 'record-type':
      return added ? { kind: 'added', level: 'minor', vendors: 'schema-added' } : { kind: 'removed', level: 'major', reporters: 'removed-record-type', vendors: 'schema-removed' };
    case 'obligation':
      return added
        ? { kind: 'added', level: 'minor', reporters: 'new-obligation', vendors: 'schema-added' }
        : { kind: 'removed', level: 'major', reporters: 'removed-obligation', vendors: 'schema-removed' };
    default:
      return added ? { kind: 'added', level: 'minor' } : { kind: 'removed', level: 'major' };
  }
}

function codeVerdict(d: RawDifference, [value, field]: readonly string[], pair: Pair<Classification>): Verdict {
  const code = pair.after?.codeMap.get(value!) ?? pair.before?.codeMap.get(value!);
  const item: ItemRef = { kind: 'code', id: value!, ...(code ? { label: code.label } : {}) };
  const old = pair.before?.codeMap.get(value!);
  if (field === undefined) {
    // A grouping code is not in any schema's enum, so only a reportable code touches vendors.
    if (d.op === 'add') return { kind: 'added', level: 'minor', reporters: 'new-code', ...(code?.selectable ? { vendors: 'values-added' as const } : {}), item };
    return { kind: 'removed', level: 'major', reporters: 'removed-code', ...(old?.selectable ? { vendors: 'values-removed' as const } : {}), item };
  }
  switch (field) {
    case 'label':
    case 'definition':
      return { kind: 'changed', level: 'patch', item };
    case 'parent':
      return { kind: 'changed', level: 'minor', item };
    case 'selectable':
      return d.after === false
        ? { kind: 'changed', level: 'major', reporters: 'removed-code', vendors: 'values-removed', item }
        : { kind: 'changed', level: 'minor', reporters: 'new-code', vendors: 'values-added', item };
    case 'status': {
      const s = statusVerdict(d.before, d.after);
      const reporters: ReporterImpact | undefined = d.after === 'retired' ? 'removed-code' : s.kind === 'deprecated' ? 'deprecated-code' : undefined;
      return { ...s, ...(reporters ? { reporters } : {}), item };
    }
    case 'validFrom':
    case 'validTo':
      return { kind: 'changed', level: narrows(field, d.before, d.after) ? 'major' : 'minor', reporters: 'code-validity', item };
    case 'replacedBy':
      return { kind: 'replaced', level: 'minor', reporters: 'replaced-code', item };
    default:
      return { kind: 'changed', level: 'minor', item };
  }
}

function constraintVerdict(d: RawDifference, key: string): Verdict {
  if (key === 'pattern' && d.op === 'change') return { kind: 'changed', level: 'major', reporters: 'changed-value', vendors: 'constraint-changed' };
  const lower = key === 'minLength' || key === 'minimum';
  let tighter: boolean;
  if (d.op === 'add') tighter = true;
  else if (d.op === 'remove') tighter = false;
  else tighter = lower ? (d.after as number) > (d.before as number) : (d.after as number) < (d.before as number);
  return tighter
    ? { kind: 'changed', level: 'major', reporters: 'changed-value', vendors: 'constraint-tightened' }
    : { kind: 'changed', level: 'minor', vendors: 'constraint-loosened' };
}

function elementVerdict(d: RawDifference, head: string, rest: readonly string[], pair: Pair<DataElement>): Verdict {
  switch (head) {
    case 'valueType':
      // integer → decimal only widens (every integer is a decimal); anything else changes what is sent.
      if (d.before === 'integer' && d.after === 'decimal') return { kind: 'changed', level: 'minor', vendors: 'type-changed' };
      return { kind: 'changed', level: 'major', reporters: 'changed-value', vendors: 'type-changed' };
    case 'classification':
      return { kind: 'changed', level: 'major', reporters: 'changed-value', vendors: 'type-changed' };
    case 'codes': {
      if (rest.length > 0) {
        return d.op === 'add'
          ? { kind: 'added', level: 'minor', reporters: 'new-code', vendors: 'values-added', item: { kind: 'code', id: rest[0]! } }
          : { kind: 'removed', level: 'major', reporters: 'removed-code', vendors: 'values-removed', item: { kind: 'code', id: rest[0]! } };
      }
      // A subset declared or dropped: what counts is the set of codes accepted before and after.
      const b = effectiveCodes(pair.before);
      const a = effectiveCodes(pair.after);
      if ([...b].some((c) => !a.has(c))) return { kind: 'changed', level: 'major', reporters: 'removed-code', vendors: 'values-removed' };
      if ([...a].some((c) => !b.has(c))) return { kind: 'changed', level: 'minor', reporters: 'new-code', vendors: 'values-added' };
      return { kind: 'changed', level: 'patch' };
    }
    case 'constraints':
      return constraintVerdict(d, rest[0] ?? '');
    case 'privacy':
      return { kind: rest.length > 1 ? kindOf(d) : 'changed', level: 'minor' };
  }
  return commonVerdict('data-element', d, head);
}

function ruleVerdict(d: RawDifference, id: string, field: string | undefined, before: Rule | undefined, after: Rule | undefined): Verdict {
  const item: ItemRef = { kind: 'rule', id };
  if (field === undefined) {
    if (d.op === 'add') return rejects(after) ? { kind: 'added', level: 'major', reporters: 'new-rule', vendors: 'rule-added', item } : { kind: 'added', level: 'minor', reporters: 'new-rule', item };
    return { kind: 'removed', level: 'minor', reporters: 'removed-rule', ...(rejects(before) ? { vendors: 'rule-removed' as const } : {}), item };
  }
  const strict = rejects(after) || rejects(before);
  switch (field) {
    case 'message':
    case 'description':
    case 'examples':
      return { kind: 'changed', level: 'patch', item };
    case 'severity':
      if (!rejects(before) && rejects(after)) return { kind: 'changed', level: 'major', reporters: 'changed-rule', vendors: 'rule-changed', item };
      return { kind: 'changed', level: 'minor', reporters: 'changed-rule', ...(rejects(before) ? { vendors: 'rule-changed' as const } : {}), item };
    case 'minimum':
    case 'maximum': {
      const tighter = d.op === 'add' || (d.op === 'change' && (field === 'minimum' ? (d.after as number) > (d.before as number) : (d.after as number) < (d.before as number)));
      return { kind: 'changed', level: tighter && strict ? 'major' : 'minor', reporters: 'changed-rule', vendors: 'rule-changed', item };
    }
    case 'validFrom':
    case 'validTo':
      // A rule that applies on more days rejects more: the opposite of an element's validity.
      return { kind: 'changed', level: strict && !narrows(field, d.before, d.after) ? 'major' : 'minor', reporters: 'changed-rule', item };
    case 'legalBasis':
      return { kind: kindOf(d), level: 'minor', item };
    default:
      return { kind: 'changed', level: strict ? 'major' : 'minor', reporters: 'changed-rule', vendors: 'rule-changed', item };
  }
}

function rulesOf(e: RecordType | Obligation | undefined): ReadonlyMap<string, Rule> {
  return new Map((e?.rules ?? []).map((r) => [r.id, r]));
}

function recordTypeVerdict(d: RawDifference, head: string, rest: readonly string[], pair: Pair<RecordType>): Verdict {
  switch (head) {
    case 'key':
    case 'dateElement':
      return { kind: 'changed', level: 'major', reporters: 'changed-rule' };
    case 'elementOrder':
      return { kind: 'changed', level: 'patch' };
    case 'elements': {
      const id = rest[0]!;
      const field = rest[1];
      const item: ItemRef = { kind: 'element', id };
      const now = pair.after?.elements.find((x) => x.element.id === id);
      if (field === undefined) {
        if (d.op === 'remove') return { kind: 'removed', level: 'major', reporters: 'removed-element', vendors: 'property-removed', item };
        if (now?.required === 'required') {
          return { kind: 'added', level: 'major', reporters: 'new-required-element', vendors: now.validFrom || now.validTo ? 'property-added' : 'property-required', item };
        }
        return { kind: 'added', level: 'minor', reporters: 'new-optional-element', vendors: 'property-added', item };
      }
      if (field === 'required') {
        if (d.after === 'required') return { kind: 'changed', level: 'major', reporters: 'now-required', vendors: 'property-required', item };
        if (d.before === 'required') return { kind: 'changed', level: 'minor', reporters: 'no-longer-required', vendors: 'property-optional', item };
        // optional ↔ if-documented: neither is in the schema's `required`, but the duty to report differs.
        return { kind: 'changed', level: 'minor', reporters: 'changed-requiredness', item };
      }
      if (field === 'validFrom') {
        // A required element asked for from an earlier day (or from the start) is a stricter requirement.
        const required = now?.required === 'required';
        return { kind: 'changed', level: required && d.op !== 'add' && !narrows('validFrom', d.before, d.after) ? 'major' : 'minor', reporters: 'changed-phase', item };
      }
      if (field === 'validTo') {
        // An element that stops being reported earlier is removed from that day.
        return { kind: 'changed', level: narrows('validTo', d.before, d.after) ? 'major' : 'minor', reporters: 'changed-phase', item };
      }
      return { kind: 'changed', level: 'minor', item };
    }
    case 'rules':
      return ruleVerdict(d, rest[0]!, rest[1], rulesOf(pair.before).get(rest[0]!), rulesOf(pair.after).get(rest[0]!));
  }
  return commonVerdict('record-type', d, head);
}

function obligationVerdict(d: RawDifference, head: string, rest: readonly string[], pair: Pair<Obligation>): Verdict {
  switch (head) {
    case 'actor':
    case 'area':
      return { kind: 'changed', level: 'major', reporters: 'changed-scope' };
    case 'population':
      return { kind: 'changed', level: 'minor', reporters: 'changed-scope' };
    case 'legalBasis':
      return { kind: kindOf(d), level: 'minor' };
    case 'period':
      return { kind: 'changed', level: 'major', reporters: 'changed-period' };
    case 'deadline':
      return { kind: 'changed', level: 'minor', reporters: 'changed-deadline' };
    case 'channel':
      return { kind: 'changed', level: 'major', reporters: 'changed-channel' };
    case 'formats':
      return d.op === 'add' ? { kind: 'added', level: 'minor', reporters: 'changed-formats' } : { kind: 'removed', level: 'major', reporters: 'changed-formats' };
    case 'rules':
      return ruleVerdict(d, rest[0]!, rest[1], rulesOf(pair.before).get(rest[0]!), rulesOf(pair.after).get(rest[0]!));
    case 'recordTypes': {
      const id = rest[0]!;
      const field = rest[2] !== undefined ? 'element' : rest[1];
      const item: ItemRef = { kind: 'record-type', id };
      if (field === undefined) {
        return d.op === 'add'
          ? { kind: 'added', level: 'minor', reporters: 'new-record-type', item }
          : { kind: 'removed', level: 'major', reporters: 'removed-record-type', item };
      }
      if (field === 'validFrom' || field === 'validTo') return { kind: 'changed', level: 'minor', reporters: 'changed-phase', item };
      const before = pair.before?.recordTypes.find((x) => x.recordType.id === id);
      const after = pair.after?.recordTypes.find((x) => x.recordType.id === id);
      const b = new Map((before?.elements ?? []).map((x) => [x.element.id, x]));
      const a = new Map((after?.elements ?? []).map((x) => [x.element.id, x]));
      if (field === 'element') {
        const el = rest[2]!;
        const elItem: ItemRef = { kind: 'element', id: el };
        if (d.op === 'remove') return { kind: 'removed', level: 'major', reporters: 'removed-element', vendors: 'property-removed', item: elItem };
        return a.get(el)?.required === 'required'
          ? { kind: 'added', level: 'major', reporters: 'new-required-element', vendors: 'property-required', item: elItem }
          : { kind: 'added', level: 'minor', reporters: 'new-optional-element', vendors: 'property-added', item: elItem };
      }
      // The subset was declared or dropped as a whole.
      const removed = [...b.keys()].some((k) => !a.has(k));
      const added = [...a.values()].filter((x) => !b.has(x.element.id));
      if (removed) return { kind: 'changed', level: 'major', reporters: 'removed-element', vendors: 'property-removed', item };
      if (added.some((x) => x.required === 'required')) return { kind: 'changed', level: 'major', reporters: 'new-required-element', vendors: 'property-required', item };
      if (added.length > 0) return { kind: 'changed', level: 'minor', reporters: 'new-optional-element', vendors: 'property-added', item };
      return { kind: 'changed', level: 'patch', item };
    }
  }
  return commonVerdict('obligation', d, head);
}

/** Keys holding the declared order of a keyed map; the members themselves are compared under their own key. */
const ORDER_KEYS = new Set(['codeOrder', 'elementOrder']);

/**
 * An order list differs also when members were added or removed, which is reported already. It is
 * an order change only when the members both versions have are in another order.
 */
function isReorderOnlyByMembership(d: RawDifference): boolean {
  if (d.op !== 'change' || !ORDER_KEYS.has(d.path[d.path.length - 1] ?? '')) return false;
  const a = d.before as readonly string[];
  const b = d.after as readonly string[];
  const common = new Set(a.filter((x) => b.includes(x)));
  return JSON.stringify(a.filter((x) => common.has(x))) === JSON.stringify(b.filter((x) => common.has(x)));
}

const escapePointer = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1');

/** The resolved entities of one kind, by id. */
function entitiesOf(c: Catalogue, kind: DiffEntityKind): ReadonlyMap<string, unknown> {
  const list: readonly { id: string }[] =
    kind === 'term'
      ? c.terms
      : kind === 'classification'
        ? c.classifications
        : kind === 'data-element'
          ? c.dataElements
          : kind === 'record-type'
            ? c.recordTypes
            : kind === 'obligation'
              ? c.obligations
              : [];
  return new Map(list.map((x) => [x.id, x]));
}

/**
 * Compares two resolved catalogues by meaning, not by text: a moved file, reordered keys or a code
 * list moved into a CSV file is no change. Every difference gets a kind, a place, the values before
 * and after, its impact on reporters and vendors and the version class it needs. Pure.
 */
export function diffCatalogues(before: Catalogue, after: Catalogue, options: DiffOptions = {}): CatalogueDiff {
  const a = snapshot(before);
  const b = snapshot(after);
  const changes: Change[] = [];
  for (const [kind, newer] of b) {
    const older = a.get(kind)!;
    const oldObjects = entitiesOf(before, kind);
    const newObjects = entitiesOf(after, kind);
    const ids = [...new Set([...older.keys(), ...newer.keys()])].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
    for (const id of ids) {
      const raw: RawDifference[] = [];
      walk([], older.get(id), newer.get(id), raw);
      const pair = { before: oldObjects.get(id), after: newObjects.get(id) };
      for (const d of raw) {
        if (isReorderOnlyByMembership(d)) continue;
        const v = interpret(kind, d, pair);
        changes.push({
          kind: v.kind,
          entity: { kind, id: kind === 'manifest' ? after.manifest.id : id },
          ...(v.item ? { item: v.item } : {}),
          pointer: d.path.map((s) => `/${escapePointer(s)}`).join(''),
          ...(d.before !== undefined ? { before: toJson(d.before) } : {}),
          ...(d.after !== undefined ? { after: toJson(d.after) } : {}),
          level: v.level,
          ...(v.reporters ? { reporters: v.reporters } : {}),
          ...(v.vendors ? { vendors: v.vendors } : {}),
        });
      }
    }
  }

  const schemas = options.schemas ? compareSchemaFiles(options.schemas.before, options.schemas.after) : undefined;
  let level: DiffLevel = 'none';
  const raise = (l: DiffLevel): void => {
    if (LEVEL_RANK[l] > LEVEL_RANK[level]) level = l;
  };
  for (const c of changes) raise(c.level);
  // The schemas are a second opinion on the model: data they no longer accept is a breaking change
  // whatever the model rules said, and anything they newly accept is at least an addition.
  for (const s of schemas ?? []) {
    if (s.status === 'removed' || s.compatibility === 'forward' || s.compatibility === 'none') raise('major');
    else if (s.status === 'added' || s.compatibility === 'backward') raise('minor');
  }
  const counts = Object.fromEntries(CHANGE_KINDS.map((k) => [k, changes.filter((c) => c.kind === k).length])) as Record<ChangeKind, number>;
  return {
    from: { id: before.manifest.id, version: before.manifest.version },
    to: { id: after.manifest.id, version: after.manifest.version },
    level,
    counts,
    changes,
    ...(schemas ? { schemas } : {}),
  };
}

/** Parses and compares the schema files of both versions, sorted by path. */
export function compareSchemaFiles(before: readonly SchemaFile[], after: readonly SchemaFile[]): SchemaComparison[] {
  const parse = (f: SchemaFile): Record<string, unknown> =>
    JSON.parse(typeof f.contents === 'string' ? f.contents : new TextDecoder().decode(f.contents)) as Record<string, unknown>;
  const jsonOnly = (fs: readonly SchemaFile[]): Map<string, SchemaFile> => new Map(fs.filter((f) => f.path.endsWith('.json')).map((f) => [f.path, f]));
  const a = jsonOnly(before);
  const b = jsonOnly(after);
  const paths = [...new Set([...a.keys(), ...b.keys()])].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  return paths.map((path): SchemaComparison => {
    const x = a.get(path);
    const y = b.get(path);
    if (!x) return { path, status: 'added', differences: [] };
    if (!y) return { path, status: 'removed', differences: [] };
    const differences = compareSchemas(parse(x), parse(y));
    return { path, status: 'compared', compatibility: compatibilityOf(differences), differences };
  });
}
