// The changelog of the documentation site: "Vad har ändrats?" lists every version of the catalogue,
// newest first, and each version has a page with its changes grouped by audience. The changes come
// from the build (context.changes: diffs against previous releases, read from git or folders by
// `kodkatalog build`), since a generator sees only the current catalogue; the release entries come
// from the manifest. Everything here is plain data for the templates, with links already relative.
import {
  changelogOf,
  changesDocPath,
  docPath,
  DOC_PAGES,
  levelWords,
  parseVersion,
  type Catalogue,
  type CatalogueDiff,
  type ChangelogLine,
  type DocKind,
  type Release,
} from '../../src/index.js';
import { codeHref, esc, type CodePlaces, type Linker } from './pages.js';
import { dateText } from './site.js';

/** Values (as JSON) longer than this are cut on a version's page; the diff's JSON form has them whole. */
const VALUE_LENGTH = 400;

/** One version of the catalogue as the changelog knows it. */
export interface VersionEntry {
  /** MAJOR.MINOR.PATCH. */
  readonly version: string;
  /** Its entry in `releases`, when it was released. */
  readonly release?: Release;
  /** What changed since its previous release, when the build knew that release. */
  readonly diff?: CatalogueDiff;
  /** True for the version the site documents. */
  readonly current: boolean;
}

/** Newest first; compares MAJOR.MINOR.PATCH as numbers. */
function newestFirst(a: string, b: string): number {
  const x = parseVersion(a);
  const y = parseVersion(b);
  if (!x || !y) return a < b ? 1 : a > b ? -1 : 0;
  return y.major - x.major || y.minor - x.minor || y.patch - x.patch;
}

/**
 * Every version the changelog lists, newest first: the entries of `releases`, the current version
 * (released or not), and any version the build has a diff for. The first entry of `releases` with
 * a version wins over a repeated one (check reports the repetition).
 */
export function versionEntries(catalogue: Catalogue, changes: readonly CatalogueDiff[]): VersionEntry[] {
  const current = catalogue.manifest.version;
  const versions = new Set<string>([current, ...catalogue.manifest.releases.map((r) => r.version), ...changes.map((d) => d.to.version)]);
  return [...versions].sort(newestFirst).map((version) => {
    const release = catalogue.manifest.releases.find((r) => r.version === version);
    const diff = changes.find((d) => d.to.version === version);
    return { version, ...(release ? { release } : {}), ...(diff ? { diff } : {}), current: version === current };
  });
}

/** True when nothing earlier is known: no diff, no recorded previous version, and no older entry. */
function isFirst(entries: readonly VersionEntry[], i: number): boolean {
  const e = entries[i]!;
  return e.diff === undefined && e.release?.previous === undefined && i === entries.length - 1;
}

/** The version a version was compared with: the diff's, else the one its release entry names. */
function previousOf(e: VersionEntry): string | undefined {
  return e.diff?.from.version ?? e.release?.previous;
}

/** "Publicerad 1 oktober 2026", "Utkast, inte publicerad än" or "Publicerad". */
function statusText(catalogue: Catalogue, e: VersionEntry): string {
  if (e.release) return `Publicerad ${dateText(e.release.date)}`;
  if (e.current && catalogue.manifest.status === 'draft') return 'Utkast, inte publicerad än';
  return 'Publicerad';
}

/** The view of the page that lists every version (DOC_PAGES.changes). */
export function changesIndexView(link: Linker, catalogue: Catalogue, entries: readonly VersionEntry[]): object {
  const current = entries.find((e) => e.current)!;
  return {
    label: catalogue.manifest.label.sv,
    version: current.version,
    currentHref: link(changesDocPath(current.version)),
    currentStatus: statusText(catalogue, current),
    only: entries.length === 1 && isFirst(entries, 0),
    versions: entries.map((e) => ({
      version: e.version,
      href: link(changesDocPath(e.version)),
      status: statusText(catalogue, e),
      current: e.current,
      level: e.diff ? levelWords(e.diff.level, 'sv') : e.release?.level ? levelWords(e.release.level, 'sv') : '–',
      previous: previousOf(e) ?? '–',
      summary: e.release?.summary?.sv ?? (e.diff ? changelogOf(e.diff, 'sv').counts : '–'),
    })),
  };
}

/** An entity's page and Swedish name in the current catalogue, when it still exists. */
function entityPage(catalogue: Catalogue, kind: DocKind, id: string): { path: string; label: string } | undefined {
  const list: readonly { id: string; label: { sv: string } }[] =
    kind === 'term' ? catalogue.terms : kind === 'classification' ? catalogue.classifications : kind === 'data-element' ? catalogue.dataElements : kind === 'record-type' ? catalogue.recordTypes : kind === 'obligation' ? catalogue.obligations : [];
  const found = list.find((x) => x.id === id);
  return found ? { path: docPath(kind, id), label: found.label.sv } : undefined;
}

