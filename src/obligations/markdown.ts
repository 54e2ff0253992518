/**
 * A Markdown checklist a municipality can hand to its system vendor: per obligation the record
 * types and their elements with type, requiredness and code list, the code lists valid on the
 * date, the checks a file must pass, what changes later in the range and every submission with its
 * due date, each linked to its page on the docs site.
 *
 * Links are the entities' `doc` paths (built with `docPath` when the data was exported) behind a
 * base: `docs/` by default, so the file works beside a copy of the site; an absolute URL makes it
 * work anywhere.
 *
 * A browser module (see ./browser.ts).
 */
import type { ClassificationAnswer, ElementAnswer, ObligationAnswer, ObligationsAnswer } from './data.js';
import {
  channelText,
  dayAndDate,
  deadlineRuleText,
  longDate,
  periodLabel,
  periodRuleText,
  requiredText,
  say,
  severityText,
  statusText,
  validityText,
  valueTypeText,
  whyNotWorking,
  type OutputLang,
} from './words.js';

/** Options of the checklist. */
export interface MarkdownOptions {
  /** Output language. */
  readonly lang?: OutputLang;
  /** Prefix of docs links, e.g. `docs/` or `https://example.org/kodkatalog/`. */
  readonly docsBase?: string;
}

/** How many codes are listed inline before the checklist refers to the code list's page. */
const INLINE_CODES = 12;

/** Escapes characters that Markdown would read as formatting, links, HTML or table cells. */
function md(s: string): string {
  return s.replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

function link(text: string, base: string, doc: string): string {
  // Spaces and parentheses would end a Markdown link target; doc paths have none, a base might.
  const target = `${base}${doc}`.replace(/ /g, '%20').replace(/\(/g, '%28').replace(/\)/g, '%29');
  return `[${md(text)}](${target})`;
}

function constraintText(e: ElementAnswer, lang: OutputLang): string {
  const sv = lang === 'sv';
  const c = e.constraints;
  const parts: string[] = [];
  if (c.minLength !== undefined && c.maxLength !== undefined) parts.push(sv ? `${c.minLength}–${c.maxLength} tecken` : `${c.minLength}–${c.maxLength} characters`);
  else if (c.maxLength !== undefined) parts.push(sv ? `högst ${c.maxLength} tecken` : `at most ${c.maxLength} characters`);
  else if (c.minLength !== undefined) parts.push(sv ? `minst ${c.minLength} tecken` : `at least ${c.minLength} characters`);
  if (c.minimum !== undefined) parts.push(sv ? `minst ${c.minimum}` : `at least ${c.minimum}`);
  if (c.maximum !== undefined) parts.push(sv ? `högst ${c.maximum}` : `at most ${c.maximum}`);
  if (c.pattern !== undefined) parts.push(`${sv ? 'mönster' : 'pattern'} \`${c.pattern.replace(/`/g, "'")}\``);
  return parts.join(', ');
}

function elementLine(e: ElementAnswer, classifications: ReadonlyMap<string, ClassificationAnswer>, base: string, lang: OutputLang): string {
  const sv = lang === 'sv';
  const parts = [valueTypeText(e.valueType, lang)];
  const c = e.classification !== undefined ? classifications.get(e.classification) : undefined;
  if (c) parts.push(`${sv ? 'kodlista' : 'code list'} ${link(say(c.label, lang), base, c.doc)}${c.edition !== undefined ? ` (${sv ? 'utgåva' : 'edition'} ${md(c.edition)})` : ''}`);
  const constraints = constraintText(e, lang);
  if (constraints !== '') parts.push(constraints);
  const required = e.required === 'required' ? `**${requiredText(e.required, lang)}**` : requiredText(e.required, lang);
  const key = e.key ? (sv ? ', nyckel' : ', key') : '';
  return `- [ ] ${link(say(e.label, lang), base, e.doc)} (\`${e.id}\`): ${required}${key}; ${parts.join('; ')}`;
}

