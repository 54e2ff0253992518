import { describe, expect, it } from 'vitest';
import { diagnostic } from '../../src/diagnostics/messages.js';
import { codeFrame, renderDiagnostics, sortDiagnostics, summarize, summaryLine } from '../../src/diagnostics/render.js';
import type { Diagnostic, SourceLocation } from '../../src/diagnostics/types.js';

const loc = (file: string, line: number, column: number, endLine: number, endColumn: number, pointer = ''): SourceLocation => ({
  file,
  pointer,
  start: { line, column },
  end: { line: endLine, column: endColumn },
});

const elementFile = 'catalogue/data-elements/kon.yaml';
const elementText = [
  '# yaml-language-server: $schema=../../schema/data-element.schema.json',
  'id: kon',
  'label:',
  '  sv: Kön',
  'status: active',
  'valueType: code',
  'classification: kon-kod',
  '',
].join('\n');
const unknownClassification = diagnostic('ref/unknown-classification', { id: 'kon-kod' }, loc(elementFile, 7, 17, 7, 24, '/classification'));
const sources = new Map([[elementFile, elementText]]);
const readSource = (f: string): string | undefined => sources.get(f);

describe('text output', () => {
  it('prints location, severity, code and message, then a code frame, then the summary', () => {
    expect(renderDiagnostics([unknownClassification], 'text', { lang: 'sv', readSource })).toBe(
      [
        'catalogue/data-elements/kon.yaml:7:17 - error ref/unknown-classification: Klassifikationen "kon-kod" finns inte.',
        '',
        '  7 | classification: kon-kod',
        '    |                 ^^^^^^^',
        '',
        'Hittade 1 fel.',
        '',
      ].join('\n'),
    );
  });

  it('prints the message in English with --lang en', () => {
    expect(renderDiagnostics([unknownClassification], 'text', { lang: 'en', readSource }).split('\n')[0]).toBe(
      'catalogue/data-elements/kon.yaml:7:17 - error ref/unknown-classification: The classification "kon-kod" does not exist.',
    );
  });

  it('prints no frame when the source is not available, and no location for a diagnostic without one', () => {
    const noManifest = diagnostic('load/no-manifest', { dir: 'x' });
    expect(renderDiagnostics([noManifest, unknownClassification], 'text', { lang: 'sv' })).toBe(
      [
        'error load/no-manifest: Katalogen "x" saknar catalogue.yaml. Ange katalogens mapp med --catalogue.',
        'catalogue/data-elements/kon.yaml:7:17 - error ref/unknown-classification: Klassifikationen "kon-kod" finns inte.',
        'Hittade 2 fel.',
        '',
      ].join('\n'),
    );
  });

  it('prints only the summary when there is nothing to report', () => {
    expect(renderDiagnostics([], 'text', { lang: 'sv' })).toBe('Inga fel eller varningar.\n');
    expect(renderDiagnostics([], 'text', { lang: 'en' })).toBe('No errors or warnings.\n');
  });

  it('sorts by file, line, column and code whatever order they were found in', () => {
    const a = diagnostic('rule/unused-element', { id: 'x' }, loc('b.yaml', 2, 5, 2, 6));
    const b = diagnostic('ref/unknown-term', { id: 'x' }, loc('a.yaml', 10, 1, 10, 2));
    const c = diagnostic('ref/unknown-element', { id: 'x' }, loc('a.yaml', 9, 7, 9, 8));
    const d = diagnostic('ref/unknown-classification', { id: 'x' }, loc('a.yaml', 9, 7, 9, 8));
    const e = diagnostic('ref/unknown-classification', { id: 'x' }, loc('a.yaml', 9, 3, 9, 8));
    expect(sortDiagnostics([a, b, c, d, e])).toEqual([e, d, c, b, a]);
    const lines = renderDiagnostics([a, b, c, d, e], 'text', { lang: 'sv' }).split('\n');
    expect(lines.slice(0, 5).map((l) => l.split(' - ')[0])).toEqual(['a.yaml:9:3', 'a.yaml:9:7', 'a.yaml:9:7', 'a.yaml:10:1', 'b.yaml:2:5']);
  });
});

