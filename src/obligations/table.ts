/**
 * The terminal view of an obligations answer: first every due date of the range in date order
 * (what to send when), then per obligation what it covers and which record types and elements a
 * file must hold. Plain text, at most about 100 columns, Swedish unless `lang` is `en`.
 *
 * A browser module (see ./browser.ts).
 */
import type { ObligationAnswer, ObligationsAnswer } from './data.js';
import type { Submission } from './deadlines.js';
import {
  channelText,
  dayAndDate,
  deadlineRuleText,
  longDate,
  periodLabel,
  periodRuleText,
  requiredText,
  say,
  severityCount,
  statusText,
  validityText,
  whyNotWorking,
  type OutputLang,
} from './words.js';

const WIDTH = 100;

/** Wraps `text` into lines of at most `width` characters, every line after the first indented by `indent` spaces. */
function wrap(text: string, width: number, indent: number): string {
  const words = text.split(/\s+/).filter((w) => w !== '');
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line !== '' && [...line].length + 1 + [...w].length > width) {
      lines.push(line);
      line = w;
    } else line = line === '' ? w : `${line} ${w}`;
  }
  if (line !== '') lines.push(line);
  return lines.map((l, i) => (i === 0 ? l : ' '.repeat(indent) + l)).join('\n');
}

/** Pads by characters (code points), so å, ä and ö count as one column. */
function pad(s: string, n: number): string {
  const len = [...s].length;
  return len >= n ? s : s + ' '.repeat(n - len);
}

/** One labelled line of an obligation's block, wrapped under its value. */
function field(label: string, value: string): string {
  const head = `   ${pad(label + ':', 13)}`;
  return head + wrap(value, WIDTH - head.length, head.length);
}

function headline(a: ObligationsAnswer, lang: OutputLang): string[] {
  const sv = lang === 'sv';
  const q = a.query;
  const who = q.actor ? say(q.actor.label, lang) : '';
  const area = q.area ? (sv ? ` inom ${say(q.area.label, lang)}` : ` in ${say(q.area.label, lang)}`) : '';
  const lines = [sv ? `Uppgiftsskyldigheter för ${who}${area}` : `Reporting obligations of ${who}${area}`];
  if (q.date !== undefined) {
    lines.push(
      sv
        ? `Allt som ska lämnas under ett år från ${q.date}: inlämningar med sista dag ${q.from} – ${q.to}.`
        : `Everything due in the year from ${q.date}: submissions due ${q.from} – ${q.to}.`,
    );
  } else lines.push(sv ? `Inlämningar med sista dag ${q.from} – ${q.to}.` : `Submissions due ${q.from} – ${q.to}.`);
  const c = a.catalogue;
  lines.push(
    sv
      ? `Katalog: ${say(c.label, lang)}, version ${c.version} (${statusText(c.status, lang)}).`
      : `Catalogue: ${say(c.label, lang)}, version ${c.version} (${statusText(c.status, lang)}).`,
  );
  return lines;
}

/** The due-date list across all obligations of the answer, in date order, one row per date and period. */
function calendar(a: ObligationsAnswer, lang: OutputLang): string[] {
  const sv = lang === 'sv';
  // Name an obligation by its area when that is unique in the answer: shorter, and what a
  // municipality calls it. Fall back to the full name.
  const areaCount = new Map<string, number>();
  for (const o of a.obligations) areaCount.set(o.area.code, (areaCount.get(o.area.code) ?? 0) + 1);
  const name = (o: ObligationAnswer): string => (areaCount.get(o.area.code) === 1 ? say(o.area.label, lang) : say(o.label, lang));
  const groups = new Map<string, { due: string; period: string; moved?: Submission; names: string[] }>();
  const rows = a.obligations.flatMap((o) => o.submissions.map((s) => ({ o, s })));
  if (rows.length === 0) return [sv ? 'Ingen inlämning har sista dag under perioden.' : 'No submission is due in the range.'];
  for (const { o, s } of rows) {
    const period = periodLabel(s.period, lang);
    const key = `${s.due} ${s.period.start} ${period}`;
    const g = groups.get(key) ?? { due: s.due, period, names: [] };
    g.names.push(name(o));
    if (s.moved) g.moved = s;
    groups.set(key, g);
  }
  const out = [
    sv
      ? `Sista dag för inlämning: ${rows.length} inlämningar för ${a.obligations.length} uppgiftsskyldigheter`
      : `Due dates: ${rows.length} submissions for ${a.obligations.length} obligations`,
    `  ${pad(sv ? 'Sista dag' : 'Due', 16)}${pad('Period', 18)}${sv ? 'Uppgiftsskyldighet' : 'Obligation'}`,
  ];
  const indent = 2 + 16 + 18;
  for (const key of [...groups.keys()].sort()) {
    const g = groups.get(key)!;
    out.push(`  ${pad(dayAndDate(g.due, lang), 16)}${pad(g.period, 18)}${wrap(g.names.join(', '), WIDTH - indent, indent)}`);
    if (g.moved) {
      const d = g.moved.nominalDue;
      out.push(`${' '.repeat(indent)}${sv ? `(flyttad: ${longDate(d, lang)} är ${whyNotWorking(d, lang)})` : `(moved: ${longDate(d, lang)} is ${whyNotWorking(d, lang)})`}`);
    }
  }
  return out;
}

