// The client-side search index: terms, classifications, codes (code and label), data elements,
// record types, rules, obligations and finding codes, as compact arrays in a classic script. Pages
// are listed once and referred to by number, because a 50,000-code list would otherwise repeat its
// page path 50,000 times.
import { docPath, findingDocPath, type Catalogue } from '../../src/index.js';
import type { FindingDoc } from './findings.js';
import type { CodePlaces } from './pages.js';
import { codeAnchor } from './site.js';

/** Kinds shown in results, in the order results of equal score are listed. */
export const SEARCH_KINDS = ['Begrepp', 'Uppgift', 'Kod', 'Klassifikation', 'Posttyp', 'Regel', 'Uppgiftsskyldighet', 'Kontroll'] as const;

type Kind = (typeof SEARCH_KINDS)[number];

/** The index as the search script reads it. */
export interface SearchIndex {
  /** Kind names. */
  readonly k: readonly string[];
  /** Page paths, relative to the site root. */
  readonly p: readonly string[];
  /** Entries: [kind, title, detail, page, fragment, extra words]. */
  readonly e: readonly (readonly [number, string, string, number, string, string])[];
}

/** Builds the index; entries keep catalogue order (the script ranks them). */
export function searchIndex(c: Catalogue, places: CodePlaces, findings: readonly FindingDoc[]): SearchIndex {
  const pages: string[] = [];
  const pageIndex = new Map<string, number>();
  const page = (p: string): number => {
    let i = pageIndex.get(p);
    if (i === undefined) {
      i = pages.length;
      pages.push(p);
      pageIndex.set(p, i);
    }
    return i;
  };
  const entries: [number, string, string, number, string, string][] = [];
  const add = (kind: Kind, title: string, detail: string, path: string, fragment: string, extra: string): void => {
    entries.push([SEARCH_KINDS.indexOf(kind), title, detail, page(path), fragment, extra]);
  };
  for (const t of c.terms) add('Begrepp', t.label.sv, t.definition.sv, docPath('term', t.id), '', [t.id, ...t.synonyms, t.label.en ?? ''].join(' '));
  for (const e of c.dataElements) add('Uppgift', e.label.sv, e.definition.sv, docPath('data-element', e.id), '', [e.id, e.label.en ?? ''].join(' '));
  for (const cls of c.classifications) {
    add('Klassifikation', cls.label.sv, cls.definition.sv, docPath('classification', cls.id), '', [cls.id, cls.edition ?? '', cls.label.en ?? ''].join(' '));
    for (const code of cls.codes) {
      add('Kod', `${code.code} ${code.label.sv}`, cls.label.sv, places.get(code) ?? docPath('classification', cls.id), codeAnchor(code.code), code.label.en ?? '');
    }
  }
  for (const rt of c.recordTypes) add('Posttyp', rt.label.sv, rt.definition.sv, docPath('record-type', rt.id), '', rt.id);
  for (const r of c.rules) add('Regel', r.message.sv, r.description?.sv ?? '', docPath('rule', r.id), '', r.id);
  for (const o of c.obligations) add('Uppgiftsskyldighet', o.label.sv, o.definition.sv, docPath('obligation', o.id), '', o.id);
  for (const f of findings) add('Kontroll', f.title, f.what, findingDocPath(f.code), '', f.code);
  return { k: SEARCH_KINDS, p: pages, e: entries };
}
