import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkCatalogue } from '../../src/api.js';
import { CHECKS } from '../../src/checks/index.js';
import { messages } from '../../src/diagnostics/messages.js';
import type { Diagnostic } from '../../src/diagnostics/types.js';

/**
 * Every folder under fixtures/catalogues/invalid is a small catalogue with one defect and an
 * expected.json listing exactly the diagnostics it must produce: code, severity, and where
 * (file relative to the folder, 1-based line and column). Not a subset: an extra or a missing
 * diagnostic fails the case.
 */
interface Expected {
  readonly code: string;
  readonly severity: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
}

const root = fileURLToPath(new URL('../fixtures/catalogues/invalid', import.meta.url));
const cases = readdirSync(root, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

const expectedOf = (name: string): Expected[] => JSON.parse(readFileSync(join(root, name, 'expected.json'), 'utf8')) as Expected[];

function actual(dir: string, diagnostics: readonly Diagnostic[]): Expected[] {
  return diagnostics.map((d) => ({
    code: d.code,
    severity: d.severity,
    ...(d.source ? { file: relative(dir, d.source.file).split(sep).join('/'), line: d.source.start.line, column: d.source.start.column } : {}),
  }));
}

const order = (a: Expected, b: Expected): number =>
  (a.file ?? '').localeCompare(b.file ?? '') || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || a.code.localeCompare(b.code);

describe('invalid catalogue fixtures', () => {
  it('has at least 30 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it.each(cases)('%s gives exactly the expected diagnostics', (name) => {
    const dir = join(root, name);
    const { diagnostics } = checkCatalogue(dir);
    expect(actual(dir, diagnostics).sort(order)).toEqual([...expectedOf(name)].sort(order));
  });

  it.each(cases)('%s: every diagnostic with a place has a message and a range that starts where it ends or before', (name) => {
    const { diagnostics } = checkCatalogue(join(root, name));
    for (const d of diagnostics) {
      expect(d.message.sv).not.toBe('');
      expect(d.message.en).not.toBe('');
      if (!d.source) continue;
      const { start, end } = d.source;
      expect(end.line > start.line || (end.line === start.line && end.column >= start.column)).toBe(true);
    }
  });

  // A new yaml/ or rule/ code needs a fixture that shows where it points.
  const covered = new Set(cases.flatMap((name) => expectedOf(name).map((e) => e.code)));

  it('covers every yaml/* code', () => {
    const codes = Object.keys(messages).filter((c) => c.startsWith('yaml/'));
    expect(codes.filter((c) => !covered.has(c))).toEqual([]);
  });

  it('covers every rule/* code a catalogue check can report', () => {
    // version/* checks compare with an earlier release (git or a folder); their tests own those fixtures.
    const codes = [...new Set([...CHECKS.flatMap((c) => c.codes).filter((c) => c.startsWith('rule/')), 'rule/unknown-check'])];
    expect(codes.length).toBeGreaterThanOrEqual(13);
    expect(codes.filter((c) => !covered.has(c))).toEqual([]);
  });

  it('covers every csv/* code that the loader reports', () => {
    const codes = ['csv/header', 'csv/field-count', 'csv/unclosed-quote', 'csv/missing-file'];
    expect(codes.filter((c) => !covered.has(c))).toEqual([]);
  });

  it('covers every ref/* code', () => {
    const codes = Object.keys(messages).filter((c) => c.startsWith('ref/'));
    expect(codes.filter((c) => !covered.has(c))).toEqual([]);
  });

  it('a severity override of off silences a check that would otherwise warn', () => {
    expect(expectedOf('severity-off')).toEqual([]);
    expect(expectedOf('rule-unused-element').map((e) => [e.code, e.severity])).toEqual([['rule/unused-element', 'warning']]);
    expect(expectedOf('severity-error').map((e) => [e.code, e.severity])).toEqual([['rule/unused-element', 'error']]);
  });
});