function obligationBlock(o: ObligationAnswer, n: number, lang: OutputLang): string[] {
  const sv = lang === 'sv';
  const out = [`${n}. ${say(o.label, lang)} (${o.id})`];
  out.push(field(sv ? 'Område' : 'Area', say(o.area.label, lang)));
  out.push(field(sv ? 'Gäller' : 'In force', `${validityText(o, lang)} (${statusText(o.status, lang)})`));
  if (o.population) out.push(field(sv ? 'Avser' : 'Covers', say(o.population, lang)));
  out.push(field(sv ? 'Period' : 'Period', periodRuleText(o.period, lang)));
  out.push(field(sv ? 'Sista dag' : 'Due', deadlineRuleText(o.deadline, o.period, lang)));
  out.push(field(sv ? 'Kanal' : 'Channel', `${channelText(o.channel, lang)}, ${sv ? 'format' : 'formats'} ${o.formats.join(', ')}`));
  out.push(field(sv ? 'Lagrum' : 'Legal basis', o.legalBasis.map((l) => say(l.label, lang)).join('; ')));
  if (o.period.kind === 'continuous') {
    out.push(field(sv ? 'Inlämningar' : 'Submissions', sv ? 'löpande, så kalendern visar inga datum för den här skyldigheten' : 'continuous, so the calendar shows no dates for this obligation'));
  } else if (o.submissions.length === 0) {
    out.push(field(sv ? 'Inlämningar' : 'Submissions', sv ? 'ingen med sista dag under perioden' : 'none due in the range'));
  }

  out.push(
    sv
      ? `   Posttyper och uppgifter den ${o.asOf} (* obligatorisk, ? om dokumenterad, övriga frivilliga):`
      : `   Record types and elements on ${o.asOf} (* required, ? if documented, others optional):`,
  );
  const mark = (r: string): string => (r === 'required' ? '*' : r === 'if-documented' ? '?' : '');
  const nameWidth = Math.max(14, ...o.recordTypes.map((rt) => [...rt.id].length + 2));
  for (const rt of o.recordTypes) {
    const head = `     ${pad(rt.id, nameWidth)}`;
    out.push(head + wrap(rt.elements.map((e) => e.id + mark(e.required)).join(', '), WIDTH - head.length, head.length));
  }
  if (o.classifications.length > 0) {
    out.push(field(sv ? 'Kodlistor' : 'Code lists', o.classifications.map((c) => `${c.id} (${c.codes.length} ${sv ? 'koder' : 'codes'})`).join(', ')));
  }
  if (o.rules.length > 0) {
    const bySeverity = new Map<string, number>();
    for (const r of o.rules) bySeverity.set(r.severity, (bySeverity.get(r.severity) ?? 0) + 1);
    const parts = ['fatal', 'error', 'warning', 'info'].filter((s) => bySeverity.has(s)).map((s) => severityCount(bySeverity.get(s)!, s, lang));
    out.push(field(sv ? 'Kontroller' : 'Checks', `${o.rules.length} (${parts.join(', ')}); ${sv ? 'se --format markdown' : 'see --format markdown'}`));
  }
  const days = [...new Set(o.changes.map((c) => c.date))];
  for (const day of days) {
    const items = o.changes
      .filter((c) => c.date === day)
      .map((c) => {
        const sign = c.change === 'added' ? '+' : '-';
        switch (c.subject) {
          case 'record-type':
            return `${sign} ${sv ? 'posttyp' : 'record type'} ${c.recordType}`;
          case 'element':
            return `${sign} ${c.element} ${sv ? 'i' : 'in'} ${c.recordType}${c.change === 'added' ? ` (${requiredText(c.required!, lang)})` : ''}`;
          case 'rule':
            return `${sign} ${sv ? 'kontroll' : 'check'} ${c.rule}`;
          case 'code':
            return `${sign} ${sv ? 'kod' : 'code'} ${c.code} ${sv ? 'i' : 'in'} ${c.classification}`;
        }
      });
    out.push(field(sv ? 'Ändras' : 'Changes', `${sv ? 'från' : 'from'} ${day}: ${items.join('; ')}`));
  }
  return out;
}

