import { describe, expect, it } from 'vitest';
import {
  checkCoordinationNumber,
  checkOrganisationNumber,
  checkPersonalIdentityNumber,
  checkPersonalOrCoordinationNumber,
  maskPersonalIdentityNumber,
} from '../../src/validate/identity-numbers.js';

// Skatteverket's published test personnummer (testpersonnummer), which are
// never assigned to real people. Every other personnummer or
// samordningsnummer below is derived from these, so none can belong to anyone.
const TEST_NUMBERS = {
  newYear: '200001012384',
  second: '200001022383',
  ninth: '200001092394',
  lastOfJanuary: '200001312396',
  leapDay2000: '200002292399',
} as const;

/** Luhn check digit for nine digits, computed independently of the code under test. */
function luhnCheckDigit(nineDigits: string): number {
  let sum = 0;
  [...nineDigits].forEach((ch, i) => {
    const product = Number(ch) * (i % 2 === 0 ? 2 : 1);
    sum += product > 9 ? product - 9 : product;
  });
  return (10 - (sum % 10)) % 10;
}

function luhnValid(tenDigits: string): boolean {
  return luhnCheckDigit(tenDigits.slice(0, 9)) === Number(tenDigits[9]);
}

/** Replaces the check digit of a 12-digit number with the right one. */
function withCheckDigit(twelveDigits: string): string {
  const body = twelveDigits.slice(0, 11);
  return body + String(luhnCheckDigit(body.slice(2)));
}

/** Turns a test personnummer into a samordningsnummer for another day: day + 60, new check digit. */
function coordinationNumber(testNumber: string, day: number): string {
  return withCheckDigit(testNumber.slice(0, 6) + String(day + 60) + testNumber.slice(8));
}

describe('checkPersonalIdentityNumber', () => {
  it.each(Object.values(TEST_NUMBERS))('accepts the test number %s', (value) => {
    expect(checkPersonalIdentityNumber(value)).toBeUndefined();
  });

  it('accepts the hyphenated form', () => {
    expect(checkPersonalIdentityNumber('20000101-2384')).toBeUndefined();
  });

  it('rejects a wrong check digit', () => {
    expect(checkPersonalIdentityNumber('200001012385')).toBe('check-digit');
    expect(checkPersonalIdentityNumber('20000101-2389')).toBe('check-digit');
  });

  it('cannot see a 09/90 transposition, so only the date check catches it', () => {
    // Swapping the day digits of 2000-01-09 gives day 90. Luhn weighs the pair
    // as 0*2+9 = 9 and (9*2-9)+0 = 9, so the check digit still matches.
    const swapped = '200001902394';
    expect(swapped).toBe(TEST_NUMBERS.ninth.slice(0, 6) + '90' + TEST_NUMBERS.ninth.slice(8));
    expect(luhnValid(TEST_NUMBERS.ninth.slice(2))).toBe(true);
    expect(luhnValid(swapped.slice(2))).toBe(true);
    expect(checkPersonalIdentityNumber(swapped)).toBe('date');
    // Read as a samordningsnummer, day 90 is 30 January, and this is exactly
    // the number derived from the test number 200001302397 by adding 60 to
    // the day: the transposition turns one valid number into another.
    expect(coordinationNumber('200001302397', 30)).toBe(swapped);
    expect(checkCoordinationNumber(swapped)).toBeUndefined();
  });

  it('knows 1900 was not a leap year and 2000 was', () => {
    // The century is outside the check digit, so this differs from the 2000
    // test number only in its date.
    expect(checkPersonalIdentityNumber('190002292399')).toBe('date');
    expect(checkPersonalIdentityNumber(TEST_NUMBERS.leapDay2000)).toBeUndefined();
  });

  it.each([
    ['day 00', withCheckDigit('200001002384')],
    ['day 32', withCheckDigit('200001322384')],
    ['30 February', withCheckDigit('200002302384')],
    ['month 00', withCheckDigit('200000012384')],
    ['month 13', withCheckDigit('200013012384')],
  ])('rejects %s as a date', (_label, value) => {
    expect(checkPersonalIdentityNumber(value)).toBe('date');
  });

  it('reports the date before the check digit', () => {
    expect(checkPersonalIdentityNumber('200001322380')).toBe('date');
  });

  it('rejects a samordningsnummer', () => {
    expect(checkPersonalIdentityNumber(coordinationNumber(TEST_NUMBERS.newYear, 1))).toBe('date');
  });

  it.each([
    '0001012384',
    '000101-2384',
    '20000101+2384',
    '2000-01-01-2384',
    ' 200001012384',
    '200001012384 ',
    '2000010123840',
    '20000101--2384',
    '２０００01012384',
    '',
  ])('rejects the shape of %j', (value) => {
    expect(checkPersonalIdentityNumber(value)).toBe('format');
  });

  it('rejects a non-string at run time instead of converting it', () => {
    expect(checkPersonalIdentityNumber(200001012384 as unknown as string)).toBe('format');
    expect(checkPersonalIdentityNumber(null as unknown as string)).toBe('format');
  });
});

