// concept-maps: emits an HL7 FHIR R4 ConceptMap (<classification-id>.conceptmap.json) for every classification with replaced codes,
// from the code lineage (replacedBy) of the resolved catalogue: one-to-one, merge and split,
// for terminology servers and vendors that translate stored codes to the codes of a newer version.
import { replacements, type Catalogue, type Classification, type Generator, type Replacement } from '../../src/index.js';
import { codeSystemUrl, fhirId, fhirName, fhirPublicationStatus } from '../code-lists/index.js';

/** FHIR R4 ConceptMapEquivalence codes used here (http://hl7.org/fhir/R4/valueset-concept-map-equivalence.html). */
export type Equivalence = 'equivalent' | 'wider' | 'narrower' | 'inexact';

/**
 * The R4 equivalence of one replacement, read from the old code (source) to the new (target):
 * a one-to-one replacement means the same thing (`equivalent`); in a merge the new code also
 * covers other old codes, so it is `wider` than the source; in a split each new code covers part
 * of the old one, so it is `narrower`; a split whose parts also absorb other codes is `inexact`.
 */
export function equivalenceOf(kind: Replacement['kind']): Equivalence {
  switch (kind) {
    case 'one-to-one':
      return 'equivalent';
    case 'merge':
      return 'wider';
    case 'split':
      return 'narrower';
    case 'split-and-merge':
      return 'inexact';
  }
}

/** Canonical URL of a classification's ConceptMap, in the scheme of its CodeSystem's. */
export function conceptMapUrl(catalogue: Catalogue, classificationId: string): string {
  return `urn:kodkatalog:${catalogue.manifest.id}:conceptmap:${classificationId}`;
}

/** Where the ConceptMap of classification `id` goes, relative to the generator's folder. */
export const conceptMapFile = (id: string): string => `${id}.conceptmap.json`;

const nonEmpty = <K extends string>(key: K, value: string | undefined): { [P in K]?: string } =>
  value !== undefined && value.length > 0 ? ({ [key]: value } as { [P in K]: string }) : {};

/**
 * The ConceptMap of one classification, or undefined when none of its codes is replaced. Old and
 * new codes live in the same CodeSystem (a replaced code stays in the list as deprecated or
 * retired), so the group maps the CodeSystem onto itself at the catalogue's version.
 */
export function conceptMap(catalogue: Catalogue, c: Classification): Record<string, unknown> | undefined {
  const links = replacements(c);
  if (links.length === 0) return undefined;
  const system = codeSystemUrl(catalogue, c.id);
  const version = catalogue.manifest.version;
  const bySource = new Map<string, Replacement[]>();
  for (const r of links) bySource.set(r.source.code, [...(bySource.get(r.source.code) ?? []), r]);
  const element = [...bySource.values()].map((rs) => {
    const source = rs[0]!.source;
    return {
      code: source.code,
      ...nonEmpty('display', source.label.sv),
      target: rs.map((r) => {
        const equivalence = equivalenceOf(r.kind);
        // R4 invariant cmd-1: a narrower or inexact mapping must say why in a comment.
        const why =
          equivalence === 'narrower' || equivalence === 'inexact'
            ? `Koden ${source.code} har delats upp i ${source.replacedBy.map((x) => x.code).join(', ')}; vilken som gäller beror på det enskilda fallet.`
            : undefined;
        const comment = [why, source.changeNote].filter((s): s is string => s !== undefined && s.length > 0).join(' ');
        return { code: r.target.code, ...nonEmpty('display', r.target.label.sv), equivalence, ...nonEmpty('comment', comment) };
      }),
    };
  });
  return {
    resourceType: 'ConceptMap',
    id: fhirId(c.id),
    language: 'sv',
    url: conceptMapUrl(catalogue, c.id),
    version,
    name: `${fhirName(c.id)}Ersattningar`,
    ...nonEmpty('title', c.label.sv ? `Ersättningar av koder i ${c.label.sv}` : undefined),
    status: fhirPublicationStatus(c.status),
    experimental: false,
    ...(catalogue.manifest.publisher ?? c.owner ? { publisher: catalogue.manifest.publisher ?? c.owner } : {}),
    description:
      'Vilka koder som ersätter utfasade och upphörda koder. equivalent: ersatt en-till-en; wider: sammanslagen med andra koder; narrower: uppdelad, och en person behöver välja.',
    jurisdiction: [{ coding: [{ system: 'urn:iso:std:iso:3166', code: 'SE', display: 'Sverige' }] }],
    group: [{ source: system, sourceVersion: version, target: system, targetVersion: version, element }],
  };
}

/** Serialises the same value to the same bytes. */
const toJson = (value: unknown): string => JSON.stringify(value, null, 2) + '\n';

/** The generator: one ConceptMap per classification with replaced codes; nothing for the others. */
export const conceptMapsGenerator: Generator = {
  name: 'concept-maps',
  description: [
    'HL7 FHIR R4 ConceptMap per classification with replaced codes (<id>.conceptmap.json),',
    'from the code lineage (replacedBy: one-to-one, merge, split) of the resolved catalogue,',
    'for terminology servers and vendors translating stored codes to a newer version.',
  ].join('\n'),
  generate(catalogue) {
    const files = catalogue.classifications.flatMap((c) => {
      const map = conceptMap(catalogue, c);
      return map ? [{ path: conceptMapFile(c.id), contents: toJson(map) }] : [];
    });
    return { files, diagnostics: [] };
  },
};
