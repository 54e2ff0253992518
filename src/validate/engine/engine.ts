import { isoDateOf, parseIsoDate, parsePeriod, type ReportingPeriod } from './dates.js';
import { organisationNumberOf, personalIdentityNumberOf } from './identity.js';
import { hashEnd, hashStart, hashText, hashUnits } from './hash.js';
import { Pattern } from './pattern.js';
import { putUnits, textOf, unitsEqual, unitsOf, type Units } from './units.js';
import * as M from './messages.js';
import type { EngineCode, FindingMessage } from './messages.js';
import type {
  FindingSeverity,
  ModelClassification,
  ModelCondition,
  ModelElement,
  ModelObligation,
  ModelRecordType,
  ModelRule,
  ModelText,
  ModelValueType,
  ValidationModel,
} from './model.js';
import { MODEL_VERSION } from './model.js';

/**
 * One problem in a submission. It names the rule, the row and the field; its message never
 * contains a value from the record.
 */
export interface Finding {
  /** What kind of check failed: an engine code (`type`, `required`, ...) or the rule's shape (`date-order`, ...). */
  readonly code: string;
  /** The catalogue rule id, or the engine code for the engine's own checks. */
  readonly ruleId: string;
  /** How bad it is. */
  readonly severity: FindingSeverity;
  /** Record type id, when known. */
  readonly recordType: string | undefined;
  /** Row number as given by the caller (or counted by a submission), when known. */
  readonly row: number | undefined;
  /** Element id (field name), when the finding is about one field. */
  readonly field: string | undefined;
  /** Message in Swedish and English. */
  readonly message: FindingMessage;
  /** Another row the finding concerns (the first record with the same key, the overlapping period). */
  readonly related?: number;
}

/** Where and how a record is checked. */
export interface RecordContext {
  /** Row number to put in findings. */
  readonly row?: number;
  /**
   * The reporting period: decides which phased elements are required or not allowed, which phased
   * rules apply and what `within-period` compares with. A phased requirement or rule applies when it
   * is in force for the whole period; a phased element may be given when it is in force on any day
   * of it. Without a period the record's own date (the record type's date element) decides what is
   * required and which rules apply, no element is refused for its phase, and `within-period` rules
   * are not checked; without either, phased requirements and rules do not apply.
   */
  readonly period?: ReportingPeriod | string;
  /** Obligation id: narrows the elements to the obligation's subset and adds its rules. */
  readonly obligation?: string;
}

// Value kinds, as small integers for a cheap switch per value.
const K_STRING = 0;
const K_INTEGER = 1;
const K_DECIMAL = 2;
const K_BOOLEAN = 3;
const K_DATE = 4;
const K_CODE = 5;
const K_PIN = 6;
const K_ORG = 7;

const KIND: Record<ModelValueType, number> = {
  string: K_STRING,
  integer: K_INTEGER,
  decimal: K_DECIMAL,
  boolean: K_BOOLEAN,
  date: K_DATE,
  code: K_CODE,
  'municipality-code': K_CODE,
  'personal-identity-number': K_PIN,
  'organisation-number': K_ORG,
};

// Per-value status in a plan's scratch arrays. FLAGGED: the value has its type (a number, a real
// date) but broke a constraint; rules still use it, so a range rule and an element maximum both speak.
const ABSENT = 0;
const INVALID = 1;
const FLAGGED = 2;
const VALID = 3;

/**
 * The low bits of a CodeTable slot's second number, which are not the hash's: USED tells a slot in
 * use from an empty one (0), MARK marks the code.
 */
const USED = 2;
const MARK = 1;
/** The hash of the code being put or looked up: its two halves. */
const codeHash = new Int32Array(2);

/** A slot's second number for a code whose hash's second half is `lo`, but for its mark. */
const tagOf = (lo: number): number => (lo & ~3) | USED;

/** The slot of the code whose hash is in codeHash, or the empty slot where it would go. */
function probe(table: Int32Array, mask: number): number {
  const hi = codeHash[0]!;
  const tag = tagOf(codeHash[1]!);
  for (let at = hi & mask; ; at = (at + 1) & mask) {
    const t = table[2 * at + 1]!;
    if (t === 0 || ((t & ~MARK) === tag && table[2 * at] === hi)) return at;
  }
}

/**
 * The codes of a list, for the one lookup every code value costs and for finding a code's index.
 * Open addressing over the 64-bit hash of the code's UTF-16 units (hash.ts, as for cross-row
 * keys, which holds the code's length): a slot is the hash, with its two lowest bits taken for
 * USED and MARK, so 8 bytes. The indices in the list are apart, read only when asked for.
 *
 * Small, because a file visits the codes in no order: with 50,000 codes, the slot a lookup reads
 * is seldom in the cache. In profiles of the whole check of 500,000 records, the lookups waited
 * some 80 ms for slots of 16 bytes (with the length and the index) and some 60 ms for slots of 8
 * bytes (512 kB for 50,000 codes). A Set or Map of the codes' strings reads its table, its entry
 * and then the string, which lies among the rest of the model. A code is known by its hash, as a
 * cross-row key is: that an unknown value has the hash of one of 50,000 codes has a probability of
 * about 1e-14. At most 4/5 full (a lookup then reads a slot or three side by side, in one cache
 * line of eight). Built in one pass over the list, with nothing allocated per code. @internal
 */
export class CodeTable {
  private readonly mask: number;

  /**
   * A table of the numbers `table`, as another table's `table`: a power of two of slots of two
   * numbers, then the index in the list of each slot's code.
   */
  constructor(readonly table: Int32Array) {
    this.mask = table.length / 3 - 1;
  }

