/**
 * A submission checked in two halves, so that the row checks can run on several threads:
 *
 * - `RowChecker` checks records with the engine (what `SubmissionState.push` does for one row) and,
 *   instead of keeping keys, writes for each record a few numbers: where it came from and, for every
 *   cross-row rule, a 64-bit hash of its key (two 32-bit halves), and for periods their dates. It
 *   keeps nothing between records, so any number of them can check chunks of a file side by side.
 * - `CrossState` takes those numbers in file order, in one place, and does what needs all rows:
 *   unique keys, references, overlapping periods. It keeps typed arrays only: a key costs about
 *   12 bytes however long it is (20 with a period), and no personnummer is held as a string.
 *
 * The single-threaded path runs both halves on one thread, through the same code, so the findings
 * and their order are the same whichever path reads a file. They are those of `SubmissionState`
 * (the engine's own cross-row checker), except that two different keys whose 64-bit hashes collide
 * count as equal: with a million keys that happens with a probability of about 3e-8.
 */
import type { ReportingPeriod } from './engine/dates.js';
import { ABSENT, FLAGGED, covers, engineFinding, keyText, overlaps, recordDate, ruleFinding, safeName, type CompiledRule, type Engine, type FieldText, type Finding, type Plan } from './engine/engine.js';
import * as M from './engine/messages.js';
import { hashEnd, hashMix, hashStart, hashUnits } from './engine/hash.js';
import { repeatedKey } from './engine/submission.js';
import { unitsOf, type Units } from './engine/units.js';
import type { ModelObligation, ValidationModel } from './engine/model.js';
import type { InputProblem, RecordSink } from './input.js';

const UNIQUE = 0;
const REFERENCE = 1;
const OVERLAP = 2;

// Dates as YYYYMMDD numbers; an open end is after every date (as in the engine's submission).
const OPEN_END = 99999999;

interface RuleLayout {
  readonly rule: CompiledRule;
  readonly kind: number;
  /**
   * reference-exists: the target key set it looks in. unique-key: the target key set it keeps its
   * keys in (-1: a table of its own), when it is the set's collector (see SubmissionLayout).
   */
  readonly target: number;
  /** Whether the rule applies in the reporting period (undefined without one: the record's date decides). */
  readonly inPeriod: boolean | undefined;
}

interface StateLayout {
  /** Position among the states: written into each record's numbers. */
  readonly index: number;
  readonly plan: Plan;
  /** False when the obligation does not take this record type in the reporting period. */
  readonly inForce: boolean;
  /** Target key sets this record type fills, with the element indices that make the key. */
  readonly collectors: readonly { readonly idx: readonly number[]; readonly target: number }[];
  readonly rules: readonly RuleLayout[];
  /** Numbers a record of this state takes after its three-number head (set once the collectors are known). */
  slots: number;
}

/**
 * The record types of a submission and their cross-row rules, in a fixed order that the row
 * checkers and the cross-row state agree on (they are built from the same model, obligation and
 * period, also in worker threads).
 */
export class SubmissionLayout {
  readonly obligation: ModelObligation | undefined;
  readonly period: ReportingPeriod | undefined;
  readonly states: readonly StateLayout[];
  readonly byId: ReadonlyMap<string, StateLayout>;
  /** Number of distinct target key sets. */
  readonly targets: number;
  /** Per record type id: the element holding the record's personnummer (for the masked person in reports). */
  readonly personField: ReadonlyMap<string, string>;

