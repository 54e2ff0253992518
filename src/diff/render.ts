import type { Lang } from '../diagnostics/types.js';
import type {
  CatalogueDiff,
  Change,
  ChangeKind,
  Compatibility,
  DiffEntityKind,
  DiffItemKind,
  DiffLevel,
  JsonValue,
  ReporterImpact,
  SchemaComparison,
  VendorImpact,
} from './types.js';
import { CHANGE_KINDS } from './types.js';

/** Output formats of a diff. */
export type DiffFormat = 'text' | 'markdown' | 'json';

type Words = Readonly<Record<Lang, string>>;

const ENTITY: Readonly<Record<DiffEntityKind, Words>> = {
  manifest: { sv: 'katalogen', en: 'catalogue' },
  term: { sv: 'begreppet', en: 'term' },
  classification: { sv: 'klassifikationen', en: 'classification' },
  'data-element': { sv: 'uppgiften', en: 'data element' },
  'record-type': { sv: 'posttypen', en: 'record type' },
  obligation: { sv: 'uppgiftsskyldigheten', en: 'obligation' },
};

const ITEM: Readonly<Record<DiffItemKind, Words>> = {
  code: { sv: 'kod', en: 'code' },
  element: { sv: 'uppgiften', en: 'element' },
  'record-type': { sv: 'posttypen', en: 'record type' },
  rule: { sv: 'regeln', en: 'rule' },
};

const KIND: Readonly<Record<ChangeKind, Words & { readonly plural: Words }>> = {
  added: { sv: 'tillagd', en: 'added', plural: { sv: 'tillagda', en: 'added' } },
  removed: { sv: 'borttagen', en: 'removed', plural: { sv: 'borttagna', en: 'removed' } },
  changed: { sv: 'ändrad', en: 'changed', plural: { sv: 'ändrade', en: 'changed' } },
  deprecated: { sv: 'utfasad', en: 'deprecated', plural: { sv: 'utfasade', en: 'deprecated' } },
  replaced: { sv: 'ersatt', en: 'replaced', plural: { sv: 'ersatta', en: 'replaced' } },
};

const LEVEL: Readonly<Record<DiffLevel, Words>> = {
  major: { sv: 'major – ändringar som kan bryta befintliga filer, system eller rutiner', en: 'major – changes that can break existing files, systems or routines' },
  minor: { sv: 'minor – tillägg och lättnader som inte bryter något befintligt', en: 'minor – additions and relaxations that break nothing existing' },
  patch: { sv: 'patch – bara text', en: 'patch – text only' },
  none: { sv: 'inga ändringar', en: 'no changes' },
};

/** Reporter impacts in the order the changelog lists them: what demands action first. */
const REPORTER: Readonly<Record<ReporterImpact, Words>> = {
  'new-required-element': { sv: 'Ny obligatorisk uppgift', en: 'New required element' },
  'now-required': { sv: 'Uppgiften blir obligatorisk', en: 'Element becomes required' },
  'removed-element': { sv: 'Uppgift som inte längre ska lämnas', en: 'Element no longer reported' },
  'removed-code': { sv: 'Kod som inte längre får användas', en: 'Code that may no longer be used' },
  'changed-value': { sv: 'Ändrat format eller tillåtna värden', en: 'Changed value format or allowed values' },
  'new-obligation': { sv: 'Ny uppgiftsskyldighet', en: 'New reporting obligation' },
  'new-record-type': { sv: 'Ny posttyp att rapportera', en: 'New record type to report' },
  'changed-scope': { sv: 'Ändrat vem som rapporterar eller om vilka', en: 'Changed who reports or about whom' },
  'changed-period': { sv: 'Ändrad redovisningsperiod', en: 'Changed reporting period' },
  'changed-deadline': { sv: 'Ändrad sista dag för inlämning', en: 'Changed deadline' },
  'changed-channel': { sv: 'Ändrad inlämningskanal', en: 'Changed channel' },
  'changed-formats': { sv: 'Ändrade filformat', en: 'Changed file formats' },
  'changed-phase': { sv: 'Ändrat datum för när något ska rapporteras', en: 'Changed phase dates' },
  'new-rule': { sv: 'Ny kontroll av inlämnade uppgifter', en: 'New validation rule' },
  'changed-rule': { sv: 'Ändrad kontroll', en: 'Changed validation rule' },
  'code-validity': { sv: 'Ändrad giltighetstid för kod', en: 'Changed code validity' },
  'replaced-code': { sv: 'Kod som ersätts', en: 'Replaced code' },
  'deprecated-code': { sv: 'Kod som fasas ut', en: 'Deprecated code' },
  'new-code': { sv: 'Ny kod', en: 'New code' },
  'new-optional-element': { sv: 'Ny uppgift som lämnas om den finns', en: 'New optional or if-documented element' },
  'changed-requiredness': { sv: 'Ändrad uppgiftsplikt', en: 'Changed requiredness' },
  'no-longer-required': { sv: 'Uppgiften är inte längre obligatorisk', en: 'Element no longer required' },
  'removed-rule': { sv: 'Kontroll som tas bort', en: 'Validation rule removed' },
  'removed-obligation': { sv: 'Uppgiftsskyldighet som upphör', en: 'Obligation removed' },
  'removed-record-type': { sv: 'Posttyp som inte längre ska rapporteras', en: 'Record type no longer reported' },
};