describe('codeFrame', () => {
  const text = 'rad ett\nrad två\n\tindrag: x\r\nsista';

  it('underlines the range on its line', () => {
    expect(codeFrame(text, { line: 2, column: 5 }, { line: 2, column: 8 })).toBe('  2 | rad två\n    |     ^^^\n');
  });

  it('shows at least one caret for an empty range', () => {
    expect(codeFrame(text, { line: 1, column: 1 }, { line: 1, column: 1 })).toBe('  1 | rad ett\n    | ^\n');
  });

  it('underlines to the end of the line when the range spans lines', () => {
    expect(codeFrame(text, { line: 1, column: 5 }, { line: 3, column: 2 })).toBe('  1 | rad ett\n    |     ^^^\n');
  });

  it('shows a tab as one space so the carets line up, and reads CRLF lines', () => {
    expect(codeFrame(text, { line: 3, column: 2 }, { line: 3, column: 8 })).toBe('  3 |  indrag: x\n    |  ^^^^^^\n');
    expect(codeFrame(text, { line: 4, column: 1 }, { line: 4, column: 6 })).toBe('  4 | sista\n    | ^^^^^\n');
  });

  it('widens the gutter for long line numbers', () => {
    const long = Array.from({ length: 120 }, (_, i) => `rad ${i + 1}`).join('\n');
    expect(codeFrame(long, { line: 105, column: 5 }, { line: 105, column: 8 })).toBe('  105 | rad 105\n      |     ^^^\n');
  });

  it('stays within the line when the range goes past its end', () => {
    expect(codeFrame(text, { line: 2, column: 5 }, { line: 2, column: 40 })).toBe('  2 | rad två\n    |     ^^^\n');
  });

  it('gives nothing for a line that does not exist or a text that is unknown', () => {
    expect(codeFrame(text, { line: 9, column: 1 }, { line: 9, column: 2 })).toBe('');
    expect(codeFrame(undefined, { line: 1, column: 1 }, { line: 1, column: 2 })).toBe('');
  });
});

describe('json output', () => {
  const related = diagnostic('ref/duplicate-id', { kind: 'rule', id: 'r' }, loc('b.yaml', 19, 9, 19, 10, '/rules/1/id'), { related: [loc('b.yaml', 13, 9, 13, 10)] });

  it('is one parseable object with the diagnostics sorted, their places and a summary', () => {
    const out = renderDiagnostics([related, unknownClassification], 'json', { lang: 'sv' });
    expect(out.endsWith('}\n')).toBe(true);
    expect(JSON.parse(out)).toEqual({
      diagnostics: [
        {
          code: 'ref/duplicate-id',
          severity: 'error',
          message: 'Id "r" används redan av en annan post av slaget rule.',
          file: 'b.yaml',
          pointer: '/rules/1/id',
          line: 19,
          column: 9,
          endLine: 19,
          endColumn: 10,
          related: [{ file: 'b.yaml', line: 13, column: 9 }],
        },
        {
          code: 'ref/unknown-classification',
          severity: 'error',
          message: 'Klassifikationen "kon-kod" finns inte.',
          file: elementFile,
          pointer: '/classification',
          line: 7,
          column: 17,
          endLine: 7,
          endColumn: 24,
        },
      ],
      summary: { fatal: 0, error: 2, warning: 0, info: 0 },
    });
  });

  it('writes messages in the language asked for, and leaves out the place when there is none', () => {
    const out = JSON.parse(renderDiagnostics([diagnostic('load/no-manifest', { dir: 'x' })], 'json', { lang: 'en' })) as { diagnostics: object[] };
    expect(out.diagnostics).toEqual([
      { code: 'load/no-manifest', severity: 'error', message: 'The directory "x" has no catalogue.yaml. Point --catalogue at a catalogue folder.' },
    ]);
  });

  it('has an empty list and zero counts when all is well', () => {
    expect(JSON.parse(renderDiagnostics([], 'json', { lang: 'sv' }))).toEqual({ diagnostics: [], summary: { fatal: 0, error: 0, warning: 0, info: 0 } });
  });
});

