#!/usr/bin/env node
// Generates catalogue/classifications/fodelseland.yaml: ISO 3166-1 alpha-2
// codes with Swedish names from the npm package i18n-iso-countries.
//
// The package is NOT a dependency of this project: install it somewhere else
// and pass its path, e.g.
//   npm install --prefix /tmp/x i18n-iso-countries@7.14.0
//   node scripts/generate-fodelseland.mjs /tmp/x/node_modules/i18n-iso-countries
// (the install prefix, /tmp/x, is accepted too).
//
// Deterministic: codes sorted, no clock. The retrieval date in the source note
// is a constant on purpose; change it when the list is regenerated from a new
// version of the package.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderEntityFile, splitCodesToCsv } from './lib/emit-yaml.mjs';

const RETRIEVED = '2026-11-22';
const EXPECTED_VERSION = '7.14.0';

const argument = process.argv[2];
if (!argument) {
  console.error('usage: node scripts/generate-fodelseland.mjs PATH_TO_i18n-iso-countries');
  process.exit(2);
}
let packageDir = resolve(argument);
if (existsSync(join(packageDir, 'node_modules', 'i18n-iso-countries', 'package.json'))) {
  packageDir = join(packageDir, 'node_modules', 'i18n-iso-countries');
}
const packageJson = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
if (packageJson.name !== 'i18n-iso-countries') throw new Error(`${packageDir} is not i18n-iso-countries`);
if (packageJson.version !== EXPECTED_VERSION) {
  console.error(
    `warning: i18n-iso-countries ${packageJson.version}, the catalogue records ${EXPECTED_VERSION}; ` +
      'update EXPECTED_VERSION and RETRIEVED in this script if the new list is wanted',
  );
}

const require = createRequire(import.meta.url);
const countries = require(packageDir);
// The node entry point registers every locale; registering again is harmless
// and keeps this script working if that ever changes.
countries.registerLocale(require(join(packageDir, 'langs', 'sv.json')));
countries.registerLocale(require(join(packageDir, 'langs', 'en.json')));

const alpha2 = Object.keys(countries.getAlpha2Codes()).sort();
const codes = alpha2.map((code) => {
  const sv = countries.getName(code, 'sv', { select: 'official' });
  const en = countries.getName(code, 'en', { select: 'official' });
  if (!sv) throw new Error(`no Swedish name for ${code}`);
  const entry = { code, label: en ? { sv, en } : { sv } };
  if (code === 'XK') {
    entry.definition = {
      sv: 'Kosovo har ingen kod i ISO 3166-1. XK är en tillfällig kod som används i stället, bland annat av EU.',
      en: 'Kosovo has no code in ISO 3166-1; XK is a user-assigned code used in its place.',
    };
  }
  entry.status = 'active';
  return entry;
});

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const generatedBy = 'scripts/generate-fodelseland.mjs';
const entity = {
  id: 'fodelseland',
  label: { sv: 'Födelseland', en: 'Country of birth' },
  definition: {
    sv: 'Länder och områden med tvåbokstavskod enligt ISO 3166-1 alfa-2, med svenska namn. Används för det land där en person är född.',
    en: 'Countries and territories with ISO 3166-1 alpha-2 codes and Swedish names, used for the country where a person was born.',
  },
  status: 'active',
  owner: 'ISO 3166 Maintenance Agency (koderna); namnen ur i18n-iso-countries',
  edition: `ISO 3166-1 alfa-2 enligt i18n-iso-countries ${packageJson.version}`,
  source: {
    title: `npm-paketet i18n-iso-countries ${packageJson.version}`,
    publisher: 'i18n-iso-countries (MIT-licens)',
    reference: 'ISO 3166-1 alfa-2',
    date: RETRIEVED,
    note: `Koderna och de svenska namnen är hämtade ur paketets svenska språkfil (sv), de engelska ur dess engelska (en), den ${RETRIEVED}. Namnen är paketets, inte en fastställd svensk förteckning. Filen genereras av ${generatedBy}.`,
  },
  codes,
};

// The codes go to a CSV file beside the YAML: a long list reads much faster as CSV than as YAML.
const split = splitCodesToCsv(entity);
const dir = join(repoRoot, 'catalogue', 'classifications');
writeFileSync(join(dir, 'fodelseland.csv'), split.csv);
writeFileSync(join(dir, 'fodelseland.yaml'), renderEntityFile(split.entity, { schema: '../../schema/classification.schema.json', generatedBy }));
console.log(`wrote ${join(dir, 'fodelseland.yaml')} and fodelseland.csv (${codes.length} codes)`);
