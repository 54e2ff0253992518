import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { diagnostic } from '../diagnostics/messages.js';
import type { Diagnostic, Result, SourceLocation } from '../diagnostics/types.js';
import { firstInvalidUtf8 } from '../utf8.js';
import { readCsvCodes } from './csv-codes.js';
import { checkShape, yamlLocator, type FileKind, type Locator } from './shape.js';
import { locate, parseYaml, type RawDocument } from './yaml.js';

/** Folder of each entity kind inside a catalogue directory. */
export const KIND_FOLDERS = {
  term: 'terms',
  classification: 'classifications',
  'data-element': 'data-elements',
  'record-type': 'record-types',
  obligation: 'obligations',
} as const;

/** An entity kind (everything but the manifest). */
export type EntityKind = keyof typeof KIND_FOLDERS;

/** One shape-checked file: its plain value and how to find any pointer in it. */
export interface RawEntity {
  /** What the file defines. */
  readonly kind: FileKind;
  /** Path as reported in diagnostics. */
  readonly file: string;
  /** The plain value (shape-checked; may still hold broken references). */
  readonly value: Record<string, unknown>;
  /** Finds pointers of `value` in the file (and, for `/codes/...` of a CSV-backed classification, in the CSV file). */
  readonly locator: Locator;
  /** The parsed YAML, for checks that need the file text. */
  readonly document: RawDocument;
}

/** Everything read from a catalogue directory, before references are resolved. */
export interface RawCatalogue {
  /** The directory as given. */
  readonly dir: string;
  /** catalogue.yaml, when it could be read and has the right shape. */
  readonly manifest: RawEntity | undefined;
  /** All other entities whose files could be read and have the right shape, in file order. */
  readonly entities: readonly RawEntity[];
  /** The text of every file read, by reported path, for code frames. */
  readonly sources: ReadonlyMap<string, string>;
}

// ignoreBOM keeps a byte order mark in the text, so the YAML parser can report it (yaml/bom).
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Reads a file as UTF-8; a byte sequence that is not UTF-8 is a diagnostic with its offset. */
function readText(file: string): { text?: string; diagnostic?: Diagnostic } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    return { diagnostic: diagnostic('load/unreadable', { reason: (e as NodeJS.ErrnoException).code ?? 'okänt fel' }, fileStart(file)) };
  }
  try {
    return { text: decoder.decode(bytes) };
  } catch {
    const offset = firstInvalidUtf8(bytes);
    return { diagnostic: diagnostic('load/not-utf8', { offset }, bytePosition(file, bytes, offset)) };
  }
}

/** The line and column of a byte offset, counting the valid text before it as an editor would. */
function bytePosition(file: string, bytes: Uint8Array, offset: number): SourceLocation {
  const before = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(0, offset));
  const lines = before.split(/\r\n|\r|\n/);
  const start = { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
  return { file, pointer: '', start, end: { line: start.line, column: start.column + 1 } };
}

function fileStart(file: string): SourceLocation {
  return { file, pointer: '', start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
}

function listYaml(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => e.name)
    .sort();
}

/** Parses and shape-checks one catalogue file. */
function readEntity(file: string, kind: FileKind, sources: Map<string, string>, diagnostics: Diagnostic[]): RawEntity | undefined {
  const { text, diagnostic: readProblem } = readText(file);
  if (readProblem || text === undefined) {
    diagnostics.push(readProblem!);
    return undefined;
  }
  sources.set(file, text);
  const parsed = parseYaml(file, text);
  diagnostics.push(...parsed.diagnostics);
  const document = parsed.value;
  if (parsed.diagnostics.length > 0) return undefined;
  let locator = yamlLocator(document);
  const shape = checkShape(document.value, kind, locator);
  diagnostics.push(...shape);
  if (shape.length > 0) return undefined;
  const value = document.value as Record<string, unknown>;

  if (kind !== 'catalogue') {
    const expected = basename(file).replace(/\.ya?ml$/, '');
    if (value.id !== expected) {
      diagnostics.push(diagnostic('load/id-mismatch', { id: String(value.id), expected }, locate(document, '/id')));
      return undefined;
    }
  }

  if (kind === 'classification' && typeof value.codesFile === 'string') {
    const csvFile = join(file, '..', value.codesFile);
    if (!existsSync(csvFile)) {
      diagnostics.push(diagnostic('csv/missing-file', { file: value.codesFile }, locate(document, '/codesFile')));
      return undefined;
    }
    const read = readText(csvFile);
    if (read.diagnostic || read.text === undefined) {
      diagnostics.push(read.diagnostic!);
      return undefined;
    }
    sources.set(csvFile, read.text);
    const csv = readCsvCodes(csvFile, read.text);
    diagnostics.push(...csv.diagnostics);
    if (csv.diagnostics.length > 0) return undefined;
    const yaml = locator;
    locator = {
      locate: (p, t) => (p.startsWith('/codes/') ? csv.value.locator.locate(p, t) : yaml.locate(p, t)),
      text: (p) => (p.startsWith('/codes/') ? csv.value.locator.text(p) : yaml.text(p)),
    };
    return { kind, file, value: { ...value, codes: csv.value.codes }, locator, document };
  }
  return { kind, file, value, locator, document };
}

/**
 * Reads a catalogue directory: the manifest and one YAML file per entity in the kind folders.
 * Never throws for a user's mistake; files with problems are left out of the result and reported.
 */
export function readCatalogue(dir: string): Result<RawCatalogue> {
  const diagnostics: Diagnostic[] = [];
  const sources = new Map<string, string>();
  const empty = { dir, manifest: undefined, entities: [], sources };
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    return { value: empty, diagnostics: [diagnostic('load/not-a-directory', { dir })] };
  }
  const manifestFile = join(dir, 'catalogue.yaml');
  if (!existsSync(manifestFile)) {
    return { value: empty, diagnostics: [diagnostic('load/no-manifest', { dir })] };
  }
  const manifest = readEntity(manifestFile, 'catalogue', sources, diagnostics);

  const entities: RawEntity[] = [];
  for (const [kind, folder] of Object.entries(KIND_FOLDERS) as [EntityKind, string][]) {
    for (const name of listYaml(join(dir, folder))) {
      const entity = readEntity(join(dir, folder, name), kind, sources, diagnostics);
      if (entity) entities.push(entity);
    }
  }
  for (const name of listYaml(dir)) {
    if (name !== 'catalogue.yaml') {
      diagnostics.push(diagnostic('load/unexpected-file', { folder: Object.values(KIND_FOLDERS).join(', ') }, fileStart(join(dir, name))));
    }
  }
  return { value: { dir, manifest, entities, sources }, diagnostics };
}
