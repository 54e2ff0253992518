// code-lists: emits every classification as CSV (<id>.csv), JSON (<id>.json) and HL7 FHIR R4 (fhir/<id>.codesystem.json, fhir/<id>.valueset.json), plus index.json,
// from the resolved catalogue's classifications with their hierarchy, validity, status and replacements,
// for municipalities opening lists in Excel, vendors loading JSON, and health-side systems loading terminology.
import { csvCell, diagnostic, type Catalogue, type Classification, type Code, type Diagnostic, type Generator, type Status, type Text } from '../../src/index.js';

// ------------------------------------------------------------------------------------------------
// File names
// ------------------------------------------------------------------------------------------------

/** The files written for one classification, relative to the generator's folder. */
export interface CodeListFiles {
  /** Semicolon-separated, UTF-8 with BOM, for Excel. */
  readonly csv: string;
  /** The classification with all metadata, for programs. */
  readonly json: string;
  /** HL7 FHIR R4 CodeSystem. */
  readonly fhirCodeSystem: string;
  /** HL7 FHIR R4 ValueSet of the codes that may be reported. */
  readonly fhirValueSet: string;
}

/** Where the files of classification `id` go. */
export function codeListFiles(id: string): CodeListFiles {
  return { csv: `${id}.csv`, json: `${id}.json`, fhirCodeSystem: `fhir/${id}.codesystem.json`, fhirValueSet: `fhir/${id}.valueset.json` };
}

