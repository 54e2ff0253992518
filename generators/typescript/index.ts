// typescript: emits types.d.ts (a type per classification, an interface per record type and per obligation submission row,
// an array type per submission; compiled with json-schema-to-typescript from the json-schema generator's builders) and
// codes.js + codes.d.ts (code lists as typed constants with Swedish labels and guards), for vendors writing TypeScript or JavaScript.
import type { JSONSchema, Options } from 'json-schema-to-typescript';
import {
  diagnostic,
  type Catalogue,
  type Classification,
  type Code,
  type DataElement,
  type Diagnostic,
  type Generator,
  type Obligation,
  type RecordElement,
  type RecordType,
  type Status,
} from '../../src/index.js';
import { allowedCodes, DATE_PATTERN, recordDefKey, recordTypeDocument, submissionDocument, type Schema } from '../json-schema/index.js';

/**
 * Above this many selectable codes a classification becomes a branded string type with a runtime
 * guard instead of a string-literal union: a consumer's `tsc --strict` took 25 s on code that widens a
 * 50,000-literal union (0.16 s at 500), and json-schema-to-typescript's own time grows with the enum.
 */
export const MAX_UNION_CODES = 1000;

/** Suffix of the array type of an obligation's submission (`kommun-lss` → `KommunLssInlamning`). */
export const SUBMISSION_SUFFIX = 'Inlamning';

/** Suffix of the object of Swedish labels by code in codes.js (`Beslutsutfall` → `BeslutsutfallLabels`). */
export const LABELS_SUFFIX = 'Labels';

/**
 * Globals that the generated modules themselves use: a classification named like one of them would
 * shadow it inside codes.js / codes.d.ts, so the name is reported as taken.
 */
const RESERVED = ['Map', 'Object', 'ReadonlyMap', 'Set'] as const;

/**
 * The PascalCase type name of a kebab-case id: `insats` → `Insats`, `insats-id` → `InsatsId`.
 * A letter after a digit is upper-cased and a leading digit gets the prefix `Typ`, because
 * json-schema-to-typescript rewrites names that way (upper-cases after digits, strips leading
 * digits); computing its result here keeps our collision check and its output in agreement.
 */
export function typeName(id: string): string {
  const pascal = id
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('')
    .replace(/([0-9])([a-z])/g, (_, digit: string, letter: string) => digit + letter.toUpperCase())
    .replace(/[^A-Za-z0-9]/g, '');
  return /^[0-9]/.test(pascal) ? `Typ${pascal}` : pascal;
}

// Letters that do not decompose into a base letter plus marks under NFD.
const LETTERS: Readonly<Record<string, string>> = { Æ: 'AE', Ø: 'O', ß: 'SS', Ł: 'L', Đ: 'D', Þ: 'TH', Ð: 'D', Œ: 'OE', ẞ: 'SS' };

/**
 * A code's constant name from its Swedish label, in ASCII upper snake case: diacritics dropped
 * (å, ä → A, ö → O, é → E), every run of other characters one `_` (a label like "Hemtjänst, service"
 * gives `HEMTJANST_SERVICE`, not a double underscore), no leading or trailing `_`, and `KOD_` before a
 * leading digit. Empty when the label has no letter or digit at all.
 */
export function constantName(label: string): string {
  const snake = upperSnake(label);
  return /^[0-9]/.test(snake) ? `KOD_${snake}` : snake;
}

function upperSnake(text: string): string {
  const ascii = text
    .toUpperCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\x00-\x7f]/g, (ch) => LETTERS[ch] ?? '_');
  return ascii.replace(/[^A-Z0-9]+/g, '_').replace(/^_+|_+$/g, '');
}

/**
 * Constant names for codes, unique within their classification. In declared order, a code keeps the
 * name from its label unless an earlier code took it; then the code itself is appended, and a counter
 * if even that is taken. Earlier codes keep their names, so appending a code never renames another.
 */
