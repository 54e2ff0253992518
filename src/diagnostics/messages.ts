import type { Diagnostic, LocalizedMessage, Severity, SourceLocation } from './types.js';

/**
 * THE table of diagnostics: every code the toolkit can report, its default severity and its
 * message in Swedish and English. Nothing else in the code base writes a user-facing message for a
 * catalogue problem, so translations and wording stay in one place.
 */
interface MessageDef<P> {
  readonly severity: Severity;
  readonly sv: (p: P) => string;
  readonly en: (p: P) => string;
}

function def<P = Record<string, never>>(severity: Severity, sv: (p: P) => string, en: (p: P) => string): MessageDef<P> {
  return { severity, sv, en };
}

/** Named string forms in the format schema, described for a reader. */
const formats = {
  id: { sv: 'ett id med små bokstäver a-z, siffror och bindestreck (kebab-case)', en: 'an id of lower-case a-z, digits and hyphens (kebab-case)' },
  code: { sv: 'en kod utan mellanslag, semikolon eller citattecken', en: 'a code without spaces, semicolons or quotes' },
  date: { sv: 'ett datum ÅÅÅÅ-MM-DD', en: 'a date YYYY-MM-DD' },
  monthDay: { sv: 'en dag på året --MM-DD', en: 'a day of the year --MM-DD' },
  version: { sv: 'en version MAJOR.MINOR.PATCH, t.ex. 0.1.0', en: 'a version MAJOR.MINOR.PATCH, e.g. 0.1.0' },
  fileName: { sv: 'ett filnamn som slutar på .csv', en: 'a file name ending in .csv' },
  checkName: { sv: 'namnet på en kontroll, t.ex. rule/unused-element', en: 'the name of a check, e.g. rule/unused-element' },
  other: { sv: 'en giltig text enligt formatet', en: 'a valid string for the format' },
} as const;

/** A named string form in the format schema. */
export type FormatName = keyof typeof formats;

const problems = {
  empty: { sv: () => 'får inte vara tom', en: () => 'must not be empty' },
  'too-long': { sv: (n: number) => `får vara högst ${n} tecken`, en: (n: number) => `must be at most ${n} characters` },
  'too-few-items': { sv: (n: number) => `listan ska ha minst ${n} värde${n === 1 ? '' : 'n'}`, en: (n: number) => `the list needs at least ${n} item${n === 1 ? '' : 's'}` },
  'duplicate-items': { sv: () => 'listan innehåller samma värde två gånger', en: () => 'the list contains the same value twice' },
  'too-small': { sv: (n: number) => `minsta tillåtna värde är ${n}`, en: (n: number) => `the smallest allowed value is ${n}` },
  'too-large': { sv: (n: number) => `största tillåtna värde är ${n}`, en: (n: number) => `the largest allowed value is ${n}` },
  'missing-sv': { sv: () => 'listan ska innehålla sv', en: () => 'the list must contain sv' },
  other: { sv: () => 'värdet är inte tillåtet här', en: () => 'the value is not allowed here' },
} as const;

/** A kind of schema violation that is not a type, key or enum problem. */
export type ShapeProblem = keyof typeof problems;

const jsonTypes = {
  string: { sv: 'en text', en: 'a string' },
  object: { sv: 'ett objekt (nyckel: värde)', en: 'a mapping (key: value)' },
  array: { sv: 'en lista', en: 'a list' },
  number: { sv: 'ett tal', en: 'a number' },
  integer: { sv: 'ett heltal', en: 'an integer' },
  boolean: { sv: 'true eller false', en: 'true or false' },
  null: { sv: 'inget värde', en: 'no value' },
} as const;

/** A JSON Schema type name. */
export type JsonType = keyof typeof jsonTypes;

/** Entity kinds as a message names them (definite form in Swedish). */
const entityWords = {
  manifest: { sv: 'katalogen', en: 'the catalogue' },
  term: { sv: 'begreppet', en: 'term' },
  classification: { sv: 'klassifikationen', en: 'classification' },
  'data-element': { sv: 'uppgiften', en: 'data element' },
  'record-type': { sv: 'posttypen', en: 'record type' },
  obligation: { sv: 'uppgiftsskyldigheten', en: 'obligation' },
} as const;

