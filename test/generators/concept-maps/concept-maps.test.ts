import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { conceptMapsGenerator, equivalenceOf } from '../../../generators/concept-maps/index.js';
import { generate, loadCatalogue, type Catalogue } from '../../../src/index.js';

const root = join(import.meta.dirname, '..', '..', '..');
const VERSIONS = join(root, 'test', 'fixtures', 'versions');

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function load(dir: string): Catalogue {
  const loaded = loadCatalogue(dir);
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return loaded.catalogue!;
}

async function build(c: Catalogue): Promise<Map<string, Json>> {
  const r = await generate(c, [conceptMapsGenerator]);
  expect(r.diagnostics).toEqual([]);
  return new Map(r.value.filter((f) => f.path.startsWith('concept-maps/')).map((f) => [f.path.slice('concept-maps/'.length), JSON.parse(f.contents as string) as Json]));
}

describe('concept-maps', () => {
  it('emits nothing for a catalogue without replacements', async () => {
    expect([...(await build(load(join(VERSIONS, 'v1')))).keys()]).toEqual([]);
  });

  it('maps one-to-one as equivalent, a merge as wider and a split as narrower with a comment', async () => {
    const maps = await build(load(join(VERSIONS, 'v3')));
    expect([...maps.keys()]).toEqual(['insatstyp.conceptmap.json']);
    const map = maps.get('insatstyp.conceptmap.json')!;
    expect(map).toEqual({
      resourceType: 'ConceptMap',
      id: 'insatstyp',
      language: 'sv',
      url: 'urn:kodkatalog:versioner:conceptmap:insatstyp',
      version: '1.0.0',
      name: 'InsatstypErsattningar',
      title: 'Ersättningar av koder i Insatstyp',
      status: 'active',
      experimental: false,
      publisher: 'Socialstyrelsen',
      description:
        'Vilka koder som ersätter utfasade och upphörda koder. equivalent: ersatt en-till-en; wider: sammanslagen med andra koder; narrower: uppdelad, och en person behöver välja.',
      jurisdiction: [{ coding: [{ system: 'urn:iso:std:iso:3166', code: 'SE', display: 'Sverige' }] }],
      group: [
        {
          source: 'urn:kodkatalog:versioner:codesystem:insatstyp',
          sourceVersion: '1.0.0',
          target: 'urn:kodkatalog:versioner:codesystem:insatstyp',
          targetVersion: '1.0.0',
          element: [
            { code: '12', display: 'Nätverkshem', target: [{ code: '11', display: 'Familjehem', equivalence: 'equivalent', comment: 'Nätverkshem räknas som familjehem.' }] },
            {
              code: '20',
              display: 'Kontaktperson eller kontaktfamilj',
              target: [
                {
                  code: '21',
                  display: 'Kontaktperson',
                  equivalence: 'narrower',
                  comment: 'Koden 20 har delats upp i 21, 22; vilken som gäller beror på det enskilda fallet. Delas i kontaktperson och kontaktfamilj.',
                },
                {
                  code: '22',
                  display: 'Kontaktfamilj',
                  equivalence: 'narrower',
                  comment: 'Koden 20 har delats upp i 21, 22; vilken som gäller beror på det enskilda fallet. Delas i kontaktperson och kontaktfamilj.',
                },
              ],
            },
            { code: '30', display: 'Hemtjänst', target: [{ code: '35', display: 'Hemtjänst och service', equivalence: 'wider' }] },
            { code: '40', display: 'Service', target: [{ code: '35', display: 'Hemtjänst och service', equivalence: 'wider' }] },
          ],
        },
      ],
    });
  });

  it('uses the code system url of the code-lists generator', async () => {
    const map = (await build(load(join(VERSIONS, 'v3')))).get('insatstyp.conceptmap.json')!;
    const { codeSystemUrl } = await import('../../../generators/code-lists/index.js');
    expect(map.group[0].source).toBe(codeSystemUrl(load(join(VERSIONS, 'v3')), 'insatstyp'));
  });

  it('every ConceptMap is valid against the official FHIR R4 JSON schema, including the register catalogue', async () => {
    const require = createRequire(import.meta.url);
    const Validator = require('@asymmetrik/fhir-json-schema-validator') as new () => { validate(r: unknown, verbose?: boolean): unknown[] };
    const validator = new Validator();
    const all = [...(await build(load(join(VERSIONS, 'v5')))).entries(), ...(await build(load(join(root, 'catalogue')))).entries()];
    expect(all.map(([p]) => p)).toEqual(expect.arrayContaining(['insatstyp.conceptmap.json', 'lan.conceptmap.json']));
    for (const [path, map] of all) expect(validator.validate(map, true), path).toEqual([]);
    // Not a pushover: an R5 relationship code in place of an R4 equivalence fails.
    const [, first] = all[0]!;
    const broken = structuredClone(first);
    broken.group[0].element[0].target[0].equivalence = 'source-is-narrower-than-target';
    expect(validator.validate(broken, true)).not.toEqual([]);
  });

  it('equivalence follows R4 ConceptMapEquivalence', () => {
    expect(['one-to-one', 'merge', 'split', 'split-and-merge'].map((k) => equivalenceOf(k as never))).toEqual(['equivalent', 'wider', 'narrower', 'inexact']);
  });
});