  /** Throws a RangeError for an unknown obligation or an unreadable period, as `SubmissionState` does. */
  constructor(
    readonly engine: Engine,
    obligationId: string | undefined,
    period: ReportingPeriod | string | undefined,
  ) {
    this.obligation = obligationId === undefined ? undefined : engine.requireObligation(obligationId);
    this.period = engine.resolvePeriod(period, obligationId);
    const model: ValidationModel = engine.model;
    const entries = this.obligation?.recordTypes ?? model.recordTypes.map((rt) => ({ recordType: rt.id, validFrom: undefined, validTo: undefined }));
    const signatures = new Map<string, number>();
    const states: StateLayout[] = [];
    const byId = new Map<string, StateLayout>();
    const p = this.period;
    for (const entry of entries) {
      const plan = engine.plan(entry.recordType, obligationId)!;
      const rules = plan.crossRules.map((rule): RuleLayout => {
        // Phased cross-row rules follow the same window as row rules: the period, else the record's date.
        const inPeriod = p ? covers(rule.validFrom, rule.validTo, p.start, p.end) : undefined;
        if (rule.shape === 'unique-key') return { rule, kind: UNIQUE, target: -1, inPeriod };
        if (rule.shape === 'reference-exists') {
          const signature = `${rule.target!.recordType}\u0000${rule.target!.elements.join(',')}`;
          let t = signatures.get(signature);
          if (t === undefined) signatures.set(signature, (t = signatures.size));
          return { rule, kind: REFERENCE, target: t, inPeriod };
        }
        return { rule, kind: OVERLAP, target: -1, inPeriod };
      });
      const inForce = !(this.obligation && p && !overlaps(entry.validFrom, entry.validTo, p.start, p.end));
      const state: StateLayout = { index: states.length, plan, inForce, collectors: [], rules, slots: 0 };
      states.push(state);
      byId.set(entry.recordType, state);
    }
    // Each record type collects the keys that others refer to. A unique key on the same elements,
    // in force whatever the period, keeps those keys already (with its first rows, all > 0), so its
    // table is the set: one table and one lookup fewer (a person's personnummer, say).
    for (const [signature, target] of signatures) {
      const [rt, elements] = signature.split('\u0000') as [string, string];
      const state = byId.get(rt);
      if (!state) continue;
      const idx = elements.split(',').map((e) => state.plan.index.get(e) ?? -1);
      if (idx.some((i) => i < 0)) continue;
      const rules = state.rules as RuleLayout[];
      const k = rules.findIndex((r) => r.kind === UNIQUE && r.target < 0 && r.rule.validFrom === undefined && r.rule.validTo === undefined && r.rule.elements.join() === idx.join());
      if (k >= 0) rules[k] = { ...rules[k]!, target };
      else (state.collectors as { idx: readonly number[]; target: number }[]).push({ idx, target });
    }
    for (const state of states) state.slots = slotsOf(state);
    this.states = states;
    this.byId = byId;
    this.targets = signatures.size;
    const types = new Map(model.elements.map((e) => [e.id, e.valueType]));
    const personField = new Map<string, string>();
    for (const rt of model.recordTypes) {
      const pnr = rt.elements.find((e) => types.get(e.element) === 'personal-identity-number');
      if (pnr) personField.set(rt.id, pnr.element);
    }
    this.personField = personField;
  }

  /** The obligation's finding when it is not in force in the period, else undefined. */
  obligationFinding(): Finding | undefined {
    const ob = this.obligation;
    const p = this.period;
    if (ob && p && !overlaps(ob.validFrom, ob.validTo, p.start, p.end)) {
      return engineFinding('obligation-not-in-force', undefined, undefined, undefined, M.obligationNotInForce(ob.label, p.start, p.end));
    }
    return undefined;
  }
}

/**
 * What a row checker found in a run of records: per record its numbers in `ops` (state index or -1,
 * line, person prefix, then the key slots of its state), and the findings and problems in the
 * order they arose. Rows and lines are counted from 1 within the run.
 */
export interface ChunkResult {
  /** Records read. */
  readonly rows: number;
  /** Whole numbers all (hash halves, rows, days): int32. */
  readonly ops: Int32Array;
  readonly events: readonly ChunkEvent[];
}

/** A finding of row `r`, or a problem of the file after `r` records of the run. */
export interface ChunkEvent {
  readonly r: number;
  readonly f?: Finding;
  readonly p?: InputProblem;
}

/**
 * The hash of the key the plan's values at `idx` make, as `tupleKey` makes it (undefined where it
 * is), without building the key: false when the key is absent.
 */
function hashTuple(plan: Plan, idx: readonly number[], emptyIsValue: boolean, out: Int32Array, at: number): boolean {
  hashStart();
  for (let k = 0; k < idx.length; k++) {
    const i = idx[k]!;
    if (plan.status[i] === ABSENT) {
      if (!emptyIsValue) return false;
      // An absent part: a length no string has.
      hashMix(-1);
      continue;
    }
    const from = plan.from[i]!;
    if (from >= 0) hashUnits(plan.units, from, plan.to[i]!);
    else {
      const s = keyText(plan.values[i]);
      hashUnits(unitsOf(s), 0, s.length);
    }
  }
  hashEnd(out, at);
  return true;
}