const q = (s: string | number): string => `"${s}"`;
const list = (xs: readonly string[]): string => xs.map(q).join(', ');

export const messages = {
  // --- loading files -------------------------------------------------------------------------
  'load/no-manifest': def<{ dir: string }>(
    'error',
    (p) => `Katalogen ${q(p.dir)} saknar catalogue.yaml. Ange katalogens mapp med --catalogue.`,
    (p) => `The directory ${q(p.dir)} has no catalogue.yaml. Point --catalogue at a catalogue folder.`,
  ),
  'load/not-a-directory': def<{ dir: string }>(
    'error',
    (p) => `${q(p.dir)} finns inte eller är inte en mapp.`,
    (p) => `${q(p.dir)} does not exist or is not a directory.`,
  ),
  'load/unreadable': def<{ reason: string }>(
    'error',
    (p) => `Filen kan inte läsas: ${p.reason}.`,
    (p) => `The file cannot be read: ${p.reason}.`,
  ),
  'load/not-utf8': def<{ offset: number }>(
    'error',
    (p) => `Filen är inte giltig UTF-8 (byte ${p.offset}). Spara den som UTF-8.`,
    (p) => `The file is not valid UTF-8 (byte ${p.offset}). Save it as UTF-8.`,
  ),
  'load/unexpected-file': def<{ folder: string }>(
    'warning',
    (p) => `Filen ligger på fel ställe och läses inte. Katalogens filer ligger i ${p.folder}.`,
    (p) => `The file is not where the loader looks and is ignored. Catalogue files belong in ${p.folder}.`,
  ),
  'load/id-mismatch': def<{ id: string; expected: string }>(
    'error',
    (p) => `Id ${q(p.id)} stämmer inte med filnamnet: det ska vara ${q(p.expected)}.`,
    (p) => `The id ${q(p.id)} does not match the file name: it must be ${q(p.expected)}.`,
  ),

  // --- YAML ----------------------------------------------------------------------------------
  'yaml/syntax': def<{ detail: string }>(
    'error',
    (p) => `YAML-syntaxfel: ${p.detail}`,
    (p) => `YAML syntax error: ${p.detail}`,
  ),
  'yaml/duplicate-key': def<{ key: string }>(
    'error',
    (p) => `Nyckeln ${q(p.key)} förekommer två gånger i samma objekt.`,
    (p) => `The key ${q(p.key)} appears twice in the same mapping.`,
  ),
  'yaml/alias': def(
    'error',
    () => 'Ankare och alias (& och *) är inte tillåtna i katalogen: skriv ut värdet.',
    () => 'Anchors and aliases (& and *) are not allowed in the catalogue: write the value out.',
  ),
  'yaml/version-directive': def<{ version: string }>(
    'error',
    (p) => `Direktivet %YAML ${p.version} är inte tillåtet: katalogen läses alltid som YAML 1.2.`,
    (p) => `The %YAML ${p.version} directive is not allowed: the catalogue is always read as YAML 1.2.`,
  ),
  'yaml/tab-indentation': def(
    'error',
    () => 'Tabb används som indrag. Använd mellanslag.',
    () => 'A tab is used for indentation. Use spaces.',
  ),
  'yaml/bom': def(
    'error',
    () => 'Filen börjar med en BOM (byte order mark). Spara den som UTF-8 utan BOM.',
    () => 'The file starts with a byte order mark. Save it as UTF-8 without BOM.',
  ),
  'yaml/not-nfc': def(
    'error',
    () => 'Texten är inte NFC-normaliserad (t.ex. å skrivet som a + ring). Skriv om tecknet eller spara filen som NFC.',
    () => 'The text is not NFC-normalised (e.g. å written as a + combining ring). Retype it or save the file as NFC.',
  ),
  'yaml/forbidden-key': def<{ key: string }>(
    'error',
    (p) => `Nyckeln ${q(p.key)} är inte tillåten.`,
    (p) => `The key ${q(p.key)} is not allowed.`,
  ),
  'yaml/empty-file': def(
    'error',
    () => 'Filen är tom.',
    () => 'The file is empty.',
  ),
  'yaml/multiple-documents': def(
    'error',
    () => 'Filen innehåller flera YAML-dokument (---). En fil ska innehålla en post.',
    () => 'The file contains several YAML documents (---). A file holds one entity.',
  ),
  'yaml/tag': def<{ tag: string }>(
    'error',
    (p) => `Taggen ${p.tag} är inte tillåten i katalogen.`,
    (p) => `The tag ${p.tag} is not allowed in the catalogue.`,
  ),

  // --- CSV code files ------------------------------------------------------------------------
  'csv/header': def<{ expected: string; found: string }>(
    'error',
    (p) => `Fel rubrikrad: kolumnerna ska vara ${p.expected} (hittade ${p.found}).`,
    (p) => `Wrong header row: the columns must be ${p.expected} (found ${p.found}).`,
  ),
  'csv/field-count': def<{ expected: number; found: number }>(
    'error',
    (p) => `Raden har ${p.found} fält men ska ha ${p.expected}.`,
    (p) => `The row has ${p.found} fields but must have ${p.expected}.`,
  ),
  'csv/unclosed-quote': def(
    'error',
    () => 'Ett citattecken stängs aldrig.',
    () => 'A quote is never closed.',
  ),
  'csv/missing-file': def<{ file: string }>(
    'error',
    (p) => `Kodfilen ${q(p.file)} finns inte bredvid klassifikationen.`,
    (p) => `The codes file ${q(p.file)} does not exist beside the classification.`,
  ),
  'csv/invalid-value': def<{ field: string; expected: string }>(
    'error',
    (p) => `Fältet ${q(p.field)} har ett ogiltigt värde: förväntade ${p.expected}.`,
    (p) => `The field ${q(p.field)} has an invalid value: expected ${p.expected}.`,
  ),

  // --- shape (format schema) -----------------------------------------------------------------
  'shape/expected-string': def<{ text: string; kind: string }>(
    'error',
    (p) => `Värdet ${p.text} läses som ${p.kind === 'number' ? 'ett tal' : p.kind === 'boolean' ? 'sant/falskt' : 'något annat'} men ska vara text: skriv ${q(p.text)} med citattecken.`,
    (p) => `The value ${p.text} is read as a ${p.kind} but must be a string: write ${q(p.text)} in quotes.`,
  ),
  'shape/wrong-type': def<{ expected: JsonType }>(
    'error',
    (p) => `Fel typ: här ska stå ${jsonTypes[p.expected].sv}.`,
    (p) => `Wrong type: expected ${jsonTypes[p.expected].en}.`,
  ),
  'shape/missing-property': def<{ property: string }>(
    'error',
    (p) => `Egenskapen ${q(p.property)} saknas.`,
    (p) => `The property ${q(p.property)} is missing.`,
  ),
  'shape/unknown-property': def<{ property: string }>(
    'error',
    (p) => `Egenskapen ${q(p.property)} finns inte i formatet.`,
    (p) => `The property ${q(p.property)} is not part of the format.`,
  ),
  'shape/invalid-value': def<{ allowed: readonly string[] }>(
    'error',
    (p) => `Ogiltigt värde: tillåtna värden är ${list(p.allowed)}.`,
    (p) => `Invalid value: allowed values are ${list(p.allowed)}.`,
  ),
  'shape/invalid-format': def<{ format: FormatName }>(
    'error',
    (p) => `Värdet har fel form: det ska vara ${formats[p.format].sv}.`,
    (p) => `The value has the wrong form: it must be ${formats[p.format].en}.`,
  ),
  'shape/invalid': def<{ problem: ShapeProblem; limit?: number }>(
    'error',
    (p) => `Värdet följer inte formatet: ${problems[p.problem].sv(p.limit ?? 0)}.`,
    (p) => `The value does not follow the format: ${problems[p.problem].en(p.limit ?? 0)}.`,
  ),

  // --- references and resolution --------------------------------------------------------------
  'ref/duplicate-id': def<{ kind: string; id: string }>(
    'error',
    (p) => `Id ${q(p.id)} används redan av en annan post av slaget ${p.kind}.`,
    (p) => `The id ${q(p.id)} is already used by another ${p.kind}.`,
  ),
  'ref/duplicate-code': def<{ code: string; classification: string }>(
    'error',
    (p) => `Koden ${q(p.code)} finns redan i klassifikationen ${q(p.classification)}.`,
    (p) => `The code ${q(p.code)} already exists in classification ${q(p.classification)}.`,
  ),
  'ref/codes-source': def(
    'error',
    () => 'En klassifikation ska ha antingen codes eller codesFile, inte båda och inte ingen.',
    () => 'A classification has either codes or codesFile, not both and not neither.',
  ),
  'ref/unknown-classification': def<{ id: string }>(
    'error',
    (p) => `Klassifikationen ${q(p.id)} finns inte.`,
    (p) => `The classification ${q(p.id)} does not exist.`,
  ),
  'ref/unknown-element': def<{ id: string }>(
    'error',
    (p) => `Uppgiften ${q(p.id)} finns inte.`,
    (p) => `The data element ${q(p.id)} does not exist.`,
  ),
  'ref/unknown-term': def<{ id: string }>(
    'error',
    (p) => `Begreppet ${q(p.id)} finns inte.`,
    (p) => `The term ${q(p.id)} does not exist.`,
  ),
  'ref/unknown-record-type': def<{ id: string }>(
    'error',
    (p) => `Posttypen ${q(p.id)} finns inte.`,
    (p) => `The record type ${q(p.id)} does not exist.`,
  ),
  'ref/unknown-code': def<{ code: string; classification: string }>(
    'error',
    (p) => `Koden ${q(p.code)} finns inte i klassifikationen ${q(p.classification)}.`,
    (p) => `The code ${q(p.code)} does not exist in classification ${q(p.classification)}.`,
  ),
  'ref/unknown-parent': def<{ code: string }>(
    'error',
    (p) => `Den överordnade koden ${q(p.code)} finns inte i klassifikationen.`,
    (p) => `The parent code ${q(p.code)} does not exist in the classification.`,
  ),
  'ref/unknown-replacement': def<{ code: string }>(
    'error',
    (p) => `Ersättande kod ${q(p.code)} finns inte i klassifikationen.`,
    (p) => `The replacing code ${q(p.code)} does not exist in the classification.`,
  ),
  'ref/hierarchy-cycle': def<{ path: readonly string[] }>(
    'error',
    (p) => `Hierarkin har en cykel: ${p.path.join(' → ')}.`,
    (p) => `The hierarchy has a cycle: ${p.path.join(' → ')}.`,
  ),
  'ref/validity-order': def<{ from: string; to: string }>(
    'error',
    (p) => `validTo ${p.to} ligger före validFrom ${p.from}.`,
    (p) => `validTo ${p.to} is before validFrom ${p.from}.`,
  ),
  'ref/element-not-in-record-type': def<{ element: string; recordType: string }>(
    'error',
    (p) => `Uppgiften ${q(p.element)} ingår inte i posttypen ${q(p.recordType)}.`,
    (p) => `The data element ${q(p.element)} is not part of record type ${q(p.recordType)}.`,
  ),
  'ref/duplicate-element': def<{ element: string }>(
    'error',
    (p) => `Uppgiften ${q(p.element)} förekommer två gånger i posttypen.`,
    (p) => `The data element ${q(p.element)} appears twice in the record type.`,
  ),
  'ref/classification-required': def<{ valueType: string }>(
    'error',
    (p) => `En uppgift av typen ${p.valueType} ska ange en klassifikation.`,
    (p) => `A data element of type ${p.valueType} must name a classification.`,
  ),
  'ref/classification-not-allowed': def<{ valueType: string }>(
    'error',
    (p) => `En uppgift av typen ${p.valueType} kan inte ha en klassifikation eller koder.`,
    (p) => `A data element of type ${p.valueType} cannot have a classification or codes.`,
  ),
  'ref/rule-shape': def<{ shape: string; detail: string }>(
    'error',
    (p) => `Regeln av formen ${p.shape} är ofullständig: ${p.detail}.`,
    (p) => `The ${p.shape} rule is incomplete: ${p.detail}.`,
  ),
  'ref/invalid-date': def<{ value: string }>(
    'error',
    (p) => `${q(p.value)} är inte ett datum som finns.`,
    (p) => `${q(p.value)} is not a date that exists.`,
  ),

  // --- catalogue checks (one rule per file in src/checks/rules) ------------------------------
  'rule/label-sv-missing': def(
    'error',
    () => 'Svensk benämning (label.sv) saknas.',
    () => 'The Swedish label (label.sv) is missing.',
  ),
  'rule/definition-sv-missing': def(
    'error',
    () => 'Svensk definition (definition.sv) saknas.',
    () => 'The Swedish definition (definition.sv) is missing.',
  ),
  'rule/deprecated-without-replacement': def<{ code: string }>(
    'warning',
    (p) => `Koden ${q(p.code)} fasas ut men anger ingen ersättare (replacedBy).`,
    (p) => `The code ${q(p.code)} is deprecated but names no replacement (replacedBy).`,
  ),
  'rule/unused-classification': def<{ id: string }>(
    'warning',
    (p) => `Klassifikationen ${q(p.id)} används inte av någon uppgift.`,
    (p) => `The classification ${q(p.id)} is not used by any data element.`,
  ),
  'rule/unused-element': def<{ id: string }>(
    'warning',
    (p) => `Uppgiften ${q(p.id)} ingår inte i någon posttyp.`,
    (p) => `The data element ${q(p.id)} is not part of any record type.`,
  ),
  'rule/privacy-category-missing': def(
    'error',
    () => 'Uppgiften saknar personuppgiftskategori (privacy.category). Ange none om den inte är en personuppgift.',
    () => 'The data element has no personal-data category (privacy.category). Use none if it is not personal data.',
  ),
  'rule/legal-basis-missing': def(
    'error',
    () => 'Uppgiften är en personuppgift men saknar rättslig grund (privacy.legalBasis).',
    () => 'The data element is personal data but has no legal basis (privacy.legalBasis).',
  ),
  'rule/category-outside-ordinance': def<{ category: string }>(
    'error',
    (p) => `Kategorin ${q(p.category)} ingår inte i de kategorier som den föreslagna förordningen tillåter.`,
    (p) => `The category ${q(p.category)} is not among those the proposed ordinance allows.`,
  ),
  'rule/sensitive-not-marked': def<{ sensitive: readonly string[]; classification: string }>(
    'error',
    (p) => `Uppgiften använder klassifikationen ${q(p.classification)} som avslöjar känsliga uppgifter (${p.sensitive.join(', ')}) men är inte markerad som känslig (privacy.sensitive).`,
    (p) => `The data element uses classification ${q(p.classification)}, which reveals sensitive data (${p.sensitive.join(', ')}), but is not marked sensitive (privacy.sensitive).`,
  ),
  'rule/unsafe-pattern': def<{ reason: string }>(
    'error',
    (p) => `Mönstret kan ge katastrofal backtracking (${p.reason}): en enda lång rad kan låsa valideringen. Skriv om det utan nästlade eller överlappande upprepningar.`,
    (p) => `The pattern is open to catastrophic backtracking (${p.reason}): one long value can lock up validation. Rewrite it without nested or overlapping repetition.`,
  ),
  'rule/invalid-pattern': def(
    'error',
    () => 'Mönstret är inte ett giltigt reguljärt uttryck.',
    () => 'The pattern is not a valid regular expression.',
  ),
  'rule/schema-comment-missing': def<{ schema: string }>(
    'warning',
    (p) => `Filen saknar första raden "# yaml-language-server: $schema=${p.schema}", så redigeraren ger ingen hjälp.`,
    (p) => `The file lacks the first line "# yaml-language-server: $schema=${p.schema}", so the editor gives no help.`,
  ),
  'rule/unknown-check': def<{ check: string }>(
    'error',
    (p) => `Kontrollen ${q(p.check)} finns inte.`,
    (p) => `The check ${q(p.check)} does not exist.`,
  ),

  // --- build output and verification ---------------------------------------------------------
  'gen/name-collision': def<{ name: string; other: string }>(
    'error',
    (p) => `Namnet ${q(p.name)} i genererad kod används redan av ${q(p.other)}. Byt id på en av dem.`,
    (p) => `The generated name ${q(p.name)} is already used by ${q(p.other)}. Rename one of them.`,
  ),
  'gen/not-built': def(
    'error',
    () => 'Katalogen har fel, så inget byggdes. Rätta felen ovan och kör igen.',
    () => 'The catalogue has errors, so nothing was built. Fix the errors above and run again.',
  ),
  'gen/template-error': def<{ template: string; detail: string }>(
    'error',
    (p) => `Mallen ${q(p.template)} kan inte användas: ${p.detail}`,
    (p) => `The template ${q(p.template)} cannot be used: ${p.detail}`,
  ),
  'gen/unknown-template': def<{ template: string; known: string }>(
    'warning',
    (p) => `Mallen ${q(p.template)} används inte (felstavad?). Mallarna heter: ${p.known}.`,
    (p) => `The template ${q(p.template)} is not used (misspelt?). The templates are: ${p.known}.`,
  ),
  'gen/browser-script': def<{ detail: string }>(
    'error',
    (p) => `Skriptet för sidan "Vad ska vi rapportera?" kan inte byggas: ${p.detail}.`,
    (p) => `The script of the "Vad ska vi rapportera?" page cannot be built: ${p.detail}.`,
  ),
  'verify/no-manifest': def<{ dir: string }>(
    'error',
    (p) => `${q(p.dir)} har ingen manifest.json: det är inte en byggd katalog.`,
    (p) => `${q(p.dir)} has no manifest.json: it is not a built catalogue.`,
  ),
  'verify/bad-manifest': def(
    'error',
    () => 'manifest.json kan inte läsas.',
    () => 'manifest.json cannot be read.',
  ),
  'verify/missing-file': def<{ path: string }>(
    'error',
    (p) => `Filen ${q(p.path)} finns i manifestet men saknas.`,
    (p) => `The file ${q(p.path)} is listed in the manifest but missing.`,
  ),
  'verify/changed-file': def<{ path: string }>(
    'error',
    (p) => `Filen ${q(p.path)} har ändrats sedan den byggdes (kontrollsumman stämmer inte).`,
    (p) => `The file ${q(p.path)} has changed since it was built (the checksum differs).`,
  ),
  'verify/extra-file': def<{ path: string }>(
    'error',
    (p) => `Filen ${q(p.path)} finns inte i manifestet.`,
    (p) => `The file ${q(p.path)} is not in the manifest.`,
  ),

  // --- obligations queries (kodkatalog obligations) -------------------------------------------
  'obligations/unknown-actor': def<{ actor: string; known: readonly string[] }>(
    'error',
    (p) => `Aktörstypen ${q(p.actor)} finns inte. Kända aktörstyper: ${list(p.known)}.`,
    (p) => `The actor type ${q(p.actor)} does not exist. Known actor types: ${list(p.known)}.`,
  ),
  'obligations/unknown-area': def<{ area: string; known: readonly string[] }>(
    'error',
    (p) => `Verksamhetsområdet ${q(p.area)} finns inte. Kända områden: ${list(p.known)}.`,
    (p) => `The area of activity ${q(p.area)} does not exist. Known areas: ${list(p.known)}.`,
  ),
  'obligations/unknown-element': def<{ element: string }>(
    'error',
    (p) => `Uppgiften ${q(p.element)} finns inte i katalogen.`,
    (p) => `The data element ${q(p.element)} does not exist in the catalogue.`,
  ),

  // --- versions: git sources, version discipline, releases, code migration --------------------
  'git/not-a-repository': def<{ spec: string }>(
    'error',
    (p) => `${q(p.spec)} är ingen mapp, och den aktuella mappen ligger inte i ett git-förråd där det kunde vara en revision.`,
    (p) => `${q(p.spec)} is not a directory, and the current directory is not inside a git repository where it could be a revision.`,
  ),
  'git/unknown-revision': def<{ revision: string }>(
    'error',
    (p) => `Revisionen ${q(p.revision)} finns inte i git-förrådet. Ange en tagg (t.ex. v0.1.0), en gren, en commit (t.ex. HEAD eller main~3) eller en mapp.`,
    (p) => `The revision ${q(p.revision)} does not exist in the git repository. Give a tag (e.g. v0.1.0), a branch, a commit (e.g. HEAD or main~3) or a directory.`,
  ),
  'git/path-missing': def<{ revision: string; path: string }>(
    'error',
    (p) => `Revisionen ${q(p.revision)} har ingen katalog i ${q(p.path)} (ingen catalogue.yaml där). Ange katalogens mapp i förrådet med --path.`,
    (p) => `The revision ${q(p.revision)} has no catalogue in ${q(p.path)} (no catalogue.yaml there). Give the catalogue's folder in the repository with --path.`,
  ),
  'version/bump-too-small': def<{ previous: string; version: string; declared: 'none' | 'patch' | 'minor' | 'major'; required: 'patch' | 'minor' | 'major'; suggested: string }>(
    'error',
    (p) =>
      `Versionen ${p.version} är ${{ none: 'samma version som', patch: 'en patch-höjning från', minor: 'en minor-höjning från', major: 'en major-höjning från' }[p.declared]} ${p.previous}, men ändringarna sedan ${p.previous} kräver en ${p.required}-höjning. Sätt version till ${p.suggested} (kodkatalog diff visar ändringarna).`,
    (p) =>
      `The version ${p.version} is ${{ none: 'the same version as', patch: 'a patch bump from', minor: 'a minor bump from', major: 'a major bump from' }[p.declared]} ${p.previous}, but the changes since ${p.previous} need a ${p.required} bump. Set version to ${p.suggested} (kodkatalog diff shows the changes).`,
  ),
  'version/older-than-previous': def<{ previous: string; version: string }>(
    'error',
    (p) => `Versionen ${p.version} är lägre än den förra publicerade versionen ${p.previous}.`,
    (p) => `The version ${p.version} is lower than the previous release ${p.previous}.`,
  ),
  'version/edited-in-place': def<{ subject: 'code' | 'element'; id: string; classification?: string; field: string; previous: string }>(
    'error',
    (p) =>
      p.subject === 'code'
        ? `Koden ${q(p.id)} i klassifikationen ${q(p.classification ?? '')} var aktiv i ${p.previous}, men dess ${p.field} har ändrats i sak. En kods betydelse ändras aldrig på plats: låt koden vara kvar som utfasad (status: deprecated, replacedBy) och lägg till en ny kod.`
        : `Uppgiften ${q(p.id)} var aktiv i ${p.previous}, men dess ${p.field} har ändrats. En uppgift byter aldrig typ eller klassifikation på plats: lägg till en ny uppgift och fasa ut den gamla, så att äldre inlämningar kan tolkas.`,
    (p) =>
      p.subject === 'code'
        ? `The code ${q(p.id)} in classification ${q(p.classification ?? '')} was active in ${p.previous}, but its ${p.field} has changed in substance. A code's meaning never changes in place: keep the code as deprecated (status: deprecated, replacedBy) and add a new code.`
        : `The data element ${q(p.id)} was active in ${p.previous}, but its ${p.field} has changed. An element never changes type or classification in place: add a new element and deprecate the old one, so older submissions can still be read.`,
  ),
  'version/published-changed': def<{ version: string; source: string; kind: keyof typeof entityWords; id: string; pointer: string }>(
    'error',
    (p) => `Version ${p.version} är publicerad (${p.source}) men ${entityWords[p.kind].sv} ${q(p.id)} har ändrats${p.pointer ? ` (${p.pointer})` : ''}. En publicerad version ändras aldrig; höj versionen och sätt status: draft.`,
    (p) => `Version ${p.version} is published (${p.source}) but ${entityWords[p.kind].en} ${q(p.id)} has changed${p.pointer ? ` (${p.pointer})` : ''}. A published release never changes; bump the version and set status: draft.`,
  ),
  'version/not-tagged': def<{ version: string; tag: string }>(
    'info',
    (p) => `Version ${p.version} är publicerad men taggen ${p.tag} finns inte ännu. Bygg och verifiera, checka in och tagga: git tag ${p.tag}.`,
    (p) => `Version ${p.version} is published but the tag ${p.tag} does not exist yet. Build and verify, commit and tag: git tag ${p.tag}.`,
  ),
  'version/previous-unreadable': def<{ source: string; errors: number }>(
    'error',
    (p) => `Den förra versionen (${p.source}) kan inte läsas: den har ${p.errors} fel. Kontrollera previousRelease eller --previous.`,
    (p) => `The previous release (${p.source}) cannot be read: it has ${p.errors} error${p.errors === 1 ? '' : 's'}. Check previousRelease or --previous.`,
  ),
  'release/already-published': def<{ version: string }>(
    'error',
    (p) => `Version ${p.version} är redan publicerad. Höj versionen och sätt status: draft för att arbeta på nästa version.`,
    (p) => `Version ${p.version} is already published. Bump the version and set status: draft to work on the next one.`,
  ),
  'release/version-exists': def<{ version: string }>(
    'error',
    (p) => `releases har redan en post för version ${p.version}.`,
    (p) => `releases already has an entry for version ${p.version}.`,
  ),
  'release/invalid-date': def<{ date: string }>(
    'error',
    (p) => `${q(p.date)} är inte ett datum ÅÅÅÅ-MM-DD som finns. Ange releasedatumet med --date, t.ex. --date 2027-01-15.`,
    (p) => `${q(p.date)} is not a date YYYY-MM-DD that exists. Give the release date with --date, e.g. --date 2027-01-15.`,
  ),
  'release/date-order': def<{ date: string; previous: string; version: string }>(
    'error',
    (p) => `Datumet ${p.date} ligger före den förra releasen (${p.version}, ${p.previous}).`,
    (p) => `The date ${p.date} is before the previous release (${p.version}, ${p.previous}).`,
  ),
  'migrate/split': def<{ field: string; code: string; candidates: readonly string[] }>(
    'error',
    (p) => `Koden ${q(p.code)} i fältet ${q(p.field)} har delats upp i ${list(p.candidates)}: en person behöver välja rätt kod för raden.`,
    (p) => `The code ${q(p.code)} in field ${q(p.field)} has been split into ${list(p.candidates)}: a person needs to choose the right code for the row.`,
  ),
  'migrate/no-replacement': def<{ field: string; code: string }>(
    'error',
    (p) => `Koden ${q(p.code)} i fältet ${q(p.field)} får inte användas i den nya versionen och har ingen ersättare: en person behöver bestämma vad raden ska ha.`,
    (p) => `The code ${q(p.code)} in field ${q(p.field)} may not be used in the new version and has no replacement: a person needs to decide what the row should hold.`,
  ),
  'migrate/unknown-code': def<{ field: string }>(
    'error',
    (p) => `Fältet ${q(p.field)} har en kod som inte finns i någon av versionerna (värdet visas inte).`,
    (p) => `The field ${q(p.field)} holds a code that exists in neither version (the value is not shown).`,
  ),
  'migrate/unknown-element': def<{ element: string }>(
    'error',
    (p) => `${q(p.element)} är ingen kolumn i filen med en uppgift av kodtyp i den nya versionen.`,
    (p) => `${q(p.element)} is not a column of the file holding a coded data element in the new version.`,
  ),
} as const;

/** Every diagnostic code. */
export type DiagnosticCode = keyof typeof messages;

/** The parameters a code's message takes. */
export type MessageParams<C extends DiagnosticCode> = Parameters<(typeof messages)[C]['sv']>[0];

/** Builds a diagnostic from the table; `severity` overrides the default (for presets). */
export function diagnostic<C extends DiagnosticCode>(
  code: C,
  params: MessageParams<C>,
  source?: SourceLocation,
  extra: { severity?: Severity; related?: readonly SourceLocation[] } = {},
): Diagnostic {
  const m = messages[code] as unknown as MessageDef<MessageParams<C>>;
  const message: LocalizedMessage = { sv: m.sv(params), en: m.en(params) };
  return {
    code,
    severity: extra.severity ?? m.severity,
    message,
    ...(source ? { source } : {}),
    ...(extra.related ? { related: extra.related } : {}),
  };
}
