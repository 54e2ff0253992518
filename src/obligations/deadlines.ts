/**
 * Reporting periods and concrete due dates from an obligation's period and deadline rules.
 *
 * A browser module (see ./browser.ts): it imports only ./calendar.js and uses no Node API.
 *
 * Choices that the format leaves open, made here once:
 * - A period is reported when it overlaps the obligation's validity, even partly: an obligation in
 *   force from 15 March still covers what happened from 15 to 31 March. A snapshot is reported when
 *   its day lies within the validity. A due date may fall after `validTo`: the last period is still
 *   owed after the obligation ends.
 * - `day-of-next-month` means the given day of the month after the month in which the period ends,
 *   clamped to that month's length (day 31 → 30 April, 28 or 29 February).
 * - `fixed` (`--MM-DD`) means the first such day strictly after the period ends for month, quarter
 *   and year periods, and on or after the snapshot day for a snapshot. `--02-29` becomes 28 February
 *   in a common year.
 * - `days-after-period-end` counts calendar days from the last day of the period (the snapshot day).
 * - `continuous` has no periods, so nothing is emitted: each event is reported on its own, within
 *   the deadline counted from the event (e.g. `days-after-period-end` 30 = 30 days after the event;
 *   ./words.ts says so in words). Calendars show no dates for it.
 * - `adjust: next-working-day` moves a due date on a Saturday, Sunday, public holiday, midsommarafton,
 *   julafton or nyårsafton to the next working day (./calendar.ts explains the eves).
 */
import { addDays, daysInMonth, isoDate, nextWorkingDay } from './calendar.js';

/** How the time a submission covers is cut (structurally equal to the model's obligation period). */
export interface PeriodRule {
  /** month, quarter, year, snapshot (one day each year) or continuous. */
  readonly kind: 'month' | 'quarter' | 'year' | 'snapshot' | 'continuous';
  /** For snapshot: the day of the year, `--MM-DD`. */
  readonly date?: string;
}

/** When a submission is due (structurally equal to the model's obligation deadline). */
export interface DeadlineRule {
  /** The kind of rule. */
  readonly kind: 'day-of-next-month' | 'fixed' | 'days-after-period-end';
  /** For day-of-next-month: the day of the month. */
  readonly day?: number;
  /** For fixed: the day of the year, `--MM-DD`. */
  readonly date?: string;
  /** For days-after-period-end: calendar days after the period's last day. */
  readonly days?: number;
  /** Whether a due date on a non-working day moves to the next working day. */
  readonly adjust: 'next-working-day' | 'none';
}

/** One reporting period. */
export interface ReportingPeriod {
  /** Stable id: `2027-03` (month), `2027-Q1` (quarter), `2027` (year), `2027-10-01` (snapshot). */
  readonly id: string;
  /** The period kind. */
  readonly kind: 'month' | 'quarter' | 'year' | 'snapshot';
  /** First day covered. */
  readonly start: string;
  /** Last day covered (equal to start for a snapshot). */
  readonly end: string;
}

/** One submission: a period and the day it must be in. */
export interface Submission {
  /** The period it covers. */
  readonly period: ReportingPeriod;
  /** The last day to submit, after any move to a working day. */
  readonly due: string;
  /** The day the deadline rule gives before any move. */
  readonly nominalDue: string;
  /** True when `due` was moved from `nominalDue` because that is not a working day. */
  readonly moved: boolean;
}

/** Validity of an obligation: first and last day in force, both optional. */
export interface Validity {
  /** First day in force. */
  readonly validFrom?: string;
  /** Last day in force. */
  readonly validTo?: string;
}

/** Month and day of a `--MM-DD` value. */
function monthDay(value: string): { month: number; day: number } {
  return { month: Number(value.slice(2, 4)), day: Number(value.slice(5, 7)) };
}

/** The day `month`/`day` in `year`, clamped to the month's length. */
function clampedDate(year: number, month: number, day: number): string {
  return isoDate(year, month, Math.min(day, daysInMonth(year, month)));
}

