import { csvCell } from '../csv.js';
import type { Lang } from '../diagnostics/types.js';
import type { ReportedFinding, ValidationSummary } from './validate.js';

/** Report formats of `kodkatalog validate`. */
export type ReportFormat = 'text' | 'json' | 'csv' | 'html';

const severityWord: Record<Lang, Record<ReportedFinding['severity'], string>> = {
  sv: { fatal: 'allvarligt fel', error: 'fel', warning: 'varning', info: 'upplysning' },
  en: { fatal: 'fatal', error: 'error', warning: 'warning', info: 'info' },
};

/** `fil.csv:1234 insats.startdatum - error date-order: Startdatum ligger efter slutdatum. [20000101-****]` */
export function textLine(f: ReportedFinding, lang: Lang): string {
  const where = `${f.file}${f.line !== undefined ? `:${f.line}` : ''}`;
  const what = f.recordType ? `${f.recordType}${f.field ? `.${f.field}` : ''}` : (f.field ?? '');
  const person = f.person ? ` [${f.person}]` : '';
  const related = f.related !== undefined ? (lang === 'sv' ? ` (jämför rad ${f.related} i inlämningen)` : ` (compare row ${f.related} of the submission)`) : '';
  return `${where}${what ? ` ${what}` : ''} - ${f.severity} ${f.ruleId}: ${f.message[lang]}${related}${person}\n`;
}

/** The closing block of a text report: counts per rule, first places, totals. */
export function textSummary(s: ValidationSummary, lang: Lang, shown: number): string {
  const sv = lang === 'sv';
  let out = '\n';
  if (s.rules.length > 0) {
    out += sv ? 'Per regel:\n' : 'By rule:\n';
    for (const r of s.rules) {
      const first = r.first.map((p) => `${p.file}${p.line !== undefined ? `:${p.line}` : ''}`).join(', ');
      out += `  ${String(r.count).padStart(7)}  ${r.severity.padEnd(7)} ${r.ruleId}: ${r.message[lang]}  (${sv ? 'först' : 'first'}: ${first})\n`;
    }
    out += '\n';
  }
  const total = s.findings.fatal + s.findings.error + s.findings.warning + s.findings.info;
  if (shown < total) out += sv ? `Visade ${shown} av ${total} fynd (--max-errors).\n` : `Showed ${shown} of ${total} findings (--max-errors).\n`;
  const parts = (['fatal', 'error', 'warning', 'info'] as const).filter((k) => s.findings[k] > 0).map((k) => `${s.findings[k]} ${severityWord[lang][k]}`);
  out += sv
    ? `${s.records} poster i ${s.files} fil${s.files === 1 ? '' : 'er'} kontrollerade mot ${s.obligation}${s.period ? ` för ${s.period}` : ''}: ${parts.length ? parts.join(', ') : 'inga fel'}.\n`
    : `${s.records} records in ${s.files} file${s.files === 1 ? '' : 's'} checked against ${s.obligation}${s.period ? ` for ${s.period}` : ''}: ${parts.length ? parts.join(', ') : 'no errors'}.\n`;
  if (s.incomplete) out += sv ? 'Filen kunde inte läsas till slut; rätta felet ovan och kör igen.\n' : 'The file could not be read to its end; fix the problem above and run again.\n';
  return out;
}

/** A finding as plain JSON (one language). */
export function findingJson(f: ReportedFinding, lang: Lang): Record<string, unknown> {
  const o: Record<string, unknown> = { file: f.file };
  if (f.line !== undefined) o.line = f.line;
  if (f.recordType) o.recordType = f.recordType;
  if (f.field) o.field = f.field;
  o.severity = f.severity;
  o.ruleId = f.ruleId;
  o.code = f.code;
  o.message = f.message[lang];
  if (f.related !== undefined) o.relatedRow = f.related;
  if (f.person) o.person = f.person;
  return o;
}

/** The summary as plain JSON (one language). */
export function summaryJson(s: ValidationSummary, lang: Lang): Record<string, unknown> {
  return { ...s, rules: s.rules.map((r) => ({ ...r, message: r.message[lang] })) };
}

const CSV_HEADER: Record<Lang, string> = {
  sv: 'fil;rad;posttyp;uppgift;allvarlighet;regel;kod;meddelande;person',
  en: 'file;line;recordType;field;severity;rule;code;message;person',
};


/** The CSV report's first line (UTF-8 BOM so Excel reads å, ä and ö). */
export function csvHeader(lang: Lang): string {
  return `\uFEFF${CSV_HEADER[lang]}\n`;
}