describe('github output', () => {
  it('prints one workflow command per diagnostic with the range and the code as title', () => {
    expect(renderDiagnostics([unknownClassification], 'github', { lang: 'sv' })).toBe(
      '::error file=catalogue/data-elements/kon.yaml,line=7,col=17,endLine=7,endColumn=24,title=ref/unknown-classification::Klassifikationen "kon-kod" finns inte.\n',
    );
  });

  it('maps fatal to error, warning to warning and info to notice', () => {
    const at = loc('a.yaml', 1, 1, 1, 2);
    const out = renderDiagnostics(
      [
        diagnostic('rule/unused-element', { id: 'x' }, at, { severity: 'fatal' }),
        diagnostic('rule/unused-element', { id: 'y' }, at),
        diagnostic('rule/unused-element', { id: 'z' }, at, { severity: 'info' }),
      ],
      'github',
      { lang: 'en' },
    );
    expect(out.split('\n').map((l) => l.split(' ')[0])).toEqual(['::error', '::warning', '::notice', '']);
  });

  it('escapes %, CR and LF in the message, and also : and , in properties', () => {
    const d: Diagnostic = {
      code: 'yaml/syntax',
      severity: 'error',
      message: { sv: '100% fel\r\nrad två: a, b', en: 'x' },
      source: loc('mapp,med:tecken/f%.yaml', 2, 3, 2, 4),
    };
    expect(renderDiagnostics([d], 'github', { lang: 'sv' })).toBe(
      '::error file=mapp%2Cmed%3Atecken/f%25.yaml,line=2,col=3,endLine=2,endColumn=4,title=yaml/syntax::100%25 fel%0D%0Arad två: a, b\n',
    );
  });

  it('prints a diagnostic without a place with only a title', () => {
    expect(renderDiagnostics([diagnostic('load/no-manifest', { dir: 'x' })], 'github', { lang: 'sv' })).toBe(
      '::error title=load/no-manifest::Katalogen "x" saknar catalogue.yaml. Ange katalogens mapp med --catalogue.\n',
    );
  });

  it('prints nothing when there is nothing to report', () => {
    expect(renderDiagnostics([], 'github', { lang: 'sv' })).toBe('');
  });
});

describe('summary line', () => {
  const s = (fatal: number, error: number, warning: number, info: number) => ({ fatal, error, warning, info });

  it('says so when there is nothing', () => {
    expect(summaryLine(s(0, 0, 0, 0), 'sv')).toBe('Inga fel eller varningar.');
    expect(summaryLine(s(0, 0, 0, 0), 'en')).toBe('No errors or warnings.');
  });

  it('counts in Swedish with singular and plural', () => {
    expect(summaryLine(s(0, 1, 0, 0), 'sv')).toBe('Hittade 1 fel.');
    expect(summaryLine(s(0, 2, 1, 0), 'sv')).toBe('Hittade 2 fel och 1 varning.');
    expect(summaryLine(s(0, 0, 3, 0), 'sv')).toBe('Hittade 3 varningar.');
    expect(summaryLine(s(1, 2, 1, 3), 'sv')).toBe('Hittade 1 allvarligt fel, 2 fel, 1 varning och 3 upplysningar.');
    expect(summaryLine(s(2, 0, 0, 1), 'sv')).toBe('Hittade 2 allvarliga fel och 1 upplysning.');
  });

  it('counts in English with singular and plural', () => {
    expect(summaryLine(s(0, 1, 0, 0), 'en')).toBe('Found 1 error.');
    expect(summaryLine(s(0, 2, 1, 0), 'en')).toBe('Found 2 errors and 1 warning.');
    expect(summaryLine(s(2, 1, 2, 1), 'en')).toBe('Found 2 fatal errors, 1 error, 2 warnings and 1 info message.');
    expect(summaryLine(s(0, 0, 0, 2), 'en')).toBe('Found 2 info messages.');
  });

  it('is computed from the severities after overrides', () => {
    const at = loc('a.yaml', 1, 1, 1, 2);
    const list = [diagnostic('rule/unused-element', { id: 'x' }, at), diagnostic('rule/unused-element', { id: 'y' }, at, { severity: 'error' })];
    expect(summarize(list)).toEqual(s(0, 1, 1, 0));
  });
});