  /**
   * The table of the codes of a model's text of codes (see ModelClassification.codes); the code at
   * index i, `list.slice(from, to)`, is marked when `marked(i, from, to)`. A code listed twice is
   * found at its last index (as a Map keeps the last value set) and is marked when any of its
   * entries is.
   */
  static build(list: string, marked: (i: number, from: number, to: number) => boolean): CodeTable {
    let count = 0;
    for (let at = list.indexOf(' '); at >= 0; at = list.indexOf(' ', at + 1)) count++;
    if (list !== '') count++;
    let capacity = 8;
    while (capacity * 4 < count * 5) capacity *= 2;
    const mask = capacity - 1;
    const table = new Int32Array(capacity * 3);
    // One pass, one hash a code: this runs once per engine, mostly before the JIT has warmed up.
    for (let i = 0, from = 0; i < count; i++) {
      let to = list.indexOf(' ', from);
      if (to < 0) to = list.length;
      hashStart();
      hashText(list, from, to);
      hashEnd(codeHash, 0);
      const at = probe(table, mask);
      table[2 * at] = codeHash[0]!;
      table[2 * at + 1] = tagOf(codeHash[1]!) | (table[2 * at + 1]! & MARK) | (marked(i, from, to) ? MARK : 0);
      table[2 * capacity + at] = i;
      from = to + 1;
    }
    return new CodeTable(table);
  }

  /** The slot of the code in units [from, to), or -1. */
  private slot(u: Units, from: number, to: number): number {
    hashStart();
    hashUnits(u, from, to);
    hashEnd(codeHash, 0);
    const at = probe(this.table, this.mask);
    return this.table[2 * at + 1] === 0 ? -1 : at;
  }

  /** True when the code in units [from, to) is in the list and marked. */
  hasUnits(u: Units, from: number, to: number): boolean {
    const at = this.slot(u, from, to);
    return at >= 0 && (this.table[2 * at + 1]! & MARK) !== 0;
  }

  /** The index in the list of the code in units [from, to), or -1. */
  indexOfUnits(u: Units, from: number, to: number): number {
    const at = this.slot(u, from, to);
    return at < 0 ? -1 : this.table[2 * (this.mask + 1) + at]!;
  }

  /** True when the code is in the list and marked. */
  has(s: string): boolean {
    return this.hasUnits(unitsOf(s), 0, s.length);
  }

  /** The code's index in the list, or -1. */
  indexOf(s: string): number {
    return this.indexOfUnits(unitsOf(s), 0, s.length);
  }
}

interface CompiledClassification {
  readonly model: ModelClassification;
  /**
   * Every code, each marked when it may be reported: `has` is the check of a value, `indexOf`
   * finds the code's index in the model (a grouping code, a code's validity). Built on first use
   * (see codeTable), so an engine that checks no code of a long list does not pay for it.
   */
  table: CodeTable | undefined;
}

/** The classification's table of codes, built the first time it is needed. */
function codeTable(cl: CompiledClassification): CodeTable {
  if (cl.table) return cl.table;
  return (cl.table = CodeTable.build(cl.model.codes, (i) => !isGroup(cl, i)));
}

/** Whether the code at index i of the classification is a grouping code, which may not be reported. */
function isGroup(cl: CompiledClassification, i: number): boolean {
  const groups = cl.model.groups;
  if (!groups) return false;
  // Ascending: a binary search.
  let lo = 0;
  let hi = groups.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (groups[mid]! === i) return true;
    if (groups[mid]! < i) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** Whether the code at index i of the classification is valid on a day (as isoDateOf gives it). */
function validOn(cl: CompiledClassification, i: number, day: number): boolean {
  const runs = cl.model.validity;
  if (!runs) return true;
  // The last run that starts at or before i.
  let lo = 0;
  let hi = runs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (runs[mid]![0] <= i) lo = mid;
    else hi = mid - 1;
  }
  const [, from, to] = runs[lo]!;
  return (from === null || day >= parseIsoDate(from)) && (to === null || day <= parseIsoDate(to));
}

/** The codes an element may use (built the first time it is needed): its classification's selectable ones, or those of its own list. */
function allowedCodes(el: CompiledElement): CodeTable {
  if (el.allowed) return el.allowed;
  const table = codeTable(el.classification!);
  const listed = el.codes;
  return (el.allowed = listed !== undefined ? CodeTable.build(listed, (_, from, to) => table.has(listed.slice(from, to))) : table);
}

interface CompiledElement {
  readonly id: string;
  readonly label: ModelText;
  readonly valueType: ModelValueType;
  readonly kind: number;
  readonly classification: CompiledClassification | undefined;
  /** The element's own list of codes, when narrower than its classification's (as the model gives it). */
  readonly codes: string | undefined;
  /** Codes this element may use, once built (see allowedCodes): a hash lookup whatever the size of the list. */
  allowed: CodeTable | undefined;
  readonly minLength: number | undefined;
  readonly maxLength: number | undefined;
  readonly minimum: number | undefined;
  readonly maximum: number | undefined;
  readonly pattern: Pattern | undefined;
}

interface PlanElement {
  readonly el: CompiledElement;
  readonly required: boolean;
  readonly validFrom: string | undefined;
  readonly validTo: string | undefined;
}

interface CompiledCondition {
  /** Index in the plan, or -1 when the element is not part of it (always empty). */
  readonly index: number;
  readonly present: boolean;
  readonly equals: readonly string[] | undefined;
}

/** A rule bound to a plan's element indices. @internal */
export interface CompiledRule {
  readonly shape: ModelRule['shape'];
  readonly code: string;
  readonly ruleId: string;
  readonly severity: FindingSeverity;
  readonly message: FindingMessage;
  readonly validFrom: string | undefined;
  readonly validTo: string | undefined;
  readonly elements: readonly number[];
  readonly when: CompiledCondition | undefined;
  readonly then: CompiledCondition | undefined;
  readonly groupBy: readonly number[];
  readonly minimum: number | undefined;
  readonly maximum: number | undefined;
  readonly target: { readonly recordType: string; readonly elements: readonly string[] } | undefined;
  /** The record type's key checked without a unique-key rule: its message names the first row. */
  readonly implicitKey: boolean;
}

/**
 * A record type compiled for one use (alone, or under an obligation with its element subset and
 * rules). Its scratch arrays hold the last checked record's values, so checking allocates nothing
 * for a valid row; the engine is synchronous, so one set of scratch arrays per plan is enough.
 * @internal
 */
