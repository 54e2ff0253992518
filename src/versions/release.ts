import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { hasErrors, type LoadedCatalogue } from '../api.js';
import { diagnostic } from '../diagnostics/messages.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { summarizeDiff } from '../diff/render.js';
import type { CatalogueDiff } from '../diff/types.js';
import { isRealDate } from '../model/resolve.js';
import { checkVersions, releaseTag, type ReleaseEntry, type VersionCheckOptions } from './discipline.js';

/**
 * `kodkatalog release`: marks the catalogue published and records the release in catalogue.yaml.
 *
 * The date is an argument, never the clock, so the same command on the same catalogue gives the
 * same file. The manifest is edited in place as text at the positions the `yaml` Document API
 * reports: comments, quoting, folded text and key order stay exactly as the author wrote them
 * (re-serialising the document would re-wrap folded scalars and respace flow lists).
 */

/** What a release did or why it did not. */
export interface ReleaseResult {
  /** Problems; when any is an error nothing was written. */
  readonly diagnostics: readonly Diagnostic[];
  /** True when the problem is in the arguments (exit 2). */
  readonly usageError: boolean;
  /** The entry appended to `releases`, when written. */
  readonly entry?: ReleaseEntry;
  /** The diff against the previous release, when there was one. */
  readonly diff?: CatalogueDiff;
  /** The manifest file written. */
  readonly file?: string;
  /** The tag the release should get. */
  readonly tag?: string;
}

/** The YAML text of one release entry as a block sequence item at `indent` columns. */
function entryText(entry: ReleaseEntry, indent: number, eol: string): string {
  const pad = ' '.repeat(indent);
  const s = (v: string): string => JSON.stringify(v);
  const lines = [`${pad}- version: ${s(entry.version)}`, `${pad}  date: ${s(entry.date)}`];
  if (entry.previous) lines.push(`${pad}  previous: ${s(entry.previous)}`);
  if (entry.level) lines.push(`${pad}  level: ${entry.level}`);
  if (entry.summary) {
    lines.push(`${pad}  summary:`, `${pad}    sv: ${s(entry.summary.sv)}`);
    if (entry.summary.en) lines.push(`${pad}    en: ${s(entry.summary.en)}`);
  }
  return lines.join(eol) + eol;
}

/**
 * Returns catalogue.yaml's text with `status: published` and `entry` appended to `releases`
 * (created at the end of the file when missing). Everything else stays byte for byte.
 */
