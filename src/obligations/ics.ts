/**
 * The due dates of an obligations answer as an iCalendar file (RFC 5545) that Outlook, Google
 * Calendar and Apple Calendar import: one all-day VEVENT per submission.
 *
 * A browser module (see ./browser.ts), so the docs page can offer the same file as a download.
 *
 * Determinism: the file depends only on the answer. UIDs are `<obligation>.<period>@<catalogue>`,
 * so importing a newer file updates the same events instead of duplicating them. DTSTAMP, which
 * RFC 5545 requires on every VEVENT, is the fixed `ICS_DTSTAMP`: the catalogue has no release
 * timestamp to derive it from, validity dates say when rules apply rather than when the calendar
 * was made, and a clock would make every run differ (DESIGN: byte-identical output). A constant
 * also keeps re-imports from looking like edits. All-day events need no VTIMEZONE; the calendar
 * carries X-WR-TIMEZONE:Europe/Stockholm for clients that show it.
 */
import { addDays } from './calendar.js';
import type { ObligationsAnswer } from './data.js';
import { channelText, deadlineRuleText, longDate, periodLabel, say, statusText, whyNotWorking, type OutputLang } from './words.js';

/** The DTSTAMP of every event (see the module comment for why it is fixed). */
export const ICS_DTSTAMP = '20000101T000000Z';

/** Escapes a TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks. */
export function escapeIcsText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds a content line at 75 octets (RFC 5545 3.1): continuation lines start with one space, which
 * counts towards their 75. Octets are UTF-8 bytes; a character is never split, so å (2 bytes) or
 * an emoji (4 bytes) stays whole.
 */
export function foldIcsLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const cp = ch.codePointAt(0)!;
    const n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    const limit = parts.length === 0 ? 75 : 74;
    if (bytes + n > limit) {
      parts.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += n;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const compact = (date: string): string => date.replace(/-/g, '');

/** Renders the answer's submissions as an iCalendar file with CRLF line ends. */
export function renderObligationsIcs(a: ObligationsAnswer, lang: OutputLang = 'sv'): string {
  const sv = lang === 'sv';
  const c = a.catalogue;
  const who = a.query.actor ? say(a.query.actor.label, lang) : '';
  const area = a.query.area ? ` – ${say(a.query.area.label, lang)}` : '';
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//kodkatalog//${c.id} ${c.version}//${sv ? 'SV' : 'EN'}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeIcsText(sv ? `Uppgiftsskyldigheter: ${who}${area}` : `Reporting obligations: ${who}${area}`)}`,
    `X-WR-CALDESC:${escapeIcsText(
      sv
        ? `Sista dag för inlämningar till ${say(c.label, lang)} ${a.query.from} – ${a.query.to}. Katalog version ${c.version} (${statusText(c.status, lang)}).`
        : `Due dates of submissions to ${say(c.label, lang)} ${a.query.from} – ${a.query.to}. Catalogue version ${c.version} (${statusText(c.status, lang)}).`,
    )}`,
    'X-WR-TIMEZONE:Europe/Stockholm',
  ];
  const events = a.obligations
    .flatMap((o) => o.submissions.map((s) => ({ o, s })))
    .sort((x, y) => (x.s.due < y.s.due ? -1 : x.s.due > y.s.due ? 1 : x.o.id < y.o.id ? -1 : x.o.id > y.o.id ? 1 : 0));
  for (const { o, s } of events) {
    const period = periodLabel(s.period, lang);
    const span = s.period.start === s.period.end ? s.period.start : `${s.period.start} – ${s.period.end}`;
    const description = [
      sv ? `${say(o.label, lang)}, ${period} (${span}).` : `${say(o.label, lang)}, ${period} (${span}).`,
      sv ? `Sista dag: ${deadlineRuleText(o.deadline, o.period, lang)}.` : `Due: ${deadlineRuleText(o.deadline, o.period, lang)}.`,
      ...(s.moved
        ? [sv ? `Flyttad från ${longDate(s.nominalDue, lang)}, som är ${whyNotWorking(s.nominalDue, lang)}.` : `Moved from ${longDate(s.nominalDue, lang)}, which is ${whyNotWorking(s.nominalDue, lang)}.`]
        : []),
      sv ? `Kanal: ${channelText(o.channel, lang)}; format: ${o.formats.join(', ')}.` : `Channel: ${channelText(o.channel, lang)}; formats: ${o.formats.join(', ')}.`,
      sv ? `Uppgiftsskyldighet ${o.id} i ${c.id} ${c.version}.` : `Obligation ${o.id} in ${c.id} ${c.version}.`,
    ].join('\n');
    lines.push(
      'BEGIN:VEVENT',
      `UID:${o.id}.${s.period.id}@${c.id}`,
      `DTSTAMP:${ICS_DTSTAMP}`,
      `DTSTART;VALUE=DATE:${compact(s.due)}`,
      // DTEND is exclusive: the event covers the due date only.
      `DTEND;VALUE=DATE:${compact(addDays(s.due, 1))}`,
      `SUMMARY:${escapeIcsText(sv ? `Sista dag: ${say(o.label, lang)}, ${period}` : `Due: ${say(o.label, lang)}, ${period}`)}`,
      `DESCRIPTION:${escapeIcsText(description)}`,
      `CATEGORIES:${escapeIcsText(say(o.area.label, lang))}`,
      // A deadline is a reminder, not a meeting: it should not block the day in anyone's calendar.
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldIcsLine).join('\r\n') + '\r\n';
}