export interface Plan {
  readonly recordType: ModelRecordType;
  readonly elements: readonly PlanElement[];
  readonly index: ReadonlyMap<string, number>;
  readonly dateIndex: number;
  readonly rowRules: readonly CompiledRule[];
  readonly crossRules: readonly CompiledRule[];
  /** A value that is not text (a number, a boolean, an object, ...), as given. */
  readonly values: unknown[];
  readonly status: Uint8Array;
  /** A text value: units [from[i], to[i]) of `units`; from[i] is -1 for a value that is not text. */
  readonly from: Int32Array;
  readonly to: Int32Array;
  /**
   * The units the record's text values lie in: a reader's block of ASCII bytes, or the units of its
   * string values one after the other, `used` of them taken: `scratch`, or a wide copy for a record
   * with a unit over 255.
   */
  units: Units;
  scratch: Uint8Array;
  used: number;
  readonly nums: Float64Array;
  /**
   * The last few key layouts given to `runFields`, each with its keys' indices in the plan (-1: not
   * an element), so that records with the same keys in the same order as one of them (nearly all of
   * a file: an optional field absent or present makes a second layout) skip the lookups.
   */
  readonly layouts: KeyLayout[];
}

/** Text values of a record's fields as spans of units (see Engine.runFields). @internal */
export interface FieldText {
  readonly units: Units;
  readonly from: Int32Array;
  readonly to: Int32Array;
}

/** Keys in the order a record gives them, and each key's index in a plan (-1: not an element). @internal */
export interface KeyLayout {
  count: number;
  /** The array the keys were given in: given again, it holds the same keys (see runFields). */
  given: readonly string[] | undefined;
  readonly keys: string[];
  readonly slots: number[];
}

/** How many key layouts a plan keeps. */
const LAYOUTS = 4;

/**
 * The plan's layout for these keys; when it has none, the oldest is overwritten in place (a file
 * whose records vary their keys all the time allocates nothing for it).
 */
function layoutOf(plan: Plan, keys: readonly string[], count: number): KeyLayout {
  const layouts = plan.layouts;
  for (let l = 0; l < layouts.length; l++) {
    const layout = layouts[l]!;
    if (layout.count !== count) continue;
    if (layout.given === keys) return layout;
    const known = layout.keys;
    let k = 0;
    while (k < count && known[k] === keys[k]) k++;
    if (k === count) {
      // The same keys in another array (a reader's next block): that array is known from now on.
      layout.given = keys;
      return layout;
    }
  }
  const layout: KeyLayout = layouts.length >= LAYOUTS ? layouts.pop()! : { count: 0, given: undefined, keys: [], slots: [] };
  layout.count = count;
  layout.given = keys;
  for (let k = 0; k < count; k++) {
    const key = keys[k]!;
    const i = plan.index.get(key);
    layout.slots[k] = i ?? -1;
    // Own strings, never the caller's: a reader's key may be a slice of a whole block of the file,
    // which a kept key would keep alive.
    layout.keys[k] = i !== undefined ? plan.elements[i]!.el.id : (JSON.parse(JSON.stringify(key)) as string);
  }
  layouts.unshift(layout);
  return layout;
}

/** The findings of a valid record: one shared, frozen empty array. @internal */
export const EMPTY: readonly Finding[] = Object.freeze([]);

const hasOwn = Object.prototype.hasOwnProperty;

// Names from the input shown in messages must look like names, because a header row or a
// recordType field may hold data by mistake: no leading digit and no run of six digits (a date or
// an identity number inside a name).
const NAME = /^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/;
const DIGITS = /[0-9]{6}/;

/** A name taken from the input, or undefined when it might be data rather than a name. */
export function safeName(name: string): string | undefined {
  return NAME.test(name) && !DIGITS.test(name) ? name : undefined;
}

