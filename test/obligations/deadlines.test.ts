import { describe, expect, it } from 'vitest';
import { nominalDueDate, periodsBetween, submissionFor, submissionsDue, type DeadlineRule, type PeriodRule, type ReportingPeriod } from '../../src/obligations/deadlines.js';

const month: PeriodRule = { kind: 'month' };
const dayOfNext = (day: number, adjust: DeadlineRule['adjust'] = 'next-working-day'): DeadlineRule => ({ kind: 'day-of-next-month', day, adjust });
const fixed = (date: string, adjust: DeadlineRule['adjust'] = 'next-working-day'): DeadlineRule => ({ kind: 'fixed', date, adjust });
const monthPeriod = (ym: string): ReportingPeriod => periodsBetween(month, `${ym}-01`, `${ym}-01`)[0]!;
const short = (s: { period: { id: string }; due: string; nominalDue: string; moved: boolean }): string => `${s.period.id} ${s.due}${s.moved ? ` (from ${s.nominalDue})` : ''}`;

describe('periods', () => {
  it('cuts months, quarters, years and snapshots that overlap a range', () => {
    expect(periodsBetween(month, '2027-11-20', '2028-02-01').map((p) => `${p.id} ${p.start}..${p.end}`)).toEqual([
      '2027-11 2027-11-01..2027-11-30',
      '2027-12 2027-12-01..2027-12-31',
      '2028-01 2028-01-01..2028-01-31',
      '2028-02 2028-02-01..2028-02-29',
    ]);
    expect(periodsBetween({ kind: 'quarter' }, '2027-05-01', '2028-01-01').map((p) => `${p.id} ${p.start}..${p.end}`)).toEqual([
      '2027-Q2 2027-04-01..2027-06-30',
      '2027-Q3 2027-07-01..2027-09-30',
      '2027-Q4 2027-10-01..2027-12-31',
      '2028-Q1 2028-01-01..2028-03-31',
    ]);
    expect(periodsBetween({ kind: 'year' }, '2027-06-01', '2028-06-01').map((p) => `${p.id} ${p.start}..${p.end}`)).toEqual(['2027 2027-01-01..2027-12-31', '2028 2028-01-01..2028-12-31']);
    expect(periodsBetween({ kind: 'snapshot', date: '--10-01' }, '2027-10-02', '2029-10-01').map((p) => p.id)).toEqual(['2028-10-01', '2029-10-01']);
    expect(periodsBetween({ kind: 'snapshot', date: '--10-01' }, '2027-10-01', '2027-10-01').map((p) => p.id)).toEqual(['2027-10-01']);
    expect(periodsBetween({ kind: 'continuous' }, '2027-01-01', '2030-01-01')).toEqual([]);
  });
});

