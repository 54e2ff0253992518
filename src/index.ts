/** kodkatalog's library API. Everything here returns values and diagnostics; nothing prints or exits. */
export { loadCatalogue, checkCatalogue, hasErrors, type LoadedCatalogue } from './api.js';
export { diagnostic, messages, type DiagnosticCode } from './diagnostics/messages.js';
export { renderDiagnostics, summarize, sortDiagnostics, summaryLine, type DiagnosticFormat } from './diagnostics/render.js';
export type { Diagnostic, Lang, LocalizedMessage, Position, Result, Severity, SourceLocation } from './diagnostics/types.js';
export type * from './model/types.js';
export type { GeneratedFile, Generator, GeneratorContext, GeneratorResult } from './build/types.js';
export { generate, writeOutput, verifyOutput, MANIFEST_FILE, type BuildManifest, type ManifestFile } from './build/run.js';
export { DOC_FOLDERS, DOC_PAGES, docPath, findingDocPath, type DocKind } from './model/doc-paths.js';