/** YYYYMMDD of a personnummer-looking text as a number, 0 when none: all a masked person shows. */
function personPrefix(u: Units, from: number, to: number): number {
  const n = to - from;
  // As maskIdentityNumber: twelve digits, or eight digits and a separator and four more characters.
  const digits = n === 12 ? 12 : n === 13 ? 8 : 0;
  if (digits === 0) return 0;
  let x = 0;
  for (let i = 0; i < digits; i++) {
    const c = u[from + i]! - 48;
    if (c < 0 || c > 9) return 0;
    if (i < 8) x = x * 10 + c;
  }
  return x;
}

/** personPrefix of a value as given (not text: 0). */
function valuePrefix(v: unknown): number {
  return typeof v === 'string' ? personPrefix(unitsOf(v), 0, v.length) : 0;
}

const hasOwn = Object.prototype.hasOwnProperty;
const EMPTY_KEYS: readonly string[] = [];

/**
 * Checks records one at a time with the engine and writes what the cross-row rules need as
 * numbers. Holds nothing between records; `take()` hands over what a run of records produced.
 */
export class RowChecker {
  private ops = new Int32Array(1 << 14);
  private length = 0;
  private readonly events: ChunkEvent[] = [];
  private rows = 0;
  // Where the personnummer was among the last record's keys (none yet).
  private personKeys: readonly string[] = EMPTY_KEYS;
  private personName = '';
  private personAt = -1;

  constructor(private readonly layout: SubmissionLayout) {}

  /** Records checked since the last `take()`. */
  get count(): number {
    return this.rows;
  }

  /** A problem of the file, after the records checked so far. */
  problem(p: InputProblem): void {
    this.events.push({ r: this.rows, p });
  }

  /**
   * What a reader hands its records and problems to: each record is checked as one of the record
   * type it names, else of `recordType`, at its line (counted within the run).
   */
  sink(recordType: string): RecordSink {
    return {
      record: (values, rt, line) => this.row(rt ?? recordType, line, values, EMPTY_KEYS, EMPTY_KEYS, 0),
      fields: (keys, values, count, rt, line, _index, text) => this.row(rt ?? recordType, line, undefined, keys, values, count, text),
      problem: (p) => this.problem(p),
    };
  }

  private row(
    recordTypeId: string,
    line: number,
    record: Record<string, unknown> | undefined,
    keys: readonly string[],
    values: readonly unknown[],
    count: number,
    text?: FieldText,
  ): void {
    const layout = this.layout;
    const row = ++this.rows;
    const state = layout.byId.get(recordTypeId);
    const pf = layout.personField.get(recordTypeId);
    let at = this.reserve(3 + (state ? state.slots : 0));
    const ops = this.ops;
    ops[at + 1] = line;
    if (pf === undefined) ops[at + 2] = 0;
    else if (record) ops[at + 2] = hasOwn.call(record, pf) ? valuePrefix(record[pf]) : 0;
    else {
      // Where the personnummer is among the keys: the same as for the last record with these keys.
      if (keys !== this.personKeys || pf !== this.personName) {
        this.personKeys = keys;
        this.personName = pf;
        this.personAt = keys.indexOf(pf);
      }
      const k = this.personAt < 0 || this.personAt >= count ? count : this.personAt;
      const from = k < count && text ? text.from[k]! : -1;
      ops[at + 2] = k === count ? 0 : from >= 0 ? personPrefix(text!.units, from, text!.to[k]!) : valuePrefix(values[k]);
    }
    ops[at] = -1;
    if (!state) {
      const rt = layout.engine.recordType(recordTypeId);
      this.finding(
        row,
        rt && layout.obligation
          ? engineFinding('record-type-not-in-obligation', rt.id, row, undefined, M.recordTypeNotInObligation(rt.label, layout.obligation.label))
          : engineFinding('unknown-record-type', undefined, row, undefined, M.unknownRecordType(safeName(recordTypeId))),
      );
      this.length = at + 3;
      return;
    }
    const p = layout.period;
    const plan = state.plan;
    if (!state.inForce) {
      this.finding(row, engineFinding('record-type-not-in-force', plan.recordType.id, row, undefined, M.recordTypeNotInForce(plan.recordType.label, layout.obligation!.label, p!.start, p!.end)));
      this.length = at + 3;
      return;
    }
    const out = record ? layout.engine.run(plan, record, row, p) : layout.engine.runFields(plan, keys, values, count, row, p, text);
    if (out) {
      for (const f of out) this.finding(row, f);
      if (out[0]?.code === 'not-an-object') {
        this.length = at + 3;
        return;
      }
    }
    ops[at] = state.index;
    at += 3;
    // Phased cross-row rules follow the same window as row rules: the period, else the record's date.
    const date = p ? undefined : recordDate(plan);
    const wStart = p ? p.start : date;
    const wEnd = p ? p.end : date;
    for (const c of state.collectors) {
      ops[at] = hashTuple(plan, c.idx, false, ops, at + 1) ? 1 : 0;
      at += 3;
    }
    for (const s of state.rules) {
      const rule = s.rule;
      const width = s.kind === OVERLAP ? 5 : 3;
      ops[at] = 0;
      if (s.inPeriod ?? covers(rule.validFrom, rule.validTo, wStart, wEnd)) {
        if (s.kind !== OVERLAP) {
          if (hashTuple(plan, rule.elements, false, ops, at + 1)) ops[at] = 1;
        } else {
          const [a, b] = rule.elements as [number, number];
          if (plan.status[a]! >= FLAGGED) {
            const start = plan.nums[a]!;
            const end = plan.status[b] === ABSENT ? OPEN_END : plan.status[b]! < FLAGGED ? -1 : plan.nums[b]!;
            // An invalid or inverted end is reported by its own checks; the record is left out here.
            if (end >= start) {
              ops[at] = 1;
              hashTuple(plan, rule.groupBy, true, ops, at + 1);
              ops[at + 3] = start;
              ops[at + 4] = end;
            }
          }
        }
      }
      at += width;
    }
    this.length = at;
  }

