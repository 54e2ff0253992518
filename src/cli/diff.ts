import { diffCatalogues, type SchemaFile } from '../diff/compare.js';
import { renderDiff, type DiffFormat } from '../diff/render.js';
import type { Lang } from '../diagnostics/types.js';
import type { Catalogue } from '../model/types.js';
import { out } from './io.js';
import { openVersion } from './sources.js';

/** Options of `kodkatalog diff`. */
export interface DiffCommandOptions {
  readonly format: DiffFormat;
  readonly lang: Lang;
  /** The catalogue folder inside the repository, for revisions. */
  readonly path: string;
}

/**
 * `kodkatalog diff OLD NEW`: compares two versions (directories or git revisions) and prints the
 * changes. Exit 0 when it ran, whatever changed; 1 when a version has errors; 2 when one cannot be found.
 */
export async function diffCommand(
  oldSpec: string,
  newSpec: string,
  opts: DiffCommandOptions,
  schemaFiles: (c: Catalogue) => Promise<readonly SchemaFile[]>,
): Promise<number> {
  const before = openVersion(oldSpec, opts);
  if (typeof before === 'number') return before;
  try {
    const after = openVersion(newSpec, opts);
    if (typeof after === 'number') return after;
    try {
      const a = before.loaded.catalogue!;
      const b = after.loaded.catalogue!;
      const diff = diffCatalogues(a, b, { schemas: { before: await schemaFiles(a), after: await schemaFiles(b) } });
      out(renderDiff(diff, opts.format, opts.lang));
      return 0;
    } finally {
      after.source.dispose();
    }
  } finally {
    before.source.dispose();
  }
}