/** Serialises the same value to the same bytes: insertion-ordered keys, two-space indent, final LF. */
function toJson(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

/** Text as a JSON object with a fixed key order (sv first), leaving out a missing translation. */
function textJson(t: Text): { sv: string; en?: string } {
  return t.en !== undefined ? { sv: t.sv, en: t.en } : { sv: t.sv };
}

const codesOf = (codes: readonly Code[]): string[] => codes.map((c) => c.code);

// ------------------------------------------------------------------------------------------------
// CSV
// ------------------------------------------------------------------------------------------------

/**
 * The CSV columns, in order, with what each holds. The names are Swedish because the people who
 * open these files in Excel are Swedish case workers and statisticians; they are part of the
 * published format and change only in a major version.
 */
export const CSV_COLUMNS: readonly { readonly name: string; readonly description: string }[] = [
  { name: 'kod', description: 'Koden, exakt som den ska rapporteras.' },
  { name: 'benamning', description: 'Benämning på svenska.' },
  { name: 'benamning_en', description: 'Benämning på engelska, om den finns.' },
  { name: 'definition', description: 'Definition på svenska, om den finns.' },
  { name: 'overordnad', description: 'Överordnad kod i hierarkin, tom för en kod på översta nivån.' },
  { name: 'valbar', description: '"ja" om koden får rapporteras, "nej" för en grupperande kod.' },
  { name: 'status', description: 'Kodens status: draft (utkast), active (gällande), deprecated (ska fasas ut) eller retired (upphörd).' },
  { name: 'giltig_fran', description: 'Första dag koden gäller (ÅÅÅÅ-MM-DD), tom om den gäller från början.' },
  { name: 'giltig_till', description: 'Sista dag koden gäller (ÅÅÅÅ-MM-DD), tom om den gäller tills vidare.' },
  { name: 'ersatts_av', description: 'Koder som ersätter denna, åtskilda av mellanslag (flera när en kod delats).' },
  { name: 'ersatter', description: 'Koder som denna ersätter, åtskilda av mellanslag (flera när koder slagits samman).' },
];

/** Byte order mark: without it Excel on Windows reads the file as Windows-1252 and mangles å, ä and ö. */
const BOM = '\uFEFF';

function csvRow(cells: readonly string[]): string {
  return cells.map(csvCell).join(';') + '\n';
}

/** The CSV file of a classification: BOM, header row, one row per code in declared order, LF line ends. */
export function classificationCsv(classification: Classification): string {
  let out = BOM + csvRow(CSV_COLUMNS.map((c) => c.name));
  for (const code of classification.codes) {
    out += csvRow([
      code.code,
      code.label.sv,
      code.label.en ?? '',
      code.definition?.sv ?? '',
      code.parent?.code ?? '',
      code.selectable ? 'ja' : 'nej',
      code.status,
      code.validFrom ?? '',
      code.validTo ?? '',
      codesOf(code.replacedBy).join(' '),
      codesOf(code.replaces).join(' '),
    ]);
  }
  return out;
}

// ------------------------------------------------------------------------------------------------
// JSON
// ------------------------------------------------------------------------------------------------

/** One code in the JSON file. References to other codes are code values, so the file has no cycles. */
export interface CodeJson {
  /** The code value, exactly as reported. */
  readonly code: string;
  /** Name in Swedish and, when written, English. */
  readonly label: { sv: string; en?: string };
  /** Definition, when given. */
  readonly definition?: { sv: string; en?: string };
  /** Parent code, absent at the top level. */
  readonly parent?: string;
  /** Child codes in declared order. */
  readonly children: readonly string[];
  /** False for a grouping code that may not be reported. */
  readonly selectable: boolean;
  /** Lifecycle status. */
  readonly status: Status;
  /** First day in force (ISO date). */
  readonly validFrom?: string;
  /** Last day in force (ISO date). */
  readonly validTo?: string;
  /** Codes that replace this one (several for a split). */
  readonly replacedBy: readonly string[];
  /** Codes this one replaces (several for a merge). */
  readonly replaces: readonly string[];
  /** What changed and why. */
  readonly changeNote?: string;
}

/** The JSON file of a classification. */
export interface ClassificationJson {
  /** The catalogue it was published in, so a downloaded file says where it comes from. */
  readonly catalogue: { readonly id: string; readonly version: string };
  /** Classification id. */
  readonly id: string;
  /** Name. */
  readonly label: { sv: string; en?: string };
  /** Definition. */
  readonly definition: { sv: string; en?: string };
  /** Lifecycle status of the list as a whole. */
  readonly status: Status;
  /** First day in force (ISO date). */
  readonly validFrom?: string;
  /** Last day in force (ISO date). */
  readonly validTo?: string;
  /** Who maintains the list. */
  readonly owner?: string;
  /** Edition, e.g. KSI 2022. */
  readonly edition?: string;
  /** Where the list comes from. */
  readonly source?: { title: string; publisher?: string; reference?: string; date?: string; note?: string };
  /** Kinds of sensitive personal data the codes reveal (GDPR art. 9 and 10). */
  readonly sensitive: readonly string[];
  /** What changed and why. */
  readonly changeNote?: string;
  /** Codes in declared order. */
  readonly codes: readonly CodeJson[];
}

/** One code as a plain object, built field by field: a classification can have 50,000 codes. */
function codeJson(code: Code): CodeJson {
  // Keys go in as they are published, in this order; the required ones not yet set are all set below.
  const out: { -readonly [K in keyof CodeJson]: CodeJson[K] } = { code: code.code, label: textJson(code.label) } as CodeJson;
  if (code.definition) out.definition = textJson(code.definition);
  if (code.parent) out.parent = code.parent.code;
  out.children = codesOf(code.children);
  out.selectable = code.selectable;
  out.status = code.status;
  if (code.validFrom !== undefined) out.validFrom = code.validFrom;
  if (code.validTo !== undefined) out.validTo = code.validTo;
  out.replacedBy = codesOf(code.replacedBy);
  out.replaces = codesOf(code.replaces);
  if (code.changeNote !== undefined) out.changeNote = code.changeNote;
  return out;
}

/**
 * The classification as a plain object. Keys are written in one fixed order (identity, text,
 * lifecycle, provenance, codes) rather than sorted, so a person reading the file sees what a thing
 * is before its details; the order is fixed in this code and so the same on every run.
 */
export function classificationJson(catalogue: Catalogue, c: Classification): ClassificationJson {
  const s = c.source;
  return {
    catalogue: { id: catalogue.manifest.id, version: catalogue.manifest.version },
    id: c.id,
    label: textJson(c.label),
    definition: textJson(c.definition),
    status: c.status,
    ...(c.validFrom !== undefined ? { validFrom: c.validFrom } : {}),
    ...(c.validTo !== undefined ? { validTo: c.validTo } : {}),
    ...(c.owner !== undefined ? { owner: c.owner } : {}),
    ...(c.edition !== undefined ? { edition: c.edition } : {}),
    ...(s !== undefined
      ? {
          source: {
            title: s.title,
            ...(s.publisher !== undefined ? { publisher: s.publisher } : {}),
            ...(s.reference !== undefined ? { reference: s.reference } : {}),
            ...(s.date !== undefined ? { date: s.date } : {}),
            ...(s.note !== undefined ? { note: s.note } : {}),
          },
        }
      : {}),
    sensitive: [...c.sensitive],
    ...(c.changeNote !== undefined ? { changeNote: c.changeNote } : {}),
    codes: c.codes.map(codeJson),
  };
}

// ------------------------------------------------------------------------------------------------
// HL7 FHIR R4
// ------------------------------------------------------------------------------------------------

/**
 * Canonical URL of a classification's CodeSystem. FHIR R4 types CodeSystem.url as `uri`, so a
 * URN is allowed; an http(s) address would have to be one the publisher controls and serves,
 * which this project cannot promise. The scheme matches the `urn:kodkatalog:` schema $ids of the
 * json-schema generator, but without the major version: a FHIR canonical URL names the code
 * system across versions, and `CodeSystem.version` carries the catalogue version.
 */
export function codeSystemUrl(catalogue: Catalogue, classificationId: string): string {
  return `urn:kodkatalog:${catalogue.manifest.id}:codesystem:${classificationId}`;
}

/** Canonical URL of a classification's ValueSet (see {@link codeSystemUrl}). */
export function valueSetUrl(catalogue: Catalogue, classificationId: string): string {
  return `urn:kodkatalog:${catalogue.manifest.id}:valueset:${classificationId}`;
}

/**
 * A FHIR computable name (invariant csd-0 / vsd-0: `[A-Z]([A-Za-z0-9_]){0,254}`) from a kebab-case
 * id, e.g. `insatstyp-lss` → `InsatstypLss`. Ids are lower case, so a capital marks where a part
 * began; a part that starts with a digit is marked with `_` instead (`lan-01` → `Lan_01`), which
 * keeps two different ids from giving the same name. An id that starts with a digit gets the
 * prefix `N_`, and the double underscore that follows cannot come from any other id.
 */
export function fhirName(id: string): string {
  const name = id
    .split('-')
    .map((part) => (/^[0-9]/.test(part) ? `_${part}` : part.charAt(0).toUpperCase() + part.slice(1)))
    .join('');
  return name.startsWith('_') ? `N_${name}` : name;
}

/**
 * A FHIR resource id (`[A-Za-z0-9\-\.]{1,64}`). Classification ids are kebab-case and usually
 * short enough to use as they are; a longer one is cut and given a hash of the whole id, so it
 * stays unique and the same on every run.
 */
export function fhirId(id: string): string {
  if (id.length <= 64) return id;
  // FNV-1a, 32 bits: enough to keep a handful of long ids apart, and needs no import.
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${id.slice(0, 55)}-${h.toString(16).padStart(8, '0')}`;
}

/** FHIR PublicationStatus of a catalogue status: FHIR has no "deprecated", and "retired" means "should no longer be used". */
export function fhirPublicationStatus(status: Status): 'draft' | 'active' | 'retired' {
  return status === 'draft' ? 'draft' : status === 'active' ? 'active' : 'retired';
}

/**
 * What a hierarchy means. `grouped-by` rather than `is-a`: the catalogue's parents are grouping
 * codes whose meaning varies by list (a kommun is *in* a län, not a kind of län; a family home
 * *is* a kind of housing intervention), and `is-a` would let a terminology server answer
 * subsumption questions ($subsumes, `is-a` filters) wrongly. FHIR R4 defines `grouped-by` for
 * exactly this: no relationship beyond what the definitions say.
 */
export const HIERARCHY_MEANING = 'grouped-by';

/** A concept property this generator may use, as declared in CodeSystem.property. */
interface PropertyDefinition {
  readonly code: string;
  readonly uri: string;
  readonly description: string;
  readonly type: 'code' | 'boolean' | 'dateTime';
}

/**
 * Every concept property the CodeSystems may use, in the order they are declared. Where FHIR
 * defines a property (http://hl7.org/fhir/concept-properties) its URI is used: `inactive` and
 * `notSelectable` are in R4; `status` was added in R5 and is used here with that URI, as R4
 * allows any property URI. Validity and replacement have no FHIR property, so they get
 * kodkatalog's own URIs.
 */
export const CONCEPT_PROPERTIES = {
  status: {
    code: 'status',
    uri: 'http://hl7.org/fhir/concept-properties#status',
    description: 'Kodens status i katalogen: draft, active, deprecated eller retired.',
    type: 'code',
  },
  inactive: {
    code: 'inactive',
    uri: 'http://hl7.org/fhir/concept-properties#inactive',
    description: 'Sant för en upphörd kod (status retired), som inte längre får rapporteras.',
    type: 'boolean',
  },
  notSelectable: {
    code: 'notSelectable',
    uri: 'http://hl7.org/fhir/concept-properties#notSelectable',
    description: 'Sant för en grupperande kod som inte får rapporteras.',
    type: 'boolean',
  },
  validFrom: {
    code: 'validFrom',
    uri: 'urn:kodkatalog:concept-property:validFrom',
    description: 'Första dag koden gäller.',
    type: 'dateTime',
  },
  validTo: {
    code: 'validTo',
    uri: 'urn:kodkatalog:concept-property:validTo',
    description: 'Sista dag koden gäller.',
    type: 'dateTime',
  },
  replacedBy: {
    code: 'replacedBy',
    uri: 'urn:kodkatalog:concept-property:replacedBy',
    description: 'En kod som ersätter denna; upprepas när koden delats i flera.',
    type: 'code',
  },
} as const satisfies Record<string, PropertyDefinition>;

type PropertyCode = keyof typeof CONCEPT_PROPERTIES;

/** A value of a concept property (one of FHIR's value[x] choices). */
type ConceptProperty =
  | { code: PropertyCode; valueCode: string }
  | { code: PropertyCode; valueBoolean: boolean }
  | { code: PropertyCode; valueDateTime: string };

/** The properties of one code. Booleans are written only when true: FHIR's default for both is false. */
function conceptProperties(code: Code): ConceptProperty[] {
  const props: ConceptProperty[] = [{ code: 'status', valueCode: code.status }];
  if (code.status === 'retired') props.push({ code: 'inactive', valueBoolean: true });
  if (!code.selectable) props.push({ code: 'notSelectable', valueBoolean: true });
  // An ISO date is a valid FHIR dateTime (the time part is optional).
  if (code.validFrom !== undefined) props.push({ code: 'validFrom', valueDateTime: code.validFrom });
  if (code.validTo !== undefined) props.push({ code: 'validTo', valueDateTime: code.validTo });
  for (const r of code.replacedBy) props.push({ code: 'replacedBy', valueCode: r.code });
  return props;
}

/**
 * FHIR JSON forbids empty strings. A checked catalogue has Swedish text everywhere, but the text
 * checks can be turned off, so an empty text is left out rather than written invalid.
 */
function nonEmpty<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return value !== undefined && value.length > 0 ? ({ [key]: value } as { [P in K]: string }) : {};
}

/** Header elements shared by the CodeSystem and the ValueSet, in FHIR's element order. */
function resourceHeader(catalogue: Catalogue, c: Classification, url: string, description: string) {
  const publisher = catalogue.manifest.publisher ?? c.owner;
  return {
    id: fhirId(c.id),
    language: 'sv',
    url,
    version: catalogue.manifest.version,
    name: fhirName(c.id),
    ...nonEmpty('title', c.label.sv),
    status: fhirPublicationStatus(c.status),
    // Experimental in FHIR means "for testing or teaching, not for real use"; a draft list is still meant for real use.
    experimental: false,
    ...(publisher !== undefined ? { publisher } : {}),
    ...nonEmpty('description', description),
    jurisdiction: [{ coding: [{ system: 'urn:iso:std:iso:3166', code: 'SE', display: 'Sverige' }] }],
  };
}

/**
 * The classification as an HL7 FHIR R4 CodeSystem: concepts nested by hierarchy in declared
 * order, each with its status, validity and replacements as properties, and every property used
 * declared once. FHIR JSON has no empty arrays or strings, so empty parts are left out.
 */
export function codeSystem(catalogue: Catalogue, c: Classification): Record<string, unknown> {
  const used = new Set<PropertyCode>();
  // The resolver cuts hierarchy cycles, but a visited set keeps a bad model from recursing forever.
  const seen = new Set<Code>();
  const concept = (code: Code): Record<string, unknown> => {
    seen.add(code);
    const props = conceptProperties(code);
    for (const p of props) used.add(p.code);
    const children = code.children.filter((ch) => !seen.has(ch)).map(concept);
    return {
      code: code.code,
      ...nonEmpty('display', code.label.sv),
      ...nonEmpty('definition', code.definition?.sv),
      ...(code.label.en !== undefined ? { designation: [{ language: 'en', value: code.label.en }] } : {}),
      property: props,
      ...(children.length > 0 ? { concept: children } : {}),
    };
  };
  const concepts = c.codes.filter((code) => code.parent === undefined).map(concept);
  const hasHierarchy = c.codes.some((code) => code.parent !== undefined);
  const declared = (Object.keys(CONCEPT_PROPERTIES) as PropertyCode[]).filter((p) => used.has(p)).map((p) => ({ ...CONCEPT_PROPERTIES[p] }));
  return {
    resourceType: 'CodeSystem',
    ...resourceHeader(catalogue, c, codeSystemUrl(catalogue, c.id), c.definition.sv),
    caseSensitive: true,
    // CodeSystem.valueSet is for a value set of *all* codes; ours holds only reportable ones, so it is not named here.
    ...(hasHierarchy ? { hierarchyMeaning: HIERARCHY_MEANING } : {}),
    content: 'complete',
    count: c.codes.length,
    ...(declared.length > 0 ? { property: declared } : {}),
    ...(concepts.length > 0 ? { concept: concepts } : {}),
  };
}

/** Codes a reporter may use: selectable and not retired. Deprecated codes are still allowed until retired. */
export function reportableCodes(c: Classification): Code[] {
  return c.codes.filter((code) => code.selectable && code.status !== 'retired');
}

/**
 * The ValueSet of a classification's reportable codes, listed explicitly (in declared order)
 * rather than as a filter, so a simple consumer needs no terminology server to expand it. It
 * names the CodeSystem version, so it keeps meaning the same codes when a later version adds some.
 */
export function valueSet(catalogue: Catalogue, c: Classification): Record<string, unknown> {
  const system = codeSystemUrl(catalogue, c.id);
  const version = catalogue.manifest.version;
  const codes = reportableCodes(c);
  // FHIR forbids an empty concept list, and an include without one means "every code": when no
  // code is reportable, include the system and exclude every code, which expands to nothing.
  const compose =
    codes.length > 0
      ? { include: [{ system, version, concept: codes.map((code) => ({ code: code.code, ...nonEmpty('display', code.label.sv) })) }] }
      : c.codes.length > 0
        ? { include: [{ system, version }], exclude: [{ system, version, concept: c.codes.map((code) => ({ code: code.code })) }] }
        : { include: [{ system, version }] };
  return {
    resourceType: 'ValueSet',
    ...resourceHeader(
      catalogue,
      c,
      valueSetUrl(catalogue, c.id),
      [c.definition.sv, 'Koder som får rapporteras: valbara koder som inte har upphört.'].filter((t) => t.length > 0).join('\n\n'),
    ),
    compose,
  };
}

// ------------------------------------------------------------------------------------------------
// Index and generator
// ------------------------------------------------------------------------------------------------

/** The index file's name, beside the per-classification files. */
export const INDEX_FILE = 'index.json';

/** index.json: what is in the folder and how the CSV files are laid out. */
export function codeListsIndex(catalogue: Catalogue): Record<string, unknown> {
  return {
    catalogue: { id: catalogue.manifest.id, version: catalogue.manifest.version },
    csv: {
      encoding: 'UTF-8 med BOM',
      separator: ';',
      lineEnd: 'LF',
      escaping:
        'Celler med ; " eller radbrytning står inom citattecken med " dubblerat. En cell som börjar med = + - @, tabb eller radbrytning har fått ett inledande \' så att kalkylprogram inte kör den som en formel; JSON- och FHIR-filerna har värdena oförändrade.',
      // Excel reads a code such as 0114 as the number 114 when the file is opened directly; no CSV
      // syntax prevents that without a formula, so the index tells people how to import instead.
      excel:
        'Öppnas filen direkt i Excel blir koder med inledande nolla (t.ex. 0114) tal. Importera i stället via Data > Från text/CSV och ange kolumnerna kod, overordnad, ersatts_av och ersatter som text.',
      columns: CSV_COLUMNS.map((col) => ({ name: col.name, description: col.description })),
    },
    // The same classifications the generator writes: one that would overwrite this file is reported instead.
    classifications: catalogue.classifications.filter((c) => codeListFiles(c.id).json !== INDEX_FILE).map((c) => ({
      id: c.id,
      label: textJson(c.label),
      status: c.status,
      codeCount: c.codes.length,
      files: { ...codeListFiles(c.id) },
      fhir: { codeSystem: codeSystemUrl(catalogue, c.id), valueSet: valueSetUrl(catalogue, c.id) },
    })),
  };
}

/** The code-lists generator: CSV, JSON and FHIR R4 files for every classification, and an index. */
export const codeListsGenerator: Generator = {
  name: 'code-lists',
  description: [
    'Code lists: per classification <id>.csv (UTF-8 with BOM, ;), <id>.json, fhir/<id>.codesystem.json and fhir/<id>.valueset.json (HL7 FHIR R4), and index.json,',
    "from the resolved catalogue's classifications with hierarchy, validity, status and replacements,",
    'for municipalities opening lists in Excel, vendors loading JSON and health-side systems loading FHIR terminology.',
  ].join('\n'),
  generate(catalogue) {
    const files = [{ path: INDEX_FILE, contents: toJson(codeListsIndex(catalogue)) }];
    const diagnostics: Diagnostic[] = [];
    for (const c of catalogue.classifications) {
      const names = codeListFiles(c.id);
      // A classification with id "index" would write its JSON over the index: refuse it where it is defined.
      if (names.json === INDEX_FILE) {
        diagnostics.push(diagnostic('gen/name-collision', { name: names.json, other: 'kodlistornas index' }, c.location));
        continue;
      }
      files.push(
        { path: names.csv, contents: classificationCsv(c) },
        { path: names.json, contents: toJson(classificationJson(catalogue, c)) },
        { path: names.fhirCodeSystem, contents: toJson(codeSystem(catalogue, c)) },
        { path: names.fhirValueSet, contents: toJson(valueSet(catalogue, c)) },
      );
    }
    return { files, diagnostics };
  },
};