/** One finding as a CSV row. */
export function csvRow(f: ReportedFinding, lang: Lang): string {
  return [f.file, f.line, f.recordType, f.field, f.severity, f.ruleId, f.code, f.message[lang], f.person].map((v) => csvCell(v === undefined ? '' : String(v))).join(';') + '\n';
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A self-contained HTML report: summary per rule and the findings, filterable by rule with a small
 * inline script; nothing loaded from elsewhere, so it can be opened from disk and mailed.
 */
export function htmlReport(findings: readonly ReportedFinding[], s: ValidationSummary, lang: Lang, ruleLink: (ruleId: string, code: string) => string | undefined): string {
  const sv = lang === 'sv';
  const t = (a: string, b: string): string => (sv ? a : b);
  const link = (ruleId: string, code: string): string => {
    const href = ruleLink(ruleId, code);
    return href ? `<a href="${esc(href)}">${esc(ruleId)}</a>` : esc(ruleId);
  };
  const rules = s.rules
    .map(
      (r) =>
        `<tr><td>${link(r.ruleId, r.code)}</td><td>${esc(severityWord[lang][r.severity])}</td><td class="n">${r.count}</td><td>${esc(r.message[lang])}</td><td>${esc(r.first.map((p) => `${p.file}${p.line !== undefined ? `:${p.line}` : ''}`).join(', '))}</td></tr>`,
    )
    .join('\n');
  const rows = findings
    .map(
      (f) =>
        `<tr data-rule="${esc(f.ruleId)}"><td>${esc(f.file)}</td><td class="n">${f.line ?? ''}</td><td>${esc(f.recordType ?? '')}${f.field ? `.${esc(f.field)}` : ''}</td><td>${esc(severityWord[lang][f.severity])}</td><td>${link(f.ruleId, f.code)}</td><td>${esc(f.message[lang])}</td><td>${esc(f.person ?? '')}</td></tr>`,
    )
    .join('\n');
  const options = s.rules.map((r) => `<option value="${esc(r.ruleId)}">${esc(r.ruleId)} (${r.count})</option>`).join('');
  const total = s.findings.fatal + s.findings.error + s.findings.warning + s.findings.info;
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t('Valideringsrapport', 'Validation report')}: ${esc(s.obligation)}</title>
<style>
body{font-family:system-ui,sans-serif;margin:1rem;color:#1a1a1a;line-height:1.4}
table{border-collapse:collapse;width:100%;margin:1rem 0}
th,td{border:1px solid #888;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#eee}
td.n{text-align:right}
:focus-visible{outline:3px solid #1a5fb4;outline-offset:2px}
a{color:#1a4f9c}
</style>
</head>
<body>
<main>
<h1>${t('Valideringsrapport', 'Validation report')}</h1>
<p>${s.records} ${t('poster i', 'records in')} ${s.files} ${t('fil(er) kontrollerade mot', 'file(s) checked against')} <strong>${esc(s.obligation)}</strong>${s.period ? ` ${t('för', 'for')} ${esc(s.period)}` : ''}: ${s.findings.fatal} ${severityWord[lang].fatal}, ${s.findings.error} ${severityWord[lang].error}, ${s.findings.warning} ${severityWord[lang].warning}, ${s.findings.info} ${severityWord[lang].info}.</p>
${s.incomplete ? `<p><strong>${t('Filen kunde inte läsas till slut.', 'The file could not be read to its end.')}</strong></p>` : ''}
<h2>${t('Per regel', 'By rule')}</h2>
<table>
<thead><tr><th scope="col">${t('Regel', 'Rule')}</th><th scope="col">${t('Allvarlighet', 'Severity')}</th><th scope="col">${t('Antal', 'Count')}</th><th scope="col">${t('Meddelande', 'Message')}</th><th scope="col">${t('Första ställen', 'First places')}</th></tr></thead>
<tbody>
${rules}
</tbody>
</table>
<h2>${t('Fynd', 'Findings')}</h2>
${findings.length < total ? `<p>${t(`Visar ${findings.length} av ${total} fynd.`, `Showing ${findings.length} of ${total} findings.`)}</p>` : ''}
<p><label for="regel">${t('Visa regel', 'Show rule')}</label>
<select id="regel"><option value="">${t('Alla regler', 'All rules')}</option>${options}</select></p>
<table id="fynd">
<thead><tr><th scope="col">${t('Fil', 'File')}</th><th scope="col">${t('Rad', 'Line')}</th><th scope="col">${t('Uppgift', 'Field')}</th><th scope="col">${t('Allvarlighet', 'Severity')}</th><th scope="col">${t('Regel', 'Rule')}</th><th scope="col">${t('Meddelande', 'Message')}</th><th scope="col">${t('Person', 'Person')}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</main>
<script>
document.getElementById('regel').addEventListener('change', function (e) {
  var rule = e.target.value;
  document.querySelectorAll('#fynd tbody tr').forEach(function (tr) { tr.hidden = rule !== '' && tr.getAttribute('data-rule') !== rule; });
});
</script>
</body>
</html>
`;
}