function codePointLength(u: Units, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = u[i]!;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
      const d = u[i + 1]!;
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

// Whole-number text: optional minus and digits, short enough to stay exact.
function integerOf(u: Units, from: number, to: number): number | undefined {
  const start = u[from] === 45 ? from + 1 : from;
  if (to === start || to - start > 15) return undefined;
  let x = 0;
  for (let i = start; i < to; i++) {
    const c = u[i]!;
    if (c < 48 || c > 57) return undefined;
    x = x * 10 + (c - 48);
  }
  return start > from ? -x : x;
}

// Decimal text with a point. Returns NaN for a decimal comma and undefined for anything else.
function decimalOf(u: Units, from: number, to: number): number | undefined {
  const start = u[from] === 45 ? from + 1 : from;
  let i = start;
  while (i < to && u[i]! >= 48 && u[i]! <= 57) i++;
  if (i === start || to - from > 40) return undefined;
  if (i === to) return Number(textOf(u, from, to));
  const sep = u[i];
  if (sep !== 46 && sep !== 44) return undefined;
  let j = i + 1;
  while (j < to && u[j]! >= 48 && u[j]! <= 57) j++;
  if (j === i + 1 || j !== to) return undefined;
  return sep === 44 ? NaN : Number(textOf(u, from, to));
}

function isAbsent(v: unknown): boolean {
  return v === undefined || v === null || v === '';
}

function finding(
  code: string,
  ruleId: string,
  severity: FindingSeverity,
  recordType: string | undefined,
  row: number | undefined,
  field: string | undefined,
  message: FindingMessage,
  related?: number,
): Finding {
  return related === undefined
    ? { code, ruleId, severity, recordType, row, field, message }
    : { code, ruleId, severity, recordType, row, field, message, related };
}

/** A finding of the engine's own checks. @internal */
export function engineFinding(code: EngineCode, recordType: string | undefined, row: number | undefined, field: string | undefined, message: FindingMessage): Finding {
  return finding(code, code, M.ENGINE_SEVERITY[code], recordType, row, field, message);
}

/** A finding of a compiled rule. @internal */
export function ruleFinding(rule: CompiledRule, recordType: string, row: number | undefined, field: string | undefined, related?: number): Finding {
  return finding(rule.code, rule.ruleId, rule.severity, recordType, row, field, rule.message, related);
}

/** True when [from, to] covers the whole window: a phased requirement or rule applies. */
function covers(from: string | undefined, to: string | undefined, start: string | undefined, end: string | undefined): boolean {
  if (from === undefined && to === undefined) return true;
  if (start === undefined || end === undefined) return false;
  return (from === undefined || from <= start) && (to === undefined || to >= end);
}

/** True when [from, to] meets the window at all: a phased element may be given. */
export function overlaps(from: string | undefined, to: string | undefined, start: string | undefined, end: string | undefined): boolean {
  if (start === undefined || end === undefined) return true;
  return (from === undefined || from <= end) && (to === undefined || to >= start);
}

/** The id of the plan's element i: a finding's field. */
function fieldId(plan: Plan, i: number): string {
  return plan.elements[i]!.el.id;
}

/** Clears a plan's scratch arrays before a record whose text lies in `units` (its scratch when undefined). */
function resetPlan(plan: Plan, units: Units | undefined): void {
  const { values, status, from } = plan;
  for (let i = 0; i < values.length; i++) {
    values[i] = undefined;
    status[i] = ABSENT;
    from[i] = -1;
  }
  plan.units = units ?? plan.scratch;
  plan.used = 0;
}

/**
 * Puts a value of the record in the plan: a string as units in the plan's scratch (an empty one is
 * absent), anything else as it is. Only for a record whose text is in the scratch.
 */
function loadValue(plan: Plan, i: number, v: unknown): void {
  if (typeof v !== 'string') {
    plan.values[i] = v;
    return;
  }
  if (v.length === 0) return;
  const at = plan.used;
  const u = putUnits(plan.units, at, v);
  if (u !== plan.units) {
    plan.units = u;
    if (u instanceof Uint8Array) plan.scratch = u;
  }
  plan.from[i] = at;
  plan.to[i] = plan.used = at + v.length;
}

/** True when element i of the last record is absent (missing, null or an empty string). */
function absentIn(plan: Plan, i: number): boolean {
  return plan.from[i]! < 0 && (plan.values[i] === undefined || plan.values[i] === null);
}

/**
 * The text of element i of the last record as a key uses it (a value that is not text as
 * `keyText` writes it), or undefined when absent. Makes a string: not for the hot path. @internal
 */
export function planText(plan: Plan, i: number): string | undefined {
  const from = plan.from[i]!;
  if (from >= 0) return textOf(plan.units, from, plan.to[i]!);
  const v = plan.values[i];
  return v === undefined || v === null ? undefined : keyText(v);
}

/** The text of a value as a key uses it: an invalid value still identifies its row, its text as given. @internal */
export function keyText(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v) ?? '';
}

/** True when element i of the last record, as text, is one of `list`. */
function textIn(plan: Plan, i: number, list: readonly string[]): boolean {
  const from = plan.from[i]!;
  if (from < 0) {
    const t = planText(plan, i);
    return t !== undefined && list.includes(t);
  }
  for (const s of list) if (unitsEqual(plan.units, from, plan.to[i]!, s)) return true;
  return false;
}

/**
 * The validation engine for one ValidationModel: compiles each code list into a compact hash
 * table once (when first needed), then checks records one at a time. Pure: no I/O, no clock, no
 * globals; it runs in Node, in a browser and inside the generated standalone validators.
 */
export class Engine {
  /** The model it was built from. */
  readonly model: ValidationModel;
  private readonly classifications = new Map<string, CompiledClassification>();
  private readonly elements = new Map<string, CompiledElement>();
  private readonly recordTypes = new Map<string, ModelRecordType>();
  private readonly obligations = new Map<string, ModelObligation>();
  private readonly plans = new Map<string, Plan>();
  private days: { readonly period: ReportingPeriod; readonly start: number; readonly end: number } | undefined;

  constructor(model: ValidationModel, options: EngineOptions = {}) {
    if (model === null || typeof model !== 'object' || model.modelVersion !== MODEL_VERSION) {
      throw new TypeError(`kodkatalog: this engine reads ValidationModel version ${MODEL_VERSION} only`);
    }
    this.model = model;
    for (const c of model.classifications) {
      const built = options.codeTables?.get(c.id);
      this.classifications.set(c.id, { model: c, table: built ? new CodeTable(built) : undefined });
    }
    for (const e of model.elements) this.elements.set(e.id, this.compileElement(e));
    for (const rt of model.recordTypes) this.recordTypes.set(rt.id, rt);
    for (const ob of model.obligations) this.obligations.set(ob.id, ob);
  }

  private compileElement(e: ModelElement): CompiledElement {
    const classification = e.classification !== undefined ? this.classifications.get(e.classification) : undefined;
    if (e.classification !== undefined && !classification) throw new TypeError(`kodkatalog: model lacks classification ${e.classification}`);
    const c = e.constraints ?? {};
    return {
      id: e.id,
      label: e.label,
      valueType: e.valueType,
      kind: KIND[e.valueType],
      classification,
      codes: classification ? e.codes : undefined,
      allowed: undefined,
      minLength: c.minLength,
      maxLength: c.maxLength,
      minimum: c.minimum,
      maximum: c.maximum,
      // The format says a pattern matches the whole value (JSON Schema's `pattern` does not).
      pattern: c.pattern !== undefined ? new Pattern(c.pattern) : undefined,
    };
  }

  /**
   * The code tables of the classifications that the obligation's record types use, built now if
   * they were not, by classification id: for engines of the same model in other threads
   * (EngineOptions.codeTables), which then need not build them again. @internal
   */
  codeTables(obligationId: string): Map<string, Int32Array> {
    const tables = new Map<string, Int32Array>();
    for (const { recordType } of this.obligations.get(obligationId)?.recordTypes ?? []) {
      for (const { element } of this.recordTypes.get(recordType)?.elements ?? []) {
        const cl = this.elements.get(element)?.classification;
        if (cl) tables.set(cl.model.id, codeTable(cl).table);
      }
    }
    return tables;
  }

