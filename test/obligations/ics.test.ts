import { join, resolve } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/api.js';
import type { ObligationsAnswer } from '../../src/obligations/data.js';
import { escapeIcsText, foldIcsLine, ICS_DTSTAMP, renderObligationsIcs } from '../../src/obligations/ics.js';
import { resolveObligations } from '../../src/obligations/resolve.js';

const root = resolve(import.meta.dirname, '../..');
const catalogue = loadCatalogue(join(root, 'catalogue')).catalogue!;
const answer = resolveObligations(catalogue, { actor: 'kommun', from: '2027-01-01', to: '2028-12-31' }).value;

/** RFC 5545 3.1: a content line is unfolded by removing every CRLF followed by one space or tab. */
const unfold = (ics: string): string[] => ics.replace(/\r\n[ \t]/g, '').split('\r\n').slice(0, -1);

/** Checks the physical form of a file: CRLF only, final CRLF, every line at most 75 octets. */
function expectWellFormed(ics: string): void {
  expect(ics.endsWith('\r\n')).toBe(true);
  expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
  // Folding never splits a character: no physical line holds half a surrogate pair (which would
  // become invalid UTF-8), and the lines joined again give back the text.
  for (const line of ics.split('\r\n')) expect(line).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
}

describe('iCalendar output', () => {
  const ics = renderObligationsIcs(answer);

  it('is well formed: CRLF, lines of at most 75 octets, folded without splitting characters', () => {
    expectWellFormed(ics);
    expect(ics.split('\r\n').some((l) => l.startsWith(' '))).toBe(true);
  });

  it('parses with ical.js into one all-day event per submission', () => {
    const cal = new ICAL.Component(ICAL.parse(ics));
    expect(cal.getFirstPropertyValue('version')).toBe('2.0');
    expect(cal.getFirstPropertyValue('prodid')).toBe('-//kodkatalog//socialtjanstdataregistret 0.1.0//SV');
    expect(cal.getFirstPropertyValue('x-wr-timezone')).toBe('Europe/Stockholm');
    expect(cal.getAllSubcomponents('vtimezone')).toEqual([]);
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const submissions = answer.obligations.flatMap((o) => o.submissions.map((s) => ({ o, s })));
    expect(events).toHaveLength(submissions.length);
    expect(events.length).toBeGreaterThan(100);
    for (const e of events) {
      expect(e.startDate.isDate).toBe(true);
      expect(e.endDate.isDate).toBe(true);
      expect(e.endDate.toJSDate().getTime() - e.startDate.toJSDate().getTime()).toBe(86_400_000);
      expect(e.component.getFirstPropertyValue('dtstamp')!.toString()).toBe('2000-01-01T00:00:00Z');
    }
    const uids = events.map((e) => e.uid);
    expect(new Set(uids).size).toBe(uids.length);
    const lss = events.find((e) => e.uid === 'kommun-lss.2027-10-01@socialtjanstdataregistret')!;
    expect(lss.startDate.toString()).toBe('2027-10-25');
    expect(lss.summary).toBe('Sista dag: Kommunens uppgifter om insatser enligt LSS, 1 oktober 2027');
    expect(lss.description).toContain('Sista dag: senast den 25 oktober; flyttas till nästa vardag');
    const moved = events.find((e) => e.uid === 'kommun-aldre.2027-12@socialtjanstdataregistret')!;
    expect(moved.startDate.toString()).toBe('2028-01-17');
    expect(moved.description).toContain('Flyttad från 15 januari 2028, som är en lördag.');
  });

  it('has stable UIDs and no clock: the same answer gives the same bytes, and an overlapping range the same UIDs', () => {
    expect(renderObligationsIcs(answer)).toBe(ics);
    const later = renderObligationsIcs(resolveObligations(catalogue, { actor: 'kommun', date: '2027-03-01' }).value);
    const uidsOf = (s: string): string[] => unfold(s).filter((l) => l.startsWith('UID:'));
    const inBoth = uidsOf(later);
    expect(inBoth.every((u) => uidsOf(ics).includes(u))).toBe(true);
    expect(unfold(ics).filter((l) => l.startsWith('DTSTAMP:'))).toEqual(unfold(ics).filter((l) => l.startsWith('UID:')).map(() => `DTSTAMP:${ICS_DTSTAMP}`));
  });

  it('escapes TEXT values and round-trips them through a real parser', () => {
    const tricky = 'Särskilt; svåra, tecken \\ och\nny rad – 😀 '.repeat(4).trim();
    const edited: ObligationsAnswer = {
      ...answer,
      obligations: [{ ...answer.obligations[0]!, label: { sv: tricky }, area: { code: 'x', label: { sv: 'A, B; C' } } }],
    };
    const out = renderObligationsIcs(edited);
    expectWellFormed(out);
    const events = new ICAL.Component(ICAL.parse(out)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events[0]!.summary).toBe(`Sista dag: ${tricky}, ${'januari 2027'}`);
    expect(unfold(out).find((l) => l.startsWith('CATEGORIES:'))).toBe('CATEGORIES:A\\, B\\; C');
    expect(unfold(out).find((l) => l.startsWith('SUMMARY:'))).toContain('Särskilt\\; svåra\\, tecken \\\\ och\\nny rad');
  });
});

describe('escapeIcsText and foldIcsLine', () => {
  it('escapes backslash, semicolon, comma and every kind of line break', () => {
    expect(escapeIcsText('a\\b;c,d\ne\r\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
    expect(escapeIcsText('kolon: och "citat"')).toBe('kolon: och "citat"');
  });

  it('folds at 75 octets counting UTF-8 bytes, never inside a character', () => {
    expect(foldIcsLine('x'.repeat(75))).toBe('x'.repeat(75));
    expect(foldIcsLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
    // 'ö' is 2 octets: 37 of them fill 74 octets and the 38th would make 76.
    const o = 'ö'.repeat(40);
    const lines = foldIcsLine(o).split('\r\n');
    expect(lines[0]).toBe('ö'.repeat(37));
    expect(lines[1]).toBe(` ${'ö'.repeat(3)}`);
    // A 4-octet emoji is kept whole even when only 1 octet is left.
    const e = `${'x'.repeat(74)}😀y`;
    expect(foldIcsLine(e).split('\r\n')).toEqual(['x'.repeat(74), ' 😀y']);
    // Continuation lines hold 74 octets after the leading space.
    const long = foldIcsLine('y'.repeat(75 + 74 + 10)).split('\r\n');
    expect(long.map((l) => Buffer.byteLength(l))).toEqual([75, 75, 11]);
    expect(long.map((l, i) => (i === 0 ? l : l.slice(1))).join('')).toBe('y'.repeat(159));
  });
});