export function constantNames(codes: readonly Code[]): Map<Code, string> {
  const taken = new Set<string>();
  const names = new Map<Code, string>();
  for (const code of codes) {
    const suffix = upperSnake(code.code) || 'KOD';
    const base = constantName(code.label.sv) || constantName(code.code) || 'KOD';
    let name = base;
    if (taken.has(name)) name = `${base}_${suffix}`;
    for (let n = 2; taken.has(name); n++) name = `${base}_${suffix}_${n}`;
    taken.add(name);
    names.set(code, name);
  }
  return names;
}

/** Selectable codes of a classification: the ones a reporter may send, and so the ones typed. */
const selectable = (c: Classification): readonly Code[] => c.codes.filter((code) => code.selectable);

/** True when a classification is typed as a branded string with a guard rather than a union. */
export function isLargeClassification(c: Classification): boolean {
  return selectable(c).length > MAX_UNION_CODES;
}

const brandedType = (name: string): string => `string & { readonly __brand: ${JSON.stringify(name)} }`;

// ---- naming -----------------------------------------------------------------------------------

type Named = Classification | RecordType | Obligation;

/** Every name an entity puts into the generated modules (types and values share one list). */
function namesOf(entity: Named): string[] {
  const name = typeName(entity.id);
  switch (entity.kind) {
    case 'classification':
      // The type and the constant share `name` on purpose (a type and a value may), so it is one claim.
      return [name, `${name}${LABELS_SUFFIX}`];
    case 'record-type':
      return [name];
    case 'obligation':
      return [`${name}${SUBMISSION_SUFFIX}`, ...entity.recordTypes.map((x) => rowName(entity, x.recordType))];
  }
}

/** The interface name of a record type's row inside an obligation's submission. */
const rowName = (ob: Obligation, rt: RecordType): string => `${typeName(ob.id)}${typeName(rt.id)}`;

const kindText: Record<Named['kind'], string> = { classification: 'klassifikationen', 'record-type': 'posttypen', obligation: 'uppgiftsskyldigheten' };

/**
 * Claims the names of classifications, record types and obligations in a fixed order (by kind, then
 * id) and reports a `gen/name-collision` at the later entity, pointing back at the earlier one. An
 * entity with a collision claims none of its names, so it does not cause follow-on reports.
 */
function claimNames(catalogue: Catalogue): Diagnostic[] {
  const owners = new Map<string, Named | undefined>(RESERVED.map((n) => [n, undefined]));
  const diagnostics: Diagnostic[] = [];
  const entities: Named[] = [...catalogue.classifications, ...catalogue.recordTypes, ...catalogue.obligations];
  for (const entity of entities) {
    const names = namesOf(entity);
    const clashes: string[] = [];
    names.forEach((name, i) => {
      if (owners.has(name) || names.indexOf(name) !== i) clashes.push(name);
    });
    for (const name of clashes) {
      const other = owners.get(name);
      const otherText = !owners.has(name) ? `${kindText[entity.kind]} ${entity.id}` : other ? `${kindText[other.kind]} ${other.id}` : 'JavaScript';
      diagnostics.push(diagnostic('gen/name-collision', { name, other: otherText }, entity.location, other ? { related: [other.location] } : {}));
    }
    if (clashes.length === 0) for (const name of names) owners.set(name, entity);
  }
  return diagnostics;
}

// ---- text -------------------------------------------------------------------------------------

const statusText: Record<Status, string> = { draft: 'utkast', active: 'gällande', deprecated: 'utgående', retired: 'upphörd' };

/** "Gäller från ... till och med ..." for a validity range, or nothing. */
function validity(from: string | undefined, to: string | undefined): string | undefined {
  if (!from && !to) return undefined;
  return ['Gäller', from ? `från ${from}` : '', to ? `till och med ${to}` : ''].filter(Boolean).join(' ') + '.';
}

/** Paragraphs of a JSDoc comment, blank-line separated; empty parts dropped. */
const paragraphs = (...parts: (string | undefined | false)[]): string => parts.filter((p): p is string => typeof p === 'string' && p.length > 0).join('\n\n');

const isDeprecated = (status: Status): boolean => status === 'deprecated' || status === 'retired';

/** Status note for entities that are not simply in force. */
const statusNote = (status: Status): string | undefined => (status === 'active' ? undefined : `Status: ${statusText[status]}.`);

