/**
 * Words and phrases for obligations output in Swedish (default) and English, shared by the table,
 * the checklist and the calendar so the three say the same thing the same way.
 *
 * A browser module (see ./browser.ts).
 */
import { holidaysOn, weekday } from './calendar.js';
import type { TextData } from './data.js';
import type { DeadlineRule, PeriodRule, ReportingPeriod } from './deadlines.js';

/** Output language. */
export type OutputLang = 'sv' | 'en';

/** The text in `lang`, falling back to Swedish where no English is written. */
export function say(t: TextData, lang: OutputLang): string {
  return lang === 'en' && t.en !== undefined ? t.en : t.sv;
}

const MONTHS: Record<OutputLang, readonly string[]> = {
  sv: ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};
const WEEKDAYS: Record<OutputLang, readonly string[]> = {
  sv: ['mån', 'tis', 'ons', 'tor', 'fre', 'lör', 'sön'],
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
};

/** `1 oktober 2027` / `1 October 2027`. */
export function longDate(date: string, lang: OutputLang, withYear = true): string {
  const d = Number(date.slice(8, 10));
  const m = MONTHS[lang][Number(date.slice(5, 7)) - 1]!;
  return withYear ? `${d} ${m} ${Number(date.slice(0, 4))}` : `${d} ${m}`;
}

/** `mån 2027-03-15`: the weekday helps a reader see why a date was moved. */
export function dayAndDate(date: string, lang: OutputLang): string {
  return `${WEEKDAYS[lang][weekday(date) - 1]!} ${date}`;
}

/** Why a day is not a working day: `lördag`, `söndag` or the holiday's name. */
export function whyNotWorking(date: string, lang: OutputLang): string {
  const h = holidaysOn(date)[0];
  if (h) return lang === 'sv' ? h.name : `${h.name} (a Swedish holiday)`;
  const wd = weekday(date);
  if (lang === 'sv') return wd === 6 ? 'en lördag' : wd === 7 ? 'en söndag' : 'en vardag';
  return wd === 6 ? 'a Saturday' : wd === 7 ? 'a Sunday' : 'a working day';
}

/** `mars 2027`, `kvartal 1 2027`, `år 2027`, `1 oktober 2027`. */
export function periodLabel(p: ReportingPeriod, lang: OutputLang): string {
  const y = Number(p.start.slice(0, 4));
  switch (p.kind) {
    case 'month':
      return `${MONTHS[lang][Number(p.start.slice(5, 7)) - 1]!} ${y}`;
    case 'quarter':
      return lang === 'sv' ? `kvartal ${p.id.slice(-1)} ${y}` : `Q${p.id.slice(-1)} ${y}`;
    case 'year':
      return lang === 'sv' ? `år ${y}` : `year ${y}`;
    case 'snapshot':
      return longDate(p.start, lang);
  }
}

/** How the period is cut, e.g. `kalendermånad` or `läget den 1 oktober varje år`. */
export function periodRuleText(p: PeriodRule, lang: OutputLang): string {
  const sv = lang === 'sv';
  switch (p.kind) {
    case 'month':
      return sv ? 'kalendermånad' : 'calendar month';
    case 'quarter':
      return sv ? 'kalenderkvartal' : 'calendar quarter';
    case 'year':
      return sv ? 'kalenderår' : 'calendar year';
    case 'snapshot': {
      const day = longDate(`2000-${(p.date ?? '--01-01').slice(2)}`, lang, false);
      return sv ? `läget den ${day} varje år` : `the situation on ${day} each year`;
    }
    case 'continuous':
      return sv ? 'löpande (varje händelse för sig)' : 'continuous (each event on its own)';
  }
}

/** When a submission is due, in words, including what happens on a non-working day. */
export function deadlineRuleText(d: DeadlineRule, p: PeriodRule, lang: OutputLang): string {
  const sv = lang === 'sv';
  const after = p.kind === 'continuous' ? (sv ? 'händelsen' : 'the event') : sv ? 'perioden' : 'the period';
  let rule: string;
  switch (d.kind) {
    case 'day-of-next-month':
      rule = sv ? `den ${d.day ?? 1} i månaden efter ${after}` : `day ${d.day ?? 1} of the month after ${after}`;
      break;
    case 'fixed': {
      const day = longDate(`2000-${(d.date ?? '--01-01').slice(2)}`, lang, false);
      rule = p.kind === 'snapshot' ? (sv ? `den ${day}` : `${day}`) : sv ? `den ${day} efter ${after}s slut` : `${day} after the end of ${after}`;
      if (p.kind === 'continuous') rule = sv ? `den ${day} efter ${after}` : `${day} after ${after}`;
      break;
    }
    case 'days-after-period-end':
      rule =
        p.kind === 'continuous'
          ? sv ? `${d.days ?? 0} dagar efter ${after}` : `${d.days ?? 0} days after ${after}`
          : sv ? `${d.days ?? 0} dagar efter periodens slut` : `${d.days ?? 0} days after the end of the period`;
      break;
  }
  const adjust =
    d.adjust === 'next-working-day'
      ? sv ? 'flyttas till nästa vardag om dagen är en lördag, söndag eller helgdag' : 'moved to the next working day if it falls on a weekend or holiday'
      : sv ? 'flyttas inte om dagen är en helgdag' : 'not moved if it falls on a weekend or holiday';
  return `${sv ? 'senast ' : 'by '}${rule}; ${adjust}`;
}