  /** What the records since the last call produced; starts a new run. */
  take(): ChunkResult {
    // Copies of what the run used: the checker keeps its arrays for the next run.
    const result: ChunkResult = { rows: this.rows, ops: this.ops.slice(0, this.length), events: this.events.slice() };
    this.length = 0;
    this.events.length = 0;
    this.rows = 0;
    return result;
  }

  private finding(r: number, f: Finding): void {
    this.events.push({ r, f });
  }

  private reserve(n: number): number {
    const at = this.length;
    if (at + n > this.ops.length) {
      const grown = new Int32Array(Math.max(this.ops.length * 2, at + n));
      grown.set(this.ops.subarray(0, at));
      this.ops = grown;
    }
    return at;
  }
}

/** Numbers a record of this state takes after its three-number head. */
function slotsOf(state: StateLayout): number {
  let n = state.collectors.length * 3;
  for (const r of state.rules) n += r.kind === OVERLAP ? 5 : 3;
  return n;
}

/**
 * An open-addressing hash table of 64-bit keys (two int32 halves) to positive int32 values, in one
 * typed array with a slot's three numbers side by side, so that a probe reads one cache line:
 * 12 bytes a slot, at most 3/4 full: sized by `reset` for the keys to come, before any is put.
 */
export class KeyTable {
  // Empty, with room for 12 keys: as reset(0) leaves it.
  private slots = new Int32Array(16 * 3);
  private mask = 15;
  size = 0;

  /** Empties the table, with room for `n` keys (it keeps its array when that is large enough). */
  reset(n: number): void {
    let capacity = 16;
    while (capacity * 3 < n * 4) capacity *= 2;
    if (this.slots.length < capacity * 3) this.slots = new Int32Array(capacity * 3);
    else this.slots.fill(0, 0, capacity * 3);
    this.mask = capacity - 1;
    this.size = 0;
  }

  /** The slot where the search for a key starts. */
  private home(hi: number, lo: number): number {
    return (lo ^ Math.imul(hi, 0x9e3779b1)) & this.mask;
  }

  /** The value of a key, 0 when absent. */
  get(hi: number, lo: number): number {
    const { slots, mask } = this;
    for (let i = this.home(hi, lo); ; i = (i + 1) & mask) {
      const at = i * 3;
      const v = slots[at + 2]!;
      if (v === 0) return 0;
      if (slots[at] === hi && slots[at + 1] === lo) return v;
    }
  }

