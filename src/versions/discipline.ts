import { resolve } from 'node:path';
import { hasErrors, loadCatalogue, type LoadedCatalogue } from '../api.js';
import { recommended, type CheckSetting } from '../checks/preset.js';
import { diagnostic, type DiagnosticCode, type MessageParams } from '../diagnostics/messages.js';
import type { Diagnostic, Severity, SourceLocation } from '../diagnostics/types.js';
import { diffCatalogues, type SchemaFile } from '../diff/compare.js';
import type { CatalogueDiff } from '../diff/types.js';
import type { Catalogue, Release } from '../model/types.js';
import { bumpOf, bumpSuffices, compareVersions, nextVersion, parseVersion } from './semver.js';
import { openCatalogueSource, repositoryOf, tagExists, type CatalogueSource } from './source.js';

/**
 * Version discipline: what `kodkatalog check` adds when it knows the previous release.
 *
 * It is a step of its own rather than a catalogue check because it needs a second catalogue, read
 * from disk or git, while catalogue checks are pure functions of one. Its codes are registered
 * with the checks (src/checks/rules/version-discipline.ts) so `checks:` in catalogue.yaml can set
 * their severity like any other.
 *
 * The rules:
 * 1. `version/bump-too-small`: the bump from the previous release to `version` must be at least
 *    the class the diff needs (major, minor, patch). Versions below 1.0.0 follow the same rules:
 *    schema ids carry the major version, so a breaking change under 0.x would hide behind one id.
 * 2. `version/edited-in-place`: what was active in the previous release keeps its meaning.
 *    A code's Swedish label or definition may change only editorially (case, spacing,
 *    punctuation); a data element keeps its value type (integer may widen to decimal) and its
 *    classification. Otherwise old
 *    submissions would be read with a new meaning: deprecate and replace instead.
 * 3. `version/published-changed`: a catalogue with `status: published` must equal the git tag
 *    `v<version>` of its own release, when that tag exists (`version/not-tagged` tells when not).
 */

/** Release bookkeeping kept in catalogue.yaml beside the manifest. */
export interface ReleaseInfo {
  /** `previousRelease`: a git revision or a directory (relative to the catalogue). */
  readonly previousRelease?: string;
  /** `releases`, in file order. */
  readonly releases: readonly ReleaseEntry[];
}

/**
 * One entry of `releases` in catalogue.yaml, as the file holds it: the model's {@link Release}
 * without its source location (version, date, previous, level, summary).
 */
export type ReleaseEntry = Omit<Release, 'location'>;

/**
 * `previousRelease` and `releases` of a catalogue, from the resolved manifest, with the entries in
 * the shape catalogue.yaml holds them. Empty when the catalogue has no manifest.
 */
export function releaseInfo(from: LoadedCatalogue | Catalogue): ReleaseInfo {
  const manifest = 'manifest' in from ? from.manifest : from.catalogue?.manifest;
  if (!manifest) return { releases: [] };
  return {
    ...(manifest.previousRelease !== undefined ? { previousRelease: manifest.previousRelease } : {}),
    releases: manifest.releases.map(({ location: _location, ...entry }) => entry),
  };
}

/** Where a previous release is named, and what a relative name is relative to. */
export interface PreviousReleaseSpec {
  /** A git revision or a directory. */
  readonly spec: string;
  /** The directory a relative `spec` is resolved against (and whose repository is asked for revisions). */
  readonly base: string;
  /** Where it was named: `--previous`, `previousRelease`, or the newest earlier tagged entry of `releases`. */
  readonly from: 'option' | 'previousRelease' | 'releases';
}

/**
 * The previous release of a catalogue, as `check` finds it: `--previous` (relative to `cwd`), else
 * `previousRelease` (relative to the catalogue folder), else the newest version in `releases` older
 * than the catalogue's when its tag `v<version>` exists. `inRepository` is asked only in the last
 * case (it costs git processes). Undefined when none is known.
 */
