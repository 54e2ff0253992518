import type { ModelPeriodKind } from './model.js';
import { unitsOf, type Units } from './units.js';

/** True for a Gregorian leap year (1900 is not one, 2000 is). */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month (1-12) of a year. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** True when year, month (1-12) and day name a day that exists. */
export function isRealDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

// Reads `count` ASCII digits from `at`; -1 when any is not a digit.
function digits(u: Units, at: number, count: number): number {
  let n = 0;
  for (let i = at; i < at + count; i++) {
    const c = u[i]! - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** `parseIsoDate` of the units [from, to). @internal */
export function isoDateOf(u: Units, from: number, to: number): number {
  if (to - from !== 10 || u[from + 4] !== 45 || u[from + 7] !== 45) return -1;
  const y = digits(u, from, 4);
  const m = digits(u, from + 5, 2);
  const d = digits(u, from + 8, 2);
  if (y < 0 || m < 0 || d < 0 || !isRealDate(y, m, d)) return -1;
  return y * 10000 + m * 100 + d;
}

/**
 * A real ISO date `YYYY-MM-DD` as the number YYYYMMDD (so numbers order like dates), or -1 when the
 * text is not in that form or names a day that does not exist (2027-02-29, 1900-02-29).
 */
export function parseIsoDate(s: string): number {
  return isoDateOf(unitsOf(s), 0, s.length);
}

/** A reporting period: first and last day, both included, as ISO dates. */
export interface ReportingPeriod {
  /** First day (ISO date). */
  readonly start: string;
  /** Last day (ISO date). */
  readonly end: string;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);
const iso = (y: number, m: number, d: number): string => `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;

function monthRange(y: number, m1: number, m2: number): ReportingPeriod {
  return { start: iso(y, m1, 1), end: iso(y, m2, daysInMonth(y, m2)) };
}

/**
 * Reads a reporting period as people write it: `2027` (a year; for a snapshot obligation the
 * snapshot day of that year), `2027-03` (a month), `2027-Q1` or `2027-K1` (a quarter), `2027-10-01`
 * (one day) or `2027-01-01/2027-06-30` (any range). Returns undefined for anything else, including
 * a form that does not fit the obligation's period kind (a month for a yearly obligation).
 * `snapshotDate` is the obligation's `--MM-DD`.
 */
export function parsePeriod(text: string, kind?: ModelPeriodKind, snapshotDate?: string): ReportingPeriod | undefined {
  const t = text.trim();
  const slash = t.indexOf('/');
  if (slash >= 0) {
    const start = t.slice(0, slash);
    const end = t.slice(slash + 1);
    const a = parseIsoDate(start);
    const b = parseIsoDate(end);
    return a >= 0 && b >= 0 && a <= b ? { start, end } : undefined;
  }
  if (/^[0-9]{4}$/.test(t)) {
    const y = Number(t);
    if (kind === 'snapshot') {
      const m = snapshotDate ? /^--([0-9]{2})-([0-9]{2})$/.exec(snapshotDate) : null;
      if (!m) return undefined;
      const mm = Number(m[1]);
      const dd = Number(m[2]);
      if (!isRealDate(y, mm, dd)) return undefined;
      return { start: iso(y, mm, dd), end: iso(y, mm, dd) };
    }
    if (kind !== undefined && kind !== 'year' && kind !== 'continuous') return undefined;
    return monthRange(y, 1, 12);
  }
  const q = /^([0-9]{4})-[QqKk]([1-4])$/.exec(t);
  if (q) {
    if (kind !== undefined && kind !== 'quarter' && kind !== 'continuous') return undefined;
    const n = Number(q[2]);
    return monthRange(Number(q[1]), n * 3 - 2, n * 3);
  }
  const mo = /^([0-9]{4})-([0-9]{2})$/.exec(t);
  if (mo) {
    const m = Number(mo[2]);
    if (m < 1 || m > 12 || (kind !== undefined && kind !== 'month' && kind !== 'continuous')) return undefined;
    return monthRange(Number(mo[1]), m, m);
  }
  if (parseIsoDate(t) >= 0) {
    if (kind !== undefined && kind !== 'snapshot' && kind !== 'continuous') return undefined;
    // A snapshot obligation is about one day of the year; another day is a typo, not a choice.
    if (kind === 'snapshot' && snapshotDate !== undefined && `--${t.slice(5)}` !== snapshotDate) return undefined;
    return { start: t, end: t };
  }
  return undefined;
}