  /** The value already stored for the key, or 0 after storing `value` (> 0) for it. */
  putIfAbsent(hi: number, lo: number, value: number): number {
    const { slots, mask } = this;
    for (let i = this.home(hi, lo); ; i = (i + 1) & mask) {
      const at = i * 3;
      const v = slots[at + 2]!;
      if (v === 0) {
        slots[at] = hi;
        slots[at + 1] = lo;
        slots[at + 2] = value;
        this.size++;
        return 0;
      }
      if (slots[at] === hi && slots[at + 1] === lo) return v;
    }
  }

  /** Bytes held. */
  get bytes(): number {
    return this.slots.byteLength;
  }
}

// Columns grow by half, not double: they hold a number or three a row, and doubling would leave up
// to half of a large file's worth unused.
const GROWTH = 1.5;

/** A growable column of int32 numbers. */
class Column {
  length = 0;
  data = new Int32Array(1024);
  push(x: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(Math.ceil(this.data.length * GROWTH));
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = x;
  }
}

/**
 * Bits of a key's hash that choose its partition. A million keys in one hash table take some 24 MB,
 * far more than a core's cache, and each lookup then waits for memory (about 150 ns here, against
 * 10 when the table is cached). So keys are only written down while the file is read, each in the
 * partition its hash names, and compared at the end partition by partition, in a table of a
 * thousand keys or so that stays in the cache.
 */
const PART_BITS = 10;
const PARTS = 1 << PART_BITS;
/** Entries a block holds: a partition's entries are in a chain of blocks. */
const BLOCK = 32;
/** Numbers an arena holds: blocks are cut from arenas, since a typed array takes microseconds to make. */
const ARENA_BITS = 16;
const ARENA = 1 << ARENA_BITS;
/** Keys a key set remembers, by their low bits, of those it was given last (see KeyLog.recent). */
const RECENT = 1 << 10;

/**
 * The keys of a key set or of a cross-row rule, in file order within each partition: per entry the
 * key's two hash halves, its row and, for periods, their start and end (`width` numbers in all).
 * A partition's entries are in a chain of blocks cut one after another from large arenas: a block
 * is its next block's position (-1 for none), then BLOCK entries. An entry is written to the last
 * block of its partition, and the last blocks of all partitions stay in the cache.
 */
class KeyLog {
  /**
   * The arenas, after the first "arena": the position of each partition's first block (-1: none
   * yet), where a block is linked from as from the block before it (one way, taken from the first
   * block on: a branch first taken late in the file makes V8 throw away the code compiled without it).
   */
  private readonly arenas: Int32Array[] = [new Int32Array(PARTS).fill(-1)];
  /** Where the next block is cut: a position (arena << ARENA_BITS | offset). */
  private free = 1 << ARENA_BITS;
  /** Per partition: the position its next block is linked from (in the first "arena" for the first block). */
  private readonly last = Int32Array.from({ length: PARTS }, (_, p) => p);
  /** Per partition: the arena of its last block, where in it the next entry goes, and where that block ends. */
  private readonly tail: Int32Array[] = [];
  private readonly next = new Int32Array(PARTS);
  private readonly end = new Int32Array(PARTS);
  /** Per partition: its entries. */
  private readonly counts = new Int32Array(PARTS);
  /**
   * A key set's last keys, two numbers a key in the slot its low bits name: a reference to one of
   * them is resolved at once (in a file of persons each followed by their interventions, nearly
   * every reference). Slot 0 starts with a key whose low bits are not 0, so no key is found in an
   * empty slot.
   */
  private readonly lastKeys: Int32Array | undefined;

  constructor(
    readonly width: 3 | 5,
    isTarget = false,
  ) {
    const none = new Int32Array(0);
    for (let p = 0; p < PARTS; p++) this.tail.push(none);
    if (isTarget) (this.lastKeys = new Int32Array(RECENT * 2))[1] = 1;
  }

  /** True when a key set was given this key among its last keys (false says nothing). */
  recent(hi: number, lo: number): boolean {
    const keys = this.lastKeys!;
    const at = (lo & (RECENT - 1)) * 2;
    return keys[at] === hi && keys[at + 1] === lo;
  }

