import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { diagnostic } from '../diagnostics/messages.js';
import type { Diagnostic, SourceLocation } from '../diagnostics/types.js';

/** A parsed YAML file that still knows where every value came from. */
export interface RawDocument {
  /** File path as given. */
  readonly file: string;
  /** The file's text (for code frames). */
  readonly text: string;
  /** The parsed document; `undefined` when the file could not be parsed at all. */
  readonly doc: Document.Parsed | undefined;
  /** Maps offsets to lines and columns. */
  readonly lineCounter: LineCounter;
  /** The plain JavaScript value; `undefined` when parsing failed. */
  readonly value: unknown;
}

// Keys that would reach Object.prototype or confuse code that builds objects from the catalogue.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Converts a character offset into a location. */
export function locationAt(file: string, lc: LineCounter, pointer: string, start: number, end: number): SourceLocation {
  const s = lc.linePos(start);
  const e = lc.linePos(Math.max(start, end));
  return { file, pointer, start: { line: s.line, column: s.col }, end: { line: e.line, column: e.col } };
}

/**
 * Parses one YAML file, hardened: YAML 1.2 core schema only, no aliases, no duplicate keys,
 * no `%YAML` directive, no custom tags, no BOM, NFC text only, and every parser warning is an error.
 */
export function parseYaml(file: string, text: string): { value: RawDocument; diagnostics: Diagnostic[] } {
  const lineCounter = new LineCounter();
  const diagnostics: Diagnostic[] = [];
  const at = (start: number, end: number, pointer = ''): SourceLocation => locationAt(file, lineCounter, pointer, start, end);
  const failed = (): { value: RawDocument; diagnostics: Diagnostic[] } => ({
    value: { file, text, doc: undefined, lineCounter, value: undefined },
    diagnostics,
  });

  if (text.charCodeAt(0) === 0xfeff) {
    lineCounter.addNewLine(0);
    diagnostics.push(diagnostic('yaml/bom', {}, at(0, 1)));
    return failed();
  }

  const doc = parseDocument(text, {
    lineCounter,
    version: '1.2',
    schema: 'core',
    uniqueKeys: true,
    merge: false,
    prettyErrors: false,
    keepSourceTokens: false,
  });

  const directive = /^%YAML[ \t]+(\S+)/m.exec(text);
  if (directive) {
    diagnostics.push(diagnostic('yaml/version-directive', { version: directive[1]! }, at(directive.index, directive.index + directive[0].length)));
  }

  for (const e of [...doc.errors, ...doc.warnings]) {
    const [start, end] = e.pos;
    const where = at(start, end);
    if (e.code === 'DUPLICATE_KEY') {
      // The parser marks only the key's first character: report the whole key and its name.
      const key = keyStartingAt(doc, start);
      const range = key?.range;
      diagnostics.push(diagnostic('yaml/duplicate-key', { key: key && isScalar(key) ? String(key.value) : text.slice(start, end) }, range ? at(range[0], range[1]) : where));
    } else if (e.code === 'TAB_AS_INDENT') diagnostics.push(diagnostic('yaml/tab-indentation', {}, where));
    else if (e.code === 'MULTIPLE_DOCS') diagnostics.push(diagnostic('yaml/multiple-documents', {}, where));
    else if (e.code === 'TAG_RESOLVE_FAILED') continue; // every tag is reported once, by the walk below
    else diagnostics.push(diagnostic('yaml/syntax', { detail: e.message.split('\n')[0]! }, where));
  }

  if (doc.contents === null) {
    if (diagnostics.length === 0) diagnostics.push(diagnostic('yaml/empty-file', {}, at(0, 0)));
    return failed();
  }

  // Walk the tree once for what the parser itself allows but the catalogue does not.
  visit(doc, {
    Alias(_key, node) {
      diagnostics.push(diagnostic('yaml/alias', {}, at(node.range?.[0] ?? 0, node.range?.[1] ?? 0)));
    },
    Node(_key, node) {
      const [s, e] = node.range ?? [0, 0];
      if (node.anchor) {
        // Point at the anchor as written (&name), which comes before the value it names.
        const a = text.lastIndexOf('&' + node.anchor, s);
        diagnostics.push(diagnostic('yaml/alias', {}, a >= 0 ? at(a, a + 1 + node.anchor.length) : at(s, e)));
      }
      // Only explicit tags are set after parsing; !!str is harmless, anything else (!!binary, !!set, !foo) is not.
      if (node.tag && node.tag !== 'tag:yaml.org,2002:str') {
        // Name and point at the tag as written (!!binary), not its expanded form or the value.
        const tag = node.tag.startsWith('tag:yaml.org,2002:') ? '!!' + node.tag.slice('tag:yaml.org,2002:'.length) : node.tag;
        const t = text.lastIndexOf(tag, s);
        const written = t >= 0 && text.slice(t + tag.length, s).trim() === '';
        diagnostics.push(diagnostic('yaml/tag', { tag }, written ? at(t, t + tag.length) : at(s, e)));
      }
      if (isScalar(node) && typeof node.value === 'string' && node.value !== node.value.normalize('NFC')) {
        diagnostics.push(diagnostic('yaml/not-nfc', {}, at(s, e)));
      }
    },
    Pair(_key, pair) {
      if (isScalar(pair.key) && typeof pair.key.value === 'string' && FORBIDDEN_KEYS.has(pair.key.value)) {
        const [s, e] = pair.key.range ?? [0, 0];
        diagnostics.push(diagnostic('yaml/forbidden-key', { key: pair.key.value }, at(s, e)));
      }
    },
  });

  if (diagnostics.length > 0) return failed();
  // Aliases were refused above, so toJS cannot expand a "billion laughs" document.
  const value = doc.toJS({ maxAliasCount: 0 });
  return { value: { file, text, doc, lineCounter, value }, diagnostics };
}