/** Requiredness in words. */
export function requiredText(r: 'required' | 'if-documented' | 'optional', lang: OutputLang): string {
  const t = { required: ['obligatorisk', 'required'], 'if-documented': ['om dokumenterad', 'if documented'], optional: ['frivillig', 'optional'] } as const;
  return t[r][lang === 'sv' ? 0 : 1];
}

/** A value type in words. */
export function valueTypeText(v: string, lang: OutputLang): string {
  const t: Record<string, readonly [string, string]> = {
    string: ['text', 'text'],
    integer: ['heltal', 'integer'],
    decimal: ['decimaltal', 'decimal'],
    boolean: ['sant/falskt', 'true/false'],
    date: ['datum ÅÅÅÅ-MM-DD', 'date YYYY-MM-DD'],
    code: ['kod', 'code'],
    'personal-identity-number': ['personnummer eller samordningsnummer', 'personal identity or coordination number'],
    'organisation-number': ['organisationsnummer', 'organisation number'],
    'municipality-code': ['kommunkod', 'municipality code'],
  };
  const w = t[v];
  return w ? w[lang === 'sv' ? 0 : 1] : v;
}

/** A channel in words. */
export function channelText(c: string, lang: OutputLang): string {
  const t: Record<string, readonly [string, string]> = { filoverforing: ['filöverföring', 'file transfer'], 'e-tjanst': ['e-tjänst', 'e-service'], api: ['API', 'API'] };
  const w = t[c];
  return w ? w[lang === 'sv' ? 0 : 1] : c;
}

/** A lifecycle status in words. */
export function statusText(s: string, lang: OutputLang): string {
  const t: Record<string, readonly [string, string]> = {
    draft: ['utkast', 'draft'],
    published: ['fastställd', 'published'],
    active: ['gäller', 'active'],
    deprecated: ['fasas ut', 'deprecated'],
    retired: ['upphörd', 'retired'],
  };
  const w = t[s];
  return w ? w[lang === 'sv' ? 0 : 1] : s;
}

/** A rule severity in words. */
export function severityText(s: string, lang: OutputLang): string {
  const t: Record<string, readonly [string, string]> = {
    fatal: ['filen avvisas', 'file rejected'],
    error: ['fel', 'error'],
    warning: ['varning', 'warning'],
    info: ['information', 'information'],
  };
  const w = t[s];
  return w ? w[lang === 'sv' ? 0 : 1] : s;
}

/** A number of rules of one severity: `1 som avvisar filen`, `7 fel`, `3 varningar`. */
export function severityCount(n: number, s: string, lang: OutputLang): string {
  const sv = lang === 'sv';
  switch (s) {
    case 'fatal':
      return sv ? `${n} som avvisar filen` : `${n} rejecting the file`;
    case 'error':
      return sv ? `${n} fel` : `${n} error${n === 1 ? '' : 's'}`;
    case 'warning':
      return sv ? `${n} ${n === 1 ? 'varning' : 'varningar'}` : `${n} warning${n === 1 ? '' : 's'}`;
    default:
      return sv ? `${n} ${n === 1 ? 'upplysning' : 'upplysningar'}` : `${n} info`;
  }
}

/** `från 2027-01-01`, `till och med 2029-12-31`, `2027-01-01 – 2029-12-31`, or `tills vidare`. */
export function validityText(v: { readonly validFrom?: string; readonly validTo?: string }, lang: OutputLang): string {
  const sv = lang === 'sv';
  if (v.validFrom !== undefined && v.validTo !== undefined) return `${v.validFrom} – ${v.validTo}`;
  if (v.validFrom !== undefined) return sv ? `från ${v.validFrom}` : `from ${v.validFrom}`;
  if (v.validTo !== undefined) return sv ? `till och med ${v.validTo}` : `until ${v.validTo}`;
  return sv ? 'tills vidare' : 'until further notice';
}