const VENDOR: Readonly<Record<VendorImpact, Words>> = {
  'type-changed': { sv: 'Ändrad datatyp', en: 'Type changed' },
  'schema-removed': { sv: 'Borttaget schema', en: 'Schema removed' },
  'property-removed': { sv: 'Borttagen egenskap', en: 'Property removed' },
  'property-required': { sv: 'Ny obligatorisk egenskap', en: 'Property now required' },
  'values-removed': { sv: 'Färre tillåtna värden', en: 'Allowed values removed' },
  'constraint-tightened': { sv: 'Skärpt begränsning', en: 'Constraint tightened' },
  'constraint-changed': { sv: 'Ändrad begränsning', en: 'Constraint changed' },
  'rule-added': { sv: 'Ny regel i validerarna', en: 'Rule added to validators' },
  'rule-changed': { sv: 'Ändrad regel i validerarna', en: 'Rule changed in validators' },
  'schema-added': { sv: 'Nytt schema', en: 'New schema' },
  'property-added': { sv: 'Ny egenskap', en: 'Property added' },
  'property-optional': { sv: 'Egenskap inte längre obligatorisk', en: 'Property no longer required' },
  'values-added': { sv: 'Fler tillåtna värden', en: 'Allowed values added' },
  'constraint-loosened': { sv: 'Lättad begränsning', en: 'Constraint loosened' },
  'rule-removed': { sv: 'Regel borttagen ur validerarna', en: 'Rule removed from validators' },
};

const COMPAT: Readonly<Record<Compatibility | 'added' | 'removed', Words>> = {
  full: { sv: 'fullt kompatibelt', en: 'fully compatible' },
  backward: { sv: 'bakåtkompatibelt', en: 'backward compatible' },
  forward: { sv: 'framåtkompatibelt', en: 'forward compatible' },
  none: { sv: 'inte kompatibelt', en: 'not compatible' },
  added: { sv: 'nytt schema', en: 'new schema' },
  removed: { sv: 'schemat finns inte längre', en: 'schema removed' },
};

const T = {
  title: { sv: (id: string, from: string, to: string) => `Ändringar i ${id} från ${from} till ${to}`, en: (id: string, from: string, to: string) => `Changes in ${id} from ${from} to ${to}` },
  mdTitle: { sv: (id: string, to: string) => `Vad har ändrats i ${id} ${to}?`, en: (id: string, to: string) => `What changed in ${id} ${to}?` },
  compared: { sv: (from: string) => `Jämfört med version ${from}.`, en: (from: string) => `Compared with version ${from}.` },
  level: { sv: 'Versionsnivå', en: 'Version level' },
  count: { sv: (n: number) => `${n} ${n === 1 ? 'ändring' : 'ändringar'}`, en: (n: number) => `${n} change${n === 1 ? '' : 's'}` },
  reporters: { sv: 'För uppgiftslämnare', en: 'For reporters' },
  vendors: { sv: 'För systemleverantörer', en: 'For system vendors' },
  all: { sv: 'Alla ändringar', en: 'All changes' },
  noReporter: { sv: 'Inga ändringar som påverkar vad eller hur ni rapporterar.', en: 'No changes to what or how you report.' },
  noVendor: { sv: 'Inga ändringar i scheman, typer eller validerare.', en: 'No changes to schemas, types or validators.' },
  noChanges: { sv: 'Inga ändringar.', en: 'No changes.' },
  schemas: { sv: 'JSON Schema', en: 'JSON Schema' },
  schema: { sv: 'Schema', en: 'Schema' },
  oldData: { sv: 'Gamla filer godtas av nya schemat', en: 'Old files valid under the new schema' },
  oldValidator: { sv: 'Gammal validerare godtar nya filer', en: 'Old validator accepts new files' },
  compat: { sv: 'Kompatibilitet', en: 'Compatibility' },
  yes: { sv: 'ja', en: 'yes' },
  no: { sv: 'nej', en: 'no' },
  change: { sv: 'Ändring', en: 'Change' },
  where: { sv: 'Var', en: 'Where' },
  before: { sv: 'Före', en: 'Before' },
  after: { sv: 'Efter', en: 'After' },
  notCompared: {
    sv: 'Schemana jämfördes inte (kör kodkatalog diff för att få jämförelsen).',
    en: 'The schemas were not compared (run kodkatalog diff to get the comparison).',
  },
};

