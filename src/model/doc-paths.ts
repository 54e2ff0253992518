/**
 * Where each entity's page lives in the documentation site (dist/catalogue/docs/), relative to the
 * site root. Defined once so the docs generator, the obligations checklist and validation reports
 * link to the same pages.
 */
export const DOC_FOLDERS = {
  term: 'begrepp',
  classification: 'klassifikationer',
  'data-element': 'uppgifter',
  'record-type': 'posttyper',
  rule: 'regler',
  obligation: 'uppgiftsskyldigheter',
} as const;

/** A kind of page that has one page per entity. */
export type DocKind = keyof typeof DOC_FOLDERS;

/** The page of one entity, e.g. `uppgifter/personnummer.html`. */
export function docPath(kind: DocKind, id: string): string {
  return `${DOC_FOLDERS[kind]}/${id}.html`;
}

/** The page of a validator finding that is not a catalogue rule (e.g. `type`, `code`, `required`). */
export function findingDocPath(code: string): string {
  return `kontroller/${code}.html`;
}

/** Fixed pages of the site. */
export const DOC_PAGES = {
  start: 'index.html',
  report: 'vad-ska-vi-rapportera.html',
  privacy: 'integritet.html',
  accessibility: 'tillganglighet.html',
  search: 'sok.html',
  changes: 'andringar.html',
} as const;

/** The folder of the changelog pages, one per version (beside DOC_PAGES.changes, which lists them). */
export const CHANGES_FOLDER = 'andringar';

/** The changelog page of one version, e.g. `andringar/0.2.0.html`. */
export function changesDocPath(version: string): string {
  return `${CHANGES_FOLDER}/${version}.html`;
}
