import { diagnostic } from '../../diagnostics/messages.js';
import type { Check } from '../types.js';
import { allEntities } from './util.js';

/** Every entity needs a Swedish definition: the catalogue exists to define things once. */
export const definitionSvMissing: Check = {
  codes: ['rule/definition-sv-missing'],
  run(ctx) {
    return allEntities(ctx.catalogue)
      .filter((e) => !e.definition.sv)
      .map((e) => diagnostic('rule/definition-sv-missing', {}, ctx.locate(e, '/definition', 'key')));
  },
};
