import type { Diagnostic } from '../diagnostics/types.js';
import type { CatalogueDiff } from '../diff/types.js';
import type { Catalogue } from '../model/types.js';

/** One output file: a path relative to the output folder (forward slashes) and its full contents. */
export interface GeneratedFile {
  /** Relative path, e.g. `json-schema/insats.schema.json`. */
  readonly path: string;
  /** The contents; text is written as UTF-8. */
  readonly contents: string | Uint8Array;
}

/** What a generator gets besides the catalogue. */
export interface GeneratorContext {
  /** Files already produced by generators that ran earlier in the registry order. */
  readonly previous: ReadonlyMap<string, readonly GeneratedFile[]>;
  /** Options given on the command line (e.g. a templates folder for docs). */
  readonly options: Readonly<Record<string, string>>;
  /**
   * Template files by file name (e.g. `layout.hbs`), for a generator that declares `templates`:
   * its own defaults, with same-named files from `--templates DIR` in their place, plus any other
   * file of that folder (so the generator can report a name it does not know). Read by the build
   * runner, because a generator may not read files.
   */
  readonly templates?: ReadonlyMap<string, string>;
  /** The files a generator declared in `inputs`, by the path given there. Read by the build runner. */
  readonly inputs?: ReadonlyMap<string, string>;
  /**
   * What changed in each version that has a known previous release, newest version first, at most
   * one diff per version (`to.version`): the current catalogue against its previous release, and
   * earlier releases against theirs when both are tagged in git. Computed by `kodkatalog build`
   * (src/versions/changes.ts), because reading other versions takes git and files, and only for a
   * generator that declares `changelog`. Absent or empty when no previous release is known, e.g.
   * for the first version; plain data, so a generator stays pure.
   */
  readonly changes?: readonly CatalogueDiff[];
}

/**
 * A generator turns the resolved catalogue into files. It is pure: no file system, clock,
 * environment or console. A problem it finds (e.g. two names that would collide) is a diagnostic
 * with the source location of the entity that caused it.
 */
export interface Generator {
  /** Folder name under the output directory, and the name for `--only`. */
  readonly name: string;
  /** Three lines: what it emits, from what, and for whom. */
  readonly description: string;
  /** Names of generators whose output this one reads (they run first). */
  readonly uses?: readonly string[];
  /**
   * Files copied into the output as they are, e.g. the compiled validation engine that generated
   * validators import: `from` is relative to kodkatalog's package root, `to` to the generator's folder.
   * The build runner reads them, so the generator itself stays pure.
   */
  readonly assets?: readonly { readonly from: string; readonly to: string }[];
  /**
   * Folder of default templates, relative to kodkatalog's package root (e.g.
   * `generators/docs/templates`). The runner reads its files, and those of the `templates` option
   * (`--templates DIR`, an absolute path), into `context.templates`.
   */
  readonly templates?: string;
  /**
   * Text files the generator reads and transforms, relative to kodkatalog's package root (e.g. the
   * compiled browser modules of src/obligations, which the docs site turns into a classic script
   * because a page opened from disk may not load ES modules). The runner reads them into
   * `context.inputs`.
   */
  readonly inputs?: readonly string[];
  /**
   * True when the generator's files go at the root of the output folder instead of a folder of its
   * name (the npm package's package.json and README.md). The runner refuses a root file in a
   * subfolder, named like a generator's folder, or named like the manifest.
   */
  readonly root?: boolean;
  /**
   * True when the generator shows what changed between releases (`context.changes`). The build
   * then reads the previous releases (git, a second load, schema comparison) only when such a
   * generator runs.
   */
  readonly changelog?: boolean;
  /** Produces the files, paths relative to the output folder. */
  generate(catalogue: Catalogue, context: GeneratorContext): Promise<GeneratorResult> | GeneratorResult;
}

/** A generator's files and findings. */
export interface GeneratorResult {
  readonly files: readonly GeneratedFile[];
  readonly diagnostics: readonly Diagnostic[];
}