/** "klassifikationen insatstyp, kod 12 (Kontaktperson)". */
function subject(c: Change, lang: Lang, code: (s: string) => string = (s) => s, prose: (s: string) => string = (s) => s): string {
  let s = `${ENTITY[c.entity.kind][lang]} ${code(c.entity.id)}`;
  if (c.entity.kind === 'manifest') s = lang === 'sv' ? 'katalogen' : 'the catalogue';
  if (c.item) {
    s += `, ${ITEM[c.item.kind][lang]} ${code(c.item.id)}`;
    if (c.item.label) s += ` (${prose(lang === 'en' && c.item.label.en ? c.item.label.en : c.item.label.sv)})`;
  }
  return s;
}

/** A short form of a value; long ones are cut so a line stays readable (the JSON output has them whole). */
function short(v: JsonValue | undefined, max = 80): string {
  if (v === undefined) return '–';
  const s = JSON.stringify(v);
  return s.length > max ? `${s.slice(0, max - 3)}...` : s;
}

/** Whether before/after say something beyond the subject (not for whole entities or whole items). */
function showsValues(c: Change): boolean {
  if (c.pointer === '') return false;
  const itemPointerDepth = c.item ? (c.item.kind === 'element' && c.entity.kind === 'obligation' ? 4 : 2) : 0;
  return !(c.item && c.pointer.split('/').length - 1 <= itemPointerDepth && c.kind !== 'changed' && c.kind !== 'replaced');
}

/** The part of the pointer below the item, e.g. `/label/sv` for `/codes/12/label/sv`. */
function field(c: Change): string {
  const parts = c.pointer.split('/').slice(1);
  const depth = c.item ? (c.entity.kind === 'obligation' && c.item.kind === 'element' ? 4 : 2) : 0;
  const rest = parts.slice(depth);
  return rest.length > 0 ? `/${rest.join('/')}` : '';
}

function valuesText(c: Change): string {
  if (!showsValues(c)) return '';
  const f = field(c);
  const values = c.kind === 'added' && c.before === undefined ? short(c.after) : c.kind === 'removed' && c.after === undefined ? short(c.before) : `${short(c.before)} → ${short(c.after)}`;
  return ` (${f ? `${f}: ` : ''}${values})`;
}

function countsLine(d: CatalogueDiff, lang: Lang): string {
  const total = d.changes.length;
  const parts = CHANGE_KINDS.filter((k) => d.counts[k] > 0).map((k) => `${d.counts[k]} ${d.counts[k] === 1 ? KIND[k][lang] : KIND[k].plural[lang]}`);
  return `${T.count[lang](total)}${parts.length ? `: ${parts.join(', ')}` : ''}.`;
}

const REPORTER_ORDER = Object.keys(REPORTER) as ReporterImpact[];
const VENDOR_ORDER = Object.keys(VENDOR) as VendorImpact[];

/** Changes with an impact, most demanding impact first, otherwise in diff order (the sort is stable). */
function byImpact<K extends string>(changes: readonly Change[], key: 'reporters' | 'vendors', order: readonly K[]): Change[] {
  return changes.filter((c) => c[key] !== undefined).sort((a, b) => order.indexOf(a[key] as K) - order.indexOf(b[key] as K));
}