  push(hi: number, lo: number, row: number, start: number, end: number): void {
    const p = hi >>> (32 - PART_BITS);
    let at = this.next[p]!;
    let arena = this.tail[p]!;
    if (at === this.end[p]) {
      arena = this.block(p);
      at = this.next[p]!;
    }
    arena[at] = hi;
    arena[at + 1] = lo;
    arena[at + 2] = row;
    if (this.width === 5) {
      arena[at + 3] = start;
      arena[at + 4] = end;
    }
    this.next[p] = at + this.width;
    this.counts[p]!++;
    const keys = this.lastKeys;
    if (keys) {
      const k = (lo & (RECENT - 1)) * 2;
      keys[k] = hi;
      keys[k + 1] = lo;
    }
  }

  /** Cuts a new last block for partition p: its arena. */
  private block(p: number): Int32Array {
    const size = 1 + BLOCK * this.width;
    let pos = this.free;
    if (pos >>> ARENA_BITS >= this.arenas.length || (pos & (ARENA - 1)) + size > ARENA) {
      pos = this.arenas.length << ARENA_BITS;
      this.arenas.push(new Int32Array(ARENA));
    }
    this.free = pos + size;
    const arena = this.arenas[pos >>> ARENA_BITS]!;
    const at = pos & (ARENA - 1);
    arena[at] = -1;
    const prev = this.last[p]!;
    this.arenas[prev >>> ARENA_BITS]![prev & (ARENA - 1)] = pos;
    this.last[p] = pos;
    this.tail[p] = arena;
    this.next[p] = at + 1;
    this.end[p] = at + size;
    return arena;
  }

  /** Entries in partition p. */
  count(p: number): number {
    return this.counts[p]!;
  }

  /** Partition p's blocks in order, each as its arena and where in it the entries are: [from, to). */
  eachBlock(p: number, visit: (data: Int32Array, from: number, to: number) => void): void {
    for (let pos = this.arenas[0]![p]!; pos >= 0; ) {
      const arena = this.arenas[pos >>> ARENA_BITS]!;
      const at = pos & (ARENA - 1);
      visit(arena, at + 1, pos === this.last[p] ? this.next[p]! : at + 1 + BLOCK * this.width);
      pos = arena[at]!;
    }
  }

  /** Lets go of the entries, once read for the last time. */
  clear(): void {
    this.arenas.length = 0;
    this.tail.length = 0;
  }
}

/**
 * Where each row of a submission came from, in typed arrays (12 bytes a row), because findings of
 * cross-row rules arrive at the end and must still name file, line and the masked personnummer.
 */
export class RowIndex {
  private file = new Uint16Array(1024);
  private line = new Int32Array(1024);
  // The first eight digits of the row's personnummer (YYYYMMDD), 0 when none: all a mask shows.
  private person = new Int32Array(1024);
  size = 0;

  add(file: number, line: number, person: number): number {
    if (this.size === this.line.length) {
      const n = Math.ceil(this.line.length * GROWTH);
      const file2 = new Uint16Array(n);
      file2.set(this.file);
      this.file = file2;
      const line2 = new Int32Array(n);
      line2.set(this.line);
      this.line = line2;
      const person2 = new Int32Array(n);
      person2.set(this.person);
      this.person = person2;
    }
    this.file[this.size] = file;
    this.line[this.size] = line;
    this.person[this.size] = person;
    return ++this.size;
  }

  at(row: number): { file: number; line: number; person?: string } | undefined {
    const i = row - 1;
    if (i < 0 || i >= this.size) return undefined;
    const p = this.person[i]!;
    return { file: this.file[i]!, line: this.line[i]!, ...(p ? { person: `${p}-****` } : {}) };
  }
}

/** A cross-row rule and the keys it was given (a unique key kept in a target set: that set's). */
interface RuleState {
  readonly layout: RuleLayout;
  readonly plan: Plan;
  readonly log: KeyLog;
  /** reference-exists: the key set it looks in. */
  readonly target: KeyLog | undefined;
}

/**
 * The cross-row rules of a submission, fed with row checkers' numbers in file order. Emits each
 * row's own findings as soon as they are known, and those of the cross-row rules (duplicate keys,
 * references, overlaps) at `finish`, sorted by row.
 */
export class CrossState {
  readonly rows = new RowIndex();
  /** Per state, its cross-row rules. */
  private readonly rules: RuleState[][];
  /** The key sets that references look in. */
  private readonly targets: KeyLog[];
  private obligationChecked = false;
  private finished = false;

