// The explanation page of every finding code a validator can print that is not a catalogue rule:
// problems reading the file, the engine's own checks of records and values, and one page per rule
// shape (a rule's finding carries its shape as code and links to the rule's own page as well).
// A test compares this table with the codes in src/validate, so a new check cannot lack a page.
import type { RuleSeverity, RuleShape } from '../../src/index.js';

/** Which part of a submission a finding is about. */
export type FindingGroup = 'file' | 'record' | 'value' | 'submission' | 'rule';

/** The explanation of one finding code. */
export interface FindingDoc {
  /** The code exactly as a validator prints it. */
  readonly code: string;
  /** Short Swedish title. */
  readonly title: string;
  /** Default severity. */
  readonly severity: RuleSeverity;
  /** Group, for the index page. */
  readonly group: FindingGroup;
  /** What it means, in plain Swedish. */
  readonly what: string;
  /** How to put it right. */
  readonly fix: string;
}

/** Headings of the groups on the index page, in order. */
export const FINDING_GROUPS: readonly { readonly group: FindingGroup; readonly title: string; readonly intro: string }[] = [
  { group: 'file', title: 'Filen', intro: 'Problem med själva filen: teckenkodning, rader och struktur.' },
  { group: 'record', title: 'Posten', intro: 'Problem med en post som helhet: posttyp och fält.' },
  { group: 'value', title: 'Värdet', intro: 'Ett enskilt värde har fel form eller en kod som inte finns.' },
  { group: 'submission', title: 'Inlämningen', intro: 'Posttyper och perioder som inte hör till uppgiftsskyldigheten.' },
  { group: 'rule', title: 'Katalogens regler', intro: 'Fynd från katalogens regler. Varje regel har också en egen sida med exempel.' },
];

const f = (code: string, group: FindingGroup, severity: RuleSeverity, title: string, what: string, fix: string): FindingDoc => ({
  code,
  group,
  severity,
  title,
  what,
  fix,
});

/** Problems reading the file, before any record is checked. */
const FILE: readonly FindingDoc[] = [
  f('encoding', 'file', 'fatal', 'Fel teckenkodning', 'Filen är inte sparad som UTF-8, eller innehåller byte som inte är giltig UTF-8. Då kan å, ä och ö inte läsas säkert.', 'Spara filen som UTF-8 i det program som skapar den. I Excel: välj "CSV UTF-8 (kommaavgränsad)".'),
  f('nul-byte', 'file', 'error', 'Nolltecken i filen', 'Raden innehåller ett nolltecken (byte 0). Det förekommer inte i text och tyder på att filen är en binärfil eller har skadats.', 'Skapa filen på nytt från källsystemet. Skicka inte en fil som har öppnats och sparats i ett ordbehandlingsprogram.'),
  f('line-too-long', 'file', 'error', 'För lång rad', 'En rad är längre än vad en post rimligen kan vara. Oftast saknas ett radslut, eller ett citattecken har inte stängts.', 'Kontrollera att varje post ligger på en egen rad och att citattecknen är parvisa.'),
  f('unclosed-quote', 'file', 'error', 'Citattecken stängs inte', 'Ett fält som börjar med citattecken avslutas inte med ett. Resten av raden, eller flera rader, blir då ett enda fält.', 'Stäng citattecknet. Ett citattecken inuti ett fält skrivs som två citattecken ("").'),
  f('field-count', 'file', 'error', 'Fel antal fält', 'Raden har inte lika många fält som rubrikraden. Ett semikolon saknas eller finns i ett värde som inte står inom citattecken.', 'Sätt värden som innehåller semikolon inom citattecken och kontrollera att varje rad har alla kolumner, även tomma.'),
  f('duplicate-header', 'file', 'fatal', 'Samma kolumn två gånger', 'Rubrikraden har samma kolumnnamn två gånger, så det går inte att veta vilket värde som gäller.', 'Ta bort den ena kolumnen.'),
  f('empty-header', 'file', 'fatal', 'Tomt kolumnnamn', 'Rubrikraden har en kolumn utan namn.', 'Ge kolumnen namnet på uppgiften (uppgiftens id) eller ta bort den.'),
  f('json-syntax', 'file', 'error', 'Ogiltig JSON', 'Raden eller filen är inte giltig JSON, till exempel på grund av ett kommatecken för mycket eller ett citattecken som saknas.', 'Skapa JSON-filen med ett program eller bibliotek i stället för för hand, och kontrollera den raden.'),
  f('not-an-array', 'file', 'fatal', 'Inte en lista', 'En JSON-fil ska innehålla en lista med poster ([ … ]).', 'Lägg posterna i en lista, eller lämna filen som NDJSON med en post per rad.'),
  f('empty-file', 'file', 'fatal', 'Tom fil', 'Filen innehåller inga poster.', 'Kontrollera att rätt fil har valts. Har ni inget att rapportera för perioden, följ anvisningen för nollrapportering.'),
  f('truncated', 'file', 'fatal', 'Filen tar slut för tidigt', 'Filen slutar mitt i en post eller lista. Den har troligen kapats vid kopiering eller överföring.', 'Skapa och skicka filen på nytt.'),
];

