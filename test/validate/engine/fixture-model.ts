// A small ValidationModel written by hand, so the engine's tests do not move when a catalogue fixture does.
import { MODEL_VERSION, type ValidationModel } from '../../../src/validate/engine/index.js';

/** Skatteverket test personnummer (../shared/data/testpersonnummer.csv), never a real person's. */
export const PNR = {
  a: '200001012384',
  b: '200001011493',
  c: '200001012392',
  d: '200001018928',
  jan9: '200001092394',
  jan31: '200001312396',
  leapDay2000: '200002292399',
} as const;

/** Socialstyrelsen's organisation number: a public authority, not personal data. */
export const ORGNR = '2021005554';

export const MODEL: ValidationModel = {
  modelVersion: MODEL_VERSION,
  catalogue: { id: 'engine-test', version: '1.0.0' },
  classifications: [
    { id: 'avslutsorsak', label: { sv: 'Avslutsorsak' }, codes: 'flytt avliden' },
    {
      id: 'insatstyp',
      label: { sv: 'Insatstyp', en: 'Intervention type' },
      codes: 'grupp hemtjanst kontaktperson kontaktperson-barn boende',
      groups: [0],
      // kontaktperson until 2027-06-30, kontaktperson-barn from 2027-07-01.
      validity: [
        [0, null, null],
        [2, null, '2027-06-30'],
        [3, '2027-07-01', null],
        [4, null, null],
      ],
    },
    { id: 'kommun', label: { sv: 'Kommun' }, codes: '01 0114 0180', groups: [0] },
  ],
  elements: [
    { id: 'aktiv', label: { sv: 'Aktiv' }, valueType: 'boolean' },
    { id: 'avslutsorsak', label: { sv: 'Avslutsorsak' }, valueType: 'code', classification: 'avslutsorsak' },
    { id: 'belopp', label: { sv: 'Belopp', en: 'Amount' }, valueType: 'decimal', constraints: { minimum: 0 } },
    { id: 'beslut-id', label: { sv: 'Beslutets id' }, valueType: 'string' },
    { id: 'beslutsdatum', label: { sv: 'Beslutsdatum' }, valueType: 'date' },
    { id: 'fodelsear', label: { sv: 'Födelseår' }, valueType: 'integer', constraints: { minimum: 1800, maximum: 2100 } },
    { id: 'insats-id', label: { sv: 'Insatsens id' }, valueType: 'string', constraints: { maxLength: 10, pattern: '[A-Za-z0-9-]+' } },
    { id: 'insatstyp', label: { sv: 'Insatstyp', en: 'Intervention type' }, valueType: 'code', classification: 'insatstyp', codes: 'grupp hemtjanst kontaktperson kontaktperson-barn' },
    { id: 'kommun', label: { sv: 'Kommun' }, valueType: 'municipality-code', classification: 'kommun' },
    { id: 'namn', label: { sv: 'Namn' }, valueType: 'string', constraints: { minLength: 2, maxLength: 4 } },
    { id: 'orgnr', label: { sv: 'Organisationsnummer' }, valueType: 'organisation-number' },
    { id: 'personnummer', label: { sv: 'Personnummer', en: 'Personal identity number' }, valueType: 'personal-identity-number' },
    { id: 'slutdatum', label: { sv: 'Slutdatum', en: 'End date' }, valueType: 'date' },
    { id: 'startdatum', label: { sv: 'Startdatum', en: 'Start date' }, valueType: 'date' },
    { id: 'timmar', label: { sv: 'Timmar' }, valueType: 'integer' },
  ],
  recordTypes: [
    {
      id: 'beslut',
      label: { sv: 'Beslut' },
      key: ['beslut-id'],
      elements: [
        { element: 'beslut-id', required: 'required' },
        { element: 'beslutsdatum', required: 'required' },
      ],
      rules: [],
    },
    {
      id: 'insats',
      label: { sv: 'Insats', en: 'Intervention' },
      key: ['insats-id'],
      dateElement: 'startdatum',
      elements: [
        { element: 'insats-id', required: 'required' },
        { element: 'personnummer', required: 'required' },
        { element: 'insatstyp', required: 'required' },
        { element: 'startdatum', required: 'required' },
        { element: 'slutdatum', required: 'if-documented' },
        { element: 'avslutsorsak', required: 'required', validFrom: '2028-01-01' },
        { element: 'timmar', required: 'optional' },
        { element: 'belopp', required: 'optional' },
      ],
      rules: [
        { id: 'insats-avslut-kraver-slut', shape: 'required-if', severity: 'error', message: { sv: 'Avslutsorsak kräver slutdatum.' }, elements: ['avslutsorsak', 'slutdatum'], when: { element: 'avslutsorsak', present: true }, then: { element: 'slutdatum', present: true } },
        { id: 'insats-kontakt-kraver-timmar', shape: 'required-if', severity: 'warning', message: { sv: 'Timmar ska anges för kontaktperson.', en: 'Hours are required for a contact person.' }, elements: ['insatstyp', 'timmar'], when: { element: 'insatstyp', equals: ['kontaktperson', 'kontaktperson-barn'] }, then: { element: 'timmar', present: true } },
        { id: 'insats-slut-efter-start', shape: 'date-order', severity: 'error', message: { sv: 'Slutdatum ligger före startdatum.', en: 'The end date is before the start date.' }, elements: ['startdatum', 'slutdatum'] },
        { id: 'insats-timmar-eller-belopp', shape: 'exactly-one-of', severity: 'error', message: { sv: 'Ange timmar eller belopp, inte båda.' }, elements: ['timmar', 'belopp'] },
        { id: 'insats-start-i-perioden', shape: 'within-period', severity: 'warning', message: { sv: 'Startdatum ligger utanför perioden.' }, elements: ['startdatum'] },
        { id: 'insats-kod-giltig', shape: 'code-valid-on-date', severity: 'error', message: { sv: 'Insatstypen gällde inte på startdatum.' }, elements: ['insatstyp', 'startdatum'] },
        { id: 'insats-timmar-rimliga', shape: 'range', severity: 'info', message: { sv: 'Ovanligt många timmar.' }, elements: ['timmar'], maximum: 744, validFrom: '2027-01-01' },
        { id: 'insats-unik', shape: 'unique-key', severity: 'fatal', message: { sv: 'Samma insats-id två gånger.' }, elements: ['insats-id'] },
        { id: 'insats-person-finns', shape: 'reference-exists', severity: 'error', message: { sv: 'Personen finns inte i inlämningen.' }, elements: ['personnummer'], target: { recordType: 'person', elements: ['personnummer'] } },
        { id: 'insats-ingen-overlapp', shape: 'no-overlap', severity: 'warning', message: { sv: 'Två insatser av samma typ överlappar.' }, elements: ['startdatum', 'slutdatum'], groupBy: ['personnummer', 'insatstyp'] },
      ],
    },
    {
      id: 'person',
      label: { sv: 'Person', en: 'Person' },
      key: ['personnummer'],
      elements: [
        { element: 'personnummer', required: 'required' },
        { element: 'kommun', required: 'required' },
        { element: 'orgnr', required: 'optional' },
        { element: 'fodelsear', required: 'optional' },
        { element: 'aktiv', required: 'optional' },
        { element: 'namn', required: 'optional' },
      ],
      rules: [],
    },
  ],
  obligations: [
    {
      id: 'kommun-manad',
      label: { sv: 'Kommunens månadsuppgifter' },
      period: { kind: 'month' },
      validFrom: '2027-01-01',
      recordTypes: [
        { recordType: 'person' },
        { recordType: 'insats', elements: ['insats-id', 'personnummer', 'insatstyp', 'startdatum', 'slutdatum', 'avslutsorsak', 'timmar'] },
        { recordType: 'beslut', validFrom: '2028-01-01' },
      ],
      rules: [
        { id: 'manad-timmar-positiva', shape: 'range', severity: 'error', message: { sv: 'Timmar ska vara minst 1.' }, elements: ['timmar'], minimum: 1, recordTypes: ['insats'] },
      ],
    },
    {
      id: 'kommun-oktober',
      label: { sv: 'Läget den 1 oktober' },
      period: { kind: 'snapshot', date: '--10-01' },
      recordTypes: [{ recordType: 'insats' }],
      rules: [],
    },
  ],
};

/** A valid insats (its hours make exactly-one-of hold). */
export const INSATS = Object.freeze({
  'insats-id': 'i1',
  personnummer: PNR.a,
  insatstyp: 'hemtjanst',
  startdatum: '2027-03-01',
  timmar: '10',
});

/** A valid person. */
export const PERSON = Object.freeze({ personnummer: PNR.a, kommun: '0114' });

/** A samordningsnummer built from a test personnummer (the day plus `add`, the check digit recomputed), made at run time and never written down. */
export function coordinationNumber(pnr: string, add: number, luhnCheckDigit: (d: string) => number): string {
  const day = Number(pnr.slice(6, 8)) + add;
  const body = `${pnr.slice(0, 6)}${String(day).padStart(2, '0')}${pnr.slice(8, 11)}`;
  return body + String(luhnCheckDigit(body.slice(2)));
}

/** Every personal identity number a test used, in both the 12- and 10-digit forms, for leak checks. */
export function leaks(text: string, numbers: readonly string[]): string[] {
  return numbers.filter((n) => text.includes(n) || text.includes(n.slice(2)));
}