// ---- schemas for json-schema-to-typescript ----------------------------------------------------

/** A piece of types.d.ts: one named schema, compiled on its own. */
interface Piece {
  readonly name: string;
  readonly schema: JSONSchema;
}

const classificationDoc = (c: Classification): string => {
  const codes = selectable(c);
  const facts = [
    c.owner ? `Förvaltas av ${c.owner}.` : '',
    c.edition ? `Utgåva ${c.edition}.` : '',
    `${codes.length} koder får rapporteras${codes.length === c.codes.length ? '' : ` (av ${c.codes.length})`}.`,
  ].filter(Boolean);
  const large = isLargeClassification(c)
    ? `Klassifikationen har fler än ${MAX_UNION_CODES} koder och är därför en märkt sträng (branded type): kontrollera ett värde med is${typeName(c.id)}() i codes.js.`
    : `Konstanter och benämningar finns i codes.js (${typeName(c.id)}, ${typeName(c.id)}${LABELS_SUFFIX}).`;
  return paragraphs(c.label.sv, c.definition.sv, facts.join(' '), validity(c.validFrom, c.validTo), statusNote(c.status), large);
};

function classificationPiece(c: Classification): Piece {
  const name = typeName(c.id);
  const base = { title: name, description: classificationDoc(c), ...(isDeprecated(c.status) ? { deprecated: true } : {}) };
  const codes = selectable(c).map((code) => code.code);
  // An empty classification has no value a record could hold.
  const schema: JSONSchema = isLargeClassification(c)
    ? { ...base, tsType: brandedType(name) }
    : codes.length === 0
      ? { ...base, tsType: 'never' }
      : { ...base, type: 'string', enum: codes };
  return { name, schema };
}

/** Notes on a value from its schema's constraint keywords (JSON Schema keeps them; TypeScript cannot). */
function constraintNotes(s: Schema): string[] {
  const notes: string[] = [];
  if (s.pattern === DATE_PATTERN) notes.push('Datum i formen ÅÅÅÅ-MM-DD.');
  else if (typeof s.pattern === 'string') notes.push(`Mönster: \`${s.pattern}\`.`);
  const range = (min: unknown, max: unknown, unit: string, what: string): void => {
    if (typeof min === 'number' && typeof max === 'number') notes.push(`${what} ${min}–${max}${unit}.`);
    else if (typeof min === 'number') notes.push(`${what} minst ${min}${unit}.`);
    else if (typeof max === 'number') notes.push(`${what} högst ${max}${unit}.`);
  };
  range(s.minLength, s.maxLength, ' tecken', 'Längd');
  range(s.minimum, s.maximum, '', 'Värde');
  if (s.type === 'integer') notes.push('Heltal.');
  return notes;
}

/**
 * The schema of one property, from the json-schema row schema's property (a `$ref` into `$defs` plus
 * a description) and the element definition it points to. Titles are dropped so that
 * json-schema-to-typescript names nothing on its own; codes become a reference to the
 * classification's type, or an inline union when the element allows only some of the codes.
 */
function propertySchema(prop: Schema, defs: Schema, element: DataElement | undefined): JSONSchema {
  if (!element) {
    // The `recordType` discriminator: a literal, not an element.
    return { description: paragraphs(String(prop.title ?? ''), String(prop.description ?? '')), const: prop.const as string };
  }
  const def = (defs[element.id] ?? {}) as Schema;
  const definition = element.definition.sv;
  const elementText = String(def.description ?? '');
  // Both descriptions start with the definition; keep it once and add what each says beyond it.
  const extra = elementText.startsWith(definition) ? elementText.slice(definition.length).trim() : elementText;
  const description = paragraphs(element.label.sv, String(prop.description ?? ''), [extra, ...constraintNotes(def)].filter(Boolean).join(' '), statusNote(element.status));
  const common = { description, ...(isDeprecated(element.status) ? { deprecated: true } : {}) };
  if (Array.isArray(def.enum)) {
    const c = element.classification as Classification;
    const all = selectable(c).map((code) => code.code);
    const allowed = allowedCodes(element);
    const whole = allowed.length === all.length && allowed.every((code, i) => code === all[i]);
    // A subset of a large classification is still the branded type: the guard and the validators check membership.
    if (whole || isLargeClassification(c) || allowed.length > MAX_UNION_CODES) return { ...common, tsType: typeName(c.id) };
    return allowed.length === 0 ? { ...common, tsType: 'never' } : { ...common, type: 'string', enum: [...allowed] };
  }
  return { ...common, type: def.type as JSONSchema['type'] };
}

