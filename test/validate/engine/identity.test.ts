import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  checkOrganisationNumber,
  checkPersonalIdentityNumber,
  isValidOrganisationNumber,
  isValidPersonalIdentityNumber,
  luhnCheckDigit,
  luhnValid,
  maskIdentityNumber,
} from '../../../src/validate/engine/index.js';
import { ORGNR, PNR, coordinationNumber } from './fixture-model.js';

const TEST_NUMBERS = readFileSync(new URL('../../fixtures/data/testpersonnummer.csv', import.meta.url), 'utf8')
  .split(/\r?\n/)
  .slice(1)
  .filter((l) => l.trim() !== '');

describe('personnummer', () => {
  it('accepts every one of Skatteverket test numbers', () => {
    expect(TEST_NUMBERS.length).toBeGreaterThan(90);
    expect(TEST_NUMBERS.filter((n) => checkPersonalIdentityNumber(n) !== 'personnummer')).toEqual([]);
  });

  it('finds a wrong check digit', () => {
    const wrong = PNR.a.slice(0, 11) + String((Number(PNR.a[11]) + 1) % 10);
    expect(checkPersonalIdentityNumber(wrong)).toBe('check-digit');
    expect(isValidPersonalIdentityNumber(wrong)).toBe(false);
  });

  it('knows 29 February: in 2000 (a leap year) but not in 1900', () => {
    expect(checkPersonalIdentityNumber(PNR.leapDay2000)).toBe('personnummer');
    // Same last ten digits, so the same check digit: only the century makes the date impossible.
    expect(checkPersonalIdentityNumber(`19${PNR.leapDay2000.slice(2)}`)).toBe('date');
  });

  it('refuses days and months that do not exist', () => {
    expect(checkPersonalIdentityNumber('200013012384')).toBe('date');
    expect(checkPersonalIdentityNumber('200001002384')).toBe('date');
    expect(checkPersonalIdentityNumber('200001322384')).toBe('date');
  });

  it('reads samordningsnummer: day 61 and day 91 in January, not day 91 in February or day 60', () => {
    const day61 = coordinationNumber(PNR.a, 60, luhnCheckDigit);
    const day91 = coordinationNumber(PNR.jan31, 60, luhnCheckDigit);
    expect(day61.slice(6, 8)).toBe('61');
    expect(day91.slice(6, 8)).toBe('91');
    expect(checkPersonalIdentityNumber(day61)).toBe('samordningsnummer');
    expect(checkPersonalIdentityNumber(day91)).toBe('samordningsnummer');
    const feb91 = coordinationNumber(PNR.leapDay2000, 62, luhnCheckDigit);
    expect(feb91.slice(6, 8)).toBe('91');
    expect(checkPersonalIdentityNumber(feb91)).toBe('date');
    const day60 = coordinationNumber(PNR.a, 59, luhnCheckDigit);
    expect(checkPersonalIdentityNumber(day60)).toBe('date');
    // With the check digit of the personnummer, a coordination day is a check-digit error, not a date error.
    expect(checkPersonalIdentityNumber(`${PNR.a.slice(0, 6)}61${PNR.a.slice(8)}`)).toBe('check-digit');
  });

  it('cannot see a 09/90 swap: the Luhn digit is the same, so only the date can catch it', () => {
    const swapped = `${PNR.jan9.slice(0, 6)}90${PNR.jan9.slice(8)}`;
    expect(luhnValid(PNR.jan9, 2)).toBe(true);
    expect(luhnValid(swapped, 2)).toBe(true);
    // Day 90 reads as a samordningsnummer for 30 January: a valid form, as it would be for Skatteverket.
    expect(checkPersonalIdentityNumber(swapped)).toBe('samordningsnummer');
  });

  it('names the problem with the written form', () => {
    expect(checkPersonalIdentityNumber(`${PNR.a.slice(0, 8)}-${PNR.a.slice(8)}`)).toBe('hyphen');
    expect(checkPersonalIdentityNumber(`${PNR.a.slice(0, 8)}+${PNR.a.slice(8)}`)).toBe('hyphen');
    expect(checkPersonalIdentityNumber(PNR.a.slice(2))).toBe('format');
    expect(checkPersonalIdentityNumber(`${PNR.a}0`)).toBe('format');
    expect(checkPersonalIdentityNumber('20000101238X')).toBe('format');
    expect(checkPersonalIdentityNumber('')).toBe('format');
    expect(checkPersonalIdentityNumber(`17${PNR.a.slice(2)}`)).toBe('century');
    expect(checkPersonalIdentityNumber(`21${PNR.a.slice(2)}`)).toBe('century');
  });
});

describe('organisationsnummer', () => {
  it('accepts a valid number and refuses a wrong check digit, a hyphen and other lengths', () => {
    expect(checkOrganisationNumber(ORGNR)).toBe('organisationsnummer');
    expect(isValidOrganisationNumber(ORGNR)).toBe(true);
    expect(checkOrganisationNumber(ORGNR.slice(0, 9) + String((Number(ORGNR[9]) + 1) % 10))).toBe('check-digit');
    expect(checkOrganisationNumber(`${ORGNR.slice(0, 6)}-${ORGNR.slice(6)}`)).toBe('hyphen');
    expect(checkOrganisationNumber(`16${ORGNR}`)).toBe('format');
    expect(checkOrganisationNumber('abcdefghij')).toBe('format');
  });
});

describe('Luhn', () => {
  it('computes the digit that makes a number valid', () => {
    expect(luhnCheckDigit(PNR.a.slice(2, 11))).toBe(Number(PNR.a[11]));
    expect(luhnCheckDigit(ORGNR.slice(0, 9))).toBe(Number(ORGNR[9]));
    expect(() => luhnCheckDigit('12a')).toThrow(RangeError);
    expect(luhnValid('')).toBe(false);
  });
});

describe('masking', () => {
  it('shows the birth date only, and nothing of a value it does not recognise', () => {
    expect(maskIdentityNumber(PNR.a)).toBe('20000101-****');
    expect(maskIdentityNumber(`${PNR.a.slice(0, 8)}-${PNR.a.slice(8)}`)).toBe('20000101-****');
    expect(maskIdentityNumber(PNR.a.slice(2))).toBe('000101-****');
    expect(maskIdentityNumber('Anna Andersson')).toBe('****');
    expect(maskIdentityNumber(200001012384)).toBe('****');
    expect(maskIdentityNumber(undefined)).toBe('****');
  });
});
