import { describe, expect, it } from 'vitest';
import { locate, parseYaml, pointerSegments, sourceText, toPointer } from '../../src/loader/yaml.js';
import type { Diagnostic } from '../../src/diagnostics/types.js';

/** code, start line:column and end line:column of each diagnostic. */
const where = (ds: readonly Diagnostic[]): string[] =>
  ds.map((d) => `${d.code} ${d.source!.start.line}:${d.source!.start.column}-${d.source!.end.line}:${d.source!.end.column}`);

const parse = (text: string) => parseYaml('f.yaml', text);

describe('parseYaml', () => {
  it('parses a plain document into a value with no diagnostics', () => {
    const r = parse('id: insats\nlabel:\n  sv: Insats\nkey: [a, b]\n');
    expect(r.diagnostics).toEqual([]);
    expect(r.value.value).toEqual({ id: 'insats', label: { sv: 'Insats' }, key: ['a', 'b'] });
    expect(r.value.doc).toBeDefined();
  });

  it('reads YAML 1.2 core: yes/no and unquoted dates stay strings, 0114 becomes the number 114', () => {
    const r = parse('a: yes\nb: no\nc: 2027-01-01\nd: 0114\ne: "0114"\nf: 0o14\n');
    expect(r.diagnostics).toEqual([]);
    expect(r.value.value).toEqual({ a: 'yes', b: 'no', c: '2027-01-01', d: 114, e: '0114', f: 12 });
    // The shape check needs the text as written to say "write "0114" in quotes".
    expect(sourceText(r.value, '/d')).toBe('0114');
  });

  it('reports a duplicate key at the second key, with its whole name', () => {
    const r = parse('id: a\nstatus: active\nstatus: draft\n');
    expect(where(r.diagnostics)).toEqual(['yaml/duplicate-key 3:1-3:7']);
    expect(r.diagnostics[0]!.message.sv).toBe('Nyckeln "status" förekommer två gånger i samma objekt.');
    expect(r.value.value).toBeUndefined();
  });

  it('reports a duplicate quoted key in a nested mapping', () => {
    const r = parse('label:\n  sv: a\n  "sv": b\n');
    expect(where(r.diagnostics)).toEqual(['yaml/duplicate-key 3:3-3:7']);
    expect(r.diagnostics[0]!.message.en).toBe('The key "sv" appears twice in the same mapping.');
  });

  it('refuses anchors and aliases at the & and * marks without expanding them', () => {
    const r = parse('a: &x [1, 2]\nb: *x\n');
    expect(where(r.diagnostics)).toEqual(['yaml/alias 1:4-1:6', 'yaml/alias 2:4-2:6']);
    expect(r.value.value).toBeUndefined();
  });

  it('refuses a billion-laughs document quickly and without building the value', () => {
    const levels = ['a0: &a0 "lol"'];
    for (let i = 1; i <= 9; i++) levels.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
    const r = parse(levels.join('\n') + '\n');
    expect(r.value.value).toBeUndefined();
    // 10 anchors and 90 aliases, each reported once.
    expect(r.diagnostics.filter((d) => d.code === 'yaml/alias')).toHaveLength(100);
    expect(r.diagnostics.every((d) => d.code === 'yaml/alias')).toBe(true);
  });

  it('refuses a %YAML directive at the directive', () => {
    const r = parse('# kommentar\n%YAML 1.1\n---\nid: a\n');
    expect(where(r.diagnostics)).toEqual(['yaml/version-directive 2:1-2:10']);
    expect(r.diagnostics[0]!.message.sv).toBe('Direktivet %YAML 1.1 är inte tillåtet: katalogen läses alltid som YAML 1.2.');
  });

  it('refuses %YAML 1.2 too: the version is not the file’s to choose', () => {
    expect(where(parse('%YAML 1.2\n---\nid: a\n').diagnostics)).toEqual(['yaml/version-directive 1:1-1:10']);
  });

  it('refuses a tab used as indentation, at the tab', () => {
    const r = parse('label:\n\tsv: a\n');
    expect(r.diagnostics.map((d) => d.code)).toContain('yaml/tab-indentation');
    expect(where(r.diagnostics.filter((d) => d.code === 'yaml/tab-indentation'))).toEqual(['yaml/tab-indentation 2:1-2:2']);
  });

  it('allows a tab inside a value', () => {
    expect(parse('a: "x\ty"\n').diagnostics).toEqual([]);
  });

  it('refuses a byte order mark at 1:1 and stops', () => {
    const r = parse('\ufeffid: a\n');
    expect(where(r.diagnostics)).toEqual(['yaml/bom 1:1-1:2']);
    expect(r.value.doc).toBeUndefined();
  });

  it('refuses text that is not NFC, at the scalar', () => {
    const r = parse('label:\n  sv: "Bista\u030Ands"\n');
    expect(where(r.diagnostics)).toEqual(['yaml/not-nfc 2:7-2:18']);
  });

  it('accepts NFC text with å, ä and ö', () => {
    expect(parse('label:\n  sv: "Bistånd för äldre och öppenvård"\n').diagnostics).toEqual([]);
  });

  it('refuses keys that reach Object.prototype, at the key', () => {
    const r = parse('label:\n  __proto__:\n    sv: x\n  constructor: y\n');
    expect(where(r.diagnostics)).toEqual(['yaml/forbidden-key 2:3-2:12', 'yaml/forbidden-key 4:3-4:14']);
    expect(r.diagnostics[0]!.message.sv).toBe('Nyckeln "__proto__" är inte tillåten.');
  });

  it('reports an empty file and a file with only comments as empty', () => {
    expect(where(parse('').diagnostics)).toEqual(['yaml/empty-file 1:1-1:1']);
    expect(where(parse('# bara en kommentar\n').diagnostics)).toEqual(['yaml/empty-file 1:1-1:1']);
  });

  it('refuses a second document from its --- marker on', () => {
    const r = parse('id: a\n---\nid: b\n');
    expect(where(r.diagnostics)).toEqual(['yaml/multiple-documents 2:1-4:1']);
  });

  it('refuses explicit tags once each, at the tag as written', () => {
    const r = parse('a: !!binary SGVq\nb: !lokal x\nc: !!str "ok"\n');
    expect(where(r.diagnostics)).toEqual(['yaml/tag 1:4-1:12', 'yaml/tag 2:4-2:10']);
    expect(r.diagnostics.map((d) => d.message.sv)).toEqual([
      'Taggen !!binary är inte tillåten i katalogen.',
      'Taggen !lokal är inte tillåten i katalogen.',
    ]);
  });

  it('reports a syntax error where the parser finds it, with the parser’s detail', () => {
    const r = parse('id: a\nlabel: sv: b\n');
    expect(where(r.diagnostics)).toEqual(['yaml/syntax 2:8-2:9']);
    expect(r.diagnostics[0]!.message.sv).toBe('YAML-syntaxfel: Nested mappings are not allowed in compact mappings');
  });

  it('counts lines the same with CRLF and LF', () => {
    const lf = parse('id: a\nstatus: x\nstatus: y\n');
    const crlf = parse('id: a\r\nstatus: x\r\nstatus: y\r\n');
    expect(where(crlf.diagnostics)).toEqual(where(lf.diagnostics));
  });
});

