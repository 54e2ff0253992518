// The ordered registry of generators: the composition root where src/ meets generators/.
import type { Generator } from '../src/index.js';
import { codeListsGenerator } from './code-lists/index.js';
import { conceptMapsGenerator } from './concept-maps/index.js';
import { docsGenerator } from './docs/index.js';
import { jsonSchemaGenerator } from './json-schema/index.js';
import { packageGenerator } from './package/index.js';
import { typescriptGenerator } from './typescript/index.js';
import { validatorsGenerator } from './validators/index.js';

/** Every generator, in the order they run (a generator runs after those it `uses`). */
export const GENERATORS: readonly Generator[] = [
  jsonSchemaGenerator,
  typescriptGenerator,
  validatorsGenerator,
  codeListsGenerator,
  conceptMapsGenerator,
  docsGenerator,
  packageGenerator,
];