/** The map key whose source starts at `offset`, if any. */
function keyStartingAt(doc: Document.Parsed, offset: number): Node | undefined {
  let found: Node | undefined;
  visit(doc, {
    Pair(_key, pair) {
      const k = pair.key as Node | null;
      if (k && k.range?.[0] === offset) {
        found = k;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/** Decodes a JSON pointer into its segments. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Encodes segments as a JSON pointer. */
export function toPointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/**
 * Finds where a JSON pointer is in the YAML source: the value node, or with `target: 'key'` the key
 * that holds it (so "unknown property" points at the property name). Falls back to the deepest
 * node that exists, so a location is never lost.
 */
export function locate(raw: RawDocument, pointer: string, target: 'value' | 'key' = 'value'): SourceLocation {
  const fallback = locationAt(raw.file, raw.lineCounter, pointer, 0, 0);
  if (!raw.doc) return fallback;
  let node: Node | null | undefined = raw.doc.contents as Node | null;
  let keyNode: Node | undefined;
  let best: [number, number] | undefined = node?.range ? [node.range[0], node.range[1]] : undefined;
  for (const seg of pointerSegments(pointer)) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === seg);
      if (!pair) break;
      keyNode = pair.key as Node;
      node = pair.value as Node | null;
      const r = node?.range ?? keyNode.range;
      if (r) best = [r[0], r[1]];
    } else if (isSeq(node)) {
      const item = node.items[Number(seg)] as Node | undefined;
      if (!item) break;
      keyNode = undefined;
      node = item;
      if (item.range) best = [item.range[0], item.range[1]];
    } else {
      break;
    }
  }
  if (target === 'key' && keyNode?.range) return locationAt(raw.file, raw.lineCounter, pointer, keyNode.range[0], keyNode.range[1]);
  if (!best) return fallback;
  // A block map or sequence spans many lines; point at its first line only.
  const end = isMap(node) || isSeq(node) ? Math.min(best[1], lineEnd(raw.text, best[0])) : best[1];
  return locationAt(raw.file, raw.lineCounter, pointer, best[0], end);
}

function lineEnd(text: string, offset: number): number {
  const m = /\r|\n/.exec(text.slice(offset));
  return m ? offset + m.index : text.length;
}

/** The source text of the value at a pointer (for messages such as "0114 is read as a number"). */
export function sourceText(raw: RawDocument, pointer: string): string | undefined {
  if (!raw.doc) return undefined;
  const node = raw.doc.getIn(pointerSegments(pointer).map((s) => (/^\d+$/.test(s) ? Number(s) : s)), true) as Node | undefined;
  if (!node || !node.range || isAlias(node)) return undefined;
  return raw.text.slice(node.range[0], node.range[1]);
}
