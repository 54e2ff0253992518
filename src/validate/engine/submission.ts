import type { ReportingPeriod } from './dates.js';
import { ABSENT, EMPTY, FLAGGED, covers, engineFinding, overlaps, planText, recordDate, ruleFinding, safeName, type CompiledRule, type Engine, type Finding, type Plan } from './engine.js';
import * as M from './messages.js';
import type { ModelObligation } from './model.js';

/** Options of a submission. */
export interface SubmissionOptions {
  /** The reporting period, as a range or as text (`2027-03`, `2027-Q1`, `2027`, ...). */
  readonly period?: ReportingPeriod | string;
}

// Values of several elements as one map key. Each part is length-prefixed, so no character a
// value may hold (not even NUL) can make two different tuples look alike. A missing value makes
// no key, unless `emptyIsValue` (grouping: an empty element is a group of its own).
/** The values of several elements as one map key (see above). @internal */
export function tupleKey(plan: Plan, idx: readonly number[], emptyIsValue = false): string | undefined {
  if (idx.length === 1 && !emptyIsValue) {
    const i = idx[0]!;
    return plan.status[i] === ABSENT ? undefined : planText(plan, i);
  }
  let key = '';
  for (const i of idx) {
    if (plan.status[i] === ABSENT) {
      if (!emptyIsValue) return undefined;
      key += '-:';
      continue;
    }
    const s = planText(plan, i)!;
    key += `${s.length}:${s}`;
  }
  return key;
}

// Dates as YYYYMMDD numbers; an open end is after every date.
const OPEN_END = 99999999;

interface RuleState {
  readonly rule: CompiledRule;
  /** unique-key: first row per key; the repeats found, as rows and first rows side by side. */
  readonly seen?: Map<string, number>;
  readonly repeats?: number[];
  /** reference-exists: the target's keys seen so far (shared by rules with the same target). */
  readonly targets?: Set<string>;
  /** reference-exists: references not resolved when pushed: key and row, side by side. */
  readonly pendingKeys?: string[];
  readonly pendingRows?: number[];
  /** no-overlap: per group, flat triples of start, end and row. */
  readonly groups?: Map<string, number[]>;
}

interface PlanState {
  readonly plan: Plan;
  readonly rules: readonly RuleState[];
  /** Target key sets this record type fills, with the element indices that make the key. */
  readonly collectors: readonly { readonly idx: readonly number[]; readonly set: Set<string> }[];
  readonly validFrom: string | undefined;
  readonly validTo: string | undefined;
}

/**
 * The state of one submission (one file) under an obligation, fed record by record. Row checks
 * happen in `push`; cross-row rules (unique keys, references, overlapping periods) keep only keys
 * and dates, not records, and report in `finish`, so a reference may come before the record it
 * refers to. Memory grows with the number of distinct keys, not with row size.
 */
export class SubmissionState {
  /** The obligation checked against; undefined when records of every record type are accepted. */
  readonly obligation: ModelObligation | undefined;
  /** The reporting period, when given. */
  readonly period: ReportingPeriod | undefined;
  private readonly engine: Engine;
  private readonly states = new Map<string, PlanState>();
  private readonly targetSets = new Map<string, Set<string>>();
  private rowCount = 0;
  private obligationChecked = false;
  private finished = false;

