import { describe, expect, it } from 'vitest';
import { daysInMonth, isLeapYear, parseIsoDate, parsePeriod } from '../../../src/validate/engine/index.js';

describe('dates', () => {
  it('knows the Gregorian leap years', () => {
    expect([1900, 2000, 2024, 2027, 2100].map(isLeapYear)).toEqual([false, true, true, false, false]);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2027, 4)).toBe(30);
  });

  it('reads real ISO dates only', () => {
    expect(parseIsoDate('2027-03-01')).toBe(20270301);
    expect(parseIsoDate('2000-02-29')).toBe(20000229);
    for (const bad of ['1900-02-29', '2027-02-29', '2027-13-01', '2027-00-10', '2027-04-31', '2027-3-01', '20270301', '2027-03-01T00:00', ' 2027-03-01', '２０２７-03-01']) {
      expect(parseIsoDate(bad), bad).toBe(-1);
    }
  });
});

describe('reporting periods', () => {
  it('reads a month, a quarter, a year, a day and a range', () => {
    expect(parsePeriod('2027-03')).toEqual({ start: '2027-03-01', end: '2027-03-31' });
    expect(parsePeriod('2028-02')).toEqual({ start: '2028-02-01', end: '2028-02-29' });
    expect(parsePeriod('2027-Q2')).toEqual({ start: '2027-04-01', end: '2027-06-30' });
    expect(parsePeriod('2027-K4')).toEqual({ start: '2027-10-01', end: '2027-12-31' });
    expect(parsePeriod('2027')).toEqual({ start: '2027-01-01', end: '2027-12-31' });
    expect(parsePeriod('2027-10-01')).toEqual({ start: '2027-10-01', end: '2027-10-01' });
    expect(parsePeriod('2027-01-01/2027-06-30')).toEqual({ start: '2027-01-01', end: '2027-06-30' });
  });

  it('reads a year as the snapshot day for a snapshot obligation, and refuses other days', () => {
    expect(parsePeriod('2027', 'snapshot', '--10-01')).toEqual({ start: '2027-10-01', end: '2027-10-01' });
    expect(parsePeriod('2027-10-01', 'snapshot', '--10-01')).toEqual({ start: '2027-10-01', end: '2027-10-01' });
    expect(parsePeriod('2027-09-30', 'snapshot', '--10-01')).toBeUndefined();
  });

  it('refuses a form that does not fit the kind, and nonsense', () => {
    expect(parsePeriod('2027-03', 'year')).toBeUndefined();
    expect(parsePeriod('2027', 'month')).toBeUndefined();
    expect(parsePeriod('2027-Q1', 'month')).toBeUndefined();
    for (const bad of ['2027-13', '2027-Q5', 'mars', '2027-06-30/2027-01-01', '2027-02-30', '']) expect(parsePeriod(bad), bad).toBeUndefined();
  });
});
