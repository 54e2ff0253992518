import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayNumber,
  daysInMonth,
  easterSunday,
  fromDayNumber,
  holidaysOn,
  isIsoDate,
  isPublicHoliday,
  isWorkingDay,
  nextWorkingDay,
  swedishHolidays,
  weekday,
} from '../../src/obligations/calendar.js';

describe('Easter by the Gregorian computus', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    // Edge cases of the algorithm: the earliest and latest possible dates, and century years.
    [1818, '1818-03-22'],
    [2285, '2285-03-22'],
    [1943, '1943-04-25'],
    [2038, '2038-04-25'],
    [2000, '2000-04-23'],
    [2100, '2100-03-28'],
  ])('%i: %s', (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
    expect(weekday(expected)).toBe(7);
  });

  it('always falls on a Sunday between 22 March and 25 April', () => {
    for (let y = 1900; y <= 2200; y++) {
      const e = easterSunday(y);
      expect(weekday(e)).toBe(7);
      expect(e.slice(5) >= '03-22' && e.slice(5) <= '04-25').toBe(true);
    }
  });
});

describe('Swedish holidays', () => {
  it('lists 2027 with movable feasts in the right places', () => {
    expect(swedishHolidays(2027).map((h) => `${h.date} ${h.name}${h.legal ? '' : ' (de facto)'}`)).toEqual([
      '2027-01-01 nyårsdagen',
      '2027-01-06 trettondedag jul',
      '2027-03-26 långfredagen',
      '2027-03-28 påskdagen',
      '2027-03-29 annandag påsk',
      '2027-05-01 första maj',
      '2027-05-06 Kristi himmelsfärdsdag',
      '2027-05-16 pingstdagen',
      '2027-06-06 Sveriges nationaldag',
      '2027-06-25 midsommarafton (de facto)',
      '2027-06-26 midsommardagen',
      '2027-11-06 alla helgons dag',
      '2027-12-24 julafton (de facto)',
      '2027-12-25 juldagen',
      '2027-12-26 annandag jul',
      '2027-12-31 nyårsafton (de facto)',
    ]);
  });

  it('puts midsommarafton on the Friday between 19 and 25 June and alla helgons dag on the Saturday between 31 October and 6 November', () => {
    for (let y = 2000; y <= 2100; y++) {
      const hs = swedishHolidays(y);
      const eve = hs.find((h) => h.name === 'midsommarafton')!.date;
      const saints = hs.find((h) => h.name === 'alla helgons dag')!.date;
      expect(weekday(eve)).toBe(5);
      expect(eve >= `${y}-06-19` && eve <= `${y}-06-25`).toBe(true);
      expect(weekday(saints)).toBe(6);
      expect(saints >= `${y}-10-31` && saints <= `${y}-11-06`).toBe(true);
    }
    expect(swedishHolidays(2028).find((h) => h.name === 'midsommarafton')!.date).toBe('2028-06-23');
    expect(swedishHolidays(2026).find((h) => h.name === 'alla helgons dag')!.date).toBe('2026-10-31');
  });

  it('treats julafton, midsommarafton and nyårsafton as non-working but not as legal holidays', () => {
    for (const d of ['2027-06-25', '2027-12-24', '2027-12-31', '2025-12-24']) {
      expect(isWorkingDay(d)).toBe(false);
      expect(isPublicHoliday(d)).toBe(false);
      expect(holidaysOn(d)).toHaveLength(1);
    }
    for (const d of ['2028-12-25', '2030-01-01', '2027-03-26', '2027-03-29', '2027-05-06', '2027-05-01', '2029-06-06']) {
      expect(isPublicHoliday(d)).toBe(true);
      expect(isWorkingDay(d)).toBe(false);
    }
  });

  it('knows ordinary working days and weekends', () => {
    expect(isWorkingDay('2027-03-15')).toBe(true); // Monday
    expect(isWorkingDay('2027-05-15')).toBe(false); // Saturday
    expect(isWorkingDay('2027-08-15')).toBe(false); // Sunday
    expect(isWorkingDay('2027-01-05')).toBe(true); // trettondagsafton is a working day
    expect(isWorkingDay('2027-03-25')).toBe(true); // skärtorsdagen is a working day
  });
});

describe('nextWorkingDay', () => {
  it.each([
    ['2027-03-15', '2027-03-15', 'a working day stays'],
    ['2027-05-15', '2027-05-17', 'Saturday to Monday'],
    ['2027-06-25', '2027-06-28', 'midsommarafton, midsommardagen and a Sunday'],
    ['2027-12-24', '2027-12-27', 'julafton and the Christmas weekend'],
    ['2028-12-25', '2028-12-27', 'juldagen and annandag jul on Monday and Tuesday'],
    ['2027-12-31', '2028-01-03', 'nyårsafton, nyårsdagen on a Saturday, Sunday: across the year end'],
    ['2030-01-01', '2030-01-02', 'nyårsdagen on a Tuesday'],
    ['2027-03-26', '2027-03-30', 'långfredagen to the Tuesday after annandag påsk'],
    ['2028-04-15', '2028-04-18', 'the Saturday before Easter 2028'],
    ['2027-05-06', '2027-05-07', 'Kristi himmelsfärdsdag'],
  ])('%s -> %s (%s)', (from, to) => {
    expect(nextWorkingDay(from)).toBe(to);
  });
});

describe('date arithmetic without time zones', () => {
  it('validates ISO dates, leap years included', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('2100-02-29')).toBe(false);
    expect(isIsoDate('2027-04-31')).toBe(false);
    expect(isIsoDate('2027-13-01')).toBe(false);
    expect(isIsoDate('2027-1-01')).toBe(false);
    expect(isIsoDate('2027-01-01T00:00')).toBe(false);
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2027, 2)).toBe(28);
  });

  it('adds days across month, leap-day and year ends', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2028-02-29', 1)).toBe('2028-03-01');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2027-12-31', 1)).toBe('2028-01-01');
    expect(addDays('2028-01-01', -1)).toBe('2027-12-31');
    expect(addDays('2028-01-31', 30)).toBe('2028-03-01');
  });

  it('round-trips day numbers and agrees with UTC dates over centuries', () => {
    for (let n = dayNumber('1899-12-25'); n < dayNumber('2101-01-10'); n += 7) {
      const iso = fromDayNumber(n);
      expect(dayNumber(iso)).toBe(n);
      expect(new Date(n * 86_400_000).toISOString().slice(0, 10)).toBe(iso);
    }
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(weekday('1970-01-01')).toBe(4);
    expect(weekday('2027-03-01')).toBe(1);
  });
});