  constructor(private readonly layout: SubmissionLayout) {
    this.targets = Array.from({ length: layout.targets }, () => new KeyLog(3, true));
    this.rules = layout.states.map((s) =>
      s.rules.map(
        (r): RuleState => ({
          layout: r,
          plan: s.plan,
          log: r.kind === UNIQUE && r.target >= 0 ? this.targets[r.target]! : new KeyLog(r.kind === OVERLAP ? 5 : 3),
          target: r.kind === REFERENCE ? this.targets[r.target]! : undefined,
        }),
      ),
    );
  }

  /**
   * Takes a run of records read from file `file`, whose lines are counted from `lineOffset + 1`,
   * and emits its findings and problems in file order, each finding with what to add to its row
   * to make it the submission's row number (a row checker counts rows within the run). Problems
   * come as they are (their lines still counted within the run) for the caller to place.
   */
  merge(result: ChunkResult, file: number, lineOffset: number, emit: (f: Finding, rowShift: number) => void, problem: (p: InputProblem) => void): void {
    const { ops, events } = result;
    const states = this.layout.states;
    const rowBase = this.rows.size;
    let e = 0;
    let at = 0;
    for (let r = 1; r <= result.rows; r++) {
      while (e < events.length && events[e]!.p && events[e]!.r < r) problem(events[e++]!.p!);
      const stateIndex = ops[at]!;
      const row = this.rows.add(file, ops[at + 1]! + lineOffset, ops[at + 2]!);
      at += 3;
      if (!this.obligationChecked) {
        this.obligationChecked = true;
        const f = this.layout.obligationFinding();
        if (f) emit(f, 0);
      }
      while (e < events.length && !events[e]!.p && events[e]!.r === r) {
        const f = events[e++]!.f!;
        emit(f, rowBase);
      }
      if (stateIndex < 0) continue;
      const state = states[stateIndex]!;
      for (const c of state.collectors) {
        if (ops[at] === 1) this.targets[c.target]!.push(ops[at + 1]!, ops[at + 2]!, row, 0, 0);
        at += 3;
      }
      const rules = this.rules[stateIndex]!;
      for (let k = 0; k < rules.length; k++) {
        const { log, target } = rules[k]!;
        // A reference to a key just given is resolved here; any other waits for the end. Only a
        // period has a start and an end (reading past the last record's numbers costs a deopt).
        const period = log.width === 5;
        if (ops[at] === 1 && !target?.recent(ops[at + 1]!, ops[at + 2]!)) log.push(ops[at + 1]!, ops[at + 2]!, row, period ? ops[at + 3]! : 0, period ? ops[at + 4]! : 0);
        at += log.width;
      }
    }
    while (e < events.length) {
      const ev = events[e++]!;
      if (ev.p) problem(ev.p);
    }
  }