describe('day-of-next-month', () => {
  it('gives the 15th of the following month, across the year end, moved off weekends', () => {
    expect(short(submissionFor(dayOfNext(15), monthPeriod('2027-11')))).toBe('2027-11 2027-12-15');
    expect(short(submissionFor(dayOfNext(15), monthPeriod('2027-12')))).toBe('2027-12 2028-01-17 (from 2028-01-15)');
    expect(short(submissionFor(dayOfNext(15), monthPeriod('2027-04')))).toBe('2027-04 2027-05-17 (from 2027-05-15)');
  });

  it('clamps the day to the month length, leap years included', () => {
    expect(nominalDueDate(dayOfNext(31), monthPeriod('2028-01'))).toBe('2028-02-29');
    expect(nominalDueDate(dayOfNext(30), monthPeriod('2028-01'))).toBe('2028-02-29');
    expect(nominalDueDate(dayOfNext(29), monthPeriod('2027-01'))).toBe('2027-02-28');
    expect(nominalDueDate(dayOfNext(31), monthPeriod('2027-03'))).toBe('2027-04-30');
    // 28 February 2027 is a Sunday.
    expect(short(submissionFor(dayOfNext(31), monthPeriod('2027-01')))).toBe('2027-01 2027-03-01 (from 2027-02-28)');
  });

  it('moves off Swedish holidays: juldagen, nyårsdagen, påsk, midsommarafton', () => {
    // 25 December 2028 is a Monday (juldagen), 26 December annandag jul.
    expect(short(submissionFor(dayOfNext(25), monthPeriod('2028-11')))).toBe('2028-11 2028-12-27 (from 2028-12-25)');
    // 1 January 2030 is a Tuesday (nyårsdagen).
    expect(short(submissionFor(dayOfNext(1), monthPeriod('2029-12')))).toBe('2029-12 2030-01-02 (from 2030-01-01)');
    // Långfredagen 26 March 2027; annandag påsk 29 March.
    expect(short(submissionFor(dayOfNext(26), monthPeriod('2027-02')))).toBe('2027-02 2027-03-30 (from 2027-03-26)');
    // Annandag påsk 2028 is 17 April.
    expect(short(submissionFor(dayOfNext(17), monthPeriod('2028-03')))).toBe('2028-03 2028-04-18 (from 2028-04-17)');
    // Midsommarafton 2027 is 25 June; midsommardagen a Saturday.
    expect(short(submissionFor(dayOfNext(25), monthPeriod('2027-05')))).toBe('2027-05 2027-06-28 (from 2027-06-25)');
    // Julafton 2027 is a Friday.
    expect(short(submissionFor(dayOfNext(24), monthPeriod('2027-11')))).toBe('2027-11 2027-12-27 (from 2027-12-24)');
  });

  it('keeps the day with adjust: none', () => {
    expect(short(submissionFor(dayOfNext(15, 'none'), monthPeriod('2027-12')))).toBe('2027-12 2028-01-15');
    expect(short(submissionFor(dayOfNext(25, 'none'), monthPeriod('2028-11')))).toBe('2028-11 2028-12-25');
  });

  it('follows quarters and years to the month after they end', () => {
    const q4 = periodsBetween({ kind: 'quarter' }, '2027-12-01', '2027-12-01')[0]!;
    expect(nominalDueDate(dayOfNext(15), q4)).toBe('2028-01-15');
    const y = periodsBetween({ kind: 'year' }, '2027-01-01', '2027-01-01')[0]!;
    expect(nominalDueDate(dayOfNext(31), y)).toBe('2028-01-31');
  });
});

describe('fixed', () => {
  const year2027 = periodsBetween({ kind: 'year' }, '2027-01-01', '2027-01-01')[0]!;
  const snapshot = (date: string, year: string): ReportingPeriod => periodsBetween({ kind: 'snapshot', date }, `${year}-01-01`, `${year}-12-31`)[0]!;

  it('gives the first such day after a month, quarter or year ends', () => {
    expect(nominalDueDate(fixed('--03-31'), year2027)).toBe('2028-03-31');
    expect(nominalDueDate(fixed('--12-31'), year2027)).toBe('2028-12-31');
    expect(nominalDueDate(fixed('--01-10'), monthPeriod('2027-12'))).toBe('2028-01-10');
    expect(nominalDueDate(fixed('--01-10'), monthPeriod('2027-11'))).toBe('2028-01-10');
    expect(nominalDueDate(fixed('--12-01'), monthPeriod('2027-11'))).toBe('2027-12-01');
    expect(nominalDueDate(fixed('--11-30'), monthPeriod('2027-11'))).toBe('2028-11-30');
  });

  it('gives the first such day on or after a snapshot', () => {
    expect(short(submissionFor(fixed('--10-25'), snapshot('--10-01', '2027')))).toBe('2027-10-01 2027-10-25');
    // 25 October 2026 is a Sunday.
    expect(short(submissionFor(fixed('--10-25'), snapshot('--10-01', '2026')))).toBe('2026-10-01 2026-10-26 (from 2026-10-25)');
    expect(nominalDueDate(fixed('--10-01'), snapshot('--10-01', '2027'))).toBe('2027-10-01');
    expect(nominalDueDate(fixed('--09-30'), snapshot('--10-01', '2027'))).toBe('2028-09-30');
  });

  it('makes 29 February the 28th in a common year', () => {
    expect(nominalDueDate(fixed('--02-29', 'none'), year2027)).toBe('2028-02-29');
    const y2028 = periodsBetween({ kind: 'year' }, '2028-01-01', '2028-01-01')[0]!;
    expect(nominalDueDate(fixed('--02-29', 'none'), y2028)).toBe('2029-02-28');
    expect(periodsBetween({ kind: 'snapshot', date: '--02-29' }, '2027-01-01', '2028-12-31').map((p) => p.id)).toEqual(['2027-02-28', '2028-02-29']);
  });
});