const yesNo = (ok: boolean, lang: Lang): string => (ok ? T.yes[lang] : T.no[lang]);
const acceptsOld = (s: SchemaComparison): boolean => s.compatibility === 'full' || s.compatibility === 'backward';
const acceptsNew = (s: SchemaComparison): boolean => s.compatibility === 'full' || s.compatibility === 'forward';

function renderText(d: CatalogueDiff, lang: Lang): string {
  const lines: string[] = [];
  lines.push(T.title[lang](d.to.id, d.from.version, d.to.version));
  lines.push(`${T.level[lang]}: ${LEVEL[d.level][lang]}.`);
  lines.push(countsLine(d, lang));
  if (d.changes.length === 0 && !(d.schemas ?? []).some((s) => s.status !== 'compared' || s.compatibility !== 'full')) return lines.join('\n') + '\n';

  lines.push('', T.reporters[lang]);
  const reporters = byImpact(d.changes, 'reporters', REPORTER_ORDER);
  if (reporters.length === 0) lines.push(`  ${T.noReporter[lang]}`);
  for (const c of reporters) lines.push(`  - ${REPORTER[c.reporters!][lang]}: ${subject(c, lang)}${valuesText(c)} [${c.level}]`);

  lines.push('', T.vendors[lang]);
  const changedSchemas = (d.schemas ?? []).filter((s) => s.status !== 'compared' || s.compatibility !== 'full');
  if (d.schemas) {
    for (const s of changedSchemas) {
      const what = s.status === 'compared' ? s.compatibility! : s.status;
      const detail =
        s.status === 'compared' ? ` (${T.oldData[lang].toLowerCase()}: ${yesNo(acceptsOld(s), lang)}; ${T.oldValidator[lang].toLowerCase()}: ${yesNo(acceptsNew(s), lang)})` : '';
      lines.push(`  ${s.path}: ${COMPAT[what][lang]}${detail}`);
    }
  } else lines.push(`  ${T.notCompared[lang]}`);
  const vendors = byImpact(d.changes, 'vendors', VENDOR_ORDER);
  if (vendors.length === 0 && changedSchemas.length === 0) lines.push(`  ${T.noVendor[lang]}`);
  for (const c of vendors) lines.push(`  - ${VENDOR[c.vendors!][lang]}: ${subject(c, lang)}${valuesText(c)} [${c.level}]`);

  lines.push('', T.all[lang]);
  for (const c of d.changes) {
    const values = c.pointer === '' ? '' : ` ${c.pointer}: ${short(c.before)} → ${short(c.after)}`;
    lines.push(`  ${KIND[c.kind][lang].padEnd(10)} ${subject(c, lang)}${values} [${c.level}]`);
  }
  return lines.join('\n') + '\n';
}

/** Escapes text for a Markdown table cell or list item. */
function md(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/([*_[\]<>])/g, '\\$1');
}

/** A code span that survives backticks inside (CommonMark: a longer fence). */
function codeSpan(s: string): string {
  const fence = s.includes('`') ? '``' : '`';
  return `${fence}${s.includes('`') ? ` ${s} ` : s}${fence}`.replace(/\|/g, '\\|');
}

function mdValues(c: Change): string {
  if (!showsValues(c)) return '';
  const f = field(c);
  const values =
    c.kind === 'added' && c.before === undefined
      ? codeSpan(short(c.after))
      : c.kind === 'removed' && c.after === undefined
        ? codeSpan(short(c.before))
        : `${codeSpan(short(c.before))} → ${codeSpan(short(c.after))}`;
  return ` (${f ? `${codeSpan(f)}: ` : ''}${values})`;
}

