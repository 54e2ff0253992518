// Shared vocabulary of the documentation site: relative links, Swedish order, and the Swedish words
// for every enumerated value of the model. Kept in one place so each page says the same thing the
// same way, and so a wording change is one edit.
import type {
  Code,
  Obligation,
  PeriodKind,
  PrivacyCategory,
  Requiredness,
  RuleSeverity,
  RuleShape,
  Sensitivity,
  Status,
  ValueType,
} from '../../src/index.js';

/**
 * Swedish collation (å, ä, ö after z). One instance: creating a collator is slow, and every index
 * sorts with it. `numeric` so that "Kod 2" comes before "Kod 10".
 */
export const swedish = new Intl.Collator('sv', { numeric: true });

/** Sorts a copy by a Swedish key, ties broken by a second key so the order is total and stable. */
export function sortSwedish<T>(items: readonly T[], key: (t: T) => string, tie: (t: T) => string = key): T[] {
  return [...items].sort((a, b) => swedish.compare(key(a), key(b)) || (tie(a) < tie(b) ? -1 : tie(a) > tie(b) ? 1 : 0));
}

/**
 * The link from page `from` to `to`, both relative to the site root (e.g. `regler/x.html` to
 * `uppgifter/y.html#z`). Every link of the site is relative, so the site works from disk
 * (file://) and under any folder of any static server.
 */
export function relativeHref(from: string, to: string): string {
  const hash = to.indexOf('#');
  const target = hash >= 0 ? to.slice(0, hash) : to;
  const fragment = hash >= 0 ? to.slice(hash) : '';
  const fromDir = from.split('/').slice(0, -1);
  const toParts = target.split('/');
  let common = 0;
  while (common < fromDir.length && common < toParts.length - 1 && fromDir[common] === toParts[common]) common++;
  const up = fromDir.length - common;
  const rest = toParts.slice(common).join('/');
  const path = '../'.repeat(up) + rest;
  // A link to the page itself keeps only the fragment, so the browser does not reload.
  if (target === from && fragment) return fragment;
  return path + fragment;
}

/** The path from a page to the site root, e.g. `../` for `regler/x.html`. */
export function rootOf(page: string): string {
  return '../'.repeat(page.split('/').length - 1);
}

/**
 * The HTML id of a code on its classification page. Codes may hold any character but space,
 * semicolon and quote; everything outside `[A-Za-z0-9.-]` is written as `_<hex>_`, which keeps
 * ids unique, valid in a URL fragment without escaping, and readable for ordinary codes.
 */
export function codeAnchor(code: string): string {
  return 'kod-' + [...code].map((ch) => (/[A-Za-z0-9.-]/.test(ch) ? ch : `_${ch.codePointAt(0)!.toString(16)}_`)).join('');
}

export const statusLabel: Readonly<Record<Status, string>> = {
  draft: 'Utkast',
  active: 'Gällande',
  deprecated: 'Utgående',
  retired: 'Upphörd',
};

/** What each status means for a reporter, for explanations next to the badges. */
export const statusMeaning: Readonly<Record<Status, string>> = {
  draft: 'förslag som ännu inte är fastställt',
  active: 'gäller och används',
  deprecated: 'gäller fortfarande men ska fasas ut; använd ersättaren för nya uppgifter',
  retired: 'gäller inte längre och får inte användas för nya uppgifter',
};

export const termStatusLabel = {
  recommended: 'Rekommenderad term',
  allowed: 'Tillåten term',
  discouraged: 'Avrådd term',
} as const;

export const requiredLabel: Readonly<Record<Requiredness, string>> = {
  required: 'Obligatorisk',
  'if-documented': 'Om den finns dokumenterad',
  optional: 'Frivillig',
};

export const severityLabel: Readonly<Record<RuleSeverity, string>> = {
  fatal: 'Kritiskt fel',
  error: 'Fel',
  warning: 'Varning',
  info: 'Information',
};

export const severityMeaning: Readonly<Record<RuleSeverity, string>> = {
  fatal: 'Filen kan inte tas emot förrän felet är rättat.',
  error: 'Posten avvisas och behöver rättas och lämnas på nytt.',
  warning: 'Posten tas emot, men uppgiften är troligen fel och bör kontrolleras.',
  info: 'Posten tas emot; meddelandet är bara en upplysning.',
};

export const valueTypeLabel: Readonly<Record<ValueType, string>> = {
  string: 'Text',
  integer: 'Heltal',
  decimal: 'Decimaltal (punkt som decimaltecken)',
  boolean: 'Ja eller nej (true/false)',
  date: 'Datum (ÅÅÅÅ-MM-DD)',
  code: 'Kod ur en klassifikation',
  'personal-identity-number': 'Personnummer eller samordningsnummer (tolv siffror)',
  'organisation-number': 'Organisationsnummer (tio siffror)',
  'municipality-code': 'Kommunkod (fyra siffror)',
};