describe('locate', () => {
  const text = [
    'id: insats', //                                 1
    'label:', //                                     2
    '  sv: Insats', //                               3
    'elements:', //                                  4
    '  - element: insats-id', //                     5
    '    required: required', //                     6
    '  - { element: startdatum, required: optional }', // 7
    'checks:', //                                    8
    '  rule/unused-element: off', //                 9
    '',
  ].join('\n');
  const raw = parse(text).value;
  const pos = (pointer: string, target?: 'value' | 'key'): string => {
    const l = locate(raw, pointer, target);
    return `${l.start.line}:${l.start.column}-${l.end.line}:${l.end.column}`;
  };

  it('finds a scalar value', () => {
    expect(pos('/id')).toBe('1:5-1:11');
    expect(pos('/label/sv')).toBe('3:7-3:13');
  });

  it('finds the key with target key (for unknown or misplaced properties)', () => {
    expect(pos('/label', 'key')).toBe('2:1-2:6');
    expect(pos('/elements/0/required', 'key')).toBe('6:5-6:13');
  });

  it('finds items of block and flow sequences', () => {
    expect(pos('/elements/0/element')).toBe('5:14-5:23');
    expect(pos('/elements/1/required')).toBe('7:38-7:46');
  });

  it('limits a block collection to its first line', () => {
    expect(pos('/label')).toBe('3:3-3:13');
    expect(pos('/elements/0')).toBe('5:5-5:23');
  });

  it('decodes ~1 in a pointer as / (check names are keys with a slash)', () => {
    expect(pos('/checks/rule~1unused-element', 'key')).toBe('9:3-9:22');
    expect(pos('/checks/rule~1unused-element')).toBe('9:24-9:27');
  });

  it('falls back to the deepest node that exists', () => {
    expect(pos('/label/en')).toBe(pos('/label'));
    expect(pos('/elements/5/element')).toBe(pos('/elements'));
    expect(locate(raw, '/label/en').pointer).toBe('/label/en');
  });

  it('points at 1:1 when the file could not be parsed', () => {
    const broken = parse('\ufeffid: a\n').value;
    expect(locate(broken, '/id').start).toEqual({ line: 1, column: 1 });
  });
});

describe('JSON pointers', () => {
  it('round-trips segments with / and ~', () => {
    const segments = ['checks', 'rule/unused-element', 'a~b', '0'];
    expect(toPointer(segments)).toBe('/checks/rule~1unused-element/a~0b/0');
    expect(pointerSegments(toPointer(segments))).toEqual(segments);
  });

  it('treats the empty pointer as the root', () => {
    expect(pointerSegments('')).toEqual([]);
    expect(toPointer([])).toBe('');
  });
});