describe('days-after-period-end', () => {
  it('counts calendar days from the last day, across the leap day and year end', () => {
    const d: DeadlineRule = { kind: 'days-after-period-end', days: 30, adjust: 'none' };
    expect(nominalDueDate(d, monthPeriod('2028-01'))).toBe('2028-03-01');
    expect(nominalDueDate(d, monthPeriod('2027-01'))).toBe('2027-03-02');
    expect(nominalDueDate(d, monthPeriod('2027-12'))).toBe('2028-01-30');
    expect(nominalDueDate({ ...d, days: 366 }, monthPeriod('2027-12'))).toBe('2028-12-31');
  });
});

describe('submissionsDue', () => {
  it('lists the submissions due in a range, in due-date order', () => {
    expect(submissionsDue(month, dayOfNext(15), { from: '2027-12-01', to: '2028-02-29' }).map(short)).toEqual([
      '2027-11 2027-12-15',
      '2027-12 2028-01-17 (from 2028-01-15)',
      '2028-01 2028-02-15',
    ]);
  });

  it('selects by the moved date, not the nominal one', () => {
    // December 2027 is nominally due 15 January 2028 but moved to the 17th.
    expect(submissionsDue(month, dayOfNext(15), { from: '2028-01-16', to: '2028-01-31' }).map(short)).toEqual(['2027-12 2028-01-17 (from 2028-01-15)']);
  });

  it('emits no period before validFrom or after validTo, but still the last period due after the end', () => {
    const validity = { validFrom: '2027-01-01', validTo: '2027-12-31' };
    const all = submissionsDue(month, dayOfNext(15), { from: '2026-01-01', to: '2029-01-01' }, validity).map((s) => s.period.id);
    expect(all[0]).toBe('2027-01');
    expect(all[all.length - 1]).toBe('2027-12');
    expect(all).toHaveLength(12);
  });

  it('reports a period that the validity covers only in part', () => {
    const s = submissionsDue(month, dayOfNext(15), { from: '2027-01-01', to: '2027-12-31' }, { validFrom: '2027-03-15' });
    expect(s[0]!.period.id).toBe('2027-03');
  });

  it('reaches back far enough for a year period due more than a year after it starts', () => {
    expect(submissionsDue({ kind: 'year' }, fixed('--03-31', 'none'), { from: '2028-01-01', to: '2028-12-31' }).map(short)).toEqual(['2027 2028-03-31']);
    expect(submissionsDue({ kind: 'year' }, { kind: 'days-after-period-end', days: 366, adjust: 'none' }, { from: '2028-12-31', to: '2028-12-31' }).map(short)).toEqual(['2027 2028-12-31']);
  });

  it('has nothing for a continuous period: each event has its own deadline', () => {
    expect(submissionsDue({ kind: 'continuous' }, { kind: 'days-after-period-end', days: 30, adjust: 'none' }, { from: '2027-01-01', to: '2030-01-01' })).toEqual([]);
  });

  it('gives the snapshot obligation of the register one date a year', () => {
    const s = submissionsDue({ kind: 'snapshot', date: '--10-01' }, fixed('--10-25'), { from: '2027-01-01', to: '2031-12-31' }, { validFrom: '2027-01-01' });
    // 25 October 2029 is a Thursday; 2031 a Saturday.
    expect(s.map(short)).toEqual(['2027-10-01 2027-10-25', '2028-10-01 2028-10-25', '2029-10-01 2029-10-25', '2030-10-01 2030-10-25', '2031-10-01 2031-10-27 (from 2031-10-25)']);
  });
});