  /** True when the model has the record type. */
  hasRecordType(id: string): boolean {
    return this.recordTypes.has(id);
  }

  /** The record type, when the model has it. @internal */
  recordType(id: string): ModelRecordType | undefined {
    return this.recordTypes.get(id);
  }

  /** The obligation, when the model has it. */
  obligation(id: string): ModelObligation | undefined {
    return this.obligations.get(id);
  }

  /**
   * Reads a period as people write it (`2027-03`, `2027-Q1`, `2027`, `2027-10-01`,
   * `2027-01-01/2027-06-30`) for an obligation, or with no obligation for any form.
   * Undefined when it cannot be read or does not fit the obligation's period kind.
   */
  parsePeriod(text: string, obligationId?: string): ReportingPeriod | undefined {
    if (obligationId === undefined) return parsePeriod(text);
    const ob = this.requireObligation(obligationId);
    return parsePeriod(text, ob.period.kind, ob.period.date);
  }

  /** @internal */
  requireObligation(id: string): ModelObligation {
    const ob = this.obligations.get(id);
    if (!ob) throw new RangeError(`kodkatalog: unknown obligation ${safeName(id) ?? '(invalid id)'}`);
    return ob;
  }

  /** @internal */
  resolvePeriod(period: ReportingPeriod | string | undefined, obligationId: string | undefined): ReportingPeriod | undefined {
    if (period === undefined) return undefined;
    if (typeof period === 'string') {
      const p = this.parsePeriod(period, obligationId);
      if (!p) throw new RangeError('kodkatalog: the period cannot be read (write e.g. 2027-03, 2027-Q1, 2027 or 2027-01-01/2027-06-30)');
      return p;
    }
    if (parseIsoDate(period.start) < 0 || parseIsoDate(period.end) < 0 || period.start > period.end) {
      throw new RangeError('kodkatalog: a period needs start and end dates YYYY-MM-DD with start <= end');
    }
    return period;
  }

  /**
   * The plan for a record type, alone or under an obligation. Under an obligation only its subset
   * of elements is allowed; an exactly-one-of rule is narrowed to the elements in the subset, and
   * any other rule touching an element outside it is left out (it could not be satisfied).
   * @internal
   */
  plan(recordTypeId: string, obligationId?: string): Plan | undefined {
    const cacheKey = obligationId === undefined ? recordTypeId : `${obligationId}\u0000${recordTypeId}`;
    const cached = this.plans.get(cacheKey);
    if (cached) return cached;
    const rt = this.recordTypes.get(recordTypeId);
    if (!rt) return undefined;
    const ob = obligationId === undefined ? undefined : this.requireObligation(obligationId);
    const entry = ob?.recordTypes.find((x) => x.recordType === recordTypeId);
    if (ob && !entry) return undefined;
    const subset = entry?.elements ? new Set(entry.elements) : undefined;
    const elements: PlanElement[] = [];
    const index = new Map<string, number>();
    for (const re of rt.elements) {
      if (subset && !subset.has(re.element)) continue;
      const el = this.elements.get(re.element);
      if (!el) throw new TypeError(`kodkatalog: model lacks element ${re.element}`);
      index.set(re.element, elements.length);
      elements.push({ el, required: re.required === 'required', validFrom: re.validFrom, validTo: re.validTo });
    }
    const rules: ModelRule[] = [...rt.rules, ...(ob?.rules.filter((r) => r.recordTypes.includes(rt.id)) ?? [])];
    const rowRules: CompiledRule[] = [];
    const crossRules: CompiledRule[] = [];
    for (const r of rules) {
      const compiled = this.compileRule(r, index, ob);
      if (!compiled) continue;
      (compiled.shape === 'unique-key' || compiled.shape === 'reference-exists' || compiled.shape === 'no-overlap' ? crossRules : rowRules).push(compiled);
    }
    // A key identifies a record: check it even where the catalogue wrote no unique-key rule for it.
    const keyIdx = rt.key.map((k) => index.get(k) ?? -1);
    const keyRule = rules.some((r) => r.shape === 'unique-key' && r.elements.length === rt.key.length && r.elements.every((e) => rt.key.includes(e)));
    if (!keyRule && keyIdx.length > 0 && keyIdx.every((i) => i >= 0)) {
      crossRules.unshift({
        shape: 'unique-key',
        code: 'duplicate-key',
        ruleId: 'duplicate-key',
        severity: M.ENGINE_SEVERITY['duplicate-key'],
        // Unused: the message names the first row, so it is made per finding.
        message: M.ruleMessage({ sv: '' }),
        validFrom: undefined,
        validTo: undefined,
        elements: keyIdx,
        when: undefined,
        then: undefined,
        groupBy: [],
        minimum: undefined,
        maximum: undefined,
        target: undefined,
        implicitKey: true,
      });
    }
    const dateIndex = rt.dateElement !== undefined ? (index.get(rt.dateElement) ?? -1) : -1;
    const n = elements.length;
    const plan: Plan = {
      recordType: rt,
      elements,
      index,
      dateIndex,
      rowRules,
      crossRules,
      values: new Array<unknown>(n).fill(undefined),
      status: new Uint8Array(n),
      from: new Int32Array(n).fill(-1),
      to: new Int32Array(n),
      units: new Uint8Array(0),
      scratch: new Uint8Array(256),
      used: 0,
      nums: new Float64Array(n),
      layouts: [],
    };
    this.plans.set(cacheKey, plan);
    return plan;
  }