/** The engine's checks of a record and its values (codes as in src/validate/engine/messages.ts). */
const ENGINE: readonly FindingDoc[] = [
  f('not-an-object', 'record', 'error', 'Posten är inte ett objekt', 'Posten är inte en samling fält med värden, till exempel en lista eller ett tal i stället för ett JSON-objekt.', 'Skriv varje post som ett objekt: {"uppgift": "värde", …}.'),
  f('unknown-record-type', 'record', 'error', 'Okänd posttyp', 'Posten anger en posttyp som inte finns i katalogen.', 'Använd id:t för en av katalogens posttyper i fältet recordType, eller lämna posten i rätt fil.'),
  f('record-type-mismatch', 'record', 'error', 'Fel posttyp i posten', 'Fältet recordType i posten anger en annan posttyp än den som filen eller anropet gäller.', 'Rätta recordType eller flytta posten till rätt fil.'),
  f('unknown-field', 'record', 'error', 'Fält som inte efterfrågas', 'Posten har ett fält som inte ingår i posttypen. Registret får bara ta emot de uppgifter som efterfrågas, så en extra uppgift är ett fel och inte en upplysning.', 'Ta bort fältet. Kontrollera stavningen om fältet borde finnas: fältnamnet är uppgiftens id.'),
  f('element-not-in-force', 'record', 'error', 'Uppgiften gäller inte för perioden', 'Uppgiften ingår i posttypen först från ett senare datum, eller har slutat ingå i den. För den här perioden ska den inte lämnas.', 'Lämna fältet tomt för perioder då uppgiften inte efterfrågas. Se uppgiftens sida för datumen.'),
  f('required', 'record', 'error', 'Obligatorisk uppgift saknas', 'Uppgiften är obligatorisk i posttypen men saknas eller är tom.', 'Fyll i uppgiften. Finns den inte dokumenterad i ärendet, kontakta Socialstyrelsen: en obligatorisk uppgift ska alltid finnas.'),
  f('type', 'value', 'error', 'Fel typ av värde', 'Värdet har fel form för uppgiftens värdetyp, till exempel text där ett heltal väntas, eller ett tal där en kod ska skrivas som text.', 'Skriv värdet i den form som uppgiftens sida anger. Koder och datum skrivs som text, med alla inledande nollor.'),
  f('decimal-comma', 'value', 'error', 'Decimalkomma', 'Ett decimaltal är skrivet med komma. I filen används punkt som decimaltecken.', 'Skriv till exempel 12.50 i stället för 12,50.'),
  f('date', 'value', 'error', 'Ogiltigt datum', 'Värdet är inte ett datum som finns, skrivet ÅÅÅÅ-MM-DD (till exempel 2027-02-30 eller 2027-1-5).', 'Skriv datumet med fyra siffror för år och två för månad och dag: 2027-01-05.'),
  f('code', 'value', 'error', 'Okänd kod', 'Koden finns inte i klassifikationen, eller får inte användas för just den här uppgiften. En vanlig orsak är en inledande nolla som har försvunnit i ett kalkylprogram (114 i stället för 0114).', 'Välj en kod från klassifikationens sida. Formatera kolumnen som text innan koder klistras in i ett kalkylprogram.'),
  f('code-not-selectable', 'value', 'error', 'Grupperingskod', 'Koden är en rubrik som samlar andra koder och får inte rapporteras själv.', 'Välj en av de underordnade koderna. De visas under grupperingskoden på klassifikationens sida.'),
  f('length', 'value', 'error', 'För kort eller för lång text', 'Värdet har färre eller fler tecken än uppgiften tillåter.', 'Se uppgiftens sida för minsta och största antal tecken.'),
  f('pattern', 'value', 'error', 'Fel form', 'Värdet har inte den form som katalogen anger för uppgiften, till exempel ett visst antal siffror.', 'Se uppgiftens sida för mönstret och ett exempel.'),
  f('value-range', 'value', 'error', 'Utanför tillåtna värden', 'Talet är mindre än det minsta eller större än det största tillåtna värdet.', 'Kontrollera värdet och enheten (till exempel kronor eller timmar) mot uppgiftens sida.'),
  f('personal-identity-number', 'value', 'error', 'Ogiltigt personnummer', 'Värdet är inte ett giltigt personnummer eller samordningsnummer: fel antal siffror, bindestreck, ett datum som inte finns eller fel kontrollsiffra. Meddelandet visar aldrig själva numret.', 'Skriv numret med tolv siffror utan bindestreck, ÅÅÅÅMMDDNNNK, och kontrollera det mot källsystemet.'),
  f('organisation-number', 'value', 'error', 'Ogiltigt organisationsnummer', 'Värdet är inte ett giltigt organisationsnummer: fel antal siffror, bindestreck eller fel kontrollsiffra.', 'Skriv numret med tio siffror utan bindestreck och kontrollera det, till exempel mot Bolagsverket.'),
  f('duplicate-key', 'record', 'error', 'Samma nyckel två gånger', 'Två poster i filen har samma värden i posttypens nyckel, till exempel samma insats-id.', 'Lämna varje post en gång, med sitt senaste läge.'),
  f('record-type-not-in-obligation', 'submission', 'error', 'Posttypen ingår inte', 'Posttypen ingår inte i den uppgiftsskyldighet som filen lämnas för.', 'Ta bort posterna eller lämna dem för rätt uppgiftsskyldighet.'),
  f('record-type-not-in-force', 'submission', 'error', 'Posttypen gäller inte för perioden', 'Posttypen ingår i uppgiftsskyldigheten först från ett senare datum, eller har slutat ingå.', 'Lämna inte posttypen för den här perioden. Se uppgiftsskyldighetens sida för datumen.'),
  f('obligation-not-in-force', 'submission', 'fatal', 'Uppgiftsskyldigheten gäller inte', 'Perioden ligger utanför den tid som uppgiftsskyldigheten gäller.', 'Kontrollera perioden och att rätt uppgiftsskyldighet har valts.'),
];

