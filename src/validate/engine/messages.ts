import type { IdentityNumberProblem, OrganisationNumberProblem } from './identity.js';
import type { FindingSeverity, ModelText, ModelValueType } from './model.js';

/**
 * The engine's own checks: codes, default severities and messages in Swedish and English.
 * A message names the element (by its catalogue label), the record type or a row number, never a
 * value from the record: a value may be a personnummer or sensitive data.
 */

/** A message in both languages. */
export interface FindingMessage {
  /** Swedish. */
  readonly sv: string;
  /** English. */
  readonly en: string;
}

/** Codes of the checks the engine makes itself (catalogue rules use their shape as code). */
export type EngineCode =
  | 'not-an-object'
  | 'unknown-record-type'
  | 'record-type-mismatch'
  | 'unknown-field'
  | 'element-not-in-force'
  | 'required'
  | 'type'
  | 'decimal-comma'
  | 'date'
  | 'code'
  | 'code-not-selectable'
  | 'length'
  | 'pattern'
  | 'value-range'
  | 'personal-identity-number'
  | 'organisation-number'
  | 'duplicate-key'
  | 'record-type-not-in-obligation'
  | 'record-type-not-in-force'
  | 'obligation-not-in-force';

/** Default severity of each engine check. */
export const ENGINE_SEVERITY: Readonly<Record<EngineCode, FindingSeverity>> = {
  'not-an-object': 'error',
  'unknown-record-type': 'error',
  'record-type-mismatch': 'error',
  'unknown-field': 'error',
  'element-not-in-force': 'error',
  required: 'error',
  type: 'error',
  'decimal-comma': 'error',
  date: 'error',
  code: 'error',
  'code-not-selectable': 'error',
  length: 'error',
  pattern: 'error',
  'value-range': 'error',
  'personal-identity-number': 'error',
  'organisation-number': 'error',
  'duplicate-key': 'error',
  'record-type-not-in-obligation': 'error',
  'record-type-not-in-force': 'error',
  'obligation-not-in-force': 'fatal',
};

const en = (t: ModelText): string => t.en ?? t.sv;
const both = (sv: string, enText: string): FindingMessage => ({ sv, en: enText });

/** The whole record is not a mapping of fields. */
export const notAnObject = (): FindingMessage =>
  both('Posten är inte ett objekt med fält och värden.', 'The record is not an object of fields and values.');

/** A record type the catalogue does not have; `id` is shown only when it looks like an id. */
export const unknownRecordType = (id: string | undefined): FindingMessage =>
  id === undefined
    ? both(
        'Posten anger ingen posttyp som finns i katalogen. Ange posttypen i fältet recordType, eller välj posttyp för hela filen (döp filen efter posttypen, t.ex. insats.csv, eller ange --record-type).',
        'The record names no record type of the catalogue. Give it in the recordType field, or choose one for the whole file (name the file after it, e.g. insats.csv, or use --record-type).',
      )
    : both(`Posttypen "${id}" finns inte i katalogen.`, `The record type "${id}" does not exist in the catalogue.`);

/** The record's own `recordType` field names another record type. */
export const recordTypeMismatch = (rt: ModelText): FindingMessage =>
  both(`Fältet recordType anger en annan posttyp än ${rt.sv}.`, `The recordType field names another record type than ${en(rt)}.`);

/** A field the record type does not define; `field` is shown only when it looks like a field name. */
export const unknownField = (field: string | undefined, rt: ModelText): FindingMessage =>
  field === undefined
    ? both(
        `Posten har ett fält som inte ingår i posttypen ${rt.sv}. Fältnamnet visas inte eftersom det inte ser ut som ett namn. Uppgifter som inte efterfrågas får inte lämnas.`,
        `The record has a field that is not part of record type ${en(rt)}. The field name is not shown because it does not look like a name. Data not asked for must not be sent.`,
      )
    : both(
        `Fältet "${field}" ingår inte i posttypen ${rt.sv}. Uppgifter som inte efterfrågas får inte lämnas.`,
        `The field "${field}" is not part of record type ${en(rt)}. Data not asked for must not be sent.`,
      );