/**
 * The subject of a change as HTML: the entity and part in words, each linked to its page when it
 * still exists in the documented version (a removed one is named by its id, without a link).
 */
function subjectHtml(link: Linker, places: CodePlaces, catalogue: Catalogue, line: ChangelogLine): string {
  const c = line.change;
  const named = (page: { path: string; label: string } | undefined, id: string): string => (page ? `<a href="${esc(link(page.path))}">${esc(page.label)}</a>` : `<code>${esc(id)}</code>`);
  let html = esc(line.entityWord);
  if (c.entity.kind !== 'manifest') html += ` ${named(entityPage(catalogue, c.entity.kind, c.entity.id), c.entity.id)}`;
  if (c.item && line.itemWord) {
    const item = c.item;
    let part: string;
    if (item.kind === 'code') {
      const code = catalogue.classifications.find((x) => x.id === c.entity.id)?.codeMap.get(item.id);
      const text = `${item.id}${item.label ? ` ${item.label.sv}` : code ? ` ${code.label.sv}` : ''}`;
      part = code ? `<a href="${esc(link(codeHref(places, code)))}">${esc(text)}</a>` : `<code>${esc(item.id)}</code>${item.label ? ` ${esc(item.label.sv)}` : ''}`;
    } else if (item.kind === 'rule') {
      part = named(catalogue.rules.some((r) => r.id === item.id) ? { path: docPath('rule', item.id), label: item.id } : undefined, item.id);
    } else part = named(entityPage(catalogue, item.kind === 'element' ? 'data-element' : 'record-type', item.id), item.id);
    html += `, ${esc(line.itemWord)} ${part}`;
  }
  return html;
}

/** The field and values of a change as HTML, e.g. ` (<code>/status</code>: <code>"active"</code> → <code>"deprecated"</code>)`. */
function valuesHtml(line: ChangelogLine): string {
  const v = line.values;
  if (!v) return '';
  const value = (x: string | undefined): string => (x === undefined ? '' : `<code>${esc(x)}</code>`);
  const values = v.before !== undefined && v.after !== undefined ? `${value(v.before)} → ${value(v.after)}` : value(v.before ?? v.after);
  return ` (${v.field ? `<code>${esc(v.field)}</code>: ` : ''}${values})`;
}

/** The view of one version's page. `notes` is the current catalogue's own change notes, for the current version. */
export function versionView(link: Linker, places: CodePlaces, catalogue: Catalogue, entries: readonly VersionEntry[], i: number, notes: object | undefined): object {
  const e = entries[i]!;
  const lines = (ls: readonly ChangelogLine[]): object[] => ls.map((l) => ({ heading: l.heading, subject: subjectHtml(link, places, catalogue, l), values: valuesHtml(l) }));
  // Whole sentences, so a changed definition can be read here; only very long values are cut.
  const log = e.diff ? changelogOf(e.diff, 'sv', { valueLength: VALUE_LENGTH }) : undefined;
  const newer = entries[i - 1];
  const older = entries[i + 1];
  const previous = previousOf(e);
  return {
    version: e.version,
    status: statusText(catalogue, e),
    current: e.current,
    previous,
    first: isFirst(entries, i),
    summary: e.release?.summary?.sv,
    // "No changes" says nothing on the first version's page, which says that it is the first.
    level: log ? log.levelText : e.release?.level && !(e.release.level === 'none' && isFirst(entries, i)) ? levelWords(e.release.level, 'sv') : undefined,
    // A diff command for a vendor who wants the details of two releases that are both tagged.
    command: !log && e.release && previous && entries.some((x) => x.version === previous && x.release) ? `kodkatalog diff v${previous} v${e.version}` : undefined,
    changes: log
      ? {
          counts: log.counts,
          reporters: lines(log.reporters),
          vendors: lines(log.vendors),
          other: lines(log.other),
          schemasCompared: log.schemas !== undefined,
          schemas: (log.schemas ?? []).map((s) => ({
            path: s.path,
            compatibility: s.compatibility,
            oldFilesValid: s.oldFilesValid === undefined ? '–' : s.oldFilesValid ? 'Ja' : 'Nej',
            oldValidatorAccepts: s.oldValidatorAccepts === undefined ? '–' : s.oldValidatorAccepts ? 'Ja' : 'Nej',
          })),
        }
      : undefined,
    notes,
    all: link(DOC_PAGES.changes),
    newer: newer ? { href: link(changesDocPath(newer.version)), version: newer.version } : undefined,
    older: older ? { href: link(changesDocPath(older.version)), version: older.version } : undefined,
  };
}