function elementTable(a: ObligationsAnswer, lang: OutputLang): string {
  const sv = lang === 'sv';
  const el = a.query.element!;
  const scope = a.query.from !== undefined ? (a.query.from === a.query.to ? ` ${sv ? 'den' : 'on'} ${a.query.from}` : ` ${a.query.from} – ${a.query.to}`) : '';
  if (a.elementUses.length === 0) {
    return `${sv ? `Ingen uppgiftsskyldighet efterfrågar uppgiften ${say(el.label, lang)} (${el.id})${scope}.` : `No obligation asks for ${say(el.label, lang)} (${el.id})${scope}.`}\n`;
  }
  const out = [sv ? `Uppgiften ${say(el.label, lang)} (${el.id}) efterfrågas${scope} i:` : `${say(el.label, lang)} (${el.id}) is asked for${scope} in:`];
  const w1 = Math.max(20, ...a.elementUses.map((u) => [...u.obligation].length + 2));
  const w2 = Math.max(16, ...a.elementUses.map((u) => [...u.recordType].length + 2));
  out.push(`  ${pad(sv ? 'Uppgiftsskyldighet' : 'Obligation', w1)}${pad(sv ? 'Posttyp' : 'Record type', w2)}${pad(sv ? 'Krav' : 'Requiredness', 18)}${sv ? 'Gäller' : 'In force'}`);
  for (const u of a.elementUses) {
    out.push(`  ${pad(u.obligation, w1)}${pad(u.recordType, w2)}${pad(requiredText(u.required, lang), 18)}${validityText(u, lang)}`);
  }
  return `${out.join('\n')}\n`;
}

/** Renders an answer as text for a terminal. */
export function renderObligationsTable(a: ObligationsAnswer, lang: OutputLang = 'sv'): string {
  if (a.query.element !== undefined) return elementTable(a, lang);
  const sv = lang === 'sv';
  const out = headline(a, lang);
  if (a.obligations.length === 0) {
    const who = a.query.actor ? say(a.query.actor.label, lang) : '';
    const area = a.query.area ? (sv ? ` inom ${say(a.query.area.label, lang)}` : ` in ${say(a.query.area.label, lang)}`) : '';
    out.push(
      '',
      sv
        ? `Inga uppgiftsskyldigheter för ${who}${area} gäller eller har en inlämning under perioden ${a.query.from} – ${a.query.to}.`
        : `No obligations of ${who}${area} are in force or have a submission due from ${a.query.from} to ${a.query.to}.`,
    );
    return `${out.join('\n')}\n`;
  }
  if (a.catalogue.status === 'draft') {
    out.push(sv ? 'Katalogen är ett utkast: uppgifter, perioder och tidsfrister kan ändras innan de fastställs.' : 'The catalogue is a draft: data, periods and deadlines may change before they are adopted.');
  }
  out.push('', ...calendar(a, lang));
  a.obligations.forEach((o, i) => out.push('', ...obligationBlock(o, i + 1, lang)));
  return `${out.join('\n')}\n`;
}
