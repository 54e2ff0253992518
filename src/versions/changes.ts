import { resolve } from 'node:path';
import { hasErrors, loadCatalogue, type LoadedCatalogue } from '../api.js';
import { diffCatalogues, type SchemaFile } from '../diff/compare.js';
import { diagnostic } from '../diagnostics/messages.js';
import type { Diagnostic } from '../diagnostics/types.js';
import type { CatalogueDiff } from '../diff/types.js';
import type { Catalogue, Release } from '../model/types.js';
import { previousReleaseSpec, releaseTag, type VersionCheckOptions } from './discipline.js';
import { compareVersions, parseVersion, type Version } from './semver.js';
import { openCatalogueSource, repositoryOf, tagExists } from './source.js';

/** What {@link releaseChanges} found. */
export interface ReleaseChanges {
  /** One diff per version that has a readable previous release, newest version first. */
  readonly changes: readonly CatalogueDiff[];
  /**
   * Why the current version's previous release could not be used (`git/...`,
   * `version/previous-unreadable`), without source positions; earlier releases are never reported.
   */
  readonly problems: readonly Diagnostic[];
}

/**
 * The changes a changelog shows (the docs site's "Vad har ändrats?" pages), computed where I/O is
 * allowed so that generators can stay pure and be handed the result.
 *
 * - The current version: the diff from the previous release, found exactly as `check` finds it
 *   (`--previous`, `previousRelease`, or the newest earlier tagged entry of `releases`) to the
 *   catalogue as it is on disk.
 * - Every earlier entry of `releases` whose tag `v<version>` exists: the diff from its previous
 *   release (the entry's `previous`, else the next older entry) when that one is tagged too.
 *
 * Best effort: a release that cannot be found or read is left out (`check` is where that is
 * reported; `problems` says why for the current version's, so a caller given `--previous` can say
 * so), and a build never fails because of its history. Deterministic for the same catalogue, tags
 * and files: no clock.
 */
export async function releaseChanges(loaded: LoadedCatalogue, options: VersionCheckOptions = {}): Promise<ReleaseChanges> {
  const catalogue = loaded.catalogue;
  const structural = loaded.diagnostics.filter((d) => /^(load|yaml|csv|shape|ref)\//.test(d.code));
  if (!catalogue || hasErrors(structural)) return { changes: [], problems: [] };
  const problems: Diagnostic[] = [];
  const catalogueDir = resolve(loaded.raw.dir);
  let repoCache: ReturnType<typeof repositoryOf> | null = null;
  const repository = (): ReturnType<typeof repositoryOf> => (repoCache === null ? (repoCache = repositoryOf(catalogueDir)) : repoCache);

  // Each version is read once, even when it is the "before" of one diff and the "after" of another.
  const opened = new Map<string, Catalogue | undefined>();
  const open = (spec: string, base: string, report = false): Catalogue | undefined => {
    const key = `${base}\0${spec}`;
    if (opened.has(key)) return opened.get(key);
    const source = openCatalogueSource(spec, { cwd: base, repository: catalogueDir, path: repository()?.prefix ?? '' });
    let result: Catalogue | undefined;
    if (!source.value && report) problems.push(...source.diagnostics);
    if (source.value) {
      try {
        const version = loadCatalogue(source.value.dir);
        if (version.catalogue && !hasErrors(version.diagnostics)) result = version.catalogue;
        else if (report) problems.push(diagnostic('version/previous-unreadable', { source: source.value.label, errors: version.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'fatal').length }));
      } finally {
        source.value.dispose();
      }
    }
    opened.set(key, result);
    return result;
  };
  const schemaCache = new Map<Catalogue, readonly SchemaFile[]>();
  const schemas = async (c: Catalogue): Promise<readonly SchemaFile[] | undefined> => {
    if (!options.schemaFiles) return undefined;
    if (!schemaCache.has(c)) schemaCache.set(c, await options.schemaFiles(c));
    return schemaCache.get(c);
  };
  const isOlder = (a: Catalogue, b: Catalogue): boolean => {
    const va = parseVersion(a.manifest.version);
    const vb = parseVersion(b.manifest.version);
    return va !== undefined && vb !== undefined && compareVersions(va, vb) < 0;
  };
  const diffs = new Map<string, CatalogueDiff>();
  const add = async (before: Catalogue, after: Catalogue): Promise<void> => {
    // Only forward in time, and one diff per version: the first found (the current one) wins.
    if (!isOlder(before, after) || diffs.has(after.manifest.version)) return;
    const b = await schemas(before);
    const a = await schemas(after);
    diffs.set(after.manifest.version, diffCatalogues(before, after, b && a ? { schemas: { before: b, after: a } } : {}));
  };

  // --- the current version ----------------------------------------------------------------------
  const found = previousReleaseSpec(catalogue, catalogueDir, options, () => repository() !== undefined);
  const previous = found && open(found.spec, found.base, true);
  if (previous) await add(previous, catalogue);

  // --- earlier releases, from their tags ----------------------------------------------------------
  const current = parseVersion(catalogue.manifest.version);
  const entries = catalogue.manifest.releases
    .map((r) => ({ r, v: parseVersion(r.version) }))
    .filter((x): x is { r: Release; v: Version } => x.v !== undefined)
    .sort((a, b) => compareVersions(a.v, b.v));
  if (entries.length > 0 && repository()) {
    for (let i = 0; i < entries.length; i++) {
      const { r, v } = entries[i]!;
      if (current && compareVersions(v, current) === 0) continue;
      const before = r.previous ?? entries[i - 1]?.r.version;
      if (before === undefined || !tagExists(catalogueDir, releaseTag(r.version)) || !tagExists(catalogueDir, releaseTag(before))) continue;
      const a = open(releaseTag(before), catalogueDir);
      const b = open(releaseTag(r.version), catalogueDir);
      if (a && b) await add(a, b);
    }
  }
  return { changes: [...diffs.values()].sort((a, b) => compareVersions(parseVersion(b.to.version)!, parseVersion(a.to.version)!)), problems };
}