  /**
   * Starts a submission under an obligation (its record types, element subsets, phases and rules),
   * or with `undefined` for a file of any of the model's record types with their own rules only.
   * Throws a RangeError for an unknown obligation or an unreadable period.
   */
  constructor(engine: Engine, obligationId: string | undefined, options: SubmissionOptions = {}) {
    this.engine = engine;
    this.obligation = obligationId === undefined ? undefined : engine.requireObligation(obligationId);
    this.period = engine.resolvePeriod(options.period, obligationId);
    const entries = this.obligation?.recordTypes ?? engine.model.recordTypes.map((rt) => ({ recordType: rt.id, validFrom: undefined, validTo: undefined }));
    for (const entry of entries) {
      const plan = engine.plan(entry.recordType, obligationId)!;
      const rules = plan.crossRules.map((rule): RuleState => {
        switch (rule.shape) {
          case 'unique-key':
            return { rule, seen: new Map(), repeats: [] };
          case 'reference-exists':
            return { rule, targets: this.targetSet(rule.target!.recordType, rule.target!.elements), pendingKeys: [], pendingRows: [] };
          default:
            return { rule, groups: new Map() };
        }
      });
      this.states.set(entry.recordType, { plan, rules, collectors: [], validFrom: entry.validFrom, validTo: entry.validTo });
    }
    // Each record type collects the keys that others refer to.
    for (const [signature, set] of this.targetSets) {
      const [rt, elements] = signature.split('\u0000') as [string, string];
      const state = this.states.get(rt);
      if (!state) continue;
      const idx = elements.split(',').map((e) => state.plan.index.get(e) ?? -1);
      if (idx.some((i) => i < 0)) continue;
      (state.collectors as { idx: readonly number[]; set: Set<string> }[]).push({ idx, set });
    }
  }

  private targetSet(recordType: string, elements: readonly string[]): Set<string> {
    const signature = `${recordType}\u0000${elements.join(',')}`;
    let set = this.targetSets.get(signature);
    if (!set) this.targetSets.set(signature, (set = new Set()));
    return set;
  }

  private obligationFinding(): Finding | undefined {
    if (this.obligationChecked) return undefined;
    this.obligationChecked = true;
    const ob = this.obligation;
    const p = this.period;
    if (ob && p && !overlaps(ob.validFrom, ob.validTo, p.start, p.end)) {
      return engineFinding('obligation-not-in-force', undefined, undefined, undefined, M.obligationNotInForce(ob.label, p.start, p.end));
    }
    return undefined;
  }

  /**
   * Checks one record and remembers what cross-row rules need. `row` defaults to a count of the
   * records pushed (1, 2, ...). Returns the row's findings (a shared empty array when none).
   */
  push(recordTypeId: string, record: unknown, row?: number): readonly Finding[] {
    if (this.finished) throw new Error('kodkatalog: push after finish');
    this.rowCount++;
    const r = row ?? this.rowCount;
    const first = this.obligationFinding();
    const out = this.pushRecord(recordTypeId, record, r);
    if (first) return [first, ...out];
    return out;
  }

  private pushRecord(recordTypeId: string, record: unknown, row: number): readonly Finding[] {
    const state = this.states.get(recordTypeId);
    if (!state) {
      const rt = this.engine.recordType(recordTypeId);
      return [
        rt && this.obligation
          ? engineFinding('record-type-not-in-obligation', rt.id, row, undefined, M.recordTypeNotInObligation(rt.label, this.obligation.label))
          : engineFinding('unknown-record-type', undefined, row, undefined, M.unknownRecordType(safeName(recordTypeId))),
      ];
    }
    const p = this.period;
    const { plan } = state;
    if (this.obligation && p && !overlaps(state.validFrom, state.validTo, p.start, p.end)) {
      return [engineFinding('record-type-not-in-force', plan.recordType.id, row, undefined, M.recordTypeNotInForce(plan.recordType.label, this.obligation.label, p.start, p.end))];
    }
    let out = this.engine.run(plan, record, row, p);
    if (out && out[0]?.code === 'not-an-object') return out;
    const rt = plan.recordType.id;
    // Phased cross-row rules follow the same window as row rules: the period, else the record's date.
    const date = p ? undefined : recordDate(plan);
    const wStart = p ? p.start : date;
    const wEnd = p ? p.end : date;
    for (const c of state.collectors) {
      const key = tupleKey(plan, c.idx);
      if (key !== undefined) c.set.add(key);
    }
    for (const s of state.rules) {
      const rule = s.rule;
      if (!covers(rule.validFrom, rule.validTo, wStart, wEnd)) continue;
      if (s.seen) {
        const key = tupleKey(plan, rule.elements);
        if (key === undefined) continue;
        const firstRow = s.seen.get(key);
        if (firstRow === undefined) s.seen.set(key, row);
        else s.repeats!.push(row, firstRow);
      } else if (s.targets) {
        const key = tupleKey(plan, rule.elements);
        if (key === undefined || s.targets.has(key)) continue;
        s.pendingKeys!.push(key);
        s.pendingRows!.push(row);
      } else if (s.groups) {
        const [a, b] = rule.elements as [number, number];
        if (plan.status[a]! < FLAGGED) continue;
        const group = tupleKey(plan, rule.groupBy, true);
        if (group === undefined) continue;
        const start = plan.nums[a]!;
        const end = plan.status[b] === ABSENT ? OPEN_END : plan.status[b]! < FLAGGED ? -1 : plan.nums[b]!;
        // An invalid or inverted end is reported by its own checks; the record is left out here.
        if (end < start) continue;
        let list = s.groups.get(group);
        if (!list) s.groups.set(group, (list = []));
        list.push(start, end, row);
      }
    }
    return out ?? EMPTY;
  }