export function previousReleaseSpec(
  catalogue: Catalogue,
  catalogueDir: string,
  options: { readonly previous?: string; readonly cwd?: string },
  inRepository: () => boolean,
): PreviousReleaseSpec | undefined {
  if (options.previous !== undefined) return { spec: options.previous, base: options.cwd ?? process.cwd(), from: 'option' };
  const m = catalogue.manifest;
  if (m.previousRelease !== undefined) return { spec: m.previousRelease, base: catalogueDir, from: 'previousRelease' };
  const current = parseVersion(m.version);
  if (!current || m.releases.length === 0 || !inRepository()) return undefined;
  const earlier = m.releases
    .map((r) => ({ r, v: parseVersion(String(r.version)) }))
    .filter((x) => x.v && compareVersions(x.v, current) < 0)
    .sort((a, b) => compareVersions(b.v!, a.v!))[0];
  return earlier && tagExists(catalogueDir, releaseTag(earlier.r.version)) ? { spec: releaseTag(earlier.r.version), base: catalogueDir, from: 'releases' } : undefined;
}

/** Options for {@link checkVersions}. */
export interface VersionCheckOptions {
  /** `--previous`: a revision or a directory (relative to `cwd`); overrides catalogue.yaml. */
  readonly previous?: string;
  /** Working directory for `previous` (default: the process's). */
  readonly cwd?: string;
  /** The generated JSON Schemas of a catalogue, so the version class includes schema compatibility. */
  readonly schemaFiles?: (catalogue: Catalogue) => Promise<readonly SchemaFile[]> | readonly SchemaFile[];
}

/** What {@link checkVersions} found. */
export interface VersionCheckResult {
  /** Findings, with severities after `checks:` overrides. */
  readonly diagnostics: readonly Diagnostic[];
  /** True when `--previous` could not be opened (a usage error). */
  readonly usageError: boolean;
  /** The diff against the previous release, when there was one. */
  readonly diff?: CatalogueDiff;
  /** How the previous release was named. */
  readonly previousLabel?: string;
}

/** The tag a release of `version` gets. */
export const releaseTag = (version: string): string => `v${version}`;

/** Normalises text so that only editorial differences vanish: case, spacing and punctuation. */
export function editorialForm(s: string): string {
  return s.normalize('NFC').toLowerCase().replace(/[\p{P}\p{S}\s]+/gu, '');
}

/**
 * Runs the version discipline for a loaded catalogue. Reads the previous release (from
 * `--previous`, `previousRelease`, or the newest earlier version in `releases` when its tag exists)
 * and, for a published catalogue, its own release tag. Does I/O (git, files); never prints.
 */