describe('checkCoordinationNumber', () => {
  const day61 = coordinationNumber(TEST_NUMBERS.newYear, 1);
  const day91 = coordinationNumber(TEST_NUMBERS.lastOfJanuary, 31);

  it('accepts day 61 and day 91', () => {
    expect(day61.slice(6, 8)).toBe('61');
    expect(day91.slice(6, 8)).toBe('91');
    expect(checkCoordinationNumber(day61)).toBeUndefined();
    expect(checkCoordinationNumber(day91)).toBeUndefined();
    expect(checkCoordinationNumber(`${day61.slice(0, 8)}-${day61.slice(8)}`)).toBeUndefined();
  });

  it('rejects day 92, day 60 and an ordinary day', () => {
    expect(checkCoordinationNumber(coordinationNumber(TEST_NUMBERS.lastOfJanuary, 32))).toBe('date');
    expect(checkCoordinationNumber(coordinationNumber(TEST_NUMBERS.newYear, 0))).toBe('date');
    expect(checkCoordinationNumber(TEST_NUMBERS.newYear)).toBe('date');
  });

  it('checks the date behind the day, leap years included', () => {
    expect(checkCoordinationNumber(coordinationNumber(TEST_NUMBERS.leapDay2000, 29))).toBeUndefined();
    expect(checkCoordinationNumber(coordinationNumber('190002292399', 29))).toBe('date');
    expect(checkCoordinationNumber(coordinationNumber(TEST_NUMBERS.leapDay2000, 30))).toBe('date');
  });

  it('computes the check digit over the day as written', () => {
    const wrong = day61.slice(0, 11) + String((Number(day61[11]) + 1) % 10);
    expect(checkCoordinationNumber(wrong)).toBe('check-digit');
    // Keeping the personnummer's check digit while adding 60 is not enough.
    expect(checkCoordinationNumber('200001612384')).toBe('check-digit');
  });

  it('rejects a bad shape', () => {
    expect(checkCoordinationNumber(day61.slice(2))).toBe('format');
  });
});

describe('checkPersonalOrCoordinationNumber', () => {
  it('accepts both kinds', () => {
    expect(checkPersonalOrCoordinationNumber(TEST_NUMBERS.second)).toBeUndefined();
    expect(checkPersonalOrCoordinationNumber(coordinationNumber(TEST_NUMBERS.second, 2))).toBeUndefined();
    expect(checkPersonalOrCoordinationNumber(coordinationNumber(TEST_NUMBERS.lastOfJanuary, 31))).toBeUndefined();
  });

  it('reports problems of the kind the day indicates', () => {
    expect(checkPersonalOrCoordinationNumber(withCheckDigit('200001322384'))).toBe('date');
    expect(checkPersonalOrCoordinationNumber(withCheckDigit('200001602384'))).toBe('date');
    expect(checkPersonalOrCoordinationNumber(coordinationNumber(TEST_NUMBERS.lastOfJanuary, 32))).toBe('date');
    expect(checkPersonalOrCoordinationNumber('200001022384')).toBe('check-digit');
    expect(checkPersonalOrCoordinationNumber('200001622384')).toBe('check-digit');
    expect(checkPersonalOrCoordinationNumber('2000010223')).toBe('format');
  });
});