  private compileRule(r: ModelRule, index: ReadonlyMap<string, number>, ob: ModelObligation | undefined): CompiledRule | undefined {
    const idx = (id: string): number => index.get(id) ?? -1;
    let elements = r.elements.map(idx);
    if (r.shape === 'exactly-one-of') {
      elements = elements.filter((i) => i >= 0);
      if (elements.length === 0) return undefined;
    } else {
      const touched = [...r.elements, ...(r.groupBy ?? []), ...(r.when ? [r.when.element] : []), ...(r.then ? [r.then.element] : [])];
      if (touched.some((id) => !index.has(id))) return undefined;
    }
    // Periods are dates, as for date-order and within-period: on other elements the rule compares nothing.
    if (r.shape === 'no-overlap' && r.elements.some((id) => this.elements.get(id)?.kind !== K_DATE)) return undefined;
    if (r.shape === 'reference-exists') {
      // Under an obligation the target must be reported in it, with the elements referred to.
      if (!r.target) return undefined;
      if (ob) {
        const t = ob.recordTypes.find((x) => x.recordType === r.target!.recordType);
        if (!t || (t.elements && !r.target.elements.every((e) => t.elements!.includes(e)))) return undefined;
      }
    }
    const cond = (c: ModelCondition | undefined): CompiledCondition | undefined =>
      c === undefined
        ? undefined
        : { index: idx(c.element), present: c.equals !== undefined ? true : c.present !== false, equals: c.equals };
    return {
      shape: r.shape,
      code: r.shape,
      ruleId: r.id,
      severity: r.severity,
      message: M.ruleMessage(r.message),
      validFrom: r.validFrom,
      validTo: r.validTo,
      elements,
      when: cond(r.when),
      then: cond(r.then),
      groupBy: (r.groupBy ?? []).map(idx),
      minimum: r.minimum,
      maximum: r.maximum,
      target: r.target,
      implicitKey: false,
    };
  }

  /**
   * Checks one record (one row): its shape (no unknown fields), the type and form of every
   * element, the elements required for the period or the record's date, and the record type's
   * row rules (and the obligation's, when one is given). Cross-row rules need a SubmissionState.
   * A record may hold strings (as from CSV: numbers, booleans and dates are read from text) or
   * JSON values. Returns no findings for a valid record (a shared empty array: do not modify).
   */
  checkRecord(recordTypeId: string, record: unknown, context: RecordContext = {}): readonly Finding[] {
    const plan = this.plan(recordTypeId, context.obligation);
    if (!plan) {
      const name = safeName(recordTypeId);
      if (context.obligation !== undefined && this.recordTypes.has(recordTypeId)) {
        const rt = this.recordTypes.get(recordTypeId)!;
        const ob = this.obligations.get(context.obligation)!;
        return [engineFinding('record-type-not-in-obligation', rt.id, context.row, undefined, M.recordTypeNotInObligation(rt.label, ob.label))];
      }
      return [engineFinding('unknown-record-type', undefined, context.row, undefined, M.unknownRecordType(name))];
    }
    const period = this.resolvePeriod(context.period, context.obligation);
    return this.run(plan, record, context.row, period) ?? EMPTY;
  }

  /**
   * Runs a plan over a record and leaves the values in the plan's scratch arrays for cross-row
   * rules. Returns the findings, or undefined when there are none.
   * @internal
   */
  run(plan: Plan, record: unknown, row: number | undefined, period: ReportingPeriod | undefined): Finding[] | undefined {
    const rt = plan.recordType;
    resetPlan(plan, undefined);
    if (record === null || typeof record !== 'object' || Array.isArray(record)) {
      return [engineFinding('not-an-object', rt.id, row, undefined, M.notAnObject())];
    }
    let out: Finding[] | undefined;
    const obj = record as Record<string, unknown>;
    // One pass over the record's own keys: unknown fields are found by a Map lookup, so `__proto__`,
    // `constructor` and the like are plain unknown names, never inherited properties.
    for (const key in obj) {
      if (!hasOwn.call(obj, key)) continue;
      out = this.loadField(plan, key, obj[key], row, out);
    }
    return this.checkLoaded(plan, row, period, out);
  }

  /**
   * The same as `run` for a record given as its fields, `keys[k]` and `values[k]` for k < count, in
   * the order in which a for-in loop over the record object would visit them (no duplicates): the
   * readers use it to check a record without building an object. A `keys` array given again must
   * hold the same keys (its first `count`), so that the engine can skip comparing them.
   *
   * With `text`, a field whose `text.from[k]` is 0 or more is text: the units [from[k], to[k]) of
   * `text.units` (the reader's block of the file); `values[k]` is then not read, and no other
   * field's value may be a string. @internal
   */
  runFields(
    plan: Plan,
    keys: readonly string[],
    values: readonly unknown[],
    count: number,
    row: number | undefined,
    period: ReportingPeriod | undefined,
    text?: FieldText,
  ): Finding[] | undefined {
    resetPlan(plan, text?.units);
    const slots = layoutOf(plan, keys, count).slots;
    let out: Finding[] | undefined;
    for (let k = 0; k < count; k++) {
      const i = slots[k]!;
      const from = text ? text.from[k]! : -1;
      if (from >= 0) {
        const to = text!.to[k]!;
        if (i >= 0) {
          // An empty string is absent.
          if (to > from) {
            plan.from[i] = from;
            plan.to[i] = to;
          }
        } else out = this.loadField(plan, keys[k]!, textOf(text!.units, from, to), row, out);
      } else if (i >= 0) loadValue(plan, i, values[k]);
      // A key that is not an element (recordType, an unknown field) is looked at as `run` does.
      else out = this.loadField(plan, keys[k]!, values[k], row, out);
    }
    return this.checkLoaded(plan, row, period, out);
  }

  /** Puts one field of a record in the plan's scratch values, or reports it. */
  private loadField(plan: Plan, key: string, v: unknown, row: number | undefined, out: Finding[] | undefined): Finding[] | undefined {
    const i = plan.index.get(key);
    if (i !== undefined) {
      loadValue(plan, i, v);
      return out;
    }
    const rt = plan.recordType;
    if (key === 'recordType') {
      if (v === rt.id || isAbsent(v)) return out;
      (out ??= []).push(engineFinding('record-type-mismatch', rt.id, row, 'recordType', M.recordTypeMismatch(rt.label)));
      return out;
    }
    const field = safeName(key);
    (out ??= []).push(engineFinding('unknown-field', rt.id, row, field, M.unknownField(field, rt.label)));
    return out;
  }