/** The record type's rules that touch only the given elements, as a JSDoc list (types cannot express them). */
function ruleLines(rt: RecordType, elements: readonly RecordElement[]): string | undefined {
  const ids = new Set(elements.map((e) => e.element.id));
  const rules = rt.rules.filter((r) => r.elements.every((e) => ids.has(e.id)));
  return rules.length === 0 ? undefined : ['Regler (kontrolleras av validerarna):', ...rules.map((r) => `- ${r.id}: ${r.message.sv}`)].join('\n');
}

/**
 * Turns a json-schema row schema into a flat, self-contained object schema for
 * json-schema-to-typescript: every `$ref` inlined, every nested title gone, row rules (`allOf`)
 * dropped because TypeScript types cannot carry them (the interface's JSDoc lists them instead).
 */
function rowPiece(name: string, row: Schema, defs: Schema, elements: readonly RecordElement[], description: string, status: Status): Piece {
  const byId = new Map(elements.map((e) => [e.element.id, e.element]));
  const properties: Record<string, JSONSchema> = {};
  for (const [key, prop] of Object.entries(row.properties as Record<string, Schema>)) {
    properties[key] = propertySchema(prop, defs, byId.get(key));
  }
  const schema: JSONSchema = {
    title: name,
    description,
    type: 'object',
    properties,
    ...(Array.isArray(row.required) ? { required: row.required as string[] } : {}),
    additionalProperties: false,
    ...(isDeprecated(status) ? { deprecated: true } : {}),
  };
  return { name, schema };
}

function recordTypePiece(catalogue: Catalogue, rt: RecordType): Piece {
  const doc = recordTypeDocument(catalogue, rt);
  const key = rt.key.length ? `Nyckel: ${rt.key.map((e) => e.id).join(', ')}.` : undefined;
  const description = paragraphs(rt.label.sv, rt.definition.sv, key, validity(rt.validFrom, rt.validTo), statusNote(rt.status), ruleLines(rt, rt.elements), `JSON Schema: ${String(doc.$id)}`);
  return rowPiece(typeName(rt.id), doc, doc.$defs as Schema, rt.elements, description, rt.status);
}

function obligationPieces(catalogue: Catalogue, ob: Obligation): Piece[] {
  const doc = submissionDocument(catalogue, ob);
  const defs = doc.$defs as Schema;
  const rows = ob.recordTypes.map((x) => {
    const name = rowName(ob, x.recordType);
    const description = paragraphs(
      `${x.recordType.label.sv} i inlämningen för ${ob.label.sv}`,
      x.recordType.definition.sv,
      validity(x.validFrom, x.validTo),
      ruleLines(x.recordType, x.elements),
    );
    return rowPiece(name, defs[recordDefKey(x.recordType)] as Schema, defs, x.elements, description, ob.status);
  });
  const name = `${typeName(ob.id)}${SUBMISSION_SUFFIX}`;
  const submission: JSONSchema = {
    title: name,
    description: paragraphs(String(doc.description), validity(ob.validFrom, ob.validTo), statusNote(ob.status), `JSON Schema: ${String(doc.$id)}`),
    type: 'array',
    // A type reference keeps the rows as their own interfaces instead of inlining them; a union is
    // parenthesised because json-schema-to-typescript writes `${tsType}[]` as it is.
    items: { tsType: rows.length === 0 ? 'never' : rows.length === 1 ? rows[0]!.name : `(${rows.map((r) => r.name).join(' | ')})` },
    ...(isDeprecated(ob.status) ? { deprecated: true } : {}),
  };
  return [{ name, schema: submission }, ...rows];
}