function renderMarkdown(d: CatalogueDiff, lang: Lang): string {
  const out: string[] = [];
  out.push(`# ${md(T.mdTitle[lang](d.to.id, d.to.version))}`, '');
  out.push(`${T.compared[lang](d.from.version)} ${T.level[lang]}: **${LEVEL[d.level][lang]}**.`, '');
  out.push(md(countsLine(d, lang)), '');

  out.push(`## ${T.reporters[lang]}`, '');
  const reporters = byImpact(d.changes, 'reporters', REPORTER_ORDER);
  if (reporters.length === 0) out.push(T.noReporter[lang]);
  for (const c of reporters) out.push(`- **${REPORTER[c.reporters!][lang]}:** ${subject(c, lang, codeSpan, md)}${mdValues(c)}`);
  out.push('');

  out.push(`## ${T.vendors[lang]}`, '');
  const changedSchemas = (d.schemas ?? []).filter((s) => s.status !== 'compared' || s.compatibility !== 'full');
  if (d.schemas && changedSchemas.length > 0) {
    out.push(`| ${T.schema[lang]} | ${T.compat[lang]} | ${T.oldData[lang]} | ${T.oldValidator[lang]} |`, '| --- | --- | --- | --- |');
    for (const s of changedSchemas) {
      const what = s.status === 'compared' ? s.compatibility! : s.status;
      const cells = s.status === 'compared' ? `${yesNo(acceptsOld(s), lang)} | ${yesNo(acceptsNew(s), lang)}` : '– | –';
      out.push(`| ${codeSpan(s.path)} | ${COMPAT[what][lang]} | ${cells} |`);
    }
    out.push('');
  } else if (!d.schemas) out.push(T.notCompared[lang], '');
  const vendors = byImpact(d.changes, 'vendors', VENDOR_ORDER);
  if (vendors.length === 0 && changedSchemas.length === 0) out.push(T.noVendor[lang], '');
  for (const c of vendors) out.push(`- **${VENDOR[c.vendors!][lang]}:** ${subject(c, lang, codeSpan, md)}${mdValues(c)}`);
  if (vendors.length > 0) out.push('');

  out.push(`## ${T.all[lang]}`, '');
  if (d.changes.length === 0) out.push(T.noChanges[lang], '');
  else {
    out.push(`| ${T.change[lang]} | ${T.where[lang]} | ${T.before[lang]} | ${T.after[lang]} | ${T.level[lang]} |`, '| --- | --- | --- | --- | --- |');
    for (const c of d.changes) {
      const where = `${subject(c, lang, codeSpan, md)}${c.pointer ? ` ${codeSpan(c.pointer)}` : ''}`;
      const cell = (v: JsonValue | undefined): string => (v === undefined || c.pointer === '' ? '' : codeSpan(short(v)));
      out.push(`| ${KIND[c.kind][lang]} | ${where} | ${cell(c.before)} | ${cell(c.after)} | ${c.level} |`);
    }
    out.push('');
  }
  return out.join('\n');
}

/**
 * Renders a diff: `text` for a terminal, `markdown` as a changelog ready to publish (grouped by
 * audience), `json` as the diff itself. Swedish by default, English with `lang: 'en'`.
 */
export function renderDiff(diff: CatalogueDiff, format: DiffFormat, lang: Lang): string {
  switch (format) {
    case 'json':
      return JSON.stringify(diff, null, 2) + '\n';
    case 'markdown':
      return renderMarkdown(diff, lang);
    case 'text':
      return renderText(diff, lang);
  }
}

/** One change as a changelog shows it, in words, for renderers that add their own markup and links (the docs site). */
export interface ChangelogLine {
  /** What the change means for the audience, e.g. "Ny kod"; for changes without an impact, the kind, e.g. "Ändrad". */
  readonly heading: string;
  /** The change itself. */
  readonly change: Change;
  /** The word for the entity, e.g. "uppgiften"; "katalogen" for the manifest (whose id is then not shown). */
  readonly entityWord: string;
  /** The word for the part of the entity, e.g. "kod", when the change is about one. */
  readonly itemWord?: string;
  /**
   * The field below the entity or part (e.g. `/status`, empty for the part itself) and the values
   * before and after, short forms as JSON; absent when the subject says it all (a whole entity or
   * part added or removed).
   */
  readonly values?: { readonly field: string; readonly before?: string; readonly after?: string };
}

/** A generated schema that changed between the versions, in words. */
export interface ChangelogSchema {
  /** Path as built, e.g. `json-schema/record-types/insats.schema.json`. */
  readonly path: string;
  /** The compatibility in words, e.g. "bakåtkompatibelt", or "nytt schema". */
  readonly compatibility: string;
  /** For a compared schema: whether files valid under the old schema are valid under the new. */
  readonly oldFilesValid?: boolean;
  /** For a compared schema: whether the old schema (an old validator) accepts files valid under the new. */
  readonly oldValidatorAccepts?: boolean;
}