export function applyRelease(text: string, entry: ReleaseEntry): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const doc = parseDocument(text);
  if (!isMap(doc.contents)) throw new Error('catalogue.yaml is not a mapping');
  // Edits are collected as [start, end, replacement] and applied from the end, so positions stay valid.
  const edits: [number, number, string][] = [];
  const status = doc.get('status', true) as Node | undefined;
  if (!isScalar(status) || !status.range) throw new Error('catalogue.yaml has no status');
  edits.push([status.range[0], status.range[1], 'published']);

  const releases = doc.get('releases', true) as Node | undefined;
  const lineStart = (pos: number): number => text.lastIndexOf('\n', pos - 1) + 1;
  if (releases === undefined) {
    const end = text.length;
    const sep = end > 0 && !text.endsWith('\n') ? eol : '';
    edits.push([end, end, `${sep}releases:${eol}${entryText(entry, 2, eol)}`]);
  } else if (isSeq(releases) && !releases.flow && releases.items.length > 0 && releases.range) {
    const last = releases.items[releases.items.length - 1] as Node;
    const at = last.range![1];
    const indent = releases.range[0] - lineStart(releases.range[0]);
    const sep = text[at - 1] === '\n' ? '' : eol;
    edits.push([at, at, sep + entryText(entry, indent, eol)]);
  } else if (releases.range) {
    // `releases: []` or another flow form: replace the value with a block list under the key.
    let start = releases.range[0];
    while (start > 0 && text[start - 1] === ' ') start--;
    const after = releases.range[1];
    const rest = text.slice(after).match(/^[^\S\r\n]*(#.*)?/)?.[0] ?? '';
    edits.push([start, after + rest.length, `${rest.trim() ? ` ${rest.trim()}` : ''}${eol}${entryText(entry, 2, eol).replace(/(\r?\n)$/, '')}`]);
  } else throw new Error('releases has no position');

  let out = text;
  for (const [start, end, replacement] of edits.sort((a, b) => b[0] - a[0])) out = out.slice(0, start) + replacement + out.slice(end);
  // The edit must say exactly what was meant; anything else is a bug, not a user's mistake.
  const check = parseDocument(out).toJS() as { status?: string; releases?: ReleaseEntry[] };
  if (check.status !== 'published' || JSON.stringify(check.releases?.at(-1)) !== JSON.stringify(entry)) throw new Error('release edit did not round-trip');
  return out;
}

/** Writes a file whole or not at all: a temporary file beside it, then a rename. */
export function writeFileAtomic(file: string, contents: string | Uint8Array): void {
  const tmp = join(dirname(file), `.${basename(file)}.tmp-${process.pid}`);
  try {
    writeFileSync(tmp, contents);
    renameSync(tmp, file);
  } finally {
    rmSync(tmp, { force: true });
  }
}

/** Options for {@link release}. */
export interface ReleaseOptions extends VersionCheckOptions {
  /** The release date, YYYY-MM-DD. */
  readonly date: string;
}

/**
 * Publishes the loaded catalogue: checks the date, that the version is not yet released, and the
 * version discipline against the previous release; then sets `status: published` and appends
 * `{version, date, previous, level, summary}` to `releases` in catalogue.yaml.
 */
export async function release(loaded: LoadedCatalogue, options: ReleaseOptions): Promise<ReleaseResult> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.date) || !isRealDate(options.date)) {
    return { diagnostics: [diagnostic('release/invalid-date', { date: options.date })], usageError: true };
  }
  const catalogue = loaded.catalogue;
  if (!catalogue || hasErrors(loaded.diagnostics)) return { diagnostics: loaded.diagnostics, usageError: !catalogue };
  const manifest = loaded.raw.manifest!;
  const version = catalogue.manifest.version;
  const problems: Diagnostic[] = [];
  if (catalogue.manifest.status === 'published') {
    problems.push(diagnostic('release/already-published', { version }, manifest.locator.locate('/status')));
  }
  const releases = catalogue.manifest.releases;
  for (const r of releases) if (r.version === version) problems.push(diagnostic('release/version-exists', { version }, r.location));
  const last = releases.at(-1);
  if (last && last.date > options.date) {
    problems.push(diagnostic('release/date-order', { date: options.date, previous: last.date, version: last.version }, manifest.locator.locate(`/releases/${releases.length - 1}/date`)));
  }
  if (problems.length > 0) return { diagnostics: [...loaded.diagnostics, ...problems], usageError: false };

  const versions = await checkVersions(loaded, options);
  const diagnostics = [...loaded.diagnostics, ...versions.diagnostics];
  if (versions.usageError || hasErrors(versions.diagnostics)) return { diagnostics, usageError: versions.usageError };

  const diff = versions.diff;
  const entry: ReleaseEntry = {
    version,
    date: options.date,
    ...(diff ? { previous: diff.from.version, level: diff.level } : {}),
    summary: diff ? { sv: summarizeDiff(diff, 'sv'), en: summarizeDiff(diff, 'en') } : { sv: 'Första publicerade versionen.', en: 'First published version.' },
  };
  const file = manifest.file;
  const text = loaded.raw.sources.get(file)!;
  writeFileAtomic(file, applyRelease(text, entry));
  return { diagnostics, usageError: false, entry, ...(diff ? { diff } : {}), file, tag: releaseTag(version) };
}