/** The period of `kind` that contains `date` (for snapshots: the snapshot on or after `date`). */
function periodAt(rule: PeriodRule, date: string): ReportingPeriod | undefined {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  switch (rule.kind) {
    case 'month':
      return { id: date.slice(0, 7), kind: 'month', start: isoDate(y, m, 1), end: isoDate(y, m, daysInMonth(y, m)) };
    case 'quarter': {
      const q = Math.floor((m - 1) / 3) + 1;
      const last = q * 3;
      return { id: `${String(y).padStart(4, '0')}-Q${q}`, kind: 'quarter', start: isoDate(y, last - 2, 1), end: isoDate(y, last, daysInMonth(y, last)) };
    }
    case 'year':
      return { id: String(y).padStart(4, '0'), kind: 'year', start: isoDate(y, 1, 1), end: isoDate(y, 12, 31) };
    case 'snapshot': {
      const md = monthDay(rule.date ?? '--01-01');
      let day = clampedDate(y, md.month, md.day);
      if (day < date) day = clampedDate(y + 1, md.month, md.day);
      return { id: day, kind: 'snapshot', start: day, end: day };
    }
    case 'continuous':
      return undefined;
  }
}

/**
 * The periods of a rule that overlap [from, to], in order (snapshots: the snapshot days in the
 * range). Empty for `continuous`.
 */
export function periodsBetween(rule: PeriodRule, from: string, to: string): ReportingPeriod[] {
  const out: ReportingPeriod[] = [];
  let p = periodAt(rule, from);
  while (p && p.start <= to) {
    out.push(p);
    p = periodAt(rule, addDays(p.end, 1));
  }
  return out;
}

/** The due date the rule gives for a period, before any move to a working day. */
export function nominalDueDate(deadline: DeadlineRule, period: ReportingPeriod): string {
  const endYear = Number(period.end.slice(0, 4));
  const endMonth = Number(period.end.slice(5, 7));
  switch (deadline.kind) {
    case 'day-of-next-month': {
      const nextMonth = endMonth === 12 ? 1 : endMonth + 1;
      const year = endMonth === 12 ? endYear + 1 : endYear;
      return clampedDate(year, nextMonth, deadline.day ?? 1);
    }
    case 'fixed': {
      const md = monthDay(deadline.date ?? '--01-01');
      // A snapshot may be due the same day; other periods only once they have ended.
      const earliest = period.kind === 'snapshot' ? period.end : addDays(period.end, 1);
      const y = Number(earliest.slice(0, 4));
      const sameYear = clampedDate(y, md.month, md.day);
      return sameYear >= earliest ? sameYear : clampedDate(y + 1, md.month, md.day);
    }
    case 'days-after-period-end':
      return addDays(period.end, deadline.days ?? 0);
  }
}

/** The submission for one period: nominal due date and the date after the working-day rule. */
export function submissionFor(deadline: DeadlineRule, period: ReportingPeriod): Submission {
  const nominalDue = nominalDueDate(deadline, period);
  const due = deadline.adjust === 'none' ? nominalDue : nextWorkingDay(nominalDue);
  return { period, due, nominalDue, moved: due !== nominalDue };
}

/** True when the period overlaps the validity (snapshots: the day lies within it). */
function periodInForce(period: ReportingPeriod, validity: Validity): boolean {
  return (validity.validFrom === undefined || period.end >= validity.validFrom) && (validity.validTo === undefined || period.start <= validity.validTo);
}

/**
 * The submissions whose due date (after any move) lies in [from, to], for periods in force under
 * `validity`, in due-date order. Empty for a continuous period.
 */
export function submissionsDue(period: PeriodRule, deadline: DeadlineRule, range: { readonly from: string; readonly to: string }, validity: Validity = {}): Submission[] {
  // A due date lies at most about 13 months after its period ends (a fixed day after a year period,
  // or 366 days), plus a few days for holidays: start 800 days back to catch every period due in range.
  const out = periodsBetween(period, addDays(range.from, -800), range.to)
    .filter((p) => periodInForce(p, validity))
    .map((p) => submissionFor(deadline, p))
    .filter((s) => s.due >= range.from && s.due <= range.to);
  return out.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.period.start < b.period.start ? -1 : 1));
}