/** A diff as a changelog: the same grouping, order and words as the Markdown changelog, as data. */
export interface Changelog {
  /** The version class of the whole diff. */
  readonly level: DiffLevel;
  /** The version class in words, e.g. "minor – tillägg och lättnader som inte bryter något befintligt". */
  readonly levelText: string;
  /** Number of changes, e.g. "9 ändringar: 5 tillagda, 2 ändrade, 1 utfasad, 1 ersatt." */
  readonly counts: string;
  /** Changes that matter to municipalities and providers that report, what demands action first. */
  readonly reporters: readonly ChangelogLine[];
  /** Changes to the schemas, types and validators that system vendors build on, what breaks first. */
  readonly vendors: readonly ChangelogLine[];
  /** Changes that matter to neither (wording, names, English text), in diff order. */
  readonly other: readonly ChangelogLine[];
  /** Schemas that are no longer fully compatible, added or removed; undefined when the schemas were not compared. */
  readonly schemas?: readonly ChangelogSchema[];
}

/** The field and values of a change for a changelog line, or undefined when the subject says it all. */
function lineValues(c: Change, max: number): ChangelogLine['values'] {
  if (!showsValues(c)) return undefined;
  const f = field(c);
  if (c.kind === 'added' && c.before === undefined) return { field: f, after: short(c.after, max) };
  if (c.kind === 'removed' && c.after === undefined) return { field: f, before: short(c.before, max) };
  return { field: f, before: short(c.before, max), after: short(c.after, max) };
}

/**
 * A diff as a changelog grouped by audience, in words but without markup: for renderers that add
 * their own (the docs site links each subject to its page). Swedish with `lang: 'sv'`. Values
 * longer than `valueLength` characters (as JSON; default 80, as in the text and Markdown forms)
 * are cut with "...".
 */
export function changelogOf(diff: CatalogueDiff, lang: Lang, options: { readonly valueLength?: number } = {}): Changelog {
  const max = Math.max(options.valueLength ?? 80, 8);
  const line = (c: Change, heading: string): ChangelogLine => {
    const values = lineValues(c, max);
    return {
      heading,
      change: c,
      entityWord: c.entity.kind === 'manifest' ? (lang === 'sv' ? 'katalogen' : 'the catalogue') : ENTITY[c.entity.kind][lang],
      ...(c.item ? { itemWord: ITEM[c.item.kind][lang] } : {}),
      ...(values ? { values } : {}),
    };
  };
  const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
  const schemas = diff.schemas
    ?.filter((s) => s.status !== 'compared' || s.compatibility !== 'full')
    .map((s): ChangelogSchema => ({
      path: s.path,
      compatibility: COMPAT[s.status === 'compared' ? s.compatibility! : s.status][lang],
      ...(s.status === 'compared' ? { oldFilesValid: acceptsOld(s), oldValidatorAccepts: acceptsNew(s) } : {}),
    }));
  return {
    level: diff.level,
    levelText: LEVEL[diff.level][lang],
    counts: countsLine(diff, lang),
    reporters: byImpact(diff.changes, 'reporters', REPORTER_ORDER).map((c) => line(c, REPORTER[c.reporters!][lang])),
    vendors: byImpact(diff.changes, 'vendors', VENDOR_ORDER).map((c) => line(c, VENDOR[c.vendors!][lang])),
    other: diff.changes.filter((c) => c.reporters === undefined && c.vendors === undefined).map((c) => line(c, capital(KIND[c.kind][lang]))),
    ...(schemas ? { schemas } : {}),
  };
}

/** A version class in words, e.g. "patch – bara text" (also for the `level` of a release entry). */
export function levelWords(level: DiffLevel, lang: Lang): string {
  return LEVEL[level][lang];
}

/** A one-line summary of a diff, for a release entry: counts and version level. */
export function summarizeDiff(diff: CatalogueDiff, lang: Lang): string {
  const parts = CHANGE_KINDS.filter((k) => diff.counts[k] > 0).map((k) => `${diff.counts[k]} ${diff.counts[k] === 1 ? KIND[k][lang] : KIND[k].plural[lang]}`);
  const since = lang === 'sv' ? `sedan ${diff.from.version}` : `since ${diff.from.version}`;
  return `${T.count[lang](diff.changes.length)} ${since}${parts.length ? ` (${parts.join(', ')})` : ''}. ${T.level[lang]}: ${diff.level}.`;
}
