/**
 * Swedish calendar arithmetic for reporting deadlines, computed without network or time zones.
 *
 * Dates are ISO strings `YYYY-MM-DD` throughout. Internally a date is a day number (days since
 * 1970-01-01) computed with `Date.UTC`, so no local time zone or daylight-saving change can move a
 * date by a day.
 *
 * This module is one of the "browser modules" of src/obligations: it imports nothing and uses no
 * Node API, so the docs site can run the same code in the browser (see ./browser.ts).
 *
 * Non-working days. The legal public holidays (allmänna helgdagar) are: nyårsdagen, trettondedag
 * jul, långfredagen, påskdagen, annandag påsk, första maj, Kristi himmelsfärdsdag, nationaldagen,
 * midsommardagen, alla helgons dag, juldagen and annandag jul (plus every Sunday). Midsommarafton,
 * julafton and nyårsafton are not public holidays by law, but offices, and the people who would
 * send a file, are closed on them. We treat them as non-working days, as authorities' e-services
 * usually do when they move a deadline: a deadline never lands on a day nobody is at work.
 * Saturdays are non-working days too. `isPublicHoliday` keeps the legal distinction for anyone who
 * needs it; everything that computes a deadline uses `isWorkingDay`.
 */

/** A Swedish holiday or de facto non-working eve. */
export interface SwedishHoliday {
  /** The date, `YYYY-MM-DD`. */
  readonly date: string;
  /** Swedish name, e.g. `midsommarafton`. */
  readonly name: string;
  /** True for a public holiday by law (allmän helgdag); false for julafton, midsommarafton, nyårsafton. */
  readonly legal: boolean;
}

/** True when `s` is a real calendar date written `YYYY-MM-DD` (years 0001–9999). */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return y >= 1 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** Days since 1970-01-01 of an ISO date. The caller guarantees the form (see `isIsoDate`). */
export function dayNumber(date: string): number {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear does not, so build it in two steps.
  const t = new Date(Date.UTC(2000, m - 1, d));
  t.setUTCFullYear(y);
  return Math.round(t.getTime() / 86_400_000);
}

/** The ISO date of a day number (days since 1970-01-01). */
export function fromDayNumber(n: number): string {
  const t = new Date(n * 86_400_000);
  return isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Formats year, month (1–12) and day as `YYYY-MM-DD`. */
export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** `date` plus `days` (may be negative). */
export function addDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days);
}

/** True in a Gregorian leap year. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in a month (1–12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function weekday(date: string): number {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((dayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

/**
 * Easter Sunday of a Gregorian year, by the anonymous Gregorian computus (Meeus/Jones/Butcher),
 * which the Church of Sweden's calendar follows.
 */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDate(year, month, day);
}

/** The first date in [from, from + 6] that falls on ISO weekday `wd`. */
function firstWeekdayFrom(from: string, wd: number): string {
  return addDays(from, (wd - weekday(from) + 7) % 7);
}

/**
 * Swedish holidays of a year in date order: the legal public holidays and the three eves that are
 * de facto non-working days (`legal: false`). Sundays are not listed one by one.
 */
export function swedishHolidays(year: number): SwedishHoliday[] {
  const easter = easterSunday(year);
  // Midsommarafton is the Friday between 19 and 25 June; midsommardagen the day after.
  const midsummerEve = firstWeekdayFrom(isoDate(year, 6, 19), 5);
  // Alla helgons dag is the Saturday between 31 October and 6 November.
  const allSaints = firstWeekdayFrom(isoDate(year, 10, 31), 6);
  const list: SwedishHoliday[] = [
    { date: isoDate(year, 1, 1), name: 'nyårsdagen', legal: true },
    { date: isoDate(year, 1, 6), name: 'trettondedag jul', legal: true },
    { date: addDays(easter, -2), name: 'långfredagen', legal: true },
    { date: easter, name: 'påskdagen', legal: true },
    { date: addDays(easter, 1), name: 'annandag påsk', legal: true },
    { date: isoDate(year, 5, 1), name: 'första maj', legal: true },
    { date: addDays(easter, 39), name: 'Kristi himmelsfärdsdag', legal: true },
    { date: addDays(easter, 49), name: 'pingstdagen', legal: true },
    { date: isoDate(year, 6, 6), name: 'Sveriges nationaldag', legal: true },
    { date: midsummerEve, name: 'midsommarafton', legal: false },
    { date: addDays(midsummerEve, 1), name: 'midsommardagen', legal: true },
    { date: allSaints, name: 'alla helgons dag', legal: true },
    { date: isoDate(year, 12, 24), name: 'julafton', legal: false },
    { date: isoDate(year, 12, 25), name: 'juldagen', legal: true },
    { date: isoDate(year, 12, 26), name: 'annandag jul', legal: true },
    { date: isoDate(year, 12, 31), name: 'nyårsafton', legal: false },
  ];
  // Kristi himmelsfärdsdag can fall on första maj or nationaldagen in principle; sort by date and
  // keep both names so a reader sees why the day is off.
  return list.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}

/** The holidays (legal or de facto) on `date`, empty on an ordinary day. */
export function holidaysOn(date: string): SwedishHoliday[] {
  return swedishHolidays(Number(date.slice(0, 4))).filter((h) => h.date === date);
}

/** True on a legal Swedish public holiday (allmän helgdag) that is not a Sunday by nature. */
export function isPublicHoliday(date: string): boolean {
  return holidaysOn(date).some((h) => h.legal);
}

/**
 * True on a working day: Monday to Friday and neither a public holiday nor midsommarafton,
 * julafton or nyårsafton (see the module comment for why the eves count as non-working).
 */
export function isWorkingDay(date: string): boolean {
  return weekday(date) <= 5 && holidaysOn(date).length === 0;
}

/** The first working day on or after `date`: `date` itself when it is one. */
export function nextWorkingDay(date: string): string {
  let d = date;
  // At most a handful of steps: the longest Swedish run of non-working days is about five.
  while (!isWorkingDay(d)) d = addDays(d, 1);
  return d;
}