/** The personal-data categories, numbered as in the proposed ordinance (Ds 2024:13). */
export const categoryLabel: Readonly<Record<PrivacyCategory, string>> = {
  identity: '1. Identitet: personnummer eller samordningsnummer, kön, födelseår, folkbokföringsort och födelseort',
  'investigation-decision': '2. Utredningsåtgärder och beslut',
  'intervention-activity': '3. Insatser och aktiviteter',
  'actualisation-cause-ending': '4. Aktualisering, orsak till insats och avslutsorsak',
  administrative: '5. Uppgifter av administrativ karaktär',
  'representative-relative': 'Ställföreträdare, vårdnadshavare eller närstående',
  'goals-results': 'Mål, måluppfyllelse och resultat (föreslås inte samlas in)',
  none: 'Inte en personuppgift',
};

/** Order of the categories on the privacy page. */
export const CATEGORY_ORDER: readonly PrivacyCategory[] = [
  'identity',
  'investigation-decision',
  'intervention-activity',
  'actualisation-cause-ending',
  'administrative',
  'representative-relative',
  'goals-results',
  'none',
];

export const sensitiveLabel: Readonly<Record<Sensitivity, string>> = {
  health: 'Uppgift om hälsa (känslig personuppgift)',
  'criminal-offence': 'Uppgift om lagöverträdelse',
};

export const shapeLabel: Readonly<Record<RuleShape, string>> = {
  'required-if': 'Villkorat krav',
  'date-order': 'Datumordning',
  'within-period': 'Inom perioden',
  'exactly-one-of': 'Exakt en av',
  'unique-key': 'Unik nyckel',
  'reference-exists': 'Hänvisning finns',
  'no-overlap': 'Ingen överlappning',
  'code-valid-on-date': 'Giltig kod på datum',
  range: 'Tillåtet intervall',
};

export const periodKindLabel: Readonly<Record<PeriodKind, string>> = {
  month: 'Månad',
  quarter: 'Kvartal',
  year: 'Kalenderår',
  snapshot: 'Läget en viss dag',
  continuous: 'Löpande',
};

export const channelLabel: Readonly<Record<Obligation['channel'], string>> = {
  filoverforing: 'Filöverföring',
  'e-tjanst': 'E-tjänst',
  api: 'API (maskin till maskin)',
};

export const formatLabel: Readonly<Record<Obligation['formats'][number], string>> = {
  csv: 'CSV (semikolonseparerad text)',
  ndjson: 'NDJSON (en JSON-post per rad)',
  json: 'JSON (en lista med poster)',
};

const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

/** `--10-01` as "1 oktober". */
export function monthDayText(md: string): string {
  const m = /^--(\d{2})-(\d{2})$/.exec(md);
  if (!m) return md;
  return `${Number(m[2])} ${MONTHS[Number(m[1]) - 1] ?? m[1]}`;
}

/** An ISO date as "1 oktober 2027"; anything else as it is. */
export function dateText(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

/** "från 1 januari 2027 till och med 31 december 2035", or "tills vidare". */
export function validityText(validFrom: string | undefined, validTo: string | undefined): string {
  if (validFrom && validTo) return `Från ${dateText(validFrom)} till och med ${dateText(validTo)}`;
  if (validFrom) return `Från ${dateText(validFrom)}, tills vidare`;
  if (validTo) return `Till och med ${dateText(validTo)}`;
  return 'Ingen tidsgräns';
}

/** What a submission covers. */
export function periodText(period: Obligation['period']): string {
  switch (period.kind) {
    case 'month':
      return 'En kalendermånad i taget.';
    case 'quarter':
      return 'Ett kvartal i taget.';
    case 'year':
      return 'Ett kalenderår i taget.';
    case 'snapshot':
      return period.date ? `Läget den ${monthDayText(period.date)} varje år.` : 'Läget en viss dag varje år.';
    case 'continuous':
      return 'Löpande: varje händelse rapporteras för sig.';
  }
}

/** When a submission is due, in words. */
export function deadlineText(o: Obligation): string {
  const d = o.deadline;
  const after = o.period.kind === 'continuous' ? 'händelsen' : 'periodens slut';
  let text: string;
  switch (d.kind) {
    case 'day-of-next-month':
      text = `Senast den ${d.day ?? 1} i månaden efter ${o.period.kind === 'continuous' ? 'händelsen' : 'perioden'}.`;
      break;
    case 'fixed':
      text = d.date ? `Senast den ${monthDayText(d.date)} närmast efter ${after}.` : 'Senast en fast dag efter perioden.';
      break;
    case 'days-after-period-end':
      text = `Senast ${d.days ?? 0} dagar efter ${after}.`;
      break;
  }
  return d.adjust === 'next-working-day'
    ? `${text} Infaller dagen på en lördag, söndag eller helgdag (också midsommarafton, julafton och nyårsafton) flyttas den till närmast följande vardag.`
    : `${text} Dagen flyttas inte om den infaller på en helgdag.`;
}

/** A code of the legal-basis, actor or area classification, as text: its label. */
export function codeLabel(c: Code): string {
  return c.label.sv;
}