/** An element given outside the dates it is part of the record type. */
export const elementNotInForce = (label: ModelText, from: string | undefined, to: string | undefined): FindingMessage => {
  const sv = from && to ? `från ${from} till och med ${to}` : from ? `från ${from}` : `till och med ${to}`;
  const e = from && to ? `from ${from} to ${to}` : from ? `from ${from}` : `until ${to}`;
  return both(
    `${label.sv} ingår inte i posten för den här perioden (den rapporteras ${sv}) och får inte lämnas.`,
    `${en(label)} is not part of the record for this period (it is reported ${e}) and must not be sent.`,
  );
};

/** A required element is missing. */
export const required = (label: ModelText): FindingMessage =>
  both(`${label.sv} är obligatorisk men saknas.`, `${en(label)} is required but missing.`);

const typeText: Record<ModelValueType, FindingMessage> = {
  string: both('ska vara text', 'must be a string'),
  integer: both('ska vara ett heltal, t.ex. 12', 'must be a whole number, e.g. 12'),
  decimal: both('ska vara ett tal med punkt som decimaltecken, t.ex. 12.50', 'must be a number with a decimal point, e.g. 12.50'),
  boolean: both('ska vara true eller false', 'must be true or false'),
  date: both('ska vara ett datum skrivet som text ÅÅÅÅ-MM-DD', 'must be a date written as text YYYY-MM-DD'),
  code: both('ska vara en kod skriven som text, med alla tecken (även inledande nollor)', 'must be a code written as text, with every character (leading zeros too)'),
  'municipality-code': both('ska vara en kommunkod skriven som text med fyra siffror, t.ex. 0114', 'must be a municipality code written as text with four digits, e.g. 0114'),
  'personal-identity-number': both('ska vara tolv siffror skrivna som text', 'must be twelve digits written as text'),
  'organisation-number': both('ska vara tio siffror skrivna som text', 'must be ten digits written as text'),
};

/** The value has the wrong type or form for the element's value type. */
export const wrongType = (label: ModelText, valueType: ModelValueType): FindingMessage =>
  both(`${label.sv} ${typeText[valueType].sv}.`, `${en(label)} ${typeText[valueType].en}.`);

/** A decimal written with a comma. */
export const decimalComma = (label: ModelText): FindingMessage =>
  both(
    `${label.sv} har decimalkomma. Använd punkt som decimaltecken, t.ex. 12.50.`,
    `${en(label)} has a decimal comma. Use a decimal point, e.g. 12.50.`,
  );

/** Not a date that exists in the form YYYY-MM-DD. */
export const badDate = (label: ModelText): FindingMessage =>
  both(
    `${label.sv} ska vara ett datum som finns, skrivet ÅÅÅÅ-MM-DD.`,
    `${en(label)} must be a date that exists, written YYYY-MM-DD.`,
  );

/** A code that is not in the classification (or the element's subset of it). */
export const unknownCode = (label: ModelText, classification: ModelText, reason: 'unknown' | 'leading-zero' | 'not-allowed'): FindingMessage => {
  if (reason === 'not-allowed') {
    return both(
      `${label.sv} har en kod ur ${classification.sv} som inte får användas för den här uppgiften.`,
      `${en(label)} has a code of ${en(classification)} that is not allowed for this element.`,
    );
  }
  const hint =
    reason === 'leading-zero'
      ? both(' Den saknar troligen en inledande nolla: koder är text och skrivs med alla siffror.', ' It probably lacks a leading zero: codes are text and keep every digit.')
      : both('', '');
  return both(
    `${label.sv} har en kod som inte finns i klassifikationen ${classification.sv}.${hint.sv}`,
    `${en(label)} has a code that does not exist in classification ${en(classification)}.${hint.en}`,
  );
};

/** A grouping code. */
export const codeNotSelectable = (label: ModelText): FindingMessage =>
  both(
    `${label.sv} har en grupperingskod som inte får rapporteras. Välj en av de underordnade koderna.`,
    `${en(label)} has a grouping code that may not be reported. Choose one of the codes under it.`,
  );

/** Too short or too long. */
export const badLength = (label: ModelText, bound: 'min' | 'max', n: number): FindingMessage =>
  bound === 'min'
    ? both(`${label.sv} ska ha minst ${n} tecken.`, `${en(label)} must have at least ${n} characters.`)
    : both(`${label.sv} får ha högst ${n} tecken.`, `${en(label)} must have at most ${n} characters.`);