/**
 * json-schema-to-typescript options: no banner (the file gets one header), no `$ref` resolution
 * outside the document (the pieces hold no `$ref` at all, this makes sure nothing is ever fetched
 * or read), no declarations of referenced types (each piece declares exactly one name), and no
 * prettier: the pieces are small and flat, so our own indentation is enough and the build stays fast.
 */
const COMPILE_OPTIONS: Partial<Options> = {
  bannerComment: '',
  format: false,
  declareExternallyReferenced: false,
  unreachableDefinitions: false,
  additionalProperties: false,
  strictIndexSignatures: true,
  unknownAny: true,
  cwd: '/',
  $refOptions: { resolve: { external: false, file: false, http: false } },
};

/** A JSON string literal, as json-schema-to-typescript writes enum members. */
const STRING_LITERAL = /"(?:[^"\\]|\\.)*"/g;

/**
 * Puts each member of a long top-level union of string literals on its own line, as prettier would.
 * Only when the line is exactly such a union (rebuilt and compared), so nothing else is touched.
 */
function breakUnion(line: string): string {
  const m = /^export type (\w+) = \((.*)\)$/.exec(line);
  if (!m || line.length <= 120) return line;
  const members = m[2]!.match(STRING_LITERAL) ?? [];
  if (members.join(' | ') !== m[2]) return line;
  return [`export type ${m[1]} =`, ...members.map((x) => `  | ${x}`)].join('\n') + ';';
}

/**
 * Indents the interfaces json-schema-to-typescript writes with `format: false` and ends members
 * with `;`. Safe because the pieces are flat: inside an interface every line is a member (one
 * line, `key?: type`) or a line of its JSDoc, and the block ends with `}` alone at the start of a
 * line. Trailing blanks (json-schema-to-typescript writes ` * ` for empty JSDoc lines) go.
 */