function obligationSection(o: ObligationAnswer, base: string, lang: OutputLang): string[] {
  const sv = lang === 'sv';
  const out: string[] = [`## ${md(say(o.label, lang))}`, ''];
  out.push(`${link(sv ? 'Beskrivning av uppgiftsskyldigheten' : 'About this obligation', base, o.doc)} · \`${o.id}\` · ${statusText(o.status, lang)}`, '');
  out.push(md(say(o.definition, lang)), '');
  const rows: [string, string][] = [
    [sv ? 'Område' : 'Area', md(say(o.area.label, lang))],
    ...(o.population ? ([[sv ? 'Avser' : 'Covers', md(say(o.population, lang))]] as [string, string][]) : []),
    [sv ? 'Gäller' : 'In force', validityText(o, lang)],
    [sv ? 'Period' : 'Period', periodRuleText(o.period, lang)],
    [sv ? 'Sista dag' : 'Due', deadlineRuleText(o.deadline, o.period, lang)],
    [sv ? 'Kanal' : 'Channel', channelText(o.channel, lang)],
    [sv ? 'Filformat' : 'File formats', o.formats.map((f) => `\`${f}\``).join(', ')],
    [sv ? 'Lagrum' : 'Legal basis', o.legalBasis.map((l) => md(say(l.label, lang))).join('; ')],
  ];
  out.push(`| ${sv ? 'Uppgift' : 'Item'} | ${sv ? 'Värde' : 'Value'} |`, '| --- | --- |', ...rows.map(([k, v]) => `| ${k} | ${v} |`), '');

  const classifications = new Map(o.classifications.map((c) => [c.id, c]));
  out.push(`### ${sv ? `Posttyper och uppgifter den ${o.asOf}` : `Record types and elements on ${o.asOf}`}`, '');
  for (const rt of o.recordTypes) {
    out.push(`#### ${sv ? 'Posttyp' : 'Record type'} ${link(say(rt.label, lang), base, rt.doc)} (\`${rt.id}\`)`, '');
    out.push(`${sv ? 'Nyckel' : 'Key'}: ${rt.key.map((k) => `\`${k}\``).join(', ')}`, '');
    for (const e of rt.elements) out.push(elementLine(e, classifications, base, lang));
    out.push('');
  }

  if (o.changes.length > 0) {
    out.push(`### ${sv ? 'Ändringar under perioden' : 'Changes in the range'}`, '');
    for (const c of o.changes) {
      const when = sv ? `Från ${c.date}` : `From ${c.date}`;
      const what = ((): string => {
        switch (c.subject) {
          case 'record-type':
            return c.change === 'added' ? (sv ? `ny posttyp \`${c.recordType}\` (${md(say(c.label, lang))})` : `new record type \`${c.recordType}\` (${md(say(c.label, lang))})`) : sv ? `posttypen \`${c.recordType}\` lämnas inte längre` : `record type \`${c.recordType}\` is no longer reported`;
          case 'element':
            return c.change === 'added'
              ? sv ? `ny uppgift \`${c.element}\` (${md(say(c.label, lang))}) i \`${c.recordType}\`, ${requiredText(c.required!, lang)}` : `new element \`${c.element}\` (${md(say(c.label, lang))}) in \`${c.recordType}\`, ${requiredText(c.required!, lang)}`
              : sv ? `uppgiften \`${c.element}\` i \`${c.recordType}\` lämnas inte längre` : `element \`${c.element}\` in \`${c.recordType}\` is no longer reported`;
          case 'rule':
            return c.change === 'added' ? (sv ? `ny kontroll \`${c.rule}\`: ${md(say(c.label, lang))}` : `new check \`${c.rule}\`: ${md(say(c.label, lang))}`) : sv ? `kontrollen \`${c.rule}\` upphör` : `check \`${c.rule}\` ends`;
          case 'code':
            return c.change === 'added' ? (sv ? `ny kod \`${c.code}\` (${md(say(c.label, lang))}) i \`${c.classification}\`` : `new code \`${c.code}\` (${md(say(c.label, lang))}) in \`${c.classification}\``) : sv ? `koden \`${c.code}\` (${md(say(c.label, lang))}) i \`${c.classification}\` upphör` : `code \`${c.code}\` (${md(say(c.label, lang))}) in \`${c.classification}\` ends`;
        }
      })();
      out.push(`- [ ] ${when}: ${what}`);
    }
    out.push('');
  }

  if (o.classifications.length > 0) {
    out.push(`### ${sv ? `Kodlistor den ${o.asOf}` : `Code lists on ${o.asOf}`}`, '');
    out.push(`| ${sv ? 'Kodlista' : 'Code list'} | ${sv ? 'Utgåva' : 'Edition'} | ${sv ? 'Används av' : 'Used by'} | ${sv ? 'Koder' : 'Codes'} |`, '| --- | --- | --- | --- |');
    for (const c of o.classifications) {
      const codes =
        c.codes.length <= INLINE_CODES
          ? c.codes.map((k) => `\`${k.code}\` ${md(say(k.label, lang))}${k.selectable ? '' : sv ? ' (grupp, anges inte)' : ' (group, not reported)'}`).join('<br>')
          : sv ? `${c.codes.length} koder, se ${link(say(c.label, lang), base, c.doc)}` : `${c.codes.length} codes, see ${link(say(c.label, lang), base, c.doc)}`;
      out.push(`| ${link(say(c.label, lang), base, c.doc)} | ${c.edition !== undefined ? md(c.edition) : '–'} | ${c.elements.map((e) => `\`${e}\``).join(', ')} | ${codes} |`);
    }
    out.push('');
  }

  if (o.rules.length > 0) {
    out.push(`### ${sv ? 'Kontroller som en fil ska klara' : 'Checks a file must pass'}`, '');
    for (const r of o.rules) out.push(`- [ ] ${link(r.id, base, r.doc)} (${severityText(r.severity, lang)}): ${md(say(r.message, lang))}`);
    out.push('');
  }

  out.push(`### ${sv ? 'Inlämningar' : 'Submissions'}`, '');
  if (o.period.kind === 'continuous') out.push(sv ? 'Löpande: varje händelse lämnas för sig, så det finns inga fasta datum.' : 'Continuous: each event is sent on its own, so there are no fixed dates.', '');
  else if (o.submissions.length === 0) out.push(sv ? 'Ingen inlämning har sista dag under perioden.' : 'No submission is due in the range.', '');
  else {
    for (const s of o.submissions) {
      const moved = s.moved ? (sv ? ` (flyttad från ${longDate(s.nominalDue, lang)}, ${whyNotWorking(s.nominalDue, lang)})` : ` (moved from ${longDate(s.nominalDue, lang)}, ${whyNotWorking(s.nominalDue, lang)})`) : '';
      out.push(`- [ ] ${periodLabel(s.period, lang)}: ${sv ? 'senast' : 'by'} ${dayAndDate(s.due, lang)}${moved}`);
    }
    out.push('');
  }
  return out;
}

