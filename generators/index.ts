// The ordered registry of generators: the composition root where src/ meets generators/.
import type { Generator } from '../src/index.js';
import { codeListsGenerator } from './code-lists/index.js';
import { jsonSchemaGenerator } from './json-schema/index.js';
import { typescriptGenerator } from './typescript/index.js';

/** Every generator, in the order they run (a generator runs after those it `uses`). */
export const GENERATORS: readonly Generator[] = [jsonSchemaGenerator, typescriptGenerator, codeListsGenerator];