function tidy(code: string): string {
  let inside = false;
  const out: string[] = [];
  for (const raw of code.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.replace(/[ \t]+$/, '');
    if (!inside) {
      inside = /^export interface \w+ \{$/.test(line);
      const broken = /^export type \w+ = .*[^;]$/.test(line) ? breakUnion(line) : line;
      out.push(broken !== line ? broken : /^export type /.test(line) && !line.endsWith(';') ? `${line};` : line);
    } else if (line === '}') {
      inside = false;
      out.push(line);
    } else if (/^\s*\/\*\*/.test(line)) {
      out.push(`  ${line.trimStart()}`);
    } else if (/^\s*\*/.test(line)) {
      out.push(`   ${line.trimStart()}`);
    } else {
      out.push(line === '' ? '' : `  ${line.trimStart()};`);
    }
  }
  return out.join('\n').trim();
}

type Compile = (schema: JSONSchema, name: string, options: Partial<Options>) => Promise<string>;

async function compilePiece(compile: Compile, piece: Piece): Promise<string> {
  const code = tidy(await compile(piece.schema, piece.name, COMPILE_OPTIONS));
  // json-schema-to-typescript renames silently (`Kommun1`); our names must come out as given.
  const declared = [...code.matchAll(/^export (?:interface|type) (\w+)/gm)].map((m) => m[1]);
  if (declared.length !== 1 || declared[0] !== piece.name) {
    throw new Error(`typescript generator: expected one declaration ${piece.name}, got ${declared.join(', ') || 'none'}`);
  }
  return code;
}

// ---- codes.js / codes.d.ts ---------------------------------------------------------------------

const js = (s: string): string => JSON.stringify(s);

/** Text for a JSDoc block: no comment terminator, no CR. */
const commentSafe = (s: string): string => s.replace(/\r\n?/g, '\n').replace(/\*\//g, '* /');

/** A JSDoc block at an indentation. */
function jsdoc(text: string, indent = '', tags: string[] = []): string {
  const lines = [...commentSafe(text).split('\n'), ...(tags.length && text ? [''] : []), ...tags];
  if (lines.length === 1) return `${indent}/** ${lines[0]} */`;
  return [`${indent}/**`, ...lines.map((l) => (l ? `${indent} * ${l}` : `${indent} *`)), `${indent} */`].join('\n');
}

/** An object key in JS: quoted always (codes are not identifiers), computed for `__proto__` so it stays an own key. */
const jsKey = (k: string): string => (k === '__proto__' ? `[${js(k)}]` : js(k));

function codeDoc(code: Code): { text: string; tags: string[] } {
  const notes = [validity(code.validFrom, code.validTo), statusNote(code.status), code.replacedBy.length ? `Ersätts av ${code.replacedBy.map((r) => r.code).join(', ')}.` : undefined];
  const text = paragraphs(`${code.code}: ${code.label.sv}`, code.definition?.sv, notes.filter(Boolean).join(' '));
  return { text, tags: isDeprecated(code.status) ? ['@deprecated'] : [] };
}

interface CodesModule {
  readonly js: string;
  readonly dts: string;
}

/** The runtime code-list module for one classification, in JS and as declarations. */
function classificationCodes(c: Classification): CodesModule {
  const name = typeName(c.id);
  const labels = `${name}${LABELS_SUFFIX}`;
  const codes = selectable(c);
  const set = `${name.charAt(0).toLowerCase()}${name.slice(1)}Codes`;
  const head = jsdoc(paragraphs(c.label.sv, c.definition.sv), '', isDeprecated(c.status) ? ['@deprecated'] : []);
  const guardDoc = jsdoc(`True när värdet är en kod i ${c.label.sv} som får rapporteras.`);
  const guardJs = `${guardDoc}\nexport function is${name}(value) {\n  return typeof value === 'string' && ${set}.has(value);\n}`;
  const guardDts = `${guardDoc}\nexport declare function is${name}(value: unknown): value is ${name};`;
  if (isLargeClassification(c)) {
    // No named constants: 50,000 properties would only slow down editors and tsc. A Map keeps the
    // labels; the guard's Set is private so no caller can add to it.
    const pairs = codes.map((code) => `  [${js(code.code)}, ${js(code.label.sv)}],`).join('\n');
    return {
      js: [
        `${jsdoc(`Benämningar per kod: ${c.label.sv}.`)}\nexport const ${labels} = new Map([\n${pairs}\n]);`,
        `const ${set} = new Set(${labels}.keys());`,
        guardJs,
      ].join('\n\n'),
      dts: [
        `${head}\nexport type ${name} = types.${name};`,
        `${jsdoc(`Benämningar per kod: ${c.label.sv}.`)}\nexport declare const ${labels}: ReadonlyMap<string, string>;`,
        guardDts,
      ].join('\n\n'),
    };
  }
  const names = constantNames(codes);
  const constJs = codes.map((code) => `  ${names.get(code)}: ${js(code.code)},`).join('\n');
  const constDts = codes.map((code) => {
    const d = codeDoc(code);
    return `${jsdoc(d.text, '  ', d.tags)}\n  readonly ${names.get(code)}: ${js(code.code)};`;
  });
  const labelJs = codes.map((code) => `  ${jsKey(code.code)}: ${js(code.label.sv)},`).join('\n');
  const labelDts = codes.map((code) => `  readonly ${js(code.code)}: ${js(code.label.sv)};`).join('\n');
  const block = (body: string): string => (body ? `{\n${body}\n}` : '{}');
  return {
    js: [
      `${head}\nexport const ${name} = Object.freeze(${block(constJs)});`,
      `${jsdoc(`Benämningar per kod: ${c.label.sv}.`)}\nexport const ${labels} = Object.freeze(${block(labelJs)});`,
      `const ${set} = new Set(Object.values(${name}));`,
      guardJs,
    ].join('\n\n'),
    dts: [
      `${head}\nexport declare const ${name}: ${block(constDts.join('\n'))};`,
      `${jsdoc(`Koderna i ${c.label.sv}.`)}\nexport type ${name} = types.${name};`,
      `${jsdoc(`Benämningar per kod: ${c.label.sv}.`)}\nexport declare const ${labels}: ${block(labelDts)};`,
      guardDts,
    ].join('\n\n'),
  };
}

// ---- the generator ----------------------------------------------------------------------------

const header = (catalogue: Catalogue, what: string): string =>
  [
    `// ${what}`,
    `// Genererad av kodkatalog från katalogen ${catalogue.manifest.id} version ${catalogue.manifest.version}. Ändra inte för hand.`,
  ].join('\n');

const section = (title: string): string => `// ---- ${title} ----`;

/** types.d.ts: every piece compiled with json-schema-to-typescript, in a fixed order. */
async function typesFile(catalogue: Catalogue): Promise<string> {
  const groups: [string, Piece[]][] = [
    ['Klassifikationer', catalogue.classifications.map(classificationPiece)],
    ['Posttyper', catalogue.recordTypes.map((rt) => recordTypePiece(catalogue, rt))],
    ['Inlämningar per uppgiftsskyldighet', catalogue.obligations.flatMap((ob) => obligationPieces(catalogue, ob))],
  ];
  // Loaded here, not at the top: it pulls in prettier (~150 ms), which commands other than build never need.
  const { compile } = await import('json-schema-to-typescript');
  const parts: string[] = [header(catalogue, 'Typer för poster och inlämningar, och för koderna i varje klassifikation.')];
  for (const [title, pieces] of groups) {
    if (pieces.length === 0) continue;
    parts.push(section(title));
    // One at a time: json-schema-to-typescript is CPU-bound, so parallel calls gain nothing and
    // sequential ones cannot interleave in whatever state it keeps between its async steps.
    for (const piece of pieces) parts.push(await compilePiece(compile, piece));
  }
  return parts.join('\n\n') + '\n';
}

function codesFiles(catalogue: Catalogue): { js: string; dts: string } {
  const modules = catalogue.classifications.map(classificationCodes);
  const what = 'Kodlistor som konstanter med svenska benämningar, och kontroller av koder. Inga beroenden.';
  const js = [header(catalogue, what), ...modules.map((m) => m.js)].join('\n\n') + '\n';
  // A namespace import: `types` is lower-case, so it cannot collide with a generated (PascalCase) name.
  const dtsHead = `${header(catalogue, what)}\nimport type * as types from './types.js';`;
  const dts = [dtsHead, ...modules.map((m) => m.dts)].join('\n\n') + '\n';
  return { js, dts };
}

/**
 * The `typescript` generator. Emits, in one folder:
 * - `types.d.ts`: a type per classification (a string-literal union, or a branded string above
 *   {@link MAX_UNION_CODES} codes), an interface per record type, and per obligation an array type
 *   of its submission with an interface per row; compiled with json-schema-to-typescript from the
 *   json-schema generator's builders, JSDoc in Swedish.
 * - `types.js`: an empty module, so that a plain `import { Insats } from './types.js'` also runs.
 * - `codes.js` and `codes.d.ts`: each classification as frozen constants (`Beslutsutfall.BIFALL`),
 *   labels by code (`BeslutsutfallLabels`) and a guard (`isBeslutsutfall`).
 * One file of types rather than one per record type: the names are global anyway (a collision is a
 * diagnostic), rows refer to classification types, and a consumer's tsc reads everything either way.
 */
export const typescriptGenerator: Generator = {
  name: 'typescript',
  description: [
    'TypeScript: types.d.ts (a type per classification, an interface per record type and submission row) and codes.js/codes.d.ts (code constants, labels, guards),',
    "compiled with json-schema-to-typescript from the json-schema generator's record-type and submission schemas,",
    'for vendors writing reporting code in TypeScript or JavaScript.',
  ].join('\n'),
  async generate(catalogue) {
    const diagnostics = claimNames(catalogue);
    // With a collision some type would be missing or renamed; emit nothing rather than broken types.
    if (diagnostics.length > 0) return { files: [], diagnostics };
    const codes = codesFiles(catalogue);
    const files = [
      { path: 'codes.d.ts', contents: codes.dts },
      { path: 'codes.js', contents: codes.js },
      { path: 'types.d.ts', contents: await typesFile(catalogue) },
      { path: 'types.js', contents: `${header(catalogue, 'Typerna finns i types.d.ts; den här modulen finns så att en import av dem också fungerar när programmet körs.')}\nexport {};\n` },
    ];
    return { files, diagnostics };
  },
};