  /** The checks of a record once its fields are in the plan's scratch values. */
  private checkLoaded(plan: Plan, row: number | undefined, period: ReportingPeriod | undefined, found: Finding[] | undefined): Finding[] | undefined {
    const rt = plan.recordType;
    const { values, status, elements } = plan;
    const n = elements.length;
    let out = found;

    // The window that decides phases: the reporting period, else the record's own date.
    let wStart: string | undefined;
    let wEnd: string | undefined;
    if (period) {
      wStart = period.start;
      wEnd = period.end;
    } else if (plan.dateIndex >= 0) {
      const d = plan.from[plan.dateIndex]!;
      if (d >= 0 && isoDateOf(plan.units, d, plan.to[plan.dateIndex]!) >= 0) wStart = wEnd = planText(plan, plan.dateIndex);
    }

    for (let i = 0; i < n; i++) {
      const pe = elements[i]!;
      const el = pe.el;
      if (absentIn(plan, i)) {
        if (pe.required && covers(pe.validFrom, pe.validTo, wStart, wEnd)) {
          (out ??= []).push(engineFinding('required', rt.id, row, el.id, M.required(el.label)));
        }
        continue;
      }
      // Only a reporting period can rule an element out: a record's own date may lie before the
      // period it is reported in (an intervention still going on), so it decides requiredness only.
      if (period && (pe.validFrom !== undefined || pe.validTo !== undefined) && !overlaps(pe.validFrom, pe.validTo, wStart, wEnd)) {
        status[i] = INVALID;
        (out ??= []).push(engineFinding('element-not-in-force', rt.id, row, el.id, M.elementNotInForce(el.label, pe.validFrom, pe.validTo)));
        continue;
      }
      const f = plan.from[i]! >= 0 ? this.checkText(el, i, plan, rt.id, row) : this.checkValue(el, values[i], i, plan, rt.id, row);
      if (f) (out ??= []).push(f);
    }

    const rules = plan.rowRules;
    for (let k = 0; k < rules.length; k++) {
      const r = rules[k]!;
      if (!covers(r.validFrom, r.validTo, wStart, wEnd)) continue;
      const f = this.checkRule(r, plan, rt.id, row, period);
      if (f) (out ??= []).push(f);
    }
    return out;
  }

  /**
   * Checks one present value that is not text (a JSON number, boolean, object, ...) and sets its
   * status; a value with its type leaves its number in `nums`, for rules.
   */
  private checkValue(el: CompiledElement, v: unknown, i: number, plan: Plan, rt: string, row: number | undefined): Finding | undefined {
    const kind = el.kind;
    plan.status[i] = INVALID;
    if (kind === K_INTEGER || kind === K_DECIMAL) {
      if (typeof v !== 'number' || !Number.isFinite(v) || (kind === K_INTEGER && !Number.isInteger(v))) return engineFinding('type', rt, row, el.id, M.wrongType(el.label, el.valueType));
      return this.checkNumber(el, v, i, plan, rt, row);
    }
    if (kind === K_BOOLEAN && typeof v === 'boolean') {
      plan.status[i] = VALID;
      return undefined;
    }
    return engineFinding('type', rt, row, el.id, M.wrongType(el.label, el.valueType));
  }

  /** A number's range, once it has its type. */
  private checkNumber(el: CompiledElement, x: number, i: number, plan: Plan, rt: string, row: number | undefined): Finding | undefined {
    plan.nums[i] = x;
    plan.status[i] = FLAGGED;
    if (el.minimum !== undefined && x < el.minimum) return engineFinding('value-range', rt, row, el.id, M.outOfRange(el.label, 'min', el.minimum));
    if (el.maximum !== undefined && x > el.maximum) return engineFinding('value-range', rt, row, el.id, M.outOfRange(el.label, 'max', el.maximum));
    plan.status[i] = VALID;
    return undefined;
  }

  /**
   * Checks one present text value, units [from, to) of the plan's units, and sets its status; a
   * value with its type leaves its number (or YYYYMMDD date) in `nums`, for rules. Numbers and
   * booleans are read from text (as CSV gives them).
   */
  private checkText(el: CompiledElement, i: number, plan: Plan, rt: string, row: number | undefined): Finding | undefined {
    const kind = el.kind;
    const u = plan.units;
    const from = plan.from[i]!;
    const to = plan.to[i]!;
    plan.status[i] = INVALID;
    switch (kind) {
      case K_INTEGER:
      case K_DECIMAL: {
        const x = kind === K_INTEGER ? integerOf(u, from, to) : decimalOf(u, from, to);
        if (x !== undefined && Number.isNaN(x)) return engineFinding('decimal-comma', rt, row, el.id, M.decimalComma(el.label));
        if (x === undefined) return engineFinding('type', rt, row, el.id, M.wrongType(el.label, el.valueType));
        return this.checkNumber(el, x, i, plan, rt, row);
      }
      case K_BOOLEAN:
        if (!unitsEqual(u, from, to, 'true') && !unitsEqual(u, from, to, 'false')) return engineFinding('type', rt, row, el.id, M.wrongType(el.label, el.valueType));
        plan.status[i] = VALID;
        return undefined;
      case K_DATE: {
        const d = isoDateOf(u, from, to);
        if (d < 0) return engineFinding('date', rt, row, el.id, M.badDate(el.label));
        plan.nums[i] = d;
        break;
      }
      case K_CODE: {
        const allowed = el.allowed ?? allowedCodes(el);
        if (!allowed.hasUnits(u, from, to)) {
          const cl = el.classification!;
          const v = textOf(u, from, to);
          const known = codeTable(cl).indexOf(v);
          if (known >= 0 && isGroup(cl, known)) return engineFinding('code-not-selectable', rt, row, el.id, M.codeNotSelectable(el.label));
          const reason = known >= 0 ? 'not-allowed' : allowed.has(`0${v}`) || allowed.has(`00${v}`) ? 'leading-zero' : 'unknown';
          return engineFinding('code', rt, row, el.id, M.unknownCode(el.label, cl.model.label, reason));
        }
        break;
      }
      case K_PIN: {
        const r = personalIdentityNumberOf(u, from, to);
        if (r !== 'personnummer' && r !== 'samordningsnummer') {
          return engineFinding('personal-identity-number', rt, row, el.id, M.badPersonalIdentityNumber(el.label, r));
        }
        break;
      }
      case K_ORG: {
        const r = organisationNumberOf(u, from, to);
        if (r !== 'organisationsnummer') return engineFinding('organisation-number', rt, row, el.id, M.badOrganisationNumber(el.label, r));
        break;
      }
      default:
        break;
    }
    plan.status[i] = FLAGGED;
    if (el.minLength !== undefined || el.maxLength !== undefined) {
      // Code points, as JSON Schema counts; the UTF-16 length bounds them, so most values need no count.
      const units = to - from;
      const exact = (el.maxLength !== undefined && units > el.maxLength) || (el.minLength !== undefined && units < el.minLength * 2);
      const len = exact ? codePointLength(u, from, to) : units;
      if (el.minLength !== undefined && len < el.minLength) return engineFinding('length', rt, row, el.id, M.badLength(el.label, 'min', el.minLength));
      if (el.maxLength !== undefined && len > el.maxLength) return engineFinding('length', rt, row, el.id, M.badLength(el.label, 'max', el.maxLength));
    }
    if (el.pattern !== undefined && !el.pattern.test(u, from, to)) return engineFinding('pattern', rt, row, el.id, M.badPattern(el.label));
    plan.status[i] = VALID;
    return undefined;
  }