/** Does not match the element's pattern. */
export const badPattern = (label: ModelText): FindingMessage =>
  both(`${label.sv} har inte den form som katalogen anger.`, `${en(label)} does not have the form the catalogue requires.`);

/** Outside the element's minimum and maximum. */
export const outOfRange = (label: ModelText, bound: 'min' | 'max', n: number): FindingMessage =>
  bound === 'min'
    ? both(`${label.sv} ska vara minst ${n}.`, `${en(label)} must be at least ${n}.`)
    : both(`${label.sv} får vara högst ${n}.`, `${en(label)} must be at most ${n}.`);

const pinText: Record<IdentityNumberProblem, FindingMessage> = {
  format: both('ska ha tolv siffror ÅÅÅÅMMDDNNNK', 'must have twelve digits YYYYMMDDNNNC'),
  hyphen: both('ska skrivas med tolv siffror utan bindestreck eller plustecken', 'must be written as twelve digits without a hyphen or plus sign'),
  century: both('ska börja med århundradet 18, 19 eller 20', 'must start with the century 18, 19 or 20'),
  date: both('innehåller inget födelsedatum som finns (för samordningsnummer: dagen plus 60)', 'contains no birth date that exists (for a coordination number: the day plus 60)'),
  'check-digit': both('har fel kontrollsiffra', 'has a wrong check digit'),
};

/** An invalid personnummer or samordningsnummer. */
export const badPersonalIdentityNumber = (label: ModelText, problem: IdentityNumberProblem): FindingMessage =>
  both(`${label.sv} ${pinText[problem].sv}.`, `${en(label)} ${pinText[problem].en}.`);

const orgText: Record<OrganisationNumberProblem, FindingMessage> = {
  format: both('ska ha tio siffror', 'must have ten digits'),
  hyphen: both('ska skrivas med tio siffror utan bindestreck', 'must be written as ten digits without a hyphen'),
  'check-digit': both('har fel kontrollsiffra', 'has a wrong check digit'),
};

/** An invalid organisation number. */
export const badOrganisationNumber = (label: ModelText, problem: OrganisationNumberProblem): FindingMessage =>
  both(`${label.sv} ${orgText[problem].sv}.`, `${en(label)} ${orgText[problem].en}.`);

/** Two records of a record type share a key. */
export const duplicateKey = (rt: ModelText, keyLabels: readonly ModelText[], firstRow: number): FindingMessage =>
  both(
    `Två poster av typen ${rt.sv} har samma nyckel (${keyLabels.map((l) => l.sv).join(', ')}); den första finns på rad ${firstRow}.`,
    `Two ${en(rt)} records have the same key (${keyLabels.map(en).join(', ')}); the first is on row ${firstRow}.`,
  );

/** A record type the obligation does not cover. */
export const recordTypeNotInObligation = (rt: ModelText, ob: ModelText): FindingMessage =>
  both(
    `Posttypen ${rt.sv} ingår inte i uppgiftsskyldigheten ${ob.sv}.`,
    `Record type ${en(rt)} is not part of the obligation ${en(ob)}.`,
  );

/** A record type the obligation does not cover for this period (a phase). */
export const recordTypeNotInForce = (rt: ModelText, ob: ModelText, start: string, end: string): FindingMessage =>
  both(
    `Posttypen ${rt.sv} rapporteras inte inom ${ob.sv} för perioden ${start}–${end}.`,
    `Record type ${en(rt)} is not reported under ${en(ob)} for the period ${start} to ${end}.`,
  );

/** The obligation does not apply in the period. */
export const obligationNotInForce = (ob: ModelText, start: string, end: string): FindingMessage =>
  both(
    `Uppgiftsskyldigheten ${ob.sv} gäller inte för perioden ${start}–${end}.`,
    `The obligation ${en(ob)} does not apply to the period ${start} to ${end}.`,
  );

/** A catalogue rule's message; English falls back to Swedish. */
export const ruleMessage = (m: ModelText): FindingMessage => both(m.sv, en(m));