describe('checkOrganisationNumber', () => {
  // Public authorities: Skatteverket 202100-5448, Bolagsverket 202100-5489.
  it.each(['202100-5448', '2021005448', '2021005489', '16202100-5448', '162021005448', '162021005489'])(
    'accepts %s',
    (value) => {
      expect(checkOrganisationNumber(value)).toBeUndefined();
    },
  );

  it('agrees with the independent Luhn helper on the examples', () => {
    expect(luhnValid('2021005448')).toBe(true);
    expect(luhnValid('2021005489')).toBe(true);
  });

  it('rejects a wrong check digit, with or without the prefix', () => {
    expect(checkOrganisationNumber('202100-5449')).toBe('check-digit');
    expect(checkOrganisationNumber('162021005440')).toBe('check-digit');
  });

  it('rejects a third digit below 2 even when the check digit matches', () => {
    // The ten-digit form of a test personnummer passes Luhn but has month 01.
    expect(luhnValid('0001012384')).toBe(true);
    expect(checkOrganisationNumber('0001012384')).toBe('format');
    expect(checkOrganisationNumber('000101-2384')).toBe('format');
  });

  it.each(['262021005448', '202100_5448', '20210054', '20210054480', '16-202100-5448', ' 2021005448', '1616202100-5448'])(
    'rejects the shape of %j',
    (value) => {
      expect(checkOrganisationNumber(value)).toBe('format');
    },
  );

  it('rejects a non-string at run time', () => {
    expect(checkOrganisationNumber(2021005448 as unknown as string)).toBe('format');
  });
});

describe('maskPersonalIdentityNumber', () => {
  it('keeps the date and hides the last four digits', () => {
    expect(maskPersonalIdentityNumber(TEST_NUMBERS.newYear)).toBe('20000101-****');
    expect(maskPersonalIdentityNumber('20000101-2384')).toBe('20000101-****');
  });

  it('masks by shape alone, so invalid numbers can be reported safely', () => {
    expect(maskPersonalIdentityNumber('200001012385')).toBe('20000101-****');
    expect(maskPersonalIdentityNumber(coordinationNumber(TEST_NUMBERS.newYear, 1))).toBe('20000161-****');
  });

  it.each(['0001012384', '000101-2384', 'abc', '', '200001012384 ', '2000010123845'])(
    'masks %j completely',
    (value) => {
      expect(maskPersonalIdentityNumber(value)).toBe('****');
    },
  );

  it('never returns the last four digits', () => {
    for (const value of [...Object.values(TEST_NUMBERS), '20000101-2384', '0001012384', 'x200001012384']) {
      expect(maskPersonalIdentityNumber(value)).not.toContain(value.slice(-4));
    }
    expect(maskPersonalIdentityNumber(12345678 as unknown as string)).toBe('****');
  });
});

describe('self-containment', () => {
  const functions = {
    checkPersonalIdentityNumber,
    checkCoordinationNumber,
    checkPersonalOrCoordinationNumber,
    checkOrganisationNumber,
    maskPersonalIdentityNumber,
  };
  const samples = [
    ...Object.values(TEST_NUMBERS),
    '20000101-2384',
    '200001012385',
    '190002292399',
    '200001902394',
    coordinationNumber(TEST_NUMBERS.newYear, 1),
    '202100-5448',
    '162021005489',
    '0001012384',
    'nonsense',
  ];

  // The generators embed each function by its source text; rebuilding it from
  // that text alone proves it reaches for nothing outside its own body.
  it.each(Object.entries(functions))('%s works when rebuilt from its source text', (_name, fn) => {
    const rebuilt = new Function(`"use strict"; return (${fn.toString()});`)() as (value: string) => unknown;
    for (const sample of samples) {
      expect(rebuilt(sample)).toEqual(fn(sample));
    }
  });
});