export async function checkVersions(loaded: LoadedCatalogue, options: VersionCheckOptions = {}): Promise<VersionCheckResult> {
  const catalogue = loaded.catalogue;
  // Catalogue-check findings (rule/...) do not stop the comparison; a model that did not resolve does.
  const structural = loaded.diagnostics.filter((d) => /^(load|yaml|csv|shape|ref)\//.test(d.code));
  if (!catalogue || hasErrors(structural)) return { diagnostics: [], usageError: false };
  const out: Diagnostic[] = [];
  const overrides = catalogue.manifest.checks;
  const report = <C extends DiagnosticCode>(code: C, params: MessageParams<C>, where?: SourceLocation): void => {
    const setting: CheckSetting | undefined = overrides[code] ?? recommended[code];
    if (setting === 'off') return;
    out.push(diagnostic(code, params, where, setting ? { severity: setting as Severity } : {}));
  };
  const manifestAt = (pointer: string): SourceLocation => loaded.raw.manifest?.locator.locate(pointer) ?? catalogue.manifest.location;
  const catalogueDir = resolve(loaded.raw.dir);
  // Asked lazily: two git processes are not worth spending on a catalogue with no release to compare.
  let repoCache: ReturnType<typeof repositoryOf> | null = null;
  const repository = (): ReturnType<typeof repositoryOf> => (repoCache === null ? (repoCache = repositoryOf(catalogueDir)) : repoCache);
  const schemas = async (c: Catalogue): Promise<readonly SchemaFile[] | undefined> => (options.schemaFiles ? await options.schemaFiles(c) : undefined);

  /** Opens and loads a release; reports what goes wrong at `where`. */
  const openRelease = (spec: string, base: string, where: SourceLocation | undefined): { source: CatalogueSource; catalogue: Catalogue } | 'usage' | undefined => {
    const opened = openCatalogueSource(spec, { cwd: base, repository: catalogueDir, path: repository()?.prefix ?? '' });
    if (!opened.value) {
      for (const d of opened.diagnostics) out.push(where ? { ...d, source: where } : d);
      return 'usage';
    }
    const previous = loadCatalogue(opened.value.dir);
    if (!previous.catalogue || hasErrors(previous.diagnostics)) {
      report('version/previous-unreadable', { source: opened.value.label, errors: previous.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'fatal').length }, where);
      opened.value.dispose();
      return undefined;
    }
    return { source: opened.value, catalogue: previous.catalogue };
  };

  let usageError = false;
  let diff: CatalogueDiff | undefined;
  let previousLabel: string | undefined;

  // --- the previous release: bump and in-place edits --------------------------------------------
  const found = previousReleaseSpec(catalogue, catalogueDir, options, () => repository() !== undefined);
  if (found) {
    const opened = openRelease(found.spec, found.base, found.from === 'previousRelease' ? manifestAt('/previousRelease') : undefined);
    if (opened === 'usage') usageError = options.previous !== undefined;
    else if (opened) {
      try {
        const before = await schemas(opened.catalogue);
        const after = await schemas(catalogue);
        diff = diffCatalogues(opened.catalogue, catalogue, before && after ? { schemas: { before, after } } : {});
        previousLabel = opened.source.label;
        checkBump(diff, manifestAt('/version'), report);
        checkInPlace(opened.catalogue, catalogue, loaded, report);
      } finally {
        opened.source.dispose();
      }
    }
  }

  // --- a published catalogue equals its own release tag -----------------------------------------
  if (catalogue.manifest.status === 'published' && repository()) {
    const tag = releaseTag(catalogue.manifest.version);
    if (!tagExists(catalogueDir, tag)) report('version/not-tagged', { version: catalogue.manifest.version, tag }, manifestAt('/status'));
    else {
      const own = openRelease(tag, catalogueDir, manifestAt('/status'));
      if (own && own !== 'usage') {
        try {
          const changes = diffCatalogues(own.catalogue, catalogue).changes;
          for (const c of changes) {
            report(
              'version/published-changed',
              { version: catalogue.manifest.version, source: tag, kind: c.entity.kind, id: c.item ? `${c.entity.id}/${c.item.id}` : c.entity.id, pointer: c.pointer },
              locationOf(catalogue, loaded, c.entity.kind, c.entity.id, c.pointer, c.item?.kind === 'code' ? c.item.id : undefined) ?? manifestAt('/version'),
            );
          }
        } finally {
          own.source.dispose();
        }
      }
    }
  }
  return { diagnostics: out, usageError, ...(diff ? { diff } : {}), ...(previousLabel ? { previousLabel } : {}) };
}

type Report = <C extends DiagnosticCode>(code: C, params: MessageParams<C>, where?: SourceLocation) => void;

/** Rule 1: the declared bump covers the diff. */
function checkBump(diff: CatalogueDiff, where: SourceLocation, report: Report): void {
  const previous = parseVersion(diff.from.version);
  const current = parseVersion(diff.to.version);
  if (!previous || !current) return;
  const declared = bumpOf(previous, current);
  if (declared === undefined) {
    report('version/older-than-previous', { previous: diff.from.version, version: diff.to.version }, where);
    return;
  }
  if (diff.level !== 'none' && !bumpSuffices(declared, diff.level)) {
    report('version/bump-too-small', { previous: diff.from.version, version: diff.to.version, declared, required: diff.level, suggested: nextVersion(previous, diff.level) }, where);
  }
}