/** What each rule shape checks, for the page of its finding code. */
const SHAPES: Readonly<Record<RuleShape, { title: string; what: string; fix: string }>> = {
  'required-if': {
    title: 'Villkorat krav',
    what: 'En uppgift krävs, eller får inte finnas, när en annan uppgift är ifylld eller har en viss kod.',
    fix: 'Läs regelns sida: den säger vilket villkor som gäller. Fyll i eller ta bort uppgiften.',
  },
  'date-order': {
    title: 'Datum i fel ordning',
    what: 'Ett datum som ska komma först ligger efter ett datum som ska komma sedan, till exempel ett slutdatum före startdatumet.',
    fix: 'Kontrollera båda datumen i källsystemet.',
  },
  'within-period': {
    title: 'Datum utanför perioden',
    what: 'Ett datum ligger utanför den period som inlämningen gäller.',
    fix: 'Kontrollera datumet och att posten hör till den här perioden.',
  },
  'exactly-one-of': {
    title: 'Exakt en av flera uppgifter',
    what: 'Av några uppgifter ska exakt en vara ifylld, men ingen eller flera är det.',
    fix: 'Fyll i den uppgift som gäller och lämna de andra tomma.',
  },
  'unique-key': {
    title: 'Samma post två gånger',
    what: 'Två poster har samma värden i de uppgifter som ska vara unika.',
    fix: 'Lämna varje post en gång.',
  },
  'reference-exists': {
    title: 'Hänvisning till post som saknas',
    what: 'Posten hänvisar till en annan post, till exempel en person eller ett beslut, som inte finns i inlämningen.',
    fix: 'Ta med den post som hänvisningen gäller, eller rätta hänvisningen.',
  },
  'no-overlap': {
    title: 'Perioder som överlappar',
    what: 'Två poster som gäller samma sak har perioder som går in i varandra.',
    fix: 'Kontrollera start- och slutdatum; oftast saknar en tidigare post sitt slutdatum.',
  },
  'code-valid-on-date': {
    title: 'Koden gällde inte på datumet',
    what: 'Koden finns i klassifikationen men gällde inte på postens datum, till exempel en upphörd kod för en ny insats.',
    fix: 'Använd den kod som gällde på datumet. Klassifikationens sida visar giltighet och ersättare för varje kod.',
  },
  range: {
    title: 'Utanför tillåtet intervall',
    what: 'Ett tal ligger utanför det intervall som regeln tillåter.',
    fix: 'Kontrollera värdet mot regelns sida.',
  },
};

/** Every rule shape's finding page. */
export function shapeFindings(): FindingDoc[] {
  return (Object.keys(SHAPES) as RuleShape[]).map((shape) => ({ code: shape, group: 'rule', severity: 'error', ...SHAPES[shape] }));
}

/** Every finding code with a page: file problems, engine checks and rule shapes. */
export function allFindings(): FindingDoc[] {
  return [...FILE, ...ENGINE, ...shapeFindings()];
}

/** The file-reading codes (for the test that compares them with src/validate). */
export const FILE_FINDING_CODES: readonly string[] = FILE.map((d) => d.code);
/** The engine codes with their default severities (for the same test). */
export const ENGINE_FINDING_SEVERITY: Readonly<Record<string, RuleSeverity>> = Object.fromEntries(ENGINE.map((d) => [d.code, d.severity]));
