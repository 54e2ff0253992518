import { isRealDate } from './dates.js';
import { unitsOf, type Units } from './units.js';

/**
 * Swedish identity numbers: personnummer, samordningsnummer (the day plus 60) and
 * organisationsnummer. Only the written form is checked (length, century, a date that exists,
 * the Luhn check digit); nothing here can tell whether a number has been assigned to anyone.
 * Results are constant strings, so a check allocates nothing.
 */

/** What kind of valid personal identity number a value is. */
export type IdentityNumberKind = 'personnummer' | 'samordningsnummer';

/**
 * Why a value is not a valid personal identity number:
 * `format` not twelve digits, `hyphen` written with a separator, `century` not 18, 19 or 20,
 * `date` no such birth date (after taking 60 off a samordningsnummer's day), `check-digit` the
 * Luhn digit does not match.
 */
export type IdentityNumberProblem = 'format' | 'hyphen' | 'century' | 'date' | 'check-digit';

/** Why a value is not a valid organisation number: `format`, `hyphen` or `check-digit`. */
export type OrganisationNumberProblem = 'format' | 'hyphen' | 'check-digit';

function allDigits(u: Units, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = u[i]!;
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function num(u: Units, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + (u[i]! - 48);
  return n;
}

/**
 * True when the digits `s[from..to)`, the last being the check digit, pass the Luhn (mod 10)
 * check. Like every mod-10 scheme it cannot see a swap of 0 and 9 in neighbouring places.
 */
export function luhnValid(s: string, from = 0, to = s.length): boolean {
  return luhnOf(unitsOf(s), from, to);
}

function luhnOf(u: Units, from: number, to: number): boolean {
  let sum = 0;
  let double = false;
  for (let i = to - 1; i >= from; i--) {
    let d = u[i]! - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return to > from && sum % 10 === 0;
}

/** The Luhn check digit for a string of digits that does not yet have one. */
export function luhnCheckDigit(digitsWithoutCheck: string): number {
  let sum = 0;
  let double = true;
  for (let i = digitsWithoutCheck.length - 1; i >= 0; i--) {
    let d = digitsWithoutCheck.charCodeAt(i) - 48;
    if (d < 0 || d > 9) throw new RangeError('luhnCheckDigit takes digits only');
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * Checks a personal identity number written with twelve digits, `ÅÅÅÅMMDDNNNK`: century 18-20, a
 * birth date that exists (29 February only in leap years: 1900 was not one, 2000 was), and the Luhn
 * digit over the last ten digits. A day of 61-91 is a samordningsnummer (the day plus 60).
 * Returns the kind of a valid number or the first problem found.
 */
export function checkPersonalIdentityNumber(value: string): IdentityNumberKind | IdentityNumberProblem {
  return personalIdentityNumberOf(unitsOf(value), 0, value.length);
}

/** `checkPersonalIdentityNumber` of the units [from, to). @internal */
export function personalIdentityNumberOf(u: Units, from: number, to: number): IdentityNumberKind | IdentityNumberProblem {
  if (to - from === 13) {
    const sep = u[from + 8];
    if ((sep === 45 || sep === 43) && allDigits(u, from, from + 8) && allDigits(u, from + 9, to)) return 'hyphen';
    return 'format';
  }
  if (to - from !== 12 || !allDigits(u, from, to)) return 'format';
  const century = num(u, from, from + 2);
  if (century < 18 || century > 20) return 'century';
  const year = num(u, from, from + 4);
  const month = num(u, from + 4, from + 6);
  let day = num(u, from + 6, from + 8);
  const coordination = day > 60;
  if (coordination) day -= 60;
  if (!isRealDate(year, month, day)) return 'date';
  if (!luhnOf(u, from + 2, to)) return 'check-digit';
  return coordination ? 'samordningsnummer' : 'personnummer';
}

/** True for a valid personnummer or samordningsnummer of twelve digits. */
export function isValidPersonalIdentityNumber(value: string): boolean {
  const r = checkPersonalIdentityNumber(value);
  return r === 'personnummer' || r === 'samordningsnummer';
}

/**
 * Checks an organisation number written with ten digits and no hyphen: the Luhn digit over all ten.
 * The third digit is not required to be 2 or more, because a sole trader's organisation number is
 * the owner's personnummer.
 */
export function checkOrganisationNumber(value: string): 'organisationsnummer' | OrganisationNumberProblem {
  return organisationNumberOf(unitsOf(value), 0, value.length);
}

/** `checkOrganisationNumber` of the units [from, to). @internal */
export function organisationNumberOf(u: Units, from: number, to: number): 'organisationsnummer' | OrganisationNumberProblem {
  if (to - from === 11 && u[from + 6] === 45 && allDigits(u, from, from + 6) && allDigits(u, from + 7, to)) return 'hyphen';
  if (to - from !== 10 || !allDigits(u, from, to)) return 'format';
  return luhnOf(u, from, to) ? 'organisationsnummer' : 'check-digit';
}

/** True for a valid organisation number of ten digits. */
export function isValidOrganisationNumber(value: string): boolean {
  return checkOrganisationNumber(value) === 'organisationsnummer';
}

/**
 * Masks an identity number so a person can find the row without seeing the number:
 * `200001012384` and `20000101-2384` give `20000101-****`, ten digits give `YYMMDD-****`.
 * Anything else gives `****`, so an unexpected value never leaks through the mask.
 */
export function maskIdentityNumber(value: unknown): string {
  if (typeof value !== 'string') return '****';
  const u = unitsOf(value);
  if (value.length === 12 && allDigits(u, 0, 12)) return `${value.slice(0, 8)}-****`;
  if (value.length === 13 && allDigits(u, 0, 8)) return `${value.slice(0, 8)}-****`;
  if ((value.length === 10 || value.length === 11) && allDigits(u, 0, 6)) return `${value.slice(0, 6)}-****`;
  return '****';
}