  /** The period's first and last day as YYYYMMDD numbers (the last period's, kept). */
  private periodDays(period: ReportingPeriod): { readonly period: ReportingPeriod; readonly start: number; readonly end: number } {
    if (this.days?.period !== period) this.days = { period, start: parseIsoDate(period.start), end: parseIsoDate(period.end) };
    return this.days;
  }

  private conditionHolds(c: CompiledCondition, plan: Plan): boolean {
    const present = c.index >= 0 && plan.status[c.index] !== ABSENT;
    if (c.equals) return present && plan.status[c.index]! >= FLAGGED && textIn(plan, c.index, c.equals);
    return c.present ? present : !present;
  }

  private checkRule(r: CompiledRule, plan: Plan, rt: string, row: number | undefined, period: ReportingPeriod | undefined): Finding | undefined {
    const { status, nums, elements } = plan;
    switch (r.shape) {
      case 'required-if': {
        if (this.conditionHolds(r.when!, plan) && !this.conditionHolds(r.then!, plan)) return ruleFinding(r, rt, row, fieldId(plan, r.then!.index));
        return undefined;
      }
      case 'date-order': {
        for (let k = 0; k + 1 < r.elements.length; k++) {
          const a = r.elements[k]!;
          const b = r.elements[k + 1]!;
          if (status[a]! >= FLAGGED && status[b]! >= FLAGGED && elements[a]!.el.kind === K_DATE && elements[b]!.el.kind === K_DATE && nums[a]! > nums[b]!) {
            return ruleFinding(r, rt, row, fieldId(plan, b));
          }
        }
        return undefined;
      }
      case 'exactly-one-of': {
        let count = 0;
        let second = -1;
        for (const i of r.elements) {
          if (status[i] !== ABSENT) {
            count++;
            if (count === 2) second = i;
          }
        }
        if (count === 1) return undefined;
        return ruleFinding(r, rt, row, fieldId(plan, count === 0 ? r.elements[0]! : second));
      }
      case 'range': {
        const i = r.elements[0]!;
        const kind = elements[i]!.el.kind;
        if (status[i]! < FLAGGED || (kind !== K_INTEGER && kind !== K_DECIMAL)) return undefined;
        const x = nums[i]!;
        if ((r.minimum !== undefined && x < r.minimum) || (r.maximum !== undefined && x > r.maximum)) return ruleFinding(r, rt, row, fieldId(plan, i));
        return undefined;
      }
      case 'within-period': {
        const i = r.elements[0]!;
        if (!period || status[i]! < FLAGGED || elements[i]!.el.kind !== K_DATE) return undefined;
        const d = nums[i]!;
        const days = this.periodDays(period);
        if (d < days.start || d > days.end) return ruleFinding(r, rt, row, fieldId(plan, i));
        return undefined;
      }
      case 'code-valid-on-date': {
        const c = r.elements[0]!;
        const d = r.elements.length > 1 ? r.elements[1]! : plan.dateIndex;
        if (d < 0 || status[c]! < FLAGGED || status[d]! < FLAGGED || elements[d]!.el.kind !== K_DATE) return undefined;
        const cl = elements[c]!.el.classification;
        const code = cl && plan.from[c]! >= 0 ? codeTable(cl).indexOfUnits(plan.units, plan.from[c]!, plan.to[c]!) : -1;
        if (code < 0 || validOn(cl!, code, nums[d]!)) return undefined;
        return ruleFinding(r, rt, row, fieldId(plan, c));
      }
      default:
        return undefined;
    }
  }
}

/** How an engine is built. */
export interface EngineOptions {
  /**
   * Code tables another engine of the same model built (Engine.codeTables), by classification id:
   * a thread of `kodkatalog validate` is given those of the main thread. @internal
   */
  readonly codeTables?: ReadonlyMap<string, Int32Array>;
}

/** Builds the engine for a model (code lists are compiled into hash tables once, when first needed). */
export function createEngine(model: ValidationModel, options?: EngineOptions): Engine {
  return new Engine(model, options);
}

/**
 * The record's own date (its record type's date element) when it is a date, else undefined: what
 * decides phases without a reporting period. @internal
 */
export function recordDate(plan: Plan): string | undefined {
  return plan.dateIndex >= 0 && plan.status[plan.dateIndex]! >= FLAGGED ? planText(plan, plan.dateIndex) : undefined;
}

/** @internal */
export { ABSENT, FLAGGED, covers };