/** Rule 2: codes and elements active in the previous release keep their meaning. */
function checkInPlace(before: Catalogue, after: Catalogue, loaded: LoadedCatalogue, report: Report): void {
  const previous = before.manifest.version;
  const locate = (owner: { location: SourceLocation }, pointer: string): SourceLocation =>
    loaded.raw.entities.find((e) => e.file === owner.location.file)?.locator.locate(pointer) ?? owner.location;
  const oldClassifications = new Map(before.classifications.map((c) => [c.id, c]));
  for (const c of after.classifications) {
    const old = oldClassifications.get(c.id);
    if (!old) continue;
    c.codes.forEach((code, i) => {
      const was = old.codeMap.get(code.code);
      if (!was || was.status !== 'active') return;
      const texts: [string, string | undefined, string | undefined][] = [
        ['label.sv', was.label.sv, code.label.sv],
        ['definition.sv', was.definition?.sv, code.definition?.sv],
      ];
      for (const [field, a, b] of texts) {
        // A text added or dropped is not a new meaning; a text replaced by another may be.
        if (a && b && editorialForm(a) !== editorialForm(b)) {
          report('version/edited-in-place', { subject: 'code', id: code.code, classification: c.id, field, previous }, locate(c, `/codes/${i}/${field.replace('.', '/')}`));
        }
      }
    });
  }
  const oldElements = new Map(before.dataElements.map((e) => [e.id, e]));
  for (const e of after.dataElements) {
    const was = oldElements.get(e.id);
    if (!was || was.status !== 'active') continue;
    // integer → decimal only widens: every old value keeps its meaning.
    const widened = was.valueType === 'integer' && e.valueType === 'decimal';
    if (was.valueType !== e.valueType && !widened) report('version/edited-in-place', { subject: 'element', id: e.id, field: 'valueType', previous }, locate(e, '/valueType'));
    else if (was.classification && e.classification && was.classification.id !== e.classification.id) {
      report('version/edited-in-place', { subject: 'element', id: e.id, field: 'classification', previous }, locate(e, '/classification'));
    }
  }
}

/** Top-level keys whose pointers are the same in the file as in a diff (no keyed maps or sets below them). */
const PLAIN_KEYS = new Set(['label', 'definition', 'status', 'validFrom', 'validTo', 'source', 'valueType', 'classification', 'constraints', 'period', 'deadline', 'channel', 'actor', 'area', 'population', 'termStatus', 'comment', 'owner', 'edition', 'term', 'dateElement', 'publisher']);

/**
 * Where a change is in the current catalogue: the changed value when the diff's id-keyed pointer
 * maps onto the file (plain keys, and keys of a code, found by its position), else the entity.
 */
function locationOf(c: Catalogue, loaded: LoadedCatalogue, kind: string, id: string, pointer: string, code?: string): SourceLocation | undefined {
  const list: readonly { id: string; location: SourceLocation }[] =
    kind === 'term' ? c.terms : kind === 'classification' ? c.classifications : kind === 'data-element' ? c.dataElements : kind === 'record-type' ? c.recordTypes : kind === 'obligation' ? c.obligations : [];
  const raw = kind === 'manifest' ? loaded.raw.manifest : undefined;
  const owner = kind === 'manifest' ? catalogueOwner(c) : list.find((x) => x.id === id);
  if (!owner) return undefined;
  const file = raw ?? loaded.raw.entities.find((e) => e.file === owner.location.file);
  const segments = pointer.split('/').slice(1);
  if (code !== undefined && kind === 'classification') {
    const cls = c.classifications.find((x) => x.id === id);
    const found = cls?.codeMap.get(code);
    if (!cls || !found) return owner.location;
    const rest = segments.slice(2).map((x) => `/${x}`).join('');
    return rest && file ? file.locator.locate(`/codes/${cls.codes.indexOf(found)}${rest}`) : found.location;
  }
  if (file && segments.length > 0 && PLAIN_KEYS.has(segments[0]!)) return file.locator.locate(pointer);
  return owner.location;
}

const catalogueOwner = (c: Catalogue): { location: SourceLocation } => c.manifest;
