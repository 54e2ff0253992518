import { runChecks } from './checks/index.js';
import type { Diagnostic } from './diagnostics/types.js';
import { readCatalogue, type RawCatalogue } from './loader/load.js';
import { resolveCatalogue } from './model/resolve.js';
import type { Catalogue } from './model/types.js';

/** A loaded catalogue: the model (undefined when it could not be built), the raw files and all findings. */
export interface LoadedCatalogue {
  /** The resolved model; undefined without a readable manifest. */
  readonly catalogue: Catalogue | undefined;
  /** The files as read (text for code frames). */
  readonly raw: RawCatalogue;
  /** Findings from reading, shape checking and resolving. */
  readonly diagnostics: readonly Diagnostic[];
}

/** Reads, shape-checks and resolves the catalogue in `dir`. Never prints, never exits, never throws for bad input. */
export function loadCatalogue(dir: string): LoadedCatalogue {
  const read = readCatalogue(dir);
  const resolved = resolveCatalogue(read.value);
  return { catalogue: resolved.value, raw: read.value, diagnostics: [...read.diagnostics, ...resolved.diagnostics] };
}

/** Loads and checks a catalogue: all diagnostics of loading plus the catalogue checks. */
export function checkCatalogue(dir: string): LoadedCatalogue {
  const loaded = loadCatalogue(dir);
  if (!loaded.catalogue) return loaded;
  const checks = runChecks(loaded.catalogue, loaded.raw);
  return { ...loaded, diagnostics: [...loaded.diagnostics, ...checks.diagnostics] };
}

/** True when any diagnostic is an error or fatal. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error' || d.severity === 'fatal');
}