  /**
   * Ends the submission: compares keys, resolves references and compares periods, and gives those
   * findings sorted by row (for one row: in the order of record types and rules), each made as it
   * is taken, so that a caller who writes them as they come never holds them all. Call once.
   */
  *finish(): Generator<Finding> {
    if (this.finished) return;
    this.finished = true;
    if (!this.obligationChecked) {
      this.obligationChecked = true;
      const f = this.layout.obligationFinding();
      if (f) yield f;
    }
    // The rules numbered in the order of record types and rules; per target set, the unique key
    // that keeps its keys (-1: none) and the references that look in it.
    const list = this.rules.flat();
    const owner = this.targets.map(() => -1);
    const references = this.targets.map((): number[] => []);
    const others: number[] = [];
    list.forEach(({ layout: { kind, target } }, no) => {
      if (kind === REFERENCE) references[target]!.push(no);
      else if (kind === UNIQUE && target >= 0) owner[target] = no;
      else others.push(no);
    });
    // Findings as (row, related, rule) numbers, sorted by row, then made one by one.
    const fRow = new Column();
    const fRelated = new Column();
    const fRule = new Column();
    const found = (row: number, related: number, rule: number): void => {
      fRow.push(row);
      fRelated.push(related);
      fRule.push(rule);
    };
    const table = new KeyTable();
    // A partition's keys into the table in file order: each repeat found as a duplicate of `rule` (if >= 0).
    const fill = (log: KeyLog, p: number, rule: number): void => {
      table.reset(log.count(p));
      log.eachBlock(p, (d, from, to) => {
        for (let i = from; i < to; i += 3) {
          const first = table.putIfAbsent(d[i]!, d[i + 1]!, d[i + 2]!);
          if (first !== 0 && rule >= 0) found(d[i + 2]!, first, rule);
        }
      });
    };
    let gid = new Int32Array(0);
    let periods = gid;
    for (let p = 0; p < PARTS; p++) {
      this.targets.forEach((set, t) => {
        fill(set, p, owner[t]!);
        for (const no of references[t]!) {
          list[no]!.log.eachBlock(p, (d, from, to) => {
            for (let i = from; i < to; i += 3) if (table.get(d[i]!, d[i + 1]!) === 0) found(d[i + 2]!, 0, no);
          });
        }
      });
      for (const no of others) {
        const log = list[no]!.log;
        if (list[no]!.layout.kind === UNIQUE) {
          fill(log, p, no);
          continue;
        }
        // Periods: side by side, each with its group, numbered in order of first appearance in the partition.
        const n = log.count(p);
        if (gid.length < n) [gid, periods] = [new Int32Array(n), new Int32Array(n * 5)];
        const d = periods;
        let k = 0;
        log.eachBlock(p, (data, from, to) => {
          d.set(data.subarray(from, to), k);
          k += to - from;
        });
        table.reset(n);
        for (let i = 0; i < n; i++) {
          const g = table.putIfAbsent(d[i * 5]!, d[i * 5 + 1]!, table.size + 1);
          gid[i] = g === 0 ? table.size : g;
        }
        overlapsIn(d, n, gid, table.size, (row, related) => found(row, related, no));
      }
    }
    for (const s of list) s.log.clear();
    for (const t of this.targets) t.clear();
    const n = fRow.length;
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    const rowOf = fRow.data;
    const ruleOf = fRule.data;
    order.sort((a, b) => rowOf[a]! - rowOf[b]! || ruleOf[a]! - ruleOf[b]!);
    for (let k = 0; k < n; k++) {
      const i = order[k]!;
      const { layout, plan } = list[ruleOf[i]!]!;
      const rule = layout.rule;
      const row = rowOf[i]!;
      const related = fRelated.data[i]!;
      if (layout.kind === UNIQUE) {
        yield repeatedKey(plan, rule, row, related);
        continue;
      }
      const field = plan.elements[rule.elements[0]!]!.el.id;
      yield related === 0 ? ruleFinding(rule, plan.recordType.id, row, field) : ruleFinding(rule, plan.recordType.id, row, field, related);
    }
  }
}

// Per group: its periods sorted by start (then row), and each that begins before an earlier one has
// ended, with the row whose end reaches furthest. Entry i of `d` is (hash halves, row, start, end)
// from i * 5, of group gid[i] (1 to `groups`).
function overlapsIn(d: Int32Array, n: number, gid: Int32Array, groups: number, report: (row: number, related: number) => void): void {
  if (n < 2) return;
  const rowOf = (i: number): number => d[i * 5 + 2]!;
  const start = (i: number): number => d[i * 5 + 3]!;
  const end = (i: number): number => d[i * 5 + 4]!;
  // Counting sort by group, keeping file order within a group.
  const first = new Int32Array(groups + 2);
  for (let i = 0; i < n; i++) first[gid[i]! + 1]!++;
  for (let g = 1; g <= groups + 1; g++) first[g]! += first[g - 1]!;
  const members = new Int32Array(n);
  const next = first.slice();
  for (let i = 0; i < n; i++) members[next[gid[i]!]!++] = i;
  for (let g = 1; g <= groups; g++) {
    const from = first[g]!;
    const to = first[g + 1]!;
    if (to - from < 2) continue;
    const order = Array.from(members.subarray(from, to));
    order.sort((x, y) => start(x) - start(y) || rowOf(x) - rowOf(y));
    let maxEnd = end(order[0]!);
    let maxRow = rowOf(order[0]!);
    for (let k = 1; k < order.length; k++) {
      const i = order[k]!;
      if (start(i) <= maxEnd) report(rowOf(i), maxRow);
      if (end(i) > maxEnd) {
        maxEnd = end(i);
        maxRow = rowOf(i);
      }
    }
  }
}
