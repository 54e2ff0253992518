#!/usr/bin/env node
// Generates catalogue/classifications/kommun.yaml and lan.yaml from the
// reference data (kommuner.csv and lan.csv, SCB's regional division codes).
//
// Usage: node scripts/generate-regional-classifications.mjs [DATA_DIR]
//   DATA_DIR defaults to ../shared/data beside the repository.
// Deterministic: the same input files give byte-identical output.

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSemicolonCsv, renderEntityFile, splitCodesToCsv } from './lib/emit-yaml.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = resolve(process.argv[2] ?? join(repoRoot, '..', 'shared', 'data'));
const outDir = join(repoRoot, 'catalogue', 'classifications');
const generatedBy = 'scripts/generate-regional-classifications.mjs';

const counties = parseSemicolonCsv(readFileSync(join(dataDir, 'lan.csv'), 'utf8'));
const municipalities = parseSemicolonCsv(readFileSync(join(dataDir, 'kommuner.csv'), 'utf8'));

const countyName = new Map(counties.map((row) => [row.lanskod, row.lan]));

for (const row of counties) {
  if (!/^[0-9]{2}$/.test(row.lanskod)) throw new Error(`bad länskod: ${row.lanskod}`);
}
for (const row of municipalities) {
  if (!/^[0-9]{4}$/.test(row.kommunkod)) throw new Error(`bad kommunkod: ${row.kommunkod}`);
  if (!countyName.has(row.lanskod)) throw new Error(`kommun ${row.kommunkod}: unknown län ${row.lanskod}`);
  if (!row.kommunkod.startsWith(row.lanskod)) {
    throw new Error(`kommun ${row.kommunkod} does not start with its länskod ${row.lanskod}`);
  }
}
if (municipalities.length !== 290) throw new Error(`expected 290 kommuner, got ${municipalities.length}`);
if (counties.length !== 21) throw new Error(`expected 21 län, got ${counties.length}`);

const byCode = (a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

// Counties that no longer exist. Not in lan.csv (which lists the codes in use),
// kept here so that old data keeps a valid code and the merge lineage is visible.
// Source: SCB's history of the regional division (Skåne län from 1997,
// Västra Götalands län from 1998, Stockholms stad merged into Stockholms län 1968).
const historicalCounties = [
  {
    code: '02',
    label: { sv: 'Stockholms stad' },
    definition: {
      sv: 'Stockholms stad utgjorde ett eget län med egen länskod fram till 1968, då den gick upp i Stockholms län.',
    },
    status: 'retired',
    validTo: '1967-12-31',
    replacedBy: ['01'],
  },
  {
    code: '11',
    label: { sv: 'Kristianstads län' },
    definition: { sv: 'Kristianstads län slogs 1997 samman med Malmöhus län till Skåne län (kod 12).' },
    status: 'retired',
    validTo: '1996-12-31',
    replacedBy: ['12'],
  },
  {
    code: '15',
    label: { sv: 'Älvsborgs län' },
    definition: {
      sv: 'Älvsborgs län slogs 1998 samman med Göteborgs och Bohus län och Skaraborgs län till Västra Götalands län (kod 14).',
    },
    status: 'retired',
    validTo: '1997-12-31',
    replacedBy: ['14'],
  },
  {
    code: '16',
    label: { sv: 'Skaraborgs län' },
    definition: {
      sv: 'Skaraborgs län slogs 1998 samman med Göteborgs och Bohus län och Älvsborgs län till Västra Götalands län (kod 14).',
    },
    status: 'retired',
    validTo: '1997-12-31',
    replacedBy: ['14'],
  },
];

const lanCodes = [
  ...counties.map((row) => ({
    code: row.lanskod,
    label: { sv: row.lan },
    status: 'active',
  })),
  ...historicalCounties,
].sort(byCode);

const lan = {
  id: 'lan',
  label: { sv: 'Län', en: 'County' },
  definition: {
    sv: 'Sveriges län med tvåsiffrig länskod enligt SCB:s regionala indelning. Länskoden används också för regionen i länet, till exempel när en region ansvarar för en insats. Fyra äldre koder finns kvar som upphörda så att äldre uppgifter kan tolkas.',
    en: "Sweden's counties with their two-digit county code from Statistics Sweden's regional division. The code also identifies the region (county council) of the county. Four former codes are kept as retired.",
  },
  status: 'active',
  owner: 'Statistiska centralbyrån (SCB)',
  edition: 'Regionala indelningar, gällande från 2025',
  source: {
    title: 'Länskoder i Sveriges regionala indelning',
    publisher: 'Statistiska centralbyrån (SCB)',
    note: `Gällande koder ur shared/data/lan.csv; de upphörda koderna 02, 11, 15 och 16 är tillagda i ${generatedBy}. Filen genereras av skriptet.`,
  },
  codes: lanCodes,
};

const kommunCodes = municipalities
  .map((row) => ({
    code: row.kommunkod,
    label: { sv: row.kommun },
    definition: { sv: `Kommun i ${countyName.get(row.lanskod)} (länskod ${row.lanskod}).` },
    status: 'active',
  }))
  .sort(byCode);

const kommun = {
  id: 'kommun',
  label: { sv: 'Kommun', en: 'Municipality' },
  definition: {
    sv: 'Sveriges 290 kommuner med fyrsiffrig kommunkod enligt SCB:s regionala indelning. De två första siffrorna är koden för det län kommunen ligger i. Listan är platt: länet är en egen klassifikation.',
    en: "Sweden's 290 municipalities with their four-digit municipality code from Statistics Sweden's regional division. The first two digits are the county code.",
  },
  status: 'active',
  owner: 'Statistiska centralbyrån (SCB)',
  edition: 'Regionala indelningar, gällande från 2025',
  source: {
    title: 'Kommunkoder i Sveriges regionala indelning',
    publisher: 'Statistiska centralbyrån (SCB)',
    note: `Sammanställd från öppna data (CC0), shared/data/kommuner.csv. Filen genereras av ${generatedBy}.`,
  },
  codes: kommunCodes,
};

const schema = '../../schema/classification.schema.json';
// The kommun list keeps its codes in a CSV file beside the YAML (read faster than YAML); län stays YAML.
const split = splitCodesToCsv(kommun);
writeFileSync(join(outDir, 'kommun.csv'), split.csv);
for (const entity of [split.entity, lan]) {
  const path = join(outDir, `${entity.id}.yaml`);
  writeFileSync(path, renderEntityFile(entity, { schema, generatedBy }));
  console.log(`wrote ${path}`);
}