  /**
   * Ends the submission: finds repeated keys, resolves references and compares periods. Returns
   * those findings sorted by row (for one row: in the order of record types and rules). Call
   * once; the state keeps nothing afterwards.
   */
  finish(): readonly Finding[] {
    if (this.finished) return [];
    this.finished = true;
    const out: Finding[] = [];
    const first = this.obligationFinding();
    if (first) out.push(first);
    for (const state of this.states.values()) {
      const rt = state.plan.recordType.id;
      for (const s of state.rules) {
        const rule = s.rule;
        const field = state.plan.elements[rule.elements[0]!]!.el.id;
        if (s.targets) {
          const keys = s.pendingKeys!;
          const rows = s.pendingRows!;
          for (let i = 0; i < keys.length; i++) if (!s.targets.has(keys[i]!)) out.push(ruleFinding(rule, rt, rows[i], field));
          keys.length = 0;
          rows.length = 0;
        } else if (s.groups) {
          for (const list of s.groups.values()) overlapsIn(list, (row, related) => out.push(ruleFinding(rule, rt, row, field, related)));
          s.groups.clear();
        } else {
          const repeats = s.repeats!;
          for (let i = 0; i < repeats.length; i += 2) out.push(repeatedKey(state.plan, rule, repeats[i]!, repeats[i + 1]!));
          s.seen!.clear();
          repeats.length = 0;
        }
      }
    }
    for (const set of this.targetSets.values()) set.clear();
    return out.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  }
}

/** The finding of a unique key's repeat at `row`, first seen at `firstRow` (the record type's own key: duplicate-key). @internal */
export function repeatedKey(plan: Plan, rule: CompiledRule, row: number, firstRow: number): Finding {
  const rt = plan.recordType.id;
  const field = plan.elements[rule.elements[0]!]!.el.id;
  if (!rule.implicitKey) return ruleFinding(rule, rt, row, field, firstRow);
  const f = engineFinding('duplicate-key', rt, row, field, M.duplicateKey(plan.recordType.label, rule.elements.map((i) => plan.elements[i]!.el.label), firstRow));
  return { ...f, related: firstRow };
}

// Sorts one group's periods by start and reports each that begins before an earlier one has ended.
function overlapsIn(flat: number[], report: (row: number, related: number) => void): void {
  const n = flat.length / 3;
  if (n < 2) return;
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((x, y) => flat[x * 3]! - flat[y * 3]! || flat[x * 3 + 2]! - flat[y * 3 + 2]!);
  let maxEnd = flat[order[0]! * 3 + 1]!;
  let maxRow = flat[order[0]! * 3 + 2]!;
  for (let k = 1; k < n; k++) {
    const i = order[k]!;
    const start = flat[i * 3]!;
    const end = flat[i * 3 + 1]!;
    const row = flat[i * 3 + 2]!;
    if (start <= maxEnd) report(row, maxRow);
    if (end > maxEnd) {
      maxEnd = end;
      maxRow = row;
    }
  }
}
