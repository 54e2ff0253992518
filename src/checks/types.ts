import type { DiagnosticCode } from '../diagnostics/messages.js';
import type { Diagnostic, SourceLocation } from '../diagnostics/types.js';
import type { RawCatalogue } from '../loader/load.js';
import type { Catalogue } from '../model/types.js';

/** What a check sees: the resolved model, and a way back to any value's position. */
export interface CheckContext {
  /** The resolved catalogue. */
  readonly catalogue: Catalogue;
  /** The raw files (text, parsed documents). */
  readonly raw: RawCatalogue;
  /** The location of `pointer` inside the file that defines something with `location`. */
  locate(owner: { readonly location: SourceLocation }, pointer: string, target?: 'value' | 'key'): SourceLocation;
}

/** One catalogue check. Its diagnostics carry default severities; the preset and catalogue.yaml adjust them. */
export interface Check {
  /** The diagnostic codes this check can report (all `rule/...`). */
  readonly codes: readonly DiagnosticCode[];
  /** Runs the check. Pure: no I/O beyond the context. */
  run(ctx: CheckContext): Diagnostic[];
}