function elementChecklist(a: ObligationsAnswer, base: string, lang: OutputLang): string {
  const sv = lang === 'sv';
  const el = a.query.element!;
  const out = [`# ${sv ? 'Uppgiften' : 'Element'} ${link(say(el.label, lang), base, el.doc)} (\`${el.id}\`)`, ''];
  if (a.elementUses.length === 0) {
    out.push(sv ? 'Ingen uppgiftsskyldighet efterfrågar uppgiften.' : 'No obligation asks for this element.');
    return `${out.join('\n')}\n`;
  }
  out.push(`| ${sv ? 'Uppgiftsskyldighet' : 'Obligation'} | ${sv ? 'Aktör' : 'Actor'} | ${sv ? 'Posttyp' : 'Record type'} | ${sv ? 'Krav' : 'Requiredness'} | ${sv ? 'Gäller' : 'In force'} |`);
  out.push('| --- | --- | --- | --- | --- |');
  for (const u of a.elementUses) {
    out.push(`| ${link(say(u.label, lang), base, u.doc)} | ${md(say(u.actor.label, lang))} | \`${u.recordType}\` | ${requiredText(u.required, lang)} | ${validityText(u, lang)} |`);
  }
  return `${out.join('\n')}\n`;
}

/** Renders an answer as a Markdown checklist. */
export function renderObligationsMarkdown(a: ObligationsAnswer, options: MarkdownOptions = {}): string {
  const lang = options.lang ?? 'sv';
  const sv = lang === 'sv';
  let base = options.docsBase ?? 'docs/';
  if (base !== '' && !base.endsWith('/')) base += '/';
  if (a.query.element !== undefined) return elementChecklist(a, base, lang);

  const who = a.query.actor ? say(a.query.actor.label, lang) : '';
  const area = a.query.area ? (sv ? ` inom ${say(a.query.area.label, lang)}` : ` in ${say(a.query.area.label, lang)}`) : '';
  const c = a.catalogue;
  const out = [`# ${md(sv ? `Uppgiftsskyldigheter för ${who}${area}` : `Reporting obligations of ${who}${area}`)}`, ''];
  out.push(
    sv
      ? `Underlag till systemleverantör: vad verksamhetssystemet ska kunna lämna enligt katalogen ${md(say(c.label, lang))}, version ${c.version} (${statusText(c.status, lang)}). Inlämningar med sista dag ${a.query.from} – ${a.query.to}.`
      : `For the system vendor: what the case management system must be able to report under the catalogue ${md(say(c.label, lang))}, version ${c.version} (${statusText(c.status, lang)}). Submissions due ${a.query.from} – ${a.query.to}.`,
    '',
  );
  if (c.status === 'draft') out.push(sv ? '> Katalogen är ett utkast: uppgifter, perioder och tidsfrister kan ändras innan de fastställs.' : '> The catalogue is a draft: data, periods and deadlines may change before they are adopted.', '');
  if (a.obligations.length === 0) {
    out.push(sv ? `Inga uppgiftsskyldigheter gäller eller har en inlämning under perioden.` : `No obligations are in force or due in the range.`);
    return `${out.join('\n')}\n`;
  }
  out.push(`${sv ? 'Innehåll' : 'Contents'}:`, '');
  for (const o of a.obligations) out.push(`- ${md(say(o.label, lang))} (\`${o.id}\`)`);
  out.push('');
  for (const o of a.obligations) out.push(...obligationSection(o, base, lang));
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}
